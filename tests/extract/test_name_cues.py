"""The entity rules' word sets live in lexicons/name_cues.tsv and a --kb overlay reaches them.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import marsad
from marsad.errors import KnowledgeError
from marsad.extract.names.lexicon import NameCues, name_cues, rule_lexicon, shipped_name_cues
from marsad.knowledge import load_kb
from marsad.knowledge.model import NAME_CUES
from marsad.model import Analysis
from marsad.text.normalise import normalise


def _overlay(tmp_path: Path, rows: str) -> str:
    (tmp_path / "lexicons").mkdir(exist_ok=True)
    (tmp_path / "lexicons" / "name_cues.tsv").write_text("term\tcue\ttype\n" + rows, encoding="utf-8")
    return str(tmp_path)


def _typed(a: Analysis, etype: str) -> list[str]:
    return [m.text for e in a.entities if e.type == etype for m in e.mentions]


def test_every_cue_of_the_vocabulary_has_shipped_words() -> None:
    cues = shipped_name_cues()
    for cue in NAME_CUES:
        assert getattr(cues, cue), f"no shipped words for the name cue {cue!r}"


@pytest.mark.parametrize("cue, word", [
    ("stop", "التي"), ("named_unit", "كتيبة"), ("tribe_head", "عشيرة"), ("leader_title", "شيخ"),
    ("stationed", "المتمركزة"), ("place_stop", "شمال"), ("time_word", "الخميس"),
])
def test_shipped_words_are_normalised(cue: str, word: str) -> None:
    value = getattr(shipped_name_cues(), cue)
    bare = normalise(word)
    assert bare in value or bare.removeprefix("ال") in value


def test_body_heads_keep_their_type_and_press_heads_their_next_word() -> None:
    cues = name_cues([
        {"term": "حراس", "cue": "body_head", "type": "ARMED_GROUP"},
        {"term": "نشرات الأخبار", "cue": "press", "type": ""},
        {"term": "إذاعات", "cue": "press", "type": ""},
        {"term": "unknown", "cue": "not_a_cue", "type": ""},
    ])
    assert cues.body_head == {normalise("حراس"): "ARMED_GROUP"}
    assert cues.press[normalise("نشرات")] == frozenset({normalise("الأخبار")})
    assert "" in cues.press[normalise("إذاعات")]
    assert isinstance(cues, NameCues) and not cues.stop


def test_overlay_adds_a_unit_head(tmp_path: Path) -> None:
    text = "وقال الشهود إن سرب الصقور نفذ طلعات فوق الوادي."
    assert "سرب الصقور" not in _typed(marsad.analyze(text), "ARMED_GROUP")
    a = marsad.analyze(text, kb=[_overlay(tmp_path, "سرب\tnamed_unit\n")])
    assert "سرب الصقور" in _typed(a, "ARMED_GROUP"), [(e.name, e.type) for e in a.entities]


def test_overlay_adds_a_press_head(tmp_path: Path) -> None:
    text = "ونقلت إذاعات محلية أن الطريق الساحلي أغلق منذ الفجر."
    assert not any(m.startswith("إذاعات") for m in _typed(marsad.analyze(text), "MEDIA"))
    a = marsad.analyze(text, kb=[_overlay(tmp_path, "إذاعات\tpress\n")])
    assert "إذاعات محلية" in _typed(a, "MEDIA"), [(e.name, e.type) for e in a.entities]


def test_overlay_words_reach_the_rule_lexicon_of_that_kb_only(tmp_path: Path) -> None:
    kb = load_kb([_overlay(tmp_path, "حامية\ttribe_head\n")])
    assert normalise("حامية") in rule_lexicon(kb).cues.tribe_head
    assert normalise("حامية") not in rule_lexicon(load_kb()).cues.tribe_head


def test_overlay_with_an_unknown_cue_names_file_and_line(tmp_path: Path) -> None:
    folder = _overlay(tmp_path, "سرب\tnamed_unit\nسرايا\tsquadron\n")
    with pytest.raises(KnowledgeError, match=r"name_cues\.tsv:3: unknown cue 'squadron'"):
        load_kb([folder])


def test_overlay_with_an_unknown_type_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="unknown type 'ARMY'"):
        load_kb([_overlay(tmp_path, "حراس\tbody_head\tARMY\n")])


# ------------------------------------------------------------------ rules that read these words


def _ents(text: str) -> list[tuple[str, str, str | None, list[str]]]:
    return [(e.name, e.type, e.kb_id, [m.text for m in e.mentions]) for e in marsad.analyze(text).entities]


def _find(text: str, name: str) -> tuple[str, str, str | None, list[str]]:
    found = [e for e in _ents(text) if e[0] == name or name in e[3]]
    assert found, _ents(text)
    return found[0]


def test_a_quoted_name_after_a_cue_is_a_place_named_without_the_quotes() -> None:
    name, etype, _, mentions = _find('وتقدمت الوحدات نحو منطقة "الربوة الحمراء" فجر اليوم.', "الربوة الحمراء")
    assert etype == "LOCATION" and mentions == ["الربوة الحمراء"] and name == "منطقة الربوة الحمراء"


def test_a_quoted_facility_keeps_its_cue_in_its_name() -> None:
    name, etype, _, _ = _find('واحتمى السكان بمسجد "الفاروق الكبير" طوال الليل.', "الفاروق الكبير")
    assert etype == "LOCATION" and name == "مسجد الفاروق الكبير"


def test_a_cued_place_is_named_with_its_cue_and_mentioned_without_it() -> None:
    name, etype, _, mentions = _find("دخلت القوات منطقة الزرقاوية بعد معارك قصيرة.", "الزرقاوية")
    assert etype == "LOCATION" and mentions == ["الزرقاوية"] and name == "منطقة الزرقاوية"


@pytest.mark.parametrize("text, facility, town", [
    ("قصفت الطائرات مستشفى بنغازي المركزي صباح اليوم.", "مستشفى بنغازي المركزي", "بنغازي"),
    ("رست السفينة في ميناء مصراتة بعد رحلة طويلة.", "ميناء مصراتة", "مصراتة"),
])
def test_a_facility_named_after_a_town_is_a_place_of_its_own(text: str, facility: str, town: str) -> None:
    ents = _ents(text)
    assert any(e[3] == [facility] and e[1] == "LOCATION" for e in ents), ents
    assert not any(e[3] == [town] for e in ents), ents  # the town inside the name is no mention of its own


def test_a_facility_does_not_take_in_a_gentilic_after_the_town() -> None:
    ents = _ents("وصلت الشحنة إلى ميناء بيرايوس اليوناني أمس.")
    assert any(e[0] == "ميناء بيرايوس" for e in ents) or not any("اليوناني" in m for e in ents for m in e[3]), ents


def test_a_known_body_takes_in_its_own_countrys_adjective() -> None:
    ents = _ents("وأعلنت حكومة الوفاق الوطني الليبية في طرابلس أنها ستفتح المطار.")
    assert ("حكومة الوفاق الوطني الليبية", "ORGANIZATION", "gna", ["حكومة الوفاق الوطني الليبية"]) in ents, ents


def test_a_known_body_does_not_take_in_another_countrys_adjective() -> None:
    ents = _ents("وقالت حكومة الوفاق الوطني المصرية إن الحدود مغلقة في ليبيا.")
    assert not any("المصرية" in m for e in ents if e[2] == "gna" for m in e[3]), ents


@pytest.mark.parametrize("text, region", [
    ("وصلت التعزيزات إلى جنوب تونس قادمة من العاصمة.", "جنوب تونس"),
    ("وتدور المعارك منذ أشهر في شمال البلاد بين الطرفين.", "شمال البلاد"),
])
def test_a_direction_with_a_country_is_a_region(text: str, region: str) -> None:
    name, etype, _, _ = _find(text, region)
    assert etype == "LOCATION"


def test_a_region_of_the_article_country_is_linked() -> None:
    text = ("قال مسؤول ليبي إن الجيش الليبي في ليبيا يستعد لعملية جديدة. وأضاف المسؤول الليبي أن "
            "الحكومة الليبية تقيم في الشرق منذ عامين وأن طرابلس الليبية خارج سيطرتها.")
    assert _find(text, "الشرق")[2] == "place:ly/east"


@pytest.mark.parametrize("text, word", [
    ("وهاجموا البلدة الواقعة شمال البلاد قرب الحدود.", "شمال البلاد"),
    ("وتقدمت القوات إلى الغرب من المدينة مساء أمس.", "الغرب"),
    ("ووصلت القافلة إلى مدينة بنغازي شرقي ليبيا مساء أمس.", "شرقي ليبيا"),
])
def test_a_direction_that_only_places_something_is_no_region(text: str, word: str) -> None:
    assert not any(word in m for e in _ents(text) for m in e[3]), _ents(text)


def test_a_body_named_with_its_country_is_the_kbs_body_of_that_country() -> None:
    name, _, kb_id, _ = _find("ودعا نواب في برلمان العراق إلى جلسة طارئة.", "برلمان العراق")
    assert kb_id == "iraq_parliament"


def test_a_bare_generic_plural_is_no_entity() -> None:
    ents = _ents("وأكد الضابط أن المسلحين انسحبوا من الحي بعد ساعات من القتال.")
    assert not any(m == "المسلحين" for e in ents for m in e[3]), ents


def test_a_bare_hostile_plural_stays_the_group_it_frames() -> None:
    a = marsad.analyze("وأكد الضابط أن الإرهابيين انسحبوا من الحي بعد ساعات من القتال.")
    assert any(m.text == "الإرهابيين" for e in a.entities for m in e.mentions)


def test_the_preposition_ala_does_not_open_a_name() -> None:
    for e in marsad.analyze("وأعلن المتحدث العسكري القبض على عشماوي في مدينة درنة.").entities:
        assert not any(m.text.startswith("على ") for m in e.mentions), e
