"""Hand-built analyses for store tests: entities, relations, events and claims placed by their words."""

from __future__ import annotations

from typing import Any

from marsad.ingest.result import content_id
from marsad.model import Analysis, Claim, Document, Entity, Event, Offsets, Relation, Sentence, Span


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def build(text: str, *, published: str, outlet: str, entities: list[tuple[str, str, str, str | None]],
          relations: list[tuple[str, str, str, str]] = (), events: list[dict[str, Any]] = (),
          claims: list[dict[str, Any]] = (), geo: dict[str, tuple[float, float]] | None = None) -> Analysis:
    """An analysis of `text`: entities as (id, type, name, kb_id), relations as (type, head, tail,
    evidence words), events and claims as dicts naming their words; every name must be in the text."""
    doc = Document(id=content_id(text + outlet), source_id=f"{outlet}-{published}", text=text,
                   published=published, outlet=outlet)
    a = Analysis(document=doc)
    a.sentences = [Sentence(0, len(text))]
    for ent_id, type_, name, kb_id in entities:
        s, e = _span(text, name)
        point = (geo or {}).get(ent_id)
        a.entities.append(Entity(id=ent_id, type=type_, name=name, kb_id=kb_id, mentions=[Span(s, e, name)],
                                 geo=None if point is None else {"lat": point[0], "lon": point[1], "precision": "city"}))
    for i, (type_, head, tail, words) in enumerate(relations, 1):
        a.relations.append(Relation(id=f"r{i}", type=type_, head=head, tail=tail, evidence=Offsets(*_span(text, words))))
    for i, c in enumerate(claims, 1):
        cs, ce = _span(text, c["cue"])
        a.claims.append(Claim(id=f"c{i}", source_kind=c["kind"], cue=Span(cs, ce, c["cue"]),
                              content=Offsets(*_span(text, c["content"])), speaker=c.get("speaker"),
                              via=list(c.get("via", [])), source_text=c.get("source_text")))
    for i, v in enumerate(events, 1):
        ts, te = _span(text, v["trigger"])
        a.events.append(Event(id=f"v{i}", type=v["type"], trigger=Span(ts, te, v["trigger"]),
                              evidence=Offsets(*_span(text, v.get("evidence", v["trigger"]))),
                              agents=list(v.get("agents", [])), targets=list(v.get("targets", [])),
                              place=v.get("place"), modality=v.get("modality", "asserted"), claim=v.get("claim"),
                              time={"value": v["date"], "precision": "day"} if v.get("date") else None))
    a.layers = {"sentences", "entities", "claims", "events", "relations"}
    return a
