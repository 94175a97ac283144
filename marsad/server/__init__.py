"""The analyst's workbench: a REST API over the analysis pipeline and the store, and a web UI in Arabic.

    from marsad.server import create_app
    app = create_app("marsad.db")            # a FastAPI application; `marsad serve` runs it with uvicorn

The names below are imported on first use, so that `marsad --help` and the other commands do not pay
for loading FastAPI.
"""

from marsad.lazy import lazy_exports

__all__ = ["ServerConfig", "create_app"]

__getattr__ = lazy_exports(__name__, {
    "create_app": "marsad.server.app",
    "ServerConfig": "marsad.server.config",
})
