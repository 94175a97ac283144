"""Places named inside the name of a group or body: «مجلس شورى ثوار بنغازي», «المجلس العسكري للزنتان».

The dictionary matcher keeps the longest name, so the town inside a council's name is not a mention
of its own. This step looks again inside every multi-word group or organisation name for a known
place, adds it as a mention, and leaves a BASED_IN hint (the guide: a place in an actor's name says
where the actor is based).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.extract.names.cands import Cand, Hint
from marsad.extract.names.matcher import NameTrie
from marsad.knowledge import KnowledgeBase, Place
from marsad.model import Token

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
        if c.last <= c.first or _cand_type(c, kb) not in _SEATED_TYPES:
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
        if m.first == 0 and places:
            return k, k + m.last, m.start, m.end, places
    return None


def _seat(rec: object, after_fi: bool) -> bool:
    """A place that may be the seat named inside a body's name."""
    return isinstance(rec, Place) and (rec.kind in _SEAT_KINDS or (rec.kind == "country" and after_fi))
