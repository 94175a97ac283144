"""Where shards run: in this process, in a local process pool, or on a Dask cluster.

Every executor has the same small surface: `submit(fn, *args)` returns a future (with `done()` and
`result()`), `wait_any(futures)` blocks until one is done, `workers` says how many run at once.
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from marsad.errors import ConfigError


class Executor(Protocol):
    """What `run_ordered` needs of an executor."""

    workers: int

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Start `fn(*args)`; a future."""

    def wait_any(self, futures: Sequence[Any]) -> None:
        """Block until at least one of `futures` is done."""

    def recover(self) -> None:
        """Make the executor usable again after a worker died (a no-op where it heals itself)."""

    def close(self) -> None:
        """Stop the workers this executor started."""


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class _Context:
    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()  # type: ignore[attr-defined]


class InlineExecutor(_Context):
    """Runs each task at once in this process (a run of one shard, or `--workers 1`)."""

    workers = 1

    def submit(self, fn: Callable[..., Any], *args: Any) -> cf.Future[Any]:
        """Run `fn(*args)` now; a finished future."""
        fut: cf.Future[Any] = cf.Future()
        try:
            fut.set_result(fn(*args))
        except Exception as exc:  # noqa: BLE001 - handed to the caller through the future
            fut.set_exception(exc)
        return fut

    def wait_any(self, futures: Sequence[Any]) -> None:
        """Nothing to wait for: every future is finished."""

    def recover(self) -> None:
        """Nothing to recover."""

    def close(self) -> None:
        """Drop the pipeline the tasks built in this process."""
        from marsad.scale.work import forget_pipelines

        forget_pipelines()


class LocalPool(_Context):
    """A pool of `workers` processes on this machine (started by forkserver, so each worker begins
    clean and builds its own pipeline once)."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or default_workers()
        methods = multiprocessing.get_all_start_methods()
        self._ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        self._pool = self._new_pool()

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(max_workers=self.workers, mp_context=self._ctx)

    def submit(self, fn: Callable[..., Any], *args: Any) -> cf.Future[Any]:
        """Start `fn(*args)` on a worker process."""
        return self._pool.submit(fn, *args)

    def wait_any(self, futures: Sequence[Any]) -> None:
        """Block until one future is done."""
        cf.wait(futures, return_when=cf.FIRST_COMPLETED)

    def recover(self) -> None:
        """Replace the pool when a worker process died (the old pool refuses new work)."""
        if getattr(self._pool, "_broken", False):
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()

    def close(self) -> None:
        """Stop the worker processes."""
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor(_Context):
    """Tasks on a Dask cluster: the scheduler at `scheduler` (tcp://host:port), else a LocalCluster
    of `workers` single-threaded worker processes started here and stopped by `close()`."""

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:  # pragma: no cover - dask is a dependency
            raise ConfigError("--executor dask needs dask.distributed (pip install 'dask[distributed]')") from None
        self._cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="20s")
            else:
                # its workers' logs would repeat, with tracebacks, the failures the driver reports; the
                # workers' sampling profiler (every 10 ms) costs a pure-Python pipeline dear
                import dask

                with dask.config.set({"distributed.worker.profile.enabled": False}):
                    self._cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                                                 processes=True, dashboard_address=None,
                                                 silence_logs=logging.CRITICAL)
                self.client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise ConfigError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        threads = self.client.nthreads()
        if not threads and scheduler:
            self.client.wait_for_workers(1, timeout=60)
            threads = self.client.nthreads()
        self.workers = max(1, sum(threads.values()))

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Start `fn(*args)` on some worker (a fresh task each time: a retry is a new task)."""
        return self.client.submit(fn, *args, pure=False)

    def wait_any(self, futures: Sequence[Any]) -> None:
        """Block until one future is done."""
        from distributed import wait

        wait(list(futures), return_when="FIRST_COMPLETED")

    def recover(self) -> None:
        """Dask replaces dead workers' tasks itself."""

    def close(self) -> None:
        """Disconnect; stop the LocalCluster when this executor started one."""
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_executor(kind: str, workers: int | None = None, scheduler: str | None = None) -> Any:
    """The executor named on the command line: 'local' (a process pool, or this process when one
    worker is asked for) or 'dask' (`scheduler`, else a LocalCluster)."""
    if kind == "dask":
        return DaskExecutor(scheduler, workers)
    if kind != "local":
        raise ConfigError(f"unknown executor {kind!r} (local or dask)")
    if scheduler:
        raise ConfigError("--scheduler goes with --executor dask")
    n = workers or default_workers()
    return InlineExecutor() if n == 1 else LocalPool(n)
