"""Dictionary matching of known names over clitic-split tokens (a token trie, longest match first).

Every name and alias of the knowledge base is split into normalised words and stored in a trie
keyed by words. A match may start on a token's full form, on its stem after proclitics
(«وحفتر» → «حفتر»), or on «ال» + stem («والجضران», «للقوات» → «الجضران», «القوات»); the following words
must match whole tokens. At each position the longest name wins and matching resumes after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from marsad.knowledge.model import NameEntry
from marsad.model import Token
from marsad.text.normalise import normalise

_WORD = re.compile(r"\w+", re.UNICODE)
_LEAF = None  # never equal to a token's text (a NUL or an empty string can be one)


def name_words(text: str) -> tuple[str, ...]:
    """A name as a tuple of normalised words (punctuation dropped)."""
    return tuple(_WORD.findall(normalise(text)))


@dataclass(slots=True)
class Match:
    """A name found in the text: token range [first, last], original offsets and its candidates."""

    first: int
    last: int
    start: int
    end: int
    entries: list[NameEntry]
    via_stem: bool = False
    source: str = "kb"
    extra: dict[str, object] = field(default_factory=dict)


class NameTrie:
    """A trie of names keyed by normalised words; leaves hold the name entries."""

    def __init__(self, entries: Iterable[NameEntry] = ()) -> None:
        self.root: dict[str | None, dict] = {}
        self.size = 0
        for entry in entries:
            self.add(entry)

    def add(self, entry: NameEntry, words: Sequence[str] | None = None) -> None:
        """Add one name entry (its words are taken from `entry.norm` unless given)."""
        words = tuple(words) if words is not None else name_words(entry.norm)
        if not words:
            return
        node = self.root
        for w in words:
            node = node.setdefault(w, {})
        leaf = node.setdefault(_LEAF, [])
        if entry not in leaf:
            leaf.append(entry)
            self.size += 1

    def match(self, tokens: Sequence[Token], text: str) -> list[Match]:
        """Leftmost-longest, non-overlapping matches over the tokens (one sentence or a whole text)."""
        out: list[Match] = []
        i, n = 0, len(tokens)
        root = self.root
        while i < n:
            best: tuple[int, list[NameEntry], int, bool] | None = None  # last, entries, start, via_stem
            tok = tokens[i]
            for form, start, via_stem in _first_forms(tok, text):
                node = root.get(form)
                if node is None:
                    continue
                j = i
                while True:
                    leaf = node.get(_LEAF)
                    if leaf and (best is None or j > best[0]):
                        best = (j, leaf, start, via_stem)
                    if j + 1 >= n or tokens[j + 1].sentence != tok.sentence:
                        break
                    nxt = node.get(tokens[j + 1].norm)
                    if nxt is None:
                        break
                    node = nxt
                    j += 1
            if best is None:
                i += 1
                continue
            last, entries, start, via_stem = best
            out.append(Match(i, last, start, tokens[last].end, list(entries), via_stem))
            i = last + 1
        return out


def _article_start(tok: Token, text: str) -> int:
    """Where the article (ال, أل …) before a token's stem begins in the original text."""
    for j in range(tok.stem_start - 2, tok.start - 1, -1):
        if normalise(text[j:tok.stem_start]) == "ال":
            return j
    return tok.stem_start


def _first_forms(tok: Token, text: str) -> list[tuple[str, int, bool]]:
    """The forms a name may start on within a token: whole, stem, «ال»+stem; with their offsets."""
    forms = [(tok.norm, tok.start, False)]
    if tok.prefix and tok.stem:
        forms.append((tok.stem, tok.stem_start, True))
        if tok.prefix.endswith("ال"):
            # «والجضران»: the name «الجضران» starts at the article inside the token («وألوية» too)
            forms.append(("ال" + tok.stem, _article_start(tok, text), True))
        elif tok.prefix.endswith("لل"):
            # «للقوات» = ل + القوات: the article's alef is elided; the name starts at the second lam
            forms.append(("ال" + tok.stem, tok.stem_start - 1, True))
    elif tok.norm.startswith("لل") and len(tok.norm) > 3:
        forms.append(("ا" + tok.norm[1:], tok.start + 1, True))
    return forms
