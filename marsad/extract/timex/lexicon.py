"""Word tables for Arabic time expressions, in normalised form, with regex alternations over them.

Everything here is data: relative day words, parts of the day, period modifiers, cardinal and
ordinal number words (1-31, as written in news), time units and decades. `alternation` turns a
table into a regex fragment (longest first, so that «اول امس» wins over «امس»).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from marsad.text.normalise import normalise


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of the normalised `words` (longest first; a space matches a run of
    white space), compiled as a trie so that the engine branches on one character at a time."""
    trie: dict[str, dict] = {}
    for w in {" ".join(normalise(w).split()) for w in words}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    end = "" in node
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return f"(?:{body})?"
    return body


def squash(text: str) -> str:
    """Normalised text with runs of white space as one space (the key form of the tables)."""
    return " ".join(normalise(text).split())


# --- relative days: word -> offset in days from the anchor --------------------------------------
RELATIVE_DAYS: dict[str, int] = {squash(k): v for k, v in {
    "اليوم": 0, "الليلة": 0, "هذا اليوم": 0, "هذه الليلة": 0,
    "أمس": -1, "الأمس": -1, "البارحة": -1, "يوم أمس": -1, "يوم الأمس": -1, "الليلة الماضية": -1,
    "أول أمس": -2, "أول من أمس": -2, "أمس الأول": -2,
    "غدا": 1, "غداً": 1, "الغد": 1, "يوم غد": 1, "يوم الغد": 1,
    "بعد غد": 2, "بعد الغد": 2,
}.items()}
#: words that only count as a relative day after a part of the day («صباح غد», «ليلة أمس» are in
#: RELATIVE_DAYS via «أمس»); «غد» alone is rare and ambiguous
RELATIVE_AFTER_PART: dict[str, int] = {squash("غد"): 1}

# --- parts of the day: word -> flag -------------------------------------------------------------
PARTS_OF_DAY: dict[str, str] = {squash(k): v for k, v in {
    "صباح": "morning", "صبيحة": "morning", "ضحى": "morning", "فجر": "dawn", "ظهر": "noon",
    "ظهيرة": "noon", "عصر": "afternoon", "مساء": "evening", "عشية": "evening", "ليلة": "night",
    "ليل": "night", "منتصف ليلة": "night", "منتصف ليل": "night", "منتصف نهار": "noon",
    "نهار": "day", "فجر يوم": "dawn", "صباح يوم": "morning", "مساء يوم": "evening",
    "ليلة يوم": "night", "ظهر يوم": "noon", "عصر يوم": "afternoon",
}.items()}

# --- direction words after a weekday, month or period -------------------------------------------
PAST_WORDS = ("الماضي", "الماضية", "الفائت", "الفائتة", "المنصرم", "المنصرمة", "المنقضي",
              "المنقضية", "السابق", "السابقة")
NEXT_WORDS = ("المقبل", "المقبلة", "القادم", "القادمة", "الآتي", "الآتية")
THIS_WORDS = ("الجاري", "الجارية", "الحالي", "الحالية")
DIRECTIONS: dict[str, int] = {
    **{squash(w): -1 for w in PAST_WORDS}, **{squash(w): 1 for w in NEXT_WORDS},
    **{squash(w): 0 for w in THIS_WORDS},
}

# --- modifiers of a period («مطلع الشهر الجاري», «أواخر 2015») -> flag --------------------------
MODIFIERS: dict[str, str] = {squash(k): v for k, v in {
    "مطلع": "start", "أوائل": "start", "بداية": "start", "بدايات": "start", "مستهل": "start",
    "أول": "start", "منتصف": "mid", "أواسط": "mid", "وسط": "mid", "أواخر": "end", "نهاية": "end",
    "نهايات": "end", "آخر": "end", "ختام": "end",
}.items()}

# --- period nouns ------------------------------------------------------------------------------
PERIODS: dict[str, str] = {squash(k): v for k, v in {
    "الأسبوع": "week", "الاسبوع": "week", "الشهر": "month", "العام": "year", "السنة": "year",
}.items()}

