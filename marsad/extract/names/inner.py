"""Places named inside the name of a group or body: «مجلس شورى ثوار بنغازي», «المجلس العسكري للزنتان».

The dictionary matcher keeps the longest name, so the town inside a council's name is not a mention
of its own. This step looks again inside every multi-word group or organisation name for a known
place, adds it as a mention, and leaves a BASED_IN hint (the guide: a place in an actor's name says
where the actor is based).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.extract.names.cands import Cand, Hint
from marsad.extract.names.lexicon import given_names
from marsad.extract.names.matcher import NameTrie
from marsad.knowledge import KnowledgeBase, Place
from marsad.model import Token
from marsad.text.normalise import normalise

#: heads of names that carry a place as an emblem or a battlefront, not a seat («فيلق القدس», «جبهة الحديدة»)
_EMBLEM_HEADS = frozenset(normalise(w) for w in ("فيلق", "أنصار", "سرايا", "جبهة", "الجبهة", "لواء", "ألوية"))
#: the kinds of bodies whose name may carry their seat
_SEATED_TYPES = frozenset({"ARMED_GROUP", "ORGANIZATION"})
#: the kinds of places a name carries as a seat (a country only after «في»: «فجر ليبيا» is a name, not a seat;
#: villages and facilities are too often everyday words inside a description)
_SEAT_KINDS = frozenset({"capital", "city", "town", "region", "district"})


def _cand_type(c: Cand, kb: KnowledgeBase) -> str | None:
    if c.type:
        return c.type
    rec = kb.get(c.kb_ids[0]) if c.kb_ids else None
    return rec.type if rec is not None else None


def inner_places(cands: Sequence[Cand], tokens: Sequence[Token], text: str, trie: NameTrie,
                 kb: KnowledgeBase) -> tuple[list[Cand], list[Hint]]:
    """Place mentions found inside group and body names, and a BASED_IN hint for each."""
    new: list[Cand] = []
    hints: list[Hint] = []
    taken = {(c.first, c.last) for c in cands}
    places_at = {(c.first, c.last): c for c in cands if c.kb_ids and isinstance(kb.get(c.kb_ids[0]), Place)}
    for c in cands:
        if c.last <= c.first or _cand_type(c, kb) not in _SEATED_TYPES or _emblem(tokens[c.first]):
            continue
        k = c.first + 1  # a name never starts with its seat
        while k <= c.last:
            found = _place_at(tokens, k, c.last, text, trie, kb)
            if found is None:
                k += 1
                continue
            first, last, start, end, places = found
            k = last + 1
            if (first, last) in places_at:  # the seat is already a mention of its own
                hints.append(Hint("BASED_IN", c, places_at[(first, last)], c.start, c.end))
                continue
            if (first, last) in taken:
                continue
            place = Cand(first, last, start, end, places, confidence=0.8)
            taken.add((first, last))
            new.append(place)
            hints.append(Hint("BASED_IN", c, place, c.start, c.end))
    return new, hints


def _place_at(tokens: Sequence[Token], k: int, last: int, text: str, trie: NameTrie,
              kb: KnowledgeBase) -> tuple[int, int, int, int, list[str]] | None:
    """A known place named from token k (within the name ending at `last`), or None."""
    for m in trie.match(tokens[k:last + 1], text)[:1]:
        after_fi = tokens[k - 1].norm in ("في", "فى")
        places = [e.kb_id for e in m.entries if _seat(kb.get(e.kb_id), after_fi)]
        if m.first == 0 and places and not _adjective_like(tokens, k, m.last == 0):
            return k, k + m.last, m.start, m.end, places
    return None


def _adjective_like(tokens: Sequence[Token], k: int, single: bool) -> bool:
    """«البيت الأبيض», «الخوذ البيضاء», «الخمس» in «دول الساحل الخمس»: a one-word place name that
    agrees with the definite noun before it, or is an everyday word, is no seat."""
    if not single or tokens[k].prefix not in ("", "ال"):
        return False
    word, prev = tokens[k].norm, tokens[k - 1]
    prev_definite = prev.norm.startswith("ال") or prev.prefix.endswith(("ال", "لل")) or prev.norm.startswith("لل")
    return (word.startswith("ال") and prev_definite) or word in _everyday_places() or word in given_names()


def _emblem(tok: Token) -> bool:
    """True when a name opens with a head that names a cause or a front («فيلق», «أنصار», «جبهة»)."""
    return (tok.stem if tok.prefix and not tok.prefix.endswith("ال") else tok.norm) in _EMBLEM_HEADS


def _everyday_places() -> frozenset[str]:
    """Place names that are everyday words too (shared with the entity matcher)."""
    from marsad.extract.entities import _everyday_places as shared

    return shared()


def _seat(rec: object, after_fi: bool) -> bool:
    """A place that may be the seat named inside a body's name."""
    return isinstance(rec, Place) and (rec.kind in _SEAT_KINDS or (rec.kind == "country" and after_fi))
