#!/usr/bin/env python3
"""Golden check of `concur compare --format json` against a case's gold.json.

usage: check.py CONCUR CASE_DIR DOC...

gold.json holds "counts" in the format of ../shared/tools/eval/score_compare.py
(category, group, value | min/max, docs: [file-name prefixes], verdict,
parent, attribution, not_with) and optionally "date": {"verdict": ...}.
Stricter than the scorer: every verdict must be exactly the one given
(agree, consistent, conflict, single), a "parent" value must be a figure of
the row's parent fact, an "attribution" must be the matching source's.

A fact with "todo": "reason" is a known gap of an earlier stage (e.g. a
qualifier the number recogniser does not give yet): it prints "todo - ..."
instead of failing, and "todo passes - ..." once it works (then drop the
todo). Prints one "ok - " / "not ok - " line per fact."""
import json, os, subprocess, sys


def num_eq(a, b):
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def same_value(fact, s):
    if "value" in fact:
        return num_eq(fact["value"], s.get("value"))
    ok = True
    if "min" in fact:
        ok &= num_eq(fact["min"], s.get("min"))
    if "max" in fact:
        ok &= num_eq(fact["max"], s.get("max"))
    return ok


def doc_key(doc, prefixes):
    base = os.path.basename(str(doc))
    for p in prefixes:
        if base.startswith(p):
            return p
    return base


def describe(f):
    v = f.get("value", f"{f.get('min', '')}..{f.get('max', '')}")
    return f"{f['category']} {f.get('group', '')} {v} [{','.join(f['docs'])}]"


def check_fact(f, rows, by_id, prefixes):
    """Returns None when the fact is lined up as the gold says, else why not."""
    why = "no row covers " + ",".join(f["docs"])
    for r in rows:
        if (r.get("key") or {}).get("category") != f["category"]:
            continue
        srcs = r.get("sources") or []
        match = [s for s in srcs if doc_key(s.get("doc"), prefixes) in f["docs"] and same_value(f, s)]
        if {doc_key(s.get("doc"), prefixes) for s in match} != set(f["docs"]):
            continue
        if "verdict" in f and r.get("verdict") != f["verdict"]:
            why = f"verdict {r.get('verdict')}, want {f['verdict']}"
            continue
        if "not_with" in f and any(num_eq(s.get("value"), f["not_with"]) for s in srcs):
            why = f"{f['not_with']} in the same row"
            continue
        if "parent" in f:
            p = by_id.get(r.get("parent"))
            if not p or not any(num_eq(s.get("value"), f["parent"]) for s in p.get("sources", [])):
                why = f"not under the {f['parent']} row"
                continue
        if "attribution" in f:
            want = f["attribution"].lower()
            if not all(want in str(s.get("attribution") or "").lower() for s in match):
                why = f"attribution {[s.get('attribution') for s in match]}, want {f['attribution']}"
                continue
        return None
    return why


def main():
    concur, case, docs = sys.argv[1], sys.argv[2], sys.argv[3:]
    gold = json.load(open(os.path.join(case, "gold.json"), encoding="utf-8"))
    name = os.path.basename(case.rstrip("/"))
    cp = subprocess.run([concur, "compare", "--format", "json"] + docs, capture_output=True, timeout=120)
    rows = []
    for line in cp.stdout.decode("utf-8").splitlines():
        rows.append(json.loads(line))  # every line must be JSON
    by_id = {r.get("fact"): r for r in rows}
    prefixes = sorted({d for f in gold["counts"] for d in f["docs"]}, key=len, reverse=True)
    print(f"ok - {name}: compare exits 0 and writes JSON Lines" if cp.returncode == 0 and rows
          else f"not ok - {name}: compare exited {cp.returncode}, {len(rows)} rows")
    for f in gold["counts"]:
        why = check_fact(f, rows, by_id, prefixes)
        if f.get("todo"):
            print(f"todo passes - {name}: {describe(f)}" if why is None
                  else f"todo - {name}: {describe(f)}: {why} ({f['todo']})")
        elif why is None:
            print(f"ok - {name}: {describe(f)}")
        else:
            print(f"not ok - {name}: {describe(f)}: {why}")
    if "date" in gold:
        want = gold["date"]
        dates = [r for r in rows if (r.get("key") or {}).get("category") == "date"]
        got = dates[0] if dates else {}
        ok = got.get("verdict") == want["verdict"]
        ok &= all(any(str(s.get("timex", "")).startswith(v) for s in got.get("sources", []))
                  for v in want.get("values", []))
        print(f"{'ok' if ok else 'not ok'} - {name}: incident date {want['verdict']}"
              + ("" if ok else f" (got {got.get('verdict')}: {[s.get('timex') for s in got.get('sources', [])]})"))


if __name__ == "__main__":
    main()
