"""Relations read off cue phrases and name forms: a table of small named rules (used by `relations`).

Each rule is a function `(view, i, words) -> list[Hit]` looking at token i; its words come from the
knowledge base's lexicons (`relation_cues`), so a `--kb` overlay reaches them:

- `ally_with`: «X … بالتنسيق مع Y», «X المتحالفة مع Y», «X القريبة من Y» → ALLIED_WITH(X, Y);
- `backed_by`: «X … بدعم من Y», «برعاية Y», «بغطاء جوي من Y» → SUPPORTS(Y, X).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from marsad.extract.relpatterns import Hit, View
from marsad.knowledge.cache import per_kb
from marsad.text.normalise import normalise

_ACTORS = frozenset({"PERSON", "ARMED_GROUP", "TRIBE", "ORGANIZATION", "GPE"})
#: how far before a cue phrase the actor it qualifies may stand (tokens, same sentence, no full stop)
CUE_WINDOW = 10


@dataclass(slots=True)
class RuleWords:
    """The word tables the rules read: cue phrases by their first word."""

    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)

    def phrase_at(self, words: Sequence[str], i: int) -> tuple[int, str] | None:
        """(last token, cue) of the longest cue phrase starting at token i, or None."""
        w = words[i]
        options = self.phrases.get(w) or (self.phrases.get(w[1:]) if w[:1] in "وف" else None)
        for phrase, cue in options or ():
            end = i + len(phrase) - 1
            if end < len(words) and all(words[i + k] == phrase[k] for k in range(1, len(phrase))):
                return end, cue
        return None


@per_kb
def rule_words(kb: object | None) -> RuleWords:
    """The rule tables of a knowledge base (built once per KB)."""
    out = RuleWords()
    if kb is None:
        return out
    names = kb.lexicon_names()  # type: ignore[attr-defined]
    if "relation_cues" in names:
        for row in kb.lexicon("relation_cues"):  # type: ignore[attr-defined]
            words = tuple(normalise(row.get("term", "")).split())
            if words:
                out.phrases.setdefault(words[0], []).append((words, row.get("cue", "")))
        for options in out.phrases.values():
            options.sort(key=lambda p: -len(p[0]))
    return out


def ally_with(v: View, i: int, words: RuleWords) -> list[Hit]:
    """«X … بالتنسيق مع Y», «X المتحالفة مع Y»: X and Y act together."""
    found = words.phrase_at(v.words, i)
    if found is None or found[1] != "ally_with":
        return []
    x = v.nearest_before(i, _ACTORS, CUE_WINDOW, stops=".؟!")
    y = v.after(found[0] + 1, _ACTORS, skip=1) if found[0] + 1 < len(v.tokens) else None
    if x is None or y is None or x.entity == y.entity or not v.can_act(x) or not v.can_act(y):
        return []
    return [("ALLIED_WITH", x.entity or "", y.entity or "", x.start, y.end)]


def backed_by(v: View, i: int, words: RuleWords) -> list[Hit]:
    """«X … بدعم من Y», «برعاية Y»: Y supports X."""
    found = words.phrase_at(v.words, i)
    if found is None or found[1] != "backed_by":
        return []
    y = v.after(found[0] + 1, _ACTORS, skip=1) if found[0] + 1 < len(v.tokens) else None
    x = v.nearest_before(i, _ACTORS, CUE_WINDOW, stops=".؟!")
    if x is None or y is None or x.entity == y.entity or not v.can_act(x) or not v.can_act(y):
        return []
    return [("SUPPORTS", y.entity or "", x.entity or "", x.start, y.end)]


#: every rule, by name (the order does not matter: the relations component keeps the first reading of a pair)
RULES: dict[str, Callable[[View, int, RuleWords], list[Hit]]] = {
    "ally_with": ally_with,
    "backed_by": backed_by,
}


def rule_relations(v: View, words: RuleWords) -> list[Hit]:
    """Every hit of every rule over the article's tokens."""
    out: list[Hit] = []
    for i in range(len(v.tokens)):
        for rule in RULES.values():
            out += rule(v, i, words)
    return out
