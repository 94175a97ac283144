"""Cutting a stream of input items into numbered shards of about `size` items."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from marsad.model import Document

#: Items per shard when none is given: large enough that a shard's overhead is small, small enough
#: that a failed shard costs little to redo.
DEFAULT_SHARD_SIZE = 1000


@dataclass(slots=True)
class Item:
    """One input item: a document to analyse, an analysis already made, or the error that kept it
    from being read (`error` is the whole message, naming the item; `reason` the same without it)."""

    name: str
    document: Document | None = None
    analysis: Any = None
    error: str | None = None
    reason: str | None = None


@dataclass(slots=True)
class Shard:
    """Items `start` .. `start + len(items) - 1` of the run (counted from 0), numbered `index`."""

    index: int
    start: int
    items: list[Item] = field(default_factory=list)

    def describe(self) -> str:
        """Which items these are, for a person: 'shard 3 (items 2001-3000, from NAME)'."""
        first = self.items[0].name if self.items else "-"
        return f"shard {self.index + 1} (items {self.start + 1}-{self.start + len(self.items)}, from {first})"


def shard_items(items: Iterable[Item], size: int = DEFAULT_SHARD_SIZE) -> Iterator[Shard]:
    """Group `items` into consecutive shards of `size` items (the last may be shorter), lazily."""
    if size < 1:
        raise ValueError(f"shard size must be at least 1, not {size}")
    shard = Shard(0, 0)
    n = 0
    for item in items:
        shard.items.append(item)
        n += 1
        if len(shard.items) == size:
            yield shard
            shard = Shard(shard.index + 1, n)
    if shard.items:
        yield shard


def rejoin(first: Shard | None, second: Shard | None, rest: Iterable[Shard]) -> Iterator[Shard]:
    """The shards again after the first two were taken to see whether there is more than one."""
    yield from (shard for shard in (first, second) if shard is not None)
    yield from rest


def items_of(first: Shard | None, second: Shard | None, rest: Iterable[Shard]) -> Iterator[Item]:
    """The items of the shards again, in order (a run that turned out small enough for one process)."""
    for shard in rejoin(first, second, rest):
        yield from shard.items
