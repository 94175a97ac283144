"""Running the pipeline for the server: each worker analyses one article at a time, requests are
served in order of arrival, and the event loop stays free to read and answer other requests.

With one worker the pipeline runs in a thread of this process. With more (`marsad serve --workers N`,
by default one per core), each worker is a process with its own pipeline, and every request goes to
the next free worker whichever connection it came on, so that concurrent clients share the workers
fairly. A worker process also writes the analysis JSON, so rendering is spread over the cores too.
"""

from __future__ import annotations

import asyncio
import concurrent.futures as cf
import dataclasses
import gc
import json
import logging
import multiprocessing
import os
import signal
import threading
from typing import Any

from marsad.errors import MarsadError
from marsad.model import Analysis, Document

log = logging.getLogger("marsad.server")

#: What a worker answers: ("ok", result) or ("error", HTTP status, message); errors travel as plain
#: data, never as exception objects (not every exception can be rebuilt in the server's process).
Outcome = tuple[Any, ...]


def dumps(data: Any) -> bytes:
    """Compact JSON, Arabic kept as is."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class _Worker:
    """The pipeline of one worker (built on first use from the server's settings)."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self.pipeline: Any = None

    def ready(self) -> Any:
        """The pipeline, built now if need be; the long-lived objects it holds (knowledge base,
        lexicons, models) are then moved out of the garbage collector's sight (`gc.freeze`), so that
        a full collection does not walk them again during every request."""
        if self.pipeline is None:
            from marsad.api import build_pipeline

            self.pipeline = build_pipeline(self.settings)
            gc.collect()
            gc.freeze()
        return self.pipeline

    def json(self, doc: Document, tokens: bool) -> Outcome:
        """The analysis JSON (bytes) of one document."""
        return _guarded(lambda: dumps(self.ready()(doc).to_dict(tokens=tokens)))

    def analysis(self, doc: Document) -> Outcome:
        """The analysis of one document, without its working layers (which hold shared resources)."""
        return _guarded(lambda: dataclasses.replace(self.ready()(doc), work={}))


def _guarded(step: Any) -> Outcome:
    """Run `step`; a failure becomes ("error", status, message)."""
    try:
        return ("ok", step())
    except MarsadError as exc:
        from marsad.server.errors import status_of

        return ("error", status_of(exc), str(exc))
    except Exception as exc:  # noqa: BLE001 - reported to the client as a 500, logged here
        log.error("analysis failed: %s: %s", type(exc).__name__, exc, exc_info=exc)
        return ("error", 500, f"internal error ({type(exc).__name__})")


# -- worker processes ------------------------------------------------------------------------------

_PROCESS_WORKER: _Worker | None = None


def _start_process(settings: Any, ready: Any) -> None:
    """Initializer of a worker process: build its pipeline at once and count itself in `ready` (a
    shared integer); a failure waits for the first request, which reports it."""
    global _PROCESS_WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C stops the server, which stops its workers
    threading.Thread(target=_end_with_server, daemon=True, name="marsad-watch-server").start()
    _PROCESS_WORKER = _Worker(settings)
    try:
        _PROCESS_WORKER.ready()
    except Exception as exc:  # noqa: BLE001 - reported by the first request that needs it
        log.debug("worker pipeline not built: %s", exc)
        return
    with ready.get_lock():
        ready.value += 1


_NOT_STARTED: Outcome = ("error", 503, "the analysis worker did not start")


def _end_with_server() -> None:
    """Wait for the server's process to end, then end this worker (even in the middle of building
    its pipeline or of an analysis): a server stopped by force leaves no worker behind."""
    server = multiprocessing.parent_process()
    if server is not None:
        server.join()
        os._exit(0)


def _process_json(doc: Document, tokens: bool) -> Outcome:
    """The analysis JSON of one document, in a worker process."""
    return _NOT_STARTED if _PROCESS_WORKER is None else _PROCESS_WORKER.json(doc, tokens)


def _process_analysis(doc: Document) -> Outcome:
    """The analysis of one document, in a worker process."""
    return _NOT_STARTED if _PROCESS_WORKER is None else _PROCESS_WORKER.analysis(doc)


def _process_ready() -> bool:
    """Whether this worker process has its pipeline (a task that makes the pool start a process)."""
    return _PROCESS_WORKER is not None and _PROCESS_WORKER.pipeline is not None


class Analyser:
    """The server's analysis workers: `workers` = 1 runs the pipeline in a thread of this process,
    more run a pool of that many processes. Settings are loaded on first use (`settings_loader`)."""

    def __init__(self, settings_loader: Any, workers: int = 1) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self._load_settings = settings_loader
        self._lock = threading.Lock()
        self._executor: cf.Executor | None = None
        self._worker: _Worker | None = None
        self._ready: Any = None

    def _pool(self) -> cf.Executor:
        with self._lock:
            if self._executor is None:
                settings = self._load_settings()
                if self.workers == 1:
                    self._worker = _Worker(settings)
                    self._executor = cf.ThreadPoolExecutor(1, thread_name_prefix="marsad-analyse")
                else:
                    methods = multiprocessing.get_all_start_methods()
                    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
                    self._ready = ctx.Value("i", 0)
                    self._executor = cf.ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_start_process,
                                                            initargs=(settings, self._ready))
            return self._executor

    def start(self) -> None:
        """Start every worker now and have it build its pipeline in the background."""
        pool = self._pool()
        if self._worker is not None:
            pool.submit(self._worker.ready)
        else:
            for _ in range(self.workers):
                pool.submit(_process_ready)

    def status(self) -> dict[str, int]:
        """How many workers there are and how many have built their pipeline."""
        if self._worker is not None:
            ready = int(self._worker.pipeline is not None)
        else:
            ready = self._ready.value if self._ready is not None and self._executor is not None else 0
        return {"workers": self.workers, "ready": ready}

    def _submit(self, kind: str, *args: Any) -> cf.Future[Outcome]:
        """Hand one analysis to the workers (a pool whose process died is replaced first)."""
        pool = self._pool()
        if self._worker is not None:
            fn = self._worker.json if kind == "json" else self._worker.analysis
            return pool.submit(fn, *args)
        task = _process_json if kind == "json" else _process_analysis
        try:
            return pool.submit(task, *args)
        except cf.process.BrokenProcessPool:
            self._replace_pool()
            return self._pool().submit(task, *args)

    def _outcome(self, future: cf.Future[Outcome]) -> Any:
        """The result of a finished future; a worker's error raised as an ApiError."""
        from marsad.server.errors import ApiError

        try:
            outcome = future.result()
        except cf.process.BrokenProcessPool:
            self._replace_pool()
            raise ApiError(503, "an analysis worker stopped during the request; try again") from None
        if outcome[0] == "error":
            raise ApiError(outcome[1], outcome[2])
        return outcome[1]

    def _replace_pool(self) -> None:
        """Drop the process pool if it is broken (a worker died); the next request starts a new one.
        A pool already replaced by a concurrent request is left alone."""
        with self._lock:
            pool = self._executor
            if pool is None or not getattr(pool, "_broken", False):
                return
            self._executor = None
        log.warning("an analysis worker process died: starting new workers")
        pool.shutdown(wait=False, cancel_futures=True)

    async def json(self, doc: Document, tokens: bool = False) -> bytes:
        """The analysis JSON of one document, waited for without blocking the event loop."""
        future = self._submit("json", doc, tokens)
        try:   # a client that goes away cancels its analysis if it has not started
            await asyncio.wrap_future(future)
        except cf.process.BrokenProcessPool:
            pass   # reported by _outcome
        return self._outcome(future)

    def analyse(self, doc: Document) -> Analysis:
        """The analysis of one document (blocks: for endpoints that run in a thread)."""
        future = self._submit("analysis", doc)
        cf.wait([future])
        return self._outcome(future)

    def close(self) -> None:
        """Stop the workers (a pipeline built in this process is handed back to the garbage collector)."""
        with self._lock:
            pool, self._executor = self._executor, None
            worker, self._worker = self._worker, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        if worker is not None and worker.pipeline is not None:
            gc.unfreeze()
