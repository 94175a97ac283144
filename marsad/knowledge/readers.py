"""Readers for the three kinds of knowledge files, strict about form, with errors naming file and line.

- `read_actors(path)`: actors/*.jsonl, one JSON object a line.
- `read_places(path)`: places/*.tsv, a header line then one place a row.
- `read_lexicon(path)`: lexicons/*.tsv, a header line then rows returned as dicts.

Lines starting with `#` and blank lines are ignored everywhere. A removal (`{"id": …, "remove": true}`
in an actors file, a place row whose `type` is `remove`) is returned as a `Removal`.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from marsad.errors import KnowledgeError
from marsad.knowledge.model import (
    AFFILIATION_TYPES, CLAIM_WORDS, ENTITY_TYPES, EVENT_TYPES, EVENT_CUES, MODALITY_CUES, NAME_CUES, PLACE_KINDS, RELATION_CUES, PLACE_TYPES,
    RELATION_TYPES, STANCES, TITLE_KINDS, Actor, Affiliation, Alias, Place,
)

ACTOR_ID = re.compile(r"^[a-z0-9_]+$")
PLACE_ID = re.compile(r"^place:[a-z]{2}(/[a-z0-9-]+)*$")
ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")

PLACE_COLUMNS = ("id", "type", "kind", "name", "name_en", "lat", "lon", "country", "admin",
                 "population", "aliases", "source")
PLACE_REQUIRED = ("id", "type", "kind", "name", "lat", "lon")

#: The columns every shipped lexicon must have (a user's own lexicon needs only a header).
LEXICON_COLUMNS: dict[str, tuple[str, ...]] = {
    "titles": ("term", "kind", "relation"),
    "unit_heads": ("term", "type"),
    "gentilics": ("term", "place"),
    "place_cues": ("term", "kind"),
    "stance": ("term", "stance"),
    "reporting_verbs": ("term", "lemma"),
    "claim_cues": ("term", "lemma", "form", "object"),
    "anonymous_sources": ("term",),
    "event_triggers": ("term", "event_type"),
    "modality": ("term", "modality"),
    "relation_cues": ("term", "cue"),
    "event_cues": ("term", "cue"),
    "name_cues": ("term", "cue"),
    "claim_words": ("term", "set"),
}

# closed vocabularies of lexicon columns; "" allowed where listed
_LEXICON_VOCAB: dict[tuple[str, str], tuple[str, ...]] = {
    ("titles", "kind"): TITLE_KINDS,
    ("titles", "relation"): RELATION_TYPES + ("",),
    ("unit_heads", "type"): ENTITY_TYPES,
    ("place_cues", "kind"): PLACE_KINDS,
    ("stance", "stance"): STANCES,
    ("event_triggers", "event_type"): EVENT_TYPES,
    ("modality", "modality"): MODALITY_CUES,
    ("relation_cues", "cue"): RELATION_CUES,
    ("event_cues", "cue"): EVENT_CUES,
    ("name_cues", "cue"): NAME_CUES,
    ("name_cues", "type"): ENTITY_TYPES + ("",),
    ("claim_cues", "form"): ("verb", "participle"),
    ("claim_cues", "object"): ("yes", "no"),
    ("claim_words", "set"): CLAIM_WORDS,
}

_ALIAS_KEYS = {"text", "stance", "context"}
_AFFILIATION_KEYS = {"type", "target", "from", "to"}
_ACTOR_KEYS = {"id", "type", "name", "name_en", "aliases", "roles", "affiliations", "country", "place",
               "note", "remove"}


@dataclass(frozen=True, slots=True)
class Removal:
    """An overlay line asking to remove the record with this id."""

    id: str
    origin: str


def fail(path: Path | str, line: int | None, problem: str) -> KnowledgeError:
    """A KnowledgeError naming the file, the line (when known) and the problem."""
    where = f"{path}:{line}" if line else str(path)
    return KnowledgeError(f"{where}: {problem}")


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line) for every line that is neither blank nor a comment."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(path, None, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise fail(path, None, f"cannot be read ({exc.strerror})") from None
    for no, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if line.strip() and not line.lstrip().startswith("#"):
            yield no, line


# ---------------------------------------------------------------- actors

def read_actors(path: Path) -> list[Actor | Removal]:
    """The actors (and removals) of one actors/*.jsonl file, in file order."""
    out: list[Actor | Removal] = []
    for no, line in _lines(path):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise fail(path, no, f"not valid JSON ({exc.msg} at column {exc.colno})") from None
        except RecursionError:
            raise fail(path, no, "JSON nested too deeply (each line must be one flat actor object)") from None
        if not isinstance(obj, dict):
            raise fail(path, no, "each line must be one JSON object")
        out.append(_actor(obj, path, no))
    return out


def _actor(obj: dict[str, Any], path: Path, no: int) -> Actor | Removal:
    aid = obj.get("id")
    if not isinstance(aid, str) or not ACTOR_ID.match(aid):
        raise fail(path, no, f"actor id must be a slug of [a-z0-9_], not {aid!r}")
    origin = f"{path}:{no}"
    if obj.get("remove") is True:
        return Removal(aid, origin)
    atype = obj.get("type")
    if atype not in ENTITY_TYPES:
        raise fail(path, no, f"actor {aid!r}: unknown type {atype!r} (one of {', '.join(ENTITY_TYPES)})")
    name = _opt_str(obj, "name", path, no)
    if not name:
        raise fail(path, no, f"actor {aid!r}: missing 'name'")
    country = _opt_str(obj, "country", path, no)
    if country is not None and not _COUNTRY.match(country):
        raise fail(path, no, f"actor {aid!r}: 'country' must be an ISO 3166-1 alpha-2 code, not {country!r}")
    place = _opt_str(obj, "place", path, no)
    if place is not None and not PLACE_ID.match(place):
        raise fail(path, no, f"actor {aid!r}: 'place' must be a place id like 'place:eg', not {place!r}")
    return Actor(
        id=aid, type=atype, name=name, name_en=_opt_str(obj, "name_en", path, no),
        aliases=tuple(_alias(a, aid, path, no) for a in _list(obj, "aliases", path, no)),
        roles=tuple(_str_item(r, "roles", aid, path, no) for r in _list(obj, "roles", path, no)),
        affiliations=tuple(_affiliation(a, aid, path, no) for a in _list(obj, "affiliations", path, no)),
        country=country.upper() if country else None, place=place,
        note=_opt_str(obj, "note", path, no), origin=origin,
        extra={k: v for k, v in obj.items() if k not in _ACTOR_KEYS},
    )


def _opt_str(obj: dict[str, Any], key: str, path: Path, no: int) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise fail(path, no, f"'{key}' must be a string, not {type(value).__name__}")
    return value.strip() or None


def _list(obj: dict[str, Any], key: str, path: Path, no: int) -> list[Any]:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise fail(path, no, f"'{key}' must be a list, not {type(value).__name__}")
    return value


def _str_item(value: Any, key: str, aid: str, path: Path, no: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise fail(path, no, f"actor {aid!r}: every item of '{key}' must be a non-empty string")
    return value.strip()


def _alias(value: Any, aid: str, path: Path, no: int) -> Alias:
    if isinstance(value, str):
        return Alias(_str_item(value, "aliases", aid, path, no))
    if not isinstance(value, dict):
        raise fail(path, no, f"actor {aid!r}: an alias must be a string or an object with 'text'")
    unknown = sorted(set(value) - _ALIAS_KEYS)
    if unknown:
        raise fail(path, no, f"actor {aid!r}: unknown alias key(s) {', '.join(unknown)} (known: context, stance, text)")
    text = _str_item(value.get("text"), "aliases", aid, path, no)
    stance = value.get("stance")
    if stance is not None and stance not in STANCES:
        raise fail(path, no, f"actor {aid!r}: alias {text!r} has unknown stance {stance!r} (hostile or favorable)")
    context = value.get("context") or []
    if isinstance(context, str):
        context = [context]
    if not isinstance(context, list) or not all(isinstance(c, str) and c.strip() for c in context):
        raise fail(path, no, f"actor {aid!r}: the context of alias {text!r} must be a list of words")
    return Alias(text, stance, tuple(c.strip() for c in context))


def _affiliation(value: Any, aid: str, path: Path, no: int) -> Affiliation:
    if not isinstance(value, dict):
        raise fail(path, no, f"actor {aid!r}: an affiliation must be an object with 'type' and 'target'")
    unknown = sorted(set(value) - _AFFILIATION_KEYS)
    if unknown:
        raise fail(path, no, f"actor {aid!r}: unknown affiliation key(s) {', '.join(unknown)}")
    rtype = value.get("type")
    if rtype not in AFFILIATION_TYPES:
        raise fail(path, no, f"actor {aid!r}: unknown affiliation type {rtype!r} (one of {', '.join(AFFILIATION_TYPES)})")
    target = value.get("target")
    if not isinstance(target, str) or not (ACTOR_ID.match(target) or PLACE_ID.match(target)):
        raise fail(path, no, f"actor {aid!r}: affiliation target must be an actor or place id, not {target!r}")
    dates = []
    for key in ("from", "to"):
        d = value.get(key)
        if d is not None and (not isinstance(d, str) or not ISO_DATE.match(d)):
            raise fail(path, no, f"actor {aid!r}: affiliation '{key}' must be an ISO date (2016, 2016-10, 2016-10-09) or null, not {d!r}")
        dates.append(d)
    return Affiliation(rtype, target, dates[0], dates[1])


# ---------------------------------------------------------------- tables

def _table(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row as a dict) of a TSV file with a header line holding the `required` columns."""
    header: list[str] | None = None
    for no, line in _lines(path):
        fields = [f.strip() for f in line.split("\t")]
        if header is None:
            header = fields
            missing = [c for c in required if c not in header]
            if missing:
                raise fail(path, no, f"the header lacks the column(s) {', '.join(missing)} "
                                     f"(expected at least: {', '.join(required)})")
            if len(set(header)) != len(header) or "" in header:
                raise fail(path, no, "the header has an empty or repeated column name")
            continue
        if len(fields) > len(header):
            raise fail(path, no, f"{len(fields)} fields but the header has {len(header)} columns")
        fields += [""] * (len(header) - len(fields))
        yield no, dict(zip(header, fields))
    if header is None and required:
        raise fail(path, None, "empty file: a header line is needed")


def read_places(path: Path) -> list[Place | Removal]:
    """The places (and removals) of one places/*.tsv file, in file order."""
    out: list[Place | Removal] = []
    for no, row in _table(path, PLACE_REQUIRED):
        out.append(_place(row, path, no))
    return out


def _place(row: dict[str, str], path: Path, no: int) -> Place | Removal:
    pid = row["id"]
    if not PLACE_ID.match(pid):
        raise fail(path, no, f"place id must look like place:ly or place:ly/ras-lanuf, not {pid!r}")
    if row["type"] == "remove":
        return Removal(pid, f"{path}:{no}")
    for col in PLACE_REQUIRED:
        if not row[col]:
            raise fail(path, no, f"place {pid!r}: empty '{col}'")
    if row["type"] not in PLACE_TYPES:
        raise fail(path, no, f"place {pid!r}: unknown type {row['type']!r} (GPE or LOCATION)")
    if row["kind"] not in PLACE_KINDS:
        raise fail(path, no, f"place {pid!r}: unknown kind {row['kind']!r} (one of {', '.join(PLACE_KINDS)})")
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        raise fail(path, no, f"place {pid!r}: bad coordinates {row['lat']!r}, {row['lon']!r} (decimal degrees)") from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise fail(path, no, f"place {pid!r}: bad coordinates {lat}, {lon} (latitude -90..90, longitude -180..180)")
    pop = row.get("population", "")
    population = None
    if pop:
        if not pop.isdecimal():
            raise fail(path, no, f"place {pid!r}: population must be a whole number, not {pop!r}")
        population = int(pop)
    country = row.get("country", "") or pid[6:8]
    if not _COUNTRY.match(country):
        raise fail(path, no, f"place {pid!r}: country must be an ISO 3166-1 alpha-2 code, not {country!r}")
    aliases = tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip())
    return Place(
        id=pid, type=row["type"], kind=row["kind"], name=row["name"], lat=lat, lon=lon,
        name_en=row.get("name_en") or None, country=country.upper(), admin=row.get("admin") or None,
        population=population, aliases=aliases, source=row.get("source") or None, origin=f"{path}:{no}",
    )


def read_lexicon(path: Path) -> list[dict[str, str]]:
    """The rows of one lexicons/*.tsv file as dicts keyed by the header's column names."""
    name = path.stem
    rows: list[dict[str, str]] = []
    checks = [(col, allowed) for (lex, col), allowed in _LEXICON_VOCAB.items() if lex == name]
    for no, row in _table(path, LEXICON_COLUMNS.get(name, ())):
        first = next(iter(row))
        if not row[first]:
            raise fail(path, no, f"empty '{first}'")
        for col, allowed in checks:
            if row.get(col, "") not in allowed:
                shown = ", ".join(a for a in allowed if a) + (" or empty" if "" in allowed else "")
                raise fail(path, no, f"unknown {col} {row.get(col)!r} (one of {shown})")
        rows.append(row)
    return rows
