"""Event rules written to generalise (issue 17), each on sentences invented for these tests: places named
by a pronoun, seizures without a named actor, accusations made by a claim's speaker, agents of relative
clauses, «وقع» as «took place», calls and demands, authors after «لـ», and what stays no event."""

from __future__ import annotations

import pytest

import marsad
from marsad.model import Analysis


def _names(a: Analysis) -> dict[str, str]:
    return {e.id: e.name for e in a.entities}


def _events(a: Analysis, etype: str) -> list[tuple[str, list[str], list[str], str | None]]:
    """(trigger, agent names, target names, place name) of the events of one type."""
    names = _names(a)
    return [(v.trigger.text, [names.get(x, x) for x in v.agents], [names.get(x, x) for x in v.targets],
             names.get(v.place or "")) for v in a.events if v.type == etype]


def _all(a: Analysis) -> list[tuple[str, str]]:
    return [(v.type, v.trigger.text) for v in a.events]


# -- places named by a pronoun or a common noun --------------------------------------------------------

def test_place_taken_named_by_a_pronoun_is_the_town_named_before() -> None:
    a = marsad.analyze("دخلت قوات الجيش مدينة سرت يوم الأحد بعد معارك عنيفة. "
                       "وبعد أسبوع استولت كتيبة النصر عليها بالكامل.")
    taken = [e for e in _events(a, "TERRITORY_CONTROL") if e[0] == "استولت"]
    assert taken and "سرت" in (taken[0][3] or ""), _events(a, "TERRITORY_CONTROL")


def test_holding_a_place_in_the_present_is_no_taking() -> None:
    a = marsad.analyze("وكانت كتيبة النصر دخلت مدينة سرت الأسبوع الماضي. "
                       "ويقول السكان إن الكتيبة تسيطر عليها الآن.")
    triggers = [e[0] for e in _events(a, "TERRITORY_CONTROL")]
    assert "تسيطر" not in triggers, triggers


def test_seizure_verb_with_a_place_stands_without_a_named_actor() -> None:
    a = marsad.analyze("واستولى مسلحون على مدينة غريان فجر الجمعة.")
    assert _events(a, "TERRITORY_CONTROL"), _all(a)


@pytest.mark.parametrize("text", [
    "وسقطت الطائرة قرب مدينة طهران صباح الأحد.",
    "وخضع اللاعب لعملية جراحية في مدينة برشلونة.",
])
def test_everyday_falls_and_submissions_are_no_control(text: str) -> None:
    a = marsad.analyze(text)
    assert not _events(a, "TERRITORY_CONTROL"), _all(a)


# -- accusations -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ويتهمه خصومه بالسعي إلى الاستيلاء على السلطة في البلاد.",
    "واتهمت صحف محلية الحكومة بالتقصير في حماية المدنيين.",
])
def test_accusation_that_cues_a_claim_stands_without_a_named_agent(text: str) -> None:
    a = marsad.analyze(text)
    assert _events(a, "ACCUSATION"), _all(a)


def test_accusation_modality_is_not_read_in_the_charge() -> None:
    a = marsad.analyze("ويتهمه خصومه بالسعي إلى الاستيلاء على السلطة في البلاد.")
    assert [v.modality for v in a.events if v.type == "ACCUSATION"] == ["asserted"], \
        [(v.type, v.modality) for v in a.events]


# -- agents of relative clauses and after «لـ» ---------------------------------------------------------

@pytest.mark.parametrize("text, etype, agent", [
    ("وصمدت هدنة إنسانية أعلنتها روسيا في الغوطة الشرقية ليومين.", "AGREEMENT", "روسيا"),
    ("وتحدث شهود عن الإعدامات التي كان ينفذها تنظيم الدولة في مدينة سرت.", "VIOLENCE_AGAINST_CIVILIANS",
     "تنظيم الدولة"),
    ("وقالت الحكومة إن هجوما تشنه كتيبة النصر على مدينة غريان أوقع قتلى.", "ATTACK", "كتيبة النصر"),
])
def test_subject_of_a_resumptive_verb_acts(text: str, etype: str, agent: str) -> None:
    a = marsad.analyze(text)
    found = _events(a, etype)
    assert found and agent in found[0][1] and agent not in found[0][2], found


def test_campaign_author_after_li_past_an_adjective() -> None:
    a = marsad.analyze("ووصلت التعزيزات إلى مشارف مدينة سرت ضمن حملة عسكرية لكتيبة النصر ضد المتشددين.")
    agents = [agent for e in _events(a, "MOBILIZATION") for agent in e[1]]
    assert "كتيبة النصر" in agents, _events(a, "MOBILIZATION")


# -- «وقع»: signed or took place ---------------------------------------------------------------------------

