"""An article's tokens and resolved mentions as the relation rules see them, and what a rule returns."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.extract.names.cands import Cand
from marsad.extract.relpatterns.cues import _UNDER_WORD, RelationWords, relation_words
from marsad.model import Entity, Token
from marsad.text.normalise import normalise

_ACTORS = frozenset({"PERSON", "ARMED_GROUP", "TRIBE", "ORGANIZATION", "GPE"})
_PLACES = frozenset({"GPE", "LOCATION"})
_GROUPS = _ACTORS - {"PERSON", "GPE"}
_PERSON = frozenset({"PERSON"})
_FIGHTERS = frozenset({"ARMED_GROUP", "TRIBE", "PERSON"})
_TO = frozenset(normalise(w) for w in ("إلى", "الى"))
#: how far before a cue phrase the actor it qualifies may stand (tokens, same sentence, no full stop)
CUE_WINDOW = 10
_COMMAND_NOUN = normalise("قيادة")
Hit = tuple[str, str, str, int, int]


def entity_places(entities: Sequence[Entity], kb: object | None) -> dict[str, str | None]:
    """Each entity's place id in the knowledge base: its own for a place, its state's for a country's
    actor («إيران» the actor → place:ir), else its knowledge-base id."""
    actors = getattr(kb, "actors", {}) if kb is not None else {}
    out: dict[str, str | None] = {}
    for e in entities:
        actor = actors.get(e.kb_id) if e.kb_id else None
        out[e.id] = (actor.place if actor is not None and actor.place else None) or e.kb_id
    return out


class View:
    """An article's tokens with its resolved mentions indexed by first and last token."""

    def __init__(self, tokens: Sequence[Token], mentions: Sequence[Cand], types: dict[str, str],
                 kinds: dict[str, str | None] | None = None, words: "RelationWords | None" = None,
                 places: dict[str, str | None] | None = None) -> None:
        self.tokens = tokens
        self.types = types
        self.kinds = kinds or {}
        self._surfaces: dict[tuple[str, ...], str] | None = None
        #: the article's entity for each place id (`entity_places`; the first one named)
        self.by_kb: dict[str, str] = {}
        for entity, place in (places or {}).items():
            if place:
                self.by_kb.setdefault(place, entity)
        self.cues = words or relation_words(None)
        self.words = [t.norm for t in tokens]
        self.by_first: dict[int, Cand] = {}
        self.by_last: dict[int, Cand] = {}
        self.ending: dict[int, list[Cand]] = {}  # every mention by its last token («الجيش التابع للحكومة» and «الحكومة»)
        for m in mentions:
            if not m.entity:
                continue
            if m.first not in self.by_first or (m.last - m.first) > (self.by_first[m.first].last - self.by_first[m.first].first):
                self.by_first[m.first] = m
            if m.last not in self.by_last or (m.last - m.first) > (self.by_last[m.last].last - self.by_last[m.last].first):
                self.by_last[m.last] = m
            self.ending.setdefault(m.last, []).append(m)

    def innermost(self, m: Cand, types: frozenset[str]) -> Cand:
        """The shortest mention of `types` ending where `m` ends (the nearest noun a relative clause after
        it attaches to: «الجيش التابع للحكومة التي …» → the government), else `m`."""
        inner = [o for o in self.ending.get(m.last, ()) if self.type(o) in types and o.first >= m.first]
        return min(inner, key=lambda o: o.last - o.first, default=m)

    def cue(self, i: int, name: str) -> bool:
        """True when token i (whole, without its proclitics, or without a leading «و»/«ف» the
        tokeniser left on) is a word of the cue set `name`."""
        tok = self.tokens[i]
        words = self.cues.sets.get(name, frozenset())
        return tok.norm in words or (bool(tok.prefix) and tok.stem in words) \
            or (not tok.prefix and tok.norm[:1] in "وف" and tok.norm[1:] in words)

    def surfaces(self) -> dict[tuple[str, ...], str]:
        """Each entity mention's words (without proclitics) -> its entity, for names of one entity only."""
        if self._surfaces is None:
            found: dict[tuple[str, ...], set[str]] = {}
            for m in self.by_first.values():
                key = tuple(t.stem for t in self.tokens[m.first:m.last + 1])
                found.setdefault(key, set()).add(m.entity or "")
            self._surfaces = {k: next(iter(es)) for k, es in found.items() if len(es) == 1}
        return self._surfaces

    def and_more(self, m: Cand, types: frozenset[str], most: int = 4) -> list[Cand]:
        """`m` and the mentions of `types` joined to it by «و» or a comma right after it
        («بدعم من فرنسا وألمانيا وبريطانيا»), in order."""
        out = [m]
        k = m.last + 1
        while k < len(self.tokens) and len(out) <= most:
            if self.tokens[k].text in "،,":
                k += 1
            nxt = self.by_first.get(k)
            if nxt is None or self.type(nxt) not in types or nxt.entity in {o.entity for o in out} \
                    or not (self.tokens[k].prefix.startswith("و") or self.tokens[k - 1].text in "،,"):
                break
            out.append(nxt)
            k = nxt.last + 1
        return out

    def state(self, i: int) -> str | None:
        """The article's entity for the country a gentilic at token i points to: an adjective («إيراني»,
        «مصرية») or an adverb («إيرانياً», «تركياً»); None when the country is not named in the article."""
        w = self.tokens[i].norm
        if w.startswith("و") and w not in self.cues.gentilics:
            w = w[1:]
        place = self.cues.gentilics.get(w)
        if place is None and w.endswith("يا") and len(w) > 4:
            place = self.cues.gentilics.get(w[:-1])
        entity = self.by_kb.get(place) if place else None
        return entity if entity is not None and self.types.get(entity) == "GPE" else None

    def type(self, m: Cand | None) -> str | None:
        """The entity type of a mention (None for no mention)."""
        return self.types.get(m.entity or "") if m else None

    def can_act(self, m: Cand) -> bool:
        """Actors act; of places, only countries do («مصر تدعم …»)."""
        t = self.type(m)
        return t != "GPE" or self.kinds.get(m.entity or "") == "country"

    def before(self, i: int, types: frozenset[str], skip: int = 2) -> Cand | None:
        """A mention ending just before token i (skipping up to `skip` commas or «و»)."""
        k = i - 1
        for _ in range(skip + 1):
            if k < 0:
                return None
            m = self.by_last.get(k)
            if m is not None and self.type(m) in types:
                return m
            if self.tokens[k].text not in "،,\"»”'" and self.words[k] not in ("و", "الذي", "التي"):
                return None
            k -= 1
        return None

    def nearest_before(self, i: int, types: frozenset[str], window: int, stops: str = "") -> Cand | None:
        """The mention of one of `types` ending nearest before token i, within `window` tokens and
        the sentence, not past a token whose text is in `stops`."""
        for back in range(i - 1, max(-1, i - window - 1), -1):
            m = self.by_last.get(back)
            if m is not None and self.type(m) in types:
                return m
            if (stops and self.tokens[back].text in stops) or self.tokens[back].sentence != self.tokens[i].sentence:
                return None
        return None

    def after(self, i: int, types: frozenset[str], skip: int = 1) -> Cand | None:
        """A mention starting at token i (or after `skip` small words)."""
        k = i
        for _ in range(skip + 1):
            if k >= len(self.tokens):
                return None
            m = self.by_first.get(k)
            if m is not None and self.type(m) in types:
                return m
            if self.words[k] not in ("في", "فى", "من", "ل", "لـ", "عليها", "عليه", "،", "ما", "يسمى", "تسمى",
                                     "المدعو", "المدعوه") and self.tokens[k].text not in "\"«“'":
                return None
            k += 1
        return None


def _hit(rtype: str, head: Cand, tail: Cand, start: int, end: int) -> list[Hit]:
    return [(rtype, head.entity or "", tail.entity or "", start, end)]
