"""Indexes over an article's tokens and mentions, built once per component run.

Components look up the bounds of a token's sentence and the mentions that start or end at a token
many times; scanning for them each time made long articles quadratic.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.extract.names.cands import Cand
from marsad.model import Token


class TokenIndex:
    """Sentence bounds per token and mentions by first and last token."""

    def __init__(self, tokens: Sequence[Token], mentions: Sequence[Cand] = ()) -> None:
        first: dict[int, int] = {}
        last: dict[int, int] = {}
        for i, tok in enumerate(tokens):
            first.setdefault(tok.sentence, i)
            last[tok.sentence] = i
        self._tokens = tokens
        self._first = first
        self._last = last
        self.by_first: dict[int, list[Cand]] = {}
        self.by_last: dict[int, list[Cand]] = {}
        self.inside: set[int] = set()  # tokens inside a name (not inside a descriptive outer mention)
        for m in mentions:
            if not m.entity:
                continue
            self.by_first.setdefault(m.first, []).append(m)
            self.by_last.setdefault(m.last, []).append(m)
            if not m.outer:
                self.inside.update(range(m.first, m.last + 1))

    def sentence_start(self, i: int) -> int:
        """Index of the first token of token i's sentence."""
        return self._first[self._tokens[i].sentence]

    def sentence_end(self, i: int) -> int:
        """Index of the last token of token i's sentence."""
        return self._last[self._tokens[i].sentence]

    def mentions_in(self, first: int, last: int) -> list[Cand]:
        """Mentions lying within tokens [first, last], in text order, the longest first at a token."""
        found = [m for k in range(first, last + 1) for m in self.by_first.get(k, ()) if m.last <= last]
        return sorted(found, key=lambda m: (m.first, -(m.last - m.first)))
