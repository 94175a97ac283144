"""Shared pieces of the resolvers: the `Found` result, the `Context` a reader sees, word lists
that block a reading («صلاة الجمعة», «اليوم الأول», «حزب الغد» …) and small helpers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from marsad.extract.timex import lexicon as lx
from marsad.extract.timex.dates import FUTURE_WEIGHT


@dataclass(slots=True)
class Found:
    """A resolved expression over normalised offsets."""

    start: int
    end: int
    value: str | None
    precision: str
    relative: bool = False
    flags: list[str] = field(default_factory=list)
    kind: str = ""


@dataclass(slots=True)
class Context:
    """What a reader may look at: the normalised document, the match and the anchor."""

    norm: str
    start: int
    end: int
    clitic: str
    anchor: date | None
    future_weight: float = FUTURE_WEIGHT  # see dates.year_for_day

    def before(self, n: int = 1) -> list[str]:
        """The `n` words before the match (nearest last), normalised."""
        return WORD.findall(self.norm, max(0, self.start - 12 * n - 10), self.start)[-n:]

    def after(self) -> str:
        """The word right after the match ("" at the end)."""
        m = _NEXTWORD.match(self.norm, self.end)
        return m.group(1) if m else ""


WORD = re.compile(r"\w+")
_NEXTWORD = re.compile(r"\s*(\w+)")
SPACES = re.compile(r"\s+")

#: words before «17 فبراير» or a bare month that make it a name (revolution, brigade, square …)
NAME_HEADS = frozenset(lx.squash(w) for w in (
    "ثورة", "ثوره", "حركة", "انتفاضة", "كتيبة", "لواء", "ميدان", "شارع", "جامعة", "مستشفى", "ساحة",
    "ائتلاف", "حرب", "تحالف", "مجموعة", "جبهة", "سرية", "تنظيم", "شباب", "ذكرى", "اتفاق", "اتفاقية",
    "مدرسة", "جسر", "قاعدة", "معسكر", "مطار", "حي", "مدينة", "تيار", "قوات", "غرفة", "كتائب",
))
#: words before a bare weekday that make it a prayer, a market or a set («كل جمعة»)
WEEKDAY_BLOCK = frozenset(lx.squash(w) for w in (
    "صلاة", "صلاه", "خطبة", "خطيب", "مسجد", "جامع", "سوق", "كل", "أيام", "الواحد", "كلا",
    "جمعة", "جمع", "بين", "هذين", "لجنة",
))
#: words after «اليوم» that make it «the first day», «the next day», «the national day» …
TODAY_BLOCK_AFTER = frozenset(lx.squash(w) for w in (
    "الأول", "الاول", "الثاني", "الثالث", "الرابع", "الخامس", "الأخير", "التالي", "السابق", "الذي",
    "العالمي", "الوطني", "الدولي", "نفسه", "ذاته", "ذلك", "الختامي", "الافتتاحي", "المفتوح",
    "الدراسي", "الموعود", "الواحد", "التالية",
))
#: «مليون برميل في اليوم», «ثلاث مرات في اليوم»: «في اليوم» after these means «per day»
PER_DAY_UNITS = frozenset(lx.squash(w) for w in (
    "برميل", "مرة", "مرات", "ساعة", "ساعات", "دولار", "وجبة", "وجبات", "طن", "لتر", "رحلة", "رحلات",
    "زائر", "شخص", "حالة", "حالات", "ميغاواط", "متر", "كيلومتر", "قدم",
))
#: words before «الغد» that make it a party or a paper (حزب الغد، صحيفة الغد)
TOMORROW_BLOCK = frozenset(lx.squash(w) for w in ("حزب", "صحيفة", "جريدة", "قناة", "تيار", "شباب", "مؤسسة"))


def in_words(word: str, words: frozenset[str]) -> bool:
    """Whether `word`, or `word` without its proclitics (و ف ب ل ك), is one of `words`."""
    if not word or word in words:
        return bool(word)
    if word[0] in "وف" and (word[1:] in words or (word[1:2] != "" and word[1:2] in "بلك" and word[2:] in words)):
        return True
    return word[0] in "بلك" and word[1:] in words


def norm_key(text: str) -> str:
    """A matched word or phrase as a table key: stripped, inner white space as one space."""
    return SPACES.sub(" ", text.strip())


def rel_value(anchor: date | None, make: Callable[[date], str | None]) -> tuple[str | None, list[str]]:
    """Apply `make` to the anchor, or report the expression as unanchored."""
    if anchor is None:
        return None, ["unanchored"]
    return make(anchor), []
