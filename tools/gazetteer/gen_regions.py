#!/usr/bin/env python3
"""gen_regions.py -- writes data/lexicon/en/regions.tsv, the countries and
first-level subdivisions (provinces, states, regions, governorates ...) used
for the `place` of count claims beside the cities of places.tsv.

Source: Debian's iso-codes package (ISO 3166-1 countries, ISO 3166-2
subdivisions, /usr/share/iso-codes/json). Kept: every country under its
short name and its common name ("Iran", "Syria", "Bolivia"), never a name
written with a comma ("Iran, Islamic Republic of"); every subdivision
without a parent (first level) whose name is a plain word sequence of at
least four letters. English writes many names otherwise than ISO does, so
ENGLISH below adds the usual English names ("Russia", "Turkey", "Burma",
"North Kivu"). A name with diacritics or letters outside ASCII also gets
a row keyed by its plain-letter form ("herat" for Herāt). STOP lists
subdivision names that news text mostly uses as ordinary words or names
of people ("Central", "Delta", "Victoria"). Where two rows share a key,
a country wins over a subdivision, else the first read keeps it.

Columns: lower-case name, name, ISO country code, kind (country|region).

usage: python3 tools/gazetteer/gen_regions.py > data/lexicon/en/regions.tsv
"""
import json
import re
import sys
import unicodedata

ISO = "/usr/share/iso-codes/json"

# English names of countries and regions that ISO writes otherwise
ENGLISH = [
    ("Russia", "RU", "country"), ("Turkey", "TR", "country"), ("Vietnam", "VN", "country"),
    ("Burma", "MM", "country"), ("Britain", "GB", "country"), ("Great Britain", "GB", "country"),
    ("England", "GB", "region"), ("Scotland", "GB", "region"), ("Wales", "GB", "region"),
    ("Northern Ireland", "GB", "region"), ("Holland", "NL", "country"), ("Ivory Coast", "CI", "country"),
    ("Czech Republic", "CZ", "country"), ("Congo", "CD", "country"), ("DR Congo", "CD", "country"),
    ("DRC", "CD", "country"), ("Palestine", "PS", "country"), ("Gaza Strip", "PS", "region"),
    ("West Bank", "PS", "region"), ("Kosovo", "XK", "country"), ("Macedonia", "MK", "country"),
    ("East Timor", "TL", "country"), ("Cape Verde", "CV", "country"), ("Swaziland", "SZ", "country"),
    ("Micronesia", "FM", "country"), ("Vatican", "VA", "country"), ("Gambia", "GM", "country"),
    ("UAE", "AE", "country"),
    ("North Kivu", "CD", "region"), ("South Kivu", "CD", "region"), ("Darfur", "SD", "region"),
    ("Crimea", "UA", "region"), ("Donbas", "UA", "region"), ("Donbass", "UA", "region"),
    ("Nagorno Karabakh", "AZ", "region"), ("Karabakh", "AZ", "region"), ("Sinai", "EG", "region"),
    ("North Sinai", "EG", "region"), ("Anbar", "IQ", "region"), ("Nineveh", "IQ", "region"),
    ("Kurdistan Region", "IQ", "region"), ("Kashmir", "IN", "region"), ("Balochistan", "PK", "region"),
    ("Baluchistan", "PK", "region"), ("Tigray", "ET", "region"), ("Amhara", "ET", "region"),
    ("Oromia", "ET", "region"), ("Cabo Delgado", "MZ", "region"), ("Chechnya", "RU", "region"),
    ("Dagestan", "RU", "region"), ("Ingushetia", "RU", "region"),
]

# subdivision names mostly read as ordinary words or people's names
STOP = set("""
central eastern western northern southern north south east west centre center capital coast
lakes plateau delta rivers upper lower nord sud est ouest littoral islands island mountain
valley river lake federal national special city district region province saint
victoria washington orange aurora santander bolivar bolívar oriental occidental
atlantico atlántico pacifico pacífico grand greater inner outer middle high
georgia jordan chad niger
acre apace bloke male pool saga sides store unity mary cesar bono gulf midlands hanover somali
""".split())
# ... but these are countries first (Georgia, Jordan, Chad, Niger): kept as countries only
COUNTRY_OK = {"georgia", "jordan", "chad", "niger"}

SPECIAL = {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe",
           "þ": "th", "ħ": "h", "ţ": "t", "ş": "s"}


def plain(s):
    s = "".join(SPECIAL.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = "".join(SPECIAL.get(ch, ch) for ch in s)
    return re.sub("[ʼʻ`’‘]", "'", s)


def key_of(name):
    return re.sub(r"\s+", " ", name.lower().replace("-", " ")).strip()


def main():
    c1 = json.load(open(f"{ISO}/iso_3166-1.json", encoding="utf-8"))["3166-1"]
    c2 = json.load(open(f"{ISO}/iso_3166-2.json", encoding="utf-8"))["3166-2"]
    rows = {}

    def add(name, cc, kind):
        if "," in name or not re.match(r"^[^\W\d_][\w' .-]*$", name):
            return
        for k in dict.fromkeys([key_of(name), key_of(plain(name))]):
            if kind == "region" and (k in STOP or len(k.replace(" ", "")) < 4):
                continue
            if kind == "country" and k in STOP and k not in COUNTRY_OK:
                continue
            old = rows.get(k)
            if old is None or (old[2] == "region" and kind == "country"):
                rows[k] = (name, cc, kind)

    for x in c1:
        add(x["name"], x["alpha_2"], "country")
        if "common_name" in x:
            add(x["common_name"], x["alpha_2"], "country")
    for name, cc, kind in ENGLISH:
        add(name, cc, kind)
    for x in c2:
        if "parent" in x:
            continue
        add(x["name"], x["code"].split("-")[0], "region")
    out = sys.stdout
    out.write("# Generated by tools/gazetteer/gen_regions.py from Debian iso-codes (ISO 3166-1, 3166-2 first level).\n")
    out.write("# name (lower case)\tname\tcountry\tkind\n")
    for k in sorted(rows):
        name, cc, kind = rows[k]
        out.write(f"{k}\t{name}\t{cc}\t{kind}\n")


if __name__ == "__main__":
    main()
