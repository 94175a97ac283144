"""Publication dates of header lines and page metadata, read into ISO 8601.

`parse_date(text)` accepts a whole date line or metadata value and nothing else: a line with other
words in it (a sentence that merely mentions a date) gives None, which is how the plain-text reader
tells a date line from a paragraph. Understood forms:

- Arabic: «الثلاثاء 11 أكتوبر 2016 01:10 م», Levantine/Iraqi and Maghrebi month names
  (تشرين الأول, جانفي, أفريل, جويلية …), paired names («فبراير/شباط», «أكتوبر (تشرين الأول)»),
  Arabic-Indic digits, ص/م and صباحاً/مساءً, a weekday anywhere, a Hijri date beside the Gregorian one
  (a Hijri date alone is converted with hijridate, Umm al-Qura calendar);
- numeric: 2016/10/11, 2016-10-11, 11-10-2016, 11/10/2016 (day first, as in Arab media);
- ISO 8601 (2016-10-11T13:10:00+02:00, 2016-10, 2016) and RFC 822 (Sun, 18 Feb 2018 18:10:45 +0400).

A weekday that does not fall on the date is kept as `weekday_mismatch` with a warning to show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from marsad.text.calendar import AM_PM, HIJRI_MONTHS, MONTHS, WEEKDAYS
from marsad.text.normalise import normalise

_EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_MONTHS = {m.lower(): i for i, m in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"), start=1)}
_EN_MONTHS.update({m[:3]: i for m, i in list(_EN_MONTHS.items())})
_EN_MONTHS["sept"] = 9
_EN_DAYS = {d.lower(): i for i, d in enumerate(_EN_WEEKDAYS)}
_EN_DAYS.update({d[:3]: i for d, i in list(_EN_DAYS.items())})

_ALL_MONTHS: dict[str, int] = {**MONTHS, **_EN_MONTHS}
_AMPM = {normalise(k): v for k, v in AM_PM.items()} | {"am": "am", "pm": "pm", "a.m.": "am", "p.m.": "pm"}
_DAY_NAMES: dict[str, int] = {**WEEKDAYS, **_EN_DAYS}

# words that may stand around a date in a header line without making it "not a date line"
_FILLER = {normalise(w) for w in (
    "نشر", "نشرت", "نشر في", "بتاريخ", "تاريخ", "التاريخ", "آخر", "اخر", "تحديث", "التحديث", "تم",
    "النشر", "الموافق", "يوم", "في", "الساعة", "ساعة", "توقيت", "بتوقيت", "مكة", "المكرمة", "غرينتش",
    "جرينتش", "القاهرة", "بيروت", "طرابلس", "الرياض", "السعودية", "مكه", "هـ", "ه", "م", "ميلادي",
    "ميلادية", "هجري", "هجرية", "gmt", "utc", "published", "updated", "on", "at", "last", "date",
)}


def _alternation(words: list[str]) -> str:
    """A regex alternation of words, longest first, with flexible spaces inside many-word names."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_MONTH_RE = _alternation(list(_ALL_MONTHS))
_HIJRI_RE = _alternation(list(HIJRI_MONTHS))
_WEEKDAY_RE = _alternation(list(_DAY_NAMES))
_B = r"(?<![\w])"   # word start
_E = r"(?![\w])"    # word end

# a Hijri date beside the Gregorian one is read past (not used for the value)
_HIJRI_DATE = re.compile(rf"{_B}(?P<d>\d{{1,2}})\s*(?P<m>{_HIJRI_RE}){_E}\s*[,،]?\s*"
                         rf"(?:(?P<y>\d{{4}})\s*(?:هـ|ه)?{_E})?")
# «11 أكتوبر 2016», «11 فبراير/شباط 2018», «11 أكتوبر (تشرين الأول) 2016», «October 11, 2016»
_ME = r"(?![^\W\d_])"  # a month name ends where letters end («أكتوبر2016» is fine)
_PAIR = rf"(?P<m1>{_MONTH_RE}){_ME}(?:\s*[/(\-–]\s*(?P<m2>{_MONTH_RE}){_ME}\s*\)?)?"
_YEAR = r"(?P<y>\d{4})(?:\s*م)?(?![\w])"  # «2016م»: the Gregorian marker may stick to the year
_DMY_NAMED = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*-?\s*{_PAIR}\s*[-,،]?\s*{_YEAR}", re.I)
_MDY_NAMED = re.compile(rf"{_B}{_PAIR}\s+(?P<d>\d{{1,2}})\s*,?\s*{_YEAR}", re.I)
_MY_NAMED = re.compile(rf"{_B}{_PAIR}\s*[-,،]?\s*{_YEAR}", re.I)
_YMD = re.compile(r"(?<!\d)(?P<y>\d{4})[/.\-](?P<m>\d{1,2})[/.\-](?P<d>\d{1,2})(?!\d)")
_DMY = re.compile(r"(?<!\d)(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})(?!\d)")
_TIME = re.compile(r"(?<![\d:])(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?![\d:])"
                   r"(?:\s*(?P<ap>[aApP]\.?[mM]\.?|صباحا|مساء|ظهرا|ص|م)(?![\w]))?")
