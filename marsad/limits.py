"""The per-article time limit: an article whose analysis runs too long is stopped and skipped.

The limit grows with the article: `Settings.time_limit` seconds for every 100 kB of text, and never
less than `MIN_SECONDS`. It is enforced with a timer signal, so it works in the main thread of a
Unix process; elsewhere (another thread, Windows) the analysis runs without a limit.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from marsad.errors import TimeLimitError

#: no article is stopped before this many seconds, however short
MIN_SECONDS = 10.0


def limit_for(chars: int, per_100kb: float) -> float:
    """Seconds allowed for an article of `chars` characters (0 when the limit is off)."""
    if per_100kb <= 0:
        return 0.0
    return max(MIN_SECONDS, per_100kb * chars / 100_000)


def can_limit() -> bool:
    """True when a timer signal can interrupt the analysis (main thread of a Unix process)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float, item: str) -> Iterator[None]:
    """Raise `TimeLimitError(item, ...)` inside the block once it has run `seconds` (0: no limit)."""
    if seconds <= 0 or not can_limit():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise TimeLimitError(item, f"analysis stopped after {seconds:.0f} s, the time limit for its size "
                                   "(raise time_limit in marsad.toml or $MARSAD_TIME_LIMIT, 0 turns it off)")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
