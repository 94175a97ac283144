"""Aligning predicted entities with gold entities, one to one, and checking places' coordinates.

A predicted entity and a gold entity can be aligned when
- their name sets intersect: the predicted name, its knowledge-base name (`kb_name`) and the text of
  every predicted mention, against the
  gold name, aliases and mentions; each name is compared after `normalise`, trimming punctuation and
  quotes at its ends, collapsing white space and stripping one leading «ال» (so «المغاربة» = «مغاربة»);
- their types are compatible: equal, or GPE~LOCATION, or ARMED_GROUP~ORGANIZATION.
Pairs are then taken greedily, best first: the larger share of common names (Jaccard), then an exact
type, then the order of the files; each entity is used at most once.

Besides F1, two shares are measured over the aligned pairs: places put at the right coordinates
(`score_geo`) and entities linked to the knowledge base (`score_links`: the prediction has a `kb_id`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from marsad.eval.gold import Gold, GoldEntity
from marsad.eval.locate import evidence_text
from marsad.model import Analysis, Entity
from marsad.text.normalise import normalise

#: Pairs of types that count as the same for alignment.
COMPATIBLE = frozenset({frozenset({"GPE", "LOCATION"}), frozenset({"ARMED_GROUP", "ORGANIZATION"})})
#: Geo tolerance in km, by the gold place's kind (default for anything else).
GEO_TOLERANCE_KM = {"region": 150.0, "country": 150.0}
DEFAULT_GEO_TOLERANCE_KM = 50.0

_EDGE = re.compile(r"^[\s\"'«»“”‘’()\[\]{}،,.:;؛!?؟\-–—]+|[\s\"'«»“”‘’()\[\]{}،,.:;؛!?؟\-–—]+$")
_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """The comparison form of a name: normalised, trimmed, spaces collapsed, leading «ال» dropped."""
    key = _SPACES.sub(" ", _EDGE.sub("", normalise(name)))
    if key.startswith("ال") and len(key) > 3:
        key = key[2:]
    return key


def types_compatible(a: str, b: str) -> bool:
    """Equal types, or one of the compatible pairs (GPE~LOCATION, ARMED_GROUP~ORGANIZATION)."""
    return a == b or frozenset({a, b}) in COMPATIBLE


def predicted_names(entity: Entity) -> set[str]:
    """Comparison keys of a predicted entity's name, its knowledge-base name and mention texts. A mention that starts at the
    lam standing for an elided article («للجيش» → «لجيش») also counts with the article restored."""
    names = [entity.name, *(m.text for m in entity.mentions), *([entity.kb_name] if entity.kb_name else [])]
    names += ["ا" + m.text for m in entity.mentions if m.text.startswith("ل") and not m.text.startswith("ال")]
    return {k for k in map(name_key, names) if k}


def gold_names(entity: GoldEntity, text: str) -> set[str]:
    """Comparison keys of a gold entity's name, aliases and mentions (quotes or offsets)."""
    names = [entity.name, *entity.aliases]
    names += [t for t in (evidence_text(text, m) for m in entity.mentions) if t]
    return {k for k in map(name_key, names) if k}


@dataclass(slots=True)
class Alignment:
    """The one-to-one pairing of predicted entity ids with gold entity keys."""

    to_gold: dict[str, str] = field(default_factory=dict)
    to_pred: dict[str, str] = field(default_factory=dict)

    def gold_key(self, pred_id: str | None) -> str | None:
        """The gold key the predicted entity is aligned with, or None."""
        return None if pred_id is None else self.to_gold.get(pred_id)


