"""The store: analyses of many articles kept in SQLite (default) or PostgreSQL, merged over time.

    from marsad.store import Store
    with Store("marsad.db") as store:               # or "postgresql://user@host/db"
        summary = store.ingest(["news/"])           # analyse and store; analyses JSON are stored as is
        store.find_actors("حفتر")
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError, IntegrityError

from marsad.errors import InputError, StoreError
from marsad.model import Analysis
from marsad.store.analyses import looks_like_analyses, read_analyses
from marsad.store.db import database_url, guarded, make_engine, migrate
from marsad.store.writer import Stored, Writer, WriterCache


@dataclass(slots=True)
class IngestSummary:
    """What an ingest run did: read, stored, skipped as duplicates, failed (with reasons), time."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        """One line for a person: the counts and the rate."""
        rate = self.stored / self.seconds if self.seconds > 0 else 0.0
        return (f"read {self.read}, stored {self.stored}, skipped {self.duplicates} already stored, "
                f"failed {len(self.failed)} in {self.seconds:.1f} s ({rate:.1f} articles/s)")


log = logging.getLogger("marsad.store")

#: Times one article is written before a conflict with another writer is given up as an error.
WRITE_ATTEMPTS = 8
#: PostgreSQL's codes for a transaction that lost to another: deadlock, serialization failure.
_RETRY_CODES = {"40P01", "40001"}


def _lost_race(exc: DBAPIError) -> bool:
    """True when another writer's concurrent transaction caused the error: a unique-constraint
    conflict, a deadlock or a serialization failure (writing the article again will succeed)."""
    return isinstance(exc, IntegrityError) or getattr(exc.orig, "sqlstate", None) in _RETRY_CODES


#: Called after each item: (item name, what happened: "stored", "duplicate" or "failed: reason").
Progress = Callable[[str, str], None]
#: Called after an article is newly stored, once its transaction is committed (e.g. alert rules).
Listener = Callable[[Analysis, Stored], None]


class Store:
    """A knowledge store over a database URL (or a SQLite file path); migrated on opening."""

    def __init__(self, db: str | Path | None = None, *, create: bool = True) -> None:
        self.url = database_url(db)
        if self.url.startswith("sqlite:///") and not create:
            path = Path(self.url[len("sqlite:///"):])
            if not path.exists():
                raise StoreError(f"{path}: no such store (ingest articles into it first)")
        self.engine = make_engine(self.url)
        migrate(self.engine, self.url)
        self._cache = WriterCache()
        self.listeners: list[Listener] = []

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    # -- writing ------------------------------------------------------------------------------

    def add(self, analysis: Analysis) -> Stored:
        """Store one analysis in one transaction (skipped when its document is already stored). When
        another writer won a race to insert the same key (or a deadlock was broken), the article is
        written again with the cache cleared, up to WRITE_ATTEMPTS times."""
        try:
            with guarded(self.url):
                stored = self._write_retrying(analysis)
        except BaseException:
            self._cache.clear()   # it may name rows of the transaction just rolled back
            raise
        if not stored.duplicate:
            for listener in self.listeners:
                listener(analysis, stored)
        return stored

    def _write_retrying(self, analysis: Analysis) -> Stored:
        """Write one article; when it lost a race with another writer, write it again (the last try
        raises whatever happens)."""
        for attempt in range(1, WRITE_ATTEMPTS):
            try:
                return self._write(analysis)
            except DBAPIError as exc:
                self._cache.clear()
                if not _lost_race(exc):
                    raise
                log.info("%s: lost a race with another writer (%s); writing it again",
                         analysis.document.source_id, type(exc.orig).__name__)
                time.sleep(random.uniform(0, 0.02 * attempt))  # out of step with the winner
        return self._write(analysis)

    def _write(self, analysis: Analysis) -> Stored:
        with self.engine.begin() as conn:
            return Writer(conn, self._cache).write(analysis)

    def ingest(self, paths: Iterable[str | Path], *, settings: Any = None, pipeline: Any = None,
               progress: Progress | None = None) -> IngestSummary:
        """Analyse and store every article of `paths` (files, folders, '-'); files of analyses
        (`marsad.analysis/1` JSON or JSON Lines) are stored as they are. Bad items are counted and
        named in the summary; the run goes on."""
        summary = IngestSummary()
        started = time.perf_counter()
        for name, analysis, error in self._items(paths, settings, pipeline):
            summary.read += 1
            if analysis is None:
                summary.failed.append((name, error or "unknown error"))
                outcome = f"failed: {error}"
            else:
                stored = self.add(analysis)
                if stored.duplicate:
                    summary.duplicates += 1
                    outcome = "duplicate"
                else:
                    summary.stored += 1
                    outcome = "stored"
            if progress is not None:
                progress(name, outcome)
        summary.seconds = time.perf_counter() - started
        return summary

    def _items(self, paths: Iterable[str | Path], settings: Any,
               pipeline: Any) -> Iterator[tuple[str, Analysis | None, str | None]]:
        from marsad.api import build_pipeline
        from marsad.ingest import iter_documents
        from marsad.settings import Settings

        settings = settings or Settings.load()
        for path in paths:
            p = Path(path)
            if str(path) != "-" and looks_like_analyses(p):
                for item in read_analyses(p):
                    yield item.item, item.analysis, item.error
                continue
            for result in iter_documents([path], settings):
                if result.document is None:
                    err = result.error or InputError(result.source_id, "could not be read")
                    yield result.source_id, None, err.reason
                    continue
                if pipeline is None:
                    pipeline = build_pipeline(settings)
                try:
                    yield result.source_id, pipeline(result.document), None
                except Exception as exc:  # noqa: BLE001 - one article's failure must not stop a batch
                    yield result.source_id, None, f"analysis failed ({type(exc).__name__}: {exc})"

    # -- reading (see marsad.store.query, marsad.store.timeline) -------------------------------

    def connect(self) -> Any:
        """A connection for reading (a context manager); database errors become StoreError."""
        return _Guarded(self)


class _Guarded:
    """`with store.connect() as conn:` with database errors turned into StoreError."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.guard = guarded(store.url)

    def __enter__(self) -> Any:
        self.guard.__enter__()
        try:
            self.conn = self.store.engine.connect()
        except BaseException as exc:   # an unreachable database: the guard turns it into a StoreError
            self.guard.__exit__(type(exc), exc, exc.__traceback__)
            raise
        return self.conn

    def __exit__(self, *exc: Any) -> bool | None:
        self.conn.close()
        return self.guard.__exit__(*exc)
