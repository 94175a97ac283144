"""`marsad serve`: the REST API and the web UI over a store, run by uvicorn."""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from typing import Any

from marsad.errors import ConfigError

COMMANDS = ("serve",)

#: The most analysis workers `marsad serve` starts by itself (each holds a pipeline in memory).
MAX_DEFAULT_WORKERS = 8


def default_workers() -> int:
    """The default number of analysis workers: one per core this process may run on, at most
    MAX_DEFAULT_WORKERS."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_WORKERS))

EXAMPLES = ("examples:\n"
            "  marsad serve                                  # ./marsad.db on http://127.0.0.1:8000/\n"
            "  marsad serve --db news.db --port 8080\n"
            "  MARSAD_TOKEN=secret marsad serve --host 0.0.0.0   # writes need 'Authorization: Bearer secret'\n")


def add_commands(sub: Any, logopts: argparse.ArgumentParser) -> None:
    """Add `serve` to the `marsad` parser (`logopts` carries the logging flags)."""
    p = sub.add_parser("serve", parents=[logopts], help="the web UI and REST API over a store",
                       description="Serve the analyst's workbench (web UI in Arabic at /, REST API under /api, "
                                   "OpenAPI docs at /docs) over a store. Writes (ingest, corrections) need the "
                                   "token when MARSAD_TOKEN is set.",
                       epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", metavar="URL", default=None,
                   help="the store: a SQLite file (default ./marsad.db, or $MARSAD_DB) or a postgresql:// URL")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    p.add_argument("--config", metavar="FILE", help="a TOML config file for the pipeline")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="analysis workers: with N > 1, N processes, each with its own pipeline, share the "
                        f"analyses of all requests (default: one per core this process may use, at most "
                        f"{MAX_DEFAULT_WORKERS}; here {default_workers()})")
    p.add_argument("--max-body", type=int, default=None, metavar="BYTES", help="largest request body (default 5 MB)")
    p.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                   help="allow browser requests from this origin (repeatable; default: none, CORS off)")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    """Start the server and serve until interrupted."""
    import uvicorn

    from marsad.server import ServerConfig, create_app

    if not 0 < args.port < 65536:
        raise ConfigError(f"--port must be between 1 and 65535, not {args.port}")
    cfg = ServerConfig.from_env(db=args.db, max_body=args.max_body, cors_origins=args.cors_origin or None,
                                config_file=args.config)
    if not cfg.token and not _is_loopback(args.host):
        print(f"marsad: warning: listening on {args.host} without MARSAD_TOKEN: anyone who reaches it can "
              "write to the store", file=sys.stderr)
    workers = default_workers() if args.workers is None else args.workers
    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {workers}")
    cfg.workers = workers
    app = create_app(config=cfg)   # also checks the store
    app.state.analyser.start()      # the workers build their pipelines while the server starts
    print(f"marsad: serving {app.state.store.url} on http://{args.host}:{args.port}/ with {workers} analysis "
          f"worker{'s' if workers > 1 else ''} (API docs at /docs{', token required for writes' if cfg.token else ''})",
          file=sys.stderr)
    level = os.environ.get("MARSAD_SERVER_LOG", "warning")
    uvicorn.run(app, host=args.host, port=args.port, log_level=level, access_log=level in ("info", "debug"))
    return 0