def align_entities(analysis: Analysis, gold: Gold) -> Alignment:
    """Greedy one-to-one alignment of the analysis's entities with the gold entities.

    Pairs are taken best first: more shared names, then more of the predicted entity's mentions
    written with a gold name (the entity the text calls that way most often), then the same type,
    then the larger share of all names (Jaccard)."""
    text = analysis.text
    gnames = [gold_names(g, text) for g in gold.entities]
    candidates: list[tuple[int, int, int, float, int, int]] = []
    for pi, pred in enumerate(analysis.entities):
        pnames = predicted_names(pred)
        mention_keys = [name_key(m.text) for m in pred.mentions]
        for gi, g in enumerate(gold.entities):
            if not types_compatible(pred.type, g.type):
                continue
            common = pnames & gnames[gi]
            if common:
                share = len(common) / len(pnames | gnames[gi])
                hits = sum(1 for k in mention_keys if k in gnames[gi])
                candidates.append((-len(common), -hits, 0 if pred.type == g.type else 1, -share, pi, gi))
    candidates.sort()
    out = Alignment()
    for *_, pi, gi in candidates:
        pid, key = analysis.entities[pi].id, gold.entities[gi].key
        if pid in out.to_gold or key in out.to_pred:
            continue
        out.to_gold[pid] = key
        out.to_pred[key] = pid
    return out


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(slots=True)
class GeoScore:
    """Geo accuracy over matched places whose gold entity has coordinates."""

    places: int = 0
    with_geo: int = 0
    correct: int = 0

    def add(self, other: "GeoScore") -> None:
        """Add another file's counts to these."""
        self.places += other.places
        self.with_geo += other.with_geo
        self.correct += other.correct

    @property
    def accuracy(self) -> float | None:
        """Share of matched gold places whose predicted coordinates are within tolerance (None: none)."""
        return self.correct / self.places if self.places else None

    def to_dict(self) -> dict[str, object]:
        """JSON form."""
        acc = self.accuracy
        return {"places": self.places, "with_geo": self.with_geo, "correct": self.correct,
                "accuracy": None if acc is None else round(acc, 4)}


@dataclass(slots=True)
class LinkScore:
    """Linking: of the matched gold entities, how many have a prediction carrying a knowledge-base id."""

    matched: int = 0
    linked: int = 0
    #: per gold entity type: [matched, linked]
    per_type: dict[str, list[int]] = field(default_factory=dict)

    def add(self, other: "LinkScore") -> None:
        """Add another file's counts to these."""
        self.matched += other.matched
        self.linked += other.linked
        for t, (m, k) in other.per_type.items():
            row = self.per_type.setdefault(t, [0, 0])
            row[0] += m
            row[1] += k

    @property
    def share(self) -> float | None:
        """Linked over matched (None when nothing was matched)."""
        return self.linked / self.matched if self.matched else None

    def to_dict(self) -> dict[str, object]:
        """JSON form, with the share per gold entity type."""
        share = self.share
        return {"matched": self.matched, "linked": self.linked,
                "share": None if share is None else round(share, 4),
                "per_type": {t: {"matched": m, "linked": k, "share": round(k / m, 4) if m else None}
                             for t, (m, k) in sorted(self.per_type.items())}}


def score_links(analysis: Analysis, gold: Gold, alignment: Alignment) -> LinkScore:
    """Count matched gold entities (core or not) and those whose predicted entity has a `kb_id`."""
    out = LinkScore()
    for g in gold.entities:
        pid = alignment.to_pred.get(g.key)
        pred = analysis.entity(pid) if pid is not None else None
        if pred is None:
            continue
        hit = 1 if pred.kb_id else 0
        out.matched += 1
        out.linked += hit
        row = out.per_type.setdefault(g.type, [0, 0])
        row[0] += 1
        row[1] += hit
    return out


def _pred_point(entity: Entity) -> tuple[float, float] | None:
    geo = entity.geo or {}
    lat, lon = geo.get("lat"), geo.get("lon")
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
        return (float(lat), float(lon))
    return None


def score_geo(analysis: Analysis, gold: Gold, alignment: Alignment) -> GeoScore:
    """Count matched gold places with coordinates and those the prediction puts close enough."""
    out = GeoScore()
    for g in gold.entities:
        pid = alignment.to_pred.get(g.key)
        if g.geo is None or pid is None:
            continue
        pred = analysis.entity(pid)
        out.places += 1
        point = _pred_point(pred) if pred else None
        if point is None:
            continue
        out.with_geo += 1
        tolerance = GEO_TOLERANCE_KM.get(g.kind or "", DEFAULT_GEO_TOLERANCE_KM)
        if distance_km(point, g.geo) <= tolerance:
            out.correct += 1
    return out