# --- units counted in «منذ يومين», «قبل ثلاثة أعوام» -> (unit, count implied by the form) ----------
UNITS: dict[str, tuple[str, int]] = {squash(k): v for k, v in {
    "يوم": ("day", 1), "يوما": ("day", 1), "يومين": ("day", 2), "يومان": ("day", 2),
    "أيام": ("day", 0),
    "أسبوع": ("week", 1), "أسبوعا": ("week", 1), "أسبوعين": ("week", 2), "أسبوعان": ("week", 2),
    "أسابيع": ("week", 0),
    "شهر": ("month", 1), "شهرا": ("month", 1), "شهرين": ("month", 2), "شهران": ("month", 2),
    "أشهر": ("month", 0), "شهور": ("month", 0),
    "عام": ("year", 1), "عاما": ("year", 1), "عامين": ("year", 2), "عامان": ("year", 2),
    "أعوام": ("year", 0), "سنة": ("year", 1), "سنتين": ("year", 2), "سنتان": ("year", 2),
    "سنوات": ("year", 0), "سنين": ("year", 0),
}.items()}

# --- cardinal number words (counts of units) ------------------------------------------------------
_UNITS_WORDS = {
    1: ["واحد", "واحدة"], 2: ["اثنين", "اثنان", "اثنتين", "اثنتان"],
    3: ["ثلاث", "ثلاثة"], 4: ["أربع", "أربعة"], 5: ["خمس", "خمسة"], 6: ["ست", "ستة"],
    7: ["سبع", "سبعة"], 8: ["ثمان", "ثماني", "ثمانية"], 9: ["تسع", "تسعة"], 10: ["عشر", "عشرة"],
}
_TENS_WORDS = {
    20: ["عشرين", "عشرون"], 30: ["ثلاثين", "ثلاثون"], 40: ["أربعين", "أربعون"],
    50: ["خمسين", "خمسون"], 60: ["ستين", "ستون"], 70: ["سبعين", "سبعون"], 80: ["ثمانين", "ثمانون"],
    90: ["تسعين", "تسعون"],
}


def _cardinals() -> dict[str, int]:
    out: dict[str, int] = {}
    for n, words in _UNITS_WORDS.items():
        for w in words:
            out[squash(w)] = n
    for n in range(1, 10):
        for w in _UNITS_WORDS[n]:
            if n == 1:
                for head in ("أحد", "إحدى"):
                    for ten in ("عشر", "عشرة"):
                        out[squash(f"{head} {ten}")] = 11
                continue
            if n == 2:
                for head in ("اثني", "اثنا", "اثنتي", "اثنتا"):
                    for ten in ("عشر", "عشرة"):
                        out[squash(f"{head} {ten}")] = 12
                continue
            for ten in ("عشر", "عشرة"):
                out[squash(f"{w} {ten}")] = 10 + n
    for t, twords in _TENS_WORDS.items():
        for tw in twords:
            out[squash(tw)] = t
            for n in range(1, 10):
                for w in _UNITS_WORDS[n] + (["أحد", "إحدى"] if n == 1 else []):
                    out[squash(f"{w} و{tw}")] = t + n
    out[squash("مئة")] = out[squash("مائة")] = 100
    return out


#: normalised cardinal number word (one to ninety-nine, as counts) -> value
CARDINALS: dict[str, int] = _cardinals()
#: numbers written as words that are vague («بضعة»، «عدة»): a count that cannot be resolved
VAGUE_COUNTS = ("بضعة", "بضع", "عدة", "بعض")

# --- ordinals (days of the month, hours) --------------------------------------------------------
_ORD = {
    1: ["أول", "حادي"], 2: ["ثاني"], 3: ["ثالث"], 4: ["رابع"], 5: ["خامس"], 6: ["سادس"],
    7: ["سابع"], 8: ["ثامن"], 9: ["تاسع"], 10: ["عاشر"],
}
_ORD_TENS = {20: ["عشرين", "عشرون"], 30: ["ثلاثين", "ثلاثون"]}


def _ordinals() -> dict[str, int]:
    out: dict[str, int] = {}
    for n, words in _ORD.items():
        for w in words:
            if not (n == 1 and w == "حادي"):
                out[squash("ال" + w)] = n
                out[squash("ال" + w + "ة")] = n
    out[squash("الأولى")] = 1
    for n in range(1, 10):
        for w in _ORD[n]:
            if n == 1 and w == "أول":
                continue
            out[squash(f"ال{w} عشر")] = 10 + n
            out[squash(f"ال{w}ة عشرة")] = 10 + n
    for t, twords in _ORD_TENS.items():
        for tw in twords:
            out[squash("ال" + tw)] = t
            for n in range(1, 10):
                for w in _ORD[n]:
                    if n == 1 and w == "أول":
                        continue
                    out[squash(f"ال{w} وال{tw}")] = t + n
                    out[squash(f"ال{w}ة وال{tw}")] = t + n
    return {k: v for k, v in out.items() if v <= 31}


