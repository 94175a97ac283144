"""The analyst's workbench: a REST API over the analysis pipeline and the store, and a web UI in Arabic.

    from marsad.server import create_app
    app = create_app("marsad.db")            # a FastAPI application; `marsad serve` runs it with uvicorn
"""

from marsad.server.app import create_app
from marsad.server.config import ServerConfig

__all__ = ["ServerConfig", "create_app"]
