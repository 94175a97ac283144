"""The store over time: the actor network as stated up to a date, and an actor's changes of side
and of territory with their evidence."""

from __future__ import annotations

from typing import Any

import networkx as nx

from marsad.store.query import Reader

#: The relations that make the command / allegiance / support / control network.
NETWORK_TYPES = ("COMMANDS", "LEADS", "MEMBER_OF", "LOYAL_TO", "ALLIED_WITH", "SUPPORTS", "OPPOSES",
                 "DEFECTED_FROM", "CONTROLS", "SPOKESPERSON_OF", "BASED_IN")
#: Ties that a later defection from the same actor ends.
ALLEGIANCE = ("LOYAL_TO", "MEMBER_OF", "ALLIED_WITH", "SUPPORTS", "COMMANDS")
CHANGE_RELATIONS = ("DEFECTED_FROM", "LOYAL_TO", "ALLIED_WITH", "CONTROLS")
CHANGE_EVENTS = ("DEFECTION", "ALLEGIANCE", "TERRITORY_CONTROL")


def _states(relations: list[dict[str, Any]]) -> dict[int, str]:
    """Status of each relation at the end of the window: active, ended (a later defection from the
    same actor), lost (a later control of the same place by another actor) or contested."""
    status = {r["id"]: "active" for r in relations}
    latest_defection: dict[tuple[int, int], str] = {}   # (head, tail) -> the latest first_seen of a defection
    for d in relations:
        if d["type"] == "DEFECTED_FROM":
            pair, seen = (d["head"], d["tail"]), d["first_seen"] or ""
            if seen > latest_defection.get(pair, ""):
                latest_defection[pair] = seen
    for r in relations:
        if r["type"] in ALLEGIANCE and latest_defection.get((r["head"], r["tail"]), "") > (r["last_seen"] or ""):
            status[r["id"]] = "ended"
    controls: dict[int, list[dict[str, Any]]] = {}
    for r in relations:
        if r["type"] == "CONTROLS":
            controls.setdefault(r["tail"], []).append(r)
    for holders in controls.values():
        if len(holders) < 2:
            continue
        latest = max((h["last_seen"] or "") for h in holders)
        current = [h for h in holders if (h["last_seen"] or "") == latest]
        for h in holders:
            if h in current:
                status[h["id"]] = "contested" if len(current) > 1 else "active"
            else:
                status[h["id"]] = "lost"
    return status


def graph_at(reader: Reader, at: str | None = None, types: tuple[str, ...] = NETWORK_TYPES) -> nx.MultiDiGraph:
    """The actor network as stated by articles up to `at` (ISO date; None: everything): nodes are
    actors, edges relations with type, first/last seen, evidence count and status."""
    relations = [r for r in reader.relations(types=types, until=at, modalities=False) if r["status"] != "rejected"]
    status = _states(relations)
    nodes: dict[int, dict[str, Any]] = {}
    for r in relations:
        for end in (r["head"], r["tail"]):
            if end not in nodes:
                nodes[end] = _node(reader.actor(end) or {})
    graph = nx.MultiDiGraph(at=at or "")
    graph.add_nodes_from(nodes.items())   # in bulk: add_node per actor costs more than the query
    graph.add_edges_from((r["head"], r["tail"], r["id"], {
        "type": r["type"], "relation": r["id"], "first_seen": r["first_seen"] or "", "last_seen": r["last_seen"] or "",
        "evidence": r["evidence"], "outlets": ", ".join(r["outlets"]), "status": status[r["id"]],
        "confirmed": r["status"] == "confirmed"}) for r in relations)
    return graph


def _node(card: dict[str, Any]) -> dict[str, Any]:
    """The attributes of an actor's node in the network."""
    geo = card.get("geo") or {}
    return {"name": card.get("name", ""), "type": card.get("type", ""), "name_en": card.get("name_en") or "",
            "key": card.get("key", ""), "first_seen": card.get("first_seen") or "",
            "last_seen": card.get("last_seen") or "", "lat": geo.get("lat", ""), "lon": geo.get("lon", "")}


def graph_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """A graph as JSON: {"at", "nodes": [...], "edges": [...]}."""
    return {"at": graph.graph.get("at") or None,
            "nodes": [{"id": n, **d} for n, d in graph.nodes(data=True)],
            "edges": [{"head": u, "tail": v, **d} for u, v, d in graph.edges(data=True)]}


def changes(reader: Reader, actor: str | int, date_from: str | None = None,
            date_to: str | None = None) -> list[dict[str, Any]]:
    """An actor's changes of allegiance and control in a window: defections, new loyalties and
    alliances, places taken or lost, with their evidence (oldest first)."""
    actor_id = reader.resolve_actor(actor)
    lo, hi = date_from or "", (date_to or "9999") + "~"
    out: list[dict[str, Any]] = []
    for rel in reader.relations(actor_id, types=CHANGE_RELATIONS):
        shown = reader.show("relation", rel["id"])
        for ev in shown["evidence"]:
            if lo <= (ev["date"] or "") <= hi:
                out.append({"date": ev["date"], "kind": "relation", "type": rel["type"], "id": rel["id"],
                            "head": rel["head_name"], "tail": rel["tail_name"], "modality": ev["modality"],
                            "evidence": ev})
    held = {r["tail"] for r in reader.relations(actor_id, types=("CONTROLS",)) if r["head"] == actor_id}
    seen_events: set[int] = set()
    for place in held:
        for card in reader.events(place=place, date_from=date_from, date_to=date_to):
            if card["type"] in CHANGE_EVENTS:
                seen_events.add(card["id"])
    for card in reader.events(actor=actor_id, date_from=date_from, date_to=date_to):
        if card["type"] in CHANGE_EVENTS:
            seen_events.add(card["id"])
    for event_id in seen_events:
        card = reader.show("event", event_id)
        for ev in card.get("evidence", []):
            out.append({"date": ev["date"], "kind": "event", "type": card["type"], "id": card["id"],
                        "agents": card["agent_names"], "targets": card["target_names"],
                        "place": card["place_name"], "modality": ev["modality"], "evidence": ev})
    out.sort(key=lambda c: (c["date"] or "", c["kind"], c["id"]))
    return out
