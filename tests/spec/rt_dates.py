#!/usr/bin/env python3
"""Spec run of the date recogniser on the Recognizers-Text English
DateTimeModel spec (DateTime/English/DateTimeModel.json).

usage: rt_dates.py CONCUR SPEC_ROOT [--errors] [--floor-value F]

Each case's Input goes to `concur extract --kinds date` with the case's
ReferenceDateTime as its date. A gold result is found when a date mention
overlaps it; its value is right when our TIMEX3 value equals one of the
gold timex values (or our begin equals a gold interval start, or a full
date equals the start of a gold datetime value). Prints extent and value
P/R/F1; --errors lists misses (-), false alarms (+) and wrong values (~)."""
import json, os, subprocess, sys, tempfile


def ok_value(res, m):
    ours = str((m.get("timex") or {}).get("value", ""))
    for v in (res or {}).get("values", []):
        if ours and ours == str(v.get("timex", "")):
            return True
        if v.get("start") and str(m.get("begin", "")).startswith(v["start"][:10]) and m.get("begin"):
            return True
        if v.get("value") and len(ours) >= 10 and ours == str(v["value"])[:len(ours)]:
            return True
    return False


def main():
    args = sys.argv[1:]
    errors = "--errors" in args
    floor = None
    if "--floor-value" in args:
        i = args.index("--floor-value")
        floor = float(args[i + 1])
        del args[i:i + 2]
    args = [a for a in args if a != "--errors"]
    concur, root = args[0], args[1]
    cases = json.load(open(os.path.join(root, "DateTime/English/DateTimeModel.json"), encoding="utf-8-sig"))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for i, c in enumerate(cases):
            rec = {"id": str(i), "text": c["Input"]}
            ref = (c.get("Context") or {}).get("ReferenceDateTime")
            if ref:
                rec["date"] = ref[:10]
            fh.write(json.dumps(rec) + "\n")
        tmp = fh.name
    out = subprocess.run([concur, "extract", "--input", "jsonl", "--format", "jsonl", "--kinds", "date", tmp],
                         capture_output=True, text=True).stdout
    os.unlink(tmp)
    got = {}
    for line in out.splitlines():
        m = json.loads(line)
        got.setdefault(m["doc"], []).append(m)
    ng = ns = eg = es = vg = vs = 0
    for i, c in enumerate(cases):
        text = c["Input"]
        b = text.encode("utf-8")
        ms = []
        for m in got.get(str(i), []):
            s = len(b[:m["start"]].decode("utf-8", "replace"))
            e = len(b[:m["end"]].decode("utf-8", "replace"))
            ms.append(((s, e), m))
        gold = [r for r in c.get("Results", [])]
        ng += len(gold)
        ns += len(ms)
        for r in gold:
            gs = (int(r["Start"]), int(r["End"]) + 1)
            hits = [m for s, m in ms if s[0] < gs[1] and gs[0] < s[1]]
            good = any(ok_value(r.get("Resolution"), m) for m in hits)
            eg += bool(hits)
            vg += good
            if errors and not hits:
                print(f"- {text[gs[0]:gs[1]]!r} {[v.get('timex') for v in (r.get('Resolution') or {}).get('values', [])][:2]}\t| {text[:120]!r}")
            elif errors and not good:
                print(f"~ {text[gs[0]:gs[1]]!r} {[v.get('timex') for v in (r.get('Resolution') or {}).get('values', [])][:2]} ours "
                      + ", ".join(f"{m['text']!r} {m['timex']['value']}" for m in hits) + f"\t| ref {c.get('Context')}")
        for s, m in ms:
            hit = [r for r in gold if s[0] < int(r["End"]) + 1 and int(r["Start"]) < s[1]]
            es += bool(hit)
            vs += any(ok_value(r.get("Resolution"), m) for r in hit)
            if errors and not hit:
                print(f"+ {m['text']!r} {m['timex']['value']}\t| {text[:120]!r}")

    def f(a, n, b, g):
        p = a / n if n else 0
        r = b / g if g else 0
        return p, r, (2 * p * r / (p + r) if p + r else 0)
    pe, re_, fe = f(es, ns, eg, ng)
    pv, rv, fv = f(vs, ns, vg, ng)
    print(f"cases {len(cases)} gold {ng} system {ns}")
    print(f"extent P {pe:.3f} R {re_:.3f} F1 {fe:.3f}")
    print(f"value  P {pv:.3f} R {rv:.3f} F1 {fv:.3f}")
    if floor is not None and fv < floor:
        print(f"value F1 {fv:.3f} below floor {floor}")
        sys.exit(1)


if __name__ == "__main__":
    main()
