"""Writing one analysis into the store: actors merged by key, relations aggregated, events merged.

Everything for one article is written in one transaction, so an interrupted ingest leaves either the
whole article or none of it, and an article already stored (same document id) is skipped.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import Connection, and_, bindparam, case, func, insert, or_, select, update

from marsad.model import Analysis, Entity, Event
from marsad.store import schema as t
from marsad.store.keys import actor_key, family, norm_name, relation_key

#: Two reports are one event when their dates are at most this many days apart.
EVENT_WINDOW_DAYS = 3
#: The longest evidence sentence kept (characters).
MAX_SENTENCE = 600


@dataclass(slots=True)
class Stored:
    """What writing one analysis did."""

    article_id: str
    duplicate: bool = False
    actors: int = 0
    relations: int = 0
    events_new: int = 0
    events_merged: int = 0
    claims: int = 0


@dataclass(slots=True)
class _Article:
    """The per-article state the writer needs while it walks the layers."""

    analysis: Analysis
    date: str | None
    outlet: str | None
    actor_ids: dict[str, int] = field(default_factory=dict)     # local entity id -> actor id
    actor_keys: dict[str, str] = field(default_factory=dict)    # local entity id -> actor key
    claims: dict[str, dict[str, Any]] = field(default_factory=dict)
    sentence_starts: list[int] = field(default_factory=list)
    aliases: dict[tuple[int, str], tuple[str, int]] = field(default_factory=dict)  # (actor, norm) -> (alias, count)
    mentions: list[dict[str, Any]] = field(default_factory=list)


def _day(value: str | None) -> str | None:
    """The date part (YYYY, YYYY-MM or YYYY-MM-DD) of an ISO value."""
    if not value:
        return None
    return value[:10]


def _to_date(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _sentence(art: _Article, start: int, end: int) -> str:
    """The words of the sentence(s) holding a span, cut to MAX_SENTENCE characters."""
    a = art.analysis
    if not a.sentences:
        return a.text[start:end][:MAX_SENTENCE]
    i = max(0, bisect.bisect_right(art.sentence_starts, start) - 1)
    j = max(i, bisect.bisect_right(art.sentence_starts, max(start, end - 1)) - 1)
    s, e = a.sentences[i].start, a.sentences[j].end
    if e - s > MAX_SENTENCE:
        s, e = max(s, start - 100), min(e, max(end, start) + MAX_SENTENCE - 100)
    return a.text[s:e].strip()


@dataclass(slots=True)
class _ActorState:
    """What the writer remembers of a stored actor between articles."""

    id: int
    key: str
    first_seen: str | None
    last_seen: str | None
    has_geo: bool


@dataclass(slots=True)
class WriterCache:
    """Actors and aliases already known to be stored, kept across the articles of one run (one
    writer per store); dropped whenever a transaction fails, since it may name rolled-back rows."""

    actors: dict[str, _ActorState] = field(default_factory=dict)
    aliases: set[tuple[int, str]] = field(default_factory=set)

    def clear(self) -> None:
        """Forget everything (after a failed transaction)."""
        self.actors.clear()
        self.aliases.clear()


_SEL_ACTOR = select(t.actors.c.id, t.actors.c.key, t.actors.c.first_seen, t.actors.c.last_seen,
                    t.actors.c.lat).where(t.actors.c.key == bindparam("key"))
_SEL_ACTOR_BY_ALIAS = (
    select(t.actors.c.id, t.actors.c.key, t.actors.c.first_seen, t.actors.c.last_seen, t.actors.c.lat).distinct()
    .join(t.aliases, t.actors.c.id == t.aliases.c.actor_id)
    .where(and_(t.aliases.c.norm == bindparam("norm"), t.actors.c.type.in_(bindparam("types", expanding=True)))))
_SEL_ALIAS = select(t.aliases.c.norm).where(and_(t.aliases.c.actor_id == bindparam("a"),
                                                 t.aliases.c.norm == bindparam("n")))
_UPD_ALIAS = (update(t.aliases).where(and_(t.aliases.c.actor_id == bindparam("a"), t.aliases.c.norm == bindparam("n")))
              .values(count=t.aliases.c.count + bindparam("c")))


def _earliest(col: Any, value: str) -> Any:
    """`col` set to `value` when that is earlier (or col is empty), decided by the database on the
    row as it is when written, so another writer's earlier date is never overwritten."""
    return case((or_(col.is_(None), col > value), value), else_=col)


