"""Tokenisation with character offsets, normalised forms and proclitics.

A token is one of: an Arabic word (letters with their diacritics and tatweel), a URL («https://…», «www.…»), an e-mail address, a
hashtag or mention («#ليبيا», «@user»), a number («01:10», «3.5», «1,000», «11/10/2016», Arabic-Indic
digits too), a Latin word (letters, then digits: «G20»), a word of another script, or a single
punctuation mark (each mark its own token: «2.5%» is «2.5» + «%»).

`Token.norm` is the normalised token (`marsad.text.normalise.normalise`). Arabic words are split into
proclitics and stem by `marsad.text.clitics.split_proclitics`: `Token.prefix` holds the normalised
proclitics («وال»), `Token.stem` the normalised rest («جيش») and `Token.stem_start` the original offset
where the stem begins (after any diacritic or tatweel of the prefix). The analysis of a word form is
cached, so the cost is paid once per distinct form.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Sequence

from marsad.model import Sentence, Token
from marsad.text.clitics import split_uncached
from marsad.text.normalise import DROPPED, normalise

_MARK_CLASS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u200c\u200d"
_INVISIBLE = "\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad"
_URL_BODY = r"[^\s\"'«»“”<>()\[\]{}،]"
_ARABIC_WORD = rf"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3][\u0621-\u063a\u0640-\u064a\u0671-\u06d3{_MARK_CLASS}]*"
_TOKEN = re.compile(
    rf"{_ARABIC_WORD}"  # an Arabic word with its marks and tatweel (first: the common case)
    rf"|(?:https?://|www\.){_URL_BODY}*[^\s\"'«»“”<>()\[\]{{}}،.,;:!?؟؛]"  # a URL (no trailing punctuation)
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"  # an e-mail address
    rf"|[#@](?:\w|[{_MARK_CLASS}])+"  # a hashtag or a mention
    r"|\d+(?:[.,:٫٬/]\d+)*"  # a number
    r"|[A-Za-z][A-Za-z0-9]*"  # a Latin word
    rf"|[^\W\d_\u0640](?:[^\W\d_]|[{_MARK_CLASS}])*"  # a word of another script
    rf"|[^\s\w{_INVISIBLE}{_MARK_CLASS}]|_"  # one punctuation mark (a stray mark or tatweel is skipped)
)
_SPLIT = re.compile(f"({_TOKEN.pattern})")
_CACHE_LIMIT = 300_000
_cache: dict[str, tuple[str, str, str, int]] = {}


def _analyse(surface: str) -> tuple[str, str, str, int]:
    """(norm, stem, prefix, stem offset within the surface) of one token's text."""
    norm = normalise(surface)
    first = norm[:1]
    if not ("\u0621" <= first <= "\u064a") or len(norm) < 3:
        return norm, norm, "", 0
    prefix, stem = split_uncached(norm)
    if not prefix:
        return norm, norm, "", 0
    # walk the surface past the prefix's letters, then past any mark or tatweel that follows
    kept = 0
    i = 0
    need = len(prefix)
    while kept < need:
        if surface[i] not in DROPPED:
            kept += 1
        i += 1
    while i < len(surface) and surface[i] in DROPPED:
        i += 1
    return norm, stem, prefix, i


def analyse_word(surface: str) -> tuple[str, str, str, int]:
    """(norm, stem, prefix, stem offset) of a token's text, cached per distinct form."""
    info = _cache.get(surface)
    if info is None:
        if len(_cache) >= _CACHE_LIMIT:
            _cache.clear()
        info = _cache[surface] = _analyse(surface)
    return info


def tokenize(text: str, sentences: Sequence[Sentence]) -> list[Token]:
    """Tokens of every sentence, in order, each with its sentence index and offsets into `text`."""
    # Tokens hold only strings and numbers, so they cannot form reference cycles; pausing the cyclic
    # garbage collector while hundreds of them are made saves it from rescanning every live object
    # (a batch of analyses kept in memory made tokenisation twice as slow).
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _tokenize(text, sentences)
    finally:
        if paused:
            gc.enable()


def _tokenize(text: str, sentences: Sequence[Sentence]) -> list[Token]:
    out: list[Token] = []
    append = out.append
    get = _cache.get
    split = _SPLIT.split
    for si, sent in enumerate(sentences):
        # split() alternates the text between tokens and the tokens themselves: offsets are sums
        parts = split(text[sent.start:sent.end])
        pos = sent.start + len(parts[0])
        it = iter(parts)
        next(it)
        for w, gap in zip(it, it):
            norm, stem, prefix, off = get(w) or analyse_word(w)
            end = pos + len(w)
            append(Token(pos, end, w, norm, stem, prefix, pos + off, si))
            pos = end + len(gap)
    return out
