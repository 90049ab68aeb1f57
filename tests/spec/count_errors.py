#!/usr/bin/env python3
"""Lists the texts where concur's killed/injured count differs from the label
(a development aid next to score_counts.py). usage: count_errors.py DATASET_DIR [CAT]"""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../../shared/tools/eval"))
import score_counts as sc
from common import find_concur, run_extract

d = sys.argv[1]
cats = sys.argv[2:] or ["killed", "injured"]
rows = sc.load(d)
out = run_extract(find_concur(os.path.join(os.path.dirname(__file__), "../..")),
                  [{"id": r["id"], "text": r["text"]} for r in rows], "count")
for r in rows:
    for cat in cats:
        p = sc.predicted(out.get(r["id"], []), cat)
        g = r[cat]
        if p == g or (p is None and not sc.states(r["text"], g)):
            continue
        print(f"{cat} gold {g} pred {p} | {r['text'][:400]!r}")
