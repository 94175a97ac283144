"""Alerts: the rules evaluated on every newly stored article, each match stored once (a re-poll or a
re-ingest makes none) and delivered to the sinks (terminal, JSON Lines file, webhook).

    with Store("marsad.db") as store:
        attach_alerts(store, [TerminalSink()])     # every Store.add now evaluates the rules
        list_alerts(store, limit=20)               # what the web UI shows
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, select

from marsad.errors import MarsadError, StoreError
from marsad.model import Analysis
from marsad.store import Reader, Store
from marsad.store import schema as t
from marsad.store.db import guarded
from marsad.store.writer import Stored
from marsad.watch.facts import Fact, article_facts
from marsad.watch.rules import Rule, load_rules
from marsad.watch.sinks import Sink, WebhookSink
from marsad.watch.sources import now_iso, source_of_article

log = logging.getLogger(__name__)


def _ids(reader: Reader, names: Sequence[str]) -> set[int] | None:
    """Actor ids (with those merged into them) going by any of the names; None when none is known."""
    found: set[int] = set()
    for name in names:
        try:
            found.update(reader.members(reader.resolve_actor(name)))
        except StoreError:
            continue
    return found or None


def matches(rule: Rule, fact: Fact, reader: Reader) -> bool:
    """Whether a fact is one the rule asks for."""
    if rule.anonymous_only:
        if fact.kind != "claim":
            return False
    elif fact.kind == "claim":
        return False
    elif rule.relations or rule.events:
        wanted = rule.relations if fact.kind == "relation" else rule.events
        if fact.type not in wanted:
            return False
    if fact.kind == "event" and fact.sources < rule.min_sources:
        return False
    if rule.actors:
        ids = _ids(reader, rule.actors)
        if ids is None or not (ids & {reader.canon(a) for a in fact.actors} or ids & fact.actors):
            return False
    if rule.places:
        ids = _ids(reader, rule.places)
        if ids is None or not (ids & fact.places or ids & fact.actors):
            return False
    return True


def _payload(rule: Rule, fact: Fact, article: Any, origin: dict[str, Any] | None) -> dict[str, Any]:
    outlets = sorted({e["outlet"] for e in fact.evidence if e.get("outlet")})
    return {"rule": rule.name, "kind": fact.kind, "type": fact.type, "date": fact.date, "summary": fact.summary,
            "article": {"id": article.id, "title": article.title, "url": article.url, "outlet": article.outlet,
                        "published": article.published},
            "origin": origin, "change": fact.change, "evidence": fact.evidence, "sources": outlets}


def evaluate(store: Store, article_id: str, *, origin: dict[str, Any] | None = None,
             rules: list[Rule] | None = None) -> list[dict[str, Any]]:
    """Evaluate the rules on one stored article; store and return the new alerts (none twice)."""
    new: list[dict[str, Any]] = []
    with guarded(store.url), store.engine.begin() as conn:
        rules = rules if rules is not None else load_rules(conn)
        if not rules:
            return []
        reader = Reader(conn)
        article = conn.execute(select(t.articles.c.id, t.articles.c.title, t.articles.c.url, t.articles.c.outlet,
                                      t.articles.c.published).where(t.articles.c.id == article_id)).first()
        if article is None:
            raise StoreError(f"no article {article_id} in the store")
        origin = origin or source_of_article(conn, article_id)
        facts = article_facts(reader, article_id, claims=any(r.anonymous_only for r in rules))
        for rule in rules:
            for fact in facts:
                if not matches(rule, fact, reader):
                    continue
                fingerprint = f"{fact.kind}|{article_id}|{fact.local_id}"
                if conn.execute(select(t.watch_alerts.c.id).where(
                        (t.watch_alerts.c.rule_id == rule.id) & (t.watch_alerts.c.fingerprint == fingerprint))).first():
                    continue
                payload = _payload(rule, fact, article, origin)
                created = now_iso()
                alert_id = conn.execute(insert(t.watch_alerts).values(
                    rule_id=rule.id, fingerprint=fingerprint, article_id=article_id, kind=fact.kind, type=fact.type,
                    date=fact.date, summary=fact.summary, payload=json.dumps(payload, ensure_ascii=False),
                    created_at=created)).inserted_primary_key[0]
                new.append({"id": alert_id, "created_at": created, **payload, "webhook": rule.webhook})
    return new


def deliver(alerts: list[dict[str, Any]], sinks: Sequence[Sink]) -> None:
    """Send alerts to every sink, and to their rule's own webhook; a failing sink is logged, not raised."""
    for alert in alerts:
        targets = list(sinks)
        if alert.get("webhook"):
            targets.append(WebhookSink(alert["webhook"]))
        body = {k: v for k, v in alert.items() if k != "webhook"}
        for sink in targets:
            try:
                sink.send(body)
            except MarsadError as exc:
                log.error("alert %s not delivered: %s", alert["id"], exc)


class AlertListener:
    """A `Store` listener: evaluates the rules on each newly stored article and delivers the alerts."""

    def __init__(self, store: Store, sinks: Sequence[Sink] = ()) -> None:
        self.store = store
        self.sinks = list(sinks)
        self.origin: dict[str, Any] | None = None
        self.count = 0

    def set_origin(self, origin: dict[str, Any] | None) -> None:
        """Name the followed source of the article about to be stored (None: unknown)."""
        self.origin = origin

    def __call__(self, analysis: Analysis, stored: Stored) -> None:
        try:
            alerts = evaluate(self.store, stored.article_id, origin=self.origin)
        except MarsadError as exc:   # alerts must not stop an ingest; the article stays stored
            log.error("alert rules not evaluated on %s: %s", stored.article_id, exc)
            return
        self.count += len(alerts)
        deliver(alerts, self.sinks)


def attach_alerts(store: Store, sinks: Sequence[Sink] = ()) -> AlertListener:
    """Evaluate the store's alert rules on every article `store.add` stores from now on."""
    listener = AlertListener(store, sinks)
    store.listeners.append(listener)
    return listener


def list_alerts(store: Store, *, rule: str | None = None, since: str | None = None, limit: int | None = 100,
                newest_first: bool = True) -> list[dict[str, Any]]:
    """Stored alerts (for the web UI and `marsad watch alerts`): id, rule, created_at and the payload
    (kind, type, date, summary, article, origin, change, evidence, sources)."""
    with store.connect() as conn:
        q = select(t.watch_alerts, t.watch_rules.c.name).join(t.watch_rules, t.watch_rules.c.id == t.watch_alerts.c.rule_id)
        if rule is not None:
            q = q.where((t.watch_rules.c.name == rule) | (t.watch_rules.c.id == (int(rule) if rule.isdigit() else -1)))
        if since:
            q = q.where(t.watch_alerts.c.created_at >= since)
        order = t.watch_alerts.c.id.desc() if newest_first else t.watch_alerts.c.id
        q = q.order_by(order)
        if limit:
            q = q.limit(limit)
        rows = conn.execute(q).all()
    return [{"id": r.id, "created_at": r.created_at, **json.loads(r.payload)} for r in rows]
