"""Events (type, arguments, modality, claim) and the relations drawn from them and from names.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

import marsad
from marsad.model import Analysis, Event


def _kb(a: Analysis, entity_id: str | None) -> str | None:
    ent = a.entity(entity_id) if entity_id else None
    return ent.kb_id if ent else None


def _event(a: Analysis, etype: str) -> Event:
    found = [v for v in a.events if v.type == etype]
    assert found, f"no {etype} among {[v.type for v in a.events]}"
    return found[0]


def test_territory_control_with_agent_and_place() -> None:
    a = marsad.analyze("سيطرت قوات حفتر على ميناء السدرة بعد معارك قصيرة.")
    ev = _event(a, "TERRITORY_CONTROL")
    assert [_kb(a, x) for x in ev.agents] == ["lna"]
    assert ev.place is not None and "sidra" in (_kb(a, ev.place) or "")
    assert ev.modality == "asserted" and ev.claim is None
    assert any(r.type == "CONTROLS" and _kb(a, r.head) == "lna" for r in a.relations)


@pytest.mark.parametrize("text, etype, modality", [
    ("حاولت مجموعة مسلحة اقتحام مطار معيتيقة، لكن محاولتها باءت بالفشل.", "ATTACK", "failed"),
    ("وتعتزم حكومة الوفاق حشد قواتها في الجنوب الليبي.", "MOBILIZATION", "planned"),
    ("وقد تندلع اشتباكات جديدة في سبها بين قوات حفتر وقبيلة أولاد سليمان.", "ARMED_CLASH", "possible"),
])
def test_modality(text: str, etype: str, modality: str) -> None:
    a = marsad.analyze(text)
    assert _event(a, etype).modality == modality


def test_denied_event_inside_a_denial() -> None:
    a = marsad.analyze("ونفى المتحدث باسم قوات حفتر وقوع اشتباكات بين قواته وقبيلة أولاد سليمان في سبها.")
    ev = _event(a, "ARMED_CLASH")
    assert ev.modality == "denied"


def test_event_inside_claim_carries_the_claim() -> None:
    a = marsad.analyze("وقال مصدر عسكري إن قوات حفتر سيطرت على مدينة درنة.")
    ev = _event(a, "TERRITORY_CONTROL")
    assert ev.claim == a.claims[0].id


def test_allegiance_gives_loyal_to() -> None:
    a = marsad.analyze("وأعلنت قبيلة الحساونة ولاءها لخليفة حفتر في سبها.")
    ev = _event(a, "ALLEGIANCE")
    assert [_kb(a, x) for x in ev.targets] == ["haftar"]
    assert ev.agents and a.entity(ev.agents[0]).type == "TRIBE"
    loyal = [r for r in a.relations if r.type == "LOYAL_TO"]
    assert loyal and _kb(a, loyal[0].tail) == "haftar"


def test_expulsion_gives_opposes() -> None:
    a = marsad.analyze("وطردت قوات حفتر عناصر إبراهيم الجضران من الموانئ.")
    ev = _event(a, "EXPULSION")
    assert "lna" in [_kb(a, x) for x in ev.agents]
    assert any(r.type == "OPPOSES" and _kb(a, r.head) == "lna" for r in a.relations)


def test_one_event_for_repeated_mentions() -> None:
    a = marsad.analyze("سيطرت قوات حفتر على ميناء السدرة. وسيطرت قوات حفتر على ميناء السدرة مجددا.")
    assert len([v for v in a.events if v.type == "TERRITORY_CONTROL"]) == 1


def test_spokesperson_relation_from_apposition() -> None:
    a = marsad.analyze("وقال الناطق باسم قوات حفتر، أحمد المسماري، إن الوضع مستقر.")
    rel = [r for r in a.relations if r.type == "SPOKESPERSON_OF"]
    assert rel and _kb(a, rel[0].head) == "mismari" and _kb(a, rel[0].tail) == "lna"


def test_commander_in_parentheses() -> None:
    a = marsad.analyze("وانسحب إبراهيم الجضران (آمر حرس المنشآت النفطية) من المنطقة.")
    assert any(r.type == "COMMANDS" and _kb(a, r.head) == "jadhran" and _kb(a, r.tail) == "pfg"
               for r in a.relations)


def test_relation_evidence_and_claim_refer_to_text() -> None:
    a = marsad.analyze("وقال مصدر عسكري إن قوات حفتر سيطرت على مدينة درنة.")
    for r in a.relations:
        assert 0 <= r.evidence.start < r.evidence.end <= len(a.text)
        if r.claim:
            assert r.claim in {c.id for c in a.claims}


def test_framing_from_partisan_alias_and_lexicon() -> None:
    a = marsad.analyze("وقصفت ميليشيات حفتر الأحياء السكنية، في جريمة جديدة للمرتزقة.")
    stances = {(f.text, f.stance) for f in a.framing}
    assert any(s == "hostile" for _, s in stances)
    for f in a.framing:
        assert a.text[f.start:f.end] == f.text


@pytest.mark.parametrize("text, etype", [
    ("وخاضت قوات حفتر، صباح الخميس، مواجهات عنيفة مع عناصر تنظيم الدولة في سرت.", "ARMED_CLASH"),
    ("وشنت قوات حفتر هجوما على مواقع الجماعات المسلحة قرب درنة.", "ATTACK"),
])
def test_light_verb_subject_is_the_agent(text: str, etype: str) -> None:
    a = marsad.analyze(text)
    ev = _event(a, etype)
    assert "lna" in [_kb(a, x) for x in ev.agents]


def test_members_of_a_group_make_the_group_the_agent() -> None:
    a = marsad.analyze("واقتحم متشددون من تنظيم الدولة نقطة تفتيش قرب أجدابيا.")
    ev = next(v for v in a.events if v.type == "ATTACK")
    assert [a.entity(x).type for x in ev.agents] == ["ARMED_GROUP"]


def test_both_sides_of_a_clash_are_agents_and_oppose_each_other() -> None:
    a = marsad.analyze("واندلعت اشتباكات عنيفة في سبها بين قوات حفتر وقبيلة أولاد سليمان.")
    ev = _event(a, "ARMED_CLASH")
    assert len(ev.agents) == 2 and not ev.targets


def test_a_commander_controls_through_his_forces() -> None:
    a = marsad.analyze("أعلنت قوات حفتر تقدمها. وسيطر خليفة حفتر على ميناء السدرة بعد معارك قصيرة.")
    controls = [(a.entity(r.head).kb_id, a.entity(r.tail).name) for r in a.relations if r.type == "CONTROLS"]
    assert controls and controls[0][0] == "lna"


def test_still_is_not_a_denial() -> None:
    a = marsad.analyze("وأكد مصدر عسكري أن قوات حفتر ما زالت تسيطر على مدينة ودان.")
    ev = _event(a, "TERRITORY_CONTROL")
    assert ev.modality == "asserted"


def test_subject_in_commas_before_qad() -> None:
    a = marsad.analyze("وكان رئيس المجلس الرئاسي، فايز السراج، قد التقى أمس في طرابلس وفدا من قبيلة أولاد سليمان.")
    ev = _event(a, "MEETING")
    assert [_kb(a, x) for x in ev.agents] == ["sarraj"]


def test_spokesman_of_an_operation_through_its_media_office() -> None:
    a = marsad.analyze("وقال المتحدث باسم المركز الإعلامي لعملية البنيان المرصوص، محمد الغصري، إن القوات تقدمت.")
    assert any(r.type == "SPOKESPERSON_OF" and _kb(a, r.tail) == "bunyan_marsous" for r in a.relations)


def test_a_later_negation_does_not_undo_an_earlier_one() -> None:
    a = marsad.analyze("لم تهاجم قوات حفتر مدينة بنغازي، كما لم تدخل الميناء.")
    assert _event(a, "ATTACK").modality == "denied"


def test_a_headline_ending_in_a_trigger_keeps_the_next_event() -> None:
    a = marsad.analyze("انسحبت قوات الوفاق من المدينة بعد هجوم\nهاجمت قوات حفتر مدينة بنغازي.")
    assert any(v.type == "ATTACK" and "lna" in [_kb(a, x) for x in v.agents] for v in a.events)


def test_event_takes_the_time_of_its_claim() -> None:
    text = "وقال المسماري يوم الأحد 9 أكتوبر 2016: «هاجمت قوات حفتر مواقع في بنغازي. وسيطرت قوات حفتر على ميناء البريقة»."
    a = marsad.analyze(text)
    ev = _event(a, "TERRITORY_CONTROL")
    assert ev.claim and ev.time and ev.time["value"] == "2016-10-09"


@pytest.mark.parametrize("text", [
    "وخاضت جماعة الإخوان معركة إعلامية شرسة ضد الحكومة.",      # a figurative battle
    "واستولت جماعة مسلحة على العاصمة وشكلت حكومة جديدة.",       # forming a government
])
def test_no_event_from_figurative_or_civil_words(text: str) -> None:
    a = marsad.analyze(text)
    assert not any(v.type in ("ARMED_CLASH", "ATTACK", "MOBILIZATION") for v in a.events), a.events
