"""Claims: the wider cue family, the speaker's choice and the sources without a name (issue 17, point 3).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

import marsad
from marsad.model import Analysis, Claim


def _analyse(text: str) -> Analysis:
    return marsad.analyze(text)


def _content(a: Analysis, c: Claim) -> str:
    return a.text[c.content.start:c.content.end]


def _speaker(a: Analysis, c: Claim) -> str | None:
    return a.entity(c.speaker).kb_id if c.speaker else None


@pytest.mark.parametrize("text, lemma, words", [
    ("وانتقد فايز السراج تأخر صرف رواتب الموظفين في الجنوب.", "انتقد", "تأخر صرف"),
    ("وناشد فايز السراج المنظمات الدولية التدخل لحماية المدنيين في الجنوب.", "ناشد", "التدخل"),
    ("ووصف فايز السراج الهجوم على المطار بأنه عمل جبان.", "وصف", "عمل جبان"),
])
def test_more_cues_of_the_family(text: str, lemma: str, words: str) -> None:
    a = _analyse(text)
    assert a.claims, text
    c = a.claims[0]
    assert c.cue_lemma == marsad.text.normalise.normalise(lemma)
    assert _speaker(a, c) == "sarraj"
    assert marsad.text.normalise.normalise(words) in marsad.text.normalise.normalise(_content(a, c))


def test_a_body_opening_the_subject_speaks_not_the_person_it_is_led_by() -> None:
    a = _analyse("أعلن الجيش الوطني الليبي بقيادة خليفة حفتر يوم الأحد انتهاء العمليات في الجفرة.")
    assert a.claims
    assert a.entity(a.claims[0].speaker).type != "PERSON"


def test_a_person_named_in_the_content_is_not_the_speaker() -> None:
    a = _analyse("أعلن الجيش الوطني الليبي، الخميس، مقتل القيادي فايز السراج في غارة على الجنوب.")
    assert a.claims
    assert a.entity(a.claims[0].speaker).type != "PERSON"


def test_a_person_named_after_a_title_still_speaks() -> None:
    a = _analyse("وقال المتحدث باسم الجيش الوطني الليبي العميد أحمد المسماري إن القوات تقدمت نحو الميناء.")
    assert a.claims and _speaker(a, a.claims[0]) == "mismari"


def test_kana_opens_a_body_that_speaks_later() -> None:
    a = _analyse("وكان مجلس النواب الليبي قد أكد في جلسة طارئة أن الانتخابات ستجرى في موعدها.")
    assert a.claims
    assert a.entity(a.claims[0].speaker).name.startswith("مجلس النواب")


def test_reports_without_an_issuer_are_a_document() -> None:
    a = _analyse("وبحسب تقارير دولية فإن مئات المقاتلين وصلوا إلى المدينة خلال الشهر الماضي.")
    assert len(a.claims) == 1
    c = a.claims[0]
    assert c.source_kind == "document" and c.speaker is None
    assert _content(a, c).startswith("مئات المقاتلين")


def test_an_attribution_is_not_carried_to_the_next_cue() -> None:
    a = _analyse("قال فايز السراج إن الحوار مستمر. وتوقفت الرحلات في المطار، بحسب تقارير محلية. "
                 "وأضاف أن الحكومة ستدفع الرواتب قريباً.")
    last = a.claims[-1]
    assert _content(a, last).startswith("الحكومة ستدفع")
    assert _speaker(a, last) == "sarraj"


def test_a_short_quoted_name_inside_the_object_is_not_the_content() -> None:
    a = _analyse('أعلن مجلس النواب الليبي، الأحد، السيطرة على معسكر "الصمود" والمنطقة المحيطة به جنوب المدينة.')
    assert a.claims
    assert _content(a, a.claims[0]).startswith("السيطرة على معسكر")


@pytest.mark.parametrize("text", [
    "وقال المشير خليفة حفتر إن الجيش سيدخل المدينة قريباً.",
    "واللافت أن الاجتماع انتهى دون بيان ختامي في العاصمة.",
])
def test_a_cue_form_with_the_article_is_no_cue(text: str) -> None:
    a = _analyse(text)
    assert all(a.text[c.cue.start:c.cue.end] not in ("المشير", "واللافت") for c in a.claims)


def test_the_anonymous_description_keeps_its_own_an() -> None:
    a = _analyse("وأضاف مصدر أمني طلب عدم الكشف عن اسمه، أن ثلاث سيارات مسلحة دمرت قرب البوابة.")
    assert a.claims
    c = a.claims[0]
    assert c.source_kind == "anonymous"
    assert _content(a, c).startswith("ثلاث سيارات")


def test_opponents_are_anonymous() -> None:
    a = _analyse("ويتهمه خصومه بأنه يسعى إلى حكم البلاد بالقوة.")
    assert a.claims and a.claims[0].source_kind == "anonymous"


def test_a_plural_cue_does_not_continue_one_person() -> None:
    a = _analyse("قال فايز السراج إن الحوار مستمر. وطالبوا بوقف القتال في الجنوب فوراً.")
    assert all(_speaker(a, c) == "sarraj" for c in a.claims)
    assert not any("وقف القتال" in _content(a, c) for c in a.claims)


def test_background_in_the_outlets_voice_is_no_claim() -> None:
    a = _analyse("يذكر أن المدينة شهدت اشتباكات عنيفة العام الماضي بين الفصائل.")
    assert a.claims == []


def test_the_outlet_spoken_to_is_not_the_speaker() -> None:
    a = _analyse('وكان أحمد المسماري أعلن لـ"سكاي نيوز عربية"، الخميس، استعادة السيطرة على ميناء السدرة.')
    assert a.claims and _speaker(a, a.claims[0]) == "mismari"


def test_the_agency_refers_to_the_outlet_named_before() -> None:
    a = _analyse('نقلت وكالة الأنباء الليبية أن الطريق الساحلي فتح أمام المسافرين. وذكرت الوكالة أن الوفد وصل إلى المدينة صباحاً.')
    last = a.claims[-1]
    assert _content(a, last).startswith("الوفد وصل")
    assert last.source_kind == "media" and last.speaker is not None


def test_a_ruling_speaks_as_a_document_of_its_court() -> None:
    a = _analyse("أصدرت محكمة استئناف مصراتة أمس حكماً غيابياً يقضي بسجن القائد السابق عشر سنوات.")
    assert a.claims
    c = a.claims[0]
    assert c.source_kind == "document"
    assert c.speaker is not None and "محكمة" in a.entity(c.speaker).name
    assert _content(a, c).startswith("بسجن")


def test_a_text_that_speaks_is_not_continued_by_the_next_cue() -> None:
    a = _analyse("قال فايز السراج إن الحكومة وقعت اتفاقية تنص على تبادل الأسرى خلال شهر. "
                 "وأضاف أن الوفد سيعود إلى العاصمة غداً.")
    last = a.claims[-1]
    assert _content(a, last).startswith("الوفد سيعود")
    assert _speaker(a, last) == "sarraj"


def test_unnamed_spokesmen_speak_for_the_body_after_on_behalf() -> None:
    a = _analyse("أعلن متحدثون عسكريون أمس باسم مجلس النواب الليبي أن القوات دخلت المدينة.")
    assert a.claims
    c = a.claims[0]
    assert c.source_kind == "organization" and a.entity(c.speaker).name.startswith("مجلس النواب")


def test_a_spokesman_on_behalf_of_a_pronoun_is_anonymous() -> None:
    a = _analyse("وقال متحدث باسمه إنه تلقى العلاج في الخارج.")
    assert a.claims and a.claims[0].source_kind == "anonymous"
