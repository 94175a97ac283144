"""The data model: one `Analysis` per article, filled layer by layer by the pipeline.

Every span keeps character offsets into `Document.text` (the article exactly as read), so that any
annotation can be highlighted and traced back. The JSON form is the `marsad.analysis/1` contract of
DESIGN.md; `Analysis.to_dict()` produces it and `Analysis.from_dict()` reads it back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any

SCHEMA_ID = "marsad.analysis/1"

ENTITY_TYPES = ("PERSON", "ARMED_GROUP", "TRIBE", "ORGANIZATION", "MEDIA", "GPE", "LOCATION")
RELATION_TYPES = (
    "COMMANDS", "LEADS", "SPOKESPERSON_OF", "MEMBER_OF", "LOYAL_TO", "ALLIED_WITH", "SUPPORTS",
    "OPPOSES", "DEFECTED_FROM", "CONTROLS", "BASED_IN",
)
EVENT_TYPES = (
    "ARMED_CLASH", "ATTACK", "VIOLENCE_AGAINST_CIVILIANS", "TERRITORY_CONTROL", "DEFECTION",
    "ALLEGIANCE", "MOBILIZATION", "SUPPORT", "MEETING", "AGREEMENT", "ACCUSATION", "THREAT", "ARREST",
    "EXPULSION", "APPOINTMENT", "SANCTION", "PROTEST", "LEGAL_ACTION",
)
MODALITIES = ("asserted", "attempted", "failed", "denied", "planned", "possible")
SOURCE_KINDS = ("named_person", "organization", "media", "anonymous", "document")
STANCES = ("hostile", "favorable")
PRECISIONS = ("minute", "hour", "day", "week", "month", "season", "year", "decade", "range")
GEO_PRECISIONS = ("point", "city", "region", "country")


@dataclass(slots=True)
class Span:
    """A stretch of the original text: `text == document.text[start:end]`."""

    start: int
    end: int
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON form: start, end and text."""
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Offsets:
    """A bare offset pair (used for claim contents and evidence)."""

    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """JSON form: start and end."""
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Document:
    """One article as read: metadata plus the exact text that all offsets refer to."""

    id: str
    source_id: str
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the contract's `document` object."""
        return {
            "id": self.id, "source_id": self.source_id, "title": self.title,
            "published": self.published, "outlet": self.outlet, "url": self.url, "text": self.text,
        }


@dataclass(slots=True)
class Sentence:
    """A sentence as a half-open character range of the original text."""

    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """JSON form: start and end."""
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Token:
    """A word or punctuation mark with its offsets, its normalised form and its proclitics.

    `stem_start` is where the word proper begins after proclitics (و ف ب ل ك ال …) in the original
    text; `stem` is the normalised word without them and `prefix` the normalised proclitics.
    """

    start: int
    end: int
    text: str
    norm: str
    stem: str
    prefix: str = ""
    stem_start: int = -1
    sentence: int = 0

    def __post_init__(self) -> None:
        if self.stem_start < 0:
            self.stem_start = self.start

    def to_dict(self) -> dict[str, Any]:
        """JSON form; proclitic fields only when the token has some."""
        out: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text, "norm": self.norm}
        if self.prefix:
            out["prefix"] = self.prefix
            out["stem"] = self.stem
            out["stem_start"] = self.stem_start
        return out


