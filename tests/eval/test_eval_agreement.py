"""Agreement between two annotations of one invented article, scored with the system's scorer."""

from __future__ import annotations

import copy

from marsad.eval.agreement import agreement, gold_as_analysis
from marsad.eval.gold import parse_gold

TEXT = ("اندلعت اشتباكات عنيفة بين كتيبة النصر وقوات الردع في مدينة الزاوية أمس. "
        "وقال المتحدث باسم كتيبة النصر سالم الورفلي إن قواته سيطرت على جسر الوادي.")

FIRST = {
    "published": "2019-03-04",
    "entities": [
        {"key": "nasr", "type": "ARMED_GROUP", "name": "كتيبة النصر", "aliases": [], "core": True},
        {"key": "rada", "type": "ARMED_GROUP", "name": "قوات الردع", "aliases": [], "core": True},
        {"key": "zawiya", "type": "GPE", "name": "الزاوية", "aliases": [], "core": True,
         "geo": {"lat": 32.75, "lon": 12.72}, "kind": "city"},
        {"key": "warfalli", "type": "PERSON", "name": "سالم الورفلي", "aliases": [], "core": True},
        {"key": "bridge", "type": "LOCATION", "name": "جسر الوادي", "aliases": [], "core": True,
         "geo": {"lat": 32.75, "lon": 12.7}, "kind": "facility"},
    ],
    "relations": [
        {"type": "OPPOSES", "head": "nasr", "tail": "rada", "modality": "asserted", "source": "narrator",
         "evidence": "اشتباكات عنيفة بين كتيبة النصر وقوات الردع"},
        {"type": "SPOKESPERSON_OF", "head": "warfalli", "tail": "nasr", "modality": "asserted",
         "source": "narrator", "evidence": "المتحدث باسم كتيبة النصر سالم الورفلي"},
    ],
    "events": [
        {"type": "ARMED_CLASH", "agents": ["nasr", "rada"], "targets": [], "place": "zawiya",
         "date": "2019-03-03", "modality": "asserted", "source": "narrator",
         "evidence": "اندلعت اشتباكات عنيفة بين كتيبة النصر وقوات الردع في مدينة الزاوية"},
    ],
    "claims": [
        {"speaker": "warfalli", "source_kind": "named_person", "via": [], "cue": "قال",
         "evidence": "قواته سيطرت على جسر الوادي"},
    ],
    "dates": [{"text": "أمس", "value": "2019-03-03"}],
    "framing": [],
}


def test_an_annotation_agrees_fully_with_itself() -> None:
    gold = parse_gold(FIRST, "first")
    score = agreement(gold, parse_gold(copy.deepcopy(FIRST), "second"), TEXT)
    for layer in ("entities", "relations", "events", "claims", "times"):
        assert score.layers[layer].counts.f1 == 1.0, layer
    assert score.geo.correct == score.geo.places == 2


def test_a_second_annotation_that_misses_and_adds_lowers_agreement() -> None:
    second = copy.deepcopy(FIRST)
    second["relations"] = second["relations"][:1]
    second["relations"][0]["type"] = "ALLIED_WITH"          # a different reading of the same pair
    second["claims"][0]["source_kind"] = "anonymous"
    second["claims"][0]["speaker"] = None
    score = agreement(parse_gold(FIRST, "first"), parse_gold(second, "second"), TEXT)
    assert score.layers["relations"].counts.matched_gold == 0
    assert score.layers["relations"].counts.gold == 2
    assert score.layers["claims"].counts.f1 == 0.0
    assert score.layers["events"].counts.f1 == 1.0


def test_gold_as_analysis_keeps_offsets_inside_the_text() -> None:
    analysis = gold_as_analysis(parse_gold(FIRST, "first"), TEXT)
    spans = [m for e in analysis.entities for m in e.mentions]
    spans += [r.evidence for r in analysis.relations] + [c.content for c in analysis.claims]
    assert all(0 <= s.start < s.end <= len(TEXT) for s in spans)
    assert TEXT[analysis.claims[0].content.start:analysis.claims[0].content.end] == "قواته سيطرت على جسر الوادي"
