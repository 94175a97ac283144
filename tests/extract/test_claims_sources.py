"""Claims: attributions after the content, back-references, headlines and the speaker's place (issue 17, point 3).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import marsad
from marsad.model import Analysis, Claim
from marsad.text.normalise import normalise


def _content(a: Analysis, c: Claim) -> str:
    return a.text[c.content.start:c.content.end]


def _name(a: Analysis, c: Claim) -> str:
    return a.entity(c.speaker).name if c.speaker else ""


def _with(a: Analysis, words: str) -> Claim:
    hits = [c for c in a.claims if normalise(words) in normalise(_content(a, c))]
    assert hits, f"no claim holds «{words}»: {[(_content(a, c), c.source_kind) for c in a.claims]}"
    return hits[0]


def test_an_observatory_named_before_is_referred_to_by_its_head() -> None:
    a = marsad.analyze("أعلن المرصد السوري لحقوق الإنسان مقتل عشرة مدنيين في قصف على البلدة. "
                       "وتقدمت القوات نحو الأحياء الشرقية خلال الليل بحسب المرصد.")
    c = _with(a, "تقدمت القوات نحو الأحياء")
    assert c.source_kind == "organization" and "المرصد" in _name(a, c)


def test_hasbama_with_a_verb_opens_an_anonymous_source() -> None:
    a = marsad.analyze("وسقطت قذيفتان على حي سكني جنوب المدينة، حسبما أفادت مصادر طبية.")
    c = _with(a, "سقطت قذيفتان")
    assert c.source_kind == "anonymous"


def test_according_to_what_an_official_said_is_anonymous() -> None:
    a = marsad.analyze("وقتل أربعة حراس عند مدخل المبنى، وفقا لما قاله مسؤول في الحكومة لوكالة رويترز.")
    c = _with(a, "قتل أربعة حراس")
    assert c.source_kind == "anonymous"


def test_the_same_source_again_keeps_its_speaker() -> None:
    a = marsad.analyze("قال فايز السراج إن الحكومة ستدفع الرواتب هذا الشهر. "
                       "ومن المقرر وفق المصدر نفسه صرف المستحقات المتأخرة للموظفين قبل العيد.")
    c = _with(a, "صرف المستحقات")
    assert c.source_kind == "named_person" and "السراج" in _name(a, c)


def test_a_headline_verb_is_no_claim_of_its_own() -> None:
    a = marsad.analyze("فايز السراج يعلن خطة جديدة للكهرباء\n\n"
                       "قال فايز السراج إن الحكومة أعدت خطة لإنهاء انقطاع الكهرباء خلال الصيف.")
    assert len(a.claims) == 1
    assert _content(a, a.claims[0]).startswith("الحكومة أعدت")


def test_a_negated_cue_reports_nothing() -> None:
    a = marsad.analyze("ولم يكشف أحمد المسماري عن عدد القتلى في صفوف القوات خلال المعارك.")
    assert a.claims == []


def test_kama_afad_after_the_content_speaks_the_clause_before() -> None:
    a = marsad.analyze("وانفجرت سيارة مفخخة قرب فندق في وسط المدينة مساء الخميس، كما أفاد مصدر أمني.")
    c = _with(a, "انفجرت سيارة مفخخة")
    assert c.source_kind == "anonymous"


def test_said_to_an_outlet_is_not_the_content() -> None:
    a = marsad.analyze('وأكد فايز السراج في تصريحات إلى "الوسط" أن الحكومة لن تتراجع عن قرارها.')
    c = _with(a, "الحكومة لن تتراجع")
    assert "السراج" in _name(a, c)


def test_the_accused_after_a_carried_cue_is_not_the_speaker() -> None:
    a = marsad.analyze("قال أحمد المسماري إن القوات تقدمت نحو الميناء. واتهم تركيا بإرسال أسلحة ومرتزقة للمسلحين في الجنوب.")
    c = _with(a, "أسلحة")
    assert "المسماري" in _name(a, c)


def test_a_spokesman_for_a_commander_is_the_person_named_after_both() -> None:
    a = marsad.analyze("وانتهت المعارك في الأحياء الجنوبية، حسبما أعلن الناطق باسم القائد العام المشير خليفة حفتر، "
                       "العميد أحمد المسماري.")
    c = _with(a, "انتهت المعارك")
    assert "المسماري" in _name(a, c)


def test_a_body_right_before_its_verb_speaks() -> None:
    a = marsad.analyze("وفي الأثناء، المؤسسة الوطنية للنفط أعلنت وقف التصدير من ميناء السدرة بسبب القتال.")
    c = _with(a, "وقف التصدير")
    assert normalise("المؤسسة الوطنية") in normalise(_name(a, c))
