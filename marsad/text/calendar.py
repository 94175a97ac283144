"""Calendar words of Arabic news: month names (Gregorian, Levantine/Iraqi, Maghrebi, Hijri) and weekdays.

Keys are in normalised form (see `marsad.text.normalise.normalise`), so look them up with a
normalised word. Shared by the header-date reader (ingest) and the `times` component.
"""

from __future__ import annotations

from marsad.text.normalise import normalise

_GREGORIAN = {
    1: ["يناير", "كانون الثاني", "كانون ثاني", "جانفي", "ينار"],
    2: ["فبراير", "شباط", "فيفري", "فبرير"],
    3: ["مارس", "آذار", "اذار", "مارص"],
    4: ["أبريل", "إبريل", "ابريل", "نيسان", "أفريل", "افريل"],
    5: ["مايو", "أيار", "ايار", "ماي"],
    6: ["يونيو", "يونيه", "حزيران", "جوان", "يونيوز"],
    7: ["يوليو", "يوليه", "تموز", "جويلية", "يوليوز"],
    8: ["أغسطس", "اغسطس", "آب", "اب", "أوت", "اوت", "غشت", "اغسطوس"],
    9: ["سبتمبر", "أيلول", "ايلول", "شتنبر"],
    10: ["أكتوبر", "اكتوبر", "تشرين الأول", "تشرين اول", "أوكتوبر"],
    11: ["نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر"],
    12: ["ديسمبر", "كانون الأول", "كانون اول", "دجنبر"],
}

#: month names that are also common words (father, practised, a name, a car brand …): the `times`
#: component accepts them only next to a day number or a year
AMBIGUOUS_MONTHS: frozenset[str] = frozenset(normalise(w) for w in (
    "آب", "اب", "أيار", "ماي", "مارس", "مارص", "تموز", "نيسان", "جوان", "أوت", "غشت", "ينار",
    "شباط", "حزيران",
))

_HIJRI = {
    1: ["محرم", "المحرم"],
    2: ["صفر"],
    3: ["ربيع الأول", "ربيع أول"],
    4: ["ربيع الثاني", "ربيع الآخر", "ربيع ثاني"],
    5: ["جمادى الأولى", "جمادى الأول"],
    6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر"],
    7: ["رجب"],
    8: ["شعبان"],
    9: ["رمضان"],
    10: ["شوال"],
    11: ["ذو القعدة", "ذي القعدة"],
    12: ["ذو الحجة", "ذي الحجة"],
}

#: Hijri month names that are also common words (zero, forbidden, a name): accepted only with a
#: year or the هـ marker
AMBIGUOUS_HIJRI: frozenset[str] = frozenset(normalise(w) for w in ("صفر", "محرم", "المحرم", "رجب"))

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

_AM_PM = {
    "am": ["ص", "صباحا", "صباحاً", "صباح", "فجرا", "فجراً", "ق.ظ", "قبل الظهر"],
    "pm": ["م", "مساء", "مساءً", "مساءا", "ظهرا", "ظهراً", "عصرا", "عصراً", "ليلا", "ليلاً", "ب.ظ",
           "بعد الظهر"],
}


def _index(table: dict[int, list[str]]) -> dict[str, int]:
    return {normalise(name): num for num, names in table.items() for name in names}


#: normalised Gregorian month name -> month number (1-12)
MONTHS: dict[str, int] = _index(_GREGORIAN)
#: normalised Hijri month name -> month number (1-12)
HIJRI_MONTHS: dict[str, int] = _index(_HIJRI)
#: normalised weekday name (with or without the article) -> Python weekday (Monday 0)
WEEKDAYS: dict[str, int] = _index(_WEEKDAYS)
#: normalised time-of-day markers -> "am" or "pm" (ص morning, م evening, فجرا, ظهرا, ليلا …);
#: ليلا is "pm" here, though one to four o'clock ليلا is after midnight
AM_PM: dict[str, str] = {normalise(w): half for half, words in _AM_PM.items() for w in words}


def month_number(word: str) -> int | None:
    """The Gregorian month number of a (possibly unnormalised) month name, or None."""
    return MONTHS.get(" ".join(normalise(word).split()))


def hijri_month_number(word: str) -> int | None:
    """The Hijri month number of a (possibly unnormalised) month name, or None."""
    return HIJRI_MONTHS.get(" ".join(normalise(word).split()))


def weekday_number(word: str) -> int | None:
    """The Python weekday number (Monday 0) of an Arabic weekday name, or None."""
    return WEEKDAYS.get(normalise(word.strip()))
