#!/usr/bin/env python3
"""Runs the count-claim case file (tests/spec/counts_cases.txt) through
`concur extract --kinds count --format jsonl` and prints one `ok - ` or
`not ok - ` line per case. usage: counts_cases.py CONCUR CASES.txt"""
import json, subprocess, sys, tempfile


def parse(path):
    cases, cur, section = [], None, ""
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("## "):
            section = line[3:]
        elif line.startswith("> "):
            # " ¶ " in a case's text is a paragraph break
            cur = {"text": line[2:].replace(" \u00b6 ", "\n\n"), "want": [], "section": section}
            cases.append(cur)
        elif line.strip() and not line.startswith("#") and cur is not None:
            cur["want"].append(line.strip())
    return cases


def fmt(v):
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def check(want, got, by_id):
    """want: 'category value group k=v ...'; got: a count mention."""
    head, _, rest = want.partition(" ")
    value, _, rest = rest.partition(" ")
    group, _, rest = rest.partition(" ")
    problems = []
    if got["category"] != head:
        problems.append(f"category {got['category']} != {head}")
    if fmt(got["value"]) != value:
        problems.append(f"value {fmt(got['value'])} != {value}")
    if got["group"] != group:
        problems.append(f"group {got['group']} != {group}")
    # key=value pairs; a value may contain spaces up to the next key=
    import re
    for k, v in re.findall(r"(\w+)=(.*?)(?= \w+=|$)", rest):
        if k == "parent":
            have = by_id.get(got.get("parent"), {}).get("text") if got.get("parent") else None
        elif k == "hedged":
            have = got.get("hedged", False)
        else:
            have = got.get(k)
        if fmt(have) != v:
            problems.append(f"{k} {fmt(have)!r} != {v!r}")
    return problems


def main():
    concur, path = sys.argv[1], sys.argv[2]
    cases = parse(path)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for i, c in enumerate(cases):
            f.write(json.dumps({"id": str(i), "text": c["text"]}) + "\n")
        name = f.name
    out = subprocess.run([concur, "extract", "--input", "jsonl", "--kinds", "count", "--format", "jsonl", name],
                         capture_output=True, text=True)
    got = {}
    for line in out.stdout.splitlines():
        m = json.loads(line)
        got.setdefault(m["doc"], []).append(m)
    failed = 0
    for i, c in enumerate(cases):
        ms = got.get(str(i), [])
        by_id = {m["id"]: m for m in ms}
        want = [w for w in c["want"] if w != "none"]
        problems = []
        if len(ms) != len(want):
            problems.append(f"{len(ms)} claims, expected {len(want)}: " +
                            "; ".join(f"{m['text']!r} {m['category']} {fmt(m['value'])}" for m in ms))
        else:
            for w, m in zip(want, ms):
                problems += check(w, m, by_id)
        name = f"count case [{c['section']}] {c['text'][:60]}".replace("\n\n", " \u00b6 ")
        if problems:
            failed += 1
            print(f"not ok - {name}")
            for p in problems:
                print(f"    {p}")
        else:
            print(f"ok - {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
