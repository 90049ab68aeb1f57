#!/usr/bin/env python3
"""Remaining Recognizers-Text DateTimeModel failures, grouped by the shape of
the gold TIMEX3 value (time-only, year-less month-day, date range ...).

usage: rt_date_groups.py CONCUR SPEC_ROOT [GROUP]

Matches as ../shared/tools/eval/score_rt.py does (its value_ok). Prints one
line per group, "N miss|wrong SHAPE"; with GROUP (e.g. "wrong range-date")
also lists that group's cases: gold text, gold timex, our mentions."""
import collections, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("SHARED", os.path.join(HERE, "..", "..", "..", "shared"))
sys.path.insert(0, os.path.join(SHARED, "tools", "eval"))
from common import run_extract, char_span, overlap  # noqa: E402
from score_rt import value_ok  # noqa: E402


def shape(t):
    if t is None:
        return "none"
    if t.startswith("("):
        first = t[1:].split(",")[0]
        return "range-time" if first.startswith("T") else ("range-datetime" if "T" in first else "range-date")
    if t.startswith("T"):
        return "time-only"
    if t.startswith("XXXX-WXX"):
        return "weekday" + ("T" if "T" in t else "")
    if re.match(r"XXXX-\d\d$", t):
        return "month-noyear"
    if re.match(r"XXXX-\d\d-\d\d$", t):
        return "monthday-noyear"
    if t.startswith("P"):
        return "duration"
    if re.match(r"\d{4}-\d\d-\d\dT", t):
        return "datetime"
    if re.match(r"XXXX-\d\d-\d\dT", t):
        return "datetime-noyear"
    return "other"


def main():
    concur, root = sys.argv[1], sys.argv[2]
    want = sys.argv[3] if len(sys.argv) > 3 else None
    cases = json.load(open(os.path.join(root, "DateTime/English/DateTimeModel.json"), encoding="utf-8-sig"))
    docs = []
    for i, c in enumerate(cases):
        d = {"id": str(i), "text": c["Input"]}
        ref = (c.get("Context") or {}).get("ReferenceDateTime")
        if ref:
            d["date"] = ref[:10]
        docs.append(d)
    out = run_extract(concur, docs, "date")
    count, cases_of = collections.Counter(), collections.defaultdict(list)
    for i, c in enumerate(cases):
        text = c["Input"]
        ms = [(char_span(text, m), m) for m in out.get(str(i), [])]
        for r in c.get("Results", []):
            gs = (int(r["Start"]), int(r["End"]) + 1)
            hits = [m for s, m in ms if s and overlap(s, gs)]
            if any(value_ok(r, m) for m in hits):
                continue
            t = ((r.get("Resolution") or {}).get("values") or [{}])[0].get("timex")
            g = ("miss " if not hits else "wrong ") + shape(t)
            count[g] += 1
            cases_of[g].append(f"{r['Text']!r} {t} ours {[(m['text'], m['timex']['value']) for m in hits]}")
    for g, n in count.most_common():
        print(n, g)
    for line in cases_of.get(want, []):
        print("  ", line)


if __name__ == "__main__":
    main()
