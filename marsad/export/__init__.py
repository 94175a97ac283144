"""Exports of the store: ACLED-style CSV, PLOVER-style JSON, GraphML and GEXF of the actor network,
GeoJSON of events, JSON Lines of analyses. Each is a function `write(reader, out, **filters)`."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any

from marsad.export import acled, geojson, graph, jsonl, plover

#: Export name -> (writer, whether it writes bytes, the usual file suffix).
EXPORTS: dict[str, tuple[Callable[..., Any], bool, str]] = {
    "acled": (acled.write, False, ".csv"),
    "plover": (plover.write, False, ".json"),
    "graphml": (graph.write_graphml, True, ".graphml"),
    "gexf": (graph.write_gexf, True, ".gexf"),
    "geojson": (geojson.write, False, ".geojson"),
    "jsonl": (jsonl.write, False, ".jsonl"),
}


def export(name: str, reader: Any, out: IO[Any], **filters: Any) -> int:
    """Write one export to an open file (binary for graphml/gexf, text otherwise); returns the count."""
    return EXPORTS[name][0](reader, out, **filters)
