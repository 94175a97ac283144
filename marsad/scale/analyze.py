"""`marsad analyze` over many workers: output written in input order, shard by shard, so that it is
the same as a single-process run's; `resume` continues a JSON Lines output file."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from marsad.errors import ConfigError
from marsad.scale.progress import RunProgress, rejoin
from marsad.scale.run import DEFAULT_RETRIES, run_ordered
from marsad.scale.shards import DEFAULT_SHARD_SIZE, Item, shard_items
from marsad.scale.work import Task, analyse_shard


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


def analyze_run(items: Iterable[Item], task: Task, out: TextIO, executor_for: Callable[[bool], Any], *,
                shard_size: int = DEFAULT_SHARD_SIZE, retries: int = DEFAULT_RETRIES, skip: set[str] | None = None,
                progress: RunProgress | None = None, err: TextIO | None = None) -> AnalyzeSummary:
    """Analyse `items` shard by shard on the executor `executor_for(many_shards)` returns, writing each
    analysis to `out` in input order and messages to `err`; items whose document id is in `skip`
    are left out (a resumed run)."""
    err = err or sys.stderr
    summary = AnalyzeSummary()
    shards = shard_items(_fresh(items, skip or set(), summary), shard_size)
    first, second = next(shards, None), next(shards, None)
    pieces = _Pieces(task, out)
    with executor_for(second is not None) as executor:
        stream = rejoin(first, second, shards, progress)
        for outcome in run_ordered(executor, analyse_shard, stream, task, retries=retries):
            before = summary.skipped
            if outcome.ok:
                _write(outcome.result, pieces, err, summary)
            else:
                summary.failed_shards.append((outcome.shard.describe(), outcome.error or ""))
                err.write(f"marsad: {outcome.shard.describe()} failed after {outcome.attempts} attempts: "
                          f"{outcome.error}\n")
            out.flush()
            if progress is not None:
                progress.shard_done(len(outcome.shard.items), summary.skipped - before, failed=not outcome.ok)
    pieces.writer.close()
    if progress is not None:
        progress.show(final=True)
    return summary


def _write(results: list[Any], pieces: _Pieces, err: TextIO, summary: AnalyzeSummary) -> None:
    for r in results:
        if r.error is not None:
            summary.skipped += 1
            err.write(f"marsad: skipped {r.error}\n")
            continue
        for w in r.warnings:
            err.write(f"marsad: warning: {r.name}: {w}\n")
        if r.failed is not None:
            summary.skipped += 1
            err.write(f"marsad: failed {r.name}: {r.failed}\n")
            continue
        summary.analysed += 1
        pieces.put(r)
