#!/usr/bin/env python3
"""Compact one-line form of concur number/quantity mentions (JSON Lines on
stdin): start end kind "text" value min max qualifier approx unit [ord] [alt]."""
import json, sys

def fmt(v):
    if v is None:
        return "null"
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)

for line in sys.stdin:
    m = json.loads(line)
    if m["kind"] not in ("number", "quantity"):
        continue
    parts = [str(m["start"]), str(m["end"]), m["kind"], json.dumps(m["text"], ensure_ascii=False),
             "v=" + fmt(m.get("value")), "min=" + fmt(m.get("min")), "max=" + fmt(m.get("max")),
             "q=" + fmt(m.get("qualifier")), "approx" if m.get("approx") else "exact",
             "unit=" + fmt(m.get("unit"))]
    if m.get("ordinal"):
        parts.append("ordinal")
    if m.get("alternatives"):
        parts.append("alt=" + ",".join(fmt(a.get("value") if isinstance(a, dict) else a) for a in m["alternatives"]))
    print(" ".join(parts))
