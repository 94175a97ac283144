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


# ---- the precision filters (invented names and counts) ----

from training.kb.filters import (  # noqa: E402
    agreement_problem, continued_problem, description_problem, head_problem, partisan_problem, person_problem,
    qualifier_problem, raw_use_problem, thing_problem,
)

HEADS = frozenset({"حزب", "حركه", "وزاره", "كتيبه", "محكمه", "صحيفه"})


def test_a_body_needs_a_head_word() -> None:
    assert head_problem(name_key("حزب النسيم الأخضر"), "ORGANIZATION", HEADS) is None
    assert head_problem(name_key("النسيم الأخضر"), "ORGANIZATION", HEADS) == "no head word of a body"
    assert head_problem(name_key("سالم النسيم"), "PERSON", HEADS) is None


def test_an_indefinite_head_with_a_definite_adjective_is_a_fragment() -> None:
    assert agreement_problem(name_key("مصرف المركزي")) is not None
    assert agreement_problem(name_key("حزب النسيم")) is None        # a construct: a name
    assert agreement_problem(name_key("المصرف المركزي")) is None    # left to the description filters


def test_a_partisan_word_or_a_describing_ending_makes_no_neutral_name() -> None:
    assert partisan_problem(name_key("ميليشيات النسيم"), frozenset({name_key("ميليشيات")})) is not None
    assert description_problem(name_key("حزب النسيم المعارض"), "ORGANIZATION") is not None
    assert description_problem(name_key("حزب النسيم الأخضر"), "ORGANIZATION") is None


def test_a_body_every_state_has_needs_a_word_that_says_whose() -> None:
    counts = {name_key("الزراعة"): 900, name_key("الواحات"): 12}.get
    qualifiers = frozenset({name_key("الفنلندية")})
    ask = lambda text: qualifier_problem(name_key(text), "ORGANIZATION", qualifiers, lambda w: counts(w, 0))  # noqa: E731
    assert ask("وزارة الزراعة") == "generic body (no word says whose)"
    assert ask("وزارة الزراعة الفنلندية") is None   # a gentilic
    assert ask("محكمة الواحات") is None             # a rare word: a proper name
    assert ask("حزب الزراعة") is None               # parties have names of their own


def test_an_everyday_phrase_and_a_piece_of_a_longer_name_are_rejected() -> None:
    assert raw_use_problem(raw_articles=50, recognised_articles=5) is not None
    assert raw_use_problem(raw_articles=6, recognised_articles=5) is None
    assert continued_problem(Counter({"والتنميه": 8, "في": 2}), 10) is not None
    assert continued_problem(Counter({"في": 6, "و": 4}), 10) is None


def test_persons_cut_short_or_named_by_given_names_only_are_rejected() -> None:
    given = frozenset({"محمد", "احمد", "سالم"})
    assert person_problem(name_key("سالم بن"), given) is not None
    assert person_problem(name_key("محمد أحمد"), given) == "given names only (many people)"
    assert person_problem(name_key("سالم الفيتوري"), given) is None


def test_a_thing_named_like_a_person_is_rejected() -> None:
    heads = frozenset({"كتيبه"})
    assert thing_problem(Counter({"شركه": 4, "": 2}), 6, heads) is not None
    assert thing_problem(Counter({"كتيبه": 3, "قال": 3}), 6, heads) is not None
    assert thing_problem(Counter({"قال": 5, "الرييس": 1}), 6, heads) is None


def test_a_person_s_shorter_form_becomes_an_alias_of_the_full_name() -> None:
    from training.kb.mine import merge_short_forms
    rows = [{"type": "PERSON", "name": "سالم بن عمران الفيتوري", "aliases": []},
            {"type": "PERSON", "name": "سالم الفيتوري", "aliases": []},
            {"type": "PERSON", "name": "سالم الزروق", "aliases": []}]
    kept = merge_short_forms(rows)
    assert [r["name"] for r in kept] == ["سالم بن عمران الفيتوري", "سالم الزروق"]
    assert kept[0]["aliases"] == ["سالم الفيتوري"]
