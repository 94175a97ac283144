"""Relations from fixed constructions, descriptive bodies, army coreference and unnamed spokesmen.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

import marsad
from marsad.model import Analysis


def _rels(a: Analysis) -> set[tuple[str, str, str]]:
    name = {e.id: (e.kb_id or e.name) for e in a.entities}
    return {(r.type, name[r.head], name[r.tail]) for r in a.relations}


@pytest.mark.parametrize("text, expected", [
    ("وصلت كتيبة شهداء الساحل التابعة لقوات حفتر إلى المدينة.", ("MEMBER_OF", "كتيبة شهداء الساحل", "lna")),
    ("وتقدمت قوات حفتر الموالية لمجلس النواب نحو الغرب.", ("LOYAL_TO", "lna", "hor")),
    ("وأصدرت المؤسسة الوطنية للنفط التي يوجد مقرها في طرابلس بيانا.", ("BASED_IN", "noc", "place:ly/tripoli")),
    ("وفر السكان من مدينة درنة الخاضعة لسيطرة قوات حفتر.", ("CONTROLS", "lna", "place:ly/derna")),
    ("وهاجمت كتيبة النصر بقيادة فايز السراج المعسكر.", ("COMMANDS", "sarraj", "كتيبة النصر")),
    ("والتقى فايز السراج، الذي يقود المجلس الرئاسي، وفدا أمميا.", ("LEADS", "sarraj", None)),
    ("وقالت حكومة الوفاق الوطني المدعومة من الأمم المتحدة إن الوضع هادئ.", ("SUPPORTS", None, "gna")),
])
def test_construction_relations(text: str, expected: tuple[str, str | None, str | None]) -> None:
    a = marsad.analyze(text)
    rtype, head, tail = expected
    found = [r for r in _rels(a) if r[0] == rtype and (head is None or r[1] == head) and (tail is None or r[2] == tail)]
    assert found, (_rels(a), [(e.name, e.kb_id) for e in a.entities])


def test_loyal_description_keeps_its_object() -> None:
    a = marsad.analyze("واشتبكت قوات موالية للحكومة المعترف بها دوليا مع مسلحين قرب أجدابيا.")
    names = [e.name for e in a.entities]
    assert "قوات موالية للحكومة المعترف بها دوليا" in names
    assert "الحكومة المعترف بها دوليا" in names
    assert any(t == "LOYAL_TO" for t, _, _ in _rels(a))


@pytest.mark.parametrize("text, name, etype", [
    ("وانتشرت قوات الأمن في الشوارع.", "قوات الأمن", "ARMED_GROUP"),
    ("وقالت السلطات اليونانية إن السفينة احتجزت.", "السلطات اليونانية", "ORGANIZATION"),
    ("واندلعت اشتباكات بين جماعات مسلحة في الضواحي.", "جماعات مسلحة", "ARMED_GROUP"),
    ("وأعلنت وزارة الصحة حصيلة جديدة.", "وزارة الصحة", "ORGANIZATION"),
])
def test_descriptive_bodies(text: str, name: str, etype: str) -> None:
    a = marsad.analyze(text)
    assert any(e.name == name and e.type == etype for e in a.entities), [(e.name, e.type) for e in a.entities]


@pytest.mark.parametrize("text", [
    "وقال إن العملية العسكرية بدأت.",          # «عملية» only names a body through the KB
    "وسيطرت القوات الأخرى على التلال.",        # an empty modifier makes no name
])
def test_no_body_from_vague_words(text: str) -> None:
    a = marsad.analyze(text)
    assert not any(e.type in ("ARMED_GROUP", "ORGANIZATION") for e in a.entities), [e.name for e in a.entities]


def test_bare_army_refers_to_the_army_named() -> None:
    a = marsad.analyze("أعلنت قوات حفتر السيطرة على الميناء. وقال الناطق باسم الجيش إن الوضع هادئ.")
    lna = next(e for e in a.entities if e.kb_id == "lna")
    assert any(m.text == "الجيش" for m in lna.mentions)
    spokesmen = [r for r in a.relations if r.type == "SPOKESPERSON_OF"]
    assert spokesmen and a.entity(spokesmen[0].tail).kb_id == "lna"


def test_bare_army_without_a_named_army_is_nothing() -> None:
    a = marsad.analyze("وقال الجيش إن الوضع هادئ في المدينة.")
    assert not any(e.type == "ARMED_GROUP" for e in a.entities)


def test_unnamed_spokesman_speaks_and_is_referred_back_to() -> None:
    a = marsad.analyze("وكان المتحدث باسم قوات حفتر أعلن أن الهجوم فشل. وأفاد المتحدث بأن القتلى خمسة.")
    speakers = {a.entity(c.speaker).name for c in a.claims if c.speaker}
    assert speakers == {"المتحدث باسم قوات حفتر"}
    assert len(a.claims) == 2


def test_tribe_pronoun_refers_to_the_tribe() -> None:
    a = marsad.analyze("وطلب زعيم قبيلة المغاربة من أبناء قبيلته السيطرة على ميناء البريقة.")
    tribe = next(e for e in a.entities if e.type == "TRIBE")
    assert any(m.text == "قبيلته" for m in tribe.mentions)


def test_chained_verbal_nouns_share_their_subject() -> None:
    a = marsad.analyze("وطلبت قبيلة الحساونة من مقاتليها السيطرة على مطار سبها، وطرد إبراهيم الجضران.")
    control = next(v for v in a.events if v.type == "TERRITORY_CONTROL")
    expel = next(v for v in a.events if v.type == "EXPULSION")
    assert control.agents and control.agents == expel.agents
    assert [a.entity(t).kb_id for t in expel.targets] == ["jadhran"]


def test_unnamed_spokesman_is_the_named_one() -> None:
    text = ("قال الناطق باسم قوات حفتر، أحمد المسماري إن القوات تقدمت. "
            "كما قال الناطق باسم قوات حفتر إن المعارك انتهت.")
    a = marsad.analyze(text)
    mismari = next(e for e in a.entities if e.kb_id == "mismari")
    assert any(m.text == "الناطق باسم قوات حفتر" for m in mismari.mentions)
    assert {c.speaker for c in a.claims} == {mismari.id}


@pytest.mark.parametrize("text, seated", [
    ("وقال مجلس النواب الشرعي في طبرق إنه سيجتمع الأسبوع المقبل.", True),
    ("وهاجمت قوات حفتر في طبرق مقرا للشرطة.", False),
])
def test_body_with_its_seat(text: str, seated: bool) -> None:
    a = marsad.analyze(text)
    assert any(t == "BASED_IN" for t, _, _ in _rels(a)) is seated, _rels(a)


def test_bare_government_refers_to_the_government_named() -> None:
    a = marsad.analyze("أعلنت حكومة الوفاق الوطني حالة الطوارئ. وأرسلت الحكومة تعزيزات إلى سرت.")
    gna = next(e for e in a.entities if e.kb_id == "gna")
    assert any(m.text == "الحكومة" for m in gna.mentions)


def test_spokesman_title_across_a_prepositional_body_and_a_rank() -> None:
    a = marsad.analyze("وقال الناطق باسم القوات الخاصة بالجيش العقيد سالم بوزريبة إن خمسة جنود قتلوا.")
    rels = [(r.type, a.entity(r.head).name, a.entity(r.tail).name) for r in a.relations]
    assert ("SPOKESPERSON_OF", "سالم بوزريبة", "القوات الخاصة") in rels
    assert not any(e.name.startswith("الجيش") for e in a.entities if e.type == "ARMED_GROUP")


def test_forces_of_a_described_government_are_split_from_it() -> None:
    a = marsad.analyze("وتواجه قوات الحكومة الليبية المعترف بها دوليا مسلحين قرب درنة منذ أشهر.")
    names = {e.name: e.type for e in a.entities}
    assert names.get("قوات الحكومة") == "ARMED_GROUP"
    assert names.get("الحكومة الليبية المعترف بها دوليا") == "ORGANIZATION"
    # the government's own forces are a part of it (the guide's MEMBER_OF), not a declared allegiance
    assert ("MEMBER_OF", "قوات الحكومة", "الحكومة الليبية المعترف بها دوليا") in _rels(a)


def test_air_force_described_two_ways_is_one_entity() -> None:
    a = marsad.analyze("وقال المتحدث باسم القوات الجوية إن الطائرات عادت. وأغار سلاح الجو على مواقع في درنة.")
    air = [e for e in a.entities if e.type == "ARMED_GROUP" and ("الجو" in e.name)]
    assert len(air) == 1 and len(air[0].mentions) == 2


@pytest.mark.parametrize("text, expected", [
    ("وقالت القوات الخاصة بالجيش إن المعارك انتهت. وتقدمت قوات حفتر نحو درنة.", ("MEMBER_OF", "القوات الخاصة", "lna")),
    ("وقال الأمين العام للأمم المتحدة، أنطونيو غوتيريش، إن الحل سياسي.", ("LEADS", "guterres", "un")),
])
def test_units_and_offices(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _rels(marsad.analyze(text))


@pytest.mark.parametrize("text", [
    "وتقاتل قوات حفتر عناصر تنظيم الدولة قرب درنة.",                       # verb, subject, object
    "وقال إن قوات حفتر التي تتصدى لتنظيم الدولة حققت تقدما.",               # subject, relative, verb
    "وتشن قوات حفتر حملة واسعة ضد تنظيم الدولة في الجنوب.",                 # «ضد»
])
def test_one_actor_set_against_another(text: str) -> None:
    rels = _rels(marsad.analyze(text))
    assert any(t == "OPPOSES" and h == "lna" for t, h, _ in rels), rels


@pytest.mark.parametrize("text", [
    "وقال القائد العسكري في شرق ليبيا، خليفة حفتر، إن المعركة مستمرة.",
    "ويقيم رئيس الوزراء عبدالله الثني في البيضاء منذ عامين.",
    "وتتمركز قوات حفتر في مدينة سرت.",
])
def test_actor_placed_somewhere(text: str) -> None:
    assert any(t == "BASED_IN" for t, _, _ in _rels(marsad.analyze(text)))


def test_premier_leads_the_government_the_article_names() -> None:
    a = marsad.analyze("وأعلنت حكومة الوفاق الوطني حالة الطوارئ. وقال رئيس الوزراء فايز السراج إن الوضع تحت السيطرة.")
    assert ("LEADS", "sarraj", "gna") in _rels(a)


def test_rivals_oppose_each_other_and_the_place_is_the_rivalry_s() -> None:
    # the hand patterns alone: the learned relation_model may read the place as where the tribes are
    # active (BASED_IN in ANNOTATION.md), as the dev gold often does
    a = marsad.analyze("وتصاعد التنافس بين قبيلتي التبو والطوارق في سبها.", disable=("relation_model",))
    rels = _rels(a)
    assert any(t == "OPPOSES" for t, _, _ in rels)
    assert not any(t == "BASED_IN" for t, _, _ in rels)


def test_armed_forces_placed_in_a_country_are_that_country_s_army() -> None:
    text = ("وقال الجيش المصري إن القوات المسلحة المصرية قتلت مسلحين. "
            "وألقت القوات المسلحة في شرق ليبيا القبض على قيادي، بحسب قوات حفتر.")
    a = marsad.analyze(text)
    lna = next(e for e in a.entities if e.kb_id == "lna")
    assert any(m.text == "القوات المسلحة" for m in lna.mentions)
