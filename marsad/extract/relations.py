"""The `relations` component: typed links between actors, with modality, source and evidence.

Two sources of relations:

- the structure of names (hints left by the entity rules): «الناطق باسم X، Y» → SPOKESPERSON_OF(Y, X);
  «قائد X، Y» / «Y (آمر X)» → COMMANDS; «زعيم قبيلة X» → LEADS; «القوات التي يقودها Y» → COMMANDS;
  «القوات المتواجدة بمنطقة P» → BASED_IN; other titles from the `titles` lexicon's relation column;
- events: ALLEGIANCE → LOYAL_TO(agent, target); EXPULSION, ATTACK, ARMED_CLASH, ACCUSATION, THREAT,
  SANCTION, ARREST, LEGAL_ACTION → OPPOSES; SUPPORT → SUPPORTS; AGREEMENT → ALLIED_WITH;
  DEFECTION → DEFECTED_FROM; TERRITORY_CONTROL → CONTROLS(agent, place); an ATTACK on an armed group at a
  place (not a country) → BASED_IN(the group, the place).
Each relation carries the claim whose content holds its evidence (None when the narrator states it).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import TypeVar

from marsad.extract.names.cands import Hint
from marsad.extract.relpatterns import View, entity_places, pattern_relations, relation_words
from marsad.extract.claimspan import claim_index, narrowest_claim
from marsad.knowledge import KnowledgeBase
from marsad.layers import HINTS, MENTIONS
from marsad.model import Analysis, Event, Offsets, Relation
from marsad.options import Option
from marsad.pipeline import register
from marsad.resources import Resources
from marsad.text.normalise import normalise

_EVENT_RELATIONS = {
    "ALLEGIANCE": "LOYAL_TO", "EXPULSION": "OPPOSES", "ATTACK": "OPPOSES", "ARMED_CLASH": "OPPOSES",
    "ACCUSATION": "OPPOSES", "THREAT": "OPPOSES", "SANCTION": "OPPOSES", "ARREST": "OPPOSES", "LEGAL_ACTION": "OPPOSES", "SUPPORT": "SUPPORTS",
    "AGREEMENT": "ALLIED_WITH", "DEFECTION": "DEFECTED_FROM",
}
#: an event must be at least this sure to imply that its agent opposes its target
OPPOSES_MIN_CONFIDENCE = 0.9
#: relation types a pair holds in one direction only; the first reading (name structure, fixed
#: constructions) wins over a later one from a loosely parsed event
_DIRECTED_ONCE = frozenset({"SUPPORTS", "COMMANDS", "LEADS", "LOYAL_TO", "MEMBER_OF", "SPOKESPERSON_OF"})
#: relation types that hold both ways: one per pair per article
_SYMMETRIC = frozenset({"OPPOSES", "ALLIED_WITH"})
#: acts whose author a condemnation opposes
_CONDEMNED = frozenset({"ATTACK", "ARMED_CLASH", "VIOLENCE_AGAINST_CIVILIANS", "ARREST", "EXPULSION", "TERRITORY_CONTROL"})
_PREMIER_TITLES = frozenset(normalise(w) for w in ("رئيس الوزراء", "رئيس الحكومة", "رئيس وزراء", "رئيس حكومة"))
_ACTORS = frozenset({"PERSON", "ARMED_GROUP", "TRIBE", "ORGANIZATION", "GPE", "MEDIA"})
_VALID_HEADS = {
    "SPOKESPERSON_OF": {"PERSON"}, "COMMANDS": {"PERSON", "ARMED_GROUP"}, "LEADS": {"PERSON"},
    "MEMBER_OF": {"PERSON", "ARMED_GROUP", "TRIBE", "ORGANIZATION"},
}


@register("relations", requires=("tokens", "entities", "mentions", "hints", "events", "claims"),
          assigns=("relations",),
          options=(Option("opposes_min_confidence", float, OPPOSES_MIN_CONFIDENCE, "an event must be at least "
                          "this sure to imply that its agent opposes its target", low=0.0, high=1.0),))
class RelationFinder:
    """Builds relations from name structure and from events."""

    def __init__(self, resources: Resources, *, opposes_min_confidence: float = OPPOSES_MIN_CONFIDENCE) -> None:
        self.kb = resources.kb
        self.opposes_min_confidence = opposes_min_confidence

    def __call__(self, analysis: Analysis) -> Analysis:
        hints = HINTS.get(analysis)
        types = {e.id: e.type for e in analysis.entities}
        kinds = {e.id: e.kind for e in analysis.entities}
        out: list[Relation] = []
        seen: set[tuple[str, str, str]] = set()

        places = entity_places(analysis.entities, self.kb)
        capitals = _capital_states(analysis, places)

        def add(rtype: str, head: str | None, tail: str | None, start: int, end: int, modality: str,
                conf: float, time: dict | None = None) -> None:
            if rtype in _BETWEEN_ACTORS:  # «الموالية لأنقرة»: the capital stands for its state
                head, tail = capitals.get(head or "", head), capitals.get(tail or "", tail)
            if not head or not tail or head == tail:
                return
            key = (rtype, head, tail)
            if key in seen or ((rtype in _DIRECTED_ONCE or rtype in _SYMMETRIC) and (rtype, tail, head) in seen):
                return  # the construction read first already gave this pair its direction
            seen.add(key)
            out.append(Relation(f"r{len(out) + 1}", rtype, head, tail, Offsets(start, end), modality,
                                _claim_at(analysis, start), time, conf))

        mentions = MENTIONS.get(analysis)
        view = View(analysis.tokens, mentions, types, kinds, relation_words(self.kb), places)
        for h in hints:
            _from_hint(h, types, kinds, add, view)
            if h.type == "ROLE" and h.head.entity and normalise(h.title or "") in _PREMIER_TITLES:
                government = _main_government(analysis)
                if government is not None:  # «رئيس الوزراء عبدالله الثني»: the government the article is about
                    add("LEADS", h.head.entity, government, h.start, h.end, "asserted", 0.6)
        for rtype, head, tail, start, end in pattern_relations(view):
            add(rtype, head, tail, start, end, "asserted", 0.75)
        for ev in analysis.events:
            _from_event(analysis, ev, types, add, self.kb, self.opposes_min_confidence)
            for rtype, head, tail in _hostile_objects(view, analysis, ev, self.kb):
                add(rtype, head, tail, ev.evidence.start, ev.evidence.end, ev.modality, 0.6, ev.time)
        analysis.relations = out
        return analysis


#: relation types between actors, where a capital named as an actor means its state
_BETWEEN_ACTORS = frozenset({"LOYAL_TO", "SUPPORTS", "OPPOSES", "ALLIED_WITH"})


def _capital_states(analysis: Analysis, places: dict[str, str | None]) -> dict[str, str]:
    """Capital entity -> the article's entity for its country («أنقرة» -> «تركيا»), for the capitals whose
    country the article names too."""
    by_place: dict[str, str] = {}
    for entity, place in places.items():
        if place:
            by_place.setdefault(place, entity)
    out = {}
    for e in analysis.entities:
        place = places.get(e.id)
        if e.kind == "capital" and place and "/" in place:
            state = by_place.get(place.split("/", 1)[0])
            if state is not None and state != e.id:
                out[e.id] = state
    return out


def _from_hint(h: Hint, types: dict[str, str], kinds: dict[str, str | None], add,  # type: ignore[no-untyped-def]
               view: View | None = None) -> None:
    head, tail = h.head.entity, h.tail.entity
    if h.type == "ROLE" or not head or not tail:
        return
    htype, ttype = types.get(head), types.get(tail)
    allowed = _VALID_HEADS.get(h.type)
    if allowed is not None and htype not in allowed:
        return
    if h.type == "BASED_IN" and ttype not in ("GPE", "LOCATION"):
        return
    state = ttype == "GPE" and kinds.get(tail) in ("country", "capital")  # «الموالية لأنقرة»: Turkey
    if h.type != "BASED_IN" and ttype in ("GPE", "LOCATION") and h.type != "LEADS" \
            and not (state and h.type in ("LOYAL_TO", "SUPPORTS")):
        return
    rtype = _hint_type(h, htype, ttype, view) if view is not None else h.type
    if rtype:
        add(rtype, head, tail, h.start, h.end, "asserted", 0.85)


#: cue sets that state a relation of their own inside a descriptive name
_RELATING_CUES = ("loyal", "affiliated", "member", "backed", "against", "linked")


def _hint_type(h: Hint, htype: str | None, ttype: str | None, view: View) -> str | None:
    """The relation a name-structure hint states, read against the words of the name: «الفصائل الموالية
    لأنقرة» holds Ankara as an ally, not as a seat (None); «قوات حكومة الوفاق», «جيش الحكومة» without
    «الموالية» name the government's own forces (MEMBER_OF, not a declared allegiance)."""
    first, place = h.head.first, h.tail.first
    if h.type == "BASED_IN" and place > first and any(view.cue(place - 1, c) for c in _RELATING_CUES):
        return None
    if h.type == "LOYAL_TO" and htype == "ARMED_GROUP" and ttype in ("ORGANIZATION", "ARMED_GROUP") \
            and not any(view.cue(k, "loyal") for k in range(min(first, place), max(first, place) + 1)):
        return "MEMBER_OF"
    return h.type


