"""Progress of a whole run, whichever way it runs: one `marsad.progress.Progress` display (a bar with
the rate and the time left on a terminal, a line every 10 s in a pipe, nothing with --quiet) fed
item by item as results come back in input order, and its total filled in once the input is read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from marsad.scale.shards import Item


def counted(items: Iterable[Item], progress: Any) -> Iterator[Item]:
    """The items as they are; once they are all read, `progress` learns their number (when it was
    not known ahead, as for a compressed corpus or standard input)."""
    n = 0
    for item in items:
        n += 1
        yield item
    if progress is not None and progress.total is None:
        progress.set_total(n)


def quiet() -> Any:
    """A display that shows nothing but messages (on standard error)."""
    from marsad.progress import Progress

    return Progress("off")
