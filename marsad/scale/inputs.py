"""The driver's side of reading: input paths turned into `Item`s, in the order a single-process run
reads them (the documents go to the workers; reading itself stays in the driver)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from marsad.scale.shards import Item


def analyze_items(paths: Iterable[str | Path], settings: Any) -> Iterator[Item]:
    """What `marsad analyze` reads: documents, or the reader's error message for an item."""
    from marsad.ingest import iter_documents

    for result in iter_documents(paths, settings):
        if result.error is not None:
            yield Item(result.source_id, error=str(result.error), reason=result.error.reason)
        elif result.document is not None:
            yield Item(result.source_id, document=result.document)


def ingest_items(paths: Iterable[str | Path], settings: Any) -> Iterator[Item]:
    """What `marsad ingest` reads: documents, analyses stored as they are (files of
    `marsad.analysis/1`), or the reason an item could not be read."""
    from marsad.ingest import iter_documents
    from marsad.store.analyses import looks_like_analyses, read_analyses

    for path in paths:
        p = Path(path)
        if str(path) != "-" and looks_like_analyses(p):
            for got in read_analyses(p):
                reason = None if got.analysis is not None else (got.error or "unknown error")
                yield Item(got.item, analysis=got.analysis, error=reason, reason=reason)
            continue
        for result in iter_documents([path], settings):
            if result.document is None:
                reason = result.error.reason if result.error else "could not be read"
                yield Item(result.source_id, error=reason, reason=reason)
            else:
                yield Item(result.source_id, document=result.document)
