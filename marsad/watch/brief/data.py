"""What a brief holds, read from the store: the subject, the window, the events, the changes with their
evidence, the allegiance network at the start and end of the window, and the claims by kind of source."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from marsad.errors import ConfigError
from marsad.store import Reader, changes, graph_at
from marsad.store.timeline import CHANGE_EVENTS, CHANGE_RELATIONS

#: The network drawn keeps at most this many actors (the most connected).
MAX_NODES = 30


@dataclass(slots=True)
class BriefData:
    """Everything a brief shows."""

    title: str
    subject: str | None
    date_from: str | None
    date_to: str | None
    events: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    graph_start: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    graph_end: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    figures: dict[str, int] = field(default_factory=dict)


def _in(date: str | None, lo: str | None, hi: str | None) -> bool:
    d = date or ""
    return (not lo or d >= lo) and (not hi or d <= hi + "~")


def _focus(graph: nx.MultiDiGraph, centre: set[int]) -> nx.MultiDiGraph:
    """The neighbourhood of the subject (one step), else the most connected actors, at most MAX_NODES."""
    keep = set()
    for node in centre:
        if node in graph:
            keep |= {node, *graph.predecessors(node), *graph.successors(node)}
    if not centre:
        keep = set(graph.nodes)
    if len(keep) > MAX_NODES:
        ranked = sorted(keep, key=lambda n: (n not in centre, -graph.degree(n), str(n)))
        keep = set(ranked[:MAX_NODES])
    return graph.subgraph(keep).copy()


def _window_changes(reader: Reader, lo: str | None, hi: str | None, limit: int = 400) -> list[dict[str, Any]]:
    """Every change of side or of control in the window (no subject)."""
    out: list[dict[str, Any]] = []
    for rel in reader.relations(types=CHANGE_RELATIONS):
        if not (_in(rel["first_seen"], lo, hi) or _in(rel["last_seen"], lo, hi)):
            continue
        for ev in reader.show("relation", rel["id"])["evidence"]:
            if _in(ev["date"], lo, hi):
                out.append({"date": ev["date"], "kind": "relation", "type": rel["type"], "id": rel["id"],
                            "head": rel["head_name"], "tail": rel["tail_name"], "modality": ev["modality"],
                            "evidence": ev})
    for card in reader.events(date_from=lo, date_to=hi):
        if card["type"] in CHANGE_EVENTS:
            shown = reader.show("event", card["id"])
            for ev in shown.get("evidence", [])[:3]:
                out.append({"date": ev["date"], "kind": "event", "type": card["type"], "id": card["id"],
                            "agents": card["agent_names"], "targets": card["target_names"],
                            "place": card["place_name"], "modality": ev["modality"], "evidence": ev})
    out.sort(key=lambda c: (c["date"] or "", c["kind"], c["id"]))
    return out[:limit]


def _place_changes(reader: Reader, place: int, lo: str | None, hi: str | None) -> list[dict[str, Any]]:
    """Who was said to take or hold a place in the window, and the change events there."""
    out = []
    for rel in reader.relations(place, types=("CONTROLS",)):
        if rel["tail"] != place:
            continue
        for ev in reader.show("relation", rel["id"])["evidence"]:
            if _in(ev["date"], lo, hi):
                out.append({"date": ev["date"], "kind": "relation", "type": rel["type"], "id": rel["id"],
                            "head": rel["head_name"], "tail": rel["tail_name"], "modality": ev["modality"],
                            "evidence": ev})
    for card in reader.events(place=place, date_from=lo, date_to=hi):
        if card["type"] in CHANGE_EVENTS:
            for ev in reader.show("event", card["id"]).get("evidence", [])[:3]:
                out.append({"date": ev["date"], "kind": "event", "type": card["type"], "id": card["id"],
                            "agents": card["agent_names"], "targets": card["target_names"],
                            "place": card["place_name"], "modality": ev["modality"], "evidence": ev})
    out.sort(key=lambda c: (c["date"] or "", c["kind"], c["id"]))
    return out


def _day_before(date: str) -> str:
    from datetime import date as _date, timedelta

    try:
        return (_date.fromisoformat(date[:10]) - timedelta(days=1)).isoformat()
    except ValueError:
        return date


def collect(reader: Reader, *, actor: str | None = None, place: str | None = None, date_from: str | None = None,
            date_to: str | None = None, title: str | None = None) -> BriefData:
    """Read a brief's content from the store (an actor, a place, or a whole window)."""
    if actor and place:
        raise ConfigError("a brief is about an actor or a place, not both")
    if not (actor or place or date_from or date_to):
        raise ConfigError("say what the brief is about: --actor, --place, or a window --from … --to …")
    if date_from and date_to and date_from > date_to:
        raise ConfigError(f"the window ends ({date_to}) before it starts ({date_from})")
    subject_id = reader.resolve_actor(actor or place) if (actor or place) else None
    subject = reader.name(subject_id) if subject_id is not None else None
    if actor:
        events = reader.events(actor=subject_id, date_from=date_from, date_to=date_to)
        found = changes(reader, subject_id, date_from, date_to)
        claims = reader.claims(about=subject_id)
    elif place:
        events = reader.events(place=subject_id, date_from=date_from, date_to=date_to)
        found = _place_changes(reader, subject_id, date_from, date_to)
        claims = reader.claims(about=subject_id)
    else:
        events = reader.events(date_from=date_from, date_to=date_to)
        found = _window_changes(reader, date_from, date_to)
        claims = reader.claims()
    claims = [c for c in claims if _in(c["date"], date_from, date_to)]
    dates = sorted(d for d in [*(e["date"] for e in events), *(c["date"] for c in found),
                               *(c["date"] for c in claims)] if d)
    lo = date_from or (dates[0][:10] if dates else None)
    hi = date_to or (dates[-1][:10] if dates else None)
    centre: set[int] = set()
    if subject_id is not None:
        centre = {subject_id}
        if place:   # a place's network: the actors of its events
            centre |= {a for e in events for a in (*e["agents"], *e["targets"])}
    start = graph_at(reader, _day_before(lo)) if lo else nx.MultiDiGraph()
    end = graph_at(reader, hi)
    if centre:   # the subject's neighbours at the end too, so that the start shows what they were then
        centre |= {n for c in list(centre) if c in end for n in (*end.predecessors(c), *end.successors(c))}
    data = BriefData(title or _title(subject, lo, hi), subject, lo, hi, events, found, claims,
                     _focus(start, centre), _focus(end, centre))
    data.figures = _figures(data)
    return data


def _title(subject: str | None, lo: str | None, hi: str | None) -> str:
    window = f"{lo or '…'} – {hi or '…'}"
    return f"موجز: {subject} ({window})" if subject else f"موجز الفترة {window}"


def _figures(data: BriefData) -> dict[str, int]:
    kinds = Counter(c["source_kind"] for c in data.claims)
    actors = {a for e in data.events for a in (*e["agents"], *e["targets"])}
    places = {e["place"] for e in data.events if e["place"] is not None}
    return {"events": len(data.events), "changes": len(data.changes), "actors": len(actors), "places": len(places),
            "claims": len(data.claims), "anonymous": kinds.get("anonymous", 0),
            "sources": len({c["outlet"] for c in data.claims if c.get("outlet")}
                           | {c["evidence"].get("outlet") for c in data.changes if c["evidence"].get("outlet")}),
            "multi_source_events": sum(1 for e in data.events if e["sources"] > 1)}
