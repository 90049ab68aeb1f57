#!/usr/bin/env python3
"""Lists the texts where concur's killed/injured count differs from the label
(a development aid next to score_counts.py), grouped by kind of miss, largest
group first, each group with its size.

usage: count_errors.py DATASET_DIR [CAT ...] [--all] [--counts]

Groups: `missed` (the text states the label, nothing predicted), `low` /
`high` (a prediction below / above the label), `spurious` (a prediction where
the label is 0). `--all` also lists `unstated` texts (no prediction, label
not stated as one figure: the label may be spread over sentences). `--counts`
shows every count concur found in the text (category value "text" and parent)."""
import os, sys
from collections import defaultdict
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../../../shared/tools/eval"))
import score_counts as sc
from common import find_concur, run_extract

args = [a for a in sys.argv[1:] if not a.startswith("--")]
flags = {a for a in sys.argv[1:] if a.startswith("--")}
d = args[0]
cats = args[1:] or ["killed", "injured"]
rows = sc.load(d)
out = run_extract(find_concur(os.path.join(os.path.dirname(__file__), "../..")),
                  [{"id": r["id"], "text": r["text"]} for r in rows], "count")
groups = defaultdict(list)
for r in rows:
    for cat in cats:
        ms = out.get(r["id"], [])
        p = sc.predicted(ms, cat)
        g = r[cat]
        if p == g:
            continue
        if p is None:
            kind = "missed" if sc.states(r["text"], g) else "unstated"
        elif g == 0:
            kind = "spurious"
        else:
            kind = "low" if p < g else "high"
        if kind == "unstated" and ("--all" not in flags or g == 0):
            continue
        line = f"{cat} gold {g} pred {p} | {r['text'][:400]!r}"
        if "--counts" in flags:
            found = [f"{m['category']} {m.get('value')} {m['text']!r}{' part' if m.get('parent') else ''}"
                     for m in ms if m.get("kind") == "count"]
            line += "\n    counts: " + "; ".join(found)
        groups[(cat, kind)].append(line)
for key in sorted(groups, key=lambda k: -len(groups[k])):
    print(f"== {key[0]} {key[1]}: {len(groups[key])}")
    for line in groups[key]:
        print(line)
