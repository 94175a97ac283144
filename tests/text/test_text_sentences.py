"""Sentence splitting on news layout (sentences written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.text.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_newlines_end_sentences_and_blank_lines_are_skipped() -> None:
    text = "وصل الوفد إلى المدينة\n\nوبدأت المحادثات صباحا\nثم توقفت"
    assert _texts(text) == ["وصل الوفد إلى المدينة", "وبدأت المحادثات صباحا", "ثم توقفت"]


def test_headline_and_date_line_are_their_own_sentences() -> None:
    text = ("اشتباكات جديدة قرب المطار\n\nالأحد 3 مارس 2019 10:45 ص\n\n"
            "قالت مصادر محلية إن الاشتباكات تجددت. وأضافت أن الطريق أغلق.")
    assert _texts(text) == [
        "اشتباكات جديدة قرب المطار",
        "الأحد 3 مارس 2019 10:45 ص",
        "قالت مصادر محلية إن الاشتباكات تجددت.",
        "وأضافت أن الطريق أغلق.",
    ]


def test_date_line_ending_in_an_era_marker_is_one_sentence() -> None:
    text = "عنوان الخبر\nالخميس 5 يناير 2017 م.\nالنص يبدأ هنا."
    assert _texts(text) == ["عنوان الخبر", "الخميس 5 يناير 2017 م.", "النص يبدأ هنا."]


@pytest.mark.parametrize("mark", [".", "!", "?", "؟"])
def test_end_marks_split(mark: str) -> None:
    text = f"هل انتهت المعركة{mark} لا أحد يعرف."
    assert _texts(text) == [f"هل انتهت المعركة{mark}", "لا أحد يعرف."]


def test_comma_and_semicolon_do_not_split() -> None:
    text = "وصل القائد، ثم اجتمع بالضباط؛ وبعدها غادر."
    assert _texts(text) == [text]


@pytest.mark.parametrize("text", [
    "بدأ الهجوم عند الساعة 01:10 فجرا واستمر ساعتين.",
    "ارتفع الإنتاج إلى 3.5 مليون برميل في اليوم.",
    "تراجع التضخم بنسبة 2.5% خلال العام.",
    "بلغت الخسائر 1,000 دينار في 11.10.2016 وفق التقرير.",
    "نشر البيان على www.example.org ثم حذف.",
])
def test_numbers_times_and_names_with_dots_do_not_split(text: str) -> None:
    assert _texts(text) == [text]


@pytest.mark.parametrize("text", [
    "استقبل د. سالم الوفد في مكتبه.",
    "وقع م. خالد العقد أمس.",
    "قابل الوزير أ. فاطمة في الجامعة.",
    "التقى Dr. Smith بالمسؤولين في المدينة.",
    "وصف J. Brown الوضع بالصعب.",
])
def test_abbreviations_do_not_split(text: str) -> None:
    assert _texts(text) == [text]


def test_time_marker_after_a_number_ends_the_sentence() -> None:
    text = "انطلقت القافلة في الساعة 9 ص. ووصلت ظهرا."
    assert _texts(text) == ["انطلقت القافلة في الساعة 9 ص.", "ووصلت ظهرا."]


def test_number_at_sentence_end_splits() -> None:
    text = "جرى ذلك في عام 2016. ثم تغير كل شيء."
    assert _texts(text) == ["جرى ذلك في عام 2016.", "ثم تغير كل شيء."]


def test_numbered_list_items_are_not_split_after_the_number() -> None:
    text = "المطالب هي:\n1. وقف إطلاق النار\n2. فتح الطرق. وهذا مهم\nوقال آخرون: 1. الأمن 2. الخدمات"
    assert _texts(text) == [
        "المطالب هي:", "1. وقف إطلاق النار", "2. فتح الطرق.", "وهذا مهم",
        "وقال آخرون: 1. الأمن 2. الخدمات",
    ]


@pytest.mark.parametrize(("open_", "close"), [('"', '"'), ("«", "»"), ("“", "”")])
def test_quote_spanning_a_sentence_end_stays_with_its_sentence(open_: str, close: str) -> None:
    text = f"وقال القائد: {open_}لن نتراجع. سنواصل التقدم.{close} وأضاف أن المعارك مستمرة."
    assert _texts(text) == [
        f"وقال القائد: {open_}لن نتراجع. سنواصل التقدم.{close}",
        "وأضاف أن المعارك مستمرة.",
    ]


def test_closing_quote_after_the_full_stop_belongs_to_the_sentence_before() -> None:
    text = 'وأكد المتحدث "انتهت المهمة." ثم غادر القاعة.'
    sents = _texts(text)
    assert sents[0].endswith('المهمة."')
    assert sents[1] == "ثم غادر القاعة."


def test_unclosed_quote_is_bounded_by_its_paragraph() -> None:
    text = ('وقال: "الوضع صعب. والخطر قائم. ولا حل قريبا\n'
            "وفي سياق آخر وصل الوفد. وبدأ الاجتماع.")
    assert _texts(text) == [
        'وقال: "الوضع صعب.', "والخطر قائم.", "ولا حل قريبا",
        "وفي سياق آخر وصل الوفد.", "وبدأ الاجتماع.",
    ]


def test_parentheses_hold_their_full_stops() -> None:
    text = "وصل المبعوث (وهو دبلوماسي سابق. عمل في روما) إلى طرابلس. ثم التقى الوزير."
    assert _texts(text) == ["وصل المبعوث (وهو دبلوماسي سابق. عمل في روما) إلى طرابلس.",
                            "ثم التقى الوزير."]


def test_missing_space_after_full_stop_still_splits() -> None:
    assert _texts("انتهى الاجتماع.وغادر الجميع.") == ["انتهى الاجتماع.", "وغادر الجميع."]


def test_ellipsis_is_a_pause() -> None:
    text = "قال إن الوضع... صعب جدا… ولكنه تحسن."
    assert _texts(text) == [text]


def test_offsets_are_trimmed_and_point_into_the_original() -> None:
    text = "  \u200fبدأ الاجتماع.   وانتهى مساء.  \n\n ــــ \n"
    sents = split_sentences(text)
    assert [text[s.start:s.end] for s in sents] == ["بدأ الاجتماع.", "وانتهى مساء."]
    assert sents[0].start == text.index("بدأ")


def test_windows_line_endings() -> None:
    assert _texts("العنوان\r\n\r\nالنص.\r\n") == ["العنوان", "النص."]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t") == []


@pytest.mark.shared
def test_reference_article_splits_into_title_date_line_and_paragraphs(reference_article: Path) -> None:
    text = reference_article.read_text(encoding="utf-8")
    sents = split_sentences(text)
    first_lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    # the title and the date line are exactly one sentence each
    assert text[sents[0].start:sents[0].end] == first_lines[0]
    assert text[sents[1].start:sents[1].end] == first_lines[1]
    assert text[sents[1].start:sents[1].end].startswith("الثلاثاء 11")
    assert text[sents[1].start:sents[1].end].endswith("01:10 م")
    starts = [text[s.start:s.start + 12] for s in sents]
    for para in first_lines[2:]:
        assert para[:12] in starts  # every paragraph starts a sentence
    assert any(s.startswith("وقال مصدر") for s in starts)
    assert any(s.startswith("وكان الناطق") for s in starts)
    # no sentence crosses a line
    assert all("\n" not in text[s.start:s.end] for s in sents)
    # the paragraph with an unclosed quotation does not swallow the next one
    last = sents[-1]
    assert text[last.start:last.start + 11] == "وكان الناطق"


def test_mixed_quotation_marks_close_each_other() -> None:
    text = 'وقال المتحدث إن "الوفد وصل. والاجتماع بدأ». وأضاف أن «النتائج مهمة». ثم غادر "سريعا" القاعة.'
    assert _texts(text) == [
        'وقال المتحدث إن "الوفد وصل. والاجتماع بدأ».',
        "وأضاف أن «النتائج مهمة».",
        'ثم غادر "سريعا" القاعة.',
    ]


def test_straight_quote_inside_guillemets() -> None:
    text = 'قال: «سمعنا "انفجارا" قويا. ثم هرعنا». وصلت الإسعاف.'
    assert _texts(text) == ['قال: «سمعنا "انفجارا" قويا. ثم هرعنا».', "وصلت الإسعاف."]


def test_a_never_closed_straight_quote_does_not_pair_with_a_later_opening_one() -> None:
    text = 'وأضاف أن "الأسرى بخير. وأكد البيان أن ما نشر "مفبرك" تماما. وانتهى اللقاء.'
    assert _texts(text) == ['وأضاف أن "الأسرى بخير.', 'وأكد البيان أن ما نشر "مفبرك" تماما.',
                            "وانتهى اللقاء."]


@pytest.mark.parametrize("text", [
    "ونقلت شبكة سي.إن.إن عن مسؤولين أن الوفد وصل.",
    "وذكرت بي.بي.سي أن المحادثات انتهت.",
    "وقال موقع العربية.نت إن الاجتماع تأجل.",
    "التقى جورج دبليو. بوش بالوفد في البيت الأبيض.",
])
def test_dotted_acronyms_and_spelled_initials_do_not_split(text: str) -> None:
    assert _texts(text) == [text]


def test_dotted_acronym_at_the_end_of_a_sentence() -> None:
    assert _texts("نقلت الخبر بي.بي.سي. وأكدته مصادر أخرى.") == [
        "نقلت الخبر بي.بي.سي.", "وأكدته مصادر أخرى."]
