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
