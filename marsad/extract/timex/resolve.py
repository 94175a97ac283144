"""From a grammar match to a value: each kind of expression is read and anchored here.

A reader gets the normalised body text of one match, the normalised document (for the words
around it) and the anchor day (or None), and returns a `Found` or None when the match is not a
time after all (a named day like «ثورة 17 فبراير», «صلاة الجمعة», a bare number …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from marsad.extract.timex import dates as dt
from marsad.extract.timex import grammar as g
from marsad.extract.timex import lexicon as lx
from marsad.text.calendar import AM_PM, AMBIGUOUS_HIJRI, AMBIGUOUS_MONTHS, HIJRI_MONTHS, MONTHS, WEEKDAYS


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

    def before(self, n: int = 1) -> list[str]:
        """The `n` words before the match (nearest last), normalised."""
        return _WORD.findall(self.norm, max(0, self.start - 12 * n - 10), self.start)[-n:]

    def after(self) -> str:
        """The word right after the match ("" at the end)."""
        m = _NEXT_WORD.match(self.norm, self.end)
        return m.group(1) if m else ""


_WORD = re.compile(r"\w+")
_NEXT_WORD = re.compile(r"\s*(\w+)")
_SPACES = re.compile(r"\s+")

#: words before «17 فبراير» or a bare month that make it a name (revolution, brigade, square …)
_NAME_HEADS = frozenset(lx.squash(w) for w in (
    "ثورة", "ثوره", "حركة", "انتفاضة", "كتيبة", "لواء", "ميدان", "شارع", "جامعة", "مستشفى", "ساحة",
    "ائتلاف", "حرب", "تحالف", "مجموعة", "جبهة", "سرية", "تنظيم", "شباب", "ذكرى", "اتفاق", "اتفاقية",
    "مدرسة", "جسر", "قاعدة", "معسكر", "مطار", "حي", "مدينة", "تيار", "قوات", "غرفة", "كتائب",
))
#: words before a bare weekday that make it a prayer, a market or a set («كل جمعة»)
_WEEKDAY_BLOCK = frozenset(lx.squash(w) for w in (
    "صلاة", "صلاه", "خطبة", "خطيب", "مسجد", "جامع", "سوق", "كل", "أيام", "الواحد", "كلا",
    "جمعة", "جمع", "بين", "هذين", "لجنة",
))
#: words after «اليوم» that make it «the first day», «the next day», «the national day» …
_TODAY_BLOCK_AFTER = frozenset(lx.squash(w) for w in (
    "الأول", "الاول", "الثاني", "الثالث", "الرابع", "الخامس", "الأخير", "التالي", "السابق", "الذي",
    "العالمي", "الوطني", "الدولي", "نفسه", "ذاته", "ذلك", "الختامي", "الافتتاحي", "المفتوح",
    "الدراسي", "الموعود", "الواحد", "التالية",
))
#: «مليون برميل في اليوم», «ثلاث مرات في اليوم»: «في اليوم» after these means «per day»
_PER_DAY_UNITS = frozenset(lx.squash(w) for w in (
    "برميل", "مرة", "مرات", "ساعة", "ساعات", "دولار", "وجبة", "وجبات", "طن", "لتر", "رحلة", "رحلات",
    "زائر", "شخص", "حالة", "حالات", "ميغاواط", "متر", "كيلومتر", "قدم",
))
#: words before «الغد» that make it a party or a paper (حزب الغد، صحيفة الغد)
_TOMORROW_BLOCK = frozenset(lx.squash(w) for w in ("حزب", "صحيفة", "جريدة", "قناة", "تيار", "شباب", "مؤسسة"))


def _in(word: str, words: frozenset[str]) -> bool:
    """Whether `word`, or `word` without its proclitics (و ف ب ل ك), is one of `words`."""
    if word in words:
        return True
    if word[:1] in "وف" and (word[1:] in words or (word[1:2] in "بلك" and word[2:] in words)):
        return True
    return word[:1] in "بلك" and word[1:] in words


def _norm_key(text: str) -> str:
    return _SPACES.sub(" ", text.strip())


def _rel_value(anchor: date | None, make: Callable[[date], str | None]) -> tuple[str | None, list[str]]:
    """Apply `make` to the anchor, or report the expression as unanchored."""
    if anchor is None:
        return None, ["unanchored"]
    return make(anchor), []


# ---------------------------------------------------------------------------------------------
# chains: [part of day] [يوم] (numeric date | «11 أكتوبر 2016» | Hijri date | أمس | weekday) … [time]

def read_chain(body: str, ctx: Context) -> Found | None:
    """A day expression, possibly with a weekday, a part of the day and a clock time."""
    day: date | None = None
    absolute = False
    rel: int | None = None
    weekday: int | None = None
    wdir: int | None = None
    flags: list[str] = []
    clock: tuple[int, int | None] | None = None
    pieces = [(m.lastgroup or "", m.group()) for m in g.PIECES.finditer(body)]
    kinds = {k for k, _ in pieces}
    pod = ""
    unanchored = False
    for kind, text in pieces:
        f = g.NAMED.get(kind)
        m = f.match(text) if f is not None else None
        if kind == "part" and m:
            pod = lx.PARTS_OF_DAY.get(_norm_key(m["pod"]), "")
            if m["ghad"]:
                rel = 1
        elif kind == "ghad":
            if "part" not in kinds and not ctx.before(1)[-1:] == ["يوم"]:
                return None
            rel = 1
        elif kind == "rel" and m:
            if rel is None:
                rel = lx.RELATIVE_DAYS[_norm_key(m["rel"])]
        elif kind == "wd" and m and weekday is None:
            weekday = WEEKDAYS[m["wd"]]
            wdir = lx.DIRECTIONS[m["wdir"]] if m["wdir"] else None
        elif kind in ("dmy", "numdate", "hdate") and m and day is None:
            named = _named_event(m, ctx) if kind == "dmy" and len(pieces) == 1 else None
            if named is not None:
                return Found(0, 0, named.isoformat(), "day", False, ["named_event"])
            got = _read_day(kind, m, ctx, len(pieces) == 1)
            if got is False:
                return None
            if got is None:
                unanchored = True
                continue
            day = got
            absolute = kind != "dmy" or bool(m["y"])
        elif kind == "time" and m:
            clock = _read_clock(m, pod)
            if clock is None:
                return None
    if pod:
        flags.append(pod)
    if len(pieces) == 1 and not _single_piece_ok(pieces[0][0], ctx):
        return None
    relative = not absolute
    if day is not None:
        if weekday is not None and day.weekday() != weekday:
            flags.append("weekday_conflict")
    elif rel is None and weekday is None and not unanchored:
        if clock is None:
            return None
        if ctx.anchor is None:
            return Found(0, 0, None, "minute" if clock[1] is not None else "hour", True,
                         flags + ["unanchored"])
        day = ctx.anchor
        flags.append("assumed_day")
    elif ctx.anchor is None:
        return Found(0, 0, None, "day", True, flags + ["unanchored"])
    elif rel is not None:
        day = dt.shift(ctx.anchor, "day", rel)
        if weekday is not None and day.weekday() != weekday:
            day = dt.nearest_weekday(ctx.anchor, weekday, 1 if rel > 0 else -1)
            flags.append("weekday_conflict")
    elif weekday is not None:
        direction = wdir if wdir is not None else (1 if _future_cue(ctx) else 0)
        day = dt.nearest_weekday(ctx.anchor, weekday, direction)
    else:
        return None
    if clock is None:
        return Found(0, 0, day.isoformat(), "day", relative, flags)
    hour, minute = clock
    if minute is None:
        return Found(0, 0, f"{day.isoformat()}T{hour:02d}", "hour", relative, flags)
    return Found(0, 0, f"{day.isoformat()}T{hour:02d}:{minute:02d}", "minute", relative, flags)


def _single_piece_ok(kind: str, ctx: Context) -> bool:
    """Context checks for a chain made of one word (a bare weekday, «اليوم», «الغد»)."""
    prev = ctx.before(1)
    prev_word = prev[0] if prev else ""
    body = ctx.norm[ctx.start:ctx.end]
    if kind == "wd":
        return not _in(prev_word, _WEEKDAY_BLOCK) and ctx.after() not in ("معا", "عشر")
    if kind == "rel":
        if body == "اليوم" and ctx.after() in _TODAY_BLOCK_AFTER:
            return False
        two = ctx.before(2)
        if body == "اليوم" and len(two) == 2 and two[1] == "في" and (two[0].isdigit() or _in(two[0], _PER_DAY_UNITS)):
            return False
        if body == "الغد" and _in(prev_word, _TOMORROW_BLOCK):
            return False
        if body == "امس" and ctx.after() == "الحاجه":
            return False
    return True


def _future_cue(ctx: Context) -> bool:
    """Whether the words just before a bare weekday announce the future («سيعقد … الخميس»,
    «من المقرر أن …»): a cue phrase, or a verb with the future prefix سـ among the last words."""
    window = ctx.norm[max(0, ctx.start - 80):ctx.start]
    cut = max(window.rfind("."), window.rfind("\n"), window.rfind("،"))
    window = window[cut + 1:]
    if any(cue in window for cue in lx.FUTURE_CUES):
        return True
    return any(_FUTURE_VERB.match(w) and not w.lstrip("وف").startswith(_NOT_FUTURE)
               for w in _WORD.findall(window)[-5:])


#: a verb with the future prefix: سيعود، ستبدأ، سنواصل (after و or ف)
_FUTURE_VERB = re.compile(r"^[وف]?س[يتن]\w{3,}$")
#: words that look like a future verb but are nouns (سياسي، سيارة، سيطرة، ستين، سنوات …)
_NOT_FUTURE = tuple(lx.squash(w) for w in (
    "سياس", "سيار", "سيطر", "سيد", "سيناء", "ستين", "ستة", "ستار", "سنة", "سنوات", "سنوي", "سنغال",
    "سيول", "سيف", "سيرة", "سيرا", "سينما", "ستراتيج", "سيبير", "ستوديو", "سنين", "سنتيم", "سيئ",
))


def _named_event(m: re.Match[str], ctx: Context) -> date | None:
    """The day of «ثورة 17 فبراير», «هجمات 11 سبتمبر» (a known date naming an event), or None."""
    if m["y"] or m["ydir"] or m["ythis"] or m["mdir"]:
        return None
    prev = ctx.before(1)
    if not prev or not _in(prev[0], lx.EVENT_HEADS):
        return None
    day = int(m["d"]) if m["d"] else lx.ORDINALS[_norm_key(m["od"])]
    year = lx.NAMED_DATES.get((day, MONTHS[_norm_key(m["m"])]))
    return dt.valid_day(year, MONTHS[_norm_key(m["m"])], day) if year else None


def _read_day(kind: str, m: re.Match[str], ctx: Context, alone: bool) -> date | None | bool:
    """The day of a numeric, «day month [year]» or Hijri piece; None when it needs an absent
    anchor; False when it is not a date."""
    if kind == "numdate":
        if m["ymd_y"]:
            return dt.valid_day(int(m["ymd_y"]), int(m["ymd_m"]), int(m["ymd_d"])) or False
        year = int(m["dmy_y"])
        if year < 100:
            year += 2000 if year < 70 else 1900
        return dt.valid_day(year, int(m["dmy_m"]), int(m["dmy_d"])) or False
    if kind == "hdate":
        hm = HIJRI_MONTHS[_norm_key(m["hm"])]
        hday = int(m["hd"]) if m["hd"] else lx.ORDINALS[_norm_key(m["hod"])]
        if m["hy"]:
            return dt.hijri_to_gregorian(int(m["hy"]), hm, hday) or False
        if _norm_key(m["hm"]) in AMBIGUOUS_HIJRI and not m["hmark"]:
            return False
        if ctx.anchor is None:
            return None
        hyear = dt.hijri_year_of(ctx.anchor)
        if hyear is None:
            return False
        cands = [d for d in (dt.hijri_to_gregorian(hyear + k, hm, hday) for k in (-1, 0, 1)) if d]
        return min(cands, key=lambda d: abs((d - ctx.anchor).days)) if cands else False
    month_word = _norm_key(m["m"])
    month = MONTHS[month_word]
    if m["m2"] and MONTHS[_norm_key(m["m2"])] != month:
        return False
    if month_word in AMBIGUOUS_MONTHS and ctx.clitic and not m["m2"]:
        return False
    day = int(m["d"]) if m["d"] else lx.ORDINALS[_norm_key(m["od"])]
    if m["y"]:
        return dt.valid_day(int(m["y"]), month, day) or False
    prev = ctx.before(1)
    if alone and prev and _in(prev[0], _NAME_HEADS):
        return False
    if ctx.anchor is None:
        return None
    if m["ydir"] or m["ythis"]:
        year = ctx.anchor.year + (lx.DIRECTIONS[_norm_key(m["ydir"])] if m["ydir"] else 0)
        return dt.valid_day(year, month, day) or False
    direction = lx.DIRECTIONS[_norm_key(m["mdir"])] if m["mdir"] else None
    return dt.year_for_day(ctx.anchor, month, day, direction) or False


def _read_clock(m: re.Match[str], pod: str) -> tuple[int, int | None] | None:
    """(hour 0-23, minute or None) of a clock piece, or None when it is not a time."""
    minute: int | None = None
    if m["hh"]:
        hour, minute = int(m["hh"]), int(m["mm"])
    elif not m["sa"]:
        return None
    elif m["h"]:
        hour = int(m["h"])
    else:
        hour = 1 if _norm_key(m["hw"]) == "الواحده" else lx.ORDINALS[_norm_key(m["hw"])]
    if m["frac"]:
        delta = lx.HOUR_FRACTIONS[_norm_key(m["frac"])]
        if delta < 0:
            hour, minute = hour - 1, 60 + delta
        else:
            minute = delta
    half = AM_PM.get(_norm_key(m["ap"])) if m["ap"] else None
    marker = _norm_key(m["ap"]) if m["ap"] else ""
    if half is None and pod in ("evening", "night", "afternoon"):
        half = "pm"
    elif half is None and pod in ("morning", "dawn"):
        half = "am"
    if half == "pm" and hour < 12 and not (marker == "ليلا" or pod == "night") or (
            half == "pm" and (marker == "ليلا" or pod == "night") and 6 <= hour < 12):
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if not (0 <= hour <= 24 and (minute is None or 0 <= minute < 60)):
        return None
    return hour % 24, minute


# ---------------------------------------------------------------------------------------------
# months, years, periods, counts, decades, seasons, Hijri years, ranges

def read_month(body: str, ctx: Context) -> Found | None:
    """«أكتوبر 2016», «شهر أكتوبر الماضي», «مطلع نوفمبر», «أول أكتوبر» (the first day)."""
    m = g.NAMED["month"].match(body)
    if m is None:
        return None
    word = _norm_key(m["m"])
    month = MONTHS[word]
    if m["m2"] and MONTHS[_norm_key(m["m2"])] != month:
        return None
    has_year = bool(m["y"] or m["ydir"] or m["ythis"])
    mod = _norm_key(m["mod"]) if m["mod"] else ""
    if word in AMBIGUOUS_MONTHS and not (m["y"] or m["shahr"] or m["m2"] or _clear_direction(m["mdir"])):
        return None
    if not (has_year or m["shahr"] or mod or m["mdir"] or m["m2"]):
        prev = ctx.before(1)
        if not prev or not _in(prev[0], lx.YEAR_PREPOSITIONS) or _in(prev[0], _NAME_HEADS):
            return None
    flags = [lx.MODIFIERS[mod]] if mod and not (mod == "اول" and not m["shahr"]) else []
    first_day = mod == "اول" and not m["shahr"]
    if m["y"]:
        year = int(m["y"])
        return _month_found(year, month, first_day, False, flags)
    if ctx.anchor is None:
        return Found(0, 0, None, "day" if first_day else "month", True, flags + ["unanchored"])
    if m["ydir"] or m["ythis"]:
        year = ctx.anchor.year + (lx.DIRECTIONS[_norm_key(m["ydir"])] if m["ydir"] else 0)
    else:
        direction = lx.DIRECTIONS[_norm_key(m["mdir"])] if m["mdir"] else None
        year = dt.year_for_month(ctx.anchor, month, direction)
    return _month_found(year, month, first_day, True, flags)


def _clear_direction(word: str | None) -> bool:
    """«الماضي»، «المقبل»، «الجاري» … but not «السابق» (which also follows a noun: «الأب السابق»)."""
    return bool(word) and not _norm_key(word).startswith("السابق")


def _month_found(year: int, month: int, first_day: bool, relative: bool, flags: list[str]) -> Found:
    if first_day:
        return Found(0, 0, f"{year:04d}-{month:02d}-01", "day", relative, flags)
    return Found(0, 0, f"{year:04d}-{month:02d}", "month", relative, flags)


def read_year(body: str, ctx: Context) -> Found | None:
    """«عام 2014», «العام 2002 م», «أواخر 2015»."""
    m = g.NAMED["year"].match(body)
    if m is None:
        return None
    flags = [lx.MODIFIERS[_norm_key(m["mod"])]] if m["mod"] else []
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
    if prev and _in(prev[0], lx.YEAR_PREPOSITIONS):
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
    flags = [lx.MODIFIERS[_norm_key(mod)]] if mod else []
    noun = lx.PERIODS[_norm_key(m["pn"] or m["pthis"] or m["pbare"])]
    step = lx.DIRECTIONS[_norm_key(m["dir"])] if m["dir"] else 0
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

    value, extra = _rel_value(ctx.anchor, make)
    return Found(0, 0, value, precision, True, flags + extra)


def read_ago(body: str, ctx: Context) -> Found | None:
    """«منذ يومين», «قبل ثلاثة أيام», «قبل 5 سنوات», «بعد أسبوعين»: the anchor moved back or on."""
    m = g.NAMED["ago"].match(body)
    if m is None:
        return None
    unit, implied = lx.UNITS[_norm_key(m["unit"])]
    if m["num"]:
        count = int(m["num"])
    elif m["card"]:
        count = lx.CARDINALS[_norm_key(m["card"])]
    else:
        count = implied
    if count <= 0 or (implied == 2 and (m["num"] or m["card"])):
        return None
    sign = 1 if m["prep"] == "بعد" else -1

    def make(anchor: date) -> str:
        day = dt.shift(anchor, unit, sign * count)
        if unit == "day":
            return day.isoformat()
        if unit == "week":
            return dt.iso_week(day)
        if unit == "month":
            return f"{day.year:04d}-{day.month:02d}"
        return f"{day.year:04d}"

    value, extra = _rel_value(ctx.anchor, make)
    return Found(0, 0, value, unit, True, (["approx"] if m["approx"] else []) + extra)


def read_decade(body: str, ctx: Context) -> Found | None:
    """«الستينيات», «ثمانينيات القرن الماضي» -> "196", "198" (precision decade)."""
    m = g.NAMED["decade"].match(body)
    if m is None:
        return None
    century = lx.CENTURIES[_norm_key(m["cent"])] if m["cent"] else 19
    flags = [lx.MODIFIERS[_norm_key(m["mod"])]] if m["mod"] else []
    return Found(0, 0, f"{century}{lx.DECADES[_norm_key(m['dec'])]}", "decade", False, flags)


def read_century(body: str, ctx: Context) -> Found | None:
    """«القرن الماضي», «أواخر القرن التاسع عشر» -> the range of its years ("1900/1999")."""
    m = g.NAMED["century"].match(body)
    if m is None:
        return None
    century = lx.CENTURIES[_norm_key(m["cent"])]
    flags = [lx.MODIFIERS[_norm_key(m["mod"])]] if m["mod"] else []
    return Found(0, 0, f"{century}00/{century}99", "range", False, flags + ["century"])


def read_season(body: str, ctx: Context) -> Found | None:
    """«صيف 2014», «الشتاء الماضي», «ربيع العام المقبل» -> "2014-SU" (precision season)."""
    m = g.NAMED["season"].match(body)
    if m is None:
        return None
    code = lx.SEASONS[m["season"]]
    flags = [lx.MODIFIERS[_norm_key(m["mod"])]] if m["mod"] else []
    if m["y"]:
        return Found(0, 0, f"{m['y']}-{code}", "season", False, flags)
    if ctx.anchor is None:
        return Found(0, 0, None, "season", True, flags + ["unanchored"])
    if m["ydir"] or m["ythis"]:
        year = ctx.anchor.year + (lx.DIRECTIONS[_norm_key(m["ydir"])] if m["ydir"] else 0)
    else:
        year = dt.year_for_season(ctx.anchor, code, lx.DIRECTIONS[_norm_key(m["sdir"])])
    return Found(0, 0, f"{year:04d}-{code}", "season", True, flags)


def read_hijri_year(body: str, ctx: Context) -> Found | None:
    """«رمضان 1437 هـ», «عام 1438 هـ»: the Gregorian range of the Hijri month or year."""
    m = g.NAMED["hyear"].match(body)
    if m is None:
        return None
    year = int(m["hy"] or m["hy2"])
    month_word = m["hm"] or m["hm2"]
    if month_word:
        span = dt.hijri_month_range(year, HIJRI_MONTHS[_norm_key(month_word)])
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
    if (lm and _norm_key(lm) in AMBIGUOUS_MONTHS and not ly) or (rm and _norm_key(rm) in AMBIGUOUS_MONTHS and not ry):
        if not (a["d"] or b["d"]):
            return None
    ly = ly or (ry if (lm or rm) else None)
    lm = lm or (rm if a["d"] else None)
    relative = False
    if (lm or rm) and not (ly and ry):
        if ctx.anchor is None:
            return Found(0, 0, None, "range", True, ["unanchored"])
        direction = lx.DIRECTIONS[_norm_key(m["rdir"])] if m["rdir"] else None
        year = dt.year_for_month(ctx.anchor, MONTHS[_norm_key(rm or lm)], direction)
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
    num = MONTHS[_norm_key(month)]
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
