"""Sentence splitting for Arabic news layout.

The rules, in order:

* every line is its own block: a newline always ends a sentence, so the headline and the date line
  of an article are sentences of their own and never glued to the first paragraph;
* inside a line, a run of «.» «!» «?» «؟» «۔» ends a sentence when white space follows it (or an
  Arabic word of three letters or more, for the common «انتهى.وقال» typo, but not in dotted
  acronyms «بي.بي.سي» or «العربية.نت»); the Arabic comma «،» and «؛» never do;
* closing quotes and brackets right after the end mark belong to the sentence before
  («قال: "انتهى." ثم» ends after the closing quote);
* no sentence ends inside a quotation or a bracket that is closed on the same line («...»، “...”،
  "..."، (...)); a quotation left open is ignored, so it cannot swallow more than its paragraph;
* a full stop does not end a sentence after a one-letter abbreviation («د.», «م.», «J.») unless a number
  stands right before the letter («عام 2016 م.» ends), after a Latin letter spelled in Arabic used
  as an initial («جورج دبليو. بوش»), after a Latin title abbreviation (Mr., Dr.), or
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
from marsad.text.normalise import normalise

# the line boundaries of str.splitlines
_NEWLINES = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_END_CHARS = ".!?؟۔…"
# an end mark run, then the closing quotes/brackets that follow it
_END = re.compile(r"[.!?؟۔…]+[\"'»”’)\]]*")
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
#: Latin letters spelled in Arabic (normalised), as in the acronyms «بي.بي.سي» or «سي.إن.إن».
SPELLED_LETTERS = frozenset(normalise(w) for w in (
    "إيه", "ايه", "بي", "سي", "دي", "إي", "اي", "إف", "اف", "جي", "إتش", "اتش", "آي", "جيه", "كيه",
    "كي", "إل", "إم", "ام", "إن", "أو", "او", "كيو", "آر", "ار", "إس", "اس", "تي", "يو", "في", "دبليو",
    "إكس", "اكس", "واي", "زد", "زي", "نت", "كوم",
))
_LIST_CONTEXT = frozenset(":،,؛;(-–—•*")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` as half-open ranges of the original text, trimmed of white space."""
    out: list[Sentence] = []
    le = 0
    for line in text.splitlines(True):
        ls = le
        le += len(line)
        body = line.rstrip(_NEWLINES)
        if not body:
            continue
        if not any(mark in body for mark in _END_CHARS):
            _add(text, ls, ls + len(body), out)
            continue
        le_body = ls + len(body)
        start = ls
        for cut in _cuts(text, ls, le_body):
            _add(text, start, cut, out)
            start = cut
        _add(text, start, le_body, out)
    return out


def _add(text: str, s: int, e: int, out: list[Sentence]) -> None:
    """Append the trimmed range [s, e) when it holds a letter or a digit."""
    piece = text[s:e]
    left = piece.lstrip(_TRIM)
    if not left:
        return
    s += len(piece) - len(left)
    e -= len(left) - len(left.rstrip(_TRIM))
    if (left[0].isalnum() and left[0] != "\u0640") or _HAS_CONTENT.search(text, s, e):
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
        elif cut == m.end() and _missing_space(text, ls, le, ms, cut):
            pass  # «انتهى.وقال»: a missing space after the end mark
        else:
            continue
        if "…" in marks or ".." in marks:
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


def _word_before(text: str, ls: int, pos: int) -> str:
    """The letters (with their marks) right before `pos`, within the line."""
    i = pos
    while i > ls and (text[i - 1].isalpha() or text[i - 1] in _MARKS):
        i -= 1
    return text[i:pos]


def _word_after(text: str, pos: int, le: int) -> str:
    """The letters (with their marks) from `pos` on, within the line."""
    j = pos
    while j < le and (text[j].isalpha() or text[j] in _MARKS):
        j += 1
    return text[pos:j]


