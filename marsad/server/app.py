"""The FastAPI application: the API routers, the UI, the offline OpenAPI docs, errors and guards."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from marsad import __version__
from marsad.server import errors
from marsad.server.analyser import Analyser
from marsad.server.api_analysis import router as analysis_router
from marsad.server.api_store import router as store_router
from marsad.server.api_write import router as write_router
from marsad.server.assets import UI_DIR, VENDOR, media_type, missing_vendor, vendor_file
from marsad.server.config import ServerConfig
from marsad.server.errors import ApiError
from marsad.server.guards import Guard

log = logging.getLogger("marsad.server")

DESCRIPTION = ("The analyst's workbench of marsad: analyse Arabic news articles, ingest them into the store, "
               "query actors, relations, events and claims over time, record corrections, export. "
               "Every error is `{\"error\": {\"status\", \"code\", \"message\"}}`. Write endpoints need "
               "`Authorization: Bearer TOKEN` when the server runs with MARSAD_TOKEN.")


def create_app(db: str | None = None, *, config: ServerConfig | None = None) -> FastAPI:
    """The application over a store (a SQLite path or a database URL; default $MARSAD_DB or ./marsad.db)."""
    from marsad.store import Store

    cfg = config or ServerConfig.from_env(db=db)
    if db is not None:
        cfg.db = db
    app = FastAPI(title="marsad", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json")
    app.state.config = cfg
    app.state.store = Store(cfg.db)
    from marsad.watch.alerts import attach_alerts

    attach_alerts(app.state.store)   # articles ingested through the API meet the alert rules too
    app.state.analyser = Analyser(lambda: _settings(cfg.config_file), cfg.workers)
    errors.install(app)
    for router in (analysis_router, store_router, write_router):
        app.include_router(router)
    _pages(app)
    if cfg.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=cfg.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type", "X-Marsad-Token"])
    app.add_middleware(Guard, max_body=cfg.max_body)
    app.router.add_event_handler("shutdown", app.state.analyser.close)
    app.router.add_event_handler("shutdown", app.state.store.close)
    missing = missing_vendor()
    if missing:
        log.warning("the web UI's front-end packages are not installed (%s): run `npm ci` at the repository "
                    "root (./dev does it)", ", ".join(missing))
    return app


def _settings(config_file: str | None) -> Any:
    """The pipeline's settings (config file, environment)."""
    from marsad.settings import Settings

    return Settings.load(config_file)


def _static(path: Any) -> Response:
    return FileResponse(path, media_type=media_type(path), headers={"Cache-Control": "no-cache"})


def _pages(app: FastAPI) -> None:
    """The UI, its static files, the vendor files from node_modules and the offline docs page."""

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        return _static(UI_DIR / "index.html")

    @app.get("/ui/{name:path}", include_in_schema=False)
    def ui_file(name: str) -> Response:
        path = (UI_DIR / name).resolve()
        if UI_DIR not in path.parents or not path.is_file():
            raise ApiError(404, f"no UI file {name!r}")
        return _static(path)

    @app.get("/vendor/{name}", include_in_schema=False)
    def vendor(name: str) -> Response:
        path = vendor_file(name)
        if path is None:
            raise ApiError(503 if name in VENDOR else 404,
                           f"front-end file {name!r} is not installed: run `npm ci` at the repository root")
        return FileResponse(path, media_type=media_type(path), headers={"Cache-Control": "max-age=3600"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return _static(UI_DIR / "docs.html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return RedirectResponse("/ui/favicon.svg")

    @app.get("/api/health", tags=["server"], summary="Is the server up")
    def health(request: Request) -> dict[str, Any]:
        """Version, whether writes need a token, front-end files not installed (if any), and the analysis
        workers (how many, how many have built their pipeline)."""
        return {"status": "ok", "version": __version__, "token_required": bool(request.app.state.config.token),
                "ui_missing": missing_vendor(), "analysis_workers": request.app.state.analyser.status()}

