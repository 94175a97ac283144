"""JSON Lines of the stored analyses (`marsad.analysis/1`, one per line), oldest article first."""

from __future__ import annotations

from typing import IO, Any

from sqlalchemy import select

from marsad.store import schema as t


def write(reader: Any, out: IO[str], *, date_from: str | None = None, date_to: str | None = None, **_: Any) -> int:
    """Write every stored analysis (optionally by publication date) as one JSON line; returns the count."""
    q = select(t.articles.c.analysis).order_by(t.articles.c.published, t.articles.c.id)
    if date_from:
        q = q.where(t.articles.c.published >= date_from)
    if date_to:
        q = q.where(t.articles.c.published <= date_to + "~")
    n = 0
    for (analysis,) in reader.conn.execute(q):
        out.write(analysis + "\n")
        n += 1
    return n