def _missing_space(text: str, ls: int, le: int, mark: int, cut: int) -> bool:
    """Whether an end mark glued to the next word («انتهى.وقال») ends a sentence.

    Both sides must be Arabic words of at least three letters other than spelled Latin letters, so
    that «بي.بي.سي», «سي.إن.إن» and «العربية.نت» hold together.
    """
    if mark <= ls or not _is_arabic_letter(text[mark - 1]) or not _is_arabic_letter(text[cut]):
        return False
    before, after = normalise(_word_before(text, ls, mark)), normalise(_word_after(text, cut, le))
    return (len(before) >= 3 and len(after) >= 3 and before not in SPELLED_LETTERS
            and after not in SPELLED_LETTERS)


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
            return not (j > ls and text[j - 1].isdecimal())
        if normalise(word) in SPELLED_LETTERS:
            # «جورج دبليو. بوش», «إس. بي.»: an initial; «سي.إن.إن.» (a dotted acronym's last dot) may end
            return not (i > ls and text[i - 1] == ".")
        return word.isascii() and word.lower() in LATIN_ABBREVIATIONS
    j = dot
    while j > ls and text[j - 1].isdecimal():
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


_QUOTE_KINDS = frozenset({'"', "”", "»"})


def _closed_regions(text: str, ls: int, le: int) -> list[tuple[int, int]]:
    """(open, close) positions of the quotations and brackets closed within the line.

    Mixed quotation marks are common («"…»»): a closing «»» or «”» closes the innermost open
    quotation of any style, and a straight quote that looks like a closer (no space before it,
    a space, punctuation or the line end after it) closes the innermost open quotation too. A
    straight quote that looks like an opener (a space before it, a letter after it) while another is
    open means the earlier one was never closed: it is dropped and the new one opens.
    """
    regions: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (expected closer, position of the opener)
    for m in _BRACKETS.finditer(text, ls, le):
        ch, pos = m.group(), m.start()
        if ch == '"' or ch in "“”":
            kind = '"' if ch == '"' else "”"
            if stack and stack[-1][0] == kind:
                if ch == '"' and _looks_opening(text, pos, ls, le):
                    stack[-1] = (kind, pos)  # the quotation open before was never closed
                else:
                    regions.append((stack.pop()[1], pos))
            elif _close_to(stack, kind, pos, regions):
                pass
            elif ch == '"' and _looks_closing(text, pos, ls, le) and _close_quote(stack, pos, regions):
                pass
            else:
                stack.append((kind, pos))
        elif ch in _CLOSER_OF:
            stack.append((_CLOSER_OF[ch], pos))
        elif ch == "»":
            if not _close_to(stack, ch, pos, regions):
                _close_quote(stack, pos, regions)
        else:
            _close_to(stack, ch, pos, regions)
    return regions


def _looks_opening(text: str, pos: int, ls: int, le: int) -> bool:
    """Whether the straight quote at `pos` has a space (or the line start) before it and a letter after it."""
    return (pos == ls or text[pos - 1].isspace()) and pos + 1 < le and text[pos + 1].isalnum()


def _looks_closing(text: str, pos: int, ls: int, le: int) -> bool:
    """Whether the straight quote at `pos` follows a word and precedes a space, a mark or the end."""
    if pos == ls or text[pos - 1].isspace():
        return False
    return pos + 1 >= le or not (text[pos + 1].isalnum() or text[pos + 1] in _MARKS)


def _close_quote(stack: list[tuple[str, int]], pos: int, regions: list[tuple[int, int]]) -> bool:
    """Close the innermost open quotation of any style; False when none is open."""
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][0] in _QUOTE_KINDS:
            regions.append((stack[k][1], pos))
            del stack[k:]
            return True
    return False


def _close_to(stack: list[tuple[str, int]], closer: str, pos: int, regions: list[tuple[int, int]]) -> bool:
    """Close the innermost opener expecting `closer` (openers above it stay unclosed); else ignore."""
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][0] == closer:
            regions.append((stack[k][1], pos))
            del stack[k:]
            return True
    return False
