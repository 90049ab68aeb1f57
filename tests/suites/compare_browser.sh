#!/usr/bin/env bash
# compare_browser: the HTML report of concur compare in a real browser
# (headless Debian chromium driven by playwright-core from npm). Skipped,
# not failed, when chromium, node or playwright-core is missing.
. "$(dirname "$0")/../lib.sh"
OUT=$ROOT/tests/out
mkdir -p "$OUT"
BR=$ROOT/tests/browser
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$CHROMIUM" ] || ! command -v node >/dev/null; then
  echo "skip - compare_browser: no chromium or node"
  exit 0
fi
if [ ! -d "$BR/node_modules/playwright-core" ]; then
  (cd "$BR" && npm install --no-audit --no-fund --silent >/dev/null 2>&1) || true
fi
if [ ! -d "$BR/node_modules/playwright-core" ]; then
  echo "skip - compare_browser: playwright-core could not be installed from npm"
  exit 0
fi
export CHROMIUM
run() { # NAME MODE DOC...
  local n=$1 mode=$2; shift 2
  "$CONCUR" compare --format html -o "$OUT/$n.html" "$@" 2>/dev/null
  "$CONCUR" compare --format json "$@" >"$OUT/$n.jsonl" 2>/dev/null
  node "$BR/report.test.js" "$OUT/$n.html" "$OUT/$n.jsonl" "$OUT/$n.png" "$mode"
}
run khojaly plain "$SHARED/seeds/000_a6e83453918b2be5.txt" "$SHARED/seeds/002_6637e180a62b7d55.txt"
run airstrike plain "$ROOT"/tests/compare/airstrike/*.txt
run hostile hostile "$ROOT"/tests/compare/hostile/page.html "$ROOT"/tests/compare/hostile/report.txt
exit 0
