"""The knowledge store: analyses of many articles merged over time, with corrections and queries.

    from marsad.store import Store, Reader
    with Store("marsad.db") as store:
        store.ingest(["news/"])
        with store.connect() as conn:
            Reader(conn).find_actors("حفتر")
"""

from marsad.store.corrections import add_correction
from marsad.store.query import Reader
from marsad.store.store import IngestSummary, Store
from marsad.store.timeline import changes, graph_at, graph_json

__all__ = ["IngestSummary", "Reader", "Store", "add_correction", "changes", "graph_at", "graph_json"]