def _from_event(analysis: Analysis, ev: Event, types: dict[str, str], add,  # type: ignore[no-untyped-def]
                kb: KnowledgeBase | None = None, opposes_min: float = OPPOSES_MIN_CONFIDENCE) -> None:
    s, e = ev.evidence.start, ev.evidence.end
    mod = ev.modality
    kinds = _cached(analysis, "kinds", lambda: {e.id: e.kind for e in analysis.entities})
    if ev.type == "TERRITORY_CONTROL":
        _from_control(analysis, ev, types, kinds, add, kb)
        return
    if ev.type == "ACCUSATION" and not any(types.get(t) in _ACTORS for t in ev.targets):
        _condemned_authors(analysis, ev, types, add)
        return
    if ev.type == "ATTACK" and ev.place and kinds.get(ev.place) != "country" and ev.confidence >= opposes_min:
        for t in ev.targets:  # «استهدفت غارة موقعاً لداعش في الجفرة»: the force struck is where it was struck
            if types.get(t) == "ARMED_GROUP" and t not in ev.agents:
                add("BASED_IN", t, ev.place, s, e, mod, 0.5, ev.time)
    rtype = _EVENT_RELATIONS.get(ev.type)
    if rtype is None:
        return
    if ev.type == "DEFECTION" and not ev.agents:
        return
    heads = [a for a in ev.agents if types.get(a) in _ACTORS]
    tails = [t for t in ev.targets if types.get(t) in _ACTORS and (types.get(t) != "GPE" or rtype == "SUPPORTS")]
    if ev.type == "ARMED_CLASH" and len(heads) >= 2:
        heads, tails = heads[:1], heads[1:]  # the two sides of a clash oppose each other
    if rtype == "OPPOSES" and ev.type != "EXPULSION" and ev.confidence < opposes_min:
        return  # hostility read off a loosely parsed event is too often wrong
    for h in heads:
        for t in tails:
            add(rtype, h, t, s, e, mod, 0.6, ev.time)


