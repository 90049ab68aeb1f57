#!/usr/bin/python3
"""bench/peers/driver_dateparser.py -- run Debian's python3-dateparser
(dateparser.search.search_dates) over concur's JSON Lines input and write
concur's JSON Lines output contract (dates only). search_dates returns the
matched substrings, not offsets: each is located left to right in the text;
its granularity (day, month, year, time) comes from DateDataParser on the
substring. PEER_TIME_LIMIT=S stops after S seconds; prints "peer-bytes N" on
stderr.
  usage: driver_dateparser.py extract --input jsonl --format jsonl [--kinds K] FILE"""
import datetime, json, os, sys, time, warnings
warnings.filterwarnings("ignore")
from dateparser.search import search_dates
from dateparser.date import DateDataParser

args = sys.argv[1:]
kinds, path, i = "date", None, 0
while i < len(args):
    if args[i] == "--kinds":
        kinds = args[i + 1]; i += 2; continue
    if args[i] in ("--input", "--format"):
        i += 2; continue
    if args[i] != "extract":
        path = args[i]
    i += 1
limit = float(os.environ.get("PEER_TIME_LIMIT") or 0)
t0 = time.monotonic()
out = sys.stdout
n = 0
nbytes = 0


def timex(dt, period):
    if period == "year":
        return "DATE", "%04d" % dt.year
    if period == "month":
        return "DATE", "%04d-%02d" % (dt.year, dt.month)
    if period == "time":
        return "TIME", dt.strftime("%Y-%m-%dT%H:%M")
    return "DATE", dt.strftime("%Y-%m-%d")


src = open(path, "rb") if path and path != "-" else sys.stdin.buffer
for raw in src:
    if limit and time.monotonic() - t0 > limit:
        break
    nbytes += len(raw)
    try:
        d = json.loads(raw)
    except ValueError:
        continue
    if "date" not in kinds.split(","):
        continue
    text = str(d.get("text", ""))
    ref = datetime.datetime.now()
    if d.get("date"):
        try:
            ref = datetime.datetime.strptime(str(d["date"])[:10], "%Y-%m-%d").replace(hour=12)
        except ValueError:
            pass
    settings = {"RELATIVE_BASE": ref, "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        found = search_dates(text, languages=["en"], settings=settings) or []
    except Exception:
        found = []
    ddp = DateDataParser(languages=["en"], settings=settings)
    pos = 0
    for sub, dt in found:
        k = text.find(sub, pos)
        if k < 0:
            k = text.find(sub)
            if k < 0:
                continue
        pos = k + len(sub)
        try:
            period = ddp.get_date_data(sub).period or "day"
        except Exception:
            period = "day"
        if dt.hour or dt.minute:
            if period == "day" and any(c.isdigit() for c in sub) and (":" in sub or "am" in sub.lower() or "pm" in sub.lower()):
                period = "time"
        typ, val = timex(dt, period)
        n += 1
        s = len(text[:k].encode("utf-8"))
        e = s + len(sub.encode("utf-8"))
        out.write(json.dumps({"doc": str(d.get("id")), "id": "p%d" % n, "kind": "date", "start": s, "end": e,
                              "text": sub, "timex": {"type": typ, "value": val, "mod": None}},
                             ensure_ascii=False) + "\n")
out.flush()
sys.stderr.write("peer-bytes %d\n" % nbytes)
