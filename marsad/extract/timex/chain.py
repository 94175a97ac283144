"""Reading a day expression: [part of day] [يوم] (numeric date | «11 أكتوبر 2016» | Hijri date |
«أمس» | weekday) … [clock time], with the weekday-conflict rule and the bare-weekday direction.

`read_chain` runs three named steps: `_gather` reads the pieces into a `_Chain`, `_place_day` finds
the day they name (or answers early), and `_found` writes the value at the finest unit given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from marsad.extract.timex import dates as dt
from marsad.extract.timex import grammar as g
from marsad.extract.timex import lexicon as lx
from marsad.extract.timex.base import (
    NAME_HEADS, PER_DAY_UNITS, TODAY_BLOCK_AFTER, TOMORROW_BLOCK, WEEKDAY_BLOCK, WORD, Context, Found,
    in_words, norm_key,
)
from marsad.text.calendar import AM_PM, AMBIGUOUS_HIJRI, AMBIGUOUS_MONTHS, HIJRI_MONTHS, MONTHS, WEEKDAYS


@dataclass(slots=True)
class _Chain:
    """What the pieces of one day expression said: an explicit day, a relative day, a weekday
    (with its direction), a clock time and a part of the day."""

    kinds: set[str]
    day: date | None = None
    absolute: bool = False
    rel: int | None = None
    weekday: int | None = None
    wdir: int | None = None
    clock: tuple[int, int | None] | None = None
    pod: str = ""
    unanchored: bool = False
    flags: list[str] = field(default_factory=list)


def read_chain(body: str, ctx: Context) -> Found | None:
    """A day expression, possibly with a weekday, a part of the day and a clock time."""
    pieces = [(m.lastgroup or "", m.group()) for m in g.PIECES.finditer(body)]
    chain = _Chain({k for k, _ in pieces})
    for kind, text in pieces:
        taken = _take(chain, kind, text, ctx, alone=len(pieces) == 1)
        if taken is not True:
            return taken if isinstance(taken, Found) else None
    if chain.pod:
        chain.flags.append(chain.pod)
    if len(pieces) == 1 and not _single_piece_ok(pieces[0][0], ctx):
        return None
    day = _place_day(chain, ctx)
    if not isinstance(day, date):
        return day
    return _found(day, chain.clock, not chain.absolute, chain.flags)


def _take(chain: _Chain, kind: str, text: str, ctx: Context, alone: bool) -> Found | bool:
    """Read one piece into `chain`: True to go on, False when the chain is not a time expression,
    or the finished value (a named event such as «ثورة 17 فبراير»)."""
    f = g.NAMED.get(kind)
    m = f.match(text) if f is not None else None
    if kind == "part" and m:
        chain.pod = lx.PARTS_OF_DAY.get(norm_key(m["pod"]), "")
        if m["ghad"]:
            chain.rel = 1
    elif kind == "ghad":
        if "part" not in chain.kinds and not ctx.before(1)[-1:] == ["يوم"]:
            return False
        chain.rel = 1
    elif kind == "rel" and m:
        if chain.rel is None:
            chain.rel = lx.RELATIVE_DAYS[norm_key(m["rel"])]
    elif kind == "wd" and m and chain.weekday is None:
        chain.weekday = WEEKDAYS[m["wd"]]
        chain.wdir = lx.DIRECTIONS[m["wdir"]] if m["wdir"] else None
    elif kind in ("dmy", "numdate", "hdate") and m and chain.day is None:
        return _take_date(chain, kind, m, ctx, alone)
    elif kind == "time" and m:
        chain.clock = _read_clock(m, chain.pod)
        if chain.clock is None:
            return False
    return True


def _take_date(chain: _Chain, kind: str, m: re.Match[str], ctx: Context, alone: bool) -> Found | bool:
    """Read a date piece (numeric, «day month [year]», Hijri) into `chain`; as `_take`."""
    named = _named_event(m, ctx) if kind == "dmy" and alone else None
    if named is not None:
        return Found(0, 0, named.isoformat(), "day", False, ["named_event"])
    got = _read_day(kind, m, ctx, alone)
    if got is False:
        return False
    if got is None:
        chain.unanchored = True
        return True
    chain.day = got
    chain.absolute = kind != "dmy" or bool(m["y"])
    return True


def _place_day(chain: _Chain, ctx: Context) -> date | Found | None:
    """The day the chain names (adding the weekday-conflict or assumed-day flag), an unanchored
    value when the article has no date to count from, or None when it names no day."""
    flags, weekday, rel = chain.flags, chain.weekday, chain.rel
    if chain.day is not None:
        if weekday is not None and chain.day.weekday() != weekday:
            flags.append("weekday_conflict")
        return chain.day
    if rel is None and weekday is None and not chain.unanchored:
        if chain.clock is None:
            return None
        if ctx.anchor is None:
            return Found(0, 0, None, "minute" if chain.clock[1] is not None else "hour", True,
                         flags + ["unanchored"])
        flags.append("assumed_day")
        return ctx.anchor
    if ctx.anchor is None:
        return Found(0, 0, None, "day", True, flags + ["unanchored"])
    if rel is not None:
        day = dt.shift(ctx.anchor, "day", rel)
        if weekday is not None and day.weekday() != weekday:
            day = dt.nearest_weekday(ctx.anchor, weekday, 1 if rel > 0 else -1)
            flags.append("weekday_conflict")
        return day
    if weekday is not None:
        direction = chain.wdir if chain.wdir is not None else (1 if future_cue(ctx) else 0)
        return dt.nearest_weekday(ctx.anchor, weekday, direction)
    return None


def _found(day: date, clock: tuple[int, int | None] | None, relative: bool, flags: list[str]) -> Found:
    """The value of a placed day, to the hour or minute when a clock time was given."""
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
        return not in_words(prev_word, WEEKDAY_BLOCK) and ctx.after() not in ("معا", "عشر")
    if kind == "rel":
        if body == "اليوم" and ctx.after() in TODAY_BLOCK_AFTER:
            return False
        two = ctx.before(2)
        if body == "اليوم" and len(two) == 2 and two[1] == "في" and (two[0].isdigit() or in_words(two[0], PER_DAY_UNITS)):
            return False
        if body == "الغد" and in_words(prev_word, TOMORROW_BLOCK):
            return False
        if body == "امس" and ctx.after() == "الحاجه":
            return False
    return True


def future_cue(ctx: Context) -> bool:
    """Whether the words just before a bare weekday announce the future («سيعقد … الخميس»,
    «من المقرر أن …»): a cue phrase, or a verb with the future prefix سـ among the last words."""
    window = ctx.norm[max(0, ctx.start - 80):ctx.start]
    cut = max(window.rfind("."), window.rfind("\n"), window.rfind("،"))
    window = window[cut + 1:]
    if any(cue in window for cue in lx.FUTURE_CUES):
        return True
    return any(_FUTURE_VERB.match(w) and not w.lstrip("وف").startswith(_NOT_FUTURE)
               for w in WORD.findall(window)[-5:])


#: a verb with the future prefix: سيعود، ستبدأ، سنواصل (after و or ف)
_FUTURE_VERB = re.compile(r"^[وف]?س[يتن]\w{3,}$")
#: words that look like a future verb but are nouns (سياسي، سيارة، سيطرة، ستين، سنوات …)
_NOT_FUTURE = tuple(lx.squash(w) for w in (
    "سياس", "سيار", "سيطر", "سيد", "سيناء", "ستين", "ستة", "ستار", "سنة", "سنوات", "سنوي", "سنغال",
    "سيول", "سيف", "سيرة", "سيرا", "سينما", "ستراتيج", "سيبير", "ستوديو", "سنين", "سنتيم", "سيئ",
))


def _named_event(m: re.Match[str], ctx: Context) -> date | None:
    """The day of «ثورة 17 فبراير», «هجمات 11 سبتمبر» (a known date naming an event), or None."""
    if m["m"] is None or m["y"] or m["ydir"] or m["ythis"] or m["mdir"]:
        return None
    prev = ctx.before(1)
    if not prev or not in_words(prev[0], lx.EVENT_HEADS):
        return None
    day = int(m["d"]) if m["d"] else lx.ORDINALS[norm_key(m["od"])]
    year = lx.NAMED_DATES.get((day, MONTHS[norm_key(m["m"])]))
    return dt.valid_day(year, MONTHS[norm_key(m["m"])], day) if year else None


def _read_day(kind: str, m: re.Match[str], ctx: Context, alone: bool) -> date | None | bool:
    """The day of a numeric, «day month [year]» or Hijri piece; None when it needs an absent
    anchor; False when it is not a date."""
    if kind == "numdate":
        if m["ymd_y"]:
            return dt.valid_day(int(m["ymd_y"]), int(m["ymd_m"]), int(m["ymd_d"])) or False
        year = int(m["dmy_y"])
        if year < 100:
            year += 2000 if year < 70 else 1900
        # day first as written in Arabic; month first only when the day-first reading is impossible
        return (dt.valid_day(year, int(m["dmy_m"]), int(m["dmy_d"]))
                or dt.valid_day(year, int(m["dmy_d"]), int(m["dmy_m"])) or False)
    if kind == "hdate":
        hm = HIJRI_MONTHS[norm_key(m["hm"])]
        hday = int(m["hd"]) if m["hd"] else lx.ORDINALS[norm_key(m["hod"])]
        if m["hy"]:
            return dt.hijri_to_gregorian(int(m["hy"]), hm, hday) or False
        if norm_key(m["hm"]) in AMBIGUOUS_HIJRI and not m["hmark"]:
            return False
        if ctx.anchor is None:
            return None
        hyear = dt.hijri_year_of(ctx.anchor)
        if hyear is None:
            return False
        cands = [d for d in (dt.hijri_to_gregorian(hyear + k, hm, hday) for k in (-1, 0, 1)) if d]
        return min(cands, key=lambda d: abs((d - ctx.anchor).days)) if cands else False
    day = int(m["d"]) if m["d"] else lx.ORDINALS[norm_key(m["od"])]
    if m["m"] is None:  # «العاشر من الشهر الجاري», «5 من الشهر الماضي»
        if ctx.anchor is None:
            return None
        year, month = dt.add_months(ctx.anchor, lx.DIRECTIONS[norm_key(m["pmdir"])] if m["pmdir"] else 0)
        return dt.valid_day(year, month, day) or False
    month_word = norm_key(m["m"])
    month = MONTHS[month_word]
    if m["m2"] and MONTHS[norm_key(m["m2"])] != month:
        return False
    if month_word in AMBIGUOUS_MONTHS and ctx.clitic and not m["m2"]:
        return False
    if m["y"]:
        return dt.valid_day(int(m["y"]), month, day) or False
    prev = ctx.before(1)
    if alone and prev and in_words(prev[0], NAME_HEADS):
        return False
    if ctx.anchor is None:
        return None
    if m["ydir"] or m["ythis"]:
        year = ctx.anchor.year + (lx.DIRECTIONS[norm_key(m["ydir"])] if m["ydir"] else 0)
        return dt.valid_day(year, month, day) or False
    direction = lx.DIRECTIONS[norm_key(m["mdir"])] if m["mdir"] else None
    return dt.year_for_day(ctx.anchor, month, day, direction, ctx.future_weight) or False


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
        hour = 1 if norm_key(m["hw"]) == "الواحده" else lx.ORDINALS[norm_key(m["hw"])]
    if m["frac"]:
        delta = lx.HOUR_FRACTIONS[norm_key(m["frac"])]
        if delta < 0:
            hour, minute = hour - 1, 60 + delta
        else:
            minute = delta
    half = AM_PM.get(norm_key(m["ap"])) if m["ap"] else None
    marker = norm_key(m["ap"]) if m["ap"] else ""
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
