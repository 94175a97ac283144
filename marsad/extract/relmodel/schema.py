"""Which entity types each relation type joins (head → tail), after ANNOTATION.md's table."""

from __future__ import annotations

from functools import lru_cache

ACTORS = frozenset({"PERSON", "ARMED_GROUP", "TRIBE", "ORGANIZATION", "GPE", "MEDIA"})
PLACES = frozenset({"GPE", "LOCATION"})
_GROUPS = frozenset({"ARMED_GROUP", "ORGANIZATION"})
_HOLDERS = frozenset({"PERSON", "ARMED_GROUP", "TRIBE", "ORGANIZATION"})

#: relation type → (allowed head types, allowed tail types)
SIGNATURES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "COMMANDS": (frozenset({"PERSON"}), frozenset({"ARMED_GROUP"})),
    "LEADS": (frozenset({"PERSON"}), frozenset({"ORGANIZATION", "TRIBE", "GPE"})),
    "SPOKESPERSON_OF": (frozenset({"PERSON"}), frozenset({"ARMED_GROUP", "ORGANIZATION", "GPE"})),
    "MEMBER_OF": (frozenset({"PERSON", "ARMED_GROUP", "ORGANIZATION", "TRIBE", "GPE"}), _GROUPS),
    "LOYAL_TO": (_HOLDERS, ACTORS),
    "ALLIED_WITH": (ACTORS - {"MEDIA"}, ACTORS - {"MEDIA"}),
    "SUPPORTS": (ACTORS - {"MEDIA"}, ACTORS - {"MEDIA"}),
    "OPPOSES": (ACTORS, ACTORS),
    "DEFECTED_FROM": (frozenset({"PERSON", "ARMED_GROUP", "ORGANIZATION"}), _GROUPS),
    "CONTROLS": (_HOLDERS, PLACES),
    "BASED_IN": (_HOLDERS | {"MEDIA"}, PLACES),
}
#: the relation types in a fixed order (the columns of the model)
RELATION_TYPES: tuple[str, ...] = tuple(SIGNATURES)
#: types that hold between a pair either way round: one prediction per unordered pair
UNORDERED = frozenset({"ALLIED_WITH", "OPPOSES"})


@lru_cache(maxsize=128)
def allowed_types(head_type: str, tail_type: str) -> tuple[str, ...]:
    """The relation types whose signature admits a head of `head_type` and a tail of `tail_type`."""
    return tuple(r for r, (heads, tails) in SIGNATURES.items() if head_type in heads and tail_type in tails)


@lru_cache(maxsize=128)
def type_mask(head_type: str, tail_type: str) -> tuple[bool, ...]:
    """One flag per `RELATION_TYPES` column: whether the pair's types admit it."""
    ok = allowed_types(head_type, tail_type)
    return tuple(r in ok for r in RELATION_TYPES)
