"""Writing one analysis into the store: actors merged by key, relations aggregated, events merged.

Everything for one article is written in one transaction, so an interrupted ingest leaves either the
whole article or none of it, and an article already stored (same document id) is skipped.

The write path is built for bulk loads: every statement is made once (module level) and executed
with parameters; rows nothing reads back while the article is written (mentions, aliases, evidence,
participants, first/last-seen dates) are collected and sent in one `executemany` per table at the
end; actors and relations already seen in the run are remembered, so most lookups cost nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, Float, String, and_, bindparam, case, insert, or_, select, update

from marsad.model import Analysis, Entity
from marsad.store import schema as t
from marsad.store.article import ArticleState, attribution, day, sentence_of
from marsad.store.events import EventWriter
from marsad.store.keys import actor_key, family, norm_name, relation_key

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
class _ActorState:
    """What the writer remembers of a stored actor between articles."""

    id: int
    key: str
    first_seen: str | None
    last_seen: str | None
    has_geo: bool


@dataclass(slots=True)
class _RelationState:
    """What the writer remembers of a stored relation between articles."""

    id: int
    first_seen: str | None
    last_seen: str | None


@dataclass(slots=True)
class WriterCache:
    """Actors, aliases and relations already known to be stored, kept across the articles of one run
    (one writer per store); dropped whenever a transaction fails, since it may name rolled-back rows.
    `own_actors`: actors this writer inserted, whose aliases are all in `aliases`."""

    actors: dict[str, _ActorState] = field(default_factory=dict)
    aliases: set[tuple[int, str]] = field(default_factory=set)
    relations: dict[str, _RelationState] = field(default_factory=dict)
    own_actors: set[int] = field(default_factory=set)

    def clear(self) -> None:
        """Forget everything (after a failed transaction)."""
        self.actors.clear()
        self.aliases.clear()
        self.relations.clear()
        self.own_actors.clear()


def _widen(col: Any, name: str, earlier: bool) -> Any:
    """`col` set to the parameter `name` when that is earlier (later) or col is empty; a NULL
    parameter changes nothing. Decided by the database on the row as it is when written, so another
    writer's wider date is never overwritten."""
    value = bindparam(name, type_=String)
    beyond = col > value if earlier else col < value
    return case((and_(value.is_not(None), or_(col.is_(None), beyond)), value), else_=col)


_SEL_ARTICLE = select(t.articles.c.id).where(t.articles.c.id == bindparam("doc_id"))
_INS_ARTICLE = insert(t.articles)
_INS_ACTOR = insert(t.actors)
_SEL_ACTOR = select(t.actors.c.id, t.actors.c.key, t.actors.c.first_seen, t.actors.c.last_seen,
                    t.actors.c.lat).where(t.actors.c.key == bindparam("key"))
#: Actors that went by a name, of any type (the type is checked in Python: with a condition on it,
#: SQLite would walk every actor of the type instead of the few that have the name).
_SEL_ACTOR_BY_ALIAS = (
    select(t.actors.c.id, t.actors.c.key, t.actors.c.first_seen, t.actors.c.last_seen, t.actors.c.lat, t.actors.c.type)
    .select_from(t.aliases).join(t.actors, t.actors.c.id == t.aliases.c.actor_id)
    .where(t.aliases.c.norm == bindparam("norm")))
_UPD_ACTOR = (update(t.actors).where(t.actors.c.id == bindparam("a_id")).values(
    first_seen=_widen(t.actors.c.first_seen, "a_first", True),
    last_seen=_widen(t.actors.c.last_seen, "a_last", False),
    lat=case((t.actors.c.lat.is_(None), bindparam("a_lat", type_=Float)), else_=t.actors.c.lat),
    lon=case((t.actors.c.lat.is_(None), bindparam("a_lon", type_=Float)), else_=t.actors.c.lon)))
_SEL_ALIASES_OF = select(t.aliases.c.actor_id, t.aliases.c.norm).where(
    t.aliases.c.actor_id.in_(bindparam("ids", expanding=True)))
_UPD_ALIAS = (update(t.aliases).where(and_(t.aliases.c.actor_id == bindparam("a"), t.aliases.c.norm == bindparam("n")))
              .values(count=t.aliases.c.count + bindparam("c")))
_INS_CLAIMS = insert(t.claims).returning(t.claims.c.id, t.claims.c.local_id)   # matched back by local id
_SEL_RELATION = select(t.relations.c.id, t.relations.c.first_seen, t.relations.c.last_seen).where(
    t.relations.c.key == bindparam("key"))
_INS_RELATION = insert(t.relations)
_UPD_RELATION = (update(t.relations).where(t.relations.c.id == bindparam("r_id")).values(
    first_seen=_widen(t.relations.c.first_seen, "r_first", True),
    last_seen=_widen(t.relations.c.last_seen, "r_last", False)))

