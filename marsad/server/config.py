"""What a server is started with: the store, the token, the limits, CORS origins, the analysis workers."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

#: Largest request body accepted (bytes); larger requests get a 413 error.
MAX_BODY = 5 * 1024 * 1024
#: Longest article text accepted by the analyse and ingest endpoints (characters).
MAX_TEXT = 200_000
#: Most articles in one ingest request.
MAX_ARTICLES = 200


@dataclass(slots=True)
class ServerConfig:
    """Settings of one server: store URL, write token (None: writes are open), limits, CORS origins,
    and the analysis workers (1: a thread of the server's process; more: that many processes)."""

    db: str | None = None
    token: str | None = None
    max_body: int = MAX_BODY
    max_text: int = MAX_TEXT
    max_articles: int = MAX_ARTICLES
    cors_origins: list[str] = field(default_factory=list)
    config_file: str | None = None
    workers: int = 1

    @classmethod
    def from_env(cls, **overrides: object) -> "ServerConfig":
        """Defaults, then MARSAD_DB and MARSAD_TOKEN from the environment, then `overrides` (None ignored)."""
        cfg = cls(db=os.environ.get("MARSAD_DB") or None, token=os.environ.get("MARSAD_TOKEN") or None)
        for name, value in overrides.items():
            if value is not None:
                setattr(cfg, name, value)
        return cfg
