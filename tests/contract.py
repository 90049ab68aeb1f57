#!/usr/bin/env python3
"""Checks `concur extract --format jsonl` output against the output contract
(docs/output.md): every line one JSON object, every field present with the
right JSON type, ids unique per document, mentions in input order, and the
`text` of each mention equal to the input bytes [start, end).

usage: contract.py OUT.jsonl [--src DOC=PATH]... [--jsonl PATH]...
  --src DOC=PATH   document DOC was read from file PATH (its bytes)
  --jsonl PATH     JSON Lines input: each record's decoded "text" (by "id")
Prints one line per problem; exit status 1 when there is any.
"""
import json
import sys

KINDS = {"number", "quantity", "date", "count"}
QUALIFIERS = {None, "about", "at_least", "more_than", "at_most", "less_than",
              "up_to", "range", "vague"}
TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
CATEGORIES = {"killed", "injured", "casualties", "hostage", "abducted", "missing",
              "displaced", "orphaned", "arrested", "evacuated", "affected"}


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def is_num(v):
    return (isinstance(v, (int, float)) and not isinstance(v, bool))


def num_or_null(v):
    return v is None or is_num(v)


def str_or_null(v):
    return v is None or isinstance(v, str)


def check(m, where, problems):
    def bad(msg):
        problems.append(f"{where}: {msg}")

    for f, ok in (("doc", isinstance(m.get("doc"), str)),
                  ("id", isinstance(m.get("id"), str) and m.get("id", "").startswith("m")),
                  ("kind", m.get("kind") in KINDS),
                  ("start", is_int(m.get("start")) and m["start"] >= 0),
                  ("end", is_int(m.get("end"))),
                  ("text", isinstance(m.get("text"), str)),
                  ("sentence", is_int(m.get("sentence")) and m["sentence"] >= 0)):
        if f not in m:
            bad(f"field {f} missing")
        elif not ok:
            bad(f"field {f} has a wrong type or value: {m[f]!r}")
    if is_int(m.get("start")) and is_int(m.get("end")) and m["end"] < m["start"]:
        bad("end < start")
    kind = m.get("kind")
    if kind == "date":
        t = m.get("timex")
        if not isinstance(t, dict):
            bad("date without a timex object")
        else:
            if t.get("type") not in TIMEX_TYPES:
                bad(f"timex.type {t.get('type')!r}")
            if not isinstance(t.get("value"), str):
                bad("timex.value is not a string")
            if "mod" not in t or not str_or_null(t["mod"]):
                bad("timex.mod missing or not string/null")
        for f in ("begin", "end_value"):
            if f in m and not str_or_null(m[f]):
                bad(f"{f} is not a string")
        return
    for f in ("value", "min", "max"):
        if f not in m:
            bad(f"field {f} missing")
        elif not num_or_null(m[f]):
            bad(f"field {f} is not a number or null: {m[f]!r}")
    if not isinstance(m.get("approx"), bool):
        bad("approx is not a boolean")
    if "qualifier" not in m or m["qualifier"] not in QUALIFIERS:
        bad(f"qualifier {m.get('qualifier')!r}")
    if "unit" not in m or not str_or_null(m["unit"]):
        bad("unit missing or not string/null")
    if "ordinal" in m and m["ordinal"] is not True:
        bad("ordinal present but not true")
    if "alternatives" in m:
        alts = m["alternatives"]
        if not isinstance(alts, list) or not all(isinstance(a, dict) and is_num(a.get("value")) for a in alts):
            bad("alternatives is not a list of {value: number}")
    v, lo, hi = m.get("value"), m.get("min"), m.get("max")
    if is_num(lo) and is_num(hi) and lo > hi:
        bad(f"min {lo} > max {hi}")
    if is_num(v) and m.get("qualifier") is None and not m.get("approx") and (lo != v or hi != v):
        bad(f"exact figure {v} but min {lo} max {hi}")
    if kind == "count":
        if m.get("category") not in CATEGORIES:
            bad(f"category {m.get('category')!r}")
        for f in ("group", "group_text", "parent", "attribution", "place", "date"):
            if f not in m:
                bad(f"field {f} missing")
            elif not str_or_null(m[f]):
                bad(f"field {f} is not a string or null")


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = argv[1]
    sources = {}
    i = 2
    while i < len(argv):
        if argv[i] == "--src":
            doc, path = argv[i + 1].split("=", 1)
            with open(path, "rb") as f:
                sources[doc] = f.read()
            i += 2
        elif argv[i] == "--jsonl":
            with open(argv[i + 1], "rb") as f:
                for n, line in enumerate(f, 1):
                    try:
                        r = json.loads(line.lstrip(b"\xef\xbb\xbf") if n == 1 else line)
                    except (ValueError, RecursionError):
                        continue
                    if isinstance(r, dict) and isinstance(r.get("text"), str):
                        rid = r.get("id")
                        key = str(rid) if rid is not None else f"{argv[i + 1]}:{n}"
                        # a lone surrogate escape decodes to U+FFFD
                        text = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in r["text"])
                        sources[key] = text.encode("utf-8")
            i += 2
        else:
            print(f"unknown argument {argv[i]}", file=sys.stderr)
            return 2
    problems = []
    ids = {}
    last = {}
    n = 0
    with open(out, "rb") as f:
        for ln, raw in enumerate(f, 1):
            where = f"{out}:{ln}"
            try:
                m = json.loads(raw)
            except ValueError as e:
                problems.append(f"{where}: not JSON ({e})")
                continue
            if not isinstance(m, dict):
                problems.append(f"{where}: not an object")
                continue
            n += 1
            check(m, where, problems)
            doc = m.get("doc")
            seen = ids.setdefault(doc, set())
            if m.get("id") in seen:
                problems.append(f"{where}: id {m.get('id')} repeated in {doc}")
            seen.add(m.get("id"))
            key = (m.get("start"), -(m.get("end") or 0))
            if doc in last and is_int(m.get("start")) and key < last[doc]:
                problems.append(f"{where}: mentions of {doc} not in input order")
            last[doc] = key
            src = sources.get(doc)
            if src is not None and is_int(m.get("start")) and is_int(m.get("end")):
                if m["end"] > len(src):
                    problems.append(f"{where}: end {m['end']} beyond the input ({len(src)} bytes)")
                else:
                    want = src[m["start"]:m["end"]].decode("utf-8", "replace")
                    if want != m.get("text"):
                        problems.append(f"{where}: text {m.get('text')!r} is not the input bytes {want!r}")
    for p in problems[:30]:
        print(p)
    if len(problems) > 30:
        print(f"... {len(problems) - 30} more")
    print(f"{n} mentions checked, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
