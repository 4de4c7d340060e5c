#!/usr/bin/env python3
"""Copies a facts folder and grows its places.json to N places with made-up municipality names,
to measure that reading a question does not slow down with the size of the place list:
    python3 docs/grow-places.py facts /tmp/facts3000 2900 && ./policy bench-query --facts /tmp/facts3000
"""
import json, random, shutil, sys

src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
shutil.rmtree(dst, ignore_errors=True)
shutil.copytree(src, dst)
places = json.load(open(f"{dst}/places.json", encoding="utf-8"))
names = {p["name"] for p in places}
random.seed(1)
syllables = ["ber", "gem", "ho", "ve", "lo", "ker", "zel", "dam", "mont", "ville", "sart", "bois", "beek",
             "hout", "rode", "aal", "ter", "op", "wez"]
while len(places) < n:
    name = "".join(random.choice(syllables) for _ in range(random.randint(2, 4))).capitalize()
    if random.random() < 0.3:
        name += "-" + random.choice(["Saint-Jean", "sur-Meuse", "Sint-Pieter", "lez-Wavre"])
    if name not in names:
        names.add(name)
        places.append({"name": name, "kind": "municipality", "region": "flanders", "language_area": "nl",
                       "province": "Province of Antwerp", "aliases": []})
json.dump(places, open(f"{dst}/places.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print(f"{dst}/places.json: {len(places)} places")
