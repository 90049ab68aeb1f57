#!/usr/bin/env bash
# cli.sh -- the concur command: usage, exit codes, standard input, kinds,
# formats, JSON Lines input, the output contract on every line, input order.
# sanitize: yes
. "$(dirname "$0")/../lib.sh"

C=$CONCUR
SEEDS=$SHARED/seeds
VERSION=$(sed -n 's/^#define CONCUR_VERSION "\(.*\)"/\1/p' "$ROOT/include/concur.h")

# ---- usage, version, exit status 2 ---------------------------------------
expect_status 0 "--help exits 0" "$C" --help
check "--help prints the usage on stdout" grep -q '^usage: concur <command>' "$TMP/stdout"
check "--help lists extract, text, compare" grep -qE '^  extract' "$TMP/stdout"
expect_status 0 "extract --help exits 0" "$C" extract --help
check "extract --help prints the usage" grep -q '^usage: concur' "$TMP/stdout"
expect_status 0 "--version exits 0" "$C" --version
check "--version prints concur $VERSION" grep -qx "concur $VERSION" "$TMP/stdout"
expect_status 2 "no arguments: usage, exit 2" "$C"
check "no arguments: usage on stderr" grep -q '^usage: concur' "$TMP/stderr"
expect_status 2 "unknown command: exit 2" "$C" frobnicate x
check "unknown command is named" grep -q "unknown command 'frobnicate'" "$TMP/stderr"
expect_status 2 "unknown option: exit 2" "$C" extract --frob x
check "unknown option is named" grep -q "unknown option '--frob'" "$TMP/stderr"
expect_status 2 "--kinds with an unknown kind: exit 2" "$C" extract --kinds number,widgets x
expect_status 2 "--format unknown: exit 2" "$C" extract --format xml x
expect_status 2 "--input unknown: exit 2" "$C" extract --input pdf x
expect_status 2 "--ref-date not a date: exit 2" "$C" extract --ref-date 26/02/1992 x
expect_status 2 "--date-mode unknown: exit 2" "$C" extract --date-mode future x
expect_status 2 "option without its value: exit 2" "$C" extract --kinds
expect_status 2 "no input files: exit 2" "$C" extract --kinds number
check "no input files: says so" grep -q 'no input files' "$TMP/stderr"
expect_status 2 "text without files: exit 2" "$C" text

# ---- exit status 0 and 1 --------------------------------------------------
printf 'On 26 February 1992, 613 people were killed.\n' > "$TMP/a.txt"
printf 'More than 1,000 people fled; 8 were injured.\n' > "$TMP/b.txt"
expect_status 0 "readable inputs: exit 0" "$C" extract "$TMP/a.txt" "$TMP/b.txt"
expect_status 1 "a missing input: exit 1" "$C" extract "$TMP/a.txt" "$TMP/nope.txt" "$TMP/b.txt"
check "the missing input is named on stderr" grep -q "nope.txt: No such file or directory" "$TMP/stderr"
check "the other inputs are still processed" \
  python3 -c 'import json,sys; d=[json.loads(l)["doc"] for l in open(sys.argv[1])]; sys.exit(not (any(x.endswith("a.txt") for x in d) and any(x.endswith("b.txt") for x in d)))' "$TMP/stdout"
check "nothing but messages on stderr" test "$(grep -vc '^concur: ' "$TMP/stderr")" = 0

# ---- standard input ------------------------------------------------------
run_in "$TMP/a.txt" "$C" extract --kinds number -
check "- reads standard input (exit 0)" test "$RC" = 0
check "- : doc is \"-\"" python3 -c 'import json,sys; l=[json.loads(x) for x in open(sys.argv[1])]; sys.exit(not l or any(m["doc"] != "-" for m in l))' "$TMP/stdout"
check "- : 613 found in standard input" grep -q '"text":"613"' "$TMP/stdout"
run_in "$TMP/a.txt" "$C" text -
check "text - prints the clean text of standard input" grep -qx 'On 26 February 1992, 613 people were killed.' "$TMP/stdout"

