#!/usr/bin/env bash
# bad_input.sh -- every bad input of DESIGN.md: a clear message naming the
# file, the other inputs still processed, exit 1 when some input could not be
# read, never a crash (this suite also runs under ASan + UBSan).
# sanitize: yes
. "$(dirname "$0")/../lib.sh"

C=$CONCUR
printf 'Officials said 613 people were killed.\n' > "$TMP/good.txt"

# good_done: the good file's mentions are in $TMP/stdout
good_done() { grep -q '"doc":"[^"]*good.txt".*"text":"613"' "$TMP/stdout"; }
# no_crash: exit status is 0, 1 or 2 and no sanitizer report
no_crash() { [ "$RC" -le 2 ] && ! grep -qE 'ERROR: AddressSanitizer|runtime error:|Segmentation|Aborted' "$TMP/stderr"; }

# ---- missing path, directory ---------------------------------------------
expect_status 1 "missing file: exit 1" "$C" extract "$TMP/missing.txt" "$TMP/good.txt"
check "missing file: named with the reason" grep -q "missing.txt: No such file or directory" "$TMP/stderr"
check "missing file: the good file still processed" good_done
mkdir -p "$TMP/adir"
expect_status 1 "directory: exit 1" "$C" extract "$TMP/adir" "$TMP/good.txt"
check "directory: named" grep -q "adir: is a directory" "$TMP/stderr"
check "directory: the good file still processed" good_done
expect_status 1 "missing file with text: exit 1" "$C" text "$TMP/missing.txt" "$TMP/good.txt"
check "missing file with text: the good file's text printed" grep -q '613 people' "$TMP/stdout"

# ---- empty file, empty standard input ------------------------------------
: > "$TMP/empty.txt"
expect_status 0 "empty file: exit 0 (read, nothing in it)" "$C" extract "$TMP/empty.txt" "$TMP/good.txt"
check "empty file: named" grep -q "empty.txt: empty file" "$TMP/stderr"
check "empty file: the good file still processed" good_done
run_in /dev/null "$C" extract -
check "empty standard input: exit 0, no output" test "$RC" = 0 -a ! -s "$TMP/stdout"
check "empty standard input: named -" grep -q "^concur: -: empty file" "$TMP/stderr"
printf '\n\n   \n\t\n' > "$TMP/blank.txt"
expect_status 0 "blank lines only: exit 0" "$C" extract "$TMP/blank.txt"
check "blank lines only: no mentions" test ! -s "$TMP/stdout"

# ---- binary file ---------------------------------------------------------
head -c 4096 /dev/urandom > "$TMP/bin.dat"; printf '\0\0\0' >> "$TMP/bin.dat"
expect_status 1 "binary file: exit 1" "$C" extract "$TMP/bin.dat" "$TMP/good.txt"
check "binary file: named as binary" grep -q "bin.dat: binary file" "$TMP/stderr"
check "binary file: the good file still processed" good_done
printf '\xff\xfeS\x00o\x00m\x00e\x00 \x001\x002\x00' > "$TMP/utf16.txt"
expect_status 1 "UTF-16 file: exit 1" "$C" extract "$TMP/utf16.txt"
check "UTF-16 file: named, with what to do" grep -q "utf16.txt: UTF-16 text (byte-order mark) is not read; convert it to UTF-8" "$TMP/stderr"
# NUL bytes later than the sniffed prefix: processed, no crash
# (the fuzzer found a word-table lookup reading past a row on a key with a
# NUL byte in it: "please enable javascript\0...")
{ head -c 10000 /dev/zero | tr '\0' 'a'; printf ' 12 \0\0 34 killed\nplease enable javascript\0<41\n'; } > "$TMP/latenul.txt"
expect_status 0 "NUL bytes after the first 8 KiB: processed" "$C" extract "$TMP/latenul.txt"
check "late NUL bytes: the text around them is read" grep -q '"text":"34"' "$TMP/stdout"

# ---- invalid UTF-8: processed with a warning -----------------------------
printf 'Caf\xe9 \xff\xfe 12 people \xe2\x82 were killed, \xc0\xaf 30 \xed\xa0\x80 injured.\n' > "$TMP/latin1.txt"
expect_status 0 "invalid UTF-8: exit 0 (processed)" "$C" extract "$TMP/latin1.txt"
check "invalid UTF-8: a warning naming the file and the byte" grep -q "latin1.txt: invalid UTF-8 at byte 3" "$TMP/stderr"
check "invalid UTF-8: 12 found at its input offset" grep -q '"start":8,"end":10,"text":"12"' "$TMP/stdout"
check "invalid UTF-8: 30 found at its input offset" grep -q '"start":37,"end":39,"text":"30"' "$TMP/stdout"
check "invalid UTF-8: output is valid JSON" python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]' "$TMP/stdout"
"$C" text "$TMP/latin1.txt" > "$TMP/latin1.out" 2>/dev/null
check "invalid UTF-8: clean text is valid UTF-8" python3 -c 'import sys; open(sys.argv[1],"rb").read().decode("utf-8")' "$TMP/latin1.out"
"$C" extract --format tsv "$TMP/latin1.txt" > "$TMP/latin1.tsv" 2>/dev/null
check "invalid UTF-8: tsv has 21 columns" awk -F'\t' 'NF != 21 { exit 1 }' "$TMP/latin1.tsv"

