"""Endpoints over the store: search, profiles, events, claims, provenance, the network at a date,
changes, the timeline and the dates the store covers."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import func, select, union

from marsad.errors import ConfigError
from marsad.store import Reader, changes, graph_at, graph_json
from marsad.store import schema as t
from marsad.store.timeline import CHANGE_RELATIONS
from marsad.server.errors import JSON
from marsad.server.deps import reader

router = APIRouter(prefix="/api", default_response_class=JSON, tags=["store"])

SourceKind = Query(None, pattern="^(narrator|named_person|organization|media|anonymous|document)$")


def parse_near(value: str | None) -> tuple[float, float, float] | None:
    """LAT,LON,KM as three floats (ConfigError otherwise)."""
    if not value:
        return None
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError:
        raise ConfigError(f"near takes LAT,LON,KM, not {value!r}") from None
    return lat, lon, km


@router.get("/stats", summary="What the store holds")
def stats(r: Reader = Depends(reader)) -> JSON:
    """Counts of articles, actors, relations, events, claims and corrections, and the dates covered."""
    count = {name: r.conn.execute(select(func.count()).select_from(table)).scalar_one()
             for name, table in (("articles", t.articles), ("actors", t.actors), ("relations", t.relations),
                                 ("events", t.events), ("claims", t.claims), ("corrections", t.corrections))}
    first, last = r.conn.execute(select(func.min(t.articles.c.published), func.max(t.articles.c.published))).one()
    return JSON({**count, "first": first, "last": last})


@router.get("/dates", summary="The dates at which the network changes")
def dates(r: Reader = Depends(reader)) -> JSON:
    """Every distinct date of relation and event evidence, oldest first (the network's date slider)."""
    q = union(select(t.relation_evidence.c.date.label("d")).where(t.relation_evidence.c.date.is_not(None)),
              select(t.event_evidence.c.date.label("d")).where(t.event_evidence.c.date.is_not(None)))
    days = sorted({(row[0] or "")[:10] for row in r.conn.execute(q) if row[0]})
    return JSON({"dates": days, "first": days[0] if days else None, "last": days[-1] if days else None})


@router.get("/actors", summary="Find actors by any of their names")
def actors(q: str = Query(..., min_length=1, max_length=200, description="a name, any alias, any spelling"),
           limit: int = Query(20, ge=1, le=200), r: Reader = Depends(reader)) -> JSON:
    """Actors whose names match after Arabic normalisation (hamza and alef forms, ة/ه, ى/ي, «ال»):
    exact aliases first, then aliases containing the term."""
    return JSON(r.find_actors(q, limit=limit))


@router.get("/search", summary="Search actors, claims and events by any term")
def search(q: str = Query(..., min_length=1, max_length=200, description="a name or any term, any spelling"),
           limit: int = Query(50, ge=1, le=500), r: Reader = Depends(reader)) -> JSON:
    """Actors and places by any alias, and the claims and event reports whose text holds the term,
    all compared after Arabic normalisation (hamza and alef forms, ة/ه, ى/ي, diacritics)."""
    from marsad.server.search import search as run_search

    return JSON(run_search(r, q, limit))


@router.get("/actors/{ref}", summary="An actor's profile")
def profile(ref: str, r: Reader = Depends(reader)) -> JSON:
    """Names, relations over time, events, claims about it by kind of source, and claims it made.
    `ref` is an id, a key or any name."""
    return JSON(r.profile(ref))


@router.get("/actors/{ref}/changes", summary="An actor's changes of allegiance and control")
def actor_changes(ref: str, date_from: str | None = Query(None, alias="from"),
                  date_to: str | None = Query(None, alias="to"), r: Reader = Depends(reader)) -> JSON:
    """Defections, new loyalties and alliances, places taken or lost, with their evidence."""
    return JSON(changes(r, ref, date_from, date_to))


@router.get("/events", summary="Events by type, actor, place, date and sources")
def events(type: str | None = None, actor: str | None = None, place: str | None = None,
           near: str | None = Query(None, description="LAT,LON,KM"),
           date_from: str | None = Query(None, alias="from"), date_to: str | None = Query(None, alias="to"),
           source_kind: str | None = SourceKind, min_sources: int = Query(1, ge=1),
           limit: int | None = Query(None, ge=1, le=100_000), r: Reader = Depends(reader)) -> JSON:
    """Stored events, oldest first, with participants, place, coordinates and independent sources."""
    return JSON(r.events(type=type, actor=actor, place=place, near=parse_near(near), date_from=date_from,
                         date_to=date_to, source_kind=source_kind, min_sources=min_sources, limit=limit))


@router.get("/events/{ref}", summary="One event with its reports")
def event(ref: str, r: Reader = Depends(reader)) -> JSON:
    """An event with every report: sentence, outlet, date, modality and kind of source."""
    return JSON(r.show("event", ref))


@router.get("/relations/{ref}", summary="One relation with its evidence")
def relation(ref: str, r: Reader = Depends(reader)) -> JSON:
    """A relation (id or TYPE|head|tail key) with every sentence that states it."""
    return JSON(r.show("relation", ref))


def claim_subjects(r: Reader, claim_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The actors each claim's content names, by claim id."""
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for i in range(0, len(claim_ids), 500):
        rows = r.conn.execute(select(t.claim_subjects).where(t.claim_subjects.c.claim_id.in_(claim_ids[i:i + 500])))
        for row in rows:
            actor_id = r.canon(row.actor_id)
            if all(s["id"] != actor_id for s in out[row.claim_id]):
                out[row.claim_id].append({"id": actor_id, "name": r.name(actor_id)})
    return out


@router.get("/claims", summary="Claims by speaker, subject or kind of source")
def claims(speaker: str | None = None, about: str | None = None,
           source_kind: str | None = Query(None, pattern="^(named_person|organization|media|anonymous|document)$"),
           anonymous_only: bool = Query(False, description="only claims resting on anonymous sources alone"),
           limit: int | None = Query(None, ge=1, le=100_000), r: Reader = Depends(reader)) -> JSON:
    """Who says what about whom: each claim with its speaker, kind of source, relays, content and the
    actors its content names (`about`)."""
    found = r.claims(speaker=speaker, about=about, source_kind=source_kind, anonymous_only=anonymous_only,
                     limit=limit)
    subjects = claim_subjects(r, [c["id"] for c in found])
    for c in found:
        c["about"] = subjects.get(c["id"], [])
    return JSON(found)


@router.get("/claims/{ref}", summary="One claim")
def claim(ref: int, r: Reader = Depends(reader)) -> JSON:
    """A claim with its speaker, kind of source, relays and content."""
    found = r.show("claim", ref)
    found["about"] = claim_subjects(r, [found["id"]]).get(found["id"], [])
    return JSON(found)


@router.get("/graph", summary="The actor network as stated up to a date")
def graph(at: str | None = Query(None, description="ISO date; default: everything"),
          r: Reader = Depends(reader)) -> JSON:
    """Actors and the relations stated by articles up to `at`; each relation's status is active,
    ended (a later defection), lost or contested (control of a place)."""
    return JSON(graph_json(graph_at(r, at)))


@router.get("/alerts", summary="Alerts raised by the watch rules, newest first")
def alerts(request: Request, rule: str | None = Query(None, description="a rule's name or id"),
           since: str | None = Query(None, description="raised at or after this time (ISO)"),
           limit: int = Query(100, ge=1, le=10_000)) -> JSON:
    """The alerts of `marsad watch` rules (see docs/watch.md): rule, time, the change, its evidence."""
    from marsad.watch.alerts import list_alerts

    return JSON(list_alerts(request.app.state.store, rule=rule, since=since, limit=limit))


@router.get("/timeline", summary="Events and allegiance changes over time")
def timeline(date_from: str | None = Query(None, alias="from"), date_to: str | None = Query(None, alias="to"),
             limit: int = Query(5000, ge=1, le=100_000), r: Reader = Depends(reader)) -> JSON:
    """Dated events and the first statement of each defection, loyalty, alliance and control."""
    evs = [e for e in r.events(date_from=date_from, date_to=date_to, limit=limit) if e["date"]]
    lo, hi = date_from or "", (date_to or "9999") + "~"
    rels = [{k: rel[k] for k in ("id", "type", "head", "tail", "head_name", "tail_name", "first_seen",
                                 "last_seen", "evidence", "status")}
            for rel in r.relations(types=CHANGE_RELATIONS)
            if rel["first_seen"] and lo <= rel["first_seen"] <= hi]
    return JSON({"events": evs, "changes": rels})
