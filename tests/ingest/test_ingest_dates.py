"""Header and metadata dates: Arabic, Levantine and Maghrebi months, digits, ص/م, RFC 822, ISO."""

from __future__ import annotations

import pytest

from marsad.ingest.dates import ParsedDate, parse_date


@pytest.mark.parametrize(("text", "value", "precision"), [
    ("الثلاثاء 11 أكتوبر 2016 01:10 م", "2016-10-11T13:10:00", "minute"),
    ("الثلاثاء 11 أكتوبر 2016 01:10 ص", "2016-10-11T01:10:00", "minute"),
    ("11 أكتوبر 2016 12:30 م", "2016-10-11T12:30:00", "minute"),
    ("11 أكتوبر 2016 12:05 ص", "2016-10-11T00:05:00", "minute"),
    ("11 أكتوبر 2016 9:15 مساءً", "2016-10-11T21:15:00", "minute"),
    ("11 اكتوبر 2016", "2016-10-11", "day"),
    ("11 تشرين الأول 2016", "2016-10-11", "day"),
    ("الأحد 18 فبراير/شباط 2018", "2018-02-18", "day"),
    ("18 شباط/فبراير 2018", "2018-02-18", "day"),
    ("11 أكتوبر (تشرين الأول) 2016", "2016-10-11", "day"),
    ("25 جانفي 2014", "2014-01-25", "day"),
    ("3 أفريل 2015", "2015-04-03", "day"),
    ("14 جويلية 2017", "2017-07-14", "day"),
    ("٢٣ آب ٢٠١٧", "2017-08-23", "day"),
    ("الثلاثاء ١١ أكتوبر ٢٠١٦ ٠١:١٠ م", "2016-10-11T13:10:00", "minute"),
    ("2016/10/11", "2016-10-11", "day"),
    ("11-10-2016", "2016-10-11", "day"),
    ("11/10/2016 - 08:05", "2016-10-11T08:05:00", "minute"),
    ("آخر تحديث: 11/10/2016 - 12:30 م", "2016-10-11T12:30:00", "minute"),
    ("نشر في: الثلاثاء 10 محرم 1438 هـ - 11 أكتوبر 2016", "2016-10-11", "day"),
    ("أكتوبر 2016", "2016-10", "month"),
    ("11أكتوبر2016", "2016-10-11", "day"),
    ("الثلاثاء، 11 أكتوبر، 2016", "2016-10-11", "day"),
    ("تاريخ النشر: 2016-10-11 13:10", "2016-10-11T13:10:00", "minute"),
    ("11 أكتوبر 2016 الساعة 13:10 بتوقيت غرينتش", "2016-10-11T13:10:00", "minute"),
    ("الثلاثاء 10 محرم 1438هـ الموافق 11 أكتوبر 2016م", "2016-10-11", "day"),
    ("10 محرم 1438 هـ", "2016-10-11", "day"),  # Hijri alone: converted (Umm al-Qura)
    ("Tuesday 11 October 2016", "2016-10-11", "day"),
    ("11.10.2016", "2016-10-11", "day"),
    ("Sun, 18 Feb 2018 18:10:45 +0400", "2018-02-18T18:10:45+04:00", "minute"),
    ("Sun, 18 Feb 2018 03:31:01 GMT", "2018-02-18T03:31:01+00:00", "minute"),
    ("18 Feb 2018", "2018-02-18", "day"),
    ("October 11, 2016", "2016-10-11", "day"),
    ("2016-10-11T13:10:00", "2016-10-11T13:10:00", "minute"),
    ("2016-10-11T13:10:00Z", "2016-10-11T13:10:00+00:00", "minute"),
    ("2016-10-11T13:10:00.123+02:00", "2016-10-11T13:10:00+02:00", "minute"),
    ("2016-10-11", "2016-10-11", "day"),
    ("2016-10", "2016-10", "month"),
    ("2016", "2016", "year"),
])
def test_parses(text: str, value: str, precision: str) -> None:
    found = parse_date(text)
    assert found is not None, text
    assert (found.value, found.precision) == (value, precision)
    assert not found.weekday_mismatch


@pytest.mark.parametrize("text", [
    "",
    "   ",
    "انشقاقات وتمرد في صفوف الجيش",
    "قال المتحدث إن الاجتماع عقد في 11 أكتوبر 2016 في العاصمة",  # a sentence, not a date line
    "31 فبراير 2016",           # no such day
    "منذ 3 ساعات",
    "10 محرم",                  # a Hijri day without a year
    "40 محرم 1438",
    "11 فبراير/آذار 2016",      # a pair of month names that disagree
    "2016-13-01",
    "25:10 11 أكتوبر 2016",
    "hello world",
    "x" * 500,
])
def test_refuses(text: str) -> None:
    assert parse_date(text) is None


def test_weekday_mismatch_is_reported() -> None:
    found = parse_date("الاثنين 11 أكتوبر 2016 01:10 م")
    assert found == ParsedDate("2016-10-11T13:10:00", "minute", True, "الاثنين")
    assert found.warning == "date line says الاثنين but 2016-10-11 is a Tuesday"


def test_weekday_with_hamza_is_matched_normalised() -> None:
    found = parse_date("الإثنين 10 أكتوبر 2016")
    assert found is not None and not found.weekday_mismatch and found.warning is None


def test_rfc822_weekday_mismatch() -> None:
    found = parse_date("Mon, 18 Feb 2018 03:31:01 GMT")
    assert found is not None and found.weekday_mismatch
    assert found.warning == "date line says Mon but 2018-02-18 is a Sunday"


def test_hijri_weekday_mismatch() -> None:
    found = parse_date("الاثنين 10 محرم 1438 هـ")
    assert found is not None and found.value == "2016-10-11" and found.weekday_mismatch


def test_month_precision_ignores_weekday() -> None:
    found = parse_date("الاثنين أكتوبر 2016")
    assert found is not None and found.value == "2016-10" and not found.weekday_mismatch
