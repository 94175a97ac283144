"""Finding the time expressions of a text: one pass of the master grammar, then resolution.

`find_times` is the whole of the `times` layer as a function: it scans the normalised text once,
reads each match, maps its offsets back to the original text and numbers the results t1, t2 ….
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from marsad.extract.timex import grammar as g
from marsad.extract.timex.dates import FUTURE_WEIGHT, parse_anchor
from marsad.extract.timex.base import Context, Found
from marsad.extract.timex.resolve import READERS
from marsad.model import Sentence, Time
from marsad.text.normalise import NormText, normalise_with_map

_TRIM = " \t\n\u00a0،,-–/("
_KINDS = tuple(name for name, _ in g.KINDS)


def find_times(text: str, published: str | None = None, *, norm: NormText | None = None,
               sentences: Sequence[Sentence] = (), future_weight: float = FUTURE_WEIGHT) -> list[Time]:
    """Every time expression of `text`, resolved against the `published` date (ISO) when given.

    `norm` is the normalised view of `text` (built when not given); `sentences` bound the
    search for the day of a bare clock time («الساعة الثالثة فجراً»); `future_weight` weighs the
    distance of a future reading of a date named without its year (see `dates.year_for_day`).
    """
    norm = norm or normalise_with_map(text)
    anchor = parse_anchor(published)
    found: list[Found] = []
    for m in g.MASTER.finditer(norm.norm):
        kind = next((k for k in _KINDS if m.group(k) is not None), "")
        start, end = m.span("body")
        body = m.group("body")
        while body and body[-1] in _TRIM:
            body, end = body[:-1], end - 1
        ctx = Context(norm.norm, start, end, m.group("clitic"), anchor, future_weight)
        try:
            item = READERS[kind](body, ctx)
        except (ValueError, OverflowError):  # calendar arithmetic beyond year 1 or 9999
            item = Found(0, 0, None, "day", False, ["out_of_range"])
        if item is None:
            if kind in ("year", "bareyear") and _in_year_list(found, m.group("clitic"), start, norm.norm):
                item = Found(0, 0, body[:4], "year")
            else:
                continue
        item.start, item.end, item.kind = start, end, kind
        found.append(item)
    _date_bare_clocks(found, norm, sentences)
    out: list[Time] = []
    for i, f in enumerate(found, 1):
        s, e = norm.span(f.start, f.end)
        out.append(Time(id=f"t{i}", start=s, end=e, text=text[s:e], value=f.value,
                        precision=f.precision,
                        anchor=anchor.isoformat() if anchor is not None and f.relative else None,
                        flags=list(dict.fromkeys(f.flags))))
    return out


def _in_year_list(found: list[Found], clitic: str, start: int, norm: str) -> bool:
    """«في عامي 2014 و2016»: a bare year joined by و to a year just found."""
    if clitic != "و" or not found or found[-1].precision != "year":
        return False
    gap = norm[found[-1].end:start - len(clitic)]
    return not gap.strip(" ،,")


def _date_bare_clocks(found: list[Found], norm: NormText, sentences: Sequence[Sentence]) -> None:
    """A clock time alone («الساعة العاشرة صباحاً») takes the day of the last day expression of its
    sentence when there is one (it was anchored on the publication day otherwise)."""
    if not sentences:
        return
    starts = [s.start for s in sentences]
    last_day: dict[int, str] = {}
    for f in found:
        sent = bisect_right(starts, norm.to_original(f.start)) - 1
        if f.value and f.precision == "day":
            last_day[sent] = f.value
        elif "assumed_day" in f.flags and sent in last_day and f.value:
            f.value = last_day[sent] + f.value[10:]
            f.flags.remove("assumed_day")
