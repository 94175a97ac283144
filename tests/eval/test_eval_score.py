"""The matching rules of each layer, with counterexamples, and the P/R/F1 arithmetic."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.eval.gold import parse_gold
from marsad.eval.score import Counts, FileScore, Summary, score_analysis
from marsad.model import Analysis, Claim, Entity, Event, Framing, Offsets, Relation, Span, Time

from eval_helpers import TEXT, empty_analysis, good_analysis, gold_dict, mention, oracle, span


def _score(analysis: Analysis, data: dict[str, Any] | None = None) -> FileScore:
    return score_analysis(analysis, parse_gold(data or gold_dict(), "t.gold.json"))


def _counts(score: FileScore, layer: str) -> tuple[int, int, int]:
    c = score.layers[layer].counts
    return c.gold, c.predicted, c.matched_gold


def test_the_good_analysis_layer_by_layer() -> None:
    s = _score(good_analysis())
    assert _counts(s, "entities") == (6, 6, 5)     # «العقيد» alone is spurious; Libya (core false) unmatched
    assert _counts(s, "relations") == (3, 3, 2)    # SUPPORTS has head and tail the wrong way round
    assert _counts(s, "events") == (2, 2, 1)       # the ATTACK is not in the gold
    assert _counts(s, "claims") == (2, 2, 2)
    assert _counts(s, "times") == (2, 2, 2)
    assert _counts(s, "framing") == (1, 1, 1)
    assert s.layers["entities"].counts.f1 == pytest.approx(5 / 6)
    assert s.warnings == []


def test_the_oracle_scores_one_everywhere() -> None:
    gold = parse_gold(gold_dict())
    s = score_analysis(oracle(gold, TEXT), gold)
    for layer, ls in s.layers.items():
        assert ls.counts.f1 == 1.0, layer
    assert s.layers["entities"].counts.gold == 7   # Libya is predicted, so it counts
    assert s.geo.correct == s.geo.places == 3


def test_misses_and_spurious_predictions_are_listed() -> None:
    s = _score(good_analysis())
    assert s.missed["entities"] == ["fajr MEDIA صحيفة الفجر"]   # Libya is not core: not a miss
    assert s.spurious["entities"] == ["e6 PERSON العقيد"]
    assert s.missed["relations"] == ["SUPPORTS obeidat -> nasr «تلقت دعما من قبيلة العبيدات»"]
    assert s.spurious["relations"] == ["r3 SUPPORTS كتيبة النصر -> العبيدات"]
    assert s.spurious["events"] == ["v2 ATTACK - -> - «اشتباكات»"]
    assert s.missed["claims"] == s.spurious["claims"] == []


def test_per_type_breakdown() -> None:
    s = _score(good_analysis())
    ents = s.layers["entities"].per_type
    assert (ents["PERSON"].gold, ents["PERSON"].predicted, ents["PERSON"].matched_pred) == (1, 2, 1)
    assert (ents["LOCATION"].matched_gold, ents["GPE"].matched_pred) == (1, 2)  # GPE~LOCATION match
    ev = s.layers["events"].per_type
    assert ev["ATTACK"].gold == 0 and ev["ATTACK"].predicted == 1 and ev["ATTACK"].precision == 0.0
    assert s.layers["claims"].per_type == {}


# --- relations --------------------------------------------------------------------------------

def _with_relation(rel: Relation) -> Analysis:
    a = good_analysis()
    a.relations = [rel]
    return a


@pytest.mark.parametrize("rel, ok", [
    (Relation("r", "SPOKESPERSON_OF", "e1", "e2", Offsets(0, 0)), True),      # evidence is not required
    (Relation("r", "MEMBER_OF", "e1", "e2", Offsets(0, 0)), False),           # wrong type
    (Relation("r", "SPOKESPERSON_OF", "e6", "e2", Offsets(0, 0)), False),     # head not aligned
    (Relation("r", "SPOKESPERSON_OF", "e2", "e1", Offsets(0, 0)), False),     # reversed
    (Relation("r", "SUPPORTS", "e4", "e2", Offsets(0, 0)), True),
])
def test_relation_rule(rel: Relation, ok: bool) -> None:
    assert _counts(_score(_with_relation(rel)), "relations")[2] == int(ok)


def test_symmetric_relation_matches_either_way() -> None:
    data = gold_dict()
    data["relations"] = [{"type": "ALLIED_WITH", "head": "obeidat", "tail": "nasr"}]
    a = _with_relation(Relation("r", "ALLIED_WITH", "e2", "e4", Offsets(0, 0)))
    assert _counts(_score(a, data), "relations") == (1, 1, 1)


def test_duplicate_predictions_match_once() -> None:
    a = good_analysis()
    a.relations = [Relation("r1", "CONTROLS", "e2", "e3", Offsets(0, 0)),
                   Relation("r2", "CONTROLS", "e2", "e3", Offsets(0, 0))]
    s = _score(a)
    assert _counts(s, "relations") == (3, 2, 1)
    assert s.layers["relations"].counts.precision == 0.5


# --- events -----------------------------------------------------------------------------------

def _event(type_: str, evidence: tuple[int, int] = (0, 0), **kw: Any) -> Analysis:
    a = good_analysis()
    a.events = [Event("v", type_, Span(0, 0), Offsets(*evidence), **kw)]
    return a


@pytest.mark.parametrize("analysis, ok", [
    (_event("TERRITORY_CONTROL", agents=["e2"]), True),                         # shared agent
    (_event("TERRITORY_CONTROL", place="e3"), True),                            # same place
    (_event("SUPPORT", targets=["e2"]), True),                                  # shared target
    (_event("TERRITORY_CONTROL", span("سيطرت على")), True),                     # evidence overlap only
    (_event("ATTACK", span("سيطرت على"), agents=["e2"], place="e3"), False),   # wrong type
    (_event("TERRITORY_CONTROL", span("العقيد")), False),                       # no overlap, no participant
    (_event("TERRITORY_CONTROL", targets=["e2"]), False),                       # nasr is agent, not target
    (_event("TERRITORY_CONTROL", agents=["e6"]), False),                        # unaligned agent
])
def test_event_rule(analysis: Analysis, ok: bool) -> None:
    assert _counts(_score(analysis), "events")[2] == int(ok)


def test_event_with_empty_evidence_falls_back_to_its_trigger() -> None:
    a = good_analysis()
    a.events = [Event("v", "TERRITORY_CONTROL", mention("سيطرت"), Offsets(0, 0))]
    assert _counts(_score(a), "events")[2] == 1


# --- claims -----------------------------------------------------------------------------------

def _claim(kind: str, content: tuple[int, int], speaker: str | None = None) -> Analysis:
    a = good_analysis()
    a.claims = [Claim("c", kind, Span(0, 0), Offsets(*content), speaker=speaker)]
    return a


@pytest.mark.parametrize("analysis, ok", [
    (_claim("named_person", span("سيطرت على ميناء"), "e1"), True),
    (_claim("organization", span("سيطرت على ميناء"), "e1"), True),     # any named kind counts as named
    (_claim("named_person", span("سيطرت على ميناء"), "e6"), False),    # wrong speaker
    (_claim("named_person", span("سيطرت على ميناء"), None), False),    # no speaker
    (_claim("anonymous", span("سيطرت على ميناء")), False),             # wrong kind of source
    (_claim("named_person", span("ميليشيا الغدر"), "e1"), False),      # no content overlap
    (_claim("anonymous", span("تلقت دعما")), True),
    (_claim("media", span("تلقت دعما"), "e1"), False),                 # named vs anonymous
])
def test_claim_rule(analysis: Analysis, ok: bool) -> None:
    assert _counts(_score(analysis), "claims")[2] == int(ok)


def test_named_gold_claim_without_speaker_needs_no_speaker() -> None:
    data = gold_dict()
    data["claims"][0]["speaker"] = None
    assert _counts(_score(_claim("document", span("سيطرت على ميناء")), data), "claims")[2] == 1


# --- times ------------------------------------------------------------------------------------

@pytest.mark.parametrize("gold_value, pred_value, ok", [
    ("2017-03-05", "2017-03-05", True),
    ("2016-10-11T13:10", "2016-10-11T13:10:00", True),
    ("2016-10-11T13:10:00Z", "2016-10-11T13:10", True),
    ("2017-03-05", "2017-03", False),
    ("2017-03-05", "2017-03-06", False),
    ("2016-10-11T13:10", "2016-10-11T13:11:00", False),
])
def test_time_rule(gold_value: str, pred_value: str, ok: bool) -> None:
    data = gold_dict()
    data["dates"] = [{"text": "الأحد 5 مارس 2017", "value": gold_value}]
    a = empty_analysis()
    a.times = [Time("t", 0, 3, TEXT[0:3], pred_value, "day")]  # the span does not matter
    assert _counts(_score(a, data), "times")[2] == int(ok)


def test_gold_date_without_value_needs_the_same_text() -> None:
    data = gold_dict()
    data["dates"] = [{"text": "صباح أمس", "value": None}]
    a = empty_analysis()
    a.times = [Time("t", 0, 3, TEXT[0:3], None, "day")]
    assert _counts(_score(a, data), "times")[2] == 0
    a.times = [Time("t", *span("صباح أمس"), "صباح أمس", None, "day")]
    assert _counts(_score(a, data), "times")[2] == 1


# --- framing ----------------------------------------------------------------------------------

def _framing(quote: str, stance: str = "hostile", at: tuple[int, int] | None = None) -> Analysis:
    a = good_analysis()
    s, e = at or (0, 0)
    a.framing = [Framing("e2", s, e, quote, stance)]
    return a


@pytest.mark.parametrize("analysis, ok", [
    (_framing("ميليشيا الغدر"), True),
    (_framing("ميليشيا الغدر", "favorable"), False),                 # wrong stance
    (_framing("الغدر"), True),                                       # contained in the gold term
    (_framing("بأنها ميليشيا الغدر"), True),                          # contains the gold term
    (_framing("", at=span("ميليشيا")), True),                         # overlap in the text
    (_framing("قوات الكتيبة", at=span("قوات الكتيبة")), False),        # another term elsewhere
])
def test_framing_rule(analysis: Analysis, ok: bool) -> None:
    assert _counts(_score(analysis), "framing")[2] == int(ok)


# --- core false, warnings, arithmetic --------------------------------------------------------

def test_non_core_gold_counts_only_when_matched() -> None:
    a = good_analysis()
    assert _counts(_score(a), "entities") == (6, 6, 5)
    a.entities.append(Entity("e7", "GPE", "ليبيا"))
    assert _counts(_score(a), "entities") == (7, 7, 6)


def test_non_core_applies_to_any_layer() -> None:
    data = gold_dict()
    data["events"].append({"type": "ATTACK", "agents": [], "evidence": "اشتباكات", "core": False})
    a = good_analysis()
    a.events = []
    assert _counts(_score(a, data), "events") == (2, 0, 0)
    assert _counts(_score(good_analysis(), data), "events") == (3, 2, 2)


def test_unfound_quote_warns_and_does_not_match() -> None:
    data = gold_dict()
    data["claims"][1]["evidence"] = "كلام لم يرد في النص أبدا"
    data["framing"][0]["term"] = {"start": 5, "end": 10_000}
    s = _score(good_analysis(), data)
    assert _counts(s, "claims") == (2, 2, 1)
    assert any("claims[1]" in w and "not found in the article text" in w for w in s.warnings)
    assert any("framing[0]" in w and "outside the text" in w for w in s.warnings)
    assert all(w.startswith("t.gold.json: ") for w in s.warnings)


@pytest.mark.parametrize("gold, pred, mg, mp, p, r, f", [
    (0, 0, 0, 0, None, None, None),   # nothing to find, nothing found: n/a
    (4, 0, 0, 0, None, 0.0, 0.0),     # nothing found: recall 0, F1 0
    (0, 3, 0, 0, 0.0, None, 0.0),     # spurious predictions against empty gold: F1 0
    (4, 2, 2, 2, 1.0, 0.5, 2 / 3),
    (3, 6, 3, 3, 0.5, 1.0, 2 / 3),
    (5, 5, 0, 0, 0.0, 0.0, 0.0),
    (10, 8, 6, 6, 0.75, 0.6, 2 * 0.75 * 0.6 / 1.35),
])
def test_prf_arithmetic(gold: int, pred: int, mg: int, mp: int, p: float | None, r: float | None,
                        f: float | None) -> None:
    c = Counts(gold, pred, mg, mp)
    for got, want in ((c.precision, p), (c.recall, r), (c.f1, f)):
        assert got == (None if want is None else pytest.approx(want))


def test_empty_gold_and_empty_analysis_is_na() -> None:
    s = score_analysis(empty_analysis(), parse_gold({}))
    assert all(ls.counts.f1 is None for ls in s.layers.values())


def test_micro_totals_add_counts_not_scores() -> None:
    summary = Summary()
    summary.add(_score(good_analysis()))
    summary.add(_score(empty_analysis()))
    c = summary.total["entities"].counts
    assert (c.gold, c.predicted, c.matched_gold) == (12, 6, 5)
    assert c.recall == pytest.approx(5 / 12) and c.precision == pytest.approx(5 / 6)
    assert summary.geo.places == 2
