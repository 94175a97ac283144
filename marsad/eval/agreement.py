"""Agreement between two annotators: one gold file scored against another with the system's scorer.

A second, independent annotation of the same article is turned into an analysis (`gold_as_analysis`)
and scored against the first with `marsad.eval.score`, so that the figures mean exactly what the
system's figures mean: the agreement per layer is the ceiling the system is measured against.
"""

from __future__ import annotations

from marsad.eval.gold import Evidence, Gold, GoldEntity
from marsad.eval.locate import locate
from marsad.eval.score import FileScore, score_analysis
from marsad.model import Analysis, Claim, Document, Entity, Event, Framing, Offsets, Relation, Span, Time


def _offsets(text: str, evidence: Evidence) -> Offsets:
    """The first place a piece of gold evidence stands, or an empty span at 0 when it is not found."""
    spans = locate(text, evidence) or []
    return Offsets(*spans[0]) if spans else Offsets(0, 0)


def _entity(gold_entity: GoldEntity, text: str) -> Entity:
    """An analysis entity carrying every name of a gold entity found in the text as a mention."""
    mentions = []
    for name in dict.fromkeys([gold_entity.name, *gold_entity.aliases]):
        start = text.find(name) if name else -1
        if start >= 0:
            mentions.append(Span(start, start + len(name), name))
    if not mentions:
        mentions.append(Span(0, 0, gold_entity.name))
    geo = {"lat": gold_entity.geo[0], "lon": gold_entity.geo[1]} if gold_entity.geo else None
    return Entity(id=gold_entity.key, type=gold_entity.type, name=gold_entity.name, mentions=mentions,
                  geo=geo, kind=gold_entity.kind)


def gold_as_analysis(gold: Gold, text: str) -> Analysis:
    """An analysis holding exactly what a gold file holds, with its evidence as offsets into `text`."""
    doc = Document(id=gold.source, source_id=gold.source, text=text, published=gold.published)
    out = Analysis(document=doc)
    out.entities = [_entity(e, text) for e in gold.entities]
    for i, r in enumerate(gold.relations, 1):
        out.relations.append(Relation(id=f"r{i}", type=r.type, head=r.head, tail=r.tail,
                                      evidence=_offsets(text, r.evidence)))
    for i, v in enumerate(gold.events, 1):
        span = _offsets(text, v.evidence)
        out.events.append(Event(id=f"v{i}", type=v.type, trigger=Span(span.start, span.start, ""),
                                evidence=span, agents=list(v.agents), targets=list(v.targets),
                                place=v.place))
    for i, c in enumerate(gold.claims, 1):
        span = _offsets(text, c.evidence)
        out.claims.append(Claim(id=f"c{i}", source_kind=c.source_kind, cue=Span(span.start, span.start, ""),
                                content=span, speaker=c.speaker))
    for i, d in enumerate(gold.dates, 1):
        span = _offsets(text, d.text)
        out.times.append(Time(id=f"t{i}", start=span.start, end=span.end, text=text[span.start:span.end],
                              value=d.value, precision="day"))
    for f in gold.framing:
        span = _offsets(text, f.term)
        out.framing.append(Framing(entity=f.entity, start=span.start, end=span.end,
                                   text=text[span.start:span.end], stance=f.stance))
    return out


def agreement(first: Gold, second: Gold, text: str) -> FileScore:
    """Score the second annotation of an article against the first, layer by layer."""
    return score_analysis(gold_as_analysis(second, text), first, input_name=second.source)
