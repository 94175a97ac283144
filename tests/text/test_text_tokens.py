"""Tokens with offsets, normalised forms and proclitics (sentences written for these tests)."""

from __future__ import annotations

import pytest

from marsad.model import Sentence
from marsad.text.sentences import split_sentences
from marsad.text.tokens import tokenize


def _tok(text: str) -> list[str]:
    return [t.text for t in tokenize(text, [Sentence(0, len(text))])]


def test_offsets_point_into_the_original_text() -> None:
    text = "وصل الوفدُ إلى «طرابلس»، صباحاً."
    toks = tokenize(text, split_sentences(text))
    assert all(text[t.start:t.end] == t.text for t in toks)
    assert [t.text for t in toks] == ["وصل", "الوفدُ", "إلى", "«", "طرابلس", "»", "،", "صباحاً", "."]


@pytest.mark.parametrize(("text", "expected"), [
    ("عند 01:10 فجرا", ["عند", "01:10", "فجرا"]),
    ("نما 3.5 بالمئة", ["نما", "3.5", "بالمئة"]),
    ("قرابة 1,000 مقاتل", ["قرابة", "1,000", "مقاتل"]),
    ("بنسبة 2.5%", ["بنسبة", "2.5", "%"]),
    ("بتاريخ 11/10/2016", ["بتاريخ", "11/10/2016"]),
    ("نحو ١٢٠٠ جندي", ["نحو", "١٢٠٠", "جندي"]),
    ("عام 2016م", ["عام", "2016", "م"]),
    ("في عام 2016.", ["في", "عام", "2016", "."]),
])
def test_numbers_are_kept_whole(text: str, expected: list[str]) -> None:
    assert _tok(text) == expected


def test_punctuation_marks_are_each_their_own_token() -> None:
    assert _tok('قال: "لا"!؟') == ["قال", ":", '"', "لا", '"', "!", "؟"]
    assert _tok("(غرب طرابلس)،") == ["(", "غرب", "طرابلس", ")", "،"]


def test_latin_words_hashtags_mentions_urls_emails() -> None:
    text = "نشرت BBC عبر https://example.com/news?id=7. و www.example.org، #القطاع_الخاص @marsad_bot info@example.org G20"
    assert _tok(text) == [
        "نشرت", "BBC", "عبر", "https://example.com/news?id=7", ".", "و", "www.example.org", "،",
        "#القطاع_الخاص", "@marsad_bot", "info@example.org", "G20",
    ]


def test_diacritics_and_tatweel_stay_inside_words_and_norm_drops_them() -> None:
    text = "جَيْشُ الـقـوات"
    toks = tokenize(text, [Sentence(0, len(text))])
    assert [t.text for t in toks] == ["جَيْشُ", "الـقـوات"]
    assert [t.norm for t in toks] == ["جيش", "القوات"]


def test_invisible_marks_are_not_tokens() -> None:
    text = "\u200fحفتر\u200e \u202bوصل\u202c"
    assert [t.norm for t in tokenize(text, [Sentence(0, len(text))])] == ["حفتر", "وصل"]


def test_norm_is_the_normalised_text() -> None:
    text = "أكدت الإدارة مسؤوليتها"
    assert [t.norm for t in tokenize(text, [Sentence(0, len(text))])] == ["اكدت", "الاداره", "مسووليتها"]


def test_tokens_carry_their_sentence_index() -> None:
    text = "العنوان هنا\nجملة أولى. جملة ثانية."
    toks = tokenize(text, split_sentences(text))
    assert [t.sentence for t in toks] == [0, 0, 1, 1, 1, 2, 2, 2]


def test_proclitics_set_prefix_stem_and_stem_start() -> None:
    text = "وانسحب الجنود للقوات وحفتر بالمال وبالجنوب"
    toks = {t.text: t for t in tokenize(text, [Sentence(0, len(text))])}
    t = toks["للقوات"]
    assert (t.prefix, t.stem) == ("لل", "قوات")
    assert text[t.stem_start:t.end] == "قوات"
    t = toks["وحفتر"]
    assert (t.prefix, t.stem, text[t.stem_start:t.end]) == ("و", "حفتر", "حفتر")
    t = toks["وبالجنوب"]
    assert (t.prefix, t.stem, text[t.stem_start:t.end]) == ("وبال", "جنوب", "جنوب")


def test_stem_start_skips_diacritics_and_tatweel_of_the_prefix() -> None:
    text = "وَالجَيْشُ بالـمال"
    toks = tokenize(text, [Sentence(0, len(text))])
    assert [(t.prefix, t.stem, text[t.stem_start:t.end]) for t in toks] == [
        ("وال", "جيش", "جَيْشُ"), ("بال", "مال", "مال"),
    ]


def test_words_without_proclitics_have_stem_equal_to_norm() -> None:
    text = "بلال ووليد في لبنان"
    toks = tokenize(text, [Sentence(0, len(text))])
    assert [(t.prefix, t.stem) for t in toks] == [("", "بلال"), ("و", "وليد"), ("", "في"), ("", "لبنان")]
    assert all(t.stem_start == t.start for t in toks if not t.prefix)


def test_latin_and_numbers_are_never_split() -> None:
    text = "Bilal 2016 #والجيش"
    toks = tokenize(text, [Sentence(0, len(text))])
    assert all(t.prefix == "" for t in toks)


def test_to_dict_has_proclitic_fields_only_when_split() -> None:
    text = "والجيش وصل"
    d = [t.to_dict() for t in tokenize(text, [Sentence(0, len(text))])]
    assert d[0]["prefix"] == "وال" and d[0]["stem"] == "جيش" and d[0]["stem_start"] == 3
    assert "prefix" not in d[1]


def test_stray_marks_and_tatweel_runs_are_not_tokens() -> None:
    text = "قال \u064e ــــ \u200c وصل"
    toks = tokenize(text, [Sentence(0, len(text))])
    assert [t.text for t in toks] == ["قال", "وصل"]
    assert all(t.norm for t in toks)


def test_tokenize_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    text = "وصل الوفد."
    assert gc.isenabled()
    tokenize(text, [Sentence(0, len(text))])
    assert gc.isenabled()
    gc.disable()
    try:
        tokenize(text, [Sentence(0, len(text))])
        assert not gc.isenabled()
    finally:
        gc.enable()