# ---- --kinds filtering ----------------------------------------------------
cat "$SEEDS"/*.txt > "$TMP/seeds.txt"
for k in number date count quantity; do
  "$C" extract --kinds $k "$TMP/seeds.txt" > "$TMP/k.jsonl" 2>/dev/null
  check "--kinds $k writes only $k mentions" \
    python3 -c 'import json,sys; sys.exit(any(json.loads(l)["kind"] != sys.argv[2] for l in open(sys.argv[1])))' "$TMP/k.jsonl" $k
done
"$C" extract --kinds number "$TMP/seeds.txt" > "$TMP/num.jsonl"
check "--kinds number finds numbers in the seeds" test "$(wc -l < "$TMP/num.jsonl")" -gt 10
"$C" extract --kinds number,date "$TMP/seeds.txt" > "$TMP/nd.jsonl"
check "--kinds number,date is a superset of --kinds number" \
  python3 -c 'import sys; a=set(open(sys.argv[1])); b=set(open(sys.argv[2])); sys.exit(not a <= b)' "$TMP/num.jsonl" "$TMP/nd.jsonl"
"$C" extract --kinds all "$TMP/seeds.txt" > "$TMP/all1.jsonl"
"$C" extract "$TMP/seeds.txt" > "$TMP/all2.jsonl"
check "--kinds all = the default" cmp -s "$TMP/all1.jsonl" "$TMP/all2.jsonl"

# ---- the output contract, on every line ----------------------------------
for s in "$SEEDS"/*.txt; do
  b=$(basename "$s")
  "$C" extract "$s" > "$TMP/seed.jsonl" 2>"$TMP/seed.err"
  check "seed $b: every line meets the contract, text = input bytes" \
    python3 "$ROOT/tests/contract.py" "$TMP/seed.jsonl" --src "$s=$s"
  check "seed $b: mentions found" test -s "$TMP/seed.jsonl"
done
# normalised characters and multibyte text: offsets still count input bytes
printf '\xe2\x80\x9cSome\xe2\x80\x9d 1\xe2\x80\x93\xc2\xa02 caf\xc3\xa9s, \xef\xac\x81ve 42\xe2\x80\xaf%% and \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 7.\n' > "$TMP/u.txt"
"$C" extract "$TMP/u.txt" > "$TMP/u.jsonl"
check "multibyte/normalised input: contract and exact bytes" \
  python3 "$ROOT/tests/contract.py" "$TMP/u.jsonl" --src "$TMP/u.txt=$TMP/u.txt"
# "42 %" (narrow no-break space) is one percentage: 42 starts at byte 33, "%" ends at 39
check "multibyte input: 42 found at its byte offset" grep -q '"start":33,"end":39,"text":"42' "$TMP/u.jsonl"
check "multibyte input: 7 found at its byte offset" grep -q '"start":57,"end":58,"text":"7"' "$TMP/u.jsonl"

# ---- formats -------------------------------------------------------------
"$C" extract --format tsv "$TMP/seeds.txt" > "$TMP/out.tsv"
check "tsv: header line first" \
  test "$(head -1 "$TMP/out.tsv")" = "$(printf 'doc\tid\tkind\tstart\tend\tsentence\ttext\tvalue\tmin\tmax\tqualifier\tunit\ttimex_type\ttimex_value\ttimex_mod\tcategory\tgroup\tparent\tattribution\tplace\tdate')"
check "tsv: every line has 21 columns" awk -F'\t' 'NF != 21 { exit 1 }' "$TMP/out.tsv"
check "tsv: one row per JSON Lines mention" test "$(($(wc -l < "$TMP/out.tsv") - 1))" = "$(wc -l < "$TMP/all1.jsonl")"
"$C" extract --format tsv --no-header "$TMP/seeds.txt" > "$TMP/nh.tsv"
check "tsv --no-header: no header" test "$(wc -l < "$TMP/nh.tsv")" = "$(wc -l < "$TMP/all1.jsonl")"
"$C" extract --format tsv "$TMP/a.txt" "$TMP/b.txt" > "$TMP/ab.tsv"
check "tsv: one header for several files" test "$(grep -c '^doc	id	kind' "$TMP/ab.tsv")" = 1
"$C" extract --format table "$TMP/a.txt" "$TMP/b.txt" > "$TMP/ab.table"
check "table: a title per document" test "$(grep -c '^== .*\.txt ==$' "$TMP/ab.table")" = 2
check "table: column header" grep -qE '^id +kind +bytes +text +reading' "$TMP/ab.table"
check "table: 613 shown" grep -qE '^m[0-9]+ +[a-z]+ +[0-9]+-[0-9]+ +613' "$TMP/ab.table"
"$C" extract --format json "$TMP/a.txt" > "$TMP/j.jsonl"
"$C" extract --format jsonl "$TMP/a.txt" > "$TMP/jl.jsonl"
check "--format json is jsonl" cmp -s "$TMP/j.jsonl" "$TMP/jl.jsonl"

# ---- JSON Lines input ----------------------------------------------------
cat > "$TMP/in.jsonl" <<'EOF'
{"id": "r1", "text": "\u00c9t\u00e9: 12 people were killed.", "date": "2020-05-01", "source": "wire"}
{"id": 7, "text": "Line one\nLine two has 99 and \"quoted\" 3.", "extra": {"nested": [1, 2, {"a": null}]}}
{"text": "no id here, 5 missing"}

{"id": "r4", "date": "1992-02-27", "text": "\ud83d\ude00 emoji then 44 wounded"}
EOF
"$C" extract --input jsonl "$TMP/in.jsonl" > "$TMP/in.out" 2>"$TMP/in.err"; RC=$?
check "jsonl input: exit 0" test "$RC" = 0
check "jsonl input: contract, offsets count bytes of the decoded text" \
  python3 "$ROOT/tests/contract.py" "$TMP/in.out" --jsonl "$TMP/in.jsonl"
check "jsonl input: the record id is the doc" grep -q '"doc":"r1".*"text":"12"' "$TMP/in.out"
check "jsonl input: 12 at byte 7 of the decoded text" grep -q '"doc":"r1","id":"m[0-9]*","kind":"number","start":7,"end":9' "$TMP/in.out"
check "jsonl input: a numeric id is kept" grep -q '"doc":"7"' "$TMP/in.out"
check "jsonl input: no id -> FILE:LINE" grep -q "\"doc\":\"$TMP/in.jsonl:3\"" "$TMP/in.out"
check "jsonl input: surrogate pair decoded, 44 at byte 16" grep -q '"doc":"r4",.*"start":16,"end":18,"text":"44"' "$TMP/in.out"
check "jsonl input: output order = record order" \
  python3 -c 'import json,sys
d=[]
for l in open(sys.argv[1]):
    x=json.loads(l)["doc"]
    if not d or d[-1]!=x: d.append(x)
sys.exit(d != ["r1","7",sys.argv[2]+":3","r4"])' "$TMP/in.out" "$TMP/in.jsonl"
"$C" extract "$TMP/in.jsonl" > "$TMP/auto.out" 2>/dev/null
check "--input auto reads .jsonl as JSON Lines" cmp -s "$TMP/in.out" "$TMP/auto.out"
cp "$TMP/in.jsonl" "$TMP/in.txt"
"$C" extract --input jsonl "$TMP/in.txt" > "$TMP/forced.out" 2>/dev/null
check "--input jsonl on another file name" test "$(wc -l < "$TMP/forced.out")" = "$(wc -l < "$TMP/in.out")"
"$C" text --input jsonl "$TMP/in.jsonl" > "$TMP/in.text"
check "text of JSON Lines: one block per record" test "$(grep -c 'people were killed' "$TMP/in.text")" = 1
check "text of JSON Lines: decoded escapes" grep -q '"quoted" 3\.' "$TMP/in.text"
run_in "$TMP/in.jsonl" "$C" extract --input jsonl -
check "JSON Lines on standard input" test "$(wc -l < "$TMP/stdout")" = "$(wc -l < "$TMP/in.out")"

# ---- concur text ---------------------------------------------------------
printf 'First   para\xc2\xa0with  spaces.\n\nSecond \xe2\x80\x9cpara\xe2\x80\x9d.\n' > "$TMP/t.txt"
"$C" text "$TMP/t.txt" > "$TMP/t.out"
printf 'First para with spaces.\n\nSecond "para".\n' > "$TMP/t.want"
check "text: clean text, paragraphs blank-line separated" cmp -s "$TMP/t.out" "$TMP/t.want"
"$C" text "$TMP/a.txt" "$TMP/b.txt" > "$TMP/t2.out"
check "text: documents in input order" \
  test "$(grep -n . "$TMP/t2.out" | cut -c1-6 | tr '\n' ' ')" = "1:On 2 3:More "

# ---- output order = input order ------------------------------------------
"$C" extract "$TMP/b.txt" "$TMP/a.txt" "$TMP/b.txt" > "$TMP/ord.jsonl"
check "output order = argument order (b a b)" \
  python3 -c 'import json,sys
d=[]
for l in open(sys.argv[1]):
    x=json.loads(l)["doc"].rsplit("/",1)[-1]
    if not d or d[-1]!=x: d.append(x)
sys.exit(d != ["b.txt","a.txt","b.txt"])' "$TMP/ord.jsonl"

# ---- writing errors ------------------------------------------------------
if [ -w /dev/full ]; then
  "$C" extract "$TMP/seeds.txt" > /dev/full 2>"$TMP/full.err"; RC=$?
  check "output to a full device: exit 1" test "$RC" = 1
  check "output to a full device: a message" grep -q 'cannot write' "$TMP/full.err"
fi

# ---- the man page says what --help says ----------------------------------
"$C" --help > "$TMP/help.txt"
for opt in $(grep -oE -- '--[a-z][a-z-]+' "$TMP/help.txt" | sort -u); do
  esc=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
  check "man page documents $opt" grep -q -- "$esc" "$ROOT/man/concur.1"
done
for fmt in $(sed -n 's/.*--format FMT *extract: \([^;]*\);.*/\1/p' "$TMP/help.txt" | tr -d ',()' | sed 's/default//'); do
  check "man page documents --format $fmt" grep -qE "^\.BR? $fmt( |$)" "$ROOT/man/concur.1"
done
for cmd in $(sed -n 's/^  \([a-z]*\)   .*/\1/p' "$TMP/help.txt"); do
  check "man page documents the command $cmd" grep -q "^\.B $cmd\$" "$ROOT/man/concur.1"
done
