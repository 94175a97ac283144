"""Claims: attributions after the content, back-references, headlines and the speaker's place (issue 17, point 3).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import marsad
from marsad.text.normalise import normalise

from claim_checks import claim_with, content, speaker_name


def test_an_observatory_named_before_is_referred_to_by_its_head() -> None:
    a = marsad.analyze("أعلن المرصد السوري لحقوق الإنسان مقتل عشرة مدنيين في قصف على البلدة. "
                       "وتقدمت القوات نحو الأحياء الشرقية خلال الليل بحسب المرصد.")
    c = claim_with(a, "تقدمت القوات نحو الأحياء")
    assert c.source_kind == "organization" and "المرصد" in speaker_name(a, c)


def test_hasbama_with_a_verb_opens_an_anonymous_source() -> None:
    a = marsad.analyze("وسقطت قذيفتان على حي سكني جنوب المدينة، حسبما أفادت مصادر طبية.")
    c = claim_with(a, "سقطت قذيفتان")
    assert c.source_kind == "anonymous"


def test_according_to_what_an_official_said_is_anonymous() -> None:
    a = marsad.analyze("وقتل أربعة حراس عند مدخل المبنى، وفقا لما قاله مسؤول في الحكومة لوكالة رويترز.")
    c = claim_with(a, "قتل أربعة حراس")
    assert c.source_kind == "anonymous"


def test_the_same_source_again_keeps_its_speaker() -> None:
    a = marsad.analyze("قال فايز السراج إن الحكومة ستدفع الرواتب هذا الشهر. "
                       "ومن المقرر وفق المصدر نفسه صرف المستحقات المتأخرة للموظفين قبل العيد.")
    c = claim_with(a, "صرف المستحقات")
    assert c.source_kind == "named_person" and "السراج" in speaker_name(a, c)


def test_a_headline_verb_is_no_claim_of_its_own() -> None:
    a = marsad.analyze("فايز السراج يعلن خطة جديدة للكهرباء\n\n"
                       "قال فايز السراج إن الحكومة أعدت خطة لإنهاء انقطاع الكهرباء خلال الصيف.")
    assert len(a.claims) == 1
    assert content(a, a.claims[0]).startswith("الحكومة أعدت")


def test_a_negated_cue_reports_nothing() -> None:
    a = marsad.analyze("ولم يكشف أحمد المسماري عن عدد القتلى في صفوف القوات خلال المعارك.")
    assert a.claims == []


def test_kama_afad_after_the_content_speaks_the_clause_before() -> None:
    a = marsad.analyze("وانفجرت سيارة مفخخة قرب فندق في وسط المدينة مساء الخميس، كما أفاد مصدر أمني.")
    c = claim_with(a, "انفجرت سيارة مفخخة")
    assert c.source_kind == "anonymous"


def test_said_to_an_outlet_is_not_the_content() -> None:
    a = marsad.analyze('وأكد فايز السراج في تصريحات إلى "الوسط" أن الحكومة لن تتراجع عن قرارها.')
    c = claim_with(a, "الحكومة لن تتراجع")
    assert "السراج" in speaker_name(a, c)


def test_the_accused_after_a_carried_cue_is_not_the_speaker() -> None:
    a = marsad.analyze("قال أحمد المسماري إن القوات تقدمت نحو الميناء. واتهم تركيا بإرسال أسلحة ومرتزقة للمسلحين في الجنوب.")
    c = claim_with(a, "أسلحة")
    assert "المسماري" in speaker_name(a, c)


def test_a_spokesman_for_a_commander_is_the_person_named_after_both() -> None:
    a = marsad.analyze("وانتهت المعارك في الأحياء الجنوبية، حسبما أعلن الناطق باسم القائد العام المشير خليفة حفتر، "
                       "العميد أحمد المسماري.")
    c = claim_with(a, "انتهت المعارك")
    assert "المسماري" in speaker_name(a, c)


def test_a_body_right_before_its_verb_speaks() -> None:
    a = marsad.analyze("وفي الأثناء، المؤسسة الوطنية للنفط أعلنت وقف التصدير من ميناء السدرة بسبب القتال.")
    c = claim_with(a, "وقف التصدير")
    assert normalise("المؤسسة الوطنية") in normalise(speaker_name(a, c))


def test_a_bare_title_names_the_person_it_introduced() -> None:
    a = marsad.analyze("وقال وزير الخارجية الأميركي مايك بومبيو إن بلاده ستفرض عقوبات جديدة. وهاجم المسلحون البلدة ليلا. "
                       "إلا أن وزير الخارجية الأميركي حذر من أن بلاده لن تسكت على الهجمات.")
    c = claim_with(a, "لن تسكت")
    assert "بومبيو" in speaker_name(a, c)


def test_a_verb_attached_to_the_noun_before_it_continues_no_speaker() -> None:
    a = marsad.analyze("قال مصدر أمني إن الهدوء عاد إلى المدينة. ودوت صفارات الإنذار في البلدات المجاورة تحذر من سقوط قذائف.")
    assert not any("سقوط قذائف" in content(a, c) for c in a.claims)


def test_a_cause_is_no_claim() -> None:
    a = marsad.analyze("قال فايز السراج إن الحوار مستمر. وتصاعدت الهجمات على الطرق، مما دعا إلى إغلاق المعابر الحدودية.")
    assert not any("إغلاق المعابر" in content(a, c) for c in a.claims)


def test_ja_inside_a_content_does_not_cut_it() -> None:
    a = marsad.analyze('وقال فايز السراج إن قراره جاء "بعد فشل كل المساعي السلمية" في المدينة.')
    c = claim_with(a, "قراره جاء")
    assert "السراج" in speaker_name(a, c)


def test_a_verb_inside_a_reported_clause_is_not_its_own_claim() -> None:
    a = marsad.analyze("وقال فايز السراج إن المؤسسة الوطنية للنفط أعلنت استئناف التصدير من الموانئ.")
    assert len(a.claims) == 1 and "السراج" in speaker_name(a, a.claims[0])


def test_a_relative_verb_with_its_antecedent_as_object_needs_a_subject_after_it() -> None:
    a = marsad.analyze("قال أحمد المسماري إن القوات تقدمت. وتسيطر على المعسكر الجماعة التي اتهمتها تقارير كثيرة "
                       "بتهريب السلاح عبر الحدود.")
    assert not any("تهريب السلاح" in content(a, c) and "المسماري" in speaker_name(a, c) for c in a.claims)


def test_the_noun_of_announce_reports_with_its_speaker_after_it() -> None:
    a = marsad.analyze("وهدأت الاشتباكات بعد إعلان أحمد المسماري السيطرة الكاملة على ميناء السدرة.")
    c = claim_with(a, "السيطرة الكاملة")
    assert "المسماري" in speaker_name(a, c)


def test_the_noun_of_announce_without_a_speaker_reports_nothing() -> None:
    a = marsad.analyze("وبقي إعلان الهدنة معلقا بسبب الخلافات بين الأطراف في المدينة.")
    assert a.claims == []


def test_the_noun_of_announce_is_not_spoken_by_whom_it_is_for() -> None:
    a = marsad.analyze("وطلب زعيم القبيلة من أبنائه إعلان ولائهم لخليفة حفتر وطرد المسلحين من الموانئ.")
    assert not any(c.speaker and "حفتر" in speaker_name(a, c) for c in a.claims)


def test_a_source_withholding_its_name_speaks_through_its_own_verb() -> None:
    a = marsad.analyze("وقال مصدر عسكري طلب عدم ذكر اسمه إن القوات سيطرت على الميناء بعد اشتباكات عنيفة.")
    assert len(a.claims) == 1
    c = a.claims[0]
    assert c.source_kind == "anonymous" and a.text[c.cue.start:c.cue.end] == "وقال"
    assert content(a, c).startswith("القوات سيطرت")


def test_a_statement_issued_by_a_body_speaks_for_that_body() -> None:
    a = marsad.analyze("وقال بيان صادر عن وزارة الصحة الليبية إن ثلاثة مستشفيات في المدينة توقفت عن العمل بسبب نقص الوقود.")
    c = claim_with(a, "ثلاثة مستشفيات")
    assert "وزارة الصحة" in speaker_name(a, c)
    assert content(a, c).startswith("ثلاثة مستشفيات")


def test_a_statement_issued_by_a_body_named_before_by_its_head() -> None:
    a = marsad.analyze("رفض المجلس البلدي لمدينة سبها قرار الحكومة بإغلاق السوق المركزي. "
                       "وأضاف بيان صادر عن المجلس أن التجار سيواصلون العمل في السوق حتى نهاية الشهر.")
    c = claim_with(a, "التجار سيواصلون")
    assert "المجلس البلدي" in speaker_name(a, c)
    assert content(a, c).startswith("التجار")


def test_a_body_referred_to_by_its_head_calls_on_the_body_named_after_it() -> None:
    a = marsad.analyze("قالت منظمة العفو الدولية إن عشرات الصحفيين ما زالوا محتجزين دون محاكمة. "
                       "ودعت المنظمة الحكومة التونسية إلى الإفراج عنهم دون تأخير.")
    c = claim_with(a, "الإفراج عنهم")
    assert "العفو الدولية" in speaker_name(a, c)


def test_naqal_an_a_long_title_then_the_name_the_person_speaks_and_the_outlet_relays() -> None:
    a = marsad.analyze("ونقلت وكالة رويترز عن قائد اللواء الثالث التابع للجيش في منطقة الجفرة سالم الورفلي، أن "
                       "قواته استعادت السيطرة على المطار بعد معارك استمرت يومين.")
    c = claim_with(a, "قواته استعادت")
    assert c.source_kind == "named_person" and "الورفلي" in speaker_name(a, c)
    assert content(a, c).startswith("قواته")


def test_a_named_officer_before_the_outlet_spoken_to_is_the_source() -> None:
    a = marsad.analyze("وقال ضابط الشرطة، سالم الورفلي، لوكالة رويترز إن الانفجار وقع قرب السوق صباح الخميس.")
    c = claim_with(a, "الانفجار وقع")
    assert c.source_kind == "named_person" and "الورفلي" in speaker_name(a, c)


def test_an_official_of_a_named_leaders_office_stays_anonymous() -> None:
    a = marsad.analyze("وأوضح مسؤول في إدارة فايز السراج لوكالة رويترز أن الحكومة ستصرف الرواتب الأسبوع المقبل.")
    c = claim_with(a, "ستصرف الرواتب")
    assert c.source_kind == "anonymous"
