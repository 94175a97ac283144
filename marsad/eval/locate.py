"""Finding gold evidence in the article text: exact search first, then a normalised one.

The normalised search compares `marsad.text.normalise.normalise` forms (hamza, alef, ya and ta
marbuta variants, diacritics, tatweel, digits) with any run of white space matching any other, and
maps the hits back to original offsets through `normalise_with_map`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.eval.gold import Evidence
from marsad.text.normalise import NormText, normalise, normalise_with_map

Span = tuple[int, int]


@lru_cache(maxsize=16)
def _norm_view(text: str) -> NormText:
    return normalise_with_map(text)


def find_all(text: str, quote: str) -> list[Span]:
    """Every occurrence of `quote` in `text` as original (start, end) pairs; [] when absent."""
    quote = quote.strip()
    if not quote:
        return []
    hits = [(m.start(), m.start() + len(quote)) for m in re.finditer(re.escape(quote), text)]
    if hits:
        return hits
    words = normalise(quote).split()
    if not words:
        return []
    view = _norm_view(text)
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    return [view.span(m.start(), m.end()) for m in pattern.finditer(view.norm)]


def locate(text: str, evidence: Evidence) -> list[Span] | None:
    """Where a piece of gold evidence stands: offsets as given, or every hit of a quote.

    Returns None when there is no evidence, [] when a quote is not found or offsets fall outside.
    """
    if evidence is None:
        return None
    if isinstance(evidence, tuple):
        start, end = evidence
        return [(start, end)] if 0 <= start < end <= len(text) else []
    return find_all(text, evidence)


def evidence_text(text: str, evidence: Evidence) -> str | None:
    """The words of a piece of evidence: the quote itself, or the text under its offsets."""
    if evidence is None:
        return None
    if isinstance(evidence, tuple):
        start, end = evidence
        return text[start:end] if 0 <= start < end <= len(text) else None
    return evidence


def overlaps(a: Span, spans: list[Span] | None) -> bool:
    """Whether span `a` shares at least one character with any of `spans`."""
    if not spans or a[0] >= a[1]:
        return False
    return any(max(a[0], s) < min(a[1], e) for s, e in spans)


def describe(evidence: Evidence) -> str:
    """A short human form of a piece of evidence for warnings."""
    if isinstance(evidence, tuple):
        return f"offsets {evidence[0]}-{evidence[1]}"
    quote = evidence or ""
    return f"«{quote[:60]}…»" if len(quote) > 60 else f"«{quote}»"