def _latest(col: Any, value: str) -> Any:
    """`col` set to `value` when that is later (or col is empty), decided by the database."""
    return case((or_(col.is_(None), col < value), value), else_=col)


class Writer:
    """Writes analyses through one connection (the caller owns the transaction). Several writers may
    write into one PostgreSQL store at once: dates only ever move outwards in the database's own
    UPDATE, a merged event's row is locked before its sources are counted, and a race to insert the
    same key ends in a unique-constraint error that `Store.add` answers by writing the article again."""

    def __init__(self, conn: Connection, cache: WriterCache | None = None) -> None:
        self.conn = conn
        self.cache = cache if cache is not None else WriterCache()

    def write(self, analysis: Analysis) -> Stored:
        """Store one analysis, or skip it when its document id is already stored."""
        doc = analysis.document
        if self.conn.execute(select(t.articles.c.id).where(t.articles.c.id == doc.id)).first():
            return Stored(doc.id, duplicate=True)
        self.conn.execute(insert(t.articles).values(
            id=doc.id, source_id=doc.source_id, title=doc.title, published=doc.published, outlet=doc.outlet,
            url=doc.url, analysis=analysis.to_json(indent=None, tokens=False),
            ingested_at=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")))
        art = _Article(analysis, _day(doc.published), doc.outlet,
                       sentence_starts=[s.start for s in analysis.sentences])
        out = Stored(doc.id)
        for ent in analysis.entities:
            self._actor(art, ent)
        self._flush_names(art)
        out.actors = len(art.actor_ids)
        for claim in analysis.claims:
            self._claim(art, claim)
        out.claims = len(analysis.claims)
        for rel in analysis.relations:
            out.relations += self._relation(art, rel)
        for ev in analysis.events:
            if self._event(art, ev):
                out.events_merged += 1
            else:
                out.events_new += 1
        return out

    # -- actors -------------------------------------------------------------------------------

    def _find_actor(self, key: str, ent: Entity) -> _ActorState | None:
        """An existing actor: by key, else (no knowledge-base id) the one actor of the same family
        that already went by this name."""
        state = self.cache.actors.get(key)
        if state is not None:
            return state
        row = self.conn.execute(_SEL_ACTOR, {"key": key}).first()
        if row is None and not ent.kb_id:
            types = ["GPE", "LOCATION"] if family(ent.type) == "PLACE" else [ent.type]
            rows = self.conn.execute(_SEL_ACTOR_BY_ALIAS, {"norm": norm_name(ent.name), "types": types}).all()
            row = rows[0] if len(rows) == 1 else None
        if row is None:
            return None
        state = _ActorState(row.id, row.key, row.first_seen, row.last_seen, row.lat is not None)
        self.cache.actors[key] = self.cache.actors[row.key] = state
        return state

    def _actor(self, art: _Article, ent: Entity) -> None:
        key = actor_key(ent.type, ent.name, ent.kb_id)
        state = self._find_actor(key, ent)
        geo = ent.geo or {}
        if state is None:
            actor_id = self.conn.execute(insert(t.actors).values(
                key=key, kb_id=ent.kb_id, type=ent.type, name=ent.kb_name or ent.name, name_en=ent.name_en,
                lat=geo.get("lat"), lon=geo.get("lon"), first_seen=art.date, last_seen=art.date)).inserted_primary_key[0]
            state = _ActorState(actor_id, key, art.date, art.date, geo.get("lat") is not None)
            self.cache.actors[key] = state
        else:
            # the cached dates are never earlier (later) than the stored ones, since dates only move
            # outwards: when the cache sees no change, the database needs none either
            values: dict[str, Any] = {}
            if art.date and (state.first_seen is None or art.date < state.first_seen):
                values["first_seen"] = _earliest(t.actors.c.first_seen, art.date)
                state.first_seen = art.date
            if art.date and (state.last_seen is None or art.date > state.last_seen):
                values["last_seen"] = _latest(t.actors.c.last_seen, art.date)
                state.last_seen = art.date
            if not state.has_geo and geo.get("lat") is not None:
                values.update(lat=case((t.actors.c.lat.is_(None), geo["lat"]), else_=t.actors.c.lat),
                              lon=case((t.actors.c.lat.is_(None), geo["lon"]), else_=t.actors.c.lon))
                state.has_geo = True
            if values:
                self.conn.execute(update(t.actors).where(t.actors.c.id == state.id).values(**values))
        art.actor_ids[ent.id] = state.id
        art.actor_keys[ent.id] = state.key   # the stored actor's key: relations and events merge on it
        names = {ent.name: 1}
        for m in ent.mentions:
            if m.text:
                names[m.text] = names.get(m.text, 0) + 1
        for alias, count in names.items():
            norm = norm_name(alias)
            if norm:
                art.aliases[(state.id, norm)] = (alias, art.aliases.get((state.id, norm), (alias, 0))[1] + count)
        art.mentions.append({"article_id": art.analysis.document.id, "local_id": ent.id, "actor_id": state.id})

    def _flush_names(self, art: _Article) -> None:
        """Write the article's aliases (new ones inserted, known ones counted) and mentions at once."""
        known, new = [], []
        for (actor_id, norm), (alias, count) in art.aliases.items():
            if (actor_id, norm) not in self.cache.aliases:
                exists = self.conn.execute(_SEL_ALIAS, {"a": actor_id, "n": norm}).first() is not None
                if not exists:
                    new.append({"actor_id": actor_id, "alias": alias, "norm": norm, "count": count})
                    self.cache.aliases.add((actor_id, norm))
                    continue
                self.cache.aliases.add((actor_id, norm))
            known.append({"a": actor_id, "n": norm, "c": count})
        if new:
            self.conn.execute(insert(t.aliases), new)
        if known:
            self.conn.execute(_UPD_ALIAS, known)
        if art.mentions:
            self.conn.execute(insert(t.mentions), art.mentions)

    # -- claims -------------------------------------------------------------------------------

    def _claim(self, art: _Article, claim: Any) -> None:
        text = art.analysis.text
        speaker = art.actor_ids.get(claim.speaker) if claim.speaker else None
        via = [art.actor_ids[v] for v in claim.via if v in art.actor_ids]
        when = art.date
        if claim.time:
            tm = next((x for x in art.analysis.times if x.id == claim.time), None)
            when = _day(tm.value) if tm is not None and tm.value else when
        claim_id = self.conn.execute(insert(t.claims).values(
            article_id=art.analysis.document.id, local_id=claim.id, speaker_id=speaker,
            source_kind=claim.source_kind, source_text=claim.source_text, via=json.dumps(via),
            cue=claim.cue.text, content=text[claim.content.start:claim.content.end][:4000], date=when)
        ).inserted_primary_key[0]
        s, e = claim.content.start, claim.content.end
        subjects = {art.actor_ids[ent.id] for ent in art.analysis.entities
                    if ent.id in art.actor_ids and any(s <= m.start and m.end <= e for m in ent.mentions)}
        subjects.discard(speaker)
        for actor_id in sorted(subjects):
            self.conn.execute(insert(t.claim_subjects).values(claim_id=claim_id, actor_id=actor_id))
        art.claims[claim.id] = {"source_kind": claim.source_kind, "speaker": speaker,
                                "via": [v for v in claim.via if v in art.actor_ids]}

    def _attribution(self, art: _Article, claim_id: str | None) -> tuple[str | None, int | None, str]:
        """Source kind, speaker and the independent-source label of a fact carried by a claim."""
        outlet = art.outlet or art.analysis.document.source_id
        info = art.claims.get(claim_id or "")
        if not info:
            return None, None, outlet
        relayed = [art.analysis.entity(v) for v in info["via"]]
        media = [e.name for e in relayed if e is not None and e.type == "MEDIA"]
        return info["source_kind"], info["speaker"], (media[0] if media else outlet)

    # -- relations ----------------------------------------------------------------------------

    def _relation(self, art: _Article, rel: Any) -> int:
        if rel.head not in art.actor_ids or rel.tail not in art.actor_ids:
            return 0
        key = relation_key(rel.type, art.actor_keys[rel.head], art.actor_keys[rel.tail])
        head, tail = rel.head, rel.tail
        if key != f"{rel.type}|{art.actor_keys[head]}|{art.actor_keys[tail]}":
            head, tail = tail, head  # a symmetric relation is stored in its key's order, whichever article came first
        when = _day((rel.time or {}).get("value")) or art.date
        row = self.conn.execute(select(t.relations.c.id, t.relations.c.first_seen, t.relations.c.last_seen)
                                .where(t.relations.c.key == key)).first()
        if row is None:
            rel_id = self.conn.execute(insert(t.relations).values(
                key=key, type=rel.type, head_id=art.actor_ids[head], tail_id=art.actor_ids[tail],
                first_seen=when, last_seen=when)).inserted_primary_key[0]
        else:
            rel_id = row.id
            values = {}
            if when and (row.first_seen is None or when < row.first_seen):
                values["first_seen"] = _earliest(t.relations.c.first_seen, when)
            if when and (row.last_seen is None or when > row.last_seen):
                values["last_seen"] = _latest(t.relations.c.last_seen, when)
            if values:
                self.conn.execute(update(t.relations).where(t.relations.c.id == rel_id).values(**values))
        kind, speaker, _ = self._attribution(art, rel.claim)
        self.conn.execute(insert(t.relation_evidence).values(
            relation_id=rel_id, article_id=art.analysis.document.id, local_id=rel.id, date=when,
            modality=rel.modality, source_kind=kind, speaker_id=speaker, outlet=art.outlet,
            start=rel.evidence.start, end=rel.evidence.end,
            sentence=_sentence(art, rel.evidence.start, rel.evidence.end), confidence=rel.confidence))
        return 1

    # -- events -------------------------------------------------------------------------------

    def _event_match(self, art: _Article, ev: Event, when: str | None, place: int | None,
                     people: set[int]) -> int | None:
        """An event already stored that this report repeats: same type, dates within the window,
        and a shared participant or the same place; reported by another article."""
        day = _to_date(when)
        if day is None:
            return None
        lo = date.fromordinal(day.toordinal() - EVENT_WINDOW_DAYS).isoformat()
        hi = date.fromordinal(day.toordinal() + EVENT_WINDOW_DAYS).isoformat() + "~"
        cands = self.conn.execute(select(t.events.c.id, t.events.c.place_id).where(and_(
            t.events.c.type == ev.type, t.events.c.date >= lo, t.events.c.date <= hi))).all()
        doc_id = art.analysis.document.id
        for cand in cands:
            same_article = self.conn.execute(select(t.event_evidence.c.event_id).where(and_(
                t.event_evidence.c.event_id == cand.id, t.event_evidence.c.article_id == doc_id))).first()
            if same_article:
                continue
            if place is not None and cand.place_id == place:
                return cand.id
            theirs = {r[0] for r in self.conn.execute(select(t.event_participants.c.actor_id)
                                                       .where(t.event_participants.c.event_id == cand.id))}
            if people & theirs:
                return cand.id
        return None

    def _event(self, art: _Article, ev: Event) -> bool:
        """Store one event report; True when it was merged into an event already stored."""
        when = _day((ev.time or {}).get("value")) or art.date
        place = art.actor_ids.get(ev.place) if ev.place else None
        roles = [(art.actor_ids[a], "agent") for a in ev.agents if a in art.actor_ids]
        roles += [(art.actor_ids[a], "target") for a in ev.targets if a in art.actor_ids]
        event_id = self._event_match(art, ev, when, place, {a for a, _ in roles})
        merged = event_id is not None
        if merged:  # hold the event until this article commits: its sources are counted below
            self.conn.execute(select(t.events.c.id).where(t.events.c.id == event_id).with_for_update())
        if event_id is None:
            event_id = self.conn.execute(insert(t.events).values(
                key=f"{art.analysis.document.id}:{ev.id}", type=ev.type, place_id=place, date=when,
                precision=(ev.time or {}).get("precision") or ("day" if when and len(when) == 10 else None),
                sources=0)).inserted_primary_key[0]
        elif place is not None:
            self.conn.execute(update(t.events).where(and_(t.events.c.id == event_id, t.events.c.place_id.is_(None)))
                              .values(place_id=place))
        for actor_id, role in roles:
            cond = and_(t.event_participants.c.event_id == event_id, t.event_participants.c.actor_id == actor_id,
                        t.event_participants.c.role == role)
            if not self.conn.execute(select(t.event_participants.c.event_id).where(cond)).first():
                self.conn.execute(insert(t.event_participants).values(event_id=event_id, actor_id=actor_id, role=role))
        kind, speaker, source = self._attribution(art, ev.claim)
        self.conn.execute(insert(t.event_evidence).values(
            event_id=event_id, article_id=art.analysis.document.id, local_id=ev.id, date=when,
            modality=ev.modality, source_kind=kind, speaker_id=speaker, outlet=art.outlet, source=source,
            trigger=ev.trigger.text, start=ev.evidence.start, end=ev.evidence.end,
            sentence=_sentence(art, ev.evidence.start, ev.evidence.end), confidence=ev.confidence))
        sources = self.conn.execute(select(func.count(func.distinct(t.event_evidence.c.source)))
                                    .where(t.event_evidence.c.event_id == event_id)).scalar_one()
        self.conn.execute(update(t.events).where(t.events.c.id == event_id).values(sources=sources))
        return merged
