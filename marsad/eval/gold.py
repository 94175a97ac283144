"""Reading gold files: the human-written counterpart of an analysis (`examples/*.gold.json`).

A gold file is one JSON object with the layers `entities`, `relations`, `events`, `claims`, `dates`
and `framing` (each optional), plus optional `article` (a path relative to the gold file's folder, or
`shared:REL/PATH` resolved against the shared data folder) and `published` (ISO date that anchors an
article without a date line). Entities carry a `key` that the other layers use to refer to them.

Every piece of evidence may be an exact quote (a string) or offsets into the article text
(`{"start": s, "end": e}`): relations', events' and claims' `evidence`, framing `term`, dates `text`,
and entity `mentions` (a list of quotes or offset pairs, added to the entity's names). Any item may
carry `"core": false`: it then counts only when matched (see `marsad.eval.score`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import GoldError
from marsad.model import ENTITY_TYPES, EVENT_TYPES, RELATION_TYPES, SOURCE_KINDS, STANCES
from marsad.settings import shared_dir

SHARED_PREFIX = "shared:"
_ISO = re.compile(r"^\d{4}(-\d\d(-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?)?)?$")

#: Quote string, or a half-open pair of offsets into the article text.
Evidence = str | tuple[int, int] | None


@dataclass(slots=True)
class GoldEntity:
    """An actor or place as the analyst wrote it, with every name it goes by."""

    key: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Evidence] = field(default_factory=list)
    core: bool = True
    geo: tuple[float, float] | None = None
    kind: str | None = None


@dataclass(slots=True)
class GoldRelation:
    """A typed link between two gold entity keys."""

    type: str
    head: str
    tail: str
    evidence: Evidence = None
    core: bool = True


@dataclass(slots=True)
class GoldEvent:
    """An event with its participants as gold entity keys."""

    type: str
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    place: str | None = None
    evidence: Evidence = None
    core: bool = True


@dataclass(slots=True)
class GoldClaim:
    """Who said what: the kind of source, the speaker's key (or None) and the content's evidence."""

    source_kind: str
    speaker: str | None = None
    evidence: Evidence = None
    core: bool = True


@dataclass(slots=True)
class GoldDate:
    """A time expression (quote or offsets) and its normalised value."""

    text: Evidence
    value: str | None
    core: bool = True


@dataclass(slots=True)
class GoldFraming:
    """A partisan naming: the term (quote or offsets), its stance and the entity key it names."""

    term: Evidence
    stance: str
    entity: str | None = None
    core: bool = True


@dataclass(slots=True)
class Gold:
    """A whole gold file, validated."""

    source: str
    entities: list[GoldEntity] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)
    claims: list[GoldClaim] = field(default_factory=list)
    dates: list[GoldDate] = field(default_factory=list)
    framing: list[GoldFraming] = field(default_factory=list)
    article: str | None = None
    published: str | None = None
    folder: Path | None = None

    def entity(self, key: str) -> GoldEntity | None:
        """The gold entity with this key, or None."""
        return next((e for e in self.entities if e.key == key), None)

    def article_path(self) -> Path | None:
        """The article this gold file names, resolved (None when it names none)."""
        if self.article is None:
            return None
        return resolve_article(self.article, self.folder or Path("."), self.source)


def resolve_article(ref: str, folder: Path, source: str) -> Path:
    """Resolve an `article` reference: `shared:REL` against the shared folder, else relative to `folder`."""
    if ref.startswith(SHARED_PREFIX):
        root = shared_dir()
        if root is None:
            raise GoldError(f"{source}: article {ref!r} is in the shared data folder, which was not found "
                            "(set MARSAD_SHARED)")
        return root / ref[len(SHARED_PREFIX):]
    path = Path(ref)
    return path if path.is_absolute() else folder / path


def load_gold(path: str | Path) -> Gold:
    """Read and validate a gold file; raises `GoldError` naming the file and the problem."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldError(f"{p}: gold file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{p}: cannot read gold file ({exc})") from None
    except json.JSONDecodeError as exc:
        raise GoldError(f"{p}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise GoldError(f"{p}: JSON nested too deeply") from None
    gold = parse_gold(data, str(p))
    gold.folder = p.resolve().parent
    return gold


def parse_gold(data: Any, source: str = "<gold>") -> Gold:
    """Validate a gold object (as loaded from JSON) and build a `Gold`; raises `GoldError`."""
    r = _Reader(source)
    if not isinstance(data, dict):
        raise GoldError(f"{source}: a gold file must be a JSON object, not {type(data).__name__}")
    if data.get("schema") == "marsad.analysis/1":
        raise GoldError(f"{source}: this is an analysis (schema marsad.analysis/1), not a gold file")
    published = r.opt_str(data, "published", "gold")
    if published is not None and not _ISO.match(published):
        raise GoldError(f"{source}: 'published' must be an ISO date such as 2016-10-11 or "
                        f"2016-10-11T13:10, not {published!r}")
    gold = Gold(source=source, article=r.opt_str(data, "article", "gold"), published=published)
    for i, item in enumerate(r.items(data, "entities")):
        gold.entities.append(r.entity(item, f"entities[{i}]"))
    keys = [e.key for e in gold.entities]
    dup = sorted({k for k in keys if keys.count(k) > 1})
    if dup:
        raise GoldError(f"{source}: duplicate entity key(s): {', '.join(dup)}")
    r.keys = set(keys)
    for i, item in enumerate(r.items(data, "relations")):
        where = f"relations[{i}]"
        gold.relations.append(GoldRelation(
            type=r.choice(item, "type", RELATION_TYPES, where), head=r.key(item, "head", where),
            tail=r.key(item, "tail", where), evidence=r.evidence(item, "evidence", where), core=r.core(item, where)))
    for i, item in enumerate(r.items(data, "events")):
        where = f"events[{i}]"
        gold.events.append(GoldEvent(
            type=r.choice(item, "type", EVENT_TYPES, where), agents=r.key_list(item, "agents", where),
            targets=r.key_list(item, "targets", where), place=r.opt_key(item, "place", where),
            evidence=r.evidence(item, "evidence", where), core=r.core(item, where)))
    for i, item in enumerate(r.items(data, "claims")):
        where = f"claims[{i}]"
        gold.claims.append(GoldClaim(
            source_kind=r.choice(item, "source_kind", SOURCE_KINDS, where),
            speaker=r.opt_key(item, "speaker", where), evidence=r.evidence(item, "evidence", where),
            core=r.core(item, where)))
    for i, item in enumerate(r.items(data, "dates")):
        where = f"dates[{i}]"
        gold.dates.append(GoldDate(text=r.evidence(item, "text", where, required=True),
                                   value=r.opt_str(item, "value", where), core=r.core(item, where)))
    for i, item in enumerate(r.items(data, "framing")):
        where = f"framing[{i}]"
        gold.framing.append(GoldFraming(
            term=r.evidence(item, "term", where, required=True),
            stance=r.choice(item, "stance", STANCES, where), entity=r.opt_key(item, "entity", where),
            core=r.core(item, where)))
    return gold


class _Reader:
    """Field readers that raise `GoldError` naming the file, the item and the field."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.keys: set[str] = set()

    def fail(self, where: str, reason: str) -> GoldError:
        return GoldError(f"{self.source}: {where}: {reason}")

    def items(self, data: dict[str, Any], layer: str) -> list[dict[str, Any]]:
        value = data.get(layer, [])
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(layer, f"must be a list, not {type(value).__name__}")
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.fail(f"{layer}[{i}]", f"must be an object, not {type(item).__name__}")
        return value

    def string(self, item: dict[str, Any], name: str, where: str) -> str:
        value = item.get(name)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"{name!r} must be a non-empty string")
        return value

    def opt_str(self, item: dict[str, Any], name: str, where: str) -> str | None:
        value = item.get(name)
        if value is not None and not isinstance(value, str):
            raise self.fail(where, f"{name!r} must be a string or null")
        return value

    def choice(self, item: dict[str, Any], name: str, allowed: tuple[str, ...], where: str) -> str:
        value = self.string(item, name, where)
        if value not in allowed:
            raise self.fail(where, f"unknown {name} {value!r} (allowed: {', '.join(allowed)})")
        return value

    def core(self, item: dict[str, Any], where: str) -> bool:
        value = item.get("core", True)
        if not isinstance(value, bool):
            raise self.fail(where, "'core' must be true or false")
        return value

    def key(self, item: dict[str, Any], name: str, where: str) -> str:
        value = self.string(item, name, where)
        if value not in self.keys:
            raise self.fail(where, f"{name} {value!r} is not the key of any gold entity")
        return value

    def opt_key(self, item: dict[str, Any], name: str, where: str) -> str | None:
        return None if item.get(name) is None else self.key(item, name, where)

    def key_list(self, item: dict[str, Any], name: str, where: str) -> list[str]:
        value = item.get(name) or []
        if not isinstance(value, list):
            raise self.fail(where, f"{name!r} must be a list of entity keys")
        return [self.key({name: v}, name, where) for v in value]

    def evidence(self, item: dict[str, Any], name: str, where: str, *, required: bool = False) -> Evidence:
        value = item.get(name)
        if value is None and not required:
            return None
        return self.span_or_quote(value, f"{where}.{name}")

    def span_or_quote(self, value: Any, where: str) -> Evidence:
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, dict):
            s, e = value.get("start"), value.get("end")
            if isinstance(s, int) and isinstance(e, int) and not isinstance(s, bool) \
                    and not isinstance(e, bool) and 0 <= s < e:
                return (s, e)
            raise self.fail(where, f"offsets must be whole numbers with 0 <= start < end, not {value!r}")
        raise self.fail(where, "must be a quote (non-empty string) or {\"start\": s, \"end\": e}")

    def entity(self, item: dict[str, Any], where: str) -> GoldEntity:
        raw_mentions = item.get("mentions") or []
        if not isinstance(raw_mentions, list):
            raise self.fail(where, "'mentions' must be a list of quotes or offset pairs")
        mentions = [self.span_or_quote(m, f"{where}.mentions[{j}]") for j, m in enumerate(raw_mentions)]
        name = item.get("name")
        if name is None and mentions:
            name = ""
        elif not isinstance(name, str) or not name.strip():
            raise self.fail(where, "'name' must be a non-empty string (or give 'mentions')")
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise self.fail(where, "'aliases' must be a list of strings")
        return GoldEntity(key=self.string(item, "key", where), type=self.choice(item, "type", ENTITY_TYPES, where),
                          name=name, aliases=list(aliases), mentions=mentions, core=self.core(item, where),
                          geo=self.geo(item, where), kind=self.opt_str(item, "kind", where))

    def geo(self, item: dict[str, Any], where: str) -> tuple[float, float] | None:
        geo = item.get("geo")
        if geo is None:
            return None
        lat = geo.get("lat") if isinstance(geo, dict) else None
        lon = geo.get("lon") if isinstance(geo, dict) else None
        ok = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lat, lon))
        if not ok or not (-90 <= lat <= 90 and -180 <= lon <= 180):  # type: ignore[operator]
            raise self.fail(where, f"'geo' must be {{\"lat\": ..., \"lon\": ...}} within range, not {geo!r}")
        return (float(lat), float(lon))  # type: ignore[arg-type]
