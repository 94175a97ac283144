"""Tasks for the executor tests: they run in worker processes, so they live in an importable module.
`marks` is a folder where a task leaves a file per attempt, so that it can fail only the first time."""

from __future__ import annotations

import os
from pathlib import Path

from marsad.scale.shards import Shard


def _first_attempt(marks: str, shard: Shard) -> bool:
    mark = Path(marks) / f"shard-{shard.index}"
    first = not mark.exists()
    mark.write_text("tried", encoding="utf-8")
    return first


def names(shard: Shard, marks: str) -> list[str]:
    """The items' names, with the process id that handled them."""
    return [f"{item.name}@{os.getpid()}" for item in shard.items]


def flaky(shard: Shard, marks: str) -> list[str]:
    """Shard 1 raises on its first attempt; every shard then gives its items' names."""
    if shard.index == 1 and _first_attempt(marks, shard):
        raise RuntimeError("the database went away")
    return [item.name for item in shard.items]


def dies(shard: Shard, marks: str) -> list[str]:
    """Shard 2's worker process dies on its first attempt (as when the kernel kills it)."""
    if shard.index == 2 and _first_attempt(marks, shard):
        os._exit(9)
    return [item.name for item in shard.items]


def broken(shard: Shard, marks: str) -> list[str]:
    """Shard 0 always fails."""
    if shard.index == 0:
        raise ValueError("bad shard")
    return [item.name for item in shard.items]


def pipelines() -> int:
    """How many pipelines this worker process has built (run on each Dask worker)."""
    from marsad.scale import work

    return len(work._PIPELINES)


#: An article holding this word never ends in `slow_framing`'s pipeline (until its time limit).
SLOW_WORD = "بطيء"


def slow_framing(resources: object) -> object:
    """A stand-in for the framing component that keeps analysing (busy, as a slow pure-Python analysis
    is) an article holding SLOW_WORD, for up to 60 s. The process that builds it allows any article
    at least 0.5 s instead of 10 s, so that the time limit is reached quickly."""
    import time

    from marsad import limits

    limits.MIN_SECONDS = 0.5

    def run(analysis: object) -> object:
        if SLOW_WORD in analysis.document.text:
            until = time.monotonic() + 60
            while time.monotonic() < until:
                pass
        analysis.framing = []
        return analysis
    return run
