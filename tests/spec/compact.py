#!/usr/bin/env python3
"""Compact one-line form of concur number/quantity mentions.

As a filter (JSON Lines on stdin):
  START END KIND "TEXT" v=VALUE min=MIN max=MAX q=QUALIFIER approx|exact unit=UNIT [ordinal] [alt=A,..]
numbers_cases.py uses line(m, offsets=False), the same without START END."""
import json, sys


def fmt(v):
    if v is None:
        return "null"
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def line(m, offsets=True):
    parts = [str(m["start"]), str(m["end"])] if offsets else []
    parts += [m["kind"], json.dumps(m["text"], ensure_ascii=False),
              "v=" + fmt(m.get("value")), "min=" + fmt(m.get("min")), "max=" + fmt(m.get("max")),
              "q=" + fmt(m.get("qualifier")), "approx" if m.get("approx") else "exact",
              "unit=" + fmt(m.get("unit"))]
    if m.get("ordinal"):
        parts.append("ordinal")
    if m.get("alternatives"):
        parts.append("alt=" + ",".join(fmt(a.get("value") if isinstance(a, dict) else a)
                                       for a in m["alternatives"]))
    return " ".join(parts)


if __name__ == "__main__":
    for raw in sys.stdin:
        m = json.loads(raw)
        if m["kind"] in ("number", "quantity"):
            print(line(m))
