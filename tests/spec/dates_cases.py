#!/usr/bin/env python3
"""Runs tests/spec/dates_cases.txt against `concur extract --kinds date`.
usage: dates_cases.py CONCUR CASES. Prints ok/not ok per case."""
import json, subprocess, sys


def parse(path):
    cases, cur = [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        if line.startswith("> "):
            # " \u00b6 " in a case's text is a paragraph break
            cur = {"text": line[2:].replace(" \u00b6 ", "\n\n"), "ref": None, "mode": None, "want": [], "none": False}
            cases.append(cur)
        elif line.startswith("ref "):
            cur["ref"] = line[4:].strip()
        elif line.startswith("mode "):
            cur["mode"] = line[5:].strip()
        elif line.startswith("= "):
            f = line[2:].split("\t")
            f += [""] * (6 - len(f))
            cur["want"].append(tuple(f[:6]))
        elif line.strip() == "none":
            cur["none"] = True
    return cases


def main():
    concur, path = sys.argv[1], sys.argv[2]
    bad = 0
    for n, c in enumerate(parse(path), 1):
        cmd = [concur, "extract", "--kinds", "date", "--format", "jsonl"]
        if c["ref"]:
            cmd += ["--ref-date", c["ref"]]
        if c["mode"]:
            cmd += ["--date-mode", c["mode"]]
        r = subprocess.run(cmd + ["-"], input=c["text"] + "\n", capture_output=True, text=True)
        got = []
        for line in r.stdout.splitlines():
            m = json.loads(line)
            if m["kind"] != "date":
                continue
            t = m["timex"]
            got.append((m["text"], t["type"], t["value"], t["mod"] or "", m.get("begin", ""), m.get("end_value", "")))
        ok = r.returncode == 0 and got == c["want"]
        name = f"date case {n}: {c['text'][:50]}".replace("\n\n", " \u00b6 ")
        if ok:
            print(f"ok - {name}")
        else:
            bad += 1
            print(f"not ok - {name}")
            print(f"    want {c['want']}")
            print(f"    got  {got}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
