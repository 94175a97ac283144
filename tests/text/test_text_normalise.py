"""Normalisation for matching and its offset map back to the original text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalise import DROPPED, normalise, normalise_with_map


@pytest.mark.parametrize(("raw", "norm"), [
    ("أحمد", "احمد"),
    ("إبراهيم", "ابراهيم"),
    ("آمر", "امر"),
    ("ٱلله", "الله"),
    ("مصطفى", "مصطفي"),
    ("شئون", "شيون"),
    ("مؤسسة", "موسسه"),
    ("القوة", "القوه"),
    ("جيـــش", "جيش"),
    ("مُحَمَّدٌ", "محمد"),
    ("سيطرةً", "سيطره"),
    ("٢٠١٦", "2016"),
    ("۱۳۹۵", "1395"),
    ("٣٫٥٪", "3.5%"),
    ("١٬٠٠٠", "1,000"),
    ("\u200fحفتر\u200e", "حفتر"),
    ("حف\u200bتر", "حفتر"),
    ("\u202bطرابلس\u202c", "طرابلس"),
    ("\ufeffليبيا", "ليبيا"),
    ("بنغازي\u00a0اليوم", "بنغازي اليوم"),
    ("Haftar 2016", "Haftar 2016"),
])
def test_normalise(raw: str, norm: str) -> None:
    assert normalise(raw) == norm


def test_unchanged_text_has_no_deletions() -> None:
    nt = normalise_with_map("أحمد في بنغازي")
    assert nt.norm == "احمد في بنغازي"
    assert nt.deleted == []
    assert nt.to_original(3) == 3 and nt.to_norm(3) == 3


def test_offsets_skip_deleted_marks() -> None:
    text = "قال مُحَمَّد إن جيـــش حفتر"
    nt = normalise_with_map(text)
    i = nt.norm.index("جيش")
    s, e = nt.span(i, i + 3)
    assert text[s:e] == "جيـــش"
    j = nt.norm.index("محمد")
    s, e = nt.span(j, j + 4)
    assert text[s:e] == "مُحَمَّد"  # the final shadda and fatha belong to the last letter
    assert nt.to_norm(text.index("حفتر")) == nt.norm.index("حفتر")


def test_span_end_keeps_trailing_diacritics_but_not_bidi_marks() -> None:
    text = "حفترُ\u200f وصل"
    nt = normalise_with_map(text)
    s, e = nt.span(0, 4)
    assert text[s:e] == "حفترُ"


def test_empty_span_and_end_of_text() -> None:
    text = "بنغازيَ"
    nt = normalise_with_map(text)
    assert nt.span(2, 2) == (2, 2)
    assert nt.to_original(len(nt.norm)) == len(text)
    assert nt.span(0, len(nt.norm)) == (0, len(text))


def test_deleted_character_maps_to_next_kept_one() -> None:
    text = "جَيش"
    nt = normalise_with_map(text)
    assert nt.to_norm(1) == 1  # the fatha maps to the ي after it
    assert nt.norm[nt.to_norm(2)] == "ي"


_ARABIC_CHARS = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآىةؤئ٠١٢٣٤٥٦٧٨٩ .،")
    + ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u0640", "\u200f", "\u200e",
       "\u200b", "\u202b", "\u202c", "\u2067", "\u2069", "\u061c", "\ufeff", "\u0670"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ARABIC_CHARS, max_size=60).map("".join))
def test_offset_map_round_trips(text: str) -> None:
    nt = normalise_with_map(text)
    assert nt.norm == normalise(text)
    assert len(nt.norm) == len(text) - len(nt.deleted)
    for i, ch in enumerate(nt.norm):
        o = nt.to_original(i)
        assert text[o] not in DROPPED
        assert normalise(text[o]) == ch
        assert nt.to_norm(o) == i
    for i in range(len(nt.norm)):
        for j in range(i + 1, min(len(nt.norm), i + 6) + 1):
            s, e = nt.span(i, j)
            assert normalise(text[s:e]) == nt.norm[i:j]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_text_normalises_one_to_one_or_one_to_none(text: str) -> None:
    nt = normalise_with_map(text)
    kept = [c for c in text if c not in DROPPED]
    assert len(kept) == len(nt.norm)
    assert all(nt.to_norm(nt.to_original(i)) == i for i in range(len(nt.norm)))


@settings(max_examples=200, deadline=None)
@given(st.lists(_ARABIC_CHARS, min_size=40, max_size=200).map("".join))
def test_long_texts_normalise_like_their_characters(text: str) -> None:
    # long texts take a different (faster) path than short ones: both must agree
    assert normalise(text) == "".join(normalise(ch) for ch in text)
