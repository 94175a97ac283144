#!/usr/bin/env python
"""Validate the actor knowledge base (marsad/data/actors/*.jsonl, plus overlay folders).

Checks: one JSON object per line with known keys; unique `[a-z0-9_]+` ids; valid entity types;
non-empty names; aliases as strings or {text, stance, context}; affiliation types, dates and
targets (an actor id, or a `place:` id for BASED_IN); GPE actors name a country place; and no
normalised name or alias shared by two actors unless at least one of them carries a `context`.
Place ids missing from marsad/data/places/*.tsv are reported as warnings only.

Usage: .venv/bin/python scripts/check_actors.py [OVERLAY_DIR ...]
The shipped folder is always checked; overlay folders are merged over it in order (same id
replaces, `"remove": true` removes), as the loader does. Exit status 1 when an error is found.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.text.normalise import normalise  # noqa: E402

ENTITY_TYPES = ("PERSON", "ARMED_GROUP", "TRIBE", "ORGANIZATION", "MEDIA", "GPE", "LOCATION")
RELATION_TYPES = ("COMMANDS", "LEADS", "SPOKESPERSON_OF", "MEMBER_OF", "LOYAL_TO", "ALLIED_WITH",
                  "SUPPORTS", "OPPOSES", "DEFECTED_FROM", "CONTROLS", "BASED_IN")
STANCES = ("hostile", "favorable")
KEYS = {"id", "type", "name", "name_en", "aliases", "roles", "affiliations", "country", "place",
        "note", "remove"}
ID_RE = re.compile(r"^[a-z0-9_]+$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PLACE_RE = re.compile(r"^place:[a-z]{2}(/[a-z0-9-]+)*$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")


def load(dirs: list[Path]) -> tuple[list[tuple[str, dict]], list[str]]:
    """Read every actor line of the folders: (origin "file:line", record) pairs and parse errors."""
    records: list[tuple[str, dict]] = []
    errors: list[str] = []
    for d in dirs:
        files = sorted(d.glob("*.jsonl"))
        if not files:
            errors.append(f"{d}: no *.jsonl file")
        for path in files:
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                origin = f"{path.name}:{n}"
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    errors.append(f"{origin}: invalid JSON ({exc.msg})")
                    continue
                if not isinstance(rec, dict):
                    errors.append(f"{origin}: a line must be a JSON object")
                    continue
                records.append((origin, rec))
    return records, errors


def check_record(origin: str, rec: dict) -> list[str]:
    """Errors of one actor record taken alone (shape, vocabularies, dates)."""
    err: list[str] = []
    unknown = set(rec) - KEYS
    if unknown:
        err.append(f"{origin}: unknown keys {sorted(unknown)}")
    if not ID_RE.match(str(rec.get("id", ""))):
        err.append(f"{origin}: id {rec.get('id')!r} is not a [a-z0-9_]+ slug")
    if rec.get("type") not in ENTITY_TYPES:
        err.append(f"{origin}: type {rec.get('type')!r} is not one of {', '.join(ENTITY_TYPES)}")
    for key in ("name", "name_en"):
        if not isinstance(rec.get(key), str) or not rec[key].strip():
            err.append(f"{origin}: {key} missing or empty")
    for a in rec.get("aliases", []):
        if isinstance(a, str):
            if not a.strip():
                err.append(f"{origin}: empty alias")
            continue
        if not isinstance(a, dict) or not isinstance(a.get("text"), str) or not a["text"].strip():
            err.append(f"{origin}: alias {a!r} needs a non-empty text")
            continue
        if set(a) - {"text", "stance", "context"}:
            err.append(f"{origin}: alias {a['text']!r} has unknown keys")
        if "stance" in a and a["stance"] not in STANCES:
            err.append(f"{origin}: alias {a['text']!r} has stance {a['stance']!r}")
        ctx = a.get("context")
        if ctx is not None and (not isinstance(ctx, list) or not ctx or not all(
                isinstance(c, str) and c.strip() for c in ctx)):
            err.append(f"{origin}: alias {a['text']!r} context must be a non-empty list of words")
    if not all(isinstance(r, str) and r.strip() for r in rec.get("roles", [])):
        err.append(f"{origin}: roles must be non-empty strings")
    for f in rec.get("affiliations", []):
        if f.get("type") not in RELATION_TYPES:
            err.append(f"{origin}: affiliation type {f.get('type')!r} unknown")
        for k in ("from", "to"):
            v = f.get(k)
            if v is not None and not (isinstance(v, str) and DATE_RE.match(v)):
                err.append(f"{origin}: affiliation {k} {v!r} is not an ISO date")
        fr, to = f.get("from"), f.get("to")
        if isinstance(fr, str) and isinstance(to, str) and fr[:len(to)] > to[:len(fr)]:
            err.append(f"{origin}: affiliation to {f.get('target')} ends before it starts")
    if "country" in rec and not COUNTRY_RE.match(str(rec["country"])):
        err.append(f"{origin}: country {rec['country']!r} is not an ISO alpha-2 code")
    if "place" in rec and not PLACE_RE.match(str(rec["place"])):
        err.append(f"{origin}: place {rec['place']!r} is not a place id")
    if rec.get("type") == "GPE" and "place" not in rec:
        err.append(f"{origin}: a GPE actor needs a `place`")
    return err


def check_links(records: list[tuple[str, dict]]) -> list[str]:
    """Errors across the merged records: unknown affiliation targets, shared aliases."""
    err: list[str] = []
    ids = {rec.get("id") for _, rec in records}
    for origin, rec in records:
        for f in rec.get("affiliations", []):
            t = str(f.get("target"))
            if t.startswith("place:"):
                if f.get("type") != "BASED_IN" or not PLACE_RE.match(t):
                    err.append(f"{origin}: place target {t!r} only allowed for BASED_IN")
            elif t not in ids:
                err.append(f"{origin}: affiliation target {t!r} is not an actor id")
            elif t == rec.get("id"):
                err.append(f"{origin}: affiliation of {t!r} to itself")
    # normalised name -> [(actor id, has context)]
    names: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for _, rec in records:
        seen: set[str] = set()
        entries = [(rec.get("name", ""), False)]
        for a in rec.get("aliases", []):
            if isinstance(a, str):
                entries.append((a, False))
            elif isinstance(a, dict):
                entries.append((a.get("text", ""), bool(a.get("context"))))
        for text, ctx in entries:
            norm = " ".join(normalise(str(text)).split())
            if norm and norm not in seen:
                seen.add(norm)
                names[norm].append((rec.get("id"), ctx))
    origin_of = {rec.get("id"): o for o, rec in records}
    for norm, owners in sorted(names.items()):
        free = [i for i, ctx in owners if not ctx]
        if len(free) > 1:
            where = ", ".join(f"{i} ({origin_of[i]})" for i in free)
            err.append(f"alias {norm!r} shared by {where} without a context rule")
    return err


def place_ids(places_dir: Path) -> set[str]:
    """Ids of the place rows of `places_dir/*.tsv` (empty when the folder is missing)."""
    ids: set[str] = set()
    for path in sorted(places_dir.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("place:"):
                ids.add(line.split("\t", 1)[0])
    return ids


def check_places(records: list[tuple[str, dict]], known: set[str]) -> list[str]:
    """Warnings for `place` fields and BASED_IN targets missing from the place files."""
    warn: list[str] = []
    for origin, rec in records:
        wanted = [rec["place"]] if "place" in rec else []
        wanted += [f["target"] for f in rec.get("affiliations", [])
                   if str(f.get("target", "")).startswith("place:")]
        warn.extend(f"{origin}: place {p!r} not in the place files" for p in wanted if p not in known)
    return warn


def merge(layers: list[list[tuple[str, dict]]]) -> tuple[list[tuple[str, dict]], list[str]]:
    """Merge layers in order (base, then overlays): a later id replaces an earlier one and
    `"remove": true` drops it; an id used twice within one layer is an error."""
    merged: dict[str, tuple[str, dict]] = {}
    errors: list[str] = []
    for layer in layers:
        seen: dict[str, str] = {}
        for origin, rec in layer:
            rid = str(rec.get("id"))
            if rid in seen:
                errors.append(f"{origin}: id {rid!r} already used at {seen[rid]}")
                continue
            seen[rid] = origin
            if rec.get("remove") is True:
                merged.pop(rid, None)
            else:
                merged[rid] = (origin, rec)
    return list(merged.values()), errors


def main(argv: list[str]) -> int:
    """Run every check, print warnings, errors and counts; return the exit status."""
    base = ROOT / "marsad" / "data" / "actors"
    layers: list[list[tuple[str, dict]]] = []
    errors: list[str] = []
    for d in [base] + [Path(a) for a in argv]:
        records, errs = load([d])
        layers.append(records)
        errors.extend(errs)
    records, errs = merge(layers)
    errors.extend(errs)
    for origin, rec in records:
        errors.extend(check_record(origin, rec))
    errors.extend(check_links(records))
    known = place_ids(ROOT / "marsad" / "data" / "places")
    warnings = check_places(records, known) if known else []
    for w in warnings:
        print("WARNING", w)
    for e in errors:
        print("ERROR", e)
    by_type = Counter(rec.get("type") for _, rec in records)
    by_file = Counter(o.split(":")[0] for o, _ in records)
    n_alias = sum(len(rec.get("aliases", [])) for _, rec in records)
    n_aff = sum(len(rec.get("affiliations", [])) for _, rec in records)
    print(f"{len(records)} actors, {n_alias} aliases, {n_aff} affiliations, "
          f"{len(errors)} errors, {len(warnings)} warnings (unknown places)")
    print("by type:", ", ".join(f"{t} {n}" for t, n in by_type.most_common()))
    print("by file:", ", ".join(f"{f} {n}" for f, n in sorted(by_file.items())))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
