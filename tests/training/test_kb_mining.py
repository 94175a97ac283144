"""The filters of the knowledge-base miner (training/kb/filters.py) on invented names and counts."""

from __future__ import annotations

from collections import Counter

from marsad.knowledge.base import name_key
from training.kb.filters import (
    GENERIC_WORDS, Limits, Tally, article_country, decided_country, recurs, shape_problem, slug, stable_type,
)

TITLES = frozenset({"العقيد", "الرئيس", "الشيخ", "وزير"})
GENERIC = GENERIC_WORDS | TITLES | {"الليبيه", "الليبي"}


def _shape(text: str, etype: str) -> str | None:
    return shape_problem(name_key(text), etype, GENERIC, TITLES)


def _tally(articles: int, outlets: int, types: dict[str, int]) -> Tally:
    t = Tally()
    t.articles = {f"a{i}" for i in range(articles)}
    t.outlets = {f"o{i}" for i in range(outlets)}
    t.types = Counter(types)
    return t


def test_a_full_personal_name_passes() -> None:
    assert _shape("سالم عمران الفيتوري", "PERSON") is None


def test_a_person_needs_two_name_words_besides_titles() -> None:
    assert _shape("الفيتوري", "PERSON") == "person without a full name"
    assert _shape("العقيد الفيتوري", "PERSON") == "person without a full name"


def test_a_title_before_a_person_name_is_rejected() -> None:
    assert _shape("العقيد سالم الفيتوري", "PERSON") == "title before the name"


def test_descriptions_of_generic_words_are_rejected() -> None:
    assert _shape("القوات الحكومية", "ARMED_GROUP") == "description (generic words only)"
    assert _shape("السلطات الليبية", "ORGANIZATION") == "description (generic words only)"


def test_a_group_with_a_proper_name_passes() -> None:
    assert _shape("كتيبة النسور الزرق", "ARMED_GROUP") is None


def test_fragments_and_foreign_letters_are_rejected() -> None:
    assert _shape("سالم الفيتوري في", "PERSON") == "fragment (function word at an edge)"
    assert _shape("و سالم الفيتوري", "PERSON") == "fragment (function word at an edge)"
    assert _shape("كتيبة 17", "ARMED_GROUP") == "not Arabic letters only"
    assert _shape("اب", "ORGANIZATION") == "too short"


def test_recurrence_needs_articles_and_outlets() -> None:
    assert recurs(_tally(3, 2, {"PERSON": 3}))
    assert not recurs(_tally(5, 1, {"PERSON": 5}))
    assert not recurs(_tally(2, 2, {"PERSON": 2}))


def test_a_wavering_or_place_type_is_not_kept() -> None:
    assert stable_type(_tally(5, 2, {"PERSON": 5})) == "PERSON"
    assert stable_type(_tally(5, 2, {"PERSON": 3, "ORGANIZATION": 2})) is None
    assert stable_type(_tally(5, 2, {"GPE": 5})) is None


def test_country_only_when_the_articles_agree() -> None:
    assert decided_country(Counter({"LY": 4, "TN": 1})) == "LY"
    assert decided_country(Counter({"LY": 2, "TN": 2})) is None
    assert decided_country(Counter({"LY": 1})) is None
    assert article_country(Counter({"LY": 4, "EG": 2})) == "LY"
    assert article_country(Counter({"LY": 4, "EG": 3})) is None
    assert article_country(Counter({"LY": 2})) is None


def test_slug_is_a_valid_actor_id() -> None:
    s = slug(name_key("كتيبة النسور"))
    assert s == "ktybh_alnswr"
    assert slug("") == "name"
    assert Limits().min_articles >= 2


def test_descriptions_shaped_as_noun_and_adjective_are_rejected() -> None:
    assert _shape("الأسلحة الثقيلة", "ARMED_GROUP") == "definite noun and adjective (a description)"
    assert _shape("تجمع شعبي", "ORGANIZATION") == "indefinite description (no definite word)"
    assert _shape("المقاتلين العشائريين الشماليين", "ARMED_GROUP") == "definite plural head (a descriptive group)"
    assert _shape("نقابة", "ORGANIZATION") == "single word (too ambiguous to mine)"


def test_a_named_body_in_construct_passes() -> None:
    assert _shape("هيئة الموانئ البحرية", "ORGANIZATION") is None
    assert _shape("حزب الفجر", "ORGANIZATION") is None


def test_name_connectors_do_not_count_as_name_words() -> None:
    assert _shape("أبو سالم", "PERSON") == "person without a full name"
    assert _shape("عبد الفتاح", "PERSON") == "person without a full name"
    assert _shape("سالم أبو عمران", "PERSON") is None


def test_place_heads_and_prepositions_make_no_actor() -> None:
    heads = frozenset({"مديريه", "منطقه"})
    assert shape_problem(name_key("مديرية الوادي الأخضر"), "ORGANIZATION", GENERIC, TITLES,
                         place_heads=heads) == "a place named as an actor"
    assert _shape("القوات المرابطة بالحدود الشرقية", "ARMED_GROUP") == "description with a preposition"


def test_spellings_of_one_name_are_counted_together() -> None:
    from training.kb.mine import merge_spellings
    joined, apart = _tally(2, 1, {"PERSON": 2}), _tally(1, 1, {"PERSON": 1})
    apart.articles, apart.outlets = {"b1"}, {"o9"}
    merged = merge_spellings({name_key("عبدالله الفيتوري"): joined, name_key("عبد الله الفيتوري"): apart})
    assert len(merged) == 1
    (tally,) = merged.values()
    assert len(tally.articles) == 3 and len(tally.outlets) == 2 and recurs(tally)


def test_words_of_time_make_no_name() -> None:
    stop = frozenset({"الخميس", "مساء"})
    assert shape_problem(name_key("مساء الخميس"), "PERSON", GENERIC, TITLES,
                         stop=stop) == "word of time or function word inside"
