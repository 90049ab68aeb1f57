#!/usr/bin/env python3
"""Score one tool on the seeds' hand-read golden files.

usage: score_seeds.py PROJECT SHARED numbers|dates

The tool is the command in $CONCUR (default PROJECT/build/concur), called as
the scorers of ../shared/tools/eval call it (`extract --input jsonl --format
jsonl --kinds K FILE`), so a peer's driver in bench/peers/bin runs here the
same way. The seeds go in as a user would give them: the text only, no
reference date.

Gold: tests/golden/numbers/*.txt (kind number or quantity, value or
min/max) and tests/golden/dates/*.tsv (TIMEX3 value), one golden file per
seed, the seed named by the golden file's name (000_... is the seed
000_....txt). Every number and date of both seeds is in them, read line by
line, so precision is meaningful: a mention of the kinds scored that
overlaps no gold item counts against the tool.

A gold item is found when a mention of the kinds scored overlaps its span
and has the same value (numbers: value, or min and max for ranges and open
bounds; dates: TIMEX3 value). Prints 'seeds NAME: value-F1 F (P p R r)
extent-F1 E gold G sys S'."""
import json, os, re, sys

sys.path.insert(0, os.path.join(sys.argv[2], "tools", "eval"))
from common import find_concur, run_extract, overlap, prf, num_eq  # noqa: E402


def load_numbers(path):
    gold = []
    for line in open(path, encoding="utf-8"):
        m = re.match(r'(\d+) (\d+) (number|quantity) "(.*)" v=(\S+) min=(\S+) max=(\S+)', line)
        if not m:
            continue
        s, e, _, text, v, lo, hi = m.groups()
        nul = lambda x: None if x == "null" else x
        gold.append({"span": (int(s), int(e)), "text": text, "value": nul(v), "min": nul(lo), "max": nul(hi)})
    return gold


def load_dates(path):
    gold = []
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 5:
            gold.append({"span": (int(f[0]), int(f[1])), "text": f[2], "value": f[4]})
    return gold


def number_ok(g, m):
    if g["value"] is not None:
        return num_eq(g["value"], m.get("value"))
    # a range or an open bound: both ends as the gold has them
    ok_lo = num_eq(g["min"], m.get("min")) if g["min"] is not None else m.get("min") is None
    ok_hi = num_eq(g["max"], m.get("max")) if g["max"] is not None else m.get("max") is None
    return ok_lo and ok_hi


def date_ok(g, m):
    return str((m.get("timex") or {}).get("value", "")) == g["value"]


def main():
    project, shared, what = sys.argv[1], sys.argv[2], sys.argv[3]
    if what == "numbers":
        gdir, load, ok, kinds, counted = "numbers", load_numbers, number_ok, "number,quantity,count", {"number", "quantity"}
    elif what == "dates":
        gdir, load, ok, kinds, counted = "dates", load_dates, date_ok, "date", {"date"}
    else:
        sys.exit("usage: score_seeds.py PROJECT SHARED numbers|dates")
    concur = find_concur(project)
    seeds = os.path.join(shared, "seeds")
    gold, docs = {}, []
    for f in sorted(os.listdir(os.path.join(project, "tests", "golden", gdir))):
        if f.endswith((".txt", ".tsv")):
            k = f[:-4]
            gold[k] = load(os.path.join(project, "tests", "golden", gdir, f))
            text = open(os.path.join(seeds, k + ".txt"), encoding="utf-8").read()
            docs.append({"id": k, "text": text})
    out = run_extract(concur, docs, kinds)
    n_gold = n_sys = tge = tgv = tse = tsv = 0
    for k, gs in gold.items():
        ms = [m for m in out.get(k, []) if m.get("kind") in counted and "start" in m and "end" in m]
        n_gold += len(gs)
        for g in gs:
            hits = [m for m in ms if overlap((m["start"], m["end"]), g["span"])]
            tge += bool(hits)
            tgv += any(ok(g, m) for m in hits)
        for m in ms:
            n_sys += 1
            hits = [g for g in gs if overlap((m["start"], m["end"]), g["span"])]
            tse += bool(hits)
            tsv += any(ok(g, m) for g in hits)
    pv, rv, fv = prf(tsv, n_sys, tgv, n_gold)
    fe = prf(tse, n_sys, tge, n_gold)[2]
    print(f"seeds {what}: value-F1 {fv:.3f} (P {pv:.3f} R {rv:.3f}) extent-F1 {fe:.3f} gold {n_gold} sys {n_sys}")


if __name__ == "__main__":
    main()
