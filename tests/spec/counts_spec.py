#!/usr/bin/env python3
"""Spec run of the count claims on a labelled data set: runs the project's
scorer (../shared/tools/eval/score_counts.py, the same measure as the
held-out check) and fails below the floors.
usage: counts_spec.py PROJECT DATASET_DIR --floor-f1 X [--floor-killed X] [--floor-injured X]"""
import argparse, os, re, subprocess, sys

ap = argparse.ArgumentParser()
ap.add_argument("project")
ap.add_argument("dataset")
ap.add_argument("--floor-f1", type=float, required=True)
ap.add_argument("--floor-killed", type=float, default=0.0)
ap.add_argument("--floor-injured", type=float, default=0.0)
a = ap.parse_args()
shared = os.environ.get("SHARED") or os.path.join(a.project, "..", "shared")
r = subprocess.run([sys.executable, os.path.join(shared, "tools/eval/score_counts.py"), a.project, a.dataset],
                   capture_output=True, text=True)
print(r.stdout, end="")
if r.returncode:
    print(r.stderr, end="")
    sys.exit(1)
f1 = {m.group(1): float(m.group(2)) for m in re.finditer(r"^(killed|injured)\s.*F1 ([0-9.]+)", r.stdout, re.M)}
tot = re.search(r"^counts: F1 ([0-9.]+)", r.stdout, re.M)
ok = tot and float(tot.group(1)) >= a.floor_f1 and f1.get("killed", 0) >= a.floor_killed \
    and f1.get("injured", 0) >= a.floor_injured
sys.exit(0 if ok else 1)