_WEEKDAY = re.compile(rf"{_B}(?:يوم\s+)?(?P<w>{_WEEKDAY_RE}){_E}\s*,?", re.I)
_ISO = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})"
                  r"(?::(?P<s>\d{2})(?:[.,]\d+)?)?(?P<tz>Z|[+-]\d{2}:?\d{2})?)?)?)?")
_RFC_TZ = re.compile(r"\s(?P<tz>[+-]\d{4}|GMT|UTC|UT|Z)\s*$", re.I)
_LEFTOVER_WORD = re.compile(r"[^\W\d_]+|\d+")


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from a header or metadata value.

    `value` is ISO 8601 ("2016-10-11T13:10:00", "2016-10-11", "2016-10", "2016"), `precision` one of
    minute, day, month, year; `weekday_text` the weekday as written, `weekday_mismatch` True when
    that weekday is not the date's.
    """

    value: str
    precision: str
    weekday_mismatch: bool = False
    weekday_text: str | None = None

    @property
    def warning(self) -> str | None:
        """A one-line warning for a weekday that contradicts the date, else None."""
        if not self.weekday_mismatch:
            return None
        day = date.fromisoformat(self.value[:10])
        return f"date line says {self.weekday_text} but {day.isoformat()} is a {_EN_WEEKDAYS[day.weekday()]}"


def parse_date(text: str) -> ParsedDate | None:
    """The date that `text` (a date line or metadata value, nothing more) states, or None."""
    if not text or len(text) > 200:
        return None
    s = normalise(text).strip().strip("|•·-–—،,")
    s = s.strip()
    if not s:
        return None
    return _parse_iso(s) or _parse_rfc822(s) or _parse_free(s)


def _parse_iso(s: str) -> ParsedDate | None:
    m = _ISO.fullmatch(s)
    if not m:
        return None
    y, mo, d = int(m["y"]), m["m"], m["d"]
    try:
        if d is None:
            if mo is None:
                return ParsedDate(f"{y:04d}", "year") if 1000 <= y <= 2999 else None
            date(y, int(mo), 1)
            return ParsedDate(f"{y:04d}-{int(mo):02d}", "month")
        if m["h"] is None:
            return ParsedDate(date(y, int(mo), int(d)).isoformat(), "day")
        when = datetime(y, int(mo), int(d), int(m["h"]), int(m["mi"]), int(m["s"] or 0),
                        tzinfo=_tz(m["tz"]))
    except ValueError:
        return None
    return ParsedDate(when.isoformat(), "minute")


def _tz(raw: str | None) -> timezone | None:
    """A fixed offset from "Z", "+0400", "+04:00", "GMT"; None when absent."""
    if raw is None:
        return None
    raw = raw.upper()
    if raw in ("Z", "GMT", "UTC", "UT"):
        return timezone.utc
    sign = -1 if raw[0] == "-" else 1
    digits = raw[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4])
    if hours > 14 or minutes > 59:
        raise ValueError("offset out of range")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _parse_rfc822(s: str) -> ParsedDate | None:
    """RFC 822/2822 dates of feeds: "Sun, 18 Feb 2018 18:10:45 +0400" (weekday and zone optional)."""
    m = re.fullmatch(r"(?:(?P<w>[A-Za-z]{3,9}),?\s+)?(?P<d>\d{1,2})\s+(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<y>\d{4})"
                     r"(?:\s+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?(?:\s*(?P<tz>[+-]\d{4}|GMT|UTC|UT|Z))?",
                     s.strip())
    if not m or m["mon"].lower() not in _EN_MONTHS:
        return None
    try:
        day = date(int(m["y"]), _EN_MONTHS[m["mon"].lower()], int(m["d"]))
        if m["h"] is None:
            value, precision = day.isoformat(), "day"
        else:
            when = datetime(day.year, day.month, day.day, int(m["h"]), int(m["mi"]), int(m["s"] or 0),
                            tzinfo=_tz(m["tz"]))
            value, precision = when.isoformat(), "minute"
    except ValueError:
        return None
    said = m["w"]
    if said and said.lower() in _EN_DAYS and _EN_DAYS[said.lower()] != day.weekday():
        return ParsedDate(value, precision, True, said)
    return ParsedDate(value, precision, False, said)


def _parse_free(s: str) -> ParsedDate | None:
    """Arabic and numeric date lines: a date, optionally a weekday, a time and filler words."""
    spans: list[tuple[int, int]] = []
    hijri = _HIJRI_DATE.search(s)
    s = _HIJRI_DATE.sub(lambda m: " " * len(m[0]), s)
    day, precision = _find_day(s, spans)
    if day is None and hijri is not None and hijri["y"]:
        day, precision = _from_hijri(hijri), "day"
    if day is None:
        return None
    hour = minute = second = None
    tm = _TIME.search(s)
    if tm and not _overlaps(tm.span(), spans):
        hour, minute, second = int(tm["h"]), int(tm["mi"]), int(tm["s"] or 0)
        if hour > 23 or minute > 59 or second > 59:
            return None
        ap = _AMPM.get(normalise(tm["ap"] or "").lower().replace(" ", ""))
        if ap == "pm" and hour < 12:
            hour += 12
        elif ap == "am" and hour == 12:
            hour = 0
        spans.append(tm.span())
    said = None
    wd = _WEEKDAY.search(s)
    while wd and _overlaps(wd.span(), spans):
        wd = _WEEKDAY.search(s, wd.end())
    if wd:
        said = wd["w"]
        spans.append(wd.span())
    if not _only_filler(s, spans):
        return None
    if hour is not None and precision == "day":
        value = datetime(day.year, day.month, day.day, hour, minute or 0, second or 0).isoformat()
        precision = "minute"
    elif precision == "day":
        value = day.isoformat()
    else:
        value = f"{day.year:04d}-{day.month:02d}"
    mismatch = False
    if said is not None and precision in ("day", "minute"):
        number = _DAY_NAMES.get(said.lower())
        mismatch = number is not None and number != day.weekday()
    return ParsedDate(value, precision, mismatch, said)


def _find_day(s: str, spans: list[tuple[int, int]]) -> tuple[date | None, str]:
    """The first date pattern that matches `s` (its span is added to `spans`) and its precision."""
    for pattern in (_DMY_NAMED, _MDY_NAMED):
        m = pattern.search(s)
        if m:
            month = _month(m)
            if month is None:
                return None, ""
            try:
                spans.append(m.span())
                return date(int(m["y"]), month, int(m["d"])), "day"
            except ValueError:
                return None, ""
    for pattern in (_YMD, _DMY):
        m = pattern.search(s)
        if m:
            try:
                spans.append(m.span())
                return date(int(m["y"]), int(m["m"]), int(m["d"])), "day"
            except ValueError:
                return None, ""
    m = _MY_NAMED.search(s)
    if m:
        month = _month(m)
        if month is not None:
            spans.append(m.span())
            return date(int(m["y"]), month, 1), "month"
    return None, ""


def _from_hijri(m: re.Match[str]) -> date | None:
    """The Gregorian day of a Hijri (Umm al-Qura) date, None when out of range or invalid."""
    try:
        from hijridate import Hijri

        return Hijri(int(m["y"]), HIJRI_MONTHS[re.sub(r"\s+", " ", m["m"])], int(m["d"])).to_gregorian()
    except (ImportError, KeyError, ValueError, OverflowError):
        return None


def _month(m: re.Match[str]) -> int | None:
    """The month of a match with one or two names; None when a pair disagrees."""
    first = _month_number(m["m1"])
    if m["m2"] is not None and _month_number(m["m2"]) != first:
        return None
    return first


def _month_number(name: str) -> int | None:
    key = re.sub(r"\s+", " ", name.strip())
    return _ALL_MONTHS.get(key, _ALL_MONTHS.get(key.lower()))


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in spans)


def _only_filler(s: str, spans: list[tuple[int, int]]) -> bool:
    """True when nothing but punctuation and filler words lies outside the matched spans."""
    chars = list(s)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    rest = "".join(chars)
    for word in _LEFTOVER_WORD.findall(rest):
        if word.lower() not in _FILLER:
            return False
    return True