#: normalised ordinal with article («الثامن»، «الحادي والعشرين»، «الثالثة») -> value 1-31
ORDINALS: dict[str, int] = _ordinals()

# --- fractions of the hour after «الساعة الثالثة» -------------------------------------------------
HOUR_FRACTIONS: dict[str, int] = {squash(k): v for k, v in {
    "والنصف": 30, "ونصف": 30, "والربع": 15, "وربع": 15, "إلا ربعا": -15, "الا ربع": -15,
    "إلا ربع": -15, "والثلث": 20, "وثلث": 20, "إلا ثلثا": -20, "إلا ثلث": -20,
}.items()}

# --- decades: «الستينيات» -> 6 ------------------------------------------------------------------
DECADES: dict[str, int] = {}
for _n, _stem in ((2, "عشرين"), (3, "ثلاثين"), (4, "أربعين"), (5, "خمسين"), (6, "ستين"),
                  (7, "سبعين"), (8, "ثمانين"), (9, "تسعين")):
    for _suffix in ("يات", "ات"):
        DECADES[squash("ال" + _stem + _suffix)] = _n
        DECADES[squash(_stem + _suffix)] = _n
#: the century named after a decade («ستينيات القرن الماضي») -> the century's first two digits
CENTURIES: dict[str, int] = {squash(k): v for k, v in {
    "القرن الماضي": 19, "القرن العشرين": 19, "القرن العشرون": 19, "القرن التاسع عشر": 18,
    "القرن الحالي": 20, "القرن الحادي والعشرين": 20, "القرن الثامن عشر": 17,
}.items()}

# --- seasons -> ISO 8601 season codes ------------------------------------------------------------
SEASONS: dict[str, str] = {squash(k): v for k, v in {
    "صيف": "SU", "شتاء": "WI", "ربيع": "SP", "خريف": "FA",
}.items()}

# --- words after which a bare four-digit number is a year ---------------------------------------
YEAR_PREPOSITIONS = frozenset(squash(w) for w in (
    "في", "منذ", "حتى", "خلال", "قبل", "بعد", "مطلع", "أواخر", "أوائل", "بداية", "نهاية",
    "منتصف", "أواسط", "مستهل", "ومنذ", "وفي", "وحتى", "وخلال", "وقبل", "وبعد", "إلى", "الى",
    "وإلى", "عن", "لسنة", "ختام", "طوال", "بين", "من",
))
#: future cues before a bare weekday («سيعقد الاجتماع الخميس») that make it the next one
FUTURE_CUES = tuple(squash(w) for w in (
    "سوف", "من المقرر", "من المنتظر", "من المتوقع", "يعتزم", "تعتزم", "يتوقع", "ستعقد", "سيعقد",
    "ستبدأ", "سيبدأ", "سيتم", "ستنطلق", "سينطلق", "سيزور", "ستجري", "سيجري", "سيلتقي", "ستصل",
    "سيصل", "سيكون", "ستكون", "سيتوجه", "ستشهد", "سيشهد", "تنطلق", "تبدأ",
))

# --- dates that name an event («ثورة 17 فبراير», «هجمات 11 سبتمبر»): (day, month) -> year ---------
NAMED_DATES: dict[tuple[int, int], int] = {
    (17, 2): 2011,  # the Libyan revolution
    (25, 1): 2011,  # the Egyptian revolution
    (14, 1): 2011,  # the Tunisian revolution
    (11, 9): 2001,  # the September attacks
    (30, 6): 2013,  # the Egyptian protests
    (1, 9): 1969,   # the Libyan coup («الفاتح من سبتمبر»)
    (23, 7): 1952,  # the Egyptian revolution
}
#: words before such a date that make it the name of the event
EVENT_HEADS = frozenset(squash(w) for w in (
    "ثورة", "انتفاضة", "هجمات", "أحداث", "اعتداءات", "ذكرى", "تفجيرات",
))
