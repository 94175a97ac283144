"""Claims: cues whose content opens with the preposition they govern («شدد على», «حذر من», «هدد بـ», «نصت
الاتفاقية على», «قضت المحكمة بـ»), condemnations and continuing verbs (issue 17).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import marsad
from marsad.extract.claims.cues import claim_words, shipped_claim_words
from marsad.text.normalise import normalise

from claim_checks import claim_with, content, speaker_name


def test_complement_rows_map_a_lemma_to_its_prepositions() -> None:
    words = claim_words([{"term": "على", "set": "complement", "lemma": "شدد"},
                         {"term": "ب", "set": "complement", "lemma": "شدد"},
                         {"term": "من", "set": "complement", "lemma": ""}])  # no lemma: no row
    assert words.complement == {normalise("شدد"): frozenset({normalise("على"), "ب"})}
    assert normalise("على") in shipped_claim_words().complement[normalise("شدد")]


def test_stressed_on_opens_the_content_after_the_speaker() -> None:
    a = marsad.analyze("وشدد فايز السراج على ضرورة توحيد المؤسسات العسكرية قبل الانتخابات.")
    c = claim_with(a, "ضرورة توحيد المؤسسات")
    assert c.source_kind == "named_person" and "السراج" in speaker_name(a, c)


def test_a_stressing_participle_continues_the_speaker() -> None:
    a = marsad.analyze("قال غسان سلامة إن الحوار سيستأنف الشهر المقبل في جنيف، "
                       "مشددا على أهمية مشاركة كل الأطراف فيه.")
    c = claim_with(a, "أهمية مشاركة")
    assert "سلامة" in speaker_name(a, c)
    assert len(a.claims) == 2


def test_that_right_after_the_preposition_opens_the_content_instead() -> None:
    a = marsad.analyze("وشدد فايز السراج على أن الحكومة لن تقبل بأي تدخل أجنبي.")
    c = claim_with(a, "الحكومة لن تقبل")
    assert content(a, c).startswith("الحكومة")


def test_threatened_with_a_verbal_noun_is_a_claim() -> None:
    a = marsad.analyze("وهددت حكومة الوفاق الوطني بالانسحاب من الحوار إذا استمر القصف على العاصمة.")
    c = claim_with(a, "الانسحاب من الحوار")
    assert c.source_kind == "organization"


def test_a_threat_that_is_no_speech_is_no_claim() -> None:
    a = marsad.analyze("وارتفعت أسعار الوقود في الأسواق بشكل كبير، والأزمة تهدد بانهيار قطاع النقل.")
    assert a.claims == []


def test_an_agreement_that_provides_for_speaks_as_a_document() -> None:
    a = marsad.analyze("ونصت الاتفاقية الموقعة في الصخيرات على تشكيل حكومة وفاق خلال شهر واحد.")
    c = claim_with(a, "تشكيل حكومة")
    assert c.source_kind == "document"


def test_a_court_that_rules_speaks() -> None:
    a = marsad.analyze("وقضت محكمة استئناف مصراتة بسجن ثلاثة متهمين عشر سنوات بتهمة تهريب الوقود.")
    c = claim_with(a, "سجن ثلاثة متهمين")
    assert c.source_kind in ("organization", "document") and "مصراتة" in speaker_name(a, c)


def test_qada_ala_is_no_ruling() -> None:
    a = marsad.analyze("وقضت القوات على آخر جيوب المسلحين في الأحياء الجنوبية للمدينة.")
    assert a.claims == []


def test_a_condemnation_is_a_claim() -> None:
    a = marsad.analyze("ونددت وزارة الخارجية التونسية بالهجوم الذي استهدف مقر المفوضية في طرابلس.")
    c = claim_with(a, "الهجوم الذي استهدف")
    assert c.source_kind == "organization"


def test_ardafa_continues_the_last_speaker() -> None:
    a = marsad.analyze("قال أحمد المسماري إن القوات سيطرت على الميناء صباح اليوم. "
                       "وأردف أن الوحدات الهندسية بدأت نزع الألغام من الطرق المحيطة به.")
    c = claim_with(a, "الوحدات الهندسية")
    assert "المسماري" in speaker_name(a, c)


# -- references back and speakers around the cue (issue 17) --------------------------------------------------

def test_a_definite_title_head_refers_back_to_the_person_it_introduced() -> None:
    a = marsad.analyze("قال وزير الخارجية الإيطالي إنزو موافيرو إن بلاده ستستضيف مؤتمرا حول ليبيا. "
                       "وأضاف الوزير أن الدعوات وجهت إلى جميع الأطراف الليبية.")
    c = claim_with(a, "الدعوات وجهت")
    assert c.source_kind == "named_person" and "موافيرو" in speaker_name(a, c)


def test_a_title_head_with_another_adjective_names_someone_else() -> None:
    a = marsad.analyze("قال وزير الخارجية الإيطالي إنزو موافيرو إن بلاده ستستضيف مؤتمرا حول ليبيا. "
                       "وقال الوزير الفرنسي إن باريس ستشارك في المؤتمر.")
    assert not any("موافيرو" in speaker_name(a, c) for c in a.claims if "باريس" in content(a, c))


def test_the_official_after_a_named_minister_is_that_minister() -> None:
    a = marsad.analyze("قال وزير الداخلية فتحي باشاغا إن الأجهزة الأمنية ستنتشر في العاصمة. "
                       "وأضاف المسؤول الليبي أن الخطة تشمل كل المداخل الجنوبية.")
    c = claim_with(a, "الخطة تشمل")
    assert c.source_kind == "named_person" and "باشاغا" in speaker_name(a, c)


def test_the_official_after_an_anonymous_source_stays_anonymous() -> None:
    a = marsad.analyze("قال مسؤول في وزارة الداخلية إن الأجهزة الأمنية ستنتشر في العاصمة. "
                       "وأضاف المسؤول أن الخطة تشمل كل المداخل الجنوبية.")
    c = claim_with(a, "الخطة تشمل")
    assert c.source_kind == "anonymous"


def test_a_quotation_before_the_verb_is_what_the_speaker_after_it_says() -> None:
    a = marsad.analyze('وقالت امرأة من سكان الحي إن الماء مقطوع منذ أسبوع. '
                       '"لن نغادر بيوتنا مهما حدث"، يقول فايز السراج.')
    c = claim_with(a, "لن نغادر بيوتنا")
    assert c.quote and "السراج" in speaker_name(a, c)


def test_through_the_mouth_of_names_the_speaker_and_the_outlet_relays() -> None:
    a = marsad.analyze("ونقلت وكالة الأنباء الليبية على لسان أحمد المسماري قوله إن القوات دخلت المدينة فجرا.")
    c = claim_with(a, "القوات دخلت المدينة")
    assert "المسماري" in speaker_name(a, c)
    assert c.via and any("الأنباء" in a.entity(v).name for v in c.via)


def test_the_outlet_spoken_to_relays() -> None:
    a = marsad.analyze("وقال أحمد المسماري لقناة الجزيرة إن القوات تقدمت نحو وسط المدينة.")
    c = claim_with(a, "القوات تقدمت")
    assert "المسماري" in speaker_name(a, c)
    assert c.via and "الجزيرة" in a.entity(c.via[0]).name


def test_the_statement_continues_the_body_that_issued_it() -> None:
    a = marsad.analyze("وقالت المؤسسة الوطنية للنفط في بيان إن الإنتاج عاد إلى مستواه السابق. "
                       "وأضاف البيان أن الحقول الجنوبية استأنفت الضخ صباح اليوم.")
    c = claim_with(a, "الحقول الجنوبية")
    assert c.source_kind in ("organization", "document") and "للنفط" in speaker_name(a, c)


def test_the_person_called_on_after_a_body_is_not_the_speaker() -> None:
    a = marsad.analyze("ودعا المجلس الرئاسي خليفة حفتر إلى وقف الهجوم على العاصمة فورا.")
    c = claim_with(a, "وقف الهجوم")
    assert "حفتر" not in speaker_name(a, c) and "الرئاسي" in speaker_name(a, c)


def test_a_participle_used_as_an_adjective_is_no_claim() -> None:
    a = marsad.analyze("قال فايز السراج إن الحكومة ستدفع الرواتب هذا الشهر. "
                       "وفرضت الولايات المتحدة عقوبات مشددة على صادرات الحديد من عدة دول.")
    assert len(a.claims) == 1


def test_a_described_official_after_a_named_one_is_anonymous() -> None:
    a = marsad.analyze("قال وزير الداخلية فتحي باشاغا إن الأجهزة الأمنية ستنتشر في العاصمة. "
                       "وقال المسؤول في الوزارة، مشترطا عدم الكشف عن اسمه، إن الخطة تشمل كل المداخل الجنوبية.")
    c = claim_with(a, "الخطة تشمل")
    assert c.source_kind == "anonymous"


def test_bayna_between_two_names_is_no_cue() -> None:
    a = marsad.analyze("وشدد عمر البشير على قوة الروابط التي تجمع بين مصر والسودان، "
                       "قائلا: العلاقات بين البلدين تاريخية ولن تتأثر بأي خلاف.")
    assert all(normalise(c.cue_lemma or "") != normalise("بين") for c in a.claims)
    c = claim_with(a, "العلاقات بين البلدين تاريخية")
    assert "البشير" in speaker_name(a, c)


def test_a_statement_that_says_speaks_for_its_issuer() -> None:
    a = marsad.analyze("وأصدرت المؤسسة الوطنية للنفط بيانا جاء فيه: إن الموانئ النفطية ستفتح أمام الناقلات غدا.")
    c = claim_with(a, "الموانئ النفطية ستفتح")
    assert c.source_kind == "document" and "للنفط" in speaker_name(a, c)


def test_a_short_quoted_term_does_not_end_the_content() -> None:
    a = marsad.analyze('وأشار مصدر أمني إلى "تقديرات" أن الهجوم قد يتكرر في الأيام المقبلة.')
    c = claim_with(a, "الهجوم قد يتكرر")
    assert c.source_kind == "anonymous"


def test_a_spokesman_for_no_named_body_is_anonymous() -> None:
    a = marsad.analyze("وذكر متحدث باسم أسرة الضحايا أن الجثامين ستنقل إلى مدينة مصراتة غدا.")
    c = claim_with(a, "الجثامين ستنقل")
    assert c.source_kind == "anonymous"


def test_the_paper_before_its_verb_is_the_outlet_named_before() -> None:
    a = marsad.analyze("ونشرت صحيفة الوسط تقريرا عن الاشتباكات في الجنوب. "
                       "الصحيفة تقول إن المعارك أوقعت عشرات القتلى خلال يومين.")
    c = claim_with(a, "المعارك أوقعت")
    assert c.source_kind == "media" and "الوسط" in speaker_name(a, c)


def test_ali_right_after_the_cue_is_a_name_not_the_preposition() -> None:
    a = marsad.analyze("قال فايز السراج إن الحكومة ستدفع الرواتب هذا الشهر. "
                       "وشدد علي الزعتري في بيان على ضرورة إيصال المساعدات إلى المدنيين.")
    c = claim_with(a, "إيصال المساعدات")
    assert "الزعتري" not in content(a, c)


def test_background_with_wa_is_the_outlets_voice() -> None:
    a = marsad.analyze("قال فايز السراج إن الحكومة ستدفع الرواتب هذا الشهر. "
                       "ويذكر أن الحكومة تأخرت في دفع الرواتب ثلاثة أشهر متتالية.")
    assert not any("تأخرت" in content(a, c) for c in a.claims)


def test_a_joined_verb_shares_the_subject_of_the_opening_verb() -> None:
    a = marsad.analyze("وأصدرت المحكمة الجنائية الدولية مذكرة قبض بحق الرئيس السوداني عمر البشير، "
                       "وطالبت بتسليمه إليها في أقرب وقت.")
    c = claim_with(a, "تسليمه")
    assert "البشير" not in speaker_name(a, c) and "الجنائية" in speaker_name(a, c)


def test_a_speaker_named_by_the_end_of_a_full_name_is_that_person() -> None:
    a = marsad.analyze("قال مدير المرصد رامي عبد الرحمن إن القصف استهدف الأحياء الشرقية. "
                       "وقال عبد الرحمن إن عدد القتلى ارتفع إلى عشرين مدنيا.")
    first, second = claim_with(a, "القصف استهدف"), claim_with(a, "عدد القتلى")
    assert first.speaker and second.speaker == first.speaker


def test_a_participle_takes_the_subject_of_its_own_sentence() -> None:
    a = marsad.analyze("قال فايز السراج إن الحكومة ستدفع الرواتب هذا الشهر. "
                       "وفي ختام زيارته، انتقد وزير الخارجية الإيطالي إنزو موافيرو التدخل الأجنبي، "
                       "قائلا إن الحل يجب أن يكون ليبيا خالصا.")
    c = claim_with(a, "الحل يجب")
    assert "موافيرو" in speaker_name(a, c)
