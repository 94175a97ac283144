"""Questions to the store, with analyst corrections applied: actors by any alias, an actor's profile,
events and claims by filters, and any stored fact with its provenance (`show`).

Results are plain dicts and lists (JSON-ready). Merged actors answer as the actor they were merged
into; rejected relations and events are left out; edits replace the machine's values.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, and_, case, func, or_, select

from marsad.errors import StoreError
from marsad.store import schema as t
from marsad.store.corrections import Corrections, load_corrections
from marsad.store.keys import norm_name

SOURCE_KINDS = ("named_person", "organization", "media", "anonymous", "document")


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


class Reader:
    """Reads the store through one connection, with the corrections in force."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.corrections: Corrections = load_corrections(conn)
        self._actors: dict[int, dict[str, Any]] = {}
        self._canon: dict[int, int] = {}
        for key, into in self.corrections.merged_into.items():
            src = self._id_of_key(key)
            dst = self._id_of_key(self.corrections.canonical(into))
            if src is not None and dst is not None:
                self._canon[src] = dst
        self._merged_from: dict[int, list[int]] = defaultdict(list)
        for src, dst in self._canon.items():
            self._merged_from[dst].append(src)

    def _id_of_key(self, key: str) -> int | None:
        row = self.conn.execute(select(t.actors.c.id).where(t.actors.c.key == key)).first()
        return row[0] if row else None

    # -- actors -------------------------------------------------------------------------------

    def canon(self, actor_id: int | None) -> int | None:
        """The actor an actor was merged into (or itself)."""
        return None if actor_id is None else self._canon.get(actor_id, actor_id)

    def members(self, actor_id: int) -> list[int]:
        """An actor's id with the ids of every actor merged into it."""
        return [actor_id, *self._merged_from.get(actor_id, [])]

    def actor(self, actor_id: int | None) -> dict[str, Any] | None:
        """An actor's card (id, key, type, name, name_en, geo), edits applied, merges followed."""
        actor_id = self.canon(actor_id)
        if actor_id is None:
            return None
        if actor_id not in self._actors:
            row = self.conn.execute(select(t.actors).where(t.actors.c.id == actor_id)).first()
            if row is None:
                return None
            self._card(row)
        return self._actors[actor_id]

    def _card(self, row: Any) -> None:
        """Keep an actor's card, made from its row with the analysts' edits applied."""
        card = {"id": row.id, "key": row.key, "type": row.type, "name": row.name, "name_en": row.name_en,
                "kb_id": row.kb_id, "geo": None if row.lat is None else {"lat": row.lat, "lon": row.lon},
                "first_seen": row.first_seen, "last_seen": row.last_seen}
        card.update(self.corrections.edits["actor"].get(row.key, {}))
        card["status"] = self.corrections.status("actor", row.key)
        self._actors[row.id] = card

    def load_actors(self, ids: Iterable[int | None]) -> None:
        """Read the cards of many actors at once (merges followed), for what shows many of them."""
        wanted = sorted({c for c in map(self.canon, ids) if c is not None and c not in self._actors})
        for i in range(0, len(wanted), 500):
            for row in self.conn.execute(select(t.actors).where(t.actors.c.id.in_(wanted[i:i + 500]))):
                self._card(row)

    def name(self, actor_id: int | None) -> str | None:
        """An actor's display name."""
        return None if actor_id is None else self._name_of(self.canon(actor_id))

    def _name_of(self, actor_id: int) -> str | None:
        """The display name of an actor id already followed through merges (the cards' cache first)."""
        card = self._actors.get(actor_id) or self.actor(actor_id)
        return None if card is None else card["name"]

    def find_actors(self, term: str, limit: int = 20) -> list[dict[str, Any]]:
        """Actors going by a name: exact normalised alias first, then aliases containing it."""
        norm = norm_name(term)
        if not norm:
            return []
        counts: Counter[int] = Counter()
        exact = self.conn.execute(select(t.aliases.c.actor_id, t.aliases.c.count).where(t.aliases.c.norm == norm)).all()
        for actor_id, count in exact:
            counts[self.canon(actor_id)] += count + 10_000
        if len(counts) < limit:
            like = norm.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            rows = self.conn.execute(select(t.aliases.c.actor_id, t.aliases.c.count)
                                     .where(t.aliases.c.norm.like(f"%{like}%", escape="\\")).limit(500)).all()
            for actor_id, count in rows:
                counts[self.canon(actor_id)] += count
        out = []
        for actor_id, _ in counts.most_common(limit):
            card = dict(self.actor(actor_id) or {})
            card["aliases"] = self.aliases(actor_id)
            out.append(card)
        return out

    def aliases(self, actor_id: int) -> list[str]:
        """Every surface name of an actor (and of actors merged into it), most used first."""
        rows = self.conn.execute(select(t.aliases.c.alias, t.aliases.c.count)
                                 .where(t.aliases.c.actor_id.in_(self.members(actor_id)))
                                 .order_by(t.aliases.c.count.desc())).all()
        return list(dict.fromkeys(r.alias for r in rows))

    def resolve_actor(self, ref: str | int) -> int:
        """An actor id from an id, a key or any of its names; StoreError when none matches."""
        ref_s = str(ref).strip()
        if ref_s.isdigit():
            if self.actor(int(ref_s)) is None:
                raise StoreError(f"no actor {ref_s} in the store")
            return self.canon(int(ref_s))  # type: ignore[return-value]
        found = self._id_of_key(ref_s)
        if found is not None:
            return self.canon(found)  # type: ignore[return-value]
        hits = self.find_actors(ref_s, limit=1)
        if not hits:
            raise StoreError(f"no actor named {ref_s!r} in the store")
        return hits[0]["id"]

    # -- relations ----------------------------------------------------------------------------

    def relations(self, actor_id: int | None = None, types: tuple[str, ...] = (),
                  until: str | None = None, ids: list[int] | None = None, *,
                  modalities: bool = True) -> list[dict[str, Any]]:
        """Aggregated relations (optionally of one actor, of some types, stated up to a date, or with
        the given ids), each with first/last seen, its evidence count, outlets, and modality history
        (`modalities=False`: left out, and the rest counted by the database: what a whole network needs)."""
        where = []
        if ids is not None:
            where.append(t.relations.c.id.in_(ids))
        if actor_id is not None:
            members = self.members(actor_id)
            where.append(or_(t.relations.c.head_id.in_(members), t.relations.c.tail_id.in_(members)))
        if types:   # the machine's type, or an analyst's edit that may have changed it
            edited = [k for k, e in self.corrections.edits["relation"].items() if "type" in e]
            where.append(or_(t.relations.c.type.in_(types), t.relations.c.key.in_(edited)))
        if until is not None:
            where_ev = [*where, or_(t.relation_evidence.c.date.is_(None), t.relation_evidence.c.date <= until)]
        else:
            where_ev = where
        if modalities:
            rows = self.conn.execute(select(t.relations).where(*where)).all()
            stats = self._relation_evidence(where_ev)
        else:
            rows, stats = self._relations_counted(where_ev)
        self.load_actors([end for r in rows if r.id in stats for end in (r.head_id, r.tail_id)])
        out = []
        canon, status, edits = self._canon.get, self.corrections.status, self.corrections.edits["relation"]
        for r in rows:
            stat = stats.get(r.id)
            if stat is None:
                continue
            state = status("relation", r.key)
            if state == "rejected":
                continue
            rel_type = edits[r.key].get("type", r.type) if r.key in edits else r.type
            if types and rel_type not in types:
                continue
            head, tail = canon(r.head_id, r.head_id), canon(r.tail_id, r.tail_id)
            out.append({"id": r.id, "key": r.key, "type": rel_type, "head": head, "tail": tail,
                        "head_name": self._name_of(head), "tail_name": self._name_of(tail), **stat, "status": state})
        return out

    def _relation_evidence(self, where: list[Any]) -> dict[int, dict[str, Any]]:
        """Per relation: first and last seen, evidence count, outlets and modality history."""
        ev = t.relation_evidence
        evidence: dict[int, list[Any]] = defaultdict(list)
        for e in self.conn.execute(select(ev.c.relation_id, ev.c.date, ev.c.outlet, ev.c.modality)
                                   .join(t.relations, t.relations.c.id == ev.c.relation_id).where(*where)):
            evidence[e.relation_id].append(e)
        out = {}
        for rel_id, evs in evidence.items():
            evs.sort(key=lambda e: e.date or "")
            dates = [e.date for e in evs if e.date]
            out[rel_id] = {"first_seen": dates[0] if dates else None, "last_seen": dates[-1] if dates else None,
                           "evidence": len(evs), "outlets": sorted({e.outlet for e in evs if e.outlet}),
                           "modalities": [(e.date, e.modality) for e in evs]}
        return out

    def _relations_counted(self, where: list[Any]) -> tuple[list[Any], dict[int, dict[str, Any]]]:
        """The relations with evidence matching `where`, each row with its first and last seen dates,
        evidence count and outlets aggregated by the database (one row per relation, not per report)."""
        ev = t.relation_evidence
        dated = and_(ev.c.date.is_not(None), ev.c.date != "")
        outlet = case((ev.c.outlet != "", ev.c.outlet))
        rows = self.conn.execute(
            select(*t.relations.c, func.min(case((dated, ev.c.date))).label("ev_first"),
                   func.max(case((dated, ev.c.date))).label("ev_last"), func.count().label("ev_count"),
                   func.aggregate_strings(outlet, "\x1f").label("ev_outlets"))
            .select_from(ev).join(t.relations, t.relations.c.id == ev.c.relation_id).where(*where)
            .group_by(t.relations.c.id)).all()
        out = {r.id: {"first_seen": r.ev_first, "last_seen": r.ev_last, "evidence": r.ev_count,
                      "outlets": sorted(set(r.ev_outlets.split("\x1f"))) if r.ev_outlets else []}
               for r in rows}
        return rows, out

    # -- events -------------------------------------------------------------------------------

    def events(self, *, type: str | None = None, actor: str | int | None = None, place: str | int | None = None,
               near: tuple[float, float, float] | None = None, date_from: str | None = None,
               date_to: str | None = None, source_kind: str | None = None, min_sources: int = 1,
               limit: int | None = None) -> list[dict[str, Any]]:
        """Events by type, participant, place (or within `near` = (lat, lon, km)), date range, the kind
        of source reporting them and the minimum number of independent sources."""
        q = select(t.events).where(t.events.c.sources >= min_sources)
        if type:  # the machine's type, or an analyst's edit that may have changed it
            edited = [k for k, e in self.corrections.edits["event"].items() if "type" in e]
            q = q.where(or_(t.events.c.type == type, t.events.c.key.in_(edited)))
        if near is not None:  # a bounding box in SQL, the exact distance below
            dlat = near[2] / 111.0
            dlon = near[2] / max(111.0 * math.cos(math.radians(near[0])), 1e-6)
            q = q.where(t.events.c.place_id.in_(select(t.actors.c.id).where(and_(
                t.actors.c.lat.between(near[0] - dlat, near[0] + dlat),
                t.actors.c.lon.between(near[1] - dlon, near[1] + dlon)))))
        if date_from:
            q = q.where(t.events.c.date >= date_from)
        if date_to:
            q = q.where(t.events.c.date <= date_to + "~")
        if actor is not None:
            ids = self.members(self.resolve_actor(actor))
            q = q.where(t.events.c.id.in_(select(t.event_participants.c.event_id)
                                          .where(t.event_participants.c.actor_id.in_(ids))))
        if place is not None:
            q = q.where(t.events.c.place_id.in_(self.members(self.resolve_actor(place))))
        if source_kind:
            if source_kind not in (*SOURCE_KINDS, "narrator"):
                raise StoreError(f"unknown source kind {source_kind!r}")
            cond = (t.event_evidence.c.source_kind.is_(None) if source_kind == "narrator"
                    else t.event_evidence.c.source_kind == source_kind)
            q = q.where(t.events.c.id.in_(select(t.event_evidence.c.event_id).where(cond)))
        out = []
        rows = self.conn.execute(q.order_by(t.events.c.date, t.events.c.id)).all()
        parts = self._participants([r.id for r in rows], within=q)
        self.load_actors([r.place_id for r in rows] + [a for ps in parts.values() for a, _ in ps])
        for row in rows:
            card = self.event_card(row, parts=parts.get(row.id, []))
            if card is None or (type and card["type"] != type):
                continue
            if near is not None:
                geo = (self.actor(row.place_id) or {}).get("geo")
                if not geo or distance_km((geo["lat"], geo["lon"]), near[:2]) > near[2]:
                    continue
            out.append(card)
            if limit and len(out) >= limit:
                break
        return out

    def _participants(self, event_ids: list[int], within: Any = None) -> dict[int, list[tuple[int, str]]]:
        """The (actor id, role) pairs of many events; `within`, the query that chose the events, fetches
        them in one statement instead of chunks of ids."""
        out: dict[int, list[tuple[int, str]]] = defaultdict(list)
        p = t.event_participants
        cols = select(p.c.event_id, p.c.actor_id, p.c.role)
        if within is not None and len(event_ids) > 500:
            chunks = [cols.where(p.c.event_id.in_(within.with_only_columns(t.events.c.id).order_by(None)))]
        else:
            chunks = [cols.where(p.c.event_id.in_(event_ids[i:i + 500])) for i in range(0, len(event_ids), 500)]
        for stmt in chunks:
            for event_id, actor_id, role in self.conn.execute(stmt).all():
                out[event_id].append((actor_id, role))
        return out

    def event_card(self, row: Any, *, evidence: bool = False, parts: list[Any] | None = None) -> dict[str, Any] | None:
        """One event as a dict (None when rejected), with its participants and, on request, its evidence."""
        status = self.corrections.status("event", row.key)
        if status == "rejected":
            return None
        edits = self.corrections.edits["event"].get(row.key, {})
        if parts is None:
            parts = self._participants([row.id]).get(row.id, [])
        canon = self._canon.get
        agents = sorted({canon(a, a) for a, role in parts if role == "agent"})
        targets = sorted({canon(a, a) for a, role in parts if role == "target"})
        place = self.actor(row.place_id) if row.place_id else None
        card = {"id": row.id, "key": row.key, "type": edits.get("type", row.type), "date": edits.get("date", row.date),
                "precision": row.precision, "sources": row.sources, "agents": agents, "targets": targets,
                "place": self.canon(row.place_id), "place_name": place["name"] if place else None, "status": status}
        card["agent_names"] = [self._name_of(a) for a in agents]
        card["target_names"] = [self._name_of(a) for a in targets]
        card["geo"] = place.get("geo") if place else None
        if evidence:
            card["evidence"] = [self._evidence(e) for e in self.conn.execute(
                select(t.event_evidence).where(t.event_evidence.c.event_id == row.id)
                .order_by(t.event_evidence.c.date)).all()]
        return card

    def _evidence(self, e: Any) -> dict[str, Any]:
        art = self.conn.execute(select(t.articles.c.title, t.articles.c.url, t.articles.c.source_id)
                                .where(t.articles.c.id == e.article_id)).first()
        return {"article": e.article_id, "title": art.title if art else None, "url": art.url if art else None,
                "source_id": art.source_id if art else None, "outlet": e.outlet, "date": e.date,
                "modality": e.modality, "source_kind": e.source_kind or "narrator",
                "speaker": self.name(e.speaker_id), "sentence": e.sentence, "start": e.start, "end": e.end}

    # -- claims -------------------------------------------------------------------------------

    def claims(self, *, speaker: str | int | None = None, about: str | int | None = None,
               source_kind: str | None = None, anonymous_only: bool = False,
               limit: int | None = None, ids: list[int] | None = None) -> list[dict[str, Any]]:
        """Claims by speaker, about an actor, by source kind; `anonymous_only` keeps the claims whose
        content no named source in the store also states (resting only on anonymous sources)."""
        q = select(t.claims, t.articles.c.outlet).join(t.articles, t.articles.c.id == t.claims.c.article_id)
        if ids is not None:
            q = q.where(t.claims.c.id.in_(ids))
        if speaker is not None:
            q = q.where(t.claims.c.speaker_id.in_(self.members(self.resolve_actor(speaker))))
        if about is not None:
            ids = self.members(self.resolve_actor(about))
            q = q.where(t.claims.c.id.in_(select(t.claim_subjects.c.claim_id)
                                          .where(t.claim_subjects.c.actor_id.in_(ids))))
        if source_kind:
            q = q.where(t.claims.c.source_kind == source_kind)
        if anonymous_only:
            q = q.where(t.claims.c.source_kind == "anonymous")
        rows = self.conn.execute(q.order_by(t.claims.c.date, t.claims.c.id)).all()
        if anonymous_only:
            rows = [r for r in rows if not self._named_support(r)]
        out = [{"id": r.id, "article": r.article_id, "outlet": r.outlet, "date": r.date,
                "source_kind": r.source_kind, "speaker": self.canon(r.speaker_id), "speaker_name": self.name(r.speaker_id),
                "source_text": r.source_text, "via": [self.name(v) for v in json.loads(r.via or "[]")],
                "cue": r.cue, "content": r.content} for r in rows]
        return out[:limit] if limit else out

    def _named_support(self, claim: Any) -> bool:
        """Whether a named source also states a fact the anonymous claim carries (an event or a
        relation of the same article and subjects, reported elsewhere by a named source)."""
        subjects = [r[0] for r in self.conn.execute(select(t.claim_subjects.c.actor_id)
                                                    .where(t.claim_subjects.c.claim_id == claim.id))]
        if not subjects:
            return False
        named = self.conn.execute(select(func.count()).select_from(t.claims).join(
            t.claim_subjects, t.claim_subjects.c.claim_id == t.claims.c.id).where(and_(
                t.claim_subjects.c.actor_id.in_(subjects), t.claims.c.source_kind != "anonymous",
                t.claims.c.date == claim.date, t.claims.c.id != claim.id))).scalar_one()
        return named > 0

    # -- profile and provenance ---------------------------------------------------------------

    def profile(self, ref: str | int) -> dict[str, Any]:
        """Everything about one actor: names, relations over time, events, claims about it by source
        kind, and claims it made."""
        actor_id = self.resolve_actor(ref)
        card = dict(self.actor(actor_id) or {})
        card["aliases"] = self.aliases(actor_id)
        card["relations"] = self.relations(actor_id)
        card["events"] = self.events(actor=actor_id)
        about = self.claims(about=actor_id)
        by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for c in about:
            by_kind[c["source_kind"]].append(c)
        card["claims_about"] = dict(by_kind)
        card["claims_made"] = self.claims(speaker=actor_id)
        return card

    def show(self, kind: str, ref: str | int) -> dict[str, Any]:
        """One stored fact with its provenance: evidence sentences, outlets, dates and source kinds."""
        if kind == "actor":
            return self.profile(ref)
        ref_s = str(ref)
        if kind == "relation":
            table = t.relations
        elif kind == "event":
            table = t.events
        elif kind == "claim":
            table = t.claims
        else:
            raise StoreError(f"unknown kind {kind!r} (actor, relation, event or claim)")
        cond = table.c.id == int(ref_s) if ref_s.isdigit() else (
            table.c.key == ref_s if kind != "claim" else table.c.id == -1)
        row = self.conn.execute(select(table).where(cond)).first()
        if row is None:
            raise StoreError(f"no {kind} {ref_s!r} in the store")
        if kind == "event":
            card = self.event_card(row, evidence=True)
            if card is None:
                return {"id": row.id, "key": row.key, "status": "rejected"}
            return card
        if kind == "relation":
            rel = next(iter(self.relations(ids=[row.id])), None) or {
                "id": row.id, "key": row.key, "status": self.corrections.status("relation", row.key)}
            rel["evidence"] = [self._evidence(e) for e in self.conn.execute(
                select(t.relation_evidence).where(t.relation_evidence.c.relation_id == row.id)
                .order_by(t.relation_evidence.c.date)).all()]
            return rel
        return next(c for c in self.claims(ids=[row.id]))
