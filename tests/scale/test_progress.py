"""The progress of a whole run: the total learnt once the input is read, items counted as they come
back, nothing shown when quiet."""

from __future__ import annotations

import io

import pytest

from marsad import progress as progress_module
from marsad.progress import Progress
from marsad.scale.progress import counted
from marsad.scale.shards import Item, items_of, shard_items


def test_the_total_is_learnt_once_the_input_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_module, "LINE_EVERY", 0.0)
    out = io.StringIO()
    progress = Progress("lines", stream=out)
    shards = shard_items(counted((Item(str(i)) for i in range(25)), progress), 10)
    first, second = next(shards), next(shards)
    assert progress.total is None                     # 20 items read so far, more to come
    rest = list(items_of(first, second, shards))
    assert [i.name for i in rest] == [str(i) for i in range(25)]
    assert progress.total == 25
    for _ in range(23):
        progress.done()
    progress.done("x: too long (5 s)")
    progress.done("y: too long (7 s)")
    line = out.getvalue().splitlines()[-1]
    assert line.startswith("marsad: 25 of 25 read, 23 analysed, 2 skipped")
    progress.close()
    assert "25 read, 23 analysed, 2 skipped (x: too long: 1; y: too long: 1)" in out.getvalue().splitlines()[-1]


def test_a_total_known_ahead_is_kept() -> None:
    progress = Progress("off", total=40)
    list(counted([Item("a")], progress))
    assert progress.total == 40


def test_quiet_progress_prints_only_messages() -> None:
    out = io.StringIO()
    progress = Progress("off", stream=out, verb="stored")
    progress.done()
    progress.say("marsad: skipped a: unreadable")
    progress.close(summary=False)
    assert out.getvalue() == "marsad: skipped a: unreadable\n"
