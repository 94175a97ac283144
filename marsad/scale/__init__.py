"""Parallel runs of `analyze` and `ingest`: the input cut into shards, each shard analysed on a worker
(a local process pool or a Dask cluster), results taken back in input order.

    from marsad.scale import LocalPool, run_ordered
    with LocalPool(2) as pool:
        for outcome in run_ordered(pool, analyse_shard, shards, task):
            ...
"""

from marsad.scale.executors import DaskExecutor, Executor, InlineExecutor, LocalPool, make_executor
from marsad.scale.run import ShardOutcome, run_ordered
from marsad.scale.shards import Item, Shard, shard_items

__all__ = ["DaskExecutor", "Executor", "InlineExecutor", "Item", "LocalPool", "Shard", "ShardOutcome",
           "make_executor", "run_ordered", "shard_items"]
