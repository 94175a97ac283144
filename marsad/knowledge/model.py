"""The records of the knowledge base: actors, their aliases and affiliations, places, name entries.

The closed vocabularies (entity, relation, event types …) come from `marsad.model`; the ones that only
the knowledge files use (place kinds, title kinds …) are defined here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.model import ENTITY_TYPES, EVENT_TYPES, MODALITIES, RELATION_TYPES, STANCES

__all__ = [
    "Actor", "Affiliation", "Alias", "NameEntry", "Place", "ENTITY_TYPES", "EVENT_TYPES",
    "MODALITIES", "RELATION_TYPES", "STANCES", "PLACE_TYPES", "PLACE_KINDS", "TITLE_KINDS",
    "MODALITY_CUES", "AFFILIATION_TYPES", "RELATION_CUES", "EVENT_CUES", "NAME_CUES",
]

#: `type` of a place row: places with a government, or without one.
PLACE_TYPES = ("GPE", "LOCATION")

#: `kind` of a place row.
PLACE_KINDS = (
    "country", "capital", "city", "town", "village", "district", "region", "neighbourhood", "port",
    "oilfield", "airport", "base", "border_crossing", "facility", "natural",
)

#: `kind` of a row of lexicons/titles.tsv.
TITLE_KINDS = ("role", "rank", "office", "honorific", "membership")

#: `modality` of a row of lexicons/modality.tsv: the contract's modalities plus plain negation.
MODALITY_CUES = MODALITIES + ("negation",)

#: `cue` of a row of lexicons/relation_cues.tsv: the word sets the relation rules read
#: (marsad/extract/relpatterns/ says which rule reads which).
RELATION_CUES = (
    "affiliated", "against", "ally_with", "backed", "backed_by", "called", "control_noun", "control_verb",
    "includes", "joint_between", "leads_verb", "led", "led_by_any", "led_by_verb", "linked", "loyal", "one_of", "one_of_leaders",
    "one_of_members", "oppose_verb", "part", "relative", "rival", "reside_verb", "rivalry", "seat", "seat_adj", "seat_block",
    "fight_with", "facing", "member", "alias_head", "fight_stop", "hostile_object", "free_from", "expel", "enemy", "wanted", "helped_by", "quantity", "hand", "position", "hand_over", "head_of_state", "deputy",
    "supported_by", "under", "seize", "impose", "retake", "filler", "eminent", "largest", "fight_purpose",
    "state_office", "holding", "prevent_control", "supports_verb", "supporting",
)

#: `cue` of a row of lexicons/event_cues.tsv: the word sets the events layer reads (see marsad/extract/events.py).
EVENT_CUES = (
    "ability", "civil_body", "civilians", "court", "demonstrative", "fall", "figurative", "inquiry", "inquiry_next",
    "instrument", "killing", "legal_context", "light_verb", "members", "new_clause", "not_after_ba", "not_trigger",
    "belonging", "call", "call_link", "occur", "penalty", "place_noun", "place_pronoun", "place_prep", "prevent",
    "relative", "seize", "pronoun_subject", "refusal", "regime", "ruling", "still", "target_prep", "try", "unnamed_agent",
    "submit", "holder_noun", "receive", "undergo", "blame", "responsibility",
    "amid", "document", "dawn", "time_prep", "day", "reinforce", "military_object", "gather", "gathered",
    "closing", "protesters",
)

#: `cue` of a row of lexicons/name_cues.tsv: the word sets the entity rules read (marsad/extract/names/lexicon.py).
NAME_CUES = (
    "body_head", "compass", "empty_modifier", "group_of_person", "indefinite_modifier", "leader_title", "led_by",
    "located", "loyal_modifier", "name_connector", "named_unit", "no_generic", "office", "own_country", "place_stop",
    "press", "recognised", "region_prep", "relating", "relative", "standalone_head", "stationed", "stop", "time_word", "tribe_connector", "tribe_head", "weak_place_cue",
)

#: `set` of a row of lexicons/claim_words.tsv: the word sets the claims layer reads (marsad/extract/claims/cues.py).
CLAIM_WORDS = (
    "according", "calling", "complement", "document_head", "led_by", "media_head", "member_head", "name_word", "opener",
    "said_to", "spokesman_anaphor", "that", "unnamed_spokesman",
)

#: `type` of an actor's affiliation: any relation type of the contract.
AFFILIATION_TYPES = RELATION_TYPES

# how precise a place's coordinates are, by kind (the contract's geo precision)
_GEO_PRECISION = {
    "country": "country", "region": "region", "district": "region", "natural": "region",
    "capital": "city", "city": "city", "town": "city", "village": "city", "neighbourhood": "city",
}


@dataclass(frozen=True, slots=True)
class Alias:
    """Another name of an actor; `stance` marks a partisan name, `context` restricts its use.

    With a `context`, the alias only applies when one of its words occurs in the same article.
    """

    text: str
    stance: str | None = None
    context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Affiliation:
    """A dated link from an actor to another actor (or to a place for BASED_IN).

    `start` and `end` are the file's `from` and `to`: ISO dates (year, year-month or day) or None.
    """

    type: str
    target: str
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, armed group, tribe, organisation, media outlet or state, as written in actors/*.jsonl."""

    id: str
    type: str
    name: str
    name_en: str | None = None
    aliases: tuple[Alias, ...] = ()
    roles: tuple[str, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    country: str | None = None
    place: str | None = None
    note: str | None = None
    origin: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class Place:
    """A country, region, city, town or facility, as written in places/*.tsv.

    `country` is the ISO 3166-1 alpha-2 code in upper case; `origin` is "file:line" of the row.
    """

    id: str
    type: str
    kind: str
    name: str
    lat: float
    lon: float
    name_en: str | None = None
    country: str | None = None
    admin: str | None = None
    population: int | None = None
    aliases: tuple[str, ...] = ()
    source: str | None = None
    origin: str = ""

    @property
    def geo(self) -> dict[str, Any]:
        """The contract's `geo` object: lat, lon and a precision derived from the kind."""
        return {"lat": self.lat, "lon": self.lon, "precision": _GEO_PRECISION.get(self.kind, "point")}


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One name of an actor or place: `norm` is the matching form, `text` the name as written.

    `stance` and `context` come from the alias (always None and () for places and canonical names).
    """

    norm: str
    text: str
    kb_id: str
    stance: str | None = None
    context: tuple[str, ...] = ()
