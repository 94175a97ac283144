"""PLOVER-style JSON of the store's events (one object per event in a list)."""

from __future__ import annotations

import json
from typing import IO, Any

from marsad.export.mapping import PLOVER


def record(card: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER-style event for an event card with evidence."""
    evidence = card.get("evidence") or []
    modes = sorted({e["modality"] for e in evidence})
    geo = card.get("geo") or {}
    return {
        "id": f"marsad-{card['id']}", "date": card["date"], "event": PLOVER[card["type"]],
        "marsad_type": card["type"], "mode": "", "context": [],
        "actor": "; ".join(card["agent_names"]), "recipient": "; ".join(card["target_names"]),
        "location": {"name": card.get("place_name"), "lat": geo.get("lat"), "lon": geo.get("lon")},
        "modality": modes, "sources": card["sources"],
        "reports": [{"outlet": e["outlet"], "date": e["date"], "url": e["url"], "text": e["sentence"],
                     "source_kind": e["source_kind"]} for e in evidence],
    }


def write(reader: Any, out: IO[str], **filters: Any) -> int:
    """Write the events (filtered as `Reader.events`) as a PLOVER-style JSON list; returns the count."""
    records = [record(reader.show("event", c["id"])) for c in reader.events(**filters)]
    json.dump(records, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(records)