def test_clashes_that_took_place_are_no_agreement() -> None:
    a = marsad.analyze("ووقعت اشتباكات عنيفة بين كتيبة النصر وكتيبة الفاروق في مدينة الزاوية.")
    assert "AGREEMENT" not in [t for t, _ in _all(a)], _all(a)
    assert _events(a, "ARMED_CLASH"), _all(a)


def test_signing_an_agreement_stays_an_agreement() -> None:
    a = marsad.analyze("ووقعت حكومة الوفاق اتفاقا مع كتيبة النصر في مدينة الزاوية.")
    assert _events(a, "AGREEMENT"), _all(a)


# -- calls and demands -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, etype", [
    ("وجددت الحكومة الدعوة إلى \"التهدئة\" في مدينة الزاوية.", "AGREEMENT"),
    ("وقال البيان: ندعو الجماعات المسلحة إلى وقف كافة العمليات العسكرية في مدينة سرت.", "MOBILIZATION"),
    ("وطالب الوزير البرلمان بإعطاء كل الدعم لكتيبة النصر.", "SUPPORT"),
])
def test_what_a_call_asks_for_is_no_event(text: str, etype: str) -> None:
    a = marsad.analyze(text)
    assert not _events(a, etype), _all(a)


@pytest.mark.parametrize("text", [
    "وأحكمت كتيبة النصر قبضتها على مدينة غريان.",
    "واستعادت كتيبة النصر المنطقة بعد يوم من انتزاع القوات الحكومية لها من قبضته.",
])
def test_a_grip_is_no_arrest(text: str) -> None:
    a = marsad.analyze(text)
    assert not _events(a, "ARREST"), _all(a)


def test_forces_belonging_to_a_group_make_it_the_agent() -> None:
    a = marsad.analyze("وأكد مصدر ميداني دخول قوات تابعة لكتيبة النصر إلى حي الفرسان في مدينة سرت.")
    agents = [agent for e in _events(a, "TERRITORY_CONTROL") for agent in e[1]]
    assert "كتيبة النصر" in agents, _events(a, "TERRITORY_CONTROL")


def test_light_verb_with_two_coordinated_subjects_gives_both_agents() -> None:
    a = marsad.analyze("وتوصلت حكومة الوفاق وكتيبة النصر إلى اتفاق لوقف القتال في مدينة الزاوية.")
    agents = [agent for e in _events(a, "AGREEMENT") for agent in e[1]]
    assert "حكومة الوفاق" in agents and "كتيبة النصر" in agents, _events(a, "AGREEMENT")


# -- agents named by a common noun only (the agent stays null; the event stands) ---------------------------

@pytest.mark.parametrize("text, etype", [
    ("وفي نهاية العام استولى عليها مسلحون بعد اشتباكات قصيرة مع حراس مدينة غريان.", "TERRITORY_CONTROL"),
    ("وقال شهود إن مسلحين انشقوا عن كتيبة النصر الأسبوع الماضي.", "DEFECTION"),
    ("وأعلنت تلك القوات سيطرتها على مطار مدينة غريان.", "TERRITORY_CONTROL"),
    ("وذكر السكان أن الميليشيات التي سيطرت على الميناءين نهبت المخازن.", "TERRITORY_CONTROL"),
    ("واختطف مجهولون موظفا في بلدية مدينة غريان.", "ARREST"),
])
def test_an_unnamed_group_acting_makes_the_event_stand(text: str, etype: str) -> None:
    a = marsad.analyze(text)
    found = [e for e in _events(a, etype)]
    assert found, _all(a)


@pytest.mark.parametrize("text", [
    "وقُتل مسلحون في غارة على مدينة غريان.",      # the gunmen are killed, they do not kill
    "وقال الجيش إنه يستهدف مسلحين فقط.",          # «مسلحين»: the object of a verb whose subject is its pronoun
])
def test_an_unnamed_group_undergoing_the_act_is_no_agent(text: str) -> None:
    a = marsad.analyze(text)
    assert not [v for v in a.events if v.type in ("ATTACK", "VIOLENCE_AGAINST_CIVILIANS")], _all(a)


def test_a_named_agent_keeps_the_sentence_before_an_unnamed_one() -> None:
    a = marsad.analyze("وقصف المسلحون قريتين تحاصرهما كتيبة النصر قرب مدينة غريان.")
    attacks = _events(a, "ATTACK")
    assert attacks and attacks[0][1] == ["كتيبة النصر"], attacks


# -- a place falling to a side; support received ----------------------------------------------------------

@pytest.mark.parametrize("text, holder", [
    ("ويذكر السكان سقوط مدينة غريان بيد كتيبة النصر في ربيع ذلك العام.", "كتيبة النصر"),
    ("وخضعت بلدة تاورغاء لسيطرة كتيبة الفاروق بعد أسابيع من القتال.", "كتيبة الفاروق"),
])
def test_a_place_falling_to_a_side_is_taken_by_that_side(text: str, holder: str) -> None:
    a = marsad.analyze(text)
    found = _events(a, "TERRITORY_CONTROL")
    assert found and found[0][1] == [holder] and holder not in found[0][2], found


