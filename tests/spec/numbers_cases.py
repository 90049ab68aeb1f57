#!/usr/bin/env python3
"""Runs tests/spec/numbers_cases.txt: every case's input through concur
(one JSON Lines document per case) and its number/quantity mentions,
written in the compact form of the file, compared with the "=" lines.

usage: numbers_cases.py CONCUR CASES_FILE
Prints "ok - ..." / "not ok - ..." per case."""
import json, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(__file__))
from compact import line as compact_line  # noqa: E402


def load(path):
    cases, cur = [], None
    for raw in open(path, encoding="utf-8"):
        s = raw.rstrip("\n")
        if s.startswith("> "):
            cur = {"input": s[2:], "want": []}
            cases.append(cur)
        elif s.startswith("= ") and cur is not None:
            cur["want"].append(s[2:])
    return cases


def main():
    concur, path = sys.argv[1], sys.argv[2]
    cases = load(path)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for i, c in enumerate(cases):
            f.write(json.dumps({"id": str(i), "text": c["input"]}, ensure_ascii=False) + "\n")
        tmp = f.name
    try:
        out = subprocess.run([concur, "extract", "--input", "jsonl", "--format", "jsonl",
                              "--kinds", "number,quantity", tmp], capture_output=True, check=False)
    finally:
        os.unlink(tmp)
    got = {}
    for l in out.stdout.decode("utf-8").splitlines():
        m = json.loads(l)
        got.setdefault(m["doc"], []).append(compact_line(m, offsets=False))
    bad = 0
    for i, c in enumerate(cases):
        have = got.get(str(i), [])
        if have == c["want"]:
            print(f"ok - numbers case {i + 1}: {c['input'][:50]}")
        else:
            bad += 1
            print(f"not ok - numbers case {i + 1}: {c['input'][:50]}")
            for w in c["want"]:
                if w not in have:
                    print(f"    want: {w}")
            for h in have:
                if h not in c["want"]:
                    print(f"    got:  {h}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
