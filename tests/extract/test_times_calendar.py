"""The calendar tables shared by ingest and `times`: normalised keys and lookups."""

from __future__ import annotations

import pytest

from marsad.text.calendar import (
    AM_PM, AMBIGUOUS_MONTHS, HIJRI_MONTHS, MONTHS, WEEKDAYS, hijri_month_number, month_number,
    weekday_number,
)
from marsad.text.normalise import normalise


@pytest.mark.parametrize("table", [MONTHS, HIJRI_MONTHS, WEEKDAYS, AM_PM])
def test_keys_are_normalised(table: dict[str, object]) -> None:
    for key in table:
        assert key == normalise(key), key


@pytest.mark.parametrize("word, half", [("صباحاً", "am"), ("مساءً", "pm"), ("م", "pm"), ("ص", "am"),
                                        ("فجراً", "am"), ("ظهرا", "pm")])
def test_am_pm_lookup_with_a_normalised_word(word: str, half: str) -> None:
    assert AM_PM[normalise(word)] == half


@pytest.mark.parametrize("word, number", [
    ("أكتوبر", 10), ("تشرين الأول", 10), ("تشرين  الأول", 10), ("جانفي", 1), ("آب", 8), ("أيلول", 9),
    ("شتنبر", 9), ("غير شهر", None),
])
def test_month_number(word: str, number: int | None) -> None:
    assert month_number(word) == number


@pytest.mark.parametrize("word, number", [("رمضان", 9), ("ذي الحجة", 12), ("جمادى الأولى", 5), ("ربيع الآخر", 4)])
def test_hijri_month_number(word: str, number: int) -> None:
    assert hijri_month_number(word) == number


@pytest.mark.parametrize("word, number", [("الأحد", 6), ("الإثنين", 0), ("الجمعة", 4), ("الخميس", 3)])
def test_weekday_number(word: str, number: int) -> None:
    assert weekday_number(word) == number


def test_ambiguous_months_are_months() -> None:
    assert AMBIGUOUS_MONTHS <= set(MONTHS)
