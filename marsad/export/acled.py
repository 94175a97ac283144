"""ACLED-style CSV of the store's events: ACLED's column set, our types mapped to ACLED's."""

from __future__ import annotations

import csv
import time
from typing import IO, Any

from marsad.export.mapping import INTER, acled_types

#: ACLED's columns, in ACLED's order.
COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
           "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
           "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
           "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
           "fatalities", "tags", "timestamp")
#: Our date precision -> ACLED time_precision (1 day, 2 week or a few days, 3 month or vaguer).
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def _inter(reader: Any, actor_ids: list[int]) -> int:
    if not actor_ids:
        return 0
    return INTER.get((reader.actor(actor_ids[0]) or {}).get("type", ""), 0)


def row(reader: Any, card: dict[str, Any]) -> dict[str, Any]:
    """One ACLED row for an event card with evidence (see `Reader.event_card`)."""
    evidence = card.get("evidence") or []
    first = evidence[0] if evidence else {}
    date = card["date"] or ""
    precision = card.get("precision") or ("day" if len(date) == 10 else "month" if len(date) == 7 else "year")
    disorder, kind, sub = acled_types(card["type"], (first.get("sentence") or "") if card["type"] == "ATTACK" else None)
    agents, targets = card["agent_names"], card["target_names"]
    inter1, inter2 = _inter(reader, card["agents"]), _inter(reader, card["targets"])
    geo = card.get("geo") or {}
    return {
        "event_id_cnty": f"MRS{card['id']}", "event_date": date, "year": date[:4],
        "time_precision": TIME_PRECISION.get(precision, 3), "disorder_type": disorder, "event_type": kind,
        "sub_event_type": sub, "actor1": agents[0] if agents else "", "assoc_actor_1": "; ".join(agents[1:]),
        "inter1": inter1, "actor2": targets[0] if targets else "", "assoc_actor_2": "; ".join(targets[1:]),
        "inter2": inter2, "interaction": int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter2 else inter1 * 10,
        "civilian_targeting": "Civilian targeting" if card["type"] == "VIOLENCE_AGAINST_CIVILIANS" else "",
        "iso": "", "region": "", "country": "", "admin1": "", "admin2": "", "admin3": "",
        "location": card.get("place_name") or "", "latitude": geo.get("lat", ""), "longitude": geo.get("lon", ""),
        "geo_precision": 1 if geo else 3,
        "source": "; ".join(sorted({e["outlet"] or e["source_id"] for e in evidence if e.get("outlet") or e.get("source_id")})),
        "source_scale": "Other", "notes": first.get("sentence", ""), "fatalities": 0,
        "tags": "; ".join(sorted({e["modality"] for e in evidence} - {"asserted"})),
        "timestamp": int(time.time()),
    }


def write(reader: Any, out: IO[str], **filters: Any) -> int:
    """Write the events (filtered as `Reader.events`) as ACLED-style CSV; returns the row count."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    n = 0
    for card in reader.events(**filters):
        writer.writerow(row(reader, reader.show("event", card["id"])))
        n += 1
    return n
