"""Claims: reporting cues, sources (named, anonymous, carried over), contents, quotes and relays.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

import marsad
from marsad.model import Analysis, Claim


def _claims(text: str) -> tuple[Analysis, list[Claim]]:
    a = marsad.analyze(text)
    return a, a.claims


def _content(a: Analysis, c: Claim) -> str:
    return a.text[c.content.start:c.content.end]


@pytest.mark.parametrize("text, description", [
    ("وقال مصدر عسكري إن القوات انسحبت من المدينة.", "مصدر عسكري"),
    ("وأفادت مصادر محلية بأن الطريق أغلق منذ الصباح.", "مصادر محلية"),
    ("وذكر مسؤول في البلدية أن المياه انقطعت.", "مسؤول"),
])
def test_anonymous_sources(text: str, description: str) -> None:
    a, claims = _claims(text)
    assert len(claims) == 1
    c = claims[0]
    assert c.source_kind == "anonymous" and c.speaker is None
    assert c.source_text and c.source_text.startswith(description)


def test_named_person_indirect_speech() -> None:
    a, claims = _claims("أكد فايز السراج أن الحكومة ماضية في الحوار مع الجميع.")
    assert len(claims) == 1
    c = claims[0]
    assert c.source_kind == "named_person"
    assert a.entity(c.speaker).kb_id == "sarraj"
    assert _content(a, c).startswith("الحكومة ماضية")
    assert c.cue_lemma == "اكد"


def test_subject_before_the_verb() -> None:
    a, claims = _claims("وكان فايز السراج قد قال في مؤتمر صحفي إن الانتخابات ستجرى في موعدها.")
    assert claims and a.entity(claims[0].speaker).kb_id == "sarraj"
    assert "الانتخابات" in _content(a, claims[0])


def test_quote_spanning_two_sentences_is_one_content() -> None:
    text = 'وقال خليفة حفتر: "لن نتراجع عن هدفنا. سنواصل العمل حتى النهاية".'
    a, claims = _claims(text)
    assert len(claims) == 1
    body = _content(a, claims[0])
    assert body.startswith("لن نتراجع") and body.endswith("حتى النهاية")
    assert claims[0].quote is True


def test_unclosed_quote_stops_at_paragraph_end() -> None:
    text = 'وقال مصدر أمني: "الوضع تحت السيطرة والدوريات مستمرة\n\nوفي سياق آخر، افتتح الوزير مدرسة جديدة.'
    a, claims = _claims(text)
    assert claims
    assert "افتتح" not in _content(a, claims[0])


def test_source_carries_over_to_following_sentences() -> None:
    text = "وقال مصدر خاص إن الاجتماع تأجل. وأضاف أن الوفود لم تصل بعد. وكشف المصدر أن الخلاف على الرئاسة."
    a, claims = _claims(text)
    assert len(claims) == 3
    assert all(c.source_kind == "anonymous" for c in claims)
    assert claims[1].source_text == claims[0].source_text == claims[2].source_text


def test_continuing_participle_keeps_the_speaker() -> None:
    text = "أكد فايز السراج أن الحوار مستمر، موضحا أن اللجان ستجتمع الأسبوع المقبل."
    a, claims = _claims(text)
    assert len(claims) == 2
    assert claims[0].speaker == claims[1].speaker
    assert _content(a, claims[1]).startswith("اللجان")
    assert "موضحا" not in _content(a, claims[0])


def test_relay_by_an_outlet_becomes_via() -> None:
    text = "وقال خليفة حفتر إن قواته تتقدم، بحسب ما ذكرته قناة الجزيرة."
    a, claims = _claims(text)
    assert len(claims) == 1
    via = [a.entity(v) for v in claims[0].via]
    assert via and via[0].type == "MEDIA"


def test_according_to_named_source_is_a_claim() -> None:
    text = "انسحبت القوات من المعسكر الليلة الماضية، وفقا لفايز السراج."
    a, claims = _claims(text)
    assert len(claims) == 1
    assert a.entity(claims[0].speaker).kb_id == "sarraj"
    assert _content(a, claims[0]).startswith("انسحبت القوات")


def test_claim_time_between_cue_and_content() -> None:
    a = marsad.analyze("عنوان\n\nالخميس 3 مايو 2018 10:00 ص\n\nوقال فايز السراج أمس إن الحوار سيستأنف.")
    c = a.claims[0]
    assert c.time is not None
    t = next(t for t in a.times if t.id == c.time)
    assert t.value == "2018-05-02"


def test_no_claim_without_cue() -> None:
    _, claims = _claims("انطلقت القافلة من بنغازي صباح اليوم نحو الجنوب.")
    assert claims == []


def test_overlay_reporting_verb_stays_in_its_knowledge_base(tmp_path) -> None:
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "reporting_verbs.tsv").write_text("term\tlemma\nغرد\tغرد\n", encoding="utf-8")
    (tmp_path / "lexicons" / "anonymous_sources.tsv").write_text("term\nمدون\n", encoding="utf-8")
    text = "وغرد مدون ليبي بأن الكهرباء عادت إلى الحي."
    with_overlay = marsad.analyze(text, kb=[str(tmp_path)])
    assert len(with_overlay.claims) == 1 and with_overlay.claims[0].source_kind == "anonymous"
    assert marsad.analyze(text).claims == []
