"""Stable keys that merge the same actor, relation and event across articles and re-ingests."""

from __future__ import annotations

import re

from marsad.text.normalise import normalise

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[«»\"'“”()\[\]،,.:;!?؟]")
#: Types that name the same kind of thing for merging (a town written as GPE in one article and as
#: LOCATION in another is one place).
TYPE_FAMILY = {"GPE": "PLACE", "LOCATION": "PLACE"}
#: Relations whose direction carries no meaning: their key orders the two actors.
SYMMETRIC = frozenset({"ALLIED_WITH", "OPPOSES"})


def norm_name(name: str) -> str:
    """A name normalised for merging and search: letters unified, punctuation and «ال» dropped."""
    text = _PUNCT.sub(" ", normalise(name))
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in _SPACES.split(text) if w]
    return " ".join(words)


def family(type_: str) -> str:
    """The merge family of an entity type (GPE and LOCATION are both places)."""
    return TYPE_FAMILY.get(type_, type_)


def actor_key(type_: str, name: str, kb_id: str | None) -> str:
    """The key of an actor: its knowledge-base id, else its type family and normalised name."""
    if kb_id:
        return f"kb:{kb_id}"
    return f"{family(type_)}:{norm_name(name)}"


def relation_key(type_: str, head_key: str, tail_key: str) -> str:
    """The key of an aggregated relation (symmetric types ignore direction)."""
    if type_ in SYMMETRIC and tail_key < head_key:
        head_key, tail_key = tail_key, head_key
    return f"{type_}|{head_key}|{tail_key}"