#: The batched inserts, in the order they are sent (each row's references exist by then).
_BATCHED = {"aliases": insert(t.aliases), "mentions": insert(t.mentions), "claim_subjects": insert(t.claim_subjects),
            "relation_evidence": insert(t.relation_evidence), "event_participants": insert(t.event_participants),
            "event_evidence": insert(t.event_evidence)}


class Writer:
    """Writes analyses through one connection (the caller owns the transaction). Several writers may
    write into one PostgreSQL store at once: dates only ever move outwards in the database's own
    UPDATE, a merged event's row is locked before its sources are counted, and a race to insert the
    same key ends in a unique-constraint error that `Store.add` answers by writing the article again."""

    def __init__(self, conn: Connection, cache: WriterCache | None = None) -> None:
        self.conn = conn
        self.cache = cache if cache is not None else WriterCache()
        self.locks = conn.dialect.name != "sqlite"   # SQLite has one writer at a time: nothing to lock

    def write(self, analysis: Analysis) -> Stored:
        """Store one analysis, or skip it when its document id is already stored."""
        doc = analysis.document
        if self.conn.execute(_SEL_ARTICLE, {"doc_id": doc.id}).first():
            return Stored(doc.id, duplicate=True)
        self.conn.execute(_INS_ARTICLE, {
            "id": doc.id, "source_id": doc.source_id, "title": doc.title, "published": doc.published,
            "outlet": doc.outlet, "url": doc.url, "analysis": analysis.to_json(indent=None, tokens=False),
            "ingested_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")})
        art = ArticleState(analysis, day(doc.published), doc.outlet,
                       sentence_starts=[s.start for s in analysis.sentences])
        out = Stored(doc.id)
        for ent in analysis.entities:
            self._actor(art, ent)
        self._flush_names(art)
        out.actors = len(art.actor_ids)
        self._claims(art)
        out.claims = len(analysis.claims)
        for rel in analysis.relations:
            out.relations += self._relation(art, rel)
        events = EventWriter(self.conn, self.locks)
        for ev in analysis.events:
            if events.write(art, ev):
                out.events_merged += 1
            else:
                out.events_new += 1
        self._flush(art)
        return out

    def _flush(self, art: ArticleState) -> None:
        """Send the article's collected rows and date changes, one statement per kind."""
        for kind, stmt in _BATCHED.items():
            rows = art.rows.get(kind)
            if rows:
                self.conn.execute(stmt, rows)
        if art.actor_dates:
            self.conn.execute(_UPD_ACTOR, list(art.actor_dates.values()))
        if art.relation_dates:
            self.conn.execute(_UPD_RELATION, list(art.relation_dates.values()))

    # -- actors -------------------------------------------------------------------------------

    def _find_actor(self, key: str, ent: Entity) -> _ActorState | None:
        """An existing actor: by key, else (no knowledge-base id) the one actor of the same family
        that already went by this name."""
        state = self.cache.actors.get(key)
        if state is not None:
            return state
        row = self.conn.execute(_SEL_ACTOR, {"key": key}).first()
        if row is None and not ent.kb_id:
            types = ("GPE", "LOCATION") if family(ent.type) == "PLACE" else (ent.type,)
            rows = {r.id: r for r in self.conn.execute(_SEL_ACTOR_BY_ALIAS, {"norm": norm_name(ent.name)})
                    if r.type in types}
            row = next(iter(rows.values())) if len(rows) == 1 else None
        if row is None:
            return None
        state = _ActorState(row.id, row.key, row.first_seen, row.last_seen, row.lat is not None)
        self.cache.actors[key] = self.cache.actors[row.key] = state
        return state

    def _actor(self, art: ArticleState, ent: Entity) -> None:
        key = actor_key(ent.type, ent.name, ent.kb_id)
        state = self._find_actor(key, ent)
        geo = ent.geo or {}
        if state is None:
            actor_id = self.conn.execute(_INS_ACTOR, {
                "key": key, "kb_id": ent.kb_id, "type": ent.type, "name": ent.kb_name or ent.name,
                "name_en": ent.name_en, "lat": geo.get("lat"), "lon": geo.get("lon"), "first_seen": art.date,
                "last_seen": art.date}).inserted_primary_key[0]
            state = _ActorState(actor_id, key, art.date, art.date, geo.get("lat") is not None)
            self.cache.actors[key] = state
            self.cache.own_actors.add(actor_id)
        else:
            # the cached dates are never earlier (later) than the stored ones, since dates only move
            # outwards: when the cache sees no change, the database needs none either
            change = art.actor_dates.get(state.id) or {"a_id": state.id, "a_first": None, "a_last": None,
                                                       "a_lat": None, "a_lon": None}
            changed = False
            if art.date and (state.first_seen is None or art.date < state.first_seen):
                change["a_first"] = state.first_seen = art.date
                changed = True
            if art.date and (state.last_seen is None or art.date > state.last_seen):
                change["a_last"] = state.last_seen = art.date
                changed = True
            if not state.has_geo and geo.get("lat") is not None:
                change["a_lat"], change["a_lon"] = geo["lat"], geo.get("lon")
                state.has_geo = changed = True
            if changed:
                art.actor_dates[state.id] = change
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

    def _flush_names(self, art: ArticleState) -> None:
        """The article's aliases (new ones inserted, known ones counted) and mentions, batched."""
        known_aliases = self.cache.aliases
        unknown = {a for (a, n) in art.aliases if (a, n) not in known_aliases and a not in self.cache.own_actors}
        if unknown:   # actors found in the store: which names they already go by, in one query
            known_aliases.update((r[0], r[1]) for r in self.conn.execute(_SEL_ALIASES_OF, {"ids": sorted(unknown)}))
        counts = []
        for (actor_id, norm), (alias, count) in art.aliases.items():
            if (actor_id, norm) in known_aliases:
                counts.append({"a": actor_id, "n": norm, "c": count})
            else:
                art.add("aliases", {"actor_id": actor_id, "alias": alias, "norm": norm, "count": count})
                known_aliases.add((actor_id, norm))
        if counts:
            self.conn.execute(_UPD_ALIAS, counts)
        art.rows["mentions"] = art.mentions

    # -- claims -------------------------------------------------------------------------------

    def _claims(self, art: ArticleState) -> None:
        """Every claim of the article in one insert (their ids back), subjects batched."""
        claims = art.analysis.claims
        if not claims:
            return
        text, doc_id = art.analysis.text, art.analysis.document.id
        times = {x.id: x for x in art.analysis.times}
        rows = []
        for claim in claims:
            speaker = art.actor_ids.get(claim.speaker) if claim.speaker else None
            when = art.date
            if claim.time:
                tm = times.get(claim.time)
                when = day(tm.value) if tm is not None and tm.value else when
            rows.append({"article_id": doc_id, "local_id": claim.id, "speaker_id": speaker,
                         "source_kind": claim.source_kind, "source_text": claim.source_text,
                         "via": json.dumps([art.actor_ids[v] for v in claim.via if v in art.actor_ids]),
                         "cue": claim.cue.text, "content": text[claim.content.start:claim.content.end][:4000],
                         "date": when})
            art.claims[claim.id] = {"source_kind": claim.source_kind, "speaker": speaker,
                                    "via": [v for v in claim.via if v in art.actor_ids]}
        ids = {r.local_id: r.id for r in self.conn.execute(_INS_CLAIMS, rows)}
        for claim, row in zip(claims, rows):
            claim_id = ids[claim.id]
            s, e = claim.content.start, claim.content.end
            subjects = {art.actor_ids[ent.id] for ent in art.analysis.entities
                        if ent.id in art.actor_ids and any(s <= m.start and m.end <= e for m in ent.mentions)}
            subjects.discard(row["speaker_id"])
            for actor_id in sorted(subjects):
                art.add("claim_subjects", {"claim_id": claim_id, "actor_id": actor_id})

    # -- relations ----------------------------------------------------------------------------

    def _relation(self, art: ArticleState, rel: Any) -> int:
        if rel.head not in art.actor_ids or rel.tail not in art.actor_ids:
            return 0
        key = relation_key(rel.type, art.actor_keys[rel.head], art.actor_keys[rel.tail])
        head, tail = rel.head, rel.tail
        if key != f"{rel.type}|{art.actor_keys[head]}|{art.actor_keys[tail]}":
            head, tail = tail, head  # a symmetric relation is stored in its key's order, whichever article came first
        when = day((rel.time or {}).get("value")) or art.date
        state = self.cache.relations.get(key)
        if state is None:
            row = self.conn.execute(_SEL_RELATION, {"key": key}).first()
            if row is not None:
                state = self.cache.relations[key] = _RelationState(row.id, row.first_seen, row.last_seen)
        if state is None:
            rel_id = self.conn.execute(_INS_RELATION, {
                "key": key, "type": rel.type, "head_id": art.actor_ids[head], "tail_id": art.actor_ids[tail],
                "first_seen": when, "last_seen": when}).inserted_primary_key[0]
            self.cache.relations[key] = _RelationState(rel_id, when, when)
        else:
            rel_id = state.id
            change = art.relation_dates.get(rel_id) or {"r_id": rel_id, "r_first": None, "r_last": None}
            if when and (state.first_seen is None or when < state.first_seen):
                change["r_first"] = state.first_seen = when
                art.relation_dates[rel_id] = change
            if when and (state.last_seen is None or when > state.last_seen):
                change["r_last"] = state.last_seen = when
                art.relation_dates[rel_id] = change
        kind, speaker, _ = attribution(art, rel.claim)
        art.add("relation_evidence", {
            "relation_id": rel_id, "article_id": art.analysis.document.id, "local_id": rel.id, "date": when,
            "modality": rel.modality, "source_kind": kind, "speaker_id": speaker, "outlet": art.outlet,
            "start": rel.evidence.start, "end": rel.evidence.end,
            "sentence": sentence_of(art, rel.evidence.start, rel.evidence.end), "confidence": rel.confidence})
        return 1
