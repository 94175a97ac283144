"""Writing one article's event reports: each joins an event already stored that it repeats (same
type, dates within a few days, a shared participant or the same place, reported by another article)
or founds a new one; its participants and evidence are batched with the article's other rows."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, bindparam, insert, select, update

from marsad.model import Event
from marsad.store import schema as t
from marsad.store.article import ArticleState, attribution, day, sentence_of, to_date

#: Two reports are one event when their dates are at most this many days apart.
EVENT_WINDOW_DAYS = 3

_E, _P, _EV = t.events, t.event_participants, t.event_evidence
#: The events a report may repeat, with their participants (one query per report; sorted oldest first
#: in Python: asked to sort, SQLite would walk every event of the type instead of the index on type
#: and date).
_SEL_CANDIDATES = (
    select(_E.c.id, _E.c.place_id, _P.c.actor_id, _P.c.role)
    .outerjoin(_P, _P.c.event_id == _E.c.id)
    .where(and_(_E.c.type == bindparam("type"), _E.c.date >= bindparam("lo"), _E.c.date <= bindparam("hi"))))
_INS_EVENT = insert(_E)
_LOCK_EVENT = select(_E.c.id).where(_E.c.id == bindparam("event_id")).with_for_update()
_SET_PLACE = (update(_E).where(and_(_E.c.id == bindparam("event_id"), _E.c.place_id.is_(None)))
              .values(place_id=bindparam("place")))
_SEL_SOURCE = select(_EV.c.event_id).where(and_(_EV.c.event_id == bindparam("event_id"),
                                                 _EV.c.source == bindparam("source"))).limit(1)
_ADD_SOURCE = update(_E).where(_E.c.id == bindparam("event_id")).values(sources=_E.c.sources + 1)


class _Candidate:
    """An event a report may repeat: its place and its participants (actor, role)."""

    __slots__ = ("id", "place", "roles")

    def __init__(self, event_id: int, place: int | None) -> None:
        self.id, self.place = event_id, place
        self.roles: set[tuple[int, str]] = set()


class EventWriter:
    """Writes event reports through the article's connection; `locks`: hold a merged event's row
    until the article commits (several writers at once, PostgreSQL)."""

    def __init__(self, conn: Connection, locks: bool) -> None:
        self.conn, self.locks = conn, locks

    def candidates(self, ev: Event, when: str | None) -> list[_Candidate]:
        """Stored events of the report's type dated within the window of `when`, oldest first."""
        day_ = to_date(when)
        if day_ is None:
            return []
        lo = date.fromordinal(day_.toordinal() - EVENT_WINDOW_DAYS).isoformat()
        hi = date.fromordinal(day_.toordinal() + EVENT_WINDOW_DAYS).isoformat() + "~"
        found: dict[int, _Candidate] = {}
        for row in self.conn.execute(_SEL_CANDIDATES, {"type": ev.type, "lo": lo, "hi": hi}):
            cand = found.get(row.id)
            if cand is None:
                cand = found[row.id] = _Candidate(row.id, row.place_id)
            if row.actor_id is not None:
                cand.roles.add((row.actor_id, row.role))
        return sorted(found.values(), key=lambda cand: cand.id)

    def match(self, art: ArticleState, ev: Event, when: str | None, place: int | None,
              people: set[int]) -> _Candidate | None:
        """The stored event this report repeats: same type, dates within the window, the same place
        or a shared participant, reported by another article (the first such, oldest first)."""
        for cand in self.candidates(ev, when):
            if cand.id in art.events:
                continue
            if place is not None and cand.place == place:
                return cand
            if people & {actor for actor, _ in cand.roles}:
                return cand
        return None

    def write(self, art: ArticleState, ev: Event) -> bool:
        """Store one event report; True when it was merged into an event already stored."""
        when = day((ev.time or {}).get("value")) or art.date
        place = art.actor_ids.get(ev.place) if ev.place else None
        roles = [(art.actor_ids[a], "agent") for a in ev.agents if a in art.actor_ids]
        roles += [(art.actor_ids[a], "target") for a in ev.targets if a in art.actor_ids]
        kind, speaker, source = attribution(art, ev.claim)
        cand = self.match(art, ev, when, place, {a for a, _ in roles})
        if cand is None:
            event_id = self.conn.execute(_INS_EVENT, {
                "key": f"{art.analysis.document.id}:{ev.id}", "type": ev.type, "place_id": place, "date": when,
                "precision": (ev.time or {}).get("precision") or ("day" if when and len(when) == 10 else None),
                "sources": 1}).inserted_primary_key[0]
            known: set[tuple[int, str]] = set()
        else:
            event_id, known = cand.id, cand.roles
            self._merge(event_id, place if cand.place is None else None, source)
        art.events.add(event_id)
        for actor_id, role in dict.fromkeys(roles):
            if (actor_id, role) not in known:
                art.add("event_participants", {"event_id": event_id, "actor_id": actor_id, "role": role})
                known.add((actor_id, role))
        art.add("event_evidence", {
            "event_id": event_id, "article_id": art.analysis.document.id, "local_id": ev.id, "date": when,
            "modality": ev.modality, "source_kind": kind, "speaker_id": speaker, "outlet": art.outlet,
            "source": source, "trigger": ev.trigger.text, "start": ev.evidence.start, "end": ev.evidence.end,
            "sentence": sentence_of(art, ev.evidence.start, ev.evidence.end), "confidence": ev.confidence})
        return cand is not None

    def _merge(self, event_id: int, place: int | None, source: str) -> None:
        """A report joins a stored event: its row held, its place filled when it had none, its count
        of independent sources raised when this source is new to it."""
        params: dict[str, Any] = {"event_id": event_id}
        if self.locks:   # until the article commits: its sources are counted below
            self.conn.execute(_LOCK_EVENT, params)
        if place is not None:
            self.conn.execute(_SET_PLACE, {**params, "place": place})
        if self.conn.execute(_SEL_SOURCE, {**params, "source": source}).first() is None:
            self.conn.execute(_ADD_SOURCE, params)