# ---- JSON Lines with bad lines -------------------------------------------
{
  printf '{"id": "ok1", "text": "first 11 killed"}\n'
  printf 'this is not json\n'
  printf '{"id": "notext", "body": "x"}\n'
  printf '{"id": "ok2", "text": "second 22 killed"}\n'
  printf '{"id": "trunc", "text": "unterminated\n'
  printf '{"id": "badesc", "text": "\\q"}\n'
  printf '{"id": "badu", "text": "\\u12G4"}\n'
  printf '[1, 2, 3]\n'
  printf '{"id": "deep", "x": %s1%s, "text": "d"}\n' "$(printf '[%.0s' $(seq 1000))" "$(printf ']%.0s' $(seq 1000))"
  printf '{"id": "textnum", "text": 5}\n'
  printf '{"id": "ok3", "text": "lone \\ud800 surrogate, 33 killed"}\r\n'
  printf '{"id": "ok4", "text": "\\u0000 nul escape 44"}\n'
  printf '{"id": "ok5", "text": "no newline at the end 55"}'
} > "$TMP/mixed.jsonl"
expect_status 1 "JSON Lines with bad lines: exit 1" "$C" extract "$TMP/mixed.jsonl" "$TMP/good.txt"
for n in 2 3 5 6 7 8 9 10; do
  check "JSON Lines: bad line $n named as FILE:$n" grep -q "mixed.jsonl:$n: " "$TMP/stderr"
done
check "JSON Lines: exactly 8 bad lines reported" test "$(grep -c 'mixed.jsonl:[0-9]*: ' "$TMP/stderr")" = 8
for id in ok1 ok2 ok3 ok4 ok5; do
  check "JSON Lines: good record $id processed" grep -q "\"doc\":\"$id\"" "$TMP/stdout"
done
check "JSON Lines: the next file still processed" good_done
check "JSON Lines: contract holds with bad lines around" python3 "$ROOT/tests/contract.py" "$TMP/stdout" --jsonl "$TMP/mixed.jsonl"
# a NUL byte inside a record's text reaches the word tables: the fuzzer found
# a lookup reading past a table row on the key "please enable javascript\0..."
printf '{"id":"nul","text":"please enable javascript\\u0000<41.2:41.5750\\n\\nOfficials said 12 people were killed."}\n' > "$TMP/nul.jsonl"
"$C" extract "$TMP/nul.jsonl" >"$TMP/stdout" 2>"$TMP/stderr"; RC=$?
check "JSON Lines text with a \\u0000: no crash" no_crash
check "JSON Lines text with a \\u0000: 12 found" grep -q '"text":"12"' "$TMP/stdout"
printf '\xef\xbb\xbf{"id": "bom", "text": "7 killed"}\n' > "$TMP/bom.jsonl"
expect_status 0 "JSON Lines with a byte-order mark: read" "$C" extract "$TMP/bom.jsonl"
check "JSON Lines with a byte-order mark: record found" grep -q '"doc":"bom"' "$TMP/stdout"
printf '{"id": "u", "text": "ok \xff\xfe 9 killed"}\n' > "$TMP/badutf.jsonl"
expect_status 0 "JSON Lines with invalid UTF-8 in a string: processed" "$C" extract "$TMP/badutf.jsonl"
check "JSON Lines with invalid UTF-8: warned" grep -q "invalid UTF-8" "$TMP/stderr"

# ---- broken HTML ---------------------------------------------------------
printf '<html><body><p>3 people <b>killed <div <<<< >>> </p><p>at 5 <a href="x' > "$TMP/broken.html"
expect_status 0 "broken HTML: exit 0" "$C" extract "$TMP/broken.html" "$TMP/good.txt"
check "broken HTML: the good file still processed" good_done
check "broken HTML: contract holds" python3 "$ROOT/tests/contract.py" "$TMP/stdout" --src "$TMP/broken.html=$TMP/broken.html" --src "$TMP/good.txt=$TMP/good.txt"
printf '<p>unclosed <!-- comment 12 <script>var x = "<p>";' > "$TMP/unclosed.html"
"$C" extract "$TMP/unclosed.html" >"$TMP/stdout" 2>"$TMP/stderr"; RC=$?
check "unclosed comment/script: no crash" no_crash
printf '<html><body>&amp; &#x31;&#50; &bogus; &#99999999999; &#0; &#xD800; 4&nbsp;killed</body></html>' > "$TMP/ent.html"
"$C" extract "$TMP/ent.html" >"$TMP/stdout" 2>"$TMP/stderr"; RC=$?
check "odd entities: no crash" no_crash
check "odd entities: contract holds" python3 "$ROOT/tests/contract.py" "$TMP/stdout" --src "$TMP/ent.html=$TMP/ent.html"

python3 -c "import sys; sys.stdout.write('<html><body>' + '<div>' * 200 + '<p>Officials said 5 people were killed in the attack.</p>' + '</div>' * 200 + '</body></html>')" > "$TMP/deep200.html"
"$C" text "$TMP/deep200.html" >"$TMP/stdout" 2>"$TMP/stderr"; RC=$?
check "HTML nested 200 deep: no crash" no_crash
check "HTML nested 200 deep: the text inside is read" grep -q '5 people were killed' "$TMP/stdout"

# ---- writing to a closed pipe / full device ------------------------------
if [ -w /dev/full ]; then
  "$C" extract "$TMP/good.txt" > /dev/full 2>"$TMP/stderr"; RC=$?
  check "full output device: exit 1 with a message" test "$RC" = 1
  check "full output device: says it cannot write" grep -q 'cannot write' "$TMP/stderr"
fi
