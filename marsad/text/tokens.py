"""Tokenisation with offsets (placeholder: words and punctuation, no clitic splitting)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.model import Sentence, Token
from marsad.text.normalise import normalise

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def tokenize(text: str, sentences: Sequence[Sentence]) -> list[Token]:
    """Tokens of every sentence, in order, each with its sentence index."""
    out: list[Token] = []
    for si, sent in enumerate(sentences):
        for m in _TOKEN.finditer(text, sent.start, sent.end):
            n = normalise(m.group())
            out.append(Token(m.start(), m.end(), m.group(), n, n, sentence=si))
    return out
