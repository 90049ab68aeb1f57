#!/usr/bin/env bash
# compare: concur compare end to end -- golden cases (tests/compare/*/gold.json,
# checked strictly by tests/compare/check.py), the evaluation scorer with
# floors, the command's formats, options and errors.
# sanitize: yes
. "$(dirname "$0")/../lib.sh"
cd "$ROOT"
S1=$SHARED/seeds/000_a6e83453918b2be5.txt
S2=$SHARED/seeds/002_6637e180a62b7d55.txt

# ---- golden cases: every fact lined up with its exact verdict
for gold in tests/compare/*/gold.json; do
  case_dir=$(dirname "$gold")
  docs=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['docs'])" "$gold")
  docs=${docs//..\/shared/$SHARED}
  # shellcheck disable=SC2086
  python3 tests/compare/check.py "$CONCUR" "$case_dir" $docs
done

# ---- the evaluation scorer: facts lined up, floors from measured figures
# (docs/compare.md); raise a floor when the figure rises
score_floor() { # NAME FLOOR GOLD DOC...
  local n=$1 floor=$2 gold=$3; shift 3
  local line got
  line=$(CONCUR="$CONCUR" python3 "$SHARED/tools/eval/score_compare.py" . "$gold" "$@" | tail -n1)
  echo "# $n: $line"
  got=$(printf '%s\n' "$line" | sed -n 's/^compare: facts \([0-9]*\)\/.*/\1/p')
  if [ -n "$got" ] && [ "$got" -ge "$floor" ]; then ok "scorer $n: facts $got >= $floor"
  else not_ok "scorer $n: facts ${got:-?} < $floor"; fi
}
score_floor khojaly 16 tests/compare/khojaly/gold.json "$S1" "$S2"
score_floor flood 9 tests/compare/flood/gold.json tests/compare/flood/*.txt
score_floor airstrike 5 tests/compare/airstrike/gold.json tests/compare/airstrike/*.txt
score_floor quake 9 tests/compare/quake/gold.json tests/compare/quake/*.txt
score_floor ferry 14 tests/compare/ferry/gold.json tests/compare/ferry/*.txt
score_floor goma 8 tests/compare/goma/gold.json tests/compare/goma/*.txt
score_floor market 6 tests/compare/market/gold.json tests/compare/market/*.txt
score_floor herat 6 tests/compare/herat/gold.json tests/compare/herat/*.txt
score_floor bus 10 tests/compare/bus/gold.json tests/compare/bus/*.txt
score_floor cyclone 4 tests/compare/cyclone/gold.json tests/compare/cyclone/*.txt

# ---- the same story as an HTML page: its dateline sits in a <p class=...>
# (read on the clean text, not the markup's line): the facts and verdicts
# are those of the plain-text copy
"$CONCUR" compare --format json tests/compare/cyclone/a_ocha.txt tests/compare/cyclone/b_news.txt >"$TMP/cy_t" 2>/dev/null
"$CONCUR" compare --format json tests/compare/cyclone/a_ocha.txt tests/compare/cyclone/html/b_news.html >"$TMP/cy_h" 2>/dev/null
check "cyclone: an HTML page lines up as its plain text" python3 - "$TMP/cy_t" "$TMP/cy_h" <<'PY'
import json, sys
def rows(p):
    out = []
    for l in open(p):
        r = json.loads(l)
        k = r["key"]
        vals = sorted((str(s.get("value")), str(s.get("timex"))) for s in r["sources"] if "b_news" in str(s.get("doc")))
        out.append((k["category"], str(k["group"]), r["verdict"], vals))
    return sorted(out)
t, h = rows(sys.argv[1]), rows(sys.argv[2])
# the same facts and verdicts (the page's <h1> is not in its text,
# docs/ingest.md, so its "at least 63" is missing from the page's sources)
assert [r[:3] for r in t] == [r[:3] for r in h], (t, h)
PY

# ---- table: one row per fact, a column per document, summary, no colour in a pipe
"$CONCUR" compare "$S1" "$S2" >"$TMP/t" 2>"$TMP/e"
check "table exits 0" test $? = 0
check "table names the documents" grep -q "^\[2\] .*002_6637e180a62b7d55.txt$" "$TMP/t"
check "table: killed 613 agree" grep -Eq "^killed people.* 613 \(official data\) +613 +agree$" "$TMP/t"
check "table: women under 613" grep -Eq "^  killed women.* 106 .* 106 +agree$" "$TMP/t"
check "table: summary line" grep -Eq "^[0-9]+ facts: [0-9]+ agree, [0-9]+ consistent, [0-9]+ conflict, [0-9]+ single$" "$TMP/t"
check "table: no colour when not a terminal" bash -c "! grep -q $'\033' '$TMP/t'"
check "table: summary counts add up" python3 - "$TMP/t" <<'PY'
import re, sys
t = open(sys.argv[1]).read().splitlines()
m = re.match(r"(\d+) facts: (\d+) agree, (\d+) consistent, (\d+) conflict, (\d+) single", t[-1])
rows = [l for l in t if re.search(r"  (agree|consistent|conflict|single)$", l)]
n = int(m.group(1))
assert n == sum(int(m.group(i)) for i in range(2, 6)) == len(rows), (n, len(rows))
for v, i in (("agree", 2), ("consistent", 3), ("conflict", 4), ("single", 5)):
    assert sum(l.endswith("  " + v) for l in rows) == int(m.group(i)), v
PY

# ---- JSON: the compare contract
"$CONCUR" compare --format json "$S1" "$S2" >"$TMP/j"
check "json: every line a fact in the contract's shape" python3 - "$TMP/j" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert rows
ids = {r["fact"] for r in rows}
for r in rows:
    assert set(r["key"]) == {"category", "group", "place"}
    assert r["verdict"] in ("agree", "consistent", "conflict", "single")
    assert r["parent"] is None or r["parent"] in ids
    docs = {s["doc"] for s in r["sources"]}
    assert (len(docs) == 1) == (r["verdict"] == "single"), r
    for s in r["sources"]:
        for k in ("doc", "id", "value", "min", "max", "attribution", "text"):
            assert k in s, k
        src = open(s["doc"], "rb").read()
        assert src[s["start"]:s["end"]].decode() == s["text"], s
PY

# ---- HTML: one self-contained file
"$CONCUR" compare --format html -o "$TMP/r.html" "$S1" "$S2"
check "html -o writes the report" test -s "$TMP/r.html"
check "html: nothing fetched from the network" bash -c "! grep -Eiq '(src|href)=\"(https?:)?//' '$TMP/r.html'"
check "html: every source highlighted" python3 - "$TMP/r.html" "$TMP/j" <<'PY'
import json, re, sys
h = open(sys.argv[1]).read()
rows = [json.loads(l) for l in open(sys.argv[2])]
marks = set(re.findall(r'<mark class="claim v-\w+(?: variant)?" id="(d\d+-m\d+)"', h))
links = re.findall(r'<a class="src(?: variant)?" href="#(d\d+-m\d+)"', h)
assert len(links) == sum(len(r["sources"]) for r in rows)
assert set(links) <= marks, set(links) - marks
PY
"$CONCUR" compare --format html tests/compare/hostile/page.html tests/compare/hostile/report.txt >"$TMP/h.html"
check "html: hostile text escaped (one script element, no img)" python3 - "$TMP/h.html" <<'PY'
import sys
h = open(sys.argv[1]).read()
assert h.count("<script") == 1 and "<img" not in h
assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in h
assert "onerror=alert(4)" in h
import re
assert not re.search(r"<[a-zA-Z][^>]*\son\w+\s*=", h), "an on* attribute in a tag"
PY

# ---- inputs: JSON Lines records are documents; errors
python3 - "$S1" "$S2" >"$TMP/k.jsonl" <<'PY'
import json, sys
for i, p in enumerate(sys.argv[1:]):
    print(json.dumps({"id": f"seed{i}", "text": open(p, encoding="utf-8").read()}))
PY
"$CONCUR" compare --format json "$TMP/k.jsonl" >"$TMP/kj"
check "jsonl records compared as documents" python3 -c "
import json,sys
rows=[json.loads(l) for l in open('$TMP/kj')]
r=[r for r in rows if r['key']['category']=='killed' and any(s['value']==613 for s in r['sources'])][0]
assert r['verdict']=='agree' and {s['doc'] for s in r['sources']}=={'seed0','seed1'}"
"$CONCUR" compare "$S1" "$TMP/no-such-file" >"$TMP/o" 2>"$TMP/e"; rc=$?
check "missing file: exit 1" test "$rc" = 1
check "missing file: named on stderr" grep -q "no-such-file" "$TMP/e"
check "missing file: the other document still compared" grep -Eq "^killed civilians.* 613 .*single$" "$TMP/o"
"$CONCUR" compare --format pdf "$S1" >/dev/null 2>&1; rc=$?
check "bad format: exit 2" test "$rc" = 2
"$CONCUR" compare >/dev/null 2>&1; rc=$?
check "no files: exit 2" test "$rc" = 2
printf '' >"$TMP/empty.txt"
"$CONCUR" compare "$TMP/empty.txt" >/dev/null 2>&1; rc=$?
check "only an empty file: exit 1, no crash" test "$rc" = 1
"$CONCUR" compare --format json - <"$S1" >"$TMP/si"
check "standard input" grep -q '"doc":"-"' "$TMP/si"

# ---- speed: 1,000 reports compared in seconds (not under the sanitizers)
case "$CONCUR" in
  *build-asan*|*build-ubsan*) echo "skip - speed: sanitizer build" ;;
  *)
    python3 tests/compare/gen_many.py 1000 >"$TMP/many.jsonl"
    # CPU seconds (user + system): a loaded machine inflates wall time only
    read -r cpu _ wall <<<"$(PEAK_OUT="$TMP/many.out" peak_rss_kb "$CONCUR" compare --format json "$TMP/many.jsonl")"
    echo "# compare of 1000 documents (extraction included): ${cpu}s CPU, ${wall}s wall"
    check "speed: 1000 documents in under 5 s of CPU" python3 -c "assert $cpu < 5"
    # a document that is a table of 2,000 distinct counts, given twice
    python3 -c "print(''.join(f'On 3 March 2024, {i} people were killed. ' for i in range(1, 2001)))" >"$TMP/table.txt"
    t0=$(date +%s.%N)
    "$CONCUR" compare --format json "$TMP/table.txt" "$TMP/table.txt" >"$TMP/table.out"
    t1=$(date +%s.%N)
    echo "# compare of two 2,000-count documents: $(python3 -c "print(f'{$t1 - $t0:.2f}')")s"
    check "pathological: two 2,000-count documents in under 10 s" python3 -c "assert $t1 - $t0 < 10"
    check "pathological: each count lined up with its copy" \
      python3 -c "import json; r=[json.loads(l) for l in open('$TMP/table.out')]; assert sum(x['verdict']=='agree' for x in r) >= 1990, len(r)"
    check "speed: 1000 documents make one row per incident, not one per document" \
      python3 -c "import json; r=[json.loads(l) for l in open('$TMP/many.out')]; assert 8 <= len(r) <= 60, len(r)"
    ;;
esac
exit 0
