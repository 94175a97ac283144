"""Analyst corrections: confirm, reject or edit a fact, merge two actors — stored as their own records.

A correction names its target by the stable key that ingest gives it (an actor's `kb:` or type-and-name
key, a relation's TYPE|head|tail key, an event's first-report key), so it survives re-ingest and
rebuilding the store from the same articles. Corrections win over machine output whenever the store
is read; they are never overwritten (a later correction of the same target takes precedence).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, insert, select

from marsad.errors import StoreError
from marsad.model import EVENT_TYPES, RELATION_TYPES
from marsad.store import schema as t

TARGETS = {"actor": t.actors, "relation": t.relations, "event": t.events}
ACTIONS = ("confirm", "reject", "edit", "merge")
#: Fields an analyst may edit, per target, with the values allowed (None: any text).
EDITABLE: dict[str, dict[str, tuple[str, ...] | None]] = {
    "actor": {"name": None, "name_en": None, "type": ("PERSON", "ARMED_GROUP", "TRIBE", "ORGANIZATION",
                                                      "MEDIA", "GPE", "LOCATION")},
    "relation": {"type": RELATION_TYPES},
    "event": {"type": EVENT_TYPES, "date": None},
}


@dataclass(slots=True)
class Corrections:
    """Every correction in force, by target kind and key."""

    rejected: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in TARGETS})
    confirmed: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in TARGETS})
    edits: dict[str, dict[str, dict[str, Any]]] = field(default_factory=lambda: {k: {} for k in TARGETS})
    merged_into: dict[str, str] = field(default_factory=dict)   # actor key -> actor key

    def canonical(self, actor_key: str) -> str:
        """The key an actor is merged into (following chains), or its own."""
        seen = set()
        while actor_key in self.merged_into and actor_key not in seen:
            seen.add(actor_key)
            actor_key = self.merged_into[actor_key]
        return actor_key

    def status(self, target: str, key: str) -> str:
        """'rejected', 'confirmed' or 'machine'."""
        if key in self.rejected[target]:
            return "rejected"
        return "confirmed" if key in self.confirmed[target] else "machine"


def load_corrections(conn: Connection) -> Corrections:
    """Read every correction, oldest first, so that the latest one for a target wins."""
    out = Corrections()
    rows = conn.execute(select(t.corrections).order_by(t.corrections.c.id)).all()
    for row in rows:
        payload = json.loads(row.payload) if row.payload else {}
        kind, key = row.target, row.target_key
        if row.action == "reject":
            out.rejected[kind].add(key)
            out.confirmed[kind].discard(key)
        elif row.action == "confirm":
            out.confirmed[kind].add(key)
            out.rejected[kind].discard(key)
        elif row.action == "edit":
            out.edits[kind].setdefault(key, {}).update(payload)
        elif row.action == "merge":
            out.merged_into[key] = payload["into"]
    return out


def target_key(conn: Connection, target: str, ref: str | int) -> str:
    """The stable key of a target given by its store id (a number) or its key; StoreError if unknown."""
    if target not in TARGETS:
        raise StoreError(f"unknown correction target {target!r} (one of: {', '.join(TARGETS)})")
    table = TARGETS[target]
    ref_s = str(ref)
    cond = table.c.id == int(ref_s) if ref_s.isdigit() else table.c.key == ref_s
    row = conn.execute(select(table.c.key).where(cond)).first()
    if row is None:
        raise StoreError(f"no {target} {ref_s!r} in the store")
    return row[0]


def add_correction(conn: Connection, target: str, ref: str | int, action: str, *,
                   payload: dict[str, Any] | None = None, author: str | None = None,
                   note: str | None = None) -> int:
    """Record one correction and return its id; checks the target, the action and the edited fields.

    `merge` takes `payload={"into": ACTOR}` (an actor id or key) and applies to actors only."""
    if action not in ACTIONS:
        raise StoreError(f"unknown correction {action!r} (one of: {', '.join(ACTIONS)})")
    key = target_key(conn, target, ref)
    payload = dict(payload or {})
    if action == "merge":
        if target != "actor" or "into" not in payload:
            raise StoreError("merge applies to actors and needs the actor to merge into")
        payload["into"] = target_key(conn, "actor", payload["into"])
        if payload["into"] == key:
            raise StoreError("an actor cannot be merged into itself")
    elif action == "edit":
        allowed = EDITABLE[target]
        if not payload:
            raise StoreError(f"an edit needs fields to change ({', '.join(allowed)})")
        for name, value in payload.items():
            if name not in allowed:
                raise StoreError(f"{target} field {name!r} cannot be edited (editable: {', '.join(allowed)})")
            choices = allowed[name]
            if choices is not None and value not in choices:
                raise StoreError(f"{target} {name} must be one of {', '.join(choices)}, not {value!r}")
    elif payload:
        raise StoreError(f"{action} takes no fields")
    return conn.execute(insert(t.corrections).values(
        target=target, target_key=key, action=action, payload=json.dumps(payload, ensure_ascii=False) if payload else None,
        author=author, note=note,
        created_at=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))).inserted_primary_key[0]
