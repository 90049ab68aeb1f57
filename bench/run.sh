#!/usr/bin/env bash
# bench/run.sh -- throughput of build/concur on a fixed corpus (`make bench`).
#
# Builds bench/out/corpus.txt (>= 20 MB: the BBC News articles of
# ../shared/data/bbc-news concatenated, repeated) and bench/out/corpus.jsonl
# (the same articles, one JSON Lines record each), then times, median of
# RUNS (default 5) runs each:
#   wc -w                      reading the bytes (reference)
#   concur text                ingest + normalisation only
#   concur extract --kinds K   for all kinds and each of number, date, count
#   concur extract (jsonl)     all kinds, one document per article
# and prints the median wall time and MB/s (10^6 bytes / median wall
# seconds), the median CPU time (user + system) and MB/s by CPU time (on a
# shared, loaded machine the wall figure includes waiting for a core; the
# CPU figure does not), and the largest peak RSS of the runs. Not part of
# `make test`.
#   usage: bench/run.sh [--runs N] [--size MB] [--concur PATH]
set -eu
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=5 SIZE=20 CONCUR=$ROOT/build/concur
while [ $# -gt 0 ]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --size) SIZE=$2; shift 2 ;;
    --concur) CONCUR=$2; shift 2 ;;
    *) echo "usage: bench/run.sh [--runs N] [--size MB] [--concur PATH]" >&2; exit 2 ;;
  esac
done
DATA=${SHARED:-$ROOT/../shared}/data/bbc-news
OUT=$ROOT/bench/out
mkdir -p "$OUT"
[ -x "$CONCUR" ] || { echo "bench: $CONCUR not built (make)" >&2; exit 1; }
[ -d "$DATA" ] || { echo "bench: $DATA not found" >&2; exit 1; }

python3 - "$DATA" "$OUT" "$SIZE" <<'PY'
import glob, json, os, sys
data, out, size = sys.argv[1], sys.argv[2], int(sys.argv[3]) * 1_000_000
files = sorted(glob.glob(os.path.join(data, "*", "*.txt")))
arts = [open(f, "rb").read() for f in files]
def build(path, piece):
    if os.path.exists(path) and os.path.getsize(path) >= size:
        return
    with open(path + ".tmp", "wb") as f:
        n, rep = 0, 0
        while n < size:
            for i, a in enumerate(arts):
                b = piece(a, i, rep)
                f.write(b)
                n += len(b)
            rep += 1
    os.replace(path + ".tmp", path)
build(os.path.join(out, "corpus.txt"), lambda a, i, r: a + b"\n\n")
build(os.path.join(out, "corpus.jsonl"), lambda a, i, r: (json.dumps(
    {"id": "%s-%d" % (os.path.relpath(files[i], data), r), "text": a.decode("utf-8", "replace")},
    ensure_ascii=False) + "\n").encode())
PY

python3 - "$CONCUR" "$OUT" "$RUNS" <<'PY'
import os, platform, statistics, subprocess, sys, time
concur, out, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
txt, jsl = os.path.join(out, "corpus.txt"), os.path.join(out, "corpus.jsonl")
def measure(label, cmd, path):
    walls, cpus, peaks = [], [], []
    for _ in range(runs):
        with open(os.devnull, "wb") as null:
            t = time.monotonic()
            p = subprocess.Popen(cmd + [path], stdout=null, stderr=subprocess.DEVNULL)
            _, status, ru = os.wait4(p.pid, 0)
            dt = time.monotonic() - t
        if status != 0:
            print(f"bench: {label}: exit status {status >> 8}", file=sys.stderr)
        walls.append(dt)
        cpus.append(ru.ru_utime + ru.ru_stime)
        peaks.append(ru.ru_maxrss)
    mb = os.path.getsize(path) / 1e6
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    print(f"| {label:<34} | {mb:6.1f} | {wall:7.3f} | {mb / wall:7.1f} | {cpu:7.3f} | {mb / cpu:7.1f} | {max(peaks) / 1024:7.1f} |")
    sys.stdout.flush()
cpu = "?"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip(); break
except OSError:
    pass
ver = subprocess.run([concur, "--version"], capture_output=True, text=True).stdout.strip()
load = os.getloadavg()[0]
print(f"{ver}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, {cpu}, "
      f"{platform.system()} {platform.release()}, load average {load:.1f}; median of {runs} runs")
print()
print(f"| {'command':<34} | {'MB':>6} | {'wall s':>7} | {'MB/s':>7} | {'CPU s':>7} | {'MB/s':>7} | {'RSS MB':>7} |")
print(f"|{'-' * 36}|{'-' * 8}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 9}|")
measure("wc -w (read the bytes)", ["wc", "-w"], txt)
measure("concur text", [concur, "text"], txt)
measure("concur extract (all kinds)", [concur, "extract"], txt)
for k in ("number", "date", "count"):
    measure(f"concur extract --kinds {k}", [concur, "extract", "--kinds", k], txt)
measure("concur extract --format tsv", [concur, "extract", "--format", "tsv"], txt)
measure("concur extract, JSON Lines input", [concur, "extract", "--input", "jsonl"], jsl)
PY
