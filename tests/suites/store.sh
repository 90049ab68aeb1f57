#!/usr/bin/env bash
# store.sh -- the corpus store: `concur index DB FILE...` then `concur query
# DB [filters]`; the JSON Lines a query writes are the lines extract wrote.
# sanitize: yes
. "$(dirname "$0")/../lib.sh"

C=$CONCUR
DB=$TMP/corpus.db
S=$SHARED/seeds
docs=("$S"/*.txt "$ROOT"/tests/compare/quake/*.txt "$ROOT"/tests/compare/flood/*.txt)

expect_status 0 "index: seeds and two compare cases" "$C" index "$DB" "${docs[@]}"
check "index: says what it added" grep -q "corpus.db: 7 documents, [0-9]* mentions added" "$TMP/stderr"
"$C" extract "${docs[@]}" > "$TMP/extract.jsonl"
expect_status 0 "query: everything" "$C" query "$DB"
check "query: every mention, the very lines extract wrote, in order" cmp "$TMP/stdout" "$TMP/extract.jsonl"
expect_status 0 "query --stats" "$C" query "$DB" --stats
check "  ... 7 documents and the mention count of extract" \
  grep -qx "7 documents, $(wc -l < "$TMP/extract.jsonl") mentions" "$TMP/stdout"

# filters, each checked against the same filter applied to extract's output
filter_check() { # NAME PYTHON-CONDITION-ON-m QUERY-ARGS...
  local n=$1 py=$2; shift 2
  "$C" query "$DB" "$@" > "$TMP/q.jsonl" 2>"$TMP/q.err"
  python3 - "$TMP/extract.jsonl" "$py" > "$TMP/want.jsonl" <<'PY'
import json, sys
for l in open(sys.argv[1]):
    m = json.loads(l)
    if eval(sys.argv[2]):
        sys.stdout.write(l)
PY
  check "$n ($(wc -l < "$TMP/want.jsonl") mentions)" cmp "$TMP/q.jsonl" "$TMP/want.jsonl"
}
filter_check "query --category killed" 'm.get("category") == "killed"' --category killed
filter_check "query --kinds count --place KHOJALY (any case)" 'm["kind"] == "count" and (m.get("place") or "").lower() == "khojaly"' --kinds count --place KHOJALY
filter_check "query --kinds date,number" 'm["kind"] in ("date", "number")' --kinds date,number
filter_check "query --group children --min 10" 'm.get("group") == "children" and (m["value"] if m.get("value") is not None else m.get("min")) >= 10' --group children --min 10
filter_check "query --attribution DATA" '"data" in (m.get("attribution") or "").lower()' --attribution DATA
filter_check "query --doc '*seeds/002*'" '"seeds/002" in m["doc"]' --doc '*seeds/002*'
filter_check "query --from 1992-02 --to 1992-02 (dates and incident dates overlapping February 1992)" \
  '(lambda v: v[:1].isdigit() and v >= "1992-02"[:len(v)] and v[:7] <= "1992-02")((m.get("date") if m["kind"] == "count" else (m.get("timex") or {}).get("value")) or "")' \
  --from 1992-02 --to 1992-02
filter_check "query --category killed --limit 3" 'm.get("category") == "killed" and (globals().__setitem__("k", globals().get("k", 0) + 1) or globals()["k"] <= 3)' --category killed --limit 3
expect_status 0 "query --count" "$C" query "$DB" --category hostage --count
check "  ... 1275 hostages (seed 000) and 1275 (seed 002)" test "$(cat "$TMP/stdout")" = 2
expect_status 0 "query --format tsv" "$C" query "$DB" --category missing --format tsv
check "  ... the extract TSV columns, 150 missing" sh -c "head -1 '$TMP/stdout' | grep -q '^doc	id	kind	start	end' && grep -q '	150	150	150	' '$TMP/stdout'"
expect_status 0 "query --format table" "$C" query "$DB" --category hostage --format table
check "  ... a readable row" grep -q "1275 hostage people in Khojaly" "$TMP/stdout"

# a place with quotes and SQL in it is a value, never SQL
expect_status 0 "query: a hostile filter value is only a value" "$C" query "$DB" --place "x' OR '1'='1" --count
check "  ... matches nothing" test "$(cat "$TMP/stdout")" = 0

# re-indexing a document replaces it; a later index adds
"$C" index "$DB" "$S"/000_*.txt 2>/dev/null
expect_status 0 "re-index one seed: nothing doubled" "$C" query "$DB"
check "  ... the same mentions as before (the re-indexed document now last)" cmp <(sort "$TMP/stdout") <(sort "$TMP/extract.jsonl")

# documents read in pieces are stored as one
python3 -c "
import sys
t = open(sys.argv[1]).read()
open(sys.argv[2], 'w').write((t + '\n\n') * 40)" "$S"/000_*.txt "$TMP/long.txt"
"$C" index --piece-mb 0 "$TMP/whole.db" "$TMP/long.txt" 2>/dev/null
"$C" extract --piece-mb 0 "$TMP/long.txt" > "$TMP/long.jsonl"
expect_status 0 "index in pieces (--piece-mb 1 on a 1.6 MB text)" "$C" index --piece-mb 1 "$TMP/pieces.db" "$TMP/long.txt"
"$C" query "$TMP/pieces.db" --kinds number > "$TMP/pn.jsonl"
grep '"kind":"number"' "$TMP/long.jsonl" > "$TMP/wn.jsonl"
check "  ... one document, its numbers as read whole" cmp <(cut -d, -f3- "$TMP/pn.jsonl") <(cut -d, -f3- "$TMP/wn.jsonl")
"$C" query "$TMP/pieces.db" --stats > "$TMP/st"
check "  ... one document" grep -q "^1 documents" "$TMP/st"

# errors: a clear message naming the store
expect_status 1 "query a store that does not exist: exit 1" "$C" query "$TMP/nope.db"
check "  ... named" grep -q "nope.db: cannot open the store" "$TMP/stderr"
check "  ... and not created" test ! -e "$TMP/nope.db"
printf 'not a database at all, just text\n%.0s' $(seq 1 200) > "$TMP/text.db"
expect_status 1 "index into a file that is not a store: exit 1" "$C" index "$TMP/text.db" "$S"/000_*.txt
check "  ... named as not a concur store" grep -q "text.db: not a concur store" "$TMP/stderr"
check "  ... the file left as it was" grep -q "^not a database" "$TMP/text.db"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table t(x)'); c.commit()" "$TMP/other.db"
expect_status 1 "query an SQLite file of something else: exit 1" "$C" query "$TMP/other.db"
check "  ... named as not a concur store" grep -q "other.db: not a concur store" "$TMP/stderr"
expect_status 2 "query with a bad date: exit 2" "$C" query "$DB" --from 1992/02
check "  ... says what a date is" grep -q "YYYY, YYYY-MM or YYYY-MM-DD" "$TMP/stderr"
expect_status 2 "query with an unknown option: exit 2" "$C" query "$DB" --colour red
expect_status 2 "index without files: exit 2" "$C" index "$DB"
expect_status 1 "index a missing file: exit 1, the others added" "$C" index "$TMP/m.db" "$TMP/missing.txt" "$S"/000_*.txt
check "  ... named" grep -q "missing.txt: No such file" "$TMP/stderr"
check "  ... the good file stored" sh -c "'$C' query '$TMP/m.db' --stats | grep -q '^1 documents'"
