#!/usr/bin/env python3
"""Spec runner: concur's number and quantity recogniser against the
Microsoft Recognizers-Text English specs (Number and NumberWithUnit).

usage: rt_spec.py CONCUR SPEC_ROOT [--floor FILE=F1 ...] [--show-misses FILE]

For each spec file, every case's Input becomes one JSON Lines document. A
gold result (Start/End are inclusive character offsets) is found when a
mention of ours overlaps it and its value agrees: number/ordinal -> value,
percentage -> value and unit "percent", numberrange -> min and max
(an open end is null), dimension/currency/temperature/age -> value.
Precision is over our mentions of the kind the file is about (number for
the Number files, quantity for the NumberWithUnit files); recall over gold
results that carry a value. Prints P, R, F1 per file; exits 1 when a file's
F1 is below its --floor."""
import json, os, re, subprocess, sys, tempfile

FILES = {
    "Number/English/NumberModel.json": "number",
    "Number/English/PercentModel.json": "number",
    "Number/English/NumberRangeModel.json": "number",
    "Number/English/OrdinalModel.json": "number",
    "NumberWithUnit/English/DimensionModel.json": "quantity",
    "NumberWithUnit/English/CurrencyModel.json": "quantity",
    "NumberWithUnit/English/TemperatureModel.json": "quantity",
    "NumberWithUnit/English/AgeModel.json": "quantity",
}


def same(a, b):
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def agrees(gold, m):
    t = gold["TypeName"]
    res = gold.get("Resolution") or {}
    if t == "percentage":
        return m.get("unit") == "percent" and same(str(res.get("value", "")).rstrip("%"), m.get("value"))
    if t == "numberrange":
        g = re.match(r"[\[(]\s*([-\d.e+]*)\s*,\s*([-\d.e+]*)\s*[\])]", str(res.get("value", "")))
        if not g:
            return False
        ends = []
        for s, mine in ((g.group(1), m.get("min")), (g.group(2), m.get("max"))):
            ends.append(mine is None if s == "" else same(s, mine))
        return all(ends)
    return same(res.get("value"), m.get("value"))


def has_value(gold):
    res = gold.get("Resolution") or {}
    return gold["TypeName"] != "ordinal.relative" and res.get("value") not in (None, "null")


def run(concur, cases):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for i, c in enumerate(cases):
            f.write(json.dumps({"id": str(i), "text": c["Input"]}, ensure_ascii=False) + "\n")
        path = f.name
    try:
        out = subprocess.run([concur, "extract", "--input", "jsonl", "--format", "jsonl",
                              "--kinds", "number,quantity", path], capture_output=True, check=False)
    finally:
        os.unlink(path)
    by_doc = {}
    for line in out.stdout.decode("utf-8").splitlines():
        m = json.loads(line)
        by_doc.setdefault(m["doc"], []).append(m)
    return by_doc


def char_span(text, m):
    b = text.encode("utf-8")
    return len(b[:m["start"]].decode("utf-8", "replace")), len(b[:m["end"]].decode("utf-8", "replace"))


def score(concur, root, rel, kind, show):
    cases = json.load(open(os.path.join(root, rel), encoding="utf-8-sig"))
    got = run(concur, cases)
    n_gold = hit_gold = n_sys = hit_sys = 0
    for i, c in enumerate(cases):
        text = c["Input"]
        ms = [(char_span(text, m), m) for m in got.get(str(i), [])]
        gold = [g for g in c.get("Results", []) if g["TypeName"] != "ordinal.relative"]
        for g in gold:
            if not has_value(g):
                continue
            n_gold += 1
            span = (g["Start"], g["End"] + 1)
            if any(s[0] < span[1] and span[0] < s[1] and agrees(g, m) for s, m in ms):
                hit_gold += 1
            elif show:
                print(f"  miss: {text[:90]!r} gold {g['Text']!r}={(g.get('Resolution') or {}).get('value')}"
                      f" ours {[(m['text'], m.get('value'), m.get('min'), m.get('max')) for _, m in ms]}")
        for s, m in ms:
            if m["kind"] != kind:
                continue
            n_sys += 1
            if any(s[0] < g["End"] + 1 and g["Start"] < s[1] and agrees(g, m) for g in gold):
                hit_sys += 1
            elif show:
                print(f"  spurious: {text[:90]!r} ours {m['text']!r} value {m.get('value')}")
    p = hit_sys / n_sys if n_sys else 1.0
    r = hit_gold / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    concur, root = sys.argv[1], sys.argv[2]
    floors, show = {}, None
    args = sys.argv[3:]
    while args:
        a = args.pop(0)
        if a == "--floor":
            k, v = args.pop(0).split("=")
            floors[k] = float(v)
        elif a == "--show-misses":
            show = args.pop(0)
    bad = 0
    for rel, kind in FILES.items():
        if not os.path.exists(os.path.join(root, rel)):
            continue
        name = os.path.basename(rel)[:-5]
        p, r, f = score(concur, root, rel, kind, show == name)
        floor = floors.get(name)
        verdict = ""
        if floor is not None:
            verdict = "ok" if f >= floor else "BELOW FLOOR %.3f" % floor
            bad += f < floor
        print(f"{name:22} P {p:.3f} R {r:.3f} F1 {f:.3f} {verdict}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
