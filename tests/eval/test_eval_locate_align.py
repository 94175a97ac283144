"""Locating gold evidence in the text, and aligning predicted with gold entities."""

from __future__ import annotations

import pytest

from marsad.eval.align import (
    LinkScore, align_entities, distance_km, name_key, score_geo, score_links, types_compatible,
)
from marsad.eval.gold import parse_gold
from marsad.eval.locate import find_all, locate, overlaps
from marsad.model import Entity, Span
from marsad.text.normalise import normalise

from eval_helpers import TEXT, empty_analysis, good_analysis, gold_dict, mention, span


def test_exact_quote_finds_every_occurrence() -> None:
    assert find_all(TEXT, "ميناء الزويتينة") == [span("ميناء الزويتينة"), span("ميناء الزويتينة", 1)]


@pytest.mark.parametrize("quote", [
    "ميناء الزّويتينة",         # a shadda the text does not have
    "ميناء  الزويتينة",          # two spaces
    "مدينة اجدابيا",             # bare alef for hamza-on-alef
    "ميليشيا الغدر\u0640",       # tatweel
])
def test_normalised_search_maps_back_to_original_offsets(quote: str) -> None:
    hits = find_all(TEXT, quote)
    assert hits, quote
    for s, e in hits:
        assert normalise(TEXT[s:e]).split() == normalise(quote).split()
        assert TEXT[s - 1] == " " and TEXT[e] in " .\n"


def test_normalised_hit_covers_the_original_words() -> None:
    text = "قالت القوّات إنها تقدمت"
    (s, e), = find_all(text, "القوات")
    assert text[s:e] == "القوّات"


def test_offsets_and_missing_quotes() -> None:
    assert locate(TEXT, (3, 9)) == [(3, 9)]
    assert locate(TEXT, (3, len(TEXT) + 5)) == []
    assert locate(TEXT, "جملة غير موجودة") == []
    assert locate(TEXT, None) is None


def test_overlap_needs_a_shared_character() -> None:
    assert overlaps((0, 5), [(4, 9)])
    assert not overlaps((0, 5), [(5, 9)])
    assert not overlaps((3, 3), [(0, 9)])
    assert not overlaps((0, 5), None)


