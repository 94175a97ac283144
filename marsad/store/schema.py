"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Machine output and analyst corrections live apart: `corrections` rows are never touched by ingest and
win over what the machine wrote when the store is read. Every stored fact keeps its evidence rows
(article, offsets, the sentence's words, modality, source kind), so nothing is overwritten, only added.
Schema changes are made by Alembic migrations (`marsad/store/migrations`); a test checks that the
migrated database matches these tables.
"""

from __future__ import annotations

from sqlalchemy import (Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text,
                        UniqueConstraint)

metadata = MetaData()

#: One row per article (the analysis JSON kept whole, so that a store can be re-derived or exported).
articles = Table(
    "articles", metadata,
    Column("id", String(64), primary_key=True),          # document.id: the content hash
    Column("source_id", Text, nullable=False),
    Column("title", Text),
    Column("published", String(32), index=True),          # ISO date or date-time, as in the analysis
    Column("outlet", Text, index=True),
    Column("url", Text),
    Column("analysis", Text, nullable=False),             # the marsad.analysis/1 JSON
    Column("ingested_at", String(32), nullable=False),
)

#: One row per real-world actor or place, merged across articles by `key`.
actors = Table(
    "actors", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(400), nullable=False, unique=True),   # kb:ID, else TYPE:normalised name
    Column("kb_id", String(200), index=True),
    Column("type", String(20), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("name_en", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("first_seen", String(32)),
    Column("last_seen", String(32)),
)

#: Every surface name an actor went by, normalised for search.
aliases = Table(
    "aliases", metadata,
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False),
    Column("alias", Text, nullable=False),
    Column("norm", String(400), nullable=False, index=True),
    Column("count", Integer, nullable=False, default=1),
    UniqueConstraint("actor_id", "norm", name="uq_alias"),
)

#: Which article mentions which actor, under its id in that article's analysis.
mentions = Table(
    "mentions", metadata,
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False),
    Column("local_id", String(32), nullable=False),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False, index=True),
    UniqueConstraint("article_id", "local_id", name="uq_mention"),
)

#: A relation between two actors, aggregated over every article that states it.
relations = Table(
    "relations", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(900), nullable=False, unique=True),   # TYPE|head key|tail key
    Column("type", String(20), nullable=False, index=True),
    Column("head_id", Integer, ForeignKey("actors.id"), nullable=False, index=True),
    Column("tail_id", Integer, ForeignKey("actors.id"), nullable=False, index=True),
    Column("first_seen", String(32)),
    Column("last_seen", String(32)),
)

#: One row per article stating a relation: where, how sure, and according to whom.
relation_evidence = Table(
    "relation_evidence", metadata,
    Column("relation_id", Integer, ForeignKey("relations.id"), nullable=False, index=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False, index=True),
    Column("local_id", String(32), nullable=False),
    Column("date", String(32)),
    Column("modality", String(20), nullable=False),
    Column("source_kind", String(20)),     # of the claim that carries it; null: the outlet's own voice
    Column("speaker_id", Integer, ForeignKey("actors.id")),
    Column("outlet", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("confidence", Float),
    UniqueConstraint("article_id", "local_id", name="uq_relation_evidence"),
)

#: An event, merged across the articles that report it.
events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(200), nullable=False, unique=True),   # article id + local id of its first report
    Column("type", String(30), nullable=False, index=True),
    Column("place_id", Integer, ForeignKey("actors.id"), index=True),
    Column("date", String(32), index=True),
    Column("precision", String(10)),
    Column("sources", Integer, nullable=False, default=1),      # independent sources
)

event_participants = Table(
    "event_participants", metadata,
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False, index=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False, index=True),
    Column("role", String(10), nullable=False),                 # agent or target
    UniqueConstraint("event_id", "actor_id", "role", name="uq_participant"),
)

event_evidence = Table(
    "event_evidence", metadata,
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False, index=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False, index=True),
    Column("local_id", String(32), nullable=False),
    Column("date", String(32)),
    Column("modality", String(20), nullable=False),
    Column("source_kind", String(20)),
    Column("speaker_id", Integer, ForeignKey("actors.id")),
    Column("outlet", Text),
    Column("source", Text),                 # what counts as one independent source (outlet or relayed outlet)
    Column("trigger", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("confidence", Float),
    UniqueConstraint("article_id", "local_id", name="uq_event_evidence"),
)

#: Every reported statement, with its speaker and relays.
claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False, index=True),
    Column("local_id", String(32), nullable=False),
    Column("speaker_id", Integer, ForeignKey("actors.id"), index=True),
    Column("source_kind", String(20), nullable=False, index=True),
    Column("source_text", Text),
    Column("via", Text),                    # JSON list of actor ids
    Column("cue", Text),
    Column("content", Text, nullable=False),
    Column("date", String(32)),
    UniqueConstraint("article_id", "local_id", name="uq_claim"),
)

#: Entities a claim's content names (to find what is said about an actor).
claim_subjects = Table(
    "claim_subjects", metadata,
    Column("claim_id", Integer, ForeignKey("claims.id"), nullable=False, index=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False, index=True),
    UniqueConstraint("claim_id", "actor_id", name="uq_claim_subject"),
)

#: An analyst's correction: confirm, reject or edit a fact, or merge two actors. Never overwritten.
corrections = Table(
    "corrections", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("target", String(20), nullable=False),     # actor, relation, event
    Column("target_key", String(900), nullable=False, index=True),   # the stable key of the target
    Column("action", String(20), nullable=False),     # confirm, reject, edit, merge
    Column("payload", Text),                          # JSON: fields edited, or the actor merged into
    Column("author", Text),
    Column("note", Text),
    Column("created_at", String(32), nullable=False),
)

Index("ix_relation_evidence_date", relation_evidence.c.date)
Index("ix_event_evidence_date", event_evidence.c.date)
#: The writer looks for the events a report may repeat by type and a window of dates.
Index("ix_events_type_date", events.c.type, events.c.date)

# -- the observatory (marsad.watch): followed sources, items seen, alert rules and alerts ------------

#: A followed source: an RSS/Atom feed, a sitemap or a page, with its settings and polling state.
watch_sources = Table(
    "watch_sources", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False, unique=True),      # http(s) URL, or file:// for a local file
    Column("kind", String(10), nullable=False),            # feed, sitemap, page
    Column("outlet", Text),
    Column("language", String(10), nullable=False, default="ar"),
    Column("interval", Integer, nullable=False, default=900),   # seconds between polls
    Column("credibility", Text),                                 # the analyst's note on the source
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled", String(32)),
    Column("next_poll", String(32), index=True),
    Column("failures", Integer, nullable=False, default=0),      # consecutive failed polls
    Column("last_error", Text),
    Column("added_at", String(32), nullable=False),
)

#: Every item a source listed, once: what became of it (stored, duplicate, failed, skipped).
watch_items = Table(
    "watch_items", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Integer, ForeignKey("watch_sources.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("url", String(2000), nullable=False),
    Column("status", String(12), nullable=False),
    Column("article_id", String(64)),
    Column("attempts", Integer, nullable=False, default=1),
    Column("error", Text),
    Column("seen_at", String(32), nullable=False),
    UniqueConstraint("source_id", "url", name="uq_watch_item"),
)

#: An alert rule: which facts (relation and event types, actors, places, anonymous claims) to report.
watch_rules = Table(
    "watch_rules", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("spec", Text, nullable=False),                 # JSON: relations, events, actors, places, ...
    Column("webhook", Text),                              # also POST this rule's alerts here
    Column("created_at", String(32), nullable=False),
)

#: An alert: a rule matched a fact stated by a newly stored article. Never written twice.
watch_alerts = Table(
    "watch_alerts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("rule_id", Integer, ForeignKey("watch_rules.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("fingerprint", String(300), nullable=False),   # fact kind + article + local id
    Column("article_id", String(64), nullable=False, index=True),
    Column("kind", String(10), nullable=False),           # relation, event, claim
    Column("type", String(30), nullable=False),
    Column("date", String(32)),
    Column("summary", Text, nullable=False),
    Column("payload", Text, nullable=False),              # JSON: the change, evidence and sources
    Column("created_at", String(32), nullable=False, index=True),
    UniqueConstraint("rule_id", "fingerprint", name="uq_watch_alert"),
)
