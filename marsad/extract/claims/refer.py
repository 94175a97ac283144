"""Back-references to a body named before: «المرصد» for «المرصد السوري لحقوق الإنسان», «الشرطة» for
«الشرطة الليبية», «المصدر نفسه» for the last source.

A definite noun that is the head of a body named earlier in the article («وقال المرصد إن …»,
«بحسب المرصد») refers to the last such body, unless the words after it name another one («الجيش
السوداني» after «الجيش الليبي»).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.extract.names.cands import Cand
from marsad.model import Token
from marsad.text.normalise import normalise

#: entity types a bare definite head can refer back to
BODY_TYPES = frozenset({"ORGANIZATION", "ARMED_GROUP", "MEDIA"})
#: words after a head that keep the reference («المصدر نفسه», «المرصد ذاته»)
SAME = frozenset(normalise(w) for w in ("نفسه", "نفسها", "ذاته", "ذاتها", "عينه", "نفس", "ذات"))
#: heads too general to refer back on their own
_TOO_GENERAL = frozenset(normalise(w) for w in ("دوله", "منطقه", "مدينه", "حي", "بلاد", "جماعه", "طرف",
                                                 "اطراف", "قوات", "قوه"))


def _bare(word: str) -> str:
    """A normalised word without its article."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


class BackReference:
    """Finds the body a definite head refers back to."""

    def __init__(self, tokens: Sequence[Token], words: Sequence[str], mentions: Sequence[Cand],
                 types: dict[str, str]) -> None:
        self.tokens = tokens
        self.words = words
        self.starts: set[int] = {m.first for m in mentions if m.entity}
        # (last token, head word, mention, words of the name) of every body mention, in text order
        self.heads: list[tuple[int, str, Cand, frozenset[str]]] = []
        for m in sorted(mentions, key=lambda m: m.first):
            if m.entity and types.get(m.entity) in BODY_TYPES:
                names = frozenset(_bare(words[k]) for k in range(m.first, m.last + 1))
                self.heads.append((m.last, _bare(words[m.first]), m, names))

    def body_at(self, k: int) -> Cand | None:
        """The body named before token k that the definite head at k refers to, or None."""
        tok = self.tokens[k]
        if not (tok.norm.startswith("ال") or tok.prefix.endswith(("ال", "لل"))) or k in self.starts:
            return None
        head = _bare(self.words[k])
        if head in _TOO_GENERAL or len(head) < 3:
            return None
        best: tuple[Cand, frozenset[str]] | None = None
        for last, word, m, names in self.heads:
            if last >= k:
                break
            if word == head:
                best = (m, names)
        if best is None:
            return None
        nxt = k + 1
        if nxt < len(self.tokens) and self.tokens[nxt].sentence == tok.sentence:
            after = self.tokens[nxt]
            # «الجيش السوداني» after «الجيش الليبي»: an adjective the earlier name lacks names another body
            # («المنظمة المجتمع الدولي»: a name opening there is another noun, not an adjective)
            if after.norm.startswith("ال") and after.norm not in SAME and _bare(self.words[nxt]) not in best[1] \
                    and nxt not in self.starts:
                return None
        return best[0]


class TitleReference:
    """Finds the person a bare title refers back to: «وزير الخارجية الأميركي» after «وزير الخارجية الأميركي
    مايك بومبيو» (the title stood right before the name, a comma between allowed)."""

    MAX_WORDS = 5

    def __init__(self, tokens: Sequence[Token], words: Sequence[str], mentions: Sequence[Cand],
                 types: dict[str, str]) -> None:
        self.tokens = tokens
        self.words = words
        self.persons = sorted((m for m in mentions if m.entity and types.get(m.entity) == "PERSON"),
                              key=lambda m: m.first)
        self._starts = {m.first for m in mentions if m.entity}
        self._titles: list[tuple[int, tuple[str, ...], Cand]] | None = None

    def _built(self) -> list[tuple[int, tuple[str, ...], Cand]]:
        """(first token, title words before the name, mention) of every person mention, built on first need."""
        if self._titles is None:
            self._titles = []
            for m in self.persons:
                k = m.first - 1
                if k >= 0 and self.tokens[k].text in "،,":
                    k -= 1
                title: list[str] = []
                while k >= 0 and len(title) < self.MAX_WORDS and self.tokens[k].text[:1].isalpha() \
                        and self.tokens[k].sentence == self.tokens[m.first].sentence:
                    title.insert(0, self.words[k])
                    k -= 1
                if title:
                    self._titles.append((m.first, tuple(title), m))
        return self._titles

    def person_for_head(self, k: int, heads: frozenset[str]) -> Cand | None:
        """The person last introduced with a title holding the definite title head at token k («وأضاف الوزير»
        after «وزير الخارجية فلان»), or None; a definite adjective after the head must be in that title too
        («الوزير الأميركي» does not refer to «وزير الخارجية الروسي فلان»)."""
        tok, word = self.tokens[k], _bare(self.words[k])
        if word not in heads or not (tok.norm.startswith("ال") or tok.prefix.endswith("ال")) or not self.persons \
                or self.persons[0].first >= k:
            return None
        best: tuple[tuple[str, ...], Cand] | None = None
        for at, words, m in self._built():
            if at >= k:
                break
            if word in words or "ال" + word in words:
                best = (words, m)
        if best is None:
            return None
        nxt = k + 1
        if nxt < len(self.tokens) and self.tokens[nxt].sentence == tok.sentence:
            after = self.tokens[nxt]
            if after.text[:1].isalpha() and (after.norm.startswith("ال") or after.prefix.endswith("ال")) \
                    and after.norm not in SAME and _bare(self.words[nxt]) not in {_bare(w) for w in best[0]} \
                    and nxt not in self._starts:
                return None
        return best[1]

    def person_for(self, first: int, last: int) -> Cand | None:
        """The person last introduced with the title tokens[first..last] (two to five words), or None."""
        n = last - first + 1
        if not 2 <= n <= self.MAX_WORDS or not self.persons or self.persons[0].first >= first:
            return None
        title = tuple(self.words[k] for k in range(first, last + 1))
        best = None
        for at, words, m in self._built():
            if at >= first:
                break
            if len(words) >= n and words[-n:] == title:
                best = m
        return best
