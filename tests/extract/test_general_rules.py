"""Rules written to generalise beyond the reference article (issue 17), each on sentences written for
these tests: places and bodies in names, event modality and arguments, claim sources, framing."""

from __future__ import annotations

import pytest

import marsad
from marsad.model import Analysis


def _names(a: Analysis) -> dict[str, str]:
    return {e.id: (e.kb_id or e.name) for e in a.entities}


def _rels(a: Analysis) -> set[tuple[str, str, str]]:
    name = _names(a)
    return {(r.type, name[r.head], name[r.tail]) for r in a.relations}


def _events(a: Analysis, etype: str) -> list:
    return [v for v in a.events if v.type == etype]


# -- entities --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, place", [
    ("وأصدر مجلس شورى ثوار بنغازي بيانا مساء الأحد.", "place:ly/benghazi"),
    ("وأعلن المجلس العسكري للزنتان رفضه للاتفاق.", "place:ly/zintan"),
])
def test_place_in_a_name_is_a_seat(text: str, place: str) -> None:
    a = marsad.analyze(text)
    assert any(t == "BASED_IN" and tl == place for t, _, tl in _rels(a)), _rels(a)


def test_country_inside_a_proper_name_is_no_seat() -> None:
    a = marsad.analyze("وهاجمت قوات فجر ليبيا مواقع في الجبل.")
    assert not any(t == "BASED_IN" and tl == "place:ly" for t, _, tl in _rels(a))


@pytest.mark.parametrize("text, name, etype", [
    ("ودخلت القوات حي الفرسان بعد الظهر.", "حي الفرسان", "LOCATION"),
    ("وسيطر المسلحون على معسكر الصاعقة ليلا.", "معسكر الصاعقة", "LOCATION"),
    ("ونزل الوفد في فندق الواحة وسط العاصمة.", "فندق الواحة", "LOCATION"),
])
def test_place_announced_by_its_cue(text: str, name: str, etype: str) -> None:
    a = marsad.analyze(text)
    assert any(e.name == name and e.type == etype for e in a.entities), [(e.name, e.type) for e in a.entities]


@pytest.mark.parametrize("text", [
    "وتبنت الجماعة قاعدة فقهية متشددة.",  # «قاعدة» as a rule, followed by an adjective
    "وأعلنت السلطات منطقة محظورة قرب الحدود.",  # a participle, no name
])
def test_place_cue_without_a_name(text: str) -> None:
    a = marsad.analyze(text)
    assert not any(e.type in ("LOCATION", "GPE") and len(e.name.split()) == 2 for e in a.entities), \
        [(e.name, e.type) for e in a.entities]


@pytest.mark.parametrize("text, name", [
    ("وقضت محكمة استئناف مصراتة بسجن المتهمين.", "محكمة استئناف مصراتة"),
    ("وطالبت لجنة تقصي الحقائق بالإفراج عن المحتجزين.", "لجنة تقصي الحقائق"),
])
def test_body_named_by_a_chain_of_genitives(text: str, name: str) -> None:
    a = marsad.analyze(text)
    assert any(e.name == name and e.type == "ORGANIZATION" for e in a.entities), [e.name for e in a.entities]


def test_unit_by_number_member_of_its_force() -> None:
    a = marsad.analyze("وشارك اللواء 318 التابع لقوات حفتر في الهجوم.")
    assert ("MEMBER_OF", "اللواء 318", "lna") in _rels(a)


def test_official_in_a_body() -> None:
    a = marsad.analyze("وقال وزير الدفاع في حكومة الوفاق الوطني سالم الورفلي إن الوضع تحت السيطرة.")
    assert any(t == "MEMBER_OF" and tl == "gna" for t, _, tl in _rels(a)), _rels(a)


def test_loyal_to_a_state_named_by_its_capital() -> None:
    a = marsad.analyze("وتقدمت الفصائل الموالية لأنقرة نحو البلدة.")
    assert any(t == "LOYAL_TO" for t, _, _ in _rels(a)), _rels(a)


# -- events ----------------------------------------------------------------------------------------

def test_prevented_event_is_no_event() -> None:
    a = marsad.analyze("ونصبت القوات حواجز لمنع المسلحين من دخول مدينة سرت.")
    assert not _events(a, "TERRITORY_CONTROL")


def test_negated_ability_makes_a_failed_event() -> None:
    a = marsad.analyze("ولم تتمكن قوات حفتر من السيطرة على مدينة درنة رغم القصف.")
    ev = _events(a, "TERRITORY_CONTROL")
    assert ev and ev[0].modality == "failed"
    assert any(r.type == "CONTROLS" and r.modality == "failed" for r in a.relations)


def test_passive_agent() -> None:
    a = marsad.analyze("وعاد الهدوء إلى مدينة سرت بعد اقتحامها من قبل قوات حفتر.")
    ev = _events(a, "ATTACK") + _events(a, "TERRITORY_CONTROL")
    assert ev and [_names(a)[x] for x in ev[0].agents] == ["lna"]


def test_author_of_an_attack_after_la() -> None:
    a = marsad.analyze("وقتل جنديان في هجوم لتنظيم الدولة الإسلامية على بوابة قرب سرت.")
    ev = _events(a, "ATTACK")
    assert ev and ev[0].agents and a.entity(ev[0].agents[0]).type == "ARMED_GROUP"


