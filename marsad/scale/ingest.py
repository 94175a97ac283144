"""`marsad ingest` over many workers: workers analyse, one writer in the driver stores the analyses
in input order (so the store is the one a single-process run builds); articles already stored are
skipped before they are sent out, so a rerun resumes an interrupted run cheaply."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from sqlalchemy import select

from marsad.errors import ConfigError
from marsad.scale.progress import RunProgress, rejoin
from marsad.scale.run import DEFAULT_RETRIES, run_ordered
from marsad.scale.shards import DEFAULT_SHARD_SIZE, Item, Shard, shard_items
from marsad.scale.work import Task, analyse_shard
from marsad.store import IngestSummary, Store
from marsad.store import schema as t

#: Document ids looked up in the store at once when leaving out what is already stored.
_LOOKUP = 500


@dataclass(slots=True)
class ScaledIngest:
    """An ingest summary plus the shards that failed after their retries (their items are counted
    as failed in the summary too)."""

    summary: IngestSummary
    failed_shards: list[tuple[str, str]] = field(default_factory=list)


def stored_ids(store: Store, ids: list[str]) -> set[str]:
    """Which of `ids` the store already holds."""
    found: set[str] = set()
    with store.connect() as conn:
        for i in range(0, len(ids), _LOOKUP):
            chunk = ids[i:i + _LOOKUP]
            found.update(r[0] for r in conn.execute(select(t.articles.c.id).where(t.articles.c.id.in_(chunk))))
    return found


def _unstored(store: Store, items: Iterable[Item], summary: IngestSummary) -> Iterator[Item]:
    """The items minus the documents the store already holds (counted as read and duplicate)."""
    batch: list[Item] = []

    def flush() -> Iterator[Item]:
        known = stored_ids(store, [i.document.id for i in batch if i.document is not None])
        for item in batch:
            if item.document is not None and item.document.id in known:
                summary.read += 1
                summary.duplicates += 1
            else:
                yield item
        batch.clear()

    for item in items:
        batch.append(item)
        if len(batch) == _LOOKUP:
            yield from flush()
    yield from flush()


def ingest_run(store: Store, items: Iterable[Item], settings: Any, executor_for: Callable[[bool], Any], *,
               shard_size: int = DEFAULT_SHARD_SIZE, retries: int = DEFAULT_RETRIES, workers_write: bool = False,
               progress: RunProgress | None = None, err: TextIO | None = None) -> ScaledIngest:
    """Analyse `items` on the executor `executor_for(many_shards)` returns and store the analyses in
    input order through this process's single writer; with `workers_write` (PostgreSQL), each worker
    stores its shard itself, at the same time as the others."""
    err = err or sys.stderr
    run = ScaledIngest(IngestSummary())
    started = time.perf_counter()
    shards = shard_items(_unstored(store, items, run.summary), shard_size)
    first, second = next(shards, None), next(shards, None)
    if workers_write and not store.url.startswith("postgresql"):
        raise ConfigError("--workers-write needs a PostgreSQL store (SQLite takes one writer at a time)")
    task = Task(settings, output="store", db=store.url) if workers_write else Task(settings, output="analyses")
    with executor_for(second is not None) as executor:
        for outcome in run_ordered(executor, analyse_shard, rejoin(first, second, shards, progress), task, retries=retries):
            before = len(run.summary.failed)
            if outcome.ok:
                _store(store, outcome.result, run.summary)
            else:
                _failed_shard(outcome.shard, outcome.error or "", outcome.attempts, run, err)
            if progress is not None:
                progress.shard_done(len(outcome.shard.items), len(run.summary.failed) - before,
                                    failed=not outcome.ok)
    if progress is not None:
        progress.show(final=True)
    run.summary.seconds = time.perf_counter() - started
    return run


def _store(store: Store, results: list[Any], summary: IngestSummary) -> None:
    for r in results:
        summary.read += 1
        if r.stored is not None:   # stored by the worker
            summary.stored += r.stored == "stored"
            summary.duplicates += r.stored == "duplicate"
            continue
        if r.analysis is None:
            summary.failed.append((r.name, r.error or f"analysis failed ({r.failed})"))
            continue
        if store.add(r.analysis).duplicate:
            summary.duplicates += 1
        else:
            summary.stored += 1


def _failed_shard(shard: Shard, reason: str, attempts: int, run: ScaledIngest, err: TextIO) -> None:
    what = shard.describe()
    run.failed_shards.append((what, reason))
    err.write(f"marsad: {what} failed after {attempts} attempts: {reason}\n")
    for item in shard.items:
        run.summary.read += 1
        run.summary.failed.append((item.name, f"not stored: {what} failed ({reason})"))
