#!/usr/bin/env python3
"""Spec run of the date recogniser on TimeML (.tml) documents.

usage: timeml_dates.py CONCUR DIR [DIR ...] [--errors] [--floor-value F] [--floor-relaxed F]

Each document's TEXT (tags stripped, entities decoded) goes to `concur
extract --kinds date` as one JSON Lines record, with the DCT as its date.
Gold: the TIMEX3 elements inside TEXT. Prints strict and relaxed extent
P/R/F1 and value F1 as TempEval-3 defines them (a value counts when an
overlapping system mention has the gold value). --errors lists misses
(-), false alarms (+) and wrong values (~). Exit 1 below a floor."""
import html, json, os, re, subprocess, sys, tempfile

TAG = re.compile(r"<(/?)(\w+)([^>]*)>")


def load(path):
    raw = open(path, encoding="utf-8").read()
    dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    body = body.group(1) if body else ""
    out, gold, open_t, pos = "", [], None, 0
    for t in TAG.finditer(body):
        out += html.unescape(body[pos:t.start()])
        pos = t.end()
        if t.group(2) != "TIMEX3" or t.group(3).rstrip().endswith("/"):
            continue
        if not t.group(1):
            val = re.search(r'value="([^"]*)"', t.group(3))
            typ = re.search(r'type="([^"]*)"', t.group(3))
            open_t = (len(out), val.group(1) if val else "", typ.group(1) if typ else "")
        elif open_t:
            gold.append((open_t[0], len(out), open_t[1], open_t[2]))
            open_t = None
    out += html.unescape(body[pos:])
    return (dct.group(1)[:10] if dct else None), out, gold


def f1(tp_s, n_s, tp_g, n_g):
    p = tp_s / n_s if n_s else 0.0
    r = tp_g / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(concur, dirs):
    """concur over the .tml files of dirs, the DCT as reference date:
    ({doc: (text, gold, dct)}, {doc: [(start, end, value, type)]}), offsets
    in characters of text."""
    files = sorted(os.path.join(d, f) for d in dirs for f in os.listdir(d) if f.endswith(".tml"))
    docs = {}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for p in files:
            dct, text, gold = load(p)
            rec = {"id": os.path.basename(p), "text": text}
            if dct:
                rec["date"] = dct
            fh.write(json.dumps(rec) + "\n")
            docs[rec["id"]] = (text, gold, dct)
        tmp = fh.name
    res = subprocess.run([concur, "extract", "--input", "jsonl", "--format", "jsonl", "--kinds", "date", tmp],
                         capture_output=True, text=True)
    os.unlink(tmp)
    sysm = {}
    for line in res.stdout.splitlines():
        m = json.loads(line)
        b = docs[m["doc"]][0].encode("utf-8")
        s = len(b[:m["start"]].decode("utf-8", "replace"))
        e = len(b[:m["end"]].decode("utf-8", "replace"))
        sysm.setdefault(m["doc"], []).append((s, e, m["timex"]["value"], m["timex"]["type"]))
    return docs, sysm


def main():
    args = sys.argv[1:]
    errors = "--errors" in args
    floors = {}
    for k in ("--floor-value", "--floor-relaxed"):
        if k in args:
            i = args.index(k)
            floors[k] = float(args[i + 1])
            del args[i:i + 2]
    args = [a for a in args if a != "--errors"]
    concur, dirs = args[0], args[1:]
    docs, sysm = run(concur, dirs)
    ng = ns = strict = rg = rs = val = 0
    for did, (text, gold, _dct) in docs.items():
        ss = sysm.get(did, [])
        ng += len(gold)
        ns += len(ss)
        for g in gold:
            hit = [x for x in ss if x[0] < g[1] and g[0] < x[1]]
            rg += bool(hit)
            strict += any(x[0] == g[0] and x[1] == g[1] for x in hit)
            ok = any(x[2] == g[2] for x in hit)
            val += ok
            if errors and not hit:
                print(f"- {did}\t{text[g[0]:g[1]]!r}\t{g[3]} {g[2]}\t...{text[max(0,g[0]-40):g[1]+20]!r}")
            elif errors and not ok:
                print(f"~ {did}\t{text[g[0]:g[1]]!r}\t{g[3]} {g[2]}\tours: " +
                      ", ".join(f"{text[x[0]:x[1]]!r} {x[3]} {x[2]}" for x in hit))
        for x in ss:
            if any(x[0] < g[1] and g[0] < x[1] for g in gold):
                rs += 1
            elif errors:
                print(f"+ {did}\t{text[x[0]:x[1]]!r}\t{x[3]} {x[2]}\t...{text[max(0,x[0]-40):x[1]+20]!r}")
    sp, sr, sf = f1(strict, ns, strict, ng)
    rp, rr, rf = f1(rs, ns, rg, ng)
    vp, vr, vf = f1(val, ns, val, ng)
    print(f"documents {len(docs)} gold {ng} system {ns}")
    print(f"strict extent  P {sp:.3f} R {sr:.3f} F1 {sf:.3f}")
    print(f"relaxed extent P {rp:.3f} R {rr:.3f} F1 {rf:.3f}")
    print(f"value          P {vp:.3f} R {vr:.3f} F1 {vf:.3f}")
    bad = False
    if "--floor-value" in floors and vf < floors["--floor-value"]:
        print(f"value F1 {vf:.3f} below floor {floors['--floor-value']}")
        bad = True
    if "--floor-relaxed" in floors and rf < floors["--floor-relaxed"]:
        print(f"relaxed F1 {rf:.3f} below floor {floors['--floor-relaxed']}")
        bad = True
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