def test_support_received_is_given_by_the_actor_after_min() -> None:
    a = marsad.analyze("وتلقت كتيبة النصر دعما ماليا من حكومة الوفاق خلال تلك الفترة.")
    found = _events(a, "SUPPORT")
    assert found and found[0][1] == ["حكومة الوفاق"] and found[0][2] == ["كتيبة النصر"], found


def test_in_support_of_is_no_support_event_of_its_own() -> None:
    a = marsad.analyze("وشنت طائرات التحالف غارات على مواقع المتمردين دعما لكتيبة النصر.")
    assert not _events(a, "SUPPORT"), _all(a)


@pytest.mark.parametrize("text", [
    "وتعرضت قافلة لكتيبة النصر لقصف عنيف قرب مدينة غريان.",
    "وقال الجنود إن كتيبة النصر تعرضت لهجوم من قوات الفاروق في مدينة غريان.",
])
def test_an_act_suffered_is_no_aim_and_its_sufferer_is_the_target(text: str) -> None:
    a = marsad.analyze(text)
    found = _events(a, "ATTACK")
    assert found and "كتيبة النصر" not in found[0][1] and "كتيبة النصر" in found[0][2], found


def test_the_author_of_an_act_suffered_follows_min() -> None:
    a = marsad.analyze("وقال الجنود إن كتيبة النصر تعرضت لهجوم من قوات الفاروق في مدينة غريان.")
    found = _events(a, "ATTACK")
    assert found and found[0][1] == ["قوات الفاروق"] and found[0][2] == ["كتيبة النصر"], found


def test_civilians_used_as_human_shields() -> None:
    a = marsad.analyze("وقال السكان إن كتيبة النصر تتخذ المدنيين دروعا بشرية في مدينة غريان.")
    assert _events(a, "VIOLENCE_AGAINST_CIVILIANS"), _all(a)


@pytest.mark.parametrize("text, expected", [
    ("وحمّل وزير الداخلية في بيان صدر مساء الأحد كتيبة الفاروق مسؤولية الهجوم على مدينة غريان.", True),
    ("وحمل المتظاهرون لافتات في شوارع مدينة غريان.", False),
    ("وأطلقت كتيبة الفاروق حملة واسعة في مدينة غريان.", False),
])
def test_blaming_needs_responsibility(text: str, expected: bool) -> None:
    a = marsad.analyze(text)
    assert bool(_events(a, "ACCUSATION")) is expected, _all(a)


@pytest.mark.parametrize("text", [
    "وأعلن المدرب تشكيلة الفريق في مدينة غريان.",
    "وعادت أسرة الضحية إلى مدينة غريان.",
])
def test_a_feminine_noun_is_no_verb_with_a_pronoun(text: str) -> None:
    a = marsad.analyze(text)
    assert not a.events, _all(a)


@pytest.mark.parametrize("text", [
    "وقال الشهود إن الانفجار الذي وقع في مدينة غريان كان قويا.",
    "وانسحب المسلحون من مدينة غريان على وقع الضربات المتتالية.",
])
def test_what_took_place_or_amid_is_no_signing(text: str) -> None:
    a = marsad.analyze(text)
    assert not _events(a, "AGREEMENT"), _all(a)


def test_dawn_is_no_blowing_up() -> None:
    a = marsad.analyze("ووصلت كتيبة النصر إلى مدينة غريان فجر السبت.")
    assert not _events(a, "ATTACK"), _all(a)
    b = marsad.analyze("وفجر انتحاري نفسه قرب مقر كتيبة النصر في مدينة غريان.")
    assert _events(b, "ATTACK"), _all(b)


@pytest.mark.parametrize("text, etype, expected", [
    ("وبحث الوزيران سبل تعزيز التعاون بين البلدين في مدينة غريان.", "MOBILIZATION", False),
    ("وأعلنت كتيبة النصر تعزيز قواتها في مدينة غريان.", "MOBILIZATION", True),
    ("وأغلقت السلطات معبر رأس جدير أمام المسافرين.", "PROTEST", False),
    ("وأغلق محتجون غاضبون الطريق الساحلي قرب مدينة غريان.", "PROTEST", True),
    ("وتولت البعثة جمع عينات من موقع الهجوم في مدينة غريان.", "MEETING", False),
])
def test_everyday_senses_need_their_events_context(text: str, etype: str, expected: bool) -> None:
    a = marsad.analyze(text)
    assert bool(_events(a, etype)) is expected, _all(a)