def test_aircraft_of_a_force_act_for_it() -> None:
    a = marsad.analyze("وقصفت طائرات قوات حفتر مواقع مجلس شورى مجاهدي درنة.")
    ev = _events(a, "ATTACK")
    assert ev and [_names(a)[x] for x in ev[0].agents] == ["lna"]


def test_achieving_progress_is_no_legal_action() -> None:
    a = marsad.analyze("ونجحت قوات حفتر في تحقيق تقدم كبير في درنة.")
    assert not _events(a, "LEGAL_ACTION")


def test_speaker_is_not_the_agent_of_what_he_reports() -> None:
    a = marsad.analyze("وقال أحمد المسماري إن حصار مدينة درنة مستمر منذ أشهر.")
    for ev in a.events:
        assert "mismari" not in [_names(a)[x] for x in ev.agents]


def test_capture_gives_controls_over_coordinated_places_and_opposes_the_loser() -> None:
    a = marsad.analyze("واستعادت قوات حفتر السيطرة على ميناء السدرة وميناء راس لانوف من أيدي حرس المنشآت النفطية.")
    rels = _rels(a)
    assert sum(1 for t, h, _ in rels if t == "CONTROLS" and h == "lna") >= 2, rels
    assert any(t == "OPPOSES" for t, _, _ in rels), rels


def test_condemnation_opposes_the_author() -> None:
    a = marsad.analyze("وأدانت البعثة الأممية الهجوم الذي شنته قوات حفتر على بلدة الأصابعة.")
    assert any(t == "OPPOSES" and "lna" in (h, tl) for t, h, tl in _rels(a)), _rels(a)


# -- claims ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "وحث المبعوث الأممي غسان سلامة الأطراف الليبية على وقف القتال فورا.",
    "وعزا أحمد المسماري تأخر الهجوم إلى سوء الأحوال الجوية في المنطقة.",
])
def test_calls_and_attributions_are_claims(text: str) -> None:
    a = marsad.analyze(text)
    assert a.claims and a.claims[0].source_kind == "named_person"


def test_agreement_text_is_a_document_source() -> None:
    a = marsad.analyze("ونصت الاتفاقية على انسحاب القوات من المدينة خلال شهر.")
    assert a.claims and a.claims[0].source_kind == "document"


def test_press_as_a_source() -> None:
    a = marsad.analyze("وذكرت وسائل إعلام ليبية أن الموكب تعرض لإطلاق نار كثيف.")
    assert a.claims and a.claims[0].source_kind == "media"


def test_attribution_opening_the_sentence_with_a_relay() -> None:
    a = marsad.analyze("وبحسب ما نقلته وكالة رويترز عن مصدر عسكري، فإن القوات دخلت المدينة فجرا.")
    assert a.claims and a.claims[0].source_kind == "anonymous" and a.claims[0].via


def test_colon_after_a_speaker() -> None:
    a = marsad.analyze("أحمد المسماري: الجيش سيدخل المدينة خلال أيام.")
    assert a.claims and _names(a)[a.claims[0].speaker] == "mismari"


def test_unknown_subject_does_not_inherit_the_previous_speaker() -> None:
    a = marsad.analyze("وقال أحمد المسماري إن القوات تتقدم. وقال سكان المدينة الغاضبون إن القصف لم يتوقف.")
    second = [c for c in a.claims if "القصف" in a.text[c.content.start:c.content.end]]
    assert not second or second[0].speaker is None or _names(a)[second[0].speaker] != "mismari"


def test_continuation_keeps_the_speaker() -> None:
    a = marsad.analyze("وقال أحمد المسماري إن القوات تتقدم. وأضاف أن العملية ستنتهي قريبا.")
    assert len(a.claims) == 2 and a.claims[0].speaker == a.claims[1].speaker


# -- framing ---------------------------------------------------------------------------------------

def test_no_framing_inside_a_proper_name() -> None:
    a = marsad.analyze("وأصدر مجلس شورى ثوار بنغازي بيانا مساء الأحد.")
    assert not a.framing


def test_neutral_wire_word_is_no_framing() -> None:
    a = marsad.analyze("وهاجم مسلحون متشددون نقطة تفتيش قرب سرت.")
    assert not a.framing


def test_unnamed_member_speaks_anonymously() -> None:
    a = marsad.analyze("وقال عضو في المجلس الرئاسي الليبي، إن الموكب تعرض لإطلاق نار قرب الميناء.")
    assert a.claims and a.claims[0].source_kind == "anonymous"


def test_named_member_is_named() -> None:
    a = marsad.analyze("وقال عضو مجلس النواب الليبي علي التكبالي إن الجلسة تأجلت إلى الأسبوع المقبل.")
    assert a.claims and a.claims[0].source_kind == "named_person"


def test_speaker_carries_over_a_prepositional_phrase() -> None:
    a = marsad.analyze("وقال أحمد المسماري إن القوات تتقدم. وأضاف في تصريح صحافي أن العملية ستنتهي قريبا.")
    assert len(a.claims) == 2 and a.claims[0].speaker == a.claims[1].speaker
