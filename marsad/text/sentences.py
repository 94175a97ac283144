"""Sentence splitting for Arabic news layout.

The rules, in order:

* every line is its own block: a newline always ends a sentence, so the headline and the date line
  of an article are sentences of their own and never glued to the first paragraph;
* inside a line, a run of «.» «!» «?» «؟» «۔» ends a sentence when white space (or an Arabic letter,
  for the common «انتهى.وقال» typo) follows it; the Arabic comma «،» and «؛» never do;
* closing quotes and brackets right after the end mark belong to the sentence before
  («قال: "انتهى." ثم» ends after the closing quote);
* no sentence ends inside a quotation or a bracket that is closed on the same line («...»، “...”،
  "..."، (...)); a quotation left open is ignored, so it cannot swallow more than its paragraph;
* a full stop does not end a sentence after a one-letter abbreviation («د.», «م.», «J.») unless a number
  stands right before the letter («عام 2016 م.» ends), after a Latin title abbreviation (Mr., Dr.), or
  after the number of a numbered list («1.» at the start of a line or after «:» «،» «؛», and the
  items after it: «1. الأمن 2. الخدمات»);
* two or more dots (an ellipsis, «…») mark a pause, not an end; dots inside numbers («3.5») or
  names («www.example.com») are never followed by white space and so never split.

Offsets are into the original text, trimmed of white space and invisible marks at both ends; a piece
without any letter or digit (a line of dashes) is not a sentence.
"""

from __future__ import annotations

import re

from marsad.model import Sentence

_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x85]+")
# an end mark run, then the closing quotes/brackets that follow it
_END = re.compile(r"(?:[.!?؟۔]+|…)[\"'»”’)\]]*")
_BRACKETS = re.compile(r"[\"«»“”()\[\]]")
_HAS_CONTENT = re.compile(r"[^\W_\u0640]")
_TRIM = " \t\u00a0\u2007\u202f\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e" \
        "\u2066\u2067\u2068\u2069\u061c\ufeff\u3000\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008" \
        "\u2009\u200a"
_CLOSER_OF = {"«": "»", "(": ")", "[": "]"}
_MARKS = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x0610, 0x061B)]
)
#: Latin abbreviations that a full stop does not end a sentence after (lower case).
LATIN_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp",
    "gen", "col", "lt", "sgt", "capt", "maj", "gov", "rep", "sen", "rev", "fig", "vol", "p", "pp",
})
_LIST_CONTEXT = frozenset(":،,؛;(-–—•*")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` as half-open ranges of the original text, trimmed of white space."""
    out: list[Sentence] = []
    for line in _LINE.finditer(text):
        ls, le = line.span()
        if _END.search(text, ls, le) is None:
            _add(text, ls, le, out)
            continue
        start = ls
        for cut in _cuts(text, ls, le):
            _add(text, start, cut, out)
            start = cut
        _add(text, start, le, out)
    return out


def _add(text: str, s: int, e: int, out: list[Sentence]) -> None:
    """Append the trimmed range [s, e) when it holds a letter or a digit."""
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    if e > s and _HAS_CONTENT.search(text, s, e):
        out.append(Sentence(s, e))


def _cuts(text: str, ls: int, le: int) -> list[int]:
    """The positions inside the line [ls, le) where one sentence ends and the next may begin."""
    regions: list[tuple[int, int]] | None = None  # computed when first needed
    cuts: list[int] = []
    for m in _END.finditer(text, ls, le):
        ms, cut = m.span()
        if cut >= le:
            break
        marks = text[ms:m.end()].rstrip("\"'»”’)]")
        nxt = text[cut]
        if nxt.isspace() or nxt in _TRIM:
            pass
        elif cut == m.end() and marks != "…" and _is_arabic_letter(nxt) and ms > ls \
                and _is_arabic_letter(text[ms - 1]):
            pass  # «انتهى.وقال»: a missing space after the end mark
        else:
            continue
        if marks == "…" or (marks[0] == "." and len(marks) > 1 and set(marks) == {"."}):
            continue  # an ellipsis is a pause
        if marks == "." and _is_abbreviation(text, ls, ms):
            continue
        if regions is None:
            regions = _closed_regions(text, ls, le)
        if any(o < cut <= c for o, c in regions):
            continue  # inside a quotation or a bracket that closes later on this line
        cuts.append(cut)
    return cuts


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" or "\u0671" <= ch <= "\u06d3"


def _is_abbreviation(text: str, ls: int, dot: int) -> bool:
    """Whether the full stop at `dot` closes an abbreviation or a list number, not a sentence."""
    i = dot
    while i > ls and (text[i - 1].isalpha() or text[i - 1] in _MARKS):
        i -= 1
    word = text[i:dot]
    if word:
        letters = [ch for ch in word if ch not in _MARKS]
        if len(letters) == 1:
            # «2016 م.» / «1438هـ.»: an era or time marker after a number ends the sentence
            j = i
            while j > ls and text[j - 1] == " ":
                j -= 1
            return not (j > ls and text[j - 1].isdigit())
        return word.isascii() and word.lower() in LATIN_ABBREVIATIONS
    j = dot
    while j > ls and text[j - 1].isdigit():
        j -= 1
    if j == dot or dot - j > 3:
        return False
    k = j
    while k > ls and text[k - 1] in _TRIM:
        k -= 1
    if k == ls or text[k - 1] in _LIST_CONTEXT:
        return True
    # a later item of an inline list: «1. الأمن 2. الخدمات»
    num = int(text[j:dot])
    return num > 1 and f"{num - 1}." in text[ls:j]


def _closed_regions(text: str, ls: int, le: int) -> list[tuple[int, int]]:
    """(open, close) positions of the quotations and brackets closed within the line."""
    regions: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (expected closer, position of the opener)
    for m in _BRACKETS.finditer(text, ls, le):
        ch, pos = m.group(), m.start()
        if ch == '"' or ch in "“”":
            kind = '"' if ch == '"' else "”"
            if stack and stack[-1][0] == kind:
                regions.append((stack.pop()[1], pos))
            elif any(k == kind for k, _ in stack):
                _close_to(stack, kind, pos, regions)
            else:
                stack.append((kind, pos))
        elif ch in _CLOSER_OF:
            stack.append((_CLOSER_OF[ch], pos))
        else:
            _close_to(stack, ch, pos, regions)
    return regions


def _close_to(stack: list[tuple[str, int]], closer: str, pos: int, regions: list[tuple[int, int]]) -> None:
    """Close the innermost opener expecting `closer` (openers above it stay unclosed); else ignore."""
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][0] == closer:
            regions.append((stack[k][1], pos))
            del stack[k:]
            return
