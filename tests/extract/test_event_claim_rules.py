"""The event and claim rules of the events branch (issue 17), each on sentences written for these tests:
trigger forms of the guide, event types decided by context, repeats and distinct places, claim cues
read from the lexicon, named and anonymous sources."""

from __future__ import annotations

import pytest

import marsad
from marsad.extract.claims.cues import CLAIM_CUES_FILE, cue_for
from marsad.knowledge.readers import read_lexicon
from marsad.model import Analysis
from marsad.text.normalise import normalise


def _types(a: Analysis) -> list[str]:
    return [v.type for v in a.events]


def _names(a: Analysis) -> dict[str, str]:
    return {e.id: e.name for e in a.entities}


# -- events: triggers and forms ----------------------------------------------------------------------

@pytest.mark.parametrize("text, etype", [
    # present plural and dual forms of a listed verb
    ("وقال شهود إن الفصائل المسلحة يتقاتلون في أحياء المدينة منذ الصباح.", "ARMED_CLASH"),
    ("وفي مدينة الزاوية تتصارع كتيبة الفاروق وكتيبة النصر على الميناء.", "ARMED_CLASH"),
    # a conjunction the clitic split leaves on the verb
    ("دخلت قوات الأمن إلى مبنى الوزارة واشتبكت مع المسلحين.", "ARMED_CLASH"),
    # the guide's kidnapping is an arrest
    ("واختطفت جماعة مسلحة أربعة مهندسين أتراك قرب مدينة أوباري.", "ARREST"),
    # a retaking («استرد»), and a place named by a common noun
    ("واستردت قوات الجيش مدينة سرت من مسلحي التنظيم.", "TERRITORY_CONTROL"),
    ("واستولت كتيبة النصر على عدد من البلدات جنوب البلاد.", "TERRITORY_CONTROL"),
])
def test_trigger_forms_of_the_guide(text: str, etype: str) -> None:
    a = marsad.analyze(text)
    assert etype in _types(a), [(v.type, v.trigger.text) for v in a.events]


def test_sentence_by_a_court_is_a_legal_action_not_a_killing() -> None:
    a = marsad.analyze("وأصدرت محكمة جنايات طرابلس حكما غيابيا بإعدام خمسة من قادة الكتيبة.")
    assert "LEGAL_ACTION" in _types(a)
    assert not {"ATTACK", "VIOLENCE_AGAINST_CIVILIANS"} & set(_types(a)), _types(a)


def test_execution_of_captives_stays_violence_against_civilians() -> None:
    a = marsad.analyze("وأعدم مسلحو تنظيم الدولة عشرة أسرى في بلدة هراوة.")
    assert "VIOLENCE_AGAINST_CIVILIANS" in _types(a), _types(a)


@pytest.mark.parametrize("text", [
    "وأكد الوزير أهمية الأمن الاجتماعي في البلاد.",  # «الاجتماعي» is an adjective, not «اجتماع»
    "وعادت الحياة إلى طبيعتها يوم الجمعة في المدينة.",  # «الجمعة» is Friday
    "وقال إن حلفاء الولايات المتحدة طالبوا بإعفاء صادراتهم.",  # an ally is no allegiance event
])
def test_everyday_words_are_no_trigger(text: str) -> None:
    a = marsad.analyze(text)
    assert not {"MEETING", "ALLEGIANCE"} & set(_types(a)), [(v.type, v.trigger.text) for v in a.events]


def test_one_force_taking_two_towns_is_two_events() -> None:
    a = marsad.analyze("وسيطرت قوات الجيش على مدينة أجدابيا صباح الأحد. "
                       "وبعد ساعات سيطرت قوات الجيش على مدينة البريقة أيضا.")
    places = {_names(a).get(v.place or "") for v in a.events if v.type == "TERRITORY_CONTROL"}
    assert len(places) == 2, [(v.type, v.trigger.text, v.place) for v in a.events]


def test_control_retold_is_one_event() -> None:
    a = marsad.analyze("وسيطرت قوات الجيش على مدينة أجدابيا صباح الأحد. "
                       "وقال شهود إن قوات الجيش سيطرت على مدينة أجدابيا بعد معارك قصيرة.")
    assert _types(a).count("TERRITORY_CONTROL") == 1, [(v.type, v.trigger.text) for v in a.events]


# -- claims ------------------------------------------------------------------------------------------

