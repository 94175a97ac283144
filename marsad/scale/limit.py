"""The per-article time limit wherever an article is analysed: in a main thread by the timer signal
of `marsad.limits`, in any other thread (a Dask worker runs its tasks in one) by a watchdog thread
that raises `TimeLimitError` in the analysing thread once its time is up.

The watchdog's exception is delivered between two Python instructions, as a signal handler's is, so
both stop the same pure-Python analysis at the same point.
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from marsad.errors import TimeLimitError
from marsad.limits import can_limit, limit_for, time_limit


def overtime_reason(seconds: float) -> str:
    """The reason an article stopped by its time limit is reported with (the words of `marsad.limits`)."""
    return (f"analysis stopped after {seconds:.0f} s, the time limit for its size "
            "(raise time_limit in marsad.toml or $MARSAD_TIME_LIMIT, 0 turns it off)")


class _Watchdog:
    """One daemon thread per process holding the deadlines of the threads being timed."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, int, type[BaseException]]] = []
        self._live: set[int] = set()
        self._ticket = itertools.count()
        self._thread: threading.Thread | None = None

    def arm(self, seconds: float, exc: type[BaseException]) -> int:
        """Raise `exc` in the calling thread after `seconds` unless disarmed first; a ticket."""
        ticket = next(self._ticket)
        with self._cond:
            heapq.heappush(self._heap, (time.monotonic() + seconds, ticket, threading.get_ident(), exc))
            self._live.add(ticket)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="marsad-time-limit", daemon=True)
                self._thread.start()
            self._cond.notify()
        return ticket

    def disarm(self, ticket: int) -> bool:
        """Cancel a deadline; False when it was cancelled in time, True when its exception was sent."""
        with self._cond:
            if ticket in self._live:
                self._live.discard(ticket)
                return False
        return True

    def _run(self) -> None:
        with self._cond:
            while True:
                while self._heap and self._heap[0][1] not in self._live:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._cond.wait()
                    continue
                due, ticket, thread, exc = self._heap[0]
                now = time.monotonic()
                if now < due:
                    self._cond.wait(due - now)
                    continue
                heapq.heappop(self._heap)
                self._live.discard(ticket)
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), ctypes.py_object(exc))


_WATCHDOG = _Watchdog()


@contextmanager
def thread_time_limit(seconds: float, item: str) -> Iterator[None]:
    """Raise `TimeLimitError(item, ...)` inside the block, in whatever thread it runs, once it has run
    `seconds` (0: no limit)."""
    if seconds <= 0:
        yield
        return
    reason = overtime_reason(seconds)
    raised = threading.Event()

    class Overtime(TimeLimitError):   # made by the interpreter when it raises it: no arguments
        def __init__(self) -> None:
            super().__init__(item, reason)
            raised.set()

    Overtime.__name__ = Overtime.__qualname__ = "TimeLimitError"
    ticket = _WATCHDOG.arm(seconds, Overtime)
    try:
        yield
    finally:
        if _WATCHDOG.disarm(ticket) and not raised.is_set():
            _take_late(Overtime, raised)


def _take_late(overtime: type[BaseException], raised: threading.Event) -> None:
    """Let an exception the watchdog sent as the block was ending be raised here and drop it (the
    block's own outcome stands). Withdrawing it instead would leave CPython 3.11 checking for it
    between every two instructions of every thread from then on."""
    try:
        while not raised.is_set():
            pass
    except overtime:
        pass


def article_limit(chars: int, per_100kb: float, item: str) -> AbstractContextManager[None]:
    """The time limit of one article of `chars` characters (`per_100kb` from the settings): the
    signal of `marsad.limits` in a main thread, the watchdog elsewhere."""
    seconds = limit_for(chars, per_100kb)
    if can_limit():
        return time_limit(seconds, item)
    return thread_time_limit(seconds, item)
