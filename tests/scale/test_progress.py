"""The progress line of a whole run: items and shards done, the total once known, failures."""

from __future__ import annotations

import io

from marsad.scale.progress import RunProgress, rejoin
from marsad.scale.shards import Item, shard_items


def test_progress_counts_the_whole_run() -> None:
    out = io.StringIO()
    progress = RunProgress("lines", "analysed", stream=out, every=0)
    shards = shard_items([Item(str(i)) for i in range(25)], 10)
    first, second = next(shards), next(shards)
    stream = rejoin(first, second, shards, progress)
    done = []
    for shard in stream:
        done.append(shard)
    assert [len(s.items) for s in done] == [10, 10, 5]
    assert progress.total_items == 25 and progress.total_shards == 3
    progress.shard_done(10)
    progress.shard_done(10, skipped=2, failed=True)
    line = out.getvalue().splitlines()[-1]
    assert line.startswith("marsad: analysed 20/25 items, shard 2/3, ")
    assert "2 skipped" in line and "1 shard(s) failed" in line and "s left" in line


def test_quiet_progress_prints_nothing() -> None:
    out = io.StringIO()
    progress = RunProgress("off", "ingested", stream=out)
    progress.shard_done(5)
    progress.show(final=True)
    assert out.getvalue() == ""
