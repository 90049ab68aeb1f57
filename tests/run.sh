#!/usr/bin/env bash
# tests/run.sh -- the whole test suite: `make test` runs it.
#
# 1. unit tests (cmocka) of the normal build and of the sanitizer build;
# 2. every tests/suites/*.sh against build/concur; the suites whose header
#    has the line "# sanitize: yes" run again against build-asan/concur
#    (AddressSanitizer + UndefinedBehaviorSanitizer).
# A suite prints one line per check: "ok - NAME" or "not ok - NAME ...",
# anything else is information. Last line: "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
export SHARED=${SHARED:-$ROOT/../shared}
BUILD=${BUILD:-build}
ASAN_BUILD=${ASAN_BUILD:-build-asan}
pass=0
fail=0
failed_names=()

count_unit() { # $1 = label, $2 = binary
  local out rc
  out=$("$2" 2>&1); rc=$?
  local p f
  # one "[  PASSED  ] N test(s)" / "[  FAILED  ] N test(s)" line per group
  p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
  f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
  if [ "$p" = 0 ] && [ "$f" = 0 ]; then f=1; fi   # the binary did not run its tests
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then         # a crash between the groups
    f=1; printf '%s\n' "$out" | tail -n 20 | sed 's/^/  /'
  fi
  printf '%s\n' "$out" | grep -E '^\[  (FAILED|  ERROR) \]|^\[  ERROR|^\[   LINE' || true
  echo "unit tests ($1): $p passed, $f failed"
  pass=$((pass + p)); fail=$((fail + f))
  [ "$f" = 0 ] || failed_names+=("unit tests ($1)")
}

run_suite() { # $1 = suite, $2 = concur binary, $3 = label
  local out rc
  out=$(CONCUR="$ROOT/$2" bash "$1" 2>&1); rc=$?
  local p f
  p=$(printf '%s\n' "$out" | grep -c '^ok - ' || true)
  f=$(printf '%s\n' "$out" | grep -c '^not ok - ' || true)
  printf '%s\n' "$out" | grep -v '^ok - ' | sed "s|^|  |"
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
    echo "  not ok - $(basename "$1") exited $rc"; f=1
  fi
  echo "suite $(basename "$1" .sh) ($3): $p passed, $f failed"
  pass=$((pass + p)); fail=$((fail + f))
  [ "$f" = 0 ] || failed_names+=("$(basename "$1") ($3)")
}

# FUZZ_SECONDS=N: build the libFuzzer targets and run each for N seconds
# first (CI does); one check per target.
if [ -n "${FUZZ_SECONDS:-}" ]; then
  if make -s fuzz >/tmp/concur-fuzz-build.$$ 2>&1; then
    out=$(bash fuzz/run.sh "$FUZZ_SECONDS")
    printf '%s\n' "$out"
    p=$(printf '%s\n' "$out" | grep -c '^ok - ' || true)
    f=$(printf '%s\n' "$out" | grep -c '^not ok - ' || true)
    pass=$((pass + p)); fail=$((fail + f))
    [ "$f" = 0 ] || failed_names+=("fuzz")
  else
    tail -n 30 /tmp/concur-fuzz-build.$$; echo "not ok - fuzz targets build"; fail=$((fail + 1)); failed_names+=("fuzz build")
  fi
  rm -f /tmp/concur-fuzz-build.$$
fi
[ -x "$BUILD/unit_tests" ] && count_unit "$BUILD" "$BUILD/unit_tests"
if [ "${NO_ASAN:-0}" != 1 ]; then
  make -s -j"$(nproc 2>/dev/null || echo 2)" asan >/dev/null 2>&1 || { echo "not ok - sanitizer build failed"; fail=$((fail + 1)); }
  [ -x "$ASAN_BUILD/unit_tests" ] && ASAN_OPTIONS=detect_leaks=1 count_unit "$ASAN_BUILD" "$ASAN_BUILD/unit_tests"
fi
for s in tests/suites/*.sh; do
  [ -e "$s" ] || continue
  run_suite "$s" "$BUILD/concur" "$BUILD"
  if [ "${NO_ASAN:-0}" != 1 ] && grep -q '^# sanitize: yes' "$s" && [ -x "$ASAN_BUILD/concur" ]; then
    run_suite "$s" "$ASAN_BUILD/concur" "$ASAN_BUILD"
  fi
done
if [ ${#failed_names[@]} -gt 0 ]; then echo "failed: ${failed_names[*]}"; fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
