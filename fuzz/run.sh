#!/usr/bin/env bash
# fuzz/run.sh SECONDS [TARGET...] -- runs each libFuzzer target (default:
# every fuzz/*.c, built by `make fuzz` into build-fuzz/) for SECONDS from
# the seed corpus fuzz/corpus with the dictionary fuzz/concur.dict. The
# corpus it grows stays in build-fuzz/corpus-TARGET; a crash is saved as
# build-fuzz/TARGET-crash-*. Prints "ok - fuzz TARGET ..." or
# "not ok - fuzz TARGET ..." per target; exit 1 when any target failed.
set -u
cd "$(dirname "$0")/.."
secs=${1:-25}; shift || true
targets=("$@")
if [ ${#targets[@]} = 0 ]; then
  for f in fuzz/*.c; do targets+=("$(basename "$f" .c)"); done
fi
status=0
for t in "${targets[@]}"; do
  bin=build-fuzz/$t
  if [ ! -x "$bin" ]; then echo "not ok - fuzz $t: $bin not built (make fuzz)"; status=1; continue; fi
  mkdir -p "build-fuzz/corpus-$t"
  "$bin" -dict=fuzz/concur.dict -max_total_time="$secs" -max_len=8192 -rss_limit_mb=2048 -timeout=20 \
    -print_final_stats=1 -artifact_prefix="build-fuzz/$t-" "build-fuzz/corpus-$t" fuzz/corpus \
    >"build-fuzz/$t.log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "build-fuzz/$t.log")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "build-fuzz/$t.log")
  if [ "$rc" = 0 ]; then
    echo "ok - fuzz $t: ${runs:-?} runs in ${secs}s, peak RSS ${rss:-?} MB"
  else
    echo "not ok - fuzz $t: exit $rc (log build-fuzz/$t.log)"
    grep -E 'ERROR|SUMMARY|invariant failed|#[0-9]+ 0x' "build-fuzz/$t.log" | head -30 | sed 's/^/    /'
    ls build-fuzz/"$t"-* 2>/dev/null | sed 's/^/    artifact: /'
    status=1
  fi
done
exit $status
