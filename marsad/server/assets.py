"""Static files: the UI (our own HTML, CSS and JavaScript modules) and the front-end libraries
installed from the npm registry by `npm ci` (package.json at the repository root), served from
node_modules by an explicit list (never the whole folder)."""

from __future__ import annotations

import os
from pathlib import Path

UI_DIR = Path(__file__).resolve().parent / "ui"

#: URL name under /vendor/ -> file inside node_modules.
VENDOR: dict[str, str] = {
    "cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "vis-timeline.min.js": "vis-timeline/standalone/umd/vis-timeline-graph2d.min.js",
    "vis-timeline.min.css": "vis-timeline/styles/vis-timeline-graph2d.min.css",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-50m.json": "world-atlas/countries-50m.json",
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
}

MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
               ".json": "application/json", ".html": "text/html; charset=utf-8", ".svg": "image/svg+xml",
               ".png": "image/png"}


def node_modules() -> Path | None:
    """Where the front-end packages are: $MARSAD_NODE_MODULES, else node_modules beside the source tree
    or in the working folder; None when `npm ci` has not been run."""
    candidates = [os.environ.get("MARSAD_NODE_MODULES"), Path(__file__).resolve().parents[2] / "node_modules",
                  Path.cwd() / "node_modules"]
    for c in candidates:
        if c and (Path(c) / "cytoscape").is_dir():
            return Path(c)
    return None


def vendor_file(name: str) -> Path | None:
    """The installed file behind /vendor/NAME, or None (unknown name or packages not installed)."""
    rel = VENDOR.get(name)
    root = node_modules()
    if rel is None or root is None:
        return None
    path = root / rel
    return path if path.is_file() else None


def missing_vendor() -> list[str]:
    """The front-end files that are not installed (empty when `npm ci` has run)."""
    return [name for name in VENDOR if vendor_file(name) is None]


def media_type(path: Path) -> str:
    """The Content-Type of a static file by its suffix."""
    return MEDIA_TYPES.get(path.suffix, "application/octet-stream")
