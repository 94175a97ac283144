"""The knowledge store: analyses of many articles merged over time, with corrections and queries.

    from marsad.store import Store, Reader
    with Store("marsad.db") as store:
        store.ingest(["news/"])
        with store.connect() as conn:
            Reader(conn).find_actors("حفتر")

The names below are imported on first use, so that the command line does not load SQLAlchemy and
NetworkX before a store command runs.
"""

from marsad.lazy import lazy_exports

__all__ = ["IngestSummary", "Reader", "Store", "add_correction", "changes", "graph_at", "graph_json"]

__getattr__ = lazy_exports(__name__, {
    "add_correction": "marsad.store.corrections",
    "Reader": "marsad.store.query",
    "IngestSummary": "marsad.store.store",
    "Store": "marsad.store.store",
    "changes": "marsad.store.timeline",
    "graph_at": "marsad.store.timeline",
    "graph_json": "marsad.store.timeline",
})
