"""Arabic normalisation for matching, with a map back to the original offsets.

Normalisation is only ever for matching: the hamza-carrying alefs become bare alef, alef maqsura
becomes ya, ta marbuta becomes ha, Arabic-Indic and Persian digits become ASCII digits (and the
Arabic percent, decimal and thousands signs become «%», «.», «,»); diacritics,
tatweel, bidi controls and zero-width marks are dropped. Every change is one character to one or one
to none, so the normalised string maps back to the original with a sorted list of deletions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# one character to one character
_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ک": "ك", "ڪ": "ك", "ھ": "ه",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ",
    "٪": "%", "٫": ".", "٬": ",",  # Arabic percent sign, decimal and thousands separators
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian) digits

# characters dropped entirely: harakat, Quranic marks, tatweel, bidi and zero-width controls
_DROP_CLASS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"  # diacritics and marks
    "\u0640"  # tatweel
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad"  # zero-width, bidi, BOM, soft hyphen
)
_DROP_RE = re.compile(f"[{_DROP_CLASS}]")


def _drop_chars() -> list[str]:
    """Every character the drop class covers, expanded from its ranges."""
    out: list[str] = []
    i = 0
    s = _DROP_CLASS
    while i < len(s):
        if i + 2 < len(s) and s[i + 1] == "-":
            out.extend(chr(c) for c in range(ord(s[i]), ord(s[i + 2]) + 1))
            i += 3
        else:
            out.append(s[i])
            i += 1
    return out


#: combining marks (harakat, Quranic marks, superscript alef): they belong to the letter before
_MARKS = frozenset(c for c in _drop_chars() if "\u0610" <= c <= "\u06ed" and c not in "\u0640\u061c")
_TABLE = str.maketrans({**_MAP, **{c: None for c in _drop_chars()}})
DROPPED = frozenset(_drop_chars())


_PAIRS = tuple(_MAP.items())
# below this length one `str.translate` pass is quicker; above it, a chain of C-level replaces
_SHORT = 48


def normalise(text: str) -> str:
    """The normalised form of `text` (for matching and lookup only, never for display)."""
    if len(text) < _SHORT:
        return text.translate(_TABLE)
    for old, new in _PAIRS:
        if old in text:
            text = text.replace(old, new)
    return _DROP_RE.sub("", text)


@dataclass(slots=True)
class NormText:
    """A normalised view of an original text with offset conversion in both directions.

    `keys[k]` is the normalised position at which the k-th deleted original character would
    stand; normalised index `i` maps to original index `i + bisect_right(keys, i)`.
    """

    original: str
    norm: str
    deleted: list[int]
    keys: list[int]

    def to_original(self, i: int) -> int:
        """Original index of the normalised character at `i` (or of the end, when i == len(norm))."""
        if not self.deleted:
            return i
        if i >= len(self.norm):
            return len(self.original)
        return i + bisect_right(self.keys, i)

    def to_original_end(self, j: int) -> int:
        """Original exclusive end for a normalised exclusive end `j` (j > 0).

        Diacritics right after the last character belong to it and are included («حفترُ» whole).
        """
        if not self.deleted or j <= 0:
            return j
        o = self.to_original(j - 1) + 1
        text = self.original
        while o < len(text) and text[o] in _MARKS:
            o += 1
        return o

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) for a normalised half-open span."""
        if start >= end:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original_end(end)

    def to_norm(self, i: int) -> int:
        """Normalised index for original index `i` (a deleted character maps to the next kept one)."""
        if not self.deleted:
            return i
        return i - bisect_right(self.deleted, i - 1)


def normalise_with_map(text: str) -> NormText:
    """Normalise `text` and keep what is needed to map normalised offsets back to it."""
    norm = normalise(text)
    if len(norm) == len(text):
        return NormText(text, norm, [], [])
    deleted = [m.start() for m in _DROP_RE.finditer(text)]
    keys = [d - k for k, d in enumerate(deleted)]
    return NormText(text, norm, deleted, keys)