#: events whose agent is hostile to the group named as the owner of what the event strikes or takes
_STRIKING = frozenset({"ATTACK", "ARMED_CLASH", "TERRITORY_CONTROL", "EXPULSION"})
_HOLDERS = frozenset({"ARMED_GROUP", "ORGANIZATION", "TRIBE"})


def _hostile_objects(view: View, analysis: Analysis, ev: Event, kb: KnowledgeBase | None) -> list[tuple[str, str, str]]:
    """«قصفت قوات X مواقع لتنظيم Y», «هاجمت X أماكن تواجد Y», «استعادت X المدينة من قبضة Y»: an attack,
    a clash or a capture whose clause names a group as the owner or holder of what it strikes or
    takes (a `hostile_object` cue after the trigger) → OPPOSES between the event's agent and that group."""
    if ev.type not in _STRIKING or not ev.agents:
        return []
    types = view.types
    holders = []
    for a in ev.agents:
        holder = _forces_of(analysis, a, kb) if types.get(a) == "PERSON" else a
        if holder and types.get(holder) in _HOLDERS:
            holders.append(holder)
    if not holders:
        return []
    tokens = analysis.tokens
    starts = _cached(analysis, "token_starts", lambda: [t.start for t in tokens])
    k = bisect_right(starts, ev.trigger.end - 1)
    last = bisect_right(starts, ev.evidence.end - 1) - 1
    out = []
    while k <= last and k < len(tokens) and tokens[k].sentence == tokens[last].sentence:
        if view.cue(k, "hostile_object"):
            owner = next((m for j in range(k + 1, min(k + 4, last + 1)) if (m := view.by_first.get(j)) is not None
                          and view.type(m) in _HOLDERS), None)  # «مواقع لـY», «أماكن تواجد Y»
            if owner is not None and owner.entity and owner.entity not in holders:
                out += [("OPPOSES", h, owner.entity) for h in holders]
        k += 1
    return out


def _condemned_authors(analysis: Analysis, ev: Event, types: dict[str, str], add) -> None:  # type: ignore[no-untyped-def]
    """«أدانت البعثة الهجوم الذي شنته قوات X»: who condemns an act opposes its author (the agents of
    the violent events told after the condemnation in the same sentence)."""
    sent = _sentence_at(analysis, ev.trigger.start)
    accusers = [a for a in ev.agents if types.get(a) in _ACTORS]
    for other in analysis.events:
        if other.type not in _CONDEMNED or other.trigger.start <= ev.trigger.start \
                or _sentence_at(analysis, other.trigger.start) != sent:
            continue
        for a in accusers:
            for t in other.agents:
                if types.get(t) in _ACTORS and types.get(t) != "GPE":
                    add("OPPOSES", a, t, ev.evidence.start, other.evidence.end, ev.modality, 0.55, ev.time)


