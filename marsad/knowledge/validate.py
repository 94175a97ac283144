"""Cross-file checks of a loaded knowledge base (what one file alone cannot tell).

`problems(kb)` lists, as readable sentences, every affiliation whose target is unknown, every actor
`place` that does not exist, every name shared by two actors without a context rule, every place whose
id disagrees with its country, every gentilic pointing nowhere.
"""

from __future__ import annotations

from collections import defaultdict

from marsad.knowledge.base import KnowledgeBase

# affiliation types whose target may be a place
_PLACE_TARGETS = {"BASED_IN", "CONTROLS"}


def problems(kb: KnowledgeBase) -> list[str]:
    """Every inconsistency between the files of `kb`, one sentence each (empty when all is well)."""
    out: list[str] = []
    out += _actor_links(kb)
    out += _shared_names(kb)
    out += _place_countries(kb)
    out += _lexicon_targets(kb)
    return out


def _actor_links(kb: KnowledgeBase) -> list[str]:
    out = []
    for actor in kb.actors.values():
        for aff in actor.affiliations:
            ok = aff.target in kb.actors or (aff.type in _PLACE_TARGETS and aff.target in kb.places)
            if not ok:
                out.append(f"{actor.origin}: actor {actor.id!r}: {aff.type} target {aff.target!r} is not a known "
                           + ("actor or place" if aff.type in _PLACE_TARGETS else "actor"))
            # at the coarser of the two precisions: "2016-09" does not end before "2016-09-11"
            if aff.start and aff.end and aff.end[:len(aff.start)] < aff.start[:len(aff.end)]:
                out.append(f"{actor.origin}: actor {actor.id!r}: {aff.type} {aff.target!r} ends before it starts")
        if actor.place and actor.place not in kb.places:
            out.append(f"{actor.origin}: actor {actor.id!r}: place {actor.place!r} is not a known place")
        if actor.type == "GPE" and kb.place_for_actor(actor.id) is None:
            out.append(f"{actor.origin}: state actor {actor.id!r} has no place entry (set 'place' or 'country')")
    return out


def _shared_names(kb: KnowledgeBase) -> list[str]:
    """Names of two or more actors of which more than one has no context rule."""
    free: dict[str, set[str]] = defaultdict(set)
    for entry in kb.names():
        if entry.kb_id in kb.actors and not entry.context:
            free[entry.norm].add(entry.kb_id)
    return [f"name {norm!r} points to {', '.join(sorted(ids))} without a context rule on all but one"
            for norm, ids in sorted(free.items()) if len(ids) > 1]


def _place_countries(kb: KnowledgeBase) -> list[str]:
    out = []
    for place in kb.places.values():
        if place.country and place.id[6:8] != place.country.lower():
            out.append(f"{place.origin}: place {place.id!r} has country {place.country} (id says {place.id[6:8]})")
        if "/" in place.id and place.id.split("/", 1)[0] not in kb.places:
            out.append(f"{place.origin}: place {place.id!r}: its country {place.id.split('/', 1)[0]!r} is not a known place")
    return out


def _lexicon_targets(kb: KnowledgeBase) -> list[str]:
    out = []
    if "gentilics" in kb.lexicon_names():
        for row in kb.lexicon("gentilics"):
            if row["place"] not in kb.places:
                out.append(f"lexicon gentilics: {row['term']!r} points to unknown place {row['place']!r}")
    return out
