#!/usr/bin/env bash
# tests/leakcheck.sh -- `make leakcheck`: the command (extract in every
# format, text, bad inputs) and the unit tests under valgrind memcheck. Any
# memory error or definite/indirect leak fails. Prints the suite's usual
# "ok - / not ok -" lines and "N passed, N failed" last.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${BUILD:-build}
SHARED=${SHARED:-$ROOT/../shared}
command -v valgrind >/dev/null || { echo "not ok - valgrind is not installed (apt-get install valgrind)"; echo "0 passed, 1 failed"; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
VG=(valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
    --show-leak-kinds=definite,indirect --track-origins=yes)

vg() { # NAME COMMAND...: ok when valgrind reports nothing (exit status is not 99)
  local n=$1; shift
  "${VG[@]}" "$@" >/dev/null 2>"$TMP/vg.err"
  if [ $? = 99 ] || grep -q '^==[0-9]*== ' "$TMP/vg.err"; then
    echo "not ok - $n"; grep '^==' "$TMP/vg.err" | head -30 | sed 's/^/    /'; fail=$((fail + 1))
  else
    echo "ok - $n"; pass=$((pass + 1))
  fi
}

C=$BUILD/concur
SEEDS=$(ls "$SHARED"/seeds/*.txt 2>/dev/null)
EX=$(ls examples/*.txt examples/*.html examples/*.jsonl 2>/dev/null)
printf 'a\xffb 12 killed\n' > "$TMP/bad.txt"
printf '{"id":"1","text":"5 killed"}\nnot json\n{"text":"\\ud800 7"}\n{"id":"x"}\n' > "$TMP/r.jsonl"
printf '<html><body><p>3 <b>killed <div <<< </p' > "$TMP/broken.html"
: > "$TMP/empty.txt"
for fmt in jsonl tsv table; do
  # shellcheck disable=SC2086
  vg "extract --format $fmt (seeds, examples)" "$C" extract --format $fmt $SEEDS $EX
done
vg "text (seeds)" "$C" text $SEEDS
vg "bad inputs (invalid UTF-8, bad JSON Lines, broken HTML, empty, missing)" \
  "$C" extract "$TMP/bad.txt" "$TMP/r.jsonl" "$TMP/broken.html" "$TMP/empty.txt" "$TMP/missing.txt"
vg "usage errors" "$C" extract --kinds nope x
[ -x "$BUILD/unit_tests" ] && vg "unit tests" "$BUILD/unit_tests"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
