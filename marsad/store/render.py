"""Readable text for the store's commands (the --json flag gives the same data as JSON)."""

from __future__ import annotations

from typing import Any


def _names(names: list[str | None]) -> str:
    return "، ".join(n for n in names if n) or "—"


def _actor_line(a: dict[str, Any]) -> str:
    aliases = [x for x in a.get("aliases", []) if x != a["name"]][:6]
    extra = f"  (also: {'، '.join(aliases)})" if aliases else ""
    seen = f"  {a.get('first_seen') or '?'} … {a.get('last_seen') or '?'}"
    return f"[{a['id']}] {a['type']:<12} {a['name']}{extra}{seen}"


def _event_line(e: dict[str, Any]) -> str:
    where = f" في {e['place_name']}" if e.get("place_name") else ""
    who = _names(e["agent_names"])
    whom = f" ← {_names(e['target_names'])}" if e["target_names"] else ""
    flag = "" if e["status"] == "machine" else f" [{e['status']}]"
    return f"[{e['id']}] {e['date'] or '????'} {e['type']:<18} {who}{whom}{where}  sources: {e['sources']}{flag}"


def _claim_line(c: dict[str, Any]) -> str:
    who = c.get("speaker_name") or c.get("source_text") or c["source_kind"]
    via = f" via {_names(c['via'])}" if c.get("via") else ""
    return f"[{c['id']}] {c['date'] or '????'} {c['source_kind']:<12} {who}{via}: «{c['content'][:160]}»"


def _relation_line(r: dict[str, Any]) -> str:
    flag = "" if r.get("status") in (None, "machine", "active") else f" [{r['status']}]"
    return (f"[{r['id']}] {r['head_name']} —{r['type']}→ {r['tail_name']}  {r['first_seen'] or '?'} … "
            f"{r['last_seen'] or '?'}  ({r['evidence']} report(s)){flag}")


def _evidence_lines(evidence: list[dict[str, Any]]) -> list[str]:
    return [f"    {e['date'] or '????'} {e['outlet'] or e['source_id'] or ''} ({e['source_kind']}, {e['modality']}): "
            f"«{e['sentence']}»" for e in evidence]


def render(command: str, data: Any) -> str:
    """The text form of a store command's result."""
    if command == "actors":
        return "\n".join(_actor_line(a) for a in data) or "no actor found"
    if command == "events":
        return "\n".join(_event_line(e) for e in data) or "no event found"
    if command == "claims":
        return "\n".join(_claim_line(c) for c in data) or "no claim found"
    if command == "changes":
        lines = []
        for c in data:
            what = (f"{c['head']} —{c['type']}→ {c['tail']}" if c["kind"] == "relation"
                    else f"{c['type']} {_names(c['agents'])} ← {_names(c['targets'])} {c.get('place') or ''}")
            lines.append(f"{c['date'] or '????'} {what} ({c['modality']})")
            lines += _evidence_lines([c["evidence"]])
        return "\n".join(lines) or "no change found"
    if command == "graph":
        names = {n["id"]: n["name"] for n in data["nodes"]}
        lines = [f"network up to {data['at'] or 'now'}: {len(data['nodes'])} actors, {len(data['edges'])} relations"]
        for e in data["edges"]:
            flag = "" if e["status"] == "active" else f" [{e['status']}]"
            lines.append(f"  {names[e['head']]} —{e['type']}→ {names[e['tail']]}  {e['first_seen'] or '?'} … "
                         f"{e['last_seen'] or '?'}{flag}")
        return "\n".join(lines)
    if command in ("profile", "show") and "aliases" in data:
        lines = [_actor_line(data), "relations:"] + [f"  {_relation_line(r)}" for r in data["relations"]]
        lines += ["events:"] + [f"  {_event_line(e)}" for e in data["events"]]
        for kind, claims in data["claims_about"].items():
            lines += [f"claims about it ({kind}):"] + [f"  {_claim_line(c)}" for c in claims]
        lines += ["claims it made:"] + [f"  {_claim_line(c)}" for c in data["claims_made"]]
        return "\n".join(lines)
    if command == "show" and "evidence" in data and "sources" in data:
        return "\n".join([_event_line(data)] + _evidence_lines(data["evidence"]))
    if command == "show" and "evidence" in data and isinstance(data["evidence"], list):
        return "\n".join([_relation_line({**data, "evidence": len(data["evidence"])})] + _evidence_lines(data["evidence"]))
    if command == "show" and "content" in data:
        return _claim_line(data)
    return str(data)