@pytest.mark.parametrize("a, b", [
    ("المغاربة", "مغاربة"),
    ("«كتيبة  النصر»،", "كتيبة النصر"),
    ("أجدابيا", "اجدابيا"),
    ("القوّات", "القوات"),
])
def test_name_keys_agree(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_name_keys_differ() -> None:
    assert name_key("قوات حفتر") != name_key("حفتر")


@pytest.mark.parametrize("a, b, ok", [
    ("GPE", "LOCATION", True), ("LOCATION", "GPE", True), ("ARMED_GROUP", "ORGANIZATION", True),
    ("PERSON", "PERSON", True), ("PERSON", "ARMED_GROUP", False), ("TRIBE", "ARMED_GROUP", False),
    ("MEDIA", "ORGANIZATION", False),
])
def test_type_compatibility(a: str, b: str, ok: bool) -> None:
    assert types_compatible(a, b) is ok


def test_alignment_of_the_good_analysis() -> None:
    al = align_entities(good_analysis(), parse_gold(gold_dict()))
    assert al.to_gold == {"e1": "warfalli", "e2": "nasr", "e3": "zueitina", "e4": "obeidat", "e5": "ajdabiya"}


def test_alignment_uses_mention_text_when_the_name_differs() -> None:
    a = empty_analysis()
    a.entities = [Entity("x", "ARMED_GROUP", "الوحدة", [mention("الكتيبة")])]
    assert align_entities(a, parse_gold(gold_dict())).to_gold == {"x": "nasr"}


def test_alignment_rejects_incompatible_type() -> None:
    a = empty_analysis()
    a.entities = [Entity("x", "PERSON", "كتيبة النصر")]
    assert align_entities(a, parse_gold(gold_dict())).to_gold == {}


def test_alignment_is_one_to_one_best_first() -> None:
    a = empty_analysis()
    a.entities = [Entity("weak", "ARMED_GROUP", "الكتيبة"),
                  Entity("strong", "ARMED_GROUP", "كتيبة النصر", [Span(0, 0, "الكتيبة")])]
    al = align_entities(a, parse_gold(gold_dict()))
    assert al.to_gold == {"strong": "nasr"}


def test_alignment_prefers_the_entity_the_text_names_that_way_most() -> None:
    # both share one gold name; the one whose mentions use a gold name more often wins, even though
    # it has more names of its own (a Jaccard share alone would pick the other)
    a = empty_analysis()
    a.entities = [Entity("rare", "ARMED_GROUP", "الكتيبة"),
                  Entity("main", "ARMED_GROUP", "قوات الجنوب",
                         [mention("الكتيبة", 0), mention("الكتيبة", 1), mention("الكتيبة", 2),
                          Span(0, 0, "قوات الجنوب"), Span(0, 0, "اللواء الأول")])]
    al = align_entities(a, parse_gold(gold_dict()))
    assert al.to_gold == {"main": "nasr"}


def test_distance_is_haversine() -> None:
    assert distance_km((32.8872, 13.1913), (32.1167, 20.0667)) == pytest.approx(648, abs=5)  # Tripoli-Benghazi


def test_geo_accuracy_by_tolerance() -> None:
    gold = parse_gold(gold_dict())
    a = good_analysis()
    geo = score_geo(a, gold, align_entities(a, gold))
    assert (geo.places, geo.with_geo, geo.correct) == (2, 2, 1)  # Ajdabiya is put ~140 km off


def test_geo_regions_and_countries_get_150_km() -> None:
    data = gold_dict()
    data["entities"][6]["core"] = True
    gold = parse_gold(data)
    a = empty_analysis()
    a.entities = [Entity("x", "GPE", "ليبيا", geo={"lat": 27.9, "lon": 17.0})]  # ~100 km off
    geo = score_geo(a, gold, align_entities(a, gold))
    assert (geo.places, geo.correct) == (1, 1)
    a.entities[0].geo = {"lat": 29.0, "lon": 17.0}  # ~220 km off
    assert score_geo(a, gold, align_entities(a, gold)).correct == 0
    a.entities[0].geo = None
    geo = score_geo(a, gold, align_entities(a, gold))
    assert (geo.places, geo.with_geo, geo.correct) == (1, 0, 0)


def test_linked_share_counts_matched_gold_entities_with_a_kb_id() -> None:
    gold = parse_gold(gold_dict())
    a = good_analysis()
    alignment = align_entities(a, gold)
    links = score_links(a, gold, alignment)
    assert (links.matched, links.linked, links.share) == (len(alignment.to_pred), 0, 0.0)
    a.entities[0].kb_id = "salem_warfalli"                       # a matched person
    a.entities[4].kb_id = "place:ly/ajdabiya"                    # a matched town
    a.entities.append(Entity("e9", "PERSON", "غريب", [mention("قال")], kb_id="nobody"))  # unmatched: not counted
    links = score_links(a, gold, align_entities(a, gold))
    assert links.linked == 2 and links.matched == len(alignment.to_pred)
    assert links.per_type["PERSON"] == [1, 1]
    assert links.to_dict()["per_type"]["PERSON"] == {"matched": 1, "linked": 1, "share": 1.0}


def test_linked_shares_add_up_over_files() -> None:
    total = LinkScore()
    total.add(LinkScore(4, 3, {"GPE": [2, 2], "PERSON": [2, 1]}))
    total.add(LinkScore(1, 0, {"PERSON": [1, 0]}))
    assert (total.matched, total.linked) == (5, 3)
    assert total.share == pytest.approx(0.6)
    assert total.per_type == {"GPE": [2, 2], "PERSON": [3, 1]}
    assert LinkScore().share is None and LinkScore().to_dict()["share"] is None
