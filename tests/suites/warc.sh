#!/usr/bin/env bash
# warc.sh -- WARC input: the pages of a web archive, plain or gzipped
# (tests/warc/make_warc.py writes the archives from real pages of
# ../shared/data/article-extraction), read as documents of their own.
# sanitize: yes
. "$(dirname "$0")/../lib.sh"

C=$CONCUR
W=$TMP/w
pages=$(ls "$SHARED"/data/article-extraction/html/*.html.gz | head -3)
python3 "$ROOT/tests/warc/make_warc.py" "$W" $pages

# strip the document id: the same page read alone has its path as id
noid() { python3 -c '
import json, sys
for l in sys.stdin:
    m = json.loads(l); m.pop("doc", None); m.pop("source", None); print(json.dumps(m, sort_keys=True))'; }

# ---- every page, in order, with the contents a direct read gives --------
for f in plain.warc records.warc.gz whole.warc.gz; do
  expect_status 0 "$f: read, exit 0" "$C" extract "$W/$f"
  cp "$TMP/stdout" "$TMP/$f.jsonl"
  check "$f: no warnings" test ! -s "$TMP/stderr"
  check "$f: documents are the pages, in archive order" python3 - "$TMP/$f.jsonl" "$W/expect.tsv" <<'PY'
import json, sys
seen = []
for l in open(sys.argv[1]):
    d = json.loads(l)["doc"]
    if not seen or seen[-1] != d:
        seen.append(d)
want = [l.split("\t")[0] for l in open(sys.argv[2])]
assert seen == want, (seen, want)
PY
  n=0
  while IFS=$'\t' read -r uri kind payload; do
    "$C" extract --input "$kind" "$W/$payload" | noid > "$TMP/direct"
    python3 -c '
import json, sys
for l in open(sys.argv[1]):
    m = json.loads(l)
    if m["doc"] == sys.argv[2]:
        m.pop("doc"); m.pop("source", None); print(json.dumps(m, sort_keys=True))' "$TMP/$f.jsonl" "$uri" > "$TMP/fromwarc"
    check "$f: page $n ($kind) has the mentions of its payload read alone, same offsets" cmp "$TMP/direct" "$TMP/fromwarc"
    n=$((n + 1))
  done < "$W/expect.tsv"
done
check "the chunked + gzip-encoded page gives mentions" test "$(grep -c '"doc":"https://News.Example.org/story/0?x=1"' "$TMP/plain.warc.jsonl")" -gt 0
check "404, image, redirect, revisit, metadata, request: no documents" \
  sh -c "! grep -qE 'missing|logo.png|/old\"|urn:uuid' '$TMP/plain.warc.jsonl'"
check "the text resource: at least 12 killed in Kunduz" grep -q '"doc":"https://archive.example.net/note.txt".*"kind":"count".*"min":12,.*"category":"killed".*"place":"Kunduz"' "$TMP/plain.warc.jsonl"
check "the WET conversion record: more than 1.000 displaced" grep -q '"doc":"https://news.example.org/story/wet".*"min":1000' "$TMP/plain.warc.jsonl"

# ---- detection: by name and by content -----------------------------------
cp "$W/records.warc.gz" "$TMP/noname.bin"
expect_status 0 "gzipped WARC detected by content (no .warc.gz name)" "$C" extract "$TMP/noname.bin"
check "  ... same output" cmp <(noid < "$TMP/stdout") <(noid < "$TMP/records.warc.gz.jsonl")
run_in "$W/plain.warc" "$C" extract -
check "WARC on standard input detected by content" cmp <(noid < "$TMP/stdout") <(noid < "$TMP/plain.warc.jsonl")
expect_status 0 "concur text reads WARC" "$C" text "$W/records.warc.gz"
check "  ... the resource's text is there" grep -q "officials said" "$TMP/stdout"

# ---- damage: a clear message naming the file, the rest still read --------
printf 'Officials said 613 people were killed.\n' > "$TMP/good.txt"
head -c $(( $(stat -c %s "$W/records.warc.gz") - 30 )) "$W/records.warc.gz" > "$TMP/cut.warc.gz"
expect_status 1 "gzip cut short: exit 1" "$C" extract "$TMP/cut.warc.gz" "$TMP/good.txt"
check "  ... named, with the reason" grep -q "cut.warc.gz: .*ends" "$TMP/stderr"
check "  ... the pages before the cut are read" grep -q '"doc":"https://News.Example.org/story/2?x=1"' "$TMP/stdout"
check "  ... the next file is read" grep -q '"doc":"[^"]*good.txt"' "$TMP/stdout"
head -c 5000 "$W/plain.warc" > "$TMP/cut.warc"
expect_status 1 "plain WARC cut inside a record: exit 1" "$C" extract "$TMP/cut.warc"
check "  ... says the record is cut" grep -q "cut.warc: record [0-9]*: the file ends inside the record" "$TMP/stderr"
{ printf 'garbage line\r\n\r\n'; cat "$W/plain.warc"; } > "$TMP/junk.warc"
expect_status 1 "junk before the first record: exit 1" "$C" extract "$TMP/junk.warc"
check "  ... named" grep -q "junk.warc: record 1: not a WARC record header, skipped" "$TMP/stderr"
check "  ... every page still read" cmp <(noid < "$TMP/stdout") <(noid < "$TMP/plain.warc.jsonl")
python3 - "$W/plain.warc" "$TMP/badlen.warc" <<'PY'
import sys
b = open(sys.argv[1], "rb").read()
i = b.find(b"Content-Length:")
j = b.find(b"\r\n", i)
open(sys.argv[2], "wb").write(b[:i] + b"Content-Length: lots" + b[j:])
PY
expect_status 1 "a record without a valid Content-Length: exit 1" "$C" extract "$TMP/badlen.warc"
check "  ... named, the later records read" sh -c "grep -q 'badlen.warc: record 1: no valid Content-Length' '$TMP/stderr' && grep -q 'story/wet' '$TMP/stdout'"
{ cat "$W/records.warc.gz"; printf 'trailing junk'; } > "$TMP/trail.warc.gz"
expect_status 1 "bytes after the last gzip member: exit 1" "$C" extract "$TMP/trail.warc.gz"
check "  ... named, every page read" sh -c "grep -q 'trail.warc.gz: bytes after the last gzip member' '$TMP/stderr' && grep -q 'story/wet' '$TMP/stdout'"
head -c 300 /dev/urandom > "$TMP/rnd"; { printf '\037\213\010\000'; cat "$TMP/rnd"; } > "$TMP/noise.warc.gz"
expect_status 1 "gzip noise named .warc.gz: exit 1, no crash" "$C" extract "$TMP/noise.warc.gz"
check "  ... named" grep -q "noise.warc.gz: " "$TMP/stderr"
