"""What a worker does with a shard: analyse its documents with the worker's pipeline (built once per
process and kept), then hand back rendered output (analyze) or the analyses (ingest)."""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from marsad.errors import MarsadError
from marsad.scale.limit import article_limit
from marsad.scale.shards import Item, Shard

_PIPELINES: dict[bytes, Any] = {}


@dataclass(frozen=True, slots=True)
class Task:
    """How to treat a shard: the settings to build the pipeline from, and what to hand back:
    'analyses' (for the store), 'rendered' (each analysis in output format `format`, with `color`
    and `tokens`; the analysis itself for a format that frames a whole run its own way), or 'store':
    the worker stores the analyses itself into the store at `db` (PostgreSQL) and says what it did,
    handing the analyses it stored back too when `hand_back` (the driver's alert rules read them)."""

    settings: Any
    output: str = "analyses"
    format: str = "jsonl"
    color: bool = False
    tokens: bool = True
    db: str | None = None
    hand_back: bool = False


@dataclass(slots=True)
class ItemResult:
    """One item after the worker: rendered text or the analysis; else `error` (it could not be read,
    or its analysis ran past the time limit: the message, naming the item) or `failed` (the analysis
    raised: 'TypeName: message'); `reason` says why without the item's name (the end summary groups
    items by it); warnings to show."""

    name: str
    doc_id: str | None = None
    text: str | None = None
    analysis: Any = None
    error: str | None = None
    failed: str | None = None
    reason: str | None = None
    warnings: list[str] = field(default_factory=list)
    stored: str | None = None     # with output 'store': 'stored' or 'duplicate'


_STORES: dict[str, Any] = {}


def store_for(db: str) -> Any:
    """This process's store at `db`, opened on first use and kept (its writer cache with it)."""
    store = _STORES.get(db)
    if store is None:
        from marsad.store import Store

        store = _STORES[db] = Store(db)
    return store


def pipeline_for(settings: Any) -> Any:
    """This process's pipeline for `settings`, built on first use and kept for later shards."""
    key = pickle.dumps(settings)
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        from marsad.api import build_pipeline

        pipeline = _PIPELINES[key] = build_pipeline(settings)
    return pipeline


def forget_pipelines() -> None:
    """Drop this process's pipelines and stores (after a run in the driver itself: its memory, and
    the next run builds afresh, as a single-process run does)."""
    _PIPELINES.clear()
    for store in _STORES.values():
        store.close()
    _STORES.clear()


def analyse_shard(shard: Shard, task: Task) -> list[ItemResult]:
    """Analyse every document of `shard`; one article's failure is its item's error, never the shard's."""
    needs = any(item.analysis is None and item.document is not None for item in shard.items)
    pipeline = pipeline_for(task.settings) if needs else None   # analyses already made need none
    return [analyse_item(item, pipeline, task) for item in shard.items]


def analyse_in_process(items: Iterable[Item], task: Task, pipeline: Any = None) -> Iterator[ItemResult]:
    """Every item analysed in this process, one at a time as it is read (a run of one process, or an
    input too small to share out); the pipeline (`pipeline`, else this process's for the task's
    settings, built at the first document) is let go at the end."""
    own = pipeline is None
    try:
        for item in items:
            if pipeline is None and item.document is not None and item.analysis is None:
                pipeline = pipeline_for(task.settings)
            yield analyse_item(item, pipeline, task)
    finally:
        if own:
            forget_pipelines()


def analyse_shard_measured(shard: Shard, task: Task) -> tuple[list[ItemResult], dict[str, float]]:
    """`analyse_shard`, plus this worker's process id, CPU seconds so far and peak memory (MB), for
    benchmarks and capacity planning."""
    import os
    import resource

    results = analyse_shard(shard, task)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return results, {"pid": os.getpid(), "cpu_s": usage.ru_utime + usage.ru_stime,
                     "peak_rss_mb": usage.ru_maxrss / 1024}


def analyse_item(item: Item, pipeline: Any, task: Task) -> ItemResult:
    """One item through the pipeline (within its time limit) and into what `task` asks for; a
    failure or an item past its time limit is the result's error, never raised."""
    if item.document is None and item.analysis is None:
        return ItemResult(item.name, error=item.error or f"{item.name}: could not be read",
                          reason=item.reason or item.error or "could not be read")
    out = ItemResult(item.name)
    analysis = item.analysis
    if analysis is None:
        out.warnings = list(item.document.warnings)
        try:
            with article_limit(len(item.document.text), task.settings.time_limit, item.name):
                analysis = pipeline(item.document)
        except MarsadError as exc:   # the time limit, or an input the pipeline refused
            out.error, out.reason = str(exc), getattr(exc, "reason", str(exc))
            return out
        except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the batch
            out.failed, out.reason = f"{type(exc).__name__}: {exc}", f"failed ({type(exc).__name__})"
            return out
    out.doc_id = analysis.document.id
    if task.output == "store":
        out.stored = "duplicate" if store_for(task.db or "").add(analysis).duplicate else "stored"
        if task.hand_back and out.stored == "stored":
            out.analysis = dataclasses.replace(analysis, tokens=[], work={})
    elif task.output == "analyses":  # for the store, which keeps neither tokens nor working layers
        out.analysis = dataclasses.replace(analysis, tokens=[], work={})
    else:
        from marsad.formats import OutputOptions, get_format

        fmt = get_format(task.format)
        if fmt.writer is None:
            out.text = fmt.render(analysis, OutputOptions(tokens=task.tokens, color=task.color))
        else:   # the format's own writer frames the run: the driver renders
            out.analysis = dataclasses.replace(analysis, work={})
    return out
