#!/usr/bin/env python3
"""Remaining TimeML (TimeBank/AQUAINT, TempEval-3) date errors, grouped by
kind: missed extent, spurious mention, and wrong value by its likely cause.

usage: timeml_date_groups.py CONCUR DIR [DIR ...] [--list GROUP] [--all]

Matching as ../shared/tools/eval/score_timeml.py does: a gold TIMEX3 is right
when an overlapping system mention has its value. Wrong values are put in
one group by the first test that fits:
  type DURATION/DATE ...   types differ (a duration read as a date ...)
  granularity coarser|finer  one value is a prefix of the other (1989 / 1989-10)
  undetermined-gold        the gold writes X digits or XXXX (a convention)
  ref-word                 PRESENT_REF / PAST_REF / FUTURE_REF on either side
  weekday                  a weekday word in the gold text: which one
  year                     same shape, only the year differs (tense, context)
  offset                   same shape, another day/week/month/quarter
  other
Prints "N group" lines, most first; --list GROUP prints that group's cases
(document, gold text, gold type and value, ours, context); --all lists all."""
import collections, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from timeml_dates import run  # noqa: E402

WDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day", re.I)
REF = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


def shape(v):
    return re.sub(r"\d", "9", v)


def cause(g, ours, text):
    gv, gt = g[2], g[3]
    vals = [x[2] for x in ours]
    types = [x[3] for x in ours]
    if gt not in types:
        return f"type {gt} as {types[0]}"
    v = next(x[2] for x in ours if x[3] == gt)
    if any(r in gv or r in v for r in REF):
        return "ref-word"
    if v and gv.startswith(v):
        return "granularity coarser"
    if v and v.startswith(gv):
        return "granularity finer"
    if "X" in gv and "X" not in v:
        return "undetermined-gold"
    if WDAY.search(text[g[0]:g[1]]):
        return "weekday"
    if shape(gv) == shape(v):
        if gv[:4] != v[:4] and gv[4:] == v[4:]:
            return "year"
        return "offset"
    del vals
    return "other"


def main():
    args = sys.argv[1:]
    want = None
    if "--list" in args:
        i = args.index("--list")
        want = args[i + 1]
        del args[i:i + 2]
    show_all = "--all" in args
    args = [a for a in args if a != "--all"]
    concur, dirs = args[0], args[1:]
    docs, sysm = run(concur, dirs)
    count, cases = collections.Counter(), collections.defaultdict(list)
    for did, (text, gold, dct) in docs.items():
        ss = sysm.get(did, [])
        for g in gold:
            hit = [x for x in ss if x[0] < g[1] and g[0] < x[1]]
            if any(x[2] == g[2] for x in hit):
                continue
            ctx = text[max(0, g[0] - 60):g[1] + 30].replace("\n", " ")
            if not hit:
                grp = f"miss {g[3]}"
                line = f"{did} dct {dct}\t{text[g[0]:g[1]]!r} {g[3]} {g[2]}\t...{ctx!r}"
            else:
                grp = "wrong " + cause(g, hit, text)
                line = (f"{did} dct {dct}\t{text[g[0]:g[1]]!r} {g[3]} {g[2]}\tours " +
                        ", ".join(f"{text[x[0]:x[1]]!r} {x[3]} {x[2]}" for x in hit) + f"\t...{ctx!r}")
            count[grp] += 1
            cases[grp].append(line)
        for x in ss:
            if not any(x[0] < g[1] and g[0] < x[1] for g in gold):
                grp = f"spurious {x[3]}"
                ctx = text[max(0, x[0] - 60):x[1] + 30].replace("\n", " ")
                count[grp] += 1
                cases[grp].append(f"{did} dct {dct}\t{text[x[0]:x[1]]!r} {x[3]} {x[2]}\t...{ctx!r}")
    for grp, n in count.most_common():
        print(n, grp)
    for grp in sorted(cases):
        if show_all or grp == want:
            print(f"== {grp}")
            for line in cases[grp]:
                print("  ", line)


if __name__ == "__main__":
    main()
