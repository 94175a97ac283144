"""Running shards on an executor: a bounded number in flight, each failed shard retried, outcomes
handed back in input order (so a parallel run writes what a single-process run writes)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from marsad.errors import ConfigError, KnowledgeError, PipelineError
from marsad.scale.shards import Shard

log = logging.getLogger("marsad.scale")

#: Errors that no retry can mend (settings, knowledge files, the pipeline's make-up): the run stops.
FATAL = (ConfigError, KnowledgeError, PipelineError)

#: A shard is tried this many more times after a failure before it is reported.
DEFAULT_RETRIES = 2


@dataclass(slots=True)
class ShardOutcome:
    """What became of one shard: its result, or the reason it failed after `attempts` tries."""

    shard: Shard
    result: Any = None
    error: str | None = None
    attempts: int = 1

    @property
    def ok(self) -> bool:
        """True when the shard ran."""
        return self.error is None


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def run_ordered(executor: Any, fn: Callable[..., Any], shards: Iterable[Shard], *args: Any,
                retries: int = DEFAULT_RETRIES, ahead: int | None = None) -> Iterator[ShardOutcome]:
    """Run `fn(shard, *args)` for every shard on `executor`, at most `ahead` shards (default: twice
    the workers) in flight or waiting to be handed back; yield outcomes in shard order. A shard that
    raises (or whose worker dies) is run again up to `retries` times, then yielded with its reason."""
    ahead = ahead or max(2, 2 * executor.workers)
    source = iter(shards)
    pending: dict[int, tuple[Shard, Any, int]] = {}
    finished: dict[int, ShardOutcome] = {}
    next_index, exhausted = 0, False
    while True:
        while not exhausted and len(pending) + len(finished) < ahead:
            shard = next(source, None)
            if shard is None:
                exhausted = True
                break
            pending[shard.index] = (shard, executor.submit(fn, shard, *args), 1)
        if next_index in finished:
            yield finished.pop(next_index)
            next_index += 1
            continue
        if not pending:
            return
        executor.wait_any([fut for _, fut, _ in pending.values()])
        _collect(executor, fn, args, retries, pending, finished)


def _collect(executor: Any, fn: Callable[..., Any], args: tuple[Any, ...], retries: int,
             pending: dict[int, tuple[Shard, Any, int]], finished: dict[int, ShardOutcome]) -> None:
    """Move finished futures out of `pending`: results to `finished`, failures back in (retried)
    or to `finished` with their reason once the retries are spent."""
    failed: list[tuple[int, str]] = []
    for index, (shard, fut, attempts) in list(pending.items()):
        if not fut.done():
            continue
        try:
            finished[index] = ShardOutcome(shard, fut.result(), None, attempts)
            del pending[index]
        except FATAL:
            raise   # the pipeline cannot be built from these settings: no shard can succeed
        except Exception as exc:  # noqa: BLE001 - a shard's failure is reported, never raised
            failed.append((index, _reason(exc)))
    if failed:
        executor.recover()
    for index, reason in failed:
        shard, _, attempts = pending.pop(index)
        if attempts <= retries:
            log.warning("%s failed (%s); trying again (%d of %d)", shard.describe(), reason, attempts + 1,
                        retries + 1)
            pending[index] = (shard, executor.submit(fn, shard, *args), attempts + 1)
        else:
            finished[index] = ShardOutcome(shard, None, reason, attempts)
