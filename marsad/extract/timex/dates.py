"""Calendar arithmetic for anchoring: the anchor date, month shifts, weekdays, ISO weeks, Hijri.

All functions are pure and work on `datetime.date`; values are rendered as ISO 8601 prefixes
("2016-10-11", "2016-10", "2016", "2016-W41", "2014-SU").
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from hijridate import Gregorian, Hijri

#: news mostly looks back: a date without a year is put in the future only when it is more than
#: this many times closer to the anchor than its past occurrence
FUTURE_WEIGHT = 2
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_anchor(published: str | None) -> date | None:
    """The day of an ISO publication date or datetime ("2016-10-11T13:10:00+02:00"), or None."""
    if not published:
        return None
    text = published.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = _ISO_DAY.match(text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def valid_day(year: int, month: int, day: int) -> date | None:
    """The date, or None when the triple is not a real calendar day."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(day: date, months: int) -> tuple[int, int]:
    """(year, month) `months` months after `day`'s month (negative for before)."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def shift(day: date, unit: str, count: int) -> date:
    """`day` moved by `count` units (day, week, month or year); month ends are clamped."""
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    months = count if unit == "month" else count * 12
    year, month = add_months(day, months)
    for d in (day.day, 30, 29, 28):
        out = valid_day(year, month, d)
        if out is not None:
            return out
    raise ValueError(f"cannot shift {day} by {count} {unit}")  # unreachable: day 28 always exists


def iso_week(day: date) -> str:
    """The ISO week of `day` as "2016-W41"."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def nearest_weekday(anchor: date, weekday: int, direction: int) -> date:
    """The `weekday` nearest to `anchor`: strictly before (direction -1), strictly after (+1), or
    on or before (0)."""
    if direction > 0:
        delta = (weekday - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=delta)
    delta = (anchor.weekday() - weekday) % 7
    if direction < 0 and delta == 0:
        delta = 7
    return anchor - timedelta(days=delta)


def year_for_day(anchor: date, month: int, day: int, direction: int | None,
                 future_weight: float = FUTURE_WEIGHT) -> date | None:
    """The year of a «day month» without a year: the last one before the anchor (direction -1),
    the next one after it (+1), the anchor's year (0), or the one nearest to the anchor (None; a
    future date's distance counts `future_weight` times)."""
    cands = [d for d in (valid_day(anchor.year + k, month, day) for k in (-1, 0, 1)) if d]
    if not cands:
        return None
    if direction == 0:
        return valid_day(anchor.year, month, day)
    if direction is not None and direction < 0:
        past = [d for d in cands if d < anchor]
        return max(past) if past else None
    if direction is not None and direction > 0:
        future = [d for d in cands if d > anchor]
        return min(future) if future else None
    return min(cands, key=lambda d: abs((d - anchor).days) * (future_weight if d > anchor else 1))


def year_for_month(anchor: date, month: int, direction: int | None, future_weight: float = FUTURE_WEIGHT) -> int:
    """The year of a month named without a year (see `year_for_day`; months, not days)."""
    here = anchor.year * 12 + anchor.month - 1
    cands = [(anchor.year + k) * 12 + month - 1 for k in (-1, 0, 1)]
    if direction == 0:
        return anchor.year
    if direction is not None and direction < 0:
        return max(c for c in cands if c < here) // 12
    if direction is not None and direction > 0:
        return min(c for c in cands if c > here) // 12
    return min(cands, key=lambda c: abs(c - here) * (future_weight if c > here else 1)) // 12


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def year_for_season(anchor: date, code: str, direction: int) -> int:
    """The year of «الصيف الماضي» / «الشتاء المقبل» / «هذا الصيف» relative to the anchor."""
    first, last = SEASON_MONTHS[code]
    if direction == 0:
        return anchor.year
    if direction < 0:
        end_month = 14 if code == "WI" else last
        return anchor.year if anchor.month > end_month else anchor.year - 1
    return anchor.year if anchor.month < first else anchor.year + 1


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a Hijri (Umm al-Qura) date, or None when out of the supported range."""
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)


def hijri_month_range(year: int, month: int) -> tuple[date, date] | None:
    """First and last Gregorian days of a Hijri month, or None when out of range."""
    try:
        first = Hijri(year, month, 1)
        length = first.month_length()
        g1 = first.to_gregorian()
    except (ValueError, OverflowError):
        return None
    start = date(g1.year, g1.month, g1.day)
    return start, start + timedelta(days=length - 1)


def hijri_year_range(year: int) -> tuple[date, date] | None:
    """First and last Gregorian days of a Hijri year, or None when out of range."""
    first = hijri_month_range(year, 1)
    last = hijri_month_range(year, 12)
    if first is None or last is None:
        return None
    return first[0], last[1]


def hijri_year_of(day: date) -> int | None:
    """The Hijri year in which a Gregorian day falls, or None when out of range."""
    try:
        return Gregorian(day.year, day.month, day.day).to_hijri().year
    except (ValueError, OverflowError):
        return None
