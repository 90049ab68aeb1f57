#!/usr/bin/env python3
"""Writes N synthetic news reports (JSON Lines, one document per line) about
a handful of incidents, for the speed test of concur compare: each report
gives a death toll, injured, missing and evacuated figures, often a part
("including N children") and an attribution, with tolls that vary from
report to report as real ones do.

usage: gen_many.py N [SEED] > docs.jsonl"""
import json, random, sys

n = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
towns = ["Valbrenta", "Korlan", "Mesoria", "Tarvik", "Oldenmark", "Santa Irela", "Pordova", "Ulmerin"]
sources = ["officials said", "the civil protection agency said", "according to the Red Cross",
           "police said", "the health ministry said", "local media reported"]
events = ["floods", "an earthquake", "a landslide", "a storm", "a fire"]
for i in range(n):
    town = rng.choice(towns)
    k = rng.randrange(len(towns))
    base = 10 + 37 * k
    killed = base + rng.randrange(0, 12)
    kids = max(1, killed // rng.choice([3, 4, 5]))
    injured = 3 * base + rng.randrange(0, 40)
    missing = rng.randrange(1, 15)
    evac = 100 * (k + 2) + rng.randrange(0, 90)
    day = 1 + 3 * k
    paras = [
        f"{rng.choice(events).capitalize()} hit {town} on {day} March 2024.",
        f"At least {killed} people were killed, including {kids} children, {rng.choice(sources)}. "
        f"{injured} people were injured and {missing} people are missing.",
        f"About {evac} residents were evacuated from their homes.",
        "Rescue teams continued to search the area through the night. " * rng.randrange(1, 6),
    ]
    print(json.dumps({"id": f"report{i:04d}", "text": "\n\n".join(paras)}))
