"""Nominal coreference in the entity layer: «التنظيم» after «تنظيم داعش» is a mention of that entity.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from marsad.api import analyze
from marsad.layers import MENTIONS
from marsad.model import Analysis, Entity
from marsad.pipeline import DEFAULT_COMPONENTS, Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    """The rules pipeline (no learned relation model)."""
    return Pipeline(DEFAULT_COMPONENTS, disable=("relation_model",))


@pytest.fixture(scope="module")
def plain() -> Pipeline:
    """The same pipeline with nominal coreference off."""
    return Pipeline(DEFAULT_COMPONENTS, disable=("relation_model",),
                    options={"entities": {"nominal_coref": False}})


def _run(pipe: Pipeline, text: str) -> Analysis:
    return analyze(text, pipeline=pipe)


def _holder(a: Analysis, word: str) -> Entity | None:
    """The entity one of whose mentions is exactly `word`."""
    return next((e for e in a.entities if any(m.text == word for m in e.mentions)), None)


def _coref_texts(a: Analysis) -> list[str]:
    return [a.text[m.start:m.end] for m in MENTIONS.get(a) if m.source == "nominal"]


def test_a_repeated_head_noun_is_a_mention_of_the_named_group(pipe: Pipeline, plain: Pipeline) -> None:
    text = ("أعلن تنظيم داعش مسؤوليته عن تفجير سيارة قرب حاجز في مدينة الرمادي. "
            "وقال التنظيم في بيان نشره على الإنترنت إن مقاتليه قتلوا ثلاثة من الحراس.")
    a = _run(pipe, text)
    isis = _holder(a, "تنظيم داعش")
    assert isis is not None and isis.kb_id == "isis"
    assert any(m.text == "التنظيم" for m in isis.mentions)
    assert isis.name != "التنظيم"  # a repeated head noun never names the entity
    # a mention of the existing entity, not an entity of its own
    assert len(a.entities) == len(_run(plain, text).entities)


def test_a_name_without_a_head_noun_is_repeated_through_its_knowledge_base_names(pipe: Pipeline) -> None:
    a = _run(pipe, "هاجم مسلحون من داعش قافلة للجيش قرب الموصل. وأكد التنظيم أن الهجوم جاء ردا على الغارات.")
    isis = next((e for e in a.entities if e.kb_id == "isis"), None)
    assert isis is not None and any(m.text == "التنظيم" for m in isis.mentions)
    assert isis.name != "التنظيم"


def test_a_brigade_the_knowledge_base_does_not_know_is_repeated_too(pipe: Pipeline) -> None:
    a = _run(pipe, "انسحبت كتيبة شهداء الوادي الأخضر من مواقعها جنوب المدينة أمس. "
             "وأوضح مصدر أن هذه الكتيبة نقلت آلياتها إلى معسكر قريب.")  # a demonstrative before it
    brigade = _holder(a, "كتيبة شهداء الوادي الأخضر")
    assert brigade is not None and brigade.kb_id is None
    assert any(m.text == "الكتيبة" for m in brigade.mentions)


def test_proclitics_keep_the_word_a_mention(pipe: Pipeline) -> None:
    a = _run(pipe, "نشر المرصد السوري لحقوق الإنسان حصيلة جديدة للقتلى. "
             "وبحسب المرصد فإن الحصيلة مرشحة للارتفاع، وتحدثت مصادر للمرصد عن مفقودين.")
    sohr = next((e for e in a.entities if e.kb_id == "sohr"), None)
    assert sohr is not None
    texts = [m.text for m in sohr.mentions]
    assert "المرصد" in texts and "لمرصد" in texts  # «وبحسب المرصد», «للمرصد» (the elided article)


def test_two_bodies_with_the_same_head_block_the_word(pipe: Pipeline) -> None:
    a = _run(pipe, "اجتمع مجلس النواب الليبي مع أعضاء المجلس الأعلى للدولة في مدينة غدامس. "
             "وأكد المجلس في ختام الجلسة ضرورة توحيد المؤسسات.")
    assert "المجلس" not in _coref_texts(a)


def test_a_rank_before_a_name_is_not_the_brigade(pipe: Pipeline) -> None:
    first = "وصل اللواء 73 مشاة إلى المطار صباح أمس. "
    a = _run(pipe, first + "وقال اللواء سالم الفرجاني إن الوحدات لن تنسحب.")
    assert not any(t.endswith("لواء") for t in _coref_texts(a))  # the general's rank, not the brigade
    b = _run(pipe, first + "وقال مصدر إن اللواء سيبقى في مواقعه حتى الغد.")
    brigade = _holder(b, "اللواء 73")
    assert brigade is not None and any(m.text == "اللواء" for m in brigade.mentions)


def test_a_person_after_another_head_is_in_apposition(pipe: Pipeline) -> None:
    a = _run(pipe, "أعلنت حركة العدل والمساواة انسحابها من المفاوضات. وقال زعيم الحركة جبريل إبراهيم إن الحوار انتهى.")
    jem = _holder(a, "حركة العدل والمساواة")
    assert jem is not None and any(m.text == "الحركة" for m in jem.mentions)


def test_a_bracketed_head_noun_glosses_the_name_before_it(pipe: Pipeline) -> None:
    a = _run(pipe, "شارك رئيس مجلس نواب الشعب (البرلمان) في الاجتماع. وأعلن البرلمان تأجيل الجلسة إلى الأسبوع المقبل.")
    body = _holder(a, "مجلس نواب الشعب")
    assert body is not None
    assert [m.text for m in body.mentions].count("البرلمان") == 2  # the gloss, then the word repeating it


def test_an_unnamed_description_that_repeats_a_group_joins_it(pipe: Pipeline, plain: Pipeline) -> None:
    text = "أعلن تنظيم داعش مسؤوليته عن الهجوم على السوق. وقال التنظيم الإرهابي إن عناصره عادوا إلى مواقعهم."
    a = _run(pipe, text)
    isis = _holder(a, "تنظيم داعش")
    assert isis is not None and any(m.text == "التنظيم الإرهابي" for m in isis.mentions)
    assert isis.name == "تنظيم داعش"
    assert len(a.entities) == len(_run(plain, text).entities) - 1  # no longer an entity of its own


def test_a_word_too_far_from_the_name_is_left_alone(pipe: Pipeline) -> None:
    filler = " ".join(f"وذكر شاهد رقم {n} أن الطريق كان مغلقا طوال اليوم." for n in range(12))
    a = _run(pipe, f"أعلنت حركة العدل والمساواة انسحابها من المفاوضات. {filler} وقالت الحركة إن الحوار انتهى.")
    assert "الحركة" not in _coref_texts(a)


def test_the_nominal_mention_reaches_the_later_layers(pipe: Pipeline, plain: Pipeline) -> None:
    text = ("تبنى تنظيم داعش الهجوم الذي استهدف نقطة تفتيش شرق المدينة. "
            "وسيطر التنظيم على بلدة هيت بعد معارك استمرت يومين.")
    a, b = _run(pipe, text), _run(plain, text)
    isis = next(e for e in a.entities if e.kb_id == "isis")
    hit = next((e for e in a.entities if e.kb_id and e.kb_id.endswith("hit")), None)
    assert hit is not None, [(e.name, e.kb_id) for e in a.entities]

    def controls(x: Analysis, agent: str) -> bool:
        return any(r.type == "CONTROLS" and r.head == agent and r.tail == hit.id for r in x.relations) \
            or any(ev.type == "TERRITORY_CONTROL" and agent in ev.agents for ev in x.events)

    assert controls(a, isis.id)
    other = next(e for e in b.entities if e.kb_id == "isis")
    assert not controls(b, other.id)  # without the pass nothing tied the capture to the group


def test_a_title_before_the_repeated_word_names_its_holder(pipe: Pipeline, plain: Pipeline) -> None:
    text = ("نشر المرصد السوري لحقوق الإنسان حصيلة جديدة لضحايا القصف على الأحياء الشرقية. "
            "وقال مدير المرصد رامي عبد الرحمن إن عدد الضحايا قد يرتفع خلال الساعات المقبلة.")

    def leads(a: Analysis) -> bool:
        ids = {e.id: e.kb_id for e in a.entities}
        return any(r.type == "LEADS" and ids.get(r.head) == "rami_abdulrahman" and ids.get(r.tail) == "sohr"
                   for r in a.relations)

    assert leads(_run(pipe, text))
    assert not leads(_run(plain, text))
