"""Check the offset gold files in this folder against their articles in the shared data folder.

Run: `.venv/bin/python benchmarks/gold/check_gold.py [FILE ...]` (default: every `*.gold.json` below this folder).
It checks that every evidence offset is a non-empty slice inside the article text without edge
whitespace, that entity aliases occur in the text, that keys used by relations, events, claims and
framing exist, that types and values come from the closed vocabularies, and that places carry geo
and kind. It prints counts per layer and per type, and exits 1 when anything is wrong.
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path
from typing import Any

from marsad.model import ENTITY_TYPES, EVENT_TYPES, MODALITIES, RELATION_TYPES, SOURCE_KINDS, STANCES
from marsad.settings import shared_dir

HERE = Path(__file__).resolve().parent
SHARED_PREFIX = "shared:"
LAYERS = ("entities", "relations", "events", "claims", "dates", "framing")
PLACE_TYPES = ("GPE", "LOCATION")
SOURCES = ("narrator", "anonymous")
#: ISO dates at year, month, day or minute precision, ISO weeks (2018-W35) and TIMEX3 seasons (2014-FA).
DATE_RE = re.compile(r"^\d{4}(-W\d{2}|-(SP|SU|FA|WI)|-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?$")


class Checker:
    """Collects problems and counts while the gold files are read."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.counts: collections.Counter[str] = collections.Counter()
        self.types: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)

    def fail(self, name: str, where: str, reason: str) -> None:
        """Record one problem, naming the file and the item."""
        self.errors.append(f"{name}: {where}: {reason}")

    def span(self, name: str, text: str, value: Any, where: str) -> None:
        """Check one `{"start", "end"}` object against the article text."""
        if not (isinstance(value, dict) and set(value) == {"start", "end"}
                and all(isinstance(value[k], int) for k in value)):
            self.fail(name, where, f"evidence must be {{'start', 'end'}} offsets, not {value!r}")
        elif not 0 <= value["start"] < value["end"] <= len(text):
            self.fail(name, where, f"offsets {value} outside the text (length {len(text)})")
        elif text[value["start"]].isspace() or text[value["end"] - 1].isspace():
            self.fail(name, where, f"slice {value} starts or ends with whitespace")

    def check_file(self, path: Path, shared: Path) -> None:
        """Check one gold file and add its counts."""
        name = path.name
        gold = json.loads(path.read_text(encoding="utf-8"))
        ref = gold.get("article", "")
        if not ref.startswith(SHARED_PREFIX):
            self.fail(name, "article", f"must start with {SHARED_PREFIX!r}: {ref!r}")
            return
        text = (shared / ref[len(SHARED_PREFIX):]).read_text(encoding="utf-8")
        if not DATE_RE.match(str(gold.get("published", ""))):
            self.fail(name, "published", f"not an ISO date: {gold.get('published')!r}")
        keys = self.check_entities(name, text, gold["entities"])
        self.check_links(name, text, gold, keys)
        for layer in LAYERS:
            self.counts[layer] += len(gold.get(layer, []))

    def check_entities(self, name: str, text: str, entities: list[dict[str, Any]]) -> dict[str, str]:
        """Check entity types, aliases, geo and kind; return key -> type."""
        keys: dict[str, str] = {}
        for ent in entities:
            where = f"entity {ent.get('key')}"
            if ent["key"] in keys:
                self.fail(name, where, "duplicate key")
            keys[ent["key"]] = ent["type"]
            if ent["type"] not in ENTITY_TYPES:
                self.fail(name, where, f"unknown type {ent['type']}")
            if not isinstance(ent.get("core"), bool):
                self.fail(name, where, "core must be true or false")
            for alias in ent.get("aliases", []):
                if alias not in text:
                    self.fail(name, where, f"alias {alias!r} does not occur in the text")
            geo = ent.get("geo")
            if ent["type"] in PLACE_TYPES:
                if not geo or not (-90 <= geo["lat"] <= 90 and -180 <= geo["lon"] <= 180) or not ent.get("kind"):
                    self.fail(name, where, "a place needs geo (lat, lon) and kind")
            elif geo is not None:
                self.fail(name, where, "only places carry geo")
            self.types["entities"][ent["type"]] += 1
        return keys

    def check_links(self, name: str, text: str, gold: dict[str, Any], keys: dict[str, str]) -> None:
        """Check relations, events, claims, dates and framing: keys, vocabularies and offsets."""
        def key(value: str | None, where: str, *, sources: bool = False) -> None:
            if value is not None and value not in keys and not (sources and value in SOURCES):
                self.fail(name, where, f"unknown key {value!r}")

        for i, rel in enumerate(gold.get("relations", [])):
            where = f"relations[{i}]"
            if rel["type"] not in RELATION_TYPES or rel["modality"] not in MODALITIES:
                self.fail(name, where, f"type {rel['type']} / modality {rel['modality']} not in vocabulary")
            for value in (rel["head"], rel["tail"]):
                if value is None:
                    self.fail(name, where, "head and tail are required")
                key(value, where)
            key(rel["source"], where, sources=True)
            self.span(name, text, rel["evidence"], where)
            self.types["relations"][rel["type"]] += 1
        for i, ev in enumerate(gold.get("events", [])):
            where = f"events[{i}]"
            if ev["type"] not in EVENT_TYPES or ev["modality"] not in MODALITIES:
                self.fail(name, where, f"type {ev['type']} / modality {ev['modality']} not in vocabulary")
            for value in ev["agents"] + ev["targets"]:
                key(value, where)
            key(ev["place"], where)
            if ev["place"] is not None and keys.get(ev["place"]) not in PLACE_TYPES:
                self.fail(name, where, f"place {ev['place']} is not a GPE or LOCATION")
            if ev["date"] is not None and not DATE_RE.match(ev["date"]):
                self.fail(name, where, f"date {ev['date']!r} is not ISO")
            key(ev["source"], where, sources=True)
            self.span(name, text, ev["evidence"], where)
            self.types["events"][ev["type"]] += 1
        for i, claim in enumerate(gold.get("claims", [])):
            where = f"claims[{i}]"
            key(claim["speaker"], where)
            for value in claim["via"]:
                key(value, where)
            if claim["source_kind"] not in SOURCE_KINDS:
                self.fail(name, where, f"source_kind {claim['source_kind']} not in vocabulary")
            if not isinstance(claim["cue"], str) or len(claim["cue"].split()) != 1:
                self.fail(name, where, "cue must be one lemma")
            self.span(name, text, claim["evidence"], where)
            self.types["claims"][claim["source_kind"]] += 1
        for i, date in enumerate(gold.get("dates", [])):
            self.span(name, text, date["text"], f"dates[{i}]")
            if not DATE_RE.match(date["value"]):
                self.fail(name, f"dates[{i}]", f"value {date['value']!r} is not ISO")
        for i, frame in enumerate(gold.get("framing", [])):
            key(frame["entity"], f"framing[{i}]")
            self.span(name, text, frame["term"], f"framing[{i}]")
            if frame["stance"] not in STANCES:
                self.fail(name, f"framing[{i}]", f"stance {frame['stance']} not in vocabulary")
            self.types["framing"][frame["stance"]] += 1


def main(argv: list[str]) -> int:
    """Check the given gold files (or all in this folder); print counts and problems."""
    shared = shared_dir()
    if shared is None:
        print("check_gold: no shared data folder (set $MARSAD_SHARED)", file=sys.stderr)
        return 2
    paths = [Path(a) for a in argv] or sorted(HERE.rglob("*.gold.json"))
    checker = Checker()
    for path in paths:
        checker.check_file(path, shared)
    print(f"{len(paths)} files: " + ", ".join(f"{layer} {checker.counts[layer]}" for layer in LAYERS))
    for layer, counter in checker.types.items():
        print(f"  {layer}: " + ", ".join(f"{t} {n}" for t, n in counter.most_common()))
    for error in checker.errors:
        print("ERROR", error)
    return 1 if checker.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
