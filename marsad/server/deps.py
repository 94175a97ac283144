"""Shared request dependencies: the store, and a store reader per request."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request

from marsad.store import Reader, Store


def store_of(request: Request) -> Store:
    """The app's store."""
    return request.app.state.store


def reader(request: Request) -> Iterator[Reader]:
    """A Reader over one connection, closed after the request."""
    with store_of(request).connect() as conn:
        yield Reader(conn)
