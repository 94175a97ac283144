"""From a grammar match to a value: each kind of expression is read and anchored here.

A reader gets the normalised body text of one match and a `Context` (the normalised document, for
the words around it, and the anchor day or None), and returns a `Found` or None when the match is
not a time after all (a named day like «كتيبة 17 فبراير», a bare number …). Day expressions are
read by `marsad.extract.timex.chain`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Callable

from marsad.extract.timex import dates as dt
from marsad.extract.timex import grammar as g
from marsad.extract.timex import lexicon as lx
from marsad.extract.timex.base import NAME_HEADS, Context, Found, in_words, norm_key, rel_value
from marsad.extract.timex.chain import future_cue, read_chain
from marsad.text.calendar import AMBIGUOUS_MONTHS, HIJRI_MONTHS, MONTHS

def read_month(body: str, ctx: Context) -> Found | None:
    """«أكتوبر 2016», «شهر أكتوبر الماضي», «مطلع نوفمبر», «أول أكتوبر» (the first day)."""
    m = g.NAMED["month"].match(body)
    if m is None:
        return None
    word = norm_key(m["m"])
    month = MONTHS[word]
    if m["m2"] and MONTHS[norm_key(m["m2"])] != month:
        return None
    has_year = bool(m["y"] or m["ydir"] or m["ythis"])
    mod = norm_key(m["mod"]) if m["mod"] else ""
    if word in AMBIGUOUS_MONTHS and not (m["y"] or m["shahr"] or m["m2"] or _clear_direction(m["mdir"])):
        return None
    if not (has_year or m["shahr"] or mod or m["mdir"] or m["m2"]):
        prev = ctx.before(1)
        if not prev or not in_words(prev[0], lx.YEAR_PREPOSITIONS) or in_words(prev[0], NAME_HEADS):
            return None
    flags = [lx.MODIFIERS[mod]] if mod and not (mod == "اول" and not m["shahr"]) else []
    first_day = mod == "اول" and not m["shahr"]
    if m["y"]:
        year = int(m["y"])
        return _month_found(year, month, first_day, False, flags)
    if ctx.anchor is None:
        return Found(0, 0, None, "day" if first_day else "month", True, flags + ["unanchored"])
    if m["ydir"] or m["ythis"]:
        year = ctx.anchor.year + (lx.DIRECTIONS[norm_key(m["ydir"])] if m["ydir"] else 0)
    else:
        direction = lx.DIRECTIONS[norm_key(m["mdir"])] if m["mdir"] else None
        year = dt.year_for_month(ctx.anchor, month, direction, ctx.future_weight)
    return _month_found(year, month, first_day, True, flags)


def _clear_direction(word: str | None) -> bool:
    """«الماضي»، «المقبل»، «الجاري» … but not «السابق» (which also follows a noun: «الأب السابق»)."""
    return bool(word) and not norm_key(word).startswith("السابق")


def _month_found(year: int, month: int, first_day: bool, relative: bool, flags: list[str]) -> Found:
    if first_day:
        return Found(0, 0, f"{year:04d}-{month:02d}-01", "day", relative, flags)
    return Found(0, 0, f"{year:04d}-{month:02d}", "month", relative, flags)


def read_year(body: str, ctx: Context) -> Found | None:
    """«عام 2014», «العام 2002 م», «أواخر 2015»."""
    m = g.NAMED["year"].match(body)
    if m is None:
        return None
    flags = [lx.MODIFIERS[norm_key(m["mod"])]] if m["mod"] else []
    if not (m["kw"] or m["mod"]) and not _bare_year_ok(body, ctx):
        return None
    return Found(0, 0, m["y"], "year", False, flags)


def read_bare_year(body: str, ctx: Context) -> Found | None:
    """A four-digit year on its own, accepted after a preposition, with an era mark or in brackets."""
    m = g.NAMED["bareyear"].match(body)
    if m is None or not _bare_year_ok(body, ctx):
        return None
    return Found(0, 0, m["y"], "year", False, [])


def _bare_year_ok(body: str, ctx: Context) -> bool:
    if not body[:4].isdigit():
        return True
    if len(body) > 4 and body[4:].strip():  # an era mark: «2014م»
        return True
    prev = ctx.before(1)
    if prev and in_words(prev[0], lx.YEAR_PREPOSITIONS):
        return True
    left = ctx.norm[max(0, ctx.start - 2):ctx.start].strip()
    right = ctx.norm[ctx.end:ctx.end + 2].strip()
    return left.endswith("(") and right.startswith(")")


def read_period(body: str, ctx: Context) -> Found | None:
    """«الأسبوع الماضي», «الشهر الجاري», «العام المقبل», «هذا العام», «نهاية الشهر الماضي»."""
    m = g.NAMED["period"].match(body)
    if m is None:
        return None
    mod = m["mod"] or m["mod2"]
    flags = [lx.MODIFIERS[norm_key(mod)]] if mod else []
    noun = lx.PERIODS[norm_key(m["pn"] or m["pthis"] or m["pbare"])]
    step = lx.DIRECTIONS[norm_key(m["dir"])] if m["dir"] else 0
    if m["before"]:
        if step == 0:
            return None
        step *= 2
    precision = noun

    def make(anchor: date) -> str:
        day = dt.shift(anchor, noun, step)
        if noun == "week":
            return dt.iso_week(day)
        if noun == "month":
            return f"{day.year:04d}-{day.month:02d}"
        return f"{day.year:04d}"

    value, extra = rel_value(ctx.anchor, make)
    return Found(0, 0, value, precision, True, flags + extra)


def read_ago(body: str, ctx: Context) -> Found | None:
    """«منذ يومين», «قبل ثلاثة أيام», «قبل 5 سنوات», «بعد أسبوعين»: the anchor moved back or on."""
    m = g.NAMED["ago"].match(body)
    if m is None:
        return None
    unit, implied = lx.UNITS[norm_key(m["unit"])]
    if m["num"]:
        count = int(m["num"])
    elif m["card"]:
        count = lx.CARDINALS[norm_key(m["card"])]
    else:
        count = implied
    if count <= 0 or (implied == 2 and (m["num"] or m["card"])):
        return None
    sign = 1 if m["prep"] == "بعد" else -1
    if count > _MAX_COUNT[unit]:  # «قبل 3000 عام»: history, not a date to put on a timeline
        return None
    if sign > 0 and not future_cue(ctx):  # «بعد شهرين قضاهما …» counts from the story, not the date
        return None

    def make(anchor: date) -> str:
        day = dt.shift(anchor, unit, sign * count)
        if unit == "day":
            return day.isoformat()
        if unit == "week":
            return dt.iso_week(day)
        if unit == "month":
            return f"{day.year:04d}-{day.month:02d}"
        return f"{day.year:04d}"

    value, extra = rel_value(ctx.anchor, make)
    return Found(0, 0, value, unit, True, (["approx"] if m["approx"] else []) + extra)


#: the largest count of each unit that «منذ/قبل/بعد» may move the anchor by
_MAX_COUNT = {"day": 3660, "week": 520, "month": 1200, "year": 500}


def read_decade(body: str, ctx: Context) -> Found | None:
    """«الستينيات», «ثمانينيات القرن الماضي» -> "196", "198" (precision decade)."""
    m = g.NAMED["decade"].match(body)
    if m is None:
        return None
    century = lx.CENTURIES[norm_key(m["cent"])] if m["cent"] else 19
    flags = [lx.MODIFIERS[norm_key(m["mod"])]] if m["mod"] else []
    return Found(0, 0, f"{century}{lx.DECADES[norm_key(m['dec'])]}", "decade", False, flags)


def read_century(body: str, ctx: Context) -> Found | None:
    """«القرن الماضي», «أواخر القرن التاسع عشر» -> the range of its years ("1900/1999")."""
    m = g.NAMED["century"].match(body)
    if m is None:
        return None
    century = lx.CENTURIES[norm_key(m["cent"])]
    flags = [lx.MODIFIERS[norm_key(m["mod"])]] if m["mod"] else []
    return Found(0, 0, f"{century}00/{century}99", "range", False, flags + ["century"])


def read_season(body: str, ctx: Context) -> Found | None:
    """«صيف 2014», «الشتاء الماضي», «ربيع العام المقبل» -> "2014-SU" (precision season)."""
    m = g.NAMED["season"].match(body)
    if m is None:
        return None
    code = lx.SEASONS[m["season"]]
    flags = [lx.MODIFIERS[norm_key(m["mod"])]] if m["mod"] else []
    if m["y"]:
        return Found(0, 0, f"{m['y']}-{code}", "season", False, flags)
    if ctx.anchor is None:
        return Found(0, 0, None, "season", True, flags + ["unanchored"])
    if m["ydir"] or m["ythis"]:
        year = ctx.anchor.year + (lx.DIRECTIONS[norm_key(m["ydir"])] if m["ydir"] else 0)
    else:
        year = dt.year_for_season(ctx.anchor, code, lx.DIRECTIONS[norm_key(m["sdir"])])
    return Found(0, 0, f"{year:04d}-{code}", "season", True, flags)


def read_hijri_year(body: str, ctx: Context) -> Found | None:
    """«رمضان 1437 هـ», «عام 1438 هـ»: the Gregorian range of the Hijri month or year."""
    m = g.NAMED["hyear"].match(body)
    if m is None:
        return None
    year = int(m["hy"] or m["hy2"])
    month_word = m["hm"] or m["hm2"]
    if month_word:
        span = dt.hijri_month_range(year, HIJRI_MONTHS[norm_key(month_word)])
    else:
        span = dt.hijri_year_range(year)
    if span is None:
        return None
    return Found(0, 0, f"{span[0].isoformat()}/{span[1].isoformat()}", "range", False, ["hijri"])


_SIDE = re.compile(g.normalise(
    rf"(?:(?:عامي|العامين|سنتي|عام|العام|سنه)\s+)?(?:(?P<d>{g.DAY})(?:\s*(?:من\s+)?(?:شهر\s+)?(?P<m>{g.MONTH}))?"
    rf"(?:\s*(?P<y>{g.YEAR}))?|(?:شهر\s+)?(?P<mo>{g.MONTH})(?:\s*(?P<y2>{g.YEAR}))?|(?P<y3>{g.YEAR}))"))


def read_range(body: str, ctx: Context) -> Found | None:
    """«من 5 إلى 10 أكتوبر», «بين عامي 2014 و2016», «2014-2016», «من يناير إلى مارس 2015»."""
    m = g.NAMED["range"].match(body)
    if m is None:
        return None
    if m["yl"]:
        left, right = int(m["yl"]), int(m["yr"])
        if left >= right:
            return None
        return Found(0, 0, f"{left}/{right}", "range", False, [])
    if m["dd"]:
        left_text, right_text = re.split(r"\s*[-–]\s*", m["dd"], maxsplit=1)
    else:
        left_text, right_text = m["left"], m["right"]
    a, b = _SIDE.fullmatch(left_text.strip()), _SIDE.fullmatch(right_text.strip())
    if a is None or b is None:
        return None
    lm, ly = a["m"] or a["mo"], a["y"] or a["y2"] or a["y3"]
    rm, ry = b["m"] or b["mo"], b["y"] or b["y2"] or b["y3"]
    if not (rm or ry) or (a["d"] and not b["d"] and not lm):
        return None
    if (lm and norm_key(lm) in AMBIGUOUS_MONTHS and not ly) or (rm and norm_key(rm) in AMBIGUOUS_MONTHS and not ry):
        if not (a["d"] or b["d"]):
            return None
    ly = ly or (ry if (lm or rm) else None)
    lm = lm or (rm if a["d"] else None)
    relative = False
    if (lm or rm) and not (ly and ry):
        if ctx.anchor is None:
            return Found(0, 0, None, "range", True, ["unanchored"])
        direction = lx.DIRECTIONS[norm_key(m["rdir"])] if m["rdir"] else None
        year = dt.year_for_month(ctx.anchor, MONTHS[norm_key(rm or lm)], direction, ctx.future_weight)
        ly, ry, relative = ly or str(year), ry or str(year), True
    left_v = _side_value(a["d"], lm, ly)
    right_v = _side_value(b["d"], rm, ry)
    if left_v is None or right_v is None or not left_v < right_v:
        return None
    return Found(0, 0, f"{left_v}/{right_v}", "range", relative, [])


def _side_value(day: str | None, month: str | None, year: str | None) -> str | None:
    if year is None:
        return None
    if month is None:
        return None if day else year
    num = MONTHS[norm_key(month)]
    if day is None:
        return f"{year}-{num:02d}"
    d = dt.valid_day(int(year), num, int(day))
    return d.isoformat() if d else None


#: the reader of each kind of the master grammar
READERS: dict[str, Callable[[str, Context], Found | None]] = {
    "range": read_range, "chain": read_chain, "tfirst": read_chain, "hyear": read_hijri_year,
    "month": read_month, "period": read_period, "decade": read_decade, "century": read_century,
    "season": read_season,
    "ago": read_ago, "year": read_year, "bareyear": read_bare_year,
}
