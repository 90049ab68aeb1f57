#!/usr/bin/env python3
"""Projects `concur extract --kinds count --format jsonl` output (stdin) to the
golden TSV of count claims: one line per claim, the fields a reader checks by
hand. The parent is named by its text (ids shift when other recognisers add
mentions). Columns: text, category, group, group_text, value, min, max,
qualifier, approx, parent, attribution, place, date, hedged, note.
The bounds of a vague amount ("dozens upon dozens") are the number
recogniser's reading, tested by its own goldens: they show as "*" here."""
import json, sys

ms = [json.loads(l) for l in sys.stdin if l.strip()]
by_id = {m["id"]: m for m in ms}


def f(v):
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


print("\t".join(["text", "category", "group", "group_text", "value", "min", "max", "qualifier", "approx",
                 "parent", "attribution", "place", "date", "hedged", "note"]))
for m in ms:
    if m.get("kind") != "count":
        continue
    parent = by_id.get(m.get("parent"), {}).get("text") if m.get("parent") else None
    if m.get("qualifier") == "vague":
        m["min"] = "*" if m.get("min") is not None else None
        m["max"] = "*" if m.get("max") is not None else None
    print("\t".join(f(x) for x in [m["text"].replace("\n", "\\n"), m["category"], m["group"], m.get("group_text"), m["value"], m["min"],
                                   m["max"], m["qualifier"], m["approx"], parent, m["attribution"], m["place"],
                                   m["date"], m.get("hedged", False), m.get("note")]))
