"""Shards on real executors (this process, a local process pool): input order kept, a failed shard
tried again, a dead worker replaced, a shard that keeps failing reported with its reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import scale_tasks

from marsad.scale import InlineExecutor, Item, LocalPool, run_ordered, shard_items

ITEMS = [Item(f"a{i}") for i in range(23)]


@pytest.fixture(scope="module")
def pool() -> LocalPool:
    with LocalPool(2) as p:
        yield p


def _names(outcomes: list) -> list[str]:
    return [n.split("@")[0] for o in outcomes for n in o.result]


def test_shards_cut_in_order() -> None:
    shards = list(shard_items(ITEMS, 5))
    assert [len(s.items) for s in shards] == [5, 5, 5, 5, 3]
    assert [s.start for s in shards] == [0, 5, 10, 15, 20]
    assert shards[1].describe() == "shard 2 (items 6-10, from a5)"
    with pytest.raises(ValueError):
        list(shard_items(ITEMS, 0))


def test_pool_keeps_input_order_across_processes(pool: LocalPool, tmp_path: Path) -> None:
    outcomes = list(run_ordered(pool, scale_tasks.names, shard_items(ITEMS, 2), str(tmp_path)))
    assert _names(outcomes) == [i.name for i in ITEMS]
    assert all(o.ok and o.attempts == 1 for o in outcomes)
    pids = {n.split("@")[1] for o in outcomes for n in o.result}
    # the shards ran in the pool's processes (which of the two takes which shard is the scheduler's
    # affair: on a loaded machine one process may take them all)
    assert pids and str(os.getpid()) not in pids and len(pids) <= 2


def test_failed_shard_is_tried_again(pool: LocalPool, tmp_path: Path) -> None:
    outcomes = list(run_ordered(pool, scale_tasks.flaky, shard_items(ITEMS, 5), str(tmp_path)))
    assert _names(outcomes) == [i.name for i in ITEMS]
    assert [o.attempts for o in outcomes] == [1, 2, 1, 1, 1]


def test_dead_worker_is_replaced_and_its_shard_run_again(tmp_path: Path) -> None:
    with LocalPool(2) as fresh:
        outcomes = list(run_ordered(fresh, scale_tasks.dies, shard_items(ITEMS, 5), str(tmp_path)))
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    assert _names(outcomes) == [i.name for i in ITEMS]
    assert outcomes[2].attempts == 2


def test_shard_that_keeps_failing_is_reported_with_its_reason(tmp_path: Path) -> None:
    outcomes = list(run_ordered(InlineExecutor(), scale_tasks.broken, shard_items(ITEMS, 10), str(tmp_path),
                                retries=2))
    assert [o.ok for o in outcomes] == [False, True, True]
    assert outcomes[0].attempts == 3 and outcomes[0].error == "ValueError: bad shard"
    assert _names(outcomes[1:]) == [i.name for i in ITEMS[10:]]
