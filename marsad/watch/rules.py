"""Alert rules: which facts of a newly stored article an analyst wants to hear about.

A rule names relation types, event types, actors and places (any of them; all given must hold), or
asks for claims resting only on anonymous sources (`anonymous_only`, optionally about given actors).
Rules are kept in the store's `watch_rules` table; actors and places are names resolved against the
store when a rule is evaluated, so a rule can name an actor the store does not know yet.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select

from marsad.errors import ConfigError, StoreError
from marsad.model import EVENT_TYPES, RELATION_TYPES
from marsad.store import Store
from marsad.store import schema as t
from marsad.store.db import guarded
from marsad.watch.sources import now_iso


@dataclass(slots=True)
class Rule:
    """One alert rule."""

    name: str
    relations: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    anonymous_only: bool = False
    min_sources: int = 1
    webhook: str | None = None
    id: int | None = None
    created_at: str | None = None

    def spec(self) -> dict[str, Any]:
        """What the rule asks for, as stored (JSON)."""
        return {"relations": list(self.relations), "events": list(self.events), "actors": list(self.actors),
                "places": list(self.places), "anonymous_only": self.anonymous_only,
                "min_sources": self.min_sources}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"id": self.id, "name": self.name, **self.spec(), "webhook": self.webhook,
                "created_at": self.created_at}

    def describe(self) -> str:
        """The rule in one line."""
        parts = []
        if self.anonymous_only:
            parts.append("claims resting only on anonymous sources")
        if self.relations:
            parts.append("relations " + " or ".join(self.relations))
        if self.events:
            parts.append("events " + " or ".join(self.events))
        if not parts:
            parts.append("any relation or event")
        if self.actors:
            parts.append("involving " + " or ".join(self.actors))
        if self.places:
            parts.append("at " + " or ".join(self.places))
        if self.min_sources > 1:
            parts.append(f"with at least {self.min_sources} sources")
        return ", ".join(parts)


def validate(rule: Rule) -> Rule:
    """The rule with its types upper-cased; ConfigError naming what is wrong."""
    if not rule.name.strip():
        raise ConfigError("a rule needs a name")
    rule.relations = tuple(dict.fromkeys(r.strip().upper() for r in rule.relations))
    rule.events = tuple(dict.fromkeys(e.strip().upper() for e in rule.events))
    bad = [r for r in rule.relations if r not in RELATION_TYPES]
    if bad:
        raise ConfigError(f"unknown relation type(s) {', '.join(bad)} (known: {', '.join(RELATION_TYPES)})")
    bad = [e for e in rule.events if e not in EVENT_TYPES]
    if bad:
        raise ConfigError(f"unknown event type(s) {', '.join(bad)} (known: {', '.join(EVENT_TYPES)})")
    if rule.anonymous_only and (rule.relations or rule.events or rule.places):
        raise ConfigError("--anonymous-only is about claims: combine it with --actor only")
    if rule.min_sources < 1:
        raise ConfigError("--min-sources must be at least 1")
    if rule.webhook and not rule.webhook.startswith(("http://", "https://")):
        raise ConfigError(f"the webhook must be an http(s) URL, not {rule.webhook!r}")
    return rule


def add_rule(store: Store, rule: Rule) -> Rule:
    """Store a new rule (names are unique)."""
    rule = validate(rule)
    with guarded(store.url), store.engine.begin() as conn:
        if conn.execute(select(t.watch_rules.c.id).where(t.watch_rules.c.name == rule.name)).first():
            raise ConfigError(f"a rule named {rule.name!r} exists already (remove it first)")
        conn.execute(insert(t.watch_rules).values(name=rule.name, spec=json.dumps(rule.spec(), ensure_ascii=False),
                                                  webhook=rule.webhook, created_at=now_iso()))
    return get_rule(store, rule.name)


def _from_row(row: Any) -> Rule:
    spec = json.loads(row.spec)
    return Rule(name=row.name, relations=tuple(spec.get("relations", ())), events=tuple(spec.get("events", ())),
                actors=tuple(spec.get("actors", ())), places=tuple(spec.get("places", ())),
                anonymous_only=bool(spec.get("anonymous_only")), min_sources=int(spec.get("min_sources", 1)),
                webhook=row.webhook, id=row.id, created_at=row.created_at)


def load_rules(conn: Any) -> list[Rule]:
    """Every rule, through a connection."""
    return [_from_row(r) for r in conn.execute(select(t.watch_rules).order_by(t.watch_rules.c.id)).all()]


def list_rules(store: Store) -> list[Rule]:
    """Every rule, oldest first."""
    with store.connect() as conn:
        return load_rules(conn)


def get_rule(store: Store, ref: str | int) -> Rule:
    """A rule by id or name; StoreError when there is none."""
    ref_s = str(ref).strip()
    for rule in list_rules(store):
        if rule.name == ref_s or str(rule.id) == ref_s:
            return rule
    raise StoreError(f"no rule {ref_s!r} (see 'marsad watch rule list')")


def remove_rule(store: Store, ref: str | int) -> Rule:
    """Delete a rule and its alerts."""
    rule = get_rule(store, ref)
    with guarded(store.url), store.engine.begin() as conn:
        conn.execute(delete(t.watch_alerts).where(t.watch_alerts.c.rule_id == rule.id))
        conn.execute(delete(t.watch_rules).where(t.watch_rules.c.id == rule.id))
    return rule
