"""Helpers for the evaluation tests: a small article written for these tests, its gold, and builders."""

from __future__ import annotations

from typing import Any

from marsad.eval.gold import Gold
from marsad.eval.locate import locate
from marsad.model import (Analysis, Claim, Document, Entity, Event, Framing, Offsets, Relation, Span,
                          Time)

# Written for these tests (invented people and units).
TEXT = (
    "اشتباكات قرب ميناء الزويتينة\n"
    "الأحد 5 مارس 2017\n"
    "قال العقيد سالم الورفلي، المتحدث باسم كتيبة النصر، إن قوات الكتيبة سيطرت على ميناء الزويتينة صباح أمس. "
    "وأكد مصدر عسكري أن الكتيبة تلقت دعما من قبيلة العبيدات في مدينة أجدابيا. "
    "ووصفت صحيفة الفجر الكتيبة بأنها ميليشيا الغدر.\n"
)


def span(quote: str, nth: int = 0) -> tuple[int, int]:
    """The offsets of the nth occurrence of `quote` in TEXT (fails loudly when absent)."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(quote, start + 1)
    return start, start + len(quote)


def mention(quote: str, nth: int = 0) -> Span:
    """A Span over the nth occurrence of `quote` in TEXT."""
    s, e = span(quote, nth)
    return Span(s, e, TEXT[s:e])


def gold_dict() -> dict[str, Any]:
    """The gold of TEXT, evidence as quotes (some as offsets, to test both)."""
    return {
        "published": "2017-03-05",
        "entities": [
            {"key": "warfalli", "type": "PERSON", "name": "سالم الورفلي", "aliases": ["العقيد سالم الورفلي"]},
            {"key": "nasr", "type": "ARMED_GROUP", "name": "كتيبة النصر", "aliases": ["الكتيبة"]},
            {"key": "zueitina", "type": "LOCATION", "name": "ميناء الزويتينة", "aliases": [],
             "geo": {"lat": 30.85, "lon": 20.06}, "kind": "port"},
            {"key": "obeidat", "type": "TRIBE", "name": "قبيلة العبيدات", "aliases": ["العبيدات"]},
            {"key": "ajdabiya", "type": "GPE", "name": "أجدابيا", "aliases": ["مدينة أجدابيا"],
             "geo": {"lat": 30.7554, "lon": 20.2263}},
            {"key": "fajr", "type": "MEDIA", "name": "صحيفة الفجر", "aliases": []},
            {"key": "libya", "type": "GPE", "name": "ليبيا", "core": False,
             "geo": {"lat": 27.0, "lon": 17.0}, "kind": "country"},
        ],
        "relations": [
            {"type": "SPOKESPERSON_OF", "head": "warfalli", "tail": "nasr",
             "evidence": "سالم الورفلي، المتحدث باسم كتيبة النصر"},
            {"type": "CONTROLS", "head": "nasr", "tail": "zueitina",
             "evidence": {"start": span("سيطرت")[0], "end": span("ميناء الزويتينة", 1)[1]}},
            {"type": "SUPPORTS", "head": "obeidat", "tail": "nasr", "evidence": "تلقت دعما من قبيلة العبيدات"},
        ],
        "events": [
            {"type": "TERRITORY_CONTROL", "agents": ["nasr"], "targets": [], "place": "zueitina",
             "evidence": "قوات الكتيبة سيطرت على ميناء الزويتينة"},
            {"type": "SUPPORT", "agents": ["obeidat"], "targets": ["nasr"], "place": "ajdabiya",
             "evidence": "تلقت دعما من قبيلة العبيدات"},
        ],
        "claims": [
            {"speaker": "warfalli", "source_kind": "named_person", "cue": "قال",
             "evidence": "قوات الكتيبة سيطرت على ميناء الزويتينة صباح أمس"},
            {"speaker": None, "source_kind": "anonymous", "cue": "أكد",
             "evidence": "الكتيبة تلقت دعما من قبيلة العبيدات في مدينة أجدابيا"},
        ],
        "dates": [
            {"text": "الأحد 5 مارس 2017", "value": "2017-03-05"},
            {"text": {"start": span("صباح أمس")[0], "end": span("صباح أمس")[1]}, "value": "2017-03-04"},
        ],
        "framing": [{"entity": "nasr", "term": "ميليشيا الغدر", "stance": "hostile"}],
    }


def document(text: str = TEXT) -> Document:
    """A document over `text`."""
    return Document(id="t", source_id="test-article", text=text)


def empty_analysis(text: str = TEXT) -> Analysis:
    """An analysis with no layer filled."""
    return Analysis(document=document(text))


def good_analysis() -> Analysis:
    """A hand-built analysis of TEXT that gets most of the gold right (see the tests for each rule)."""
    a = empty_analysis()
    a.entities = [
        Entity("e1", "PERSON", "سالم الورفلي", [mention("سالم الورفلي")]),
        Entity("e2", "ARMED_GROUP", "كتيبة النصر", [mention("كتيبة النصر"), mention("الكتيبة", 1)]),
        Entity("e3", "GPE", "ميناء الزويتينة", [mention("ميناء الزويتينة", 1)],
               geo={"lat": 30.9, "lon": 20.1, "precision": "city"}),
        Entity("e4", "TRIBE", "العبيدات", [mention("العبيدات")]),
        Entity("e5", "GPE", "أجدابيا", [mention("أجدابيا")], geo={"lat": 32.0, "lon": 20.2}),
        Entity("e6", "PERSON", "العقيد", [mention("العقيد")]),
    ]
    a.relations = [
        Relation("r1", "SPOKESPERSON_OF", "e1", "e2", Offsets(*span("المتحدث باسم كتيبة النصر"))),
        Relation("r2", "CONTROLS", "e2", "e3", Offsets(*span("سيطرت على ميناء الزويتينة"))),
        Relation("r3", "SUPPORTS", "e2", "e4", Offsets(*span("تلقت دعما"))),  # head and tail swapped
    ]
    a.events = [
        Event("v1", "TERRITORY_CONTROL", mention("سيطرت"), Offsets(*span("سيطرت على ميناء الزويتينة")),
              agents=["e2"], place="e3"),
        Event("v2", "ATTACK", mention("اشتباكات"), Offsets(*span("اشتباكات قرب ميناء الزويتينة"))),
    ]
    a.claims = [
        Claim("c1", "named_person", mention("قال"), Offsets(*span("قوات الكتيبة سيطرت")), speaker="e1"),
        Claim("c2", "anonymous", mention("وأكد"), Offsets(*span("الكتيبة تلقت دعما من قبيلة العبيدات")),
              source_text="مصدر عسكري"),
    ]
    a.times = [
        Time("t1", *span("الأحد 5 مارس 2017"), "الأحد 5 مارس 2017", "2017-03-05", "day"),
        Time("t2", *span("صباح أمس"), "صباح أمس", "2017-03-04", "day"),
    ]
    s, e = span("ميليشيا الغدر")
    a.framing = [Framing("e2", s, e, TEXT[s:e], "hostile")]
    return a


def oracle(gold: Gold, text: str) -> Analysis:
    """The analysis a perfect extractor would give for `gold` (every gold item, at its evidence)."""
    a = empty_analysis(text)

    def first(evidence: Any) -> tuple[int, int]:
        spans = locate(text, evidence) or [(0, 0)]
        return spans[0]

    for g in gold.entities:
        mentions = [Span(s, e, text[s:e]) for m in [g.name, *g.aliases, *g.mentions] if m
                    for s, e in (locate(text, m) or [])[:1]]
        name = g.name or (mentions[0].text if mentions else g.key)
        geo = {"lat": g.geo[0], "lon": g.geo[1]} if g.geo else None
        a.entities.append(Entity(g.key, g.type, name, mentions, geo=geo))
    for i, r in enumerate(gold.relations):
        a.relations.append(Relation(f"r{i}", r.type, r.head, r.tail, Offsets(*first(r.evidence))))
    for i, v in enumerate(gold.events):
        s, e = first(v.evidence)
        a.events.append(Event(f"v{i}", v.type, Span(s, e), Offsets(s, e), agents=list(v.agents),
                              targets=list(v.targets), place=v.place))
    for i, c in enumerate(gold.claims):
        a.claims.append(Claim(f"c{i}", c.source_kind, Span(0, 0), Offsets(*first(c.evidence)), speaker=c.speaker))
    for i, d in enumerate(gold.dates):
        s, e = first(d.text)
        a.times.append(Time(f"t{i}", s, e, text[s:e], d.value, "day"))
    for f in gold.framing:
        s, e = first(f.term)
        a.framing.append(Framing(f.entity, s, e, text[s:e], f.stance))
    return a
