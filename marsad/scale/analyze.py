"""`marsad analyze`, in this process or over many workers: output written in input order (shard by
shard from workers), so that it is the same whichever way it ran; `resume` continues a JSON Lines
output file."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from marsad.errors import ConfigError
from marsad.scale.progress import counted, quiet
from marsad.scale.run import DEFAULT_RETRIES, run_ordered
from marsad.scale.shards import DEFAULT_SHARD_SIZE, Item, items_of, rejoin, shard_items
from marsad.scale.work import Task, analyse_in_process, analyse_shard


@dataclass(slots=True)
class AnalyzeSummary:
    """What a parallel analyze run did."""

    analysed: int = 0
    skipped: int = 0
    resumed: int = 0
    failed_shards: list[tuple[str, str]] = field(default_factory=list)


def done_ids(path: Path) -> set[str]:
    """Document ids of the complete lines of a JSON Lines output; a cut-off last line (an interrupted
    run) is removed from the file. Raises ConfigError when a complete line is not an analysis."""
    if not path.exists():
        return set()
    ids: set[str] = set()
    keep = 0
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            if not raw.endswith(b"\n"):
                break
            try:
                ids.add(json.loads(raw)["document"]["id"])
            except (ValueError, KeyError, TypeError):
                raise ConfigError(f"{path}:{n}: not a line of marsad analyze --format jsonl; cannot resume "
                                  "from this file") from None
            keep += len(raw)
    with open(path, "r+b") as fh:
        fh.truncate(keep)
    return ids


def _fresh(items: Iterable[Item], skip: set[str], summary: AnalyzeSummary) -> Iterator[Item]:
    for item in items:
        if item.document is not None and item.document.id in skip:
            summary.resumed += 1
            continue
        yield item


class _Pieces:
    """The run's format writer, fed pieces the workers rendered (or analyses, for a format that
    frames the whole run with its own writer)."""

    def __init__(self, task: Task, out: TextIO) -> None:
        from marsad.formats import OutputOptions, get_format, open_writer

        self.writer = open_writer(get_format(task.format), out, OutputOptions(tokens=task.tokens, color=task.color))

    def put(self, result: Any) -> None:
        """Write one item's output after the format's header or separator."""
        w = self.writer
        if result.text is None:
            w.write(result.analysis)
            return
        w.out.write(w.fmt.header if w.count == 0 else w.fmt.separator)
        w.out.write(result.text)
        w.count += 1


def analyze_run(items: Iterable[Item], task: Task, out: TextIO, executor_for: Callable[[bool], Any] | None, *,
                shard_size: int = DEFAULT_SHARD_SIZE, retries: int = DEFAULT_RETRIES, skip: set[str] | None = None,
                progress: Any = None) -> AnalyzeSummary:
    """Analyse `items`, writing each analysis to `out` in input order and counting them on `progress`
    (a `marsad.progress.Progress`; its messages: skipped, failed, warnings). The work runs on the
    executor `executor_for(more_than_one_shard)` returns, or in this process item by item when it
    returns None (or `executor_for` is None). Items whose document id is in `skip` are left out (a
    resumed run)."""
    progress = progress if progress is not None else quiet()
    summary = AnalyzeSummary()
    fresh = counted(_fresh(items, skip or set(), summary), progress)
    pieces = _Pieces(task, out)
    try:
        if executor_for is None:
            for result in analyse_in_process(fresh, task):
                _write(result, pieces, progress, summary)
            return summary
        shards = shard_items(fresh, shard_size)
        first, second = next(shards, None), next(shards, None)
        executor = executor_for(second is not None)
        if executor is None:
            for result in analyse_in_process(items_of(first, second, shards), task):
                _write(result, pieces, progress, summary)
            return summary
        with executor:
            for outcome in run_ordered(executor, analyse_shard, rejoin(first, second, shards), task, retries=retries):
                if outcome.ok:
                    for result in outcome.result:
                        _write(result, pieces, progress, summary)
                else:
                    _failed_shard(outcome, progress, summary)
                out.flush()
    finally:
        pieces.writer.close()
    return summary


def _write(r: Any, pieces: _Pieces, progress: Any, summary: AnalyzeSummary) -> None:
    """One item's outcome: its analysis written, or the reason it was skipped said and counted."""
    for w in r.warnings:
        progress.say(f"marsad: warning: {r.name}: {w}")
    if r.error is not None:
        summary.skipped += 1
        progress.say(f"marsad: skipped {r.error}")
        progress.done(r.reason or r.error)
    elif r.failed is not None:
        summary.skipped += 1
        progress.say(f"marsad: failed {r.name}: {r.failed}")
        progress.done(r.reason or "failed")
    else:
        pieces.put(r)
        summary.analysed += 1
        progress.done()


def _failed_shard(outcome: Any, progress: Any, summary: AnalyzeSummary) -> None:
    """A shard that failed after its retries: said once, its items counted as not analysed."""
    what = outcome.shard.describe()
    summary.failed_shards.append((what, outcome.error or ""))
    progress.say(f"marsad: {what} failed after {outcome.attempts} attempts: {outcome.error}")
    for _ in outcome.shard.items:
        progress.done("not analysed: its shard failed")
