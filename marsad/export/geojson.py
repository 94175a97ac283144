"""GeoJSON of the store's events: a FeatureCollection of points at each event's place."""

from __future__ import annotations

import json
from typing import IO, Any


def collection(reader: Any, **filters: Any) -> dict[str, Any]:
    """The events that have a place with coordinates, as a GeoJSON FeatureCollection."""
    features = []
    for card in reader.events(**filters):
        geo = card.get("geo")
        if not geo:
            continue
        features.append({
            "type": "Feature", "id": card["id"],
            "geometry": {"type": "Point", "coordinates": [geo["lon"], geo["lat"]]},
            "properties": {"type": card["type"], "date": card["date"], "place": card["place_name"],
                           "agents": card["agent_names"], "targets": card["target_names"],
                           "sources": card["sources"], "status": card["status"]},
        })
    return {"type": "FeatureCollection", "features": features}


def write(reader: Any, out: IO[str], **filters: Any) -> int:
    """Write the located events as GeoJSON; returns the feature count."""
    data = collection(reader, **filters)
    json.dump(data, out, ensure_ascii=False)
    out.write("\n")
    return len(data["features"])
