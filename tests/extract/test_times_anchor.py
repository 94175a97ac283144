"""Anchoring: arithmetic across month and year ends, weekday conflicts, no anchor, Hijri, ranges."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract.timex import dates as dt
from marsad.extract.timex import find_times


def one(text: str, published: str | None) -> tuple[str, str | None, str, list[str]]:
    """(text, value, precision, flags) of the single expression found in `text`."""
    found = find_times(text, published)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    t = found[0]
    return t.text, t.value, t.precision, t.flags


@pytest.mark.parametrize("text, published, value", [
    ("وصل الوفد أمس إلى المدينة.", "2017-01-01T09:00", "2016-12-31"),
    ("وصل الوفد أول أمس إلى المدينة.", "2016-03-01", "2016-02-28"),
    ("وصل الوفد أول أمس إلى المدينة.", "2015-03-01", "2015-02-27"),
    ("تبدأ الجولة غداً في المدينة.", "2016-12-31", "2017-01-01"),
    ("تبدأ الجولة غداً في المدينة.", "2016-02-28", "2016-02-29"),
    ("انتهى الاجتماع الشهر الماضي دون نتيجة.", "2017-01-15", "2016-12"),
    ("تبدأ المرحلة الشهر المقبل وفق الخطة.", "2016-12-20", "2017-01"),
    ("تراجعت الصادرات العام الماضي بشكل حاد.", "2017-01-02", "2016"),
    ("التقى الوزيران الأسبوع الماضي في تونس.", "2017-01-03", "2016-W52"),
    ("التقى الوزيران الأسبوع الجاري في تونس.", "2016-01-01", "2015-W53"),
    ("وصلت الشحنة قبل ثلاثة أيام إلى الميناء.", "2016-03-02", "2016-02-28"),
    ("غادر البلاد قبل شهرين إلى تركيا.", "2016-01-31", "2015-11"),
    ("جرى التوقيع في 28 ديسمبر الماضي.", "2017-01-05", "2016-12-28"),
    ("يعقد المؤتمر في 3 يناير المقبل.", "2016-12-20", "2017-01-03"),
    ("وقعت الحادثة في 30 ديسمبر.", "2017-01-04", "2016-12-30"),
    ("هاجم المسلحون القرية الجمعة الماضية.", "2017-01-02", "2016-12-30"),
    ("يصل المبعوث السبت المقبل.", "2016-12-29", "2016-12-31"),
    ("سقطت المدينة في ديسمبر الماضي بعد حصار.", "2017-01-10", "2016-12"),
])
def test_anchor_arithmetic_across_month_and_year_ends(text: str, published: str, value: str) -> None:
    assert one(text, published)[1] == value


def test_weekday_conflict_resolves_to_the_weekday() -> None:
    # 11 October 2016 was a Tuesday: «أمس» is Monday 10, the weekday says Sunday
    span, value, precision, flags = one("وقال في تصريحات ليلة أمس، الأحد، إن الهجوم فشل.", "2016-10-11T13:10")
    assert (span, value, precision) == ("ليلة أمس، الأحد", "2016-10-09", "day")
    assert "weekday_conflict" in flags


def test_agreeing_weekday_has_no_conflict() -> None:
    _, value, _, flags = one("وقال أمس الاثنين إن الهجوم فشل.", "2016-10-11")
    assert value == "2016-10-10" and "weekday_conflict" not in flags


def test_conflict_after_tomorrow_looks_forward() -> None:
    _, value, _, flags = one("تبدأ الجولة غدا الجمعة في جنيف.", "2016-10-11")
    assert value == "2016-10-14" and "weekday_conflict" in flags


def test_absolute_date_wins_over_its_weekday_and_is_flagged() -> None:
    _, value, _, flags = one("وقع الانفجار الأحد 11 أكتوبر 2016 في الميناء.", "2016-10-20")
    assert value == "2016-10-11" and "weekday_conflict" in flags


@pytest.mark.parametrize("text, precision", [
    ("قال المتحدث أمس إن القوات تقدمت.", "day"),
    ("التقى الطرفان الأسبوع الماضي في القاهرة.", "week"),
    ("انسحب المقاتلون الشهر الماضي من البلدة.", "month"),
    ("وصل النازحون منذ يومين إلى المخيم.", "day"),
    ("هاجم المسلحون الحاجز الأحد الماضي.", "day"),
    ("وقع الاتفاق في 25 أغسطس الماضي.", "day"),
])
def test_relative_without_anchor_is_unanchored(text: str, precision: str) -> None:
    _, value, prec, flags = one(text, None)
    assert value is None and prec == precision and "unanchored" in flags


@pytest.mark.parametrize("text, value", [
    ("وصل الوفد في 11 أكتوبر 2016 إلى المدينة.", "2016-10-11"),
    ("تأسس المجلس في عام 2014 بعد الانتخابات.", "2014"),
    ("صدر القرار بتاريخ 9/10/2016 عن المجلس.", "2016-10-09"),
    ("بدأ الصيام في 1 رمضان 1437 هـ في أغلب البلدان.", "2016-06-06"),
])
def test_absolute_without_anchor_still_resolves(text: str, value: str) -> None:
    _, got, _, flags = one(text, None)
    assert got == value and "unanchored" not in flags


def test_unparsable_anchor_counts_as_none() -> None:
    _, value, _, flags = one("قال المتحدث أمس إن القوات تقدمت.", "yesterday-ish")
    assert value is None and "unanchored" in flags


@pytest.mark.parametrize("text, value, precision", [
    ("أعلنت الهيئة يوم 15 رمضان 1437 هـ موعد الإفطار.", "2016-06-20", "day"),
    ("صدر القرار في الخامس عشر من رمضان 1437 هـ.", "2016-06-20", "day"),
    ("صدر القرار في 10 محرم 1438 هـ بعد التشاور.", "2016-10-11", "day"),
    ("وقعت الأحداث في رمضان 1437 هـ في عدة مدن.", "2016-06-06/2016-07-05", "range"),
])
def test_hijri_dates(text: str, value: str, precision: str) -> None:
    _, got, prec, _ = one(text, "2016-10-11")
    assert (got, prec) == (value, precision)


def test_hijri_day_without_year_takes_the_nearest_year() -> None:
    _, value, _, _ = one("يبدأ الاحتفال في 1 شوال بحسب اللجنة.", "2016-06-20")
    assert value == "2016-07-06"


@pytest.mark.parametrize("text, value", [
    ("تستمر الدورة من 5 إلى 10 أكتوبر في العاصمة.", "2016-10-05/2016-10-10"),
    ("ارتفعت الأسعار بين عامي 2014 و2016 بشكل كبير.", "2014/2016"),
    ("نشرت الخطة الخمسية 2016-2020 أمس.", None),
    ("تراجع الإنتاج في الفترة من يناير إلى مارس 2015.", "2015-01/2015-03"),
    ("انعقدت الجلسات من 28 ديسمبر 2015 إلى 3 يناير 2016.", "2015-12-28/2016-01-03"),
])
def test_ranges(text: str, value: str | None) -> None:
    found = find_times(text, "2016-10-11")
    if value is None:  # a year span next to another expression
        assert found[0].value == "2016/2020" and found[0].precision == "range"
        return
    assert [(t.value, t.precision) for t in found] == [(value, "range")]


def test_reversed_range_is_rejected() -> None:
    assert [t.value for t in find_times("تراجع الإنتاج بين عامي 2016 و2014.", None)] != ["2016/2014"]


@pytest.mark.parametrize("anchor, weekday, direction, expected", [
    (date(2016, 10, 11), 6, -1, date(2016, 10, 9)),
    (date(2016, 10, 11), 1, -1, date(2016, 10, 4)),
    (date(2016, 10, 11), 1, 0, date(2016, 10, 11)),
    (date(2016, 10, 11), 1, 1, date(2016, 10, 18)),
    (date(2016, 12, 30), 6, 1, date(2017, 1, 1)),
])
def test_nearest_weekday(anchor: date, weekday: int, direction: int, expected: date) -> None:
    assert dt.nearest_weekday(anchor, weekday, direction) == expected


@pytest.mark.parametrize("day, unit, count, expected", [
    (date(2016, 3, 31), "month", -1, date(2016, 2, 29)),
    (date(2016, 1, 31), "month", 1, date(2016, 2, 29)),
    (date(2016, 2, 29), "year", 1, date(2017, 2, 28)),
    (date(2016, 12, 31), "day", 1, date(2017, 1, 1)),
])
def test_shift_clamps_month_ends(day: date, unit: str, count: int, expected: date) -> None:
    assert dt.shift(day, unit, count) == expected


@pytest.mark.parametrize("published, expected", [
    ("2016-10-11T13:10:00", date(2016, 10, 11)),
    ("2016-10-11T13:10:00+02:00", date(2016, 10, 11)),
    ("2016-10-11T13:10:00Z", date(2016, 10, 11)),
    ("2016-10-11", date(2016, 10, 11)),
    ("2016-10-11 xx", date(2016, 10, 11)),
    ("", None),
    (None, None),
    ("2016-13-40", None),
])
def test_parse_anchor(published: str | None, expected: date | None) -> None:
    assert dt.parse_anchor(published) == expected


def test_very_long_ago_is_not_a_date() -> None:
    assert find_times("بنيت المدينة قبل 3000 عام على الساحل.", "2016-10-11") == []


def test_arithmetic_beyond_the_calendar_does_not_raise() -> None:
    found = find_times("وصل الوفد غداً إلى المدينة.", "9999-12-31")
    assert [(t.value, t.flags) for t in found] == [(None, ["out_of_range"])]
