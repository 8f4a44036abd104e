"""Reads `sinew export ftm` with the FollowTheMoney package and fails on anything it would
change or drop: FtM's cleaning drops a value it cannot read without a word, so every
property value Sinew wrote must come back unchanged from the package's own reading, the
schema must be known, and every reference must name an entity of the file. Also checks the
provenance convention: each place is `doc#start-end` in a document of the store (its
`sinew export documents`), and an alias's places hold that alias's words.

Usage: ftm_check.py ENTITIES.jsonl DOCUMENTS.jsonl
"""

import json
import re
import sys

from followthemoney import model

PLACE = re.compile(r"^([0-9a-f]+)#(\d+)-(\d+)$")

with open(sys.argv[2], encoding="utf-8") as f:
    texts = {d["id"]: d["text"].encode("utf-8") for d in map(json.loads, f) if d}

lines = []
with open(sys.argv[1], encoding="utf-8") as f:
    lines = [json.loads(line) for line in f if line.strip()]

ids = {d["id"] for d in lines}
if len(ids) != len(lines):
    sys.exit("two entities share an id")


def words(place, where):
    m = PLACE.match(place)
    if not m:
        sys.exit(f"{where}: {place!r} is not doc#start-end")
    doc, start, end = m.group(1), int(m.group(2)), int(m.group(3))
    if doc not in texts:
        sys.exit(f"{where}: {place!r} names no stored document")
    if not 0 <= start < end <= len(texts[doc]):
        sys.exit(f"{where}: {place!r} is outside its document")
    return texts[doc][start:end].decode("utf-8")


values = 0
for data in lines:
    where = data["id"]
    proxy = model.get_proxy(data, cleaned=False)
    if proxy.schema.name != data["schema"]:
        sys.exit(f"{where}: schema {data['schema']} read as {proxy.schema.name}")
    if proxy.id != data["id"]:
        sys.exit(f"{where}: id read as {proxy.id!r}")
    back = proxy.to_dict()
    if back.get("provenance") != data["provenance"]:
        sys.exit(f"{where}: the provenance context did not survive the reading")
    for prop, wrote in data["properties"].items():
        kept = proxy.get(prop, quiet=True)
        if kept != wrote:
            sys.exit(f"{where}: {data['schema']}.{prop}: wrote {wrote!r}, FtM kept {kept!r}")
        values += len(wrote)
        p = proxy.schema.get(prop)
        if p.type.name == "entity":
            for v in wrote:
                if v not in ids:
                    sys.exit(f"{where}: {prop} refers to {v!r}, no entity of the file")
    for prop, by_value in data["provenance"].items():
        for value, places in by_value.items():
            if value not in data["properties"].get(prop, []):
                sys.exit(f"{where}: provenance for {prop}={value!r}, which it does not have")
            for place in places:
                said = words(place, where)
                if prop == "alias" and said != value:
                    sys.exit(f"{where}: alias {value!r} placed at {said!r}")
                if prop == "name" and data["schema"] in ("Person", "Company", "PublicBody",
                                                         "Organization"):
                    names = set(data["properties"]["name"]) | set(
                        data["properties"].get("alias", []))
                    if said not in names:
                        sys.exit(f"{where}: name placed at {said!r}, none of {names}")

schemas = sorted({d["schema"] for d in lines})
print(f"ok ftm: {len(lines)} entities, {values} values, schemas {', '.join(schemas)}")
