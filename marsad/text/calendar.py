"""Calendar words of Arabic news: month names (Gregorian, Levantine/Iraqi, Maghrebi, Hijri) and weekdays.

Keys are in normalised form (see `marsad.text.normalise.normalise`), so look them up with a
normalised word. Shared by the header-date reader (ingest) and the `times` component.
"""

from __future__ import annotations

from marsad.text.normalise import normalise

_GREGORIAN = {
    1: ["يناير", "كانون الثاني", "جانفي", "ينار"],
    2: ["فبراير", "شباط", "فيفري", "فبرير"],
    3: ["مارس", "آذار", "اذار", "مارص"],
    4: ["أبريل", "إبريل", "ابريل", "نيسان", "أفريل", "افريل", "ابريل"],
    5: ["مايو", "أيار", "ايار", "ماي"],
    6: ["يونيو", "يونيه", "حزيران", "جوان", "يونيوز"],
    7: ["يوليو", "يوليه", "تموز", "جويلية", "يوليوز"],
    8: ["أغسطس", "اغسطس", "آب", "اب", "أوت", "اوت", "غشت", "اغسطوس"],
    9: ["سبتمبر", "أيلول", "ايلول", "شتنبر"],
    10: ["أكتوبر", "اكتوبر", "تشرين الأول", "تشرين اول", "أكتوبر", "اكتوبر"],
    11: ["نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر"],
    12: ["ديسمبر", "كانون الأول", "كانون اول", "دجنبر"],
}

_HIJRI = {
    1: ["محرم"],
    2: ["صفر"],
    3: ["ربيع الأول", "ربيع الاول", "ربيع أول"],
    4: ["ربيع الثاني", "ربيع الآخر", "ربيع ثاني"],
    5: ["جمادى الأولى", "جمادى الاولى", "جمادى الأول"],
    6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الاخرة"],
    7: ["رجب"],
    8: ["شعبان"],
    9: ["رمضان"],
    10: ["شوال"],
    11: ["ذو القعدة", "ذي القعدة"],
    12: ["ذو الحجة", "ذي الحجة"],
}

# Python's weekday numbers: Monday is 0
_WEEKDAYS = {
    0: ["الاثنين", "الإثنين", "اثنين"],
    1: ["الثلاثاء", "ثلاثاء"],
    2: ["الأربعاء", "الاربعاء", "أربعاء", "اربعاء"],
    3: ["الخميس", "خميس"],
    4: ["الجمعة", "جمعة"],
    5: ["السبت", "سبت"],
    6: ["الأحد", "الاحد", "أحد", "احد"],
}


def _index(table: dict[int, list[str]]) -> dict[str, int]:
    return {normalise(name): num for num, names in table.items() for name in names}


#: normalised Gregorian month name -> month number (1-12)
MONTHS: dict[str, int] = _index(_GREGORIAN)
#: normalised Hijri month name -> month number (1-12)
HIJRI_MONTHS: dict[str, int] = _index(_HIJRI)
#: normalised weekday name (with or without the article) -> Python weekday (Monday 0)
WEEKDAYS: dict[str, int] = _index(_WEEKDAYS)
#: normalised time-of-day markers: ص (morning, a.m.) and م (evening, p.m.)
AM_PM: dict[str, str] = {"ص": "am", "صباحا": "am", "صباحاً": "am", "م": "pm", "مساء": "pm", "مساءا": "pm", "ظهرا": "pm"}


def month_number(word: str) -> int | None:
    """The Gregorian month number of a (possibly unnormalised) month name, or None."""
    return MONTHS.get(normalise(word.strip()))


def weekday_number(word: str) -> int | None:
    """The Python weekday number (Monday 0) of an Arabic weekday name, or None."""
    return WEEKDAYS.get(normalise(word.strip()))
