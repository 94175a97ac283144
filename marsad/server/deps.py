"""Shared request dependencies: a store reader per request, the pipeline, the store."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

from fastapi import Request

from marsad.store import Reader, Store


def store_of(request: Request) -> Store:
    """The app's store."""
    return request.app.state.store


def reader(request: Request) -> Iterator[Reader]:
    """A Reader over one connection, closed after the request."""
    with store_of(request).connect() as conn:
        yield Reader(conn)


class PipelineHolder:
    """The analysis pipeline, built on first use and run one article at a time (components are not
    promised to be thread-safe)."""

    def __init__(self, config_file: str | None = None) -> None:
        self.config_file = config_file
        self._pipeline: Any = None
        self._settings: Any = None
        self.lock = threading.Lock()

    def settings(self) -> Any:
        """The settings the pipeline is built from (config file, environment)."""
        if self._settings is None:
            from marsad.settings import Settings

            self._settings = Settings.load(self.config_file)
        return self._settings

    def run(self, document: Any) -> Any:
        """Analyse one Document."""
        with self.lock:
            if self._pipeline is None:
                from marsad.api import build_pipeline

                self._pipeline = build_pipeline(self.settings())
            return self._pipeline(document)
