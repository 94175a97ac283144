"""A store's content as facts, with database ids replaced by the keys they stand for, so that two
stores built by different runs (or on different databases) can be compared."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from marsad.store import Store
from marsad.store import schema as t


def facts(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows as sorted tuples of facts (ids mapped to keys; ingest times left out)."""
    with Store(db, create=False) as store, store.connect() as conn:
        def rows(table: Any) -> list[Any]:
            return list(conn.execute(select(table)))

        actor = {r.id: r.key for r in rows(t.actors)}
        relation = {r.id: r.key for r in rows(t.relations)}
        event = {r.id: r.key for r in rows(t.events)}
        claim = {r.id: (r.article_id, r.local_id) for r in rows(t.claims)}
        out = {
            "articles": [(r.id, r.source_id, r.title, r.published, r.outlet, r.analysis) for r in rows(t.articles)],
            "actors": [(r.key, r.kb_id, r.type, r.name, r.name_en, r.lat, r.lon, r.first_seen, r.last_seen)
                       for r in rows(t.actors)],
            "aliases": [(actor[r.actor_id], r.alias, r.norm, r.count) for r in rows(t.aliases)],
            "mentions": [(r.article_id, r.local_id, actor[r.actor_id]) for r in rows(t.mentions)],
            "relations": [(r.key, r.type, actor[r.head_id], actor[r.tail_id], r.first_seen, r.last_seen)
                          for r in rows(t.relations)],
            "relation_evidence": [(relation[r.relation_id], r.article_id, r.local_id, r.date, r.modality,
                                   r.source_kind, actor.get(r.speaker_id), r.outlet, r.start, r.end, r.sentence)
                                  for r in rows(t.relation_evidence)],
            "events": [(r.key, r.type, actor.get(r.place_id), r.date, r.precision, r.sources) for r in rows(t.events)],
            "event_participants": [(event[r.event_id], actor[r.actor_id], r.role) for r in rows(t.event_participants)],
            "event_evidence": [(event[r.event_id], r.article_id, r.local_id, r.date, r.modality, r.source_kind,
                                actor.get(r.speaker_id), r.outlet, r.source, r.trigger, r.start, r.end, r.sentence)
                               for r in rows(t.event_evidence)],
            "claims": [(r.article_id, r.local_id, actor.get(r.speaker_id), r.source_kind, r.source_text,
                        str(sorted(actor[int(a)] for a in __import__("json").loads(r.via or "[]"))), r.cue,
                        r.content, r.date) for r in rows(t.claims)],
            "claim_subjects": [(claim[r.claim_id], actor[r.actor_id]) for r in rows(t.claim_subjects)],
        }
    return {name: sorted(values, key=repr) for name, values in out.items()}
