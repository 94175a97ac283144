"""Candidate pairs for the relation model: two entity mentions in one sentence, in either order.

A candidate joins the mentions of two different entities of the system's own output that stand in
the same sentence at most `max_gap` tokens apart and whose types some relation admits (`schema`).
Each carries the clause span that covers both mentions, which becomes the relation's evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from marsad.extract.names.cands import Cand
from marsad.extract.relmodel.schema import ACTORS, PLACES, allowed_types
from marsad.model import Token

#: tokens that close a clause (the evidence of a relation stops at them)
CLAUSE_BREAKS = frozenset({"،", ",", "؛", ";", ":", ".", "(", ")", "!", "?", "؟", "-", "–", "—", "\n"})
#: a relation's evidence reaches at most this many tokens beyond its two mentions
CLAUSE_REACH = 25
#: at most this many tokens between the two mentions of a candidate
MAX_GAP = 12


@dataclass(frozen=True, slots=True)
class Candidate:
    """An ordered pair of mentions (head, tail) of two entities in one sentence."""

    head: str
    tail: str
    head_type: str
    tail_type: str
    head_span: tuple[int, int]  # first and last token of the head mention
    tail_span: tuple[int, int]
    sentence: int
    evidence: tuple[int, int]  # character offsets of the clause(s) that hold both mentions
    #: "" for a pair of one sentence; else how the cross-sentence pair was formed ("prev1", "main", …)
    cross: str = ""

    @property
    def head_first(self) -> bool:
        """Whether the head mention starts before the tail mention."""
        return self.head_span[0] <= self.tail_span[0]

    @property
    def gap(self) -> tuple[int, int]:
        """Token indices [start, end) strictly between the two mentions (empty when they nest or touch)."""
        a, b = sorted((self.head_span, self.tail_span))
        return a[1] + 1, max(a[1] + 1, b[0])

    @property
    def nested(self) -> bool:
        """Whether one mention lies inside the other («المجلس العسكري للزنتان» holds «الزنتان»)."""
        (f1, l1), (f2, l2) = self.head_span, self.tail_span
        return (f1 <= f2 and l2 <= l1) or (f2 <= f1 and l1 <= l2)


def clause_bounds(tokens: Sequence[Token], first: int, last: int, reach: int = CLAUSE_REACH) -> tuple[int, int]:
    """The token range [a, b] of the clause(s) around tokens first..last, within their sentence and at
    most `reach` tokens beyond them on either side."""
    sent = tokens[first].sentence
    a, low = first, max(0, first - reach)
    while a > low and tokens[a - 1].sentence == sent and tokens[a - 1].norm not in CLAUSE_BREAKS:
        a -= 1
    b, high = last, min(len(tokens) - 1, last + reach)
    while b < high and tokens[b + 1].sentence == sent and tokens[b + 1].norm not in CLAUSE_BREAKS:
        b += 1
    return a, b


def generate(tokens: Sequence[Token], mentions: Sequence[Cand], types: dict[str, str],
             max_gap: int = MAX_GAP) -> list[Candidate]:
    """Every ordered candidate pair of the article, sentence by sentence."""
    by_sentence: dict[int, list[Cand]] = {}
    for m in mentions:
        t = types.get(m.entity or "")
        if t is not None and (t in ACTORS or t in PLACES) and 0 <= m.first <= m.last < len(tokens):
            by_sentence.setdefault(tokens[m.first].sentence, []).append(m)
    out: list[Candidate] = []
    for sent, ms in by_sentence.items():
        ms.sort(key=lambda m: (m.first, -m.last))
        for i, x in enumerate(ms):
            for y in ms[i + 1:]:
                if y.first - x.last - 1 > max_gap:
                    break
                if x.entity == y.entity:
                    continue
                a, b = clause_bounds(tokens, min(x.first, y.first), max(x.last, y.last))
                ev = (tokens[a].start, tokens[b].end)
                for h, t in ((x, y), (y, x)):
                    ht, tt = types[h.entity or ""], types[t.entity or ""]
                    if allowed_types(ht, tt):
                        out.append(Candidate(h.entity or "", t.entity or "", ht, tt, (h.first, h.last),
                                             (t.first, t.last), sent, ev))
    return out