def test_claim_cues_are_data() -> None:
    rows = read_lexicon(CLAIM_CUES_FILE)
    lemmas = {normalise(r["lemma"]) for r in rows}
    for lemma in ("قال", "أكد", "دعا", "نص", "قضى", "تساءل"):
        assert normalise(lemma) in lemmas
    cue = cue_for(normalise("مؤكدة"))
    assert cue is not None and cue.participle and cue.lemma == normalise("أكد")


def test_overlay_adds_a_claim_cue(tmp_path) -> None:
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "claim_cues.tsv").write_text(
        "term\tlemma\tform\tobject\nصرخ\tصرخ\tverb\tno\n", encoding="utf-8")
    a = marsad.analyze("وصرخ المتحدث باسم الكتيبة أحمد الورفلي أن القوات لن تنسحب من المعبر.", kb=[str(tmp_path)])
    assert any(c.cue.text == "وصرخ" for c in a.claims), [(c.cue.text, c.source_kind) for c in a.claims]


def test_person_named_after_an_anonymous_head_speaks_by_name() -> None:
    a = marsad.analyze('وقال خبير الألغام سالم الترهوني: "الطرق مليئة بالعبوات الناسفة".')
    claim = a.claims[0]
    assert claim.source_kind == "named_person" and _names(a)[claim.speaker or ""] == "سالم الترهوني"


def test_source_close_to_a_person_stays_anonymous() -> None:
    a = marsad.analyze("وقال مصدر مقرب من سالم الترهوني إن المفاوضات توقفت منذ أيام.")
    assert [c.source_kind for c in a.claims] == ["anonymous"]


def test_person_after_a_long_title_with_an_object_content() -> None:
    a = marsad.analyze("وأكد وزير الداخلية التونسي، سالم الترهوني، استمرار إغلاق المعبر الحدودي حتى إشعار آخر.")
    assert a.claims and a.claims[0].source_kind == "named_person"
    assert a.text[a.claims[0].content.start:a.claims[0].content.end].startswith("استمرار")


def test_anonymous_source_before_qad_and_the_cue() -> None:
    a = marsad.analyze("وكانت مصادر محلية قد ذكرت أن الطريق الساحلي أغلق بالكامل.")
    assert [c.source_kind for c in a.claims] == ["anonymous"]


def test_plural_verb_carries_its_subject() -> None:
    a = marsad.analyze("وفي نهاية العام بايعوا تنظيم داعش في مدينة سرت.")
    event = next(v for v in a.events if v.type == "ALLEGIANCE")
    assert not event.agents and event.targets, (event.agents, event.targets)


def test_announced_operation_is_mobilization() -> None:
    a = marsad.analyze("وأعلن قائد الجيش، المشير خليفة حفتر، شن عملية عسكرية لاستعادة مدينة درنة.")
    assert "MOBILIZATION" in _types(a), [(v.type, v.trigger.text) for v in a.events]


@pytest.mark.parametrize("text, content", [
    ("وفق بيان صادر عن وزارة الدفاع الليبية، فإن القوات انسحبت من المدينة.", "القوات انسحبت من المدينة"),
    ("وانسحبت القوات من المدينة، وفق بيان لوزارة الدفاع الليبية.", "وانسحبت القوات من المدينة"),
])
def test_statement_of_a_body_after_according_is_a_document(text: str, content: str) -> None:
    a = marsad.analyze(text)
    claim = a.claims[0]
    assert claim.source_kind == "document" and _names(a)[claim.speaker or ""] == "وزارة الدفاع الليبية"
    assert a.text[claim.content.start:claim.content.end] == content


def test_place_is_the_most_specific_the_clause_gives() -> None:
    a = marsad.analyze("وقصفت طائرات حربية مواقع في ليبيا قرب ميناء الزويتينة.")
    event = next(v for v in a.events if v.type == "ATTACK")
    assert _names(a)[event.place or ""] == "ميناء الزويتينة"


def test_subject_of_a_light_verb_takes_control() -> None:
    a = marsad.analyze("وتمكنت كتيبة النصر من السيطرة على عدد من المواقع جنوب المدينة.")
    event = next(v for v in a.events if v.type == "TERRITORY_CONTROL")
    assert [_names(a)[x] for x in event.agents] == ["كتيبة النصر"]


def test_object_of_a_light_noun_is_no_subject() -> None:
    a = marsad.analyze("وشملت مطالبهم إعلان ولائهم لكتيبة النصر، وطرد كتيبة الفاروق من الميناء.")
    names = _names(a)
    for event in a.events:
        assert "كتيبة النصر" not in [names[x] for x in event.agents], (event.type, event.trigger.text)
