"""Progress of a whole parallel run: items done of those read so far, shards, rate, failures."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from typing import TextIO

from marsad.scale.shards import Shard


class RunProgress:
    """A rewritten line on a terminal ('tty'), a line every `every` seconds elsewhere ('lines'),
    or nothing ('off'); `total` is filled in once the whole input has been cut into shards."""

    def __init__(self, mode: str, verb: str, *, stream: TextIO | None = None, every: float = 10.0) -> None:
        self.mode, self.verb, self.every = mode, verb, every
        self.stream = stream or sys.stderr
        self.items = self.shards = self.failed_shards = self.skipped = 0
        self.total_items: int | None = None
        self.total_shards: int | None = None
        self.started = time.perf_counter()
        self.last = 0.0

    def shard_done(self, items: int, skipped: int = 0, failed: bool = False) -> None:
        """Count one shard handed back (its `items`, of which `skipped` could not be used)."""
        self.shards += 1
        self.items += items
        self.skipped += skipped
        self.failed_shards += int(failed)
        self.show()

    def show(self, final: bool = False) -> None:
        """Print the progress line (always when `final`, else at most every `every` s off a terminal)."""
        now = time.perf_counter()
        if self.mode == "off" or (self.mode == "lines" and not final and now - self.last < self.every):
            return
        self.last = now
        self.stream.write(("\r" if self.mode == "tty" else "") + self.line(now)
                          + ("\n" if self.mode != "tty" or final else ""))
        self.stream.flush()

    def line(self, now: float | None = None) -> str:
        """The progress in words."""
        elapsed = max((now or time.perf_counter()) - self.started, 1e-9)
        rate = self.items / elapsed
        of = f"/{self.total_items}" if self.total_items is not None else ""
        shards = f"/{self.total_shards}" if self.total_shards is not None else ""
        text = f"marsad: {self.verb} {self.items}{of} items, shard {self.shards}{shards}, {rate:.1f}/s"
        if self.total_items and rate > 0 and self.items < self.total_items:
            text += f", about {(self.total_items - self.items) / rate:.0f} s left"
        if self.skipped:
            text += f", {self.skipped} skipped"
        if self.failed_shards:
            text += f", {self.failed_shards} shard(s) failed"
        return text


def rejoin(first: Shard | None, second: Shard | None, rest: Iterator[Shard],
           progress: RunProgress | None) -> Iterator[Shard]:
    """The shards again after the first two were looked at, counted so that `progress` knows the
    run's total once the whole input has been cut."""
    n = n_items = 0
    for shard in (first, second):
        if shard is not None:
            n, n_items = n + 1, n_items + len(shard.items)
            yield shard
    for shard in rest:
        n, n_items = n + 1, n_items + len(shard.items)
        yield shard
    if progress is not None:
        progress.total_shards, progress.total_items = n, n_items
