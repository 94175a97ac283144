"""`marsad ingest`, in this process or over many workers: the analyses are made item by item here or
on workers, and one writer in this process stores them in input order (so the store is the one a
single-process run builds); articles already stored are skipped before they are analysed, so a rerun
resumes an interrupted run cheaply."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from marsad.errors import ConfigError
from marsad.scale.progress import counted, quiet
from marsad.scale.run import DEFAULT_RETRIES, run_ordered
from marsad.scale.shards import DEFAULT_SHARD_SIZE, Item, Shard, items_of, rejoin, shard_items
from marsad.scale.work import Task, analyse_in_process, analyse_shard
from marsad.store import IngestSummary, Store
from marsad.store import schema as t
from marsad.store.writer import Stored

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


def _unstored(store: Store, items: Iterable[Item], summary: IngestSummary, progress: Any) -> Iterator[Item]:
    """The items minus the documents the store already holds (counted as read and duplicate)."""
    batch: list[Item] = []

    def flush() -> Iterator[Item]:
        known = stored_ids(store, [i.document.id for i in batch if i.document is not None])
        for item in batch:
            if item.document is not None and item.document.id in known:
                summary.read += 1
                summary.duplicates += 1
                progress.done(ALREADY)
            else:
                yield item
        batch.clear()

    for item in items:
        batch.append(item)
        if len(batch) == _LOOKUP:
            yield from flush()
    yield from flush()


#: How an article the store already holds is counted on the progress display.
ALREADY = "already stored"
#: Analyses stored in one transaction (on SQLite); a rerun after an interruption redoes at most these.
WRITE_BATCH = 50


def ingest_run(store: Store, items: Iterable[Item], settings: Any, executor_for: Callable[[bool], Any] | None, *,
               shard_size: int = DEFAULT_SHARD_SIZE, retries: int = DEFAULT_RETRIES, workers_write: bool = False,
               progress: Any = None, pipeline: Any = None) -> ScaledIngest:
    """Analyse `items` and store the analyses in input order through this process's single writer,
    counting them on `progress` (a `marsad.progress.Progress`). The analyses are made on the executor
    `executor_for(more_than_one_shard)` returns, or in this process item by item (with `pipeline`,
    when given) when it returns None or `executor_for` is None. With `workers_write` (PostgreSQL),
    each worker stores its shard itself, at the same time as the others; the store's listeners (the
    alert rules) still hear of every article stored."""
    progress = progress if progress is not None else quiet()
    run = ScaledIngest(IngestSummary())
    started = time.perf_counter()
    if workers_write and not store.url.startswith("postgresql"):
        raise ConfigError("--workers-write needs a PostgreSQL store (SQLite takes one writer at a time)")
    fresh = _unstored(store, counted(items, progress), run.summary, progress)
    try:
        if executor_for is None:
            _in_process(store, fresh, settings, pipeline, run, progress)
            return run
        shards = shard_items(fresh, shard_size)
        first, second = next(shards, None), next(shards, None)
        executor = executor_for(second is not None)
        if executor is None:
            _in_process(store, items_of(first, second, shards), settings, pipeline, run, progress)
            return run
        task = (Task(settings, output="store", db=store.url, hand_back=bool(store.listeners)) if workers_write
                else Task(settings, output="analyses"))
        with executor, _Writes(store, run.summary, progress) as writes:
            for outcome in run_ordered(executor, analyse_shard, rejoin(first, second, shards), task, retries=retries):
                if outcome.ok:
                    for result in outcome.result:
                        writes.put(result)
                else:
                    writes.flush()
                    _failed_shard(outcome.shard, outcome.error or "", outcome.attempts, run, progress)
    finally:
        run.summary.seconds = time.perf_counter() - started
    return run


def _in_process(store: Store, items: Iterable[Item], settings: Any, pipeline: Any, run: ScaledIngest,
                progress: Any) -> None:
    with _Writes(store, run.summary, progress) as writes:
        for result in analyse_in_process(items, Task(settings, output="analyses"), pipeline):
            writes.put(result)


class _Writes:
    """Item results on their way into the store, in input order: analyses are stored `WRITE_BATCH`
    at a time (`Store.add_many`: one transaction on SQLite), the rest counted at once."""

    def __init__(self, store: Store, summary: IngestSummary, progress: Any) -> None:
        self.store, self.summary, self.progress = store, summary, progress
        self.waiting: list[Any] = []

    def __enter__(self) -> "_Writes":
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        if kind is None:
            self.flush()

    def put(self, r: Any) -> None:
        """One item's outcome: to store, stored by its worker (announced to the store's listeners),
        already stored, or failed with its reason."""
        summary, progress = self.summary, self.progress
        summary.read += 1
        if r.stored is not None:   # stored by the worker
            if r.stored == "stored":
                summary.stored += 1
                if r.analysis is not None:
                    self.store.announce(r.analysis, Stored(r.doc_id))
                progress.done()
            else:
                summary.duplicates += 1
                progress.done(ALREADY)
        elif r.analysis is None:
            reason = f"analysis failed ({r.failed})" if r.failed else (r.reason or r.error or "could not be read")
            summary.failed.append((r.name, reason))
            progress.say(f"marsad: skipped {r.name}: {reason}")
            progress.done(r.reason or reason)
        else:
            self.waiting.append(r.analysis)
            if len(self.waiting) >= WRITE_BATCH:
                self.flush()

    def flush(self) -> None:
        """Store the analyses waiting."""
        for stored in self.store.add_many(self.waiting):
            if stored.duplicate:
                self.summary.duplicates += 1
                self.progress.done(ALREADY)
            else:
                self.summary.stored += 1
                self.progress.done()
        self.waiting = []


def _failed_shard(shard: Shard, reason: str, attempts: int, run: ScaledIngest, progress: Any) -> None:
    what = shard.describe()
    run.failed_shards.append((what, reason))
    progress.say(f"marsad: {what} failed after {attempts} attempts: {reason}")
    for item in shard.items:
        run.summary.read += 1
        run.summary.failed.append((item.name, f"not stored: {what} failed ({reason})"))
        progress.done("not stored: its shard failed")