def _sentence_at(analysis: Analysis, offset: int) -> int:
    """The sentence number of the token at or before a character offset."""
    tokens = analysis.tokens
    starts = _cached(analysis, "token_starts", lambda: [t.start for t in tokens])  # not rebuilt per call
    k = bisect_right(starts, offset) - 1 if tokens else -1
    return tokens[k].sentence if k >= 0 else -1


def _from_control(analysis: Analysis, ev: Event, types: dict[str, str], kinds: dict[str, str | None],
                  add, kb: KnowledgeBase | None = None) -> None:  # type: ignore[no-untyped-def]
    """A capture: CONTROLS for the captor over the place and the places coordinated with it
    («سيطر على ميناءي السدرة ورأس لانوف»); OPPOSES between the captor and those it took them from."""
    s, e, mod = ev.evidence.start, ev.evidence.end, ev.modality
    places = [p for p in _coordinated_places(analysis, ev.place, types) if kinds.get(p) != "country"] if ev.place else []
    for a in ev.agents:
        if types.get(a) not in _ACTORS or types.get(a) == "GPE":
            continue
        # a commander controls ground through his forces: «سيطر حفتر على …» → the forces he leads
        holder = (_forces_of(analysis, a, kb) if types.get(a) == "PERSON" else a) or a
        for p in places:
            add("CONTROLS", holder, p, s, e, mod, 0.6, ev.time)
        for t in ev.targets:
            if types.get(t) in ("ARMED_GROUP", "ORGANIZATION", "TRIBE"):
                add("OPPOSES", holder, t, s, e, mod, 0.55, ev.time)


def _coordinated_places(analysis: Analysis, place: str, types: dict[str, str]) -> list[str]:
    """The place and the places joined to one of its mentions by «و» (or a comma) right after it."""
    out = [place]
    mentions = MENTIONS.get(analysis)
    by_first = {}
    for m in mentions:
        if m.entity and types.get(m.entity) in ("GPE", "LOCATION"):
            by_first.setdefault(m.first, m)
    tokens = analysis.tokens
    for m in mentions:
        if m.entity != place:
            continue
        k = m.last + 1
        while k < len(tokens) and len(out) < 6:
            if tokens[k].text in "،,":
                k += 1
            nxt = by_first.get(k)
            if nxt is None or not (tokens[k].prefix.startswith("و") or tokens[k - 1].text in "،,"):
                break
            if nxt.entity not in out:
                out.append(nxt.entity or "")
            k = nxt.last + 1
    return out


def _forces_of(analysis: Analysis, person: str, kb: KnowledgeBase | None) -> str | None:
    """The armed group a person commands in this article (name structure, then the knowledge base)."""
    for h in HINTS.get(analysis):
        if h.type == "COMMANDS" and h.head.entity == person and h.tail.entity:
            return h.tail.entity
    ent = analysis.entity(person)
    if kb is None or ent is None or not ent.kb_id or ent.kb_id not in kb.actors:
        return None
    targets = {aff.target for aff in kb.actors[ent.kb_id].affiliations if aff.type == "COMMANDS"}
    for other in analysis.entities:
        if other.kb_id in targets and other.type == "ARMED_GROUP":
            return other.id
    return None


def _main_government(analysis: Analysis) -> str | None:
    """The government the article names most (an organisation called a «حكومة»), if any."""
    best = None
    for e in analysis.entities:
        if e.type == "ORGANIZATION" and "حكوم" in normalise(e.name) and (best is None or len(e.mentions) > len(best.mentions)):
            best = e
    return best.id if best else None


def _claim_at(analysis: Analysis, pos: int) -> str | None:
    """The narrowest claim whose content holds `pos` (the relation is then that claim's report)."""
    return narrowest_claim(_cached(analysis, "claims_at", lambda: claim_index(analysis.claims)), pos)


T = TypeVar("T")


def _cached(analysis: Analysis, name: str, build: Callable[[], T]) -> T:
    """A look-up table built once per analysis (rebuilt if the claims or entities were replaced)."""
    key = (id(analysis.claims), len(analysis.claims), id(analysis.entities), len(analysis.entities))
    slot = analysis.work.setdefault("_relations_index", {})  # private to this module, never a layer
    found = slot.get(name)
    if found is None or found[0] != key:
        found = slot[name] = (key, build())
    return found[1]