@dataclass(slots=True)
class Entity:
    """One real-world actor or place with all its mentions in the article."""

    id: str
    type: str
    name: str
    mentions: list[Span] = field(default_factory=list)
    name_en: str | None = None
    kb_id: str | None = None
    geo: dict[str, Any] | None = None
    roles: list[str] = field(default_factory=list)
    kind: str | None = None
    confidence: float = 1.0
    #: the knowledge base's canonical Arabic name when linked (`name` is the article's own words)
    kb_name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the contract's entity object."""
        return {
            "id": self.id, "type": self.type, "name": self.name, "name_en": self.name_en,
            "kb_id": self.kb_id, "kb_name": self.kb_name, "geo": self.geo, "kind": self.kind, "roles": list(self.roles),
            "confidence": round(self.confidence, 3),
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(slots=True)
class Time:
    """A time expression with its normalised value (ISO 8601 prefix) and precision."""

    id: str
    start: int
    end: int
    text: str
    value: str | None
    precision: str
    anchor: str | None = None
    flags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the contract's time object."""
        return {
            "id": self.id, "start": self.start, "end": self.end, "text": self.text,
            "value": self.value, "precision": self.precision, "anchor": self.anchor,
            "flags": list(self.flags),
        }


@dataclass(slots=True)
class Claim:
    """Who said what: a reporting cue, its source (an entity or an anonymous description) and content."""

    id: str
    source_kind: str
    cue: Span
    content: Offsets
    speaker: str | None = None
    source_text: str | None = None
    via: list[str] = field(default_factory=list)
    time: str | None = None
    cue_lemma: str | None = None
    quote: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the contract's claim object."""
        cue = self.cue.to_dict()
        cue["lemma"] = self.cue_lemma
        return {
            "id": self.id, "speaker": self.speaker, "source_kind": self.source_kind,
            "source_text": self.source_text, "via": list(self.via), "cue": cue,
            "content": self.content.to_dict(), "time": self.time, "quote": self.quote,
        }


@dataclass(slots=True)
class Event:
    """Something that happened (or was attempted, denied, planned …) with its participants."""

    id: str
    type: str
    trigger: Span
    evidence: Offsets
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    place: str | None = None
    time: dict[str, Any] | None = None
    modality: str = "asserted"
    claim: str | None = None
    confidence: float = 0.5
    negated: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the contract's event object."""
        return {
            "id": self.id, "type": self.type, "trigger": self.trigger.to_dict(),
            "agents": list(self.agents), "targets": list(self.targets), "place": self.place,
            "time": self.time, "modality": self.modality, "claim": self.claim,
            "confidence": round(self.confidence, 3), "evidence": self.evidence.to_dict(),
        }


@dataclass(slots=True)
class Relation:
    """A typed link between two entities, with modality, source claim and evidence."""

    id: str
    type: str
    head: str
    tail: str
    evidence: Offsets
    modality: str = "asserted"
    claim: str | None = None
    time: dict[str, Any] | None = None
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the contract's relation object."""
        return {
            "id": self.id, "type": self.type, "head": self.head, "tail": self.tail,
            "modality": self.modality, "claim": self.claim, "time": self.time,
            "confidence": round(self.confidence, 3), "evidence": self.evidence.to_dict(),
        }


@dataclass(slots=True)
class Framing:
    """A partisan or evaluative naming of an entity (e.g. «قوات الانقلاب», hostile)."""

    entity: str | None
    start: int
    end: int
    text: str
    stance: str

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the contract's framing object."""
        return {"entity": self.entity, "start": self.start, "end": self.end, "text": self.text,
                "stance": self.stance}


@dataclass
class Analysis:
    """The pipeline's working document and its result: the article plus every layer.

    Components read and fill it in order; `layers` records which layers have been assigned.
    Working layers that components hand on and that are not serialised (the normalised view, the
    entity mentions …) live in `work`, by the layer names declared in `marsad.layers`.
    """

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    framing: list[Framing] = field(default_factory=list)
    layers: set[str] = field(default_factory=set)
    work: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        """The original article text."""
        return self.document.text

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def to_dict(self, *, tokens: bool = True) -> dict[str, Any]:
        """The `marsad.analysis/1` JSON object (tokens optional, as they are bulky)."""
        out: dict[str, Any] = {
            "schema": SCHEMA_ID,
            "document": self.document.to_dict(),
            "sentences": [s.to_dict() for s in self.sentences],
        }
        if tokens:
            out["tokens"] = [t.to_dict() for t in self.tokens]
        out.update({
            "entities": [e.to_dict() for e in self.entities],
            "times": [t.to_dict() for t in self.times],
            "claims": [c.to_dict() for c in self.claims],
            "events": [e.to_dict() for e in self.events],
            "relations": [r.to_dict() for r in self.relations],
            "framing": [f.to_dict() for f in self.framing],
            "warnings": list(self.document.warnings),
        })
        return out

    def to_json(self, *, indent: int | None = 1, tokens: bool = True) -> str:
        """The analysis as a JSON string, Arabic kept as is (not \\u-escaped)."""
        return json.dumps(self.to_dict(tokens=tokens), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Analysis":
        """Rebuild an analysis from its JSON object (as written by `to_dict`)."""
        d = data["document"]
        doc = Document(id=d["id"], source_id=d.get("source_id") or d["id"], text=d["text"],
                       title=d.get("title"), published=d.get("published"), outlet=d.get("outlet"),
                       url=d.get("url"), warnings=list(data.get("warnings", [])))
        out = cls(document=doc)
        out.sentences = [Sentence(s["start"], s["end"]) for s in data.get("sentences", [])]
        out.tokens = [_from_fields(Token, {"stem": t.get("norm", ""), **t}) for t in data.get("tokens", [])]
        out.entities = [
            Entity(id=e["id"], type=e["type"], name=e["name"], name_en=e.get("name_en"),
                   kb_id=e.get("kb_id"), kb_name=e.get("kb_name"), geo=e.get("geo"), kind=e.get("kind"),
                   roles=list(e.get("roles", [])), confidence=e.get("confidence", 1.0),
                   mentions=[Span(m["start"], m["end"], m.get("text", "")) for m in e.get("mentions", [])])
            for e in data.get("entities", [])
        ]
        out.times = [_from_fields(Time, t) for t in data.get("times", [])]
        out.claims = [
            Claim(id=c["id"], source_kind=c["source_kind"],
                  cue=Span(c["cue"]["start"], c["cue"]["end"], c["cue"].get("text", "")),
                  cue_lemma=c["cue"].get("lemma"), content=Offsets(c["content"]["start"], c["content"]["end"]),
                  speaker=c.get("speaker"), source_text=c.get("source_text"), via=list(c.get("via", [])),
                  time=c.get("time"), quote=c.get("quote", False))
            for c in data.get("claims", [])
        ]
        out.events = [
            Event(id=v["id"], type=v["type"],
                  trigger=Span(v["trigger"]["start"], v["trigger"]["end"], v["trigger"].get("text", "")),
                  evidence=Offsets(v["evidence"]["start"], v["evidence"]["end"]),
                  agents=list(v.get("agents", [])), targets=list(v.get("targets", [])),
                  place=v.get("place"), time=v.get("time"), modality=v.get("modality", "asserted"),
                  claim=v.get("claim"), confidence=v.get("confidence", 0.5))
            for v in data.get("events", [])
        ]
        out.relations = [
            Relation(id=r["id"], type=r["type"], head=r["head"], tail=r["tail"],
                     evidence=Offsets(r["evidence"]["start"], r["evidence"]["end"]),
                     modality=r.get("modality", "asserted"), claim=r.get("claim"), time=r.get("time"),
                     confidence=r.get("confidence", 0.5))
            for r in data.get("relations", [])
        ]
        out.framing = [Framing(f.get("entity"), f["start"], f["end"], f.get("text", ""), f["stance"])
                       for f in data.get("framing", [])]
        out.layers = {"sentences", "tokens", "entities", "times", "claims", "events", "relations", "framing"}
        return out


def _from_fields(cls: type, data: dict[str, Any]) -> Any:
    """Build a dataclass from the keys of `data` that it knows."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})
