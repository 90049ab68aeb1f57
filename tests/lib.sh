# tests/lib.sh -- helpers for suites: source it. CONCUR and SHARED are set
# by tests/run.sh (defaults: build/concur, ../shared).
ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
CONCUR=${CONCUR:-$ROOT/build/concur}
SHARED=${SHARED:-$ROOT/../shared}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; }
# check NAME COMMAND...: ok when the command succeeds
check() { local n=$1; shift; if "$@" >"$TMP/out" 2>&1; then ok "$n"; else not_ok "$n"; sed 's/^/    /' "$TMP/out" | head -20; fi; }
# expect_status STATUS NAME COMMAND...: ok when the command exits STATUS;
# its output is left in $TMP/stdout and $TMP/stderr, its status in $RC.
expect_status() {
  local want=$1 n=$2; shift 2
  "$@" >"$TMP/stdout" 2>"$TMP/stderr" </dev/null; RC=$?
  if [ "$RC" = "$want" ]; then ok "$n"; else
    not_ok "$n (exit $RC, expected $want)"; sed 's/^/    /' "$TMP/stderr" | head -10; fi
}
# run_in FILE COMMAND...: runs the command with FILE as standard input;
# output in $TMP/stdout, $TMP/stderr, status in $RC.
run_in() { local f=$1; shift; "$@" <"$f" >"$TMP/stdout" 2>"$TMP/stderr"; RC=$?; }
# peak_rss_kb COMMAND...: runs the command and prints "CPU KB WALL": CPU
# seconds (user + system; unlike wall time, not inflated by other load on
# the machine), peak resident set of the child in KB, wall seconds. Its
# exit status is the command's. The command's output goes to $PEAK_OUT
# (default /dev/null), its errors to $PEAK_ERR (default /dev/null).
peak_rss_kb() {
  python3 - "$@" <<'PY'
import os, resource, subprocess, sys, time
out = open(os.environ.get("PEAK_OUT") or os.devnull, "wb")
err = open(os.environ.get("PEAK_ERR") or os.devnull, "wb")
t = time.monotonic()
p = subprocess.run(sys.argv[1:], stdout=out, stderr=err)
dt = time.monotonic() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{ru.ru_utime + ru.ru_stime:.3f} {ru.ru_maxrss} {dt:.3f}")
sys.exit(p.returncode)
PY
}
