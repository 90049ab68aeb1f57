#!/usr/bin/env python3
"""Reads concur JSON Lines on stdin, writes the date mentions as TSV:
start, end, text, type, value, mod, begin, end_value, alternatives.
Ids are left out: they count every kind of mention."""
import json, sys

for line in sys.stdin:
    m = json.loads(line)
    if m.get("kind") != "date":
        continue
    t = m.get("timex") or {}
    alts = ",".join(a.get("value", "") for a in m.get("alternatives", []))
    row = [m["start"], m["end"], m["text"], t.get("type"), t.get("value"), t.get("mod") or "",
           m.get("begin", ""), m.get("end_value", ""), alts]
    print("\t".join(str(x) for x in row))
