"""GraphML and GEXF of the actor network, with time attributes (first and last seen)."""

from __future__ import annotations

from typing import IO, Any

import networkx as nx

from marsad.store.timeline import graph_at


def write_graphml(reader: Any, out: IO[bytes], *, at: str | None = None, **_: Any) -> int:
    """Write the network as stated up to `at` as GraphML; returns the edge count."""
    graph = graph_at(reader, at)
    nx.write_graphml(graph, out, named_key_ids=True)
    return graph.number_of_edges()


def write_gexf(reader: Any, out: IO[bytes], *, at: str | None = None, **_: Any) -> int:
    """Write the network as GEXF in dynamic mode (edges and nodes live from first to last seen)."""
    graph = graph_at(reader, at)
    for _u, _v, data in graph.edges(data=True):
        data["start"], data["end"] = data["first_seen"] or None, data["last_seen"] or None
        if data["start"] is None:
            del data["start"]
        if data["end"] is None:
            del data["end"]
    for _n, data in graph.nodes(data=True):
        if data.get("first_seen"):
            data["start"] = data["first_seen"]
        if data.get("last_seen"):
            data["end"] = data["last_seen"]
    graph.graph["mode"] = "dynamic"
    nx.write_gexf(graph, out)
    return graph.number_of_edges()
