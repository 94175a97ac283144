"""Look-ups over an article's spans in logarithmic time, so that components stay linear in its size.

A component that asks, for each of its findings, "which claims hold this position?" or "which
mentions start in this range?" by scanning every claim or mention is quadratic in the article's
length. These indexes answer the same questions, with the same answers in the same order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")

#: the costly steps of a component look at most this many tokens either side of the word they
#: start from inside its sentence (a sentence of news is rarely over 100 tokens; a "sentence" of
#: 50,000 tokens is a page without punctuation, and a window keeps its cost linear)
MAX_CLAUSE_TOKENS = 300


def clip_clause(lo: int, hi: int, first: int, last: int) -> tuple[int, int]:
    """The clause [lo, hi] around tokens [first, last], cut to `MAX_CLAUSE_TOKENS` either side."""
    return max(lo, first - MAX_CLAUSE_TOKENS), min(hi, last + MAX_CLAUSE_TOKENS)


class Stabbing(Generic[T]):
    """Items with a half-open range [start, end): which of them hold a position, in input order."""

    def __init__(self, items: Sequence[T], bounds: Callable[[T], tuple[int, int]]) -> None:
        order = sorted(range(len(items)), key=lambda i: bounds(items[i])[0])
        self._items = items
        self._order = order
        self._starts = [bounds(items[i])[0] for i in order]
        ends = [bounds(items[i])[1] for i in order]
        size = 1
        while size < len(order):
            size *= 2
        self._size = size
        self._max = [-1] * (2 * size)  # a segment tree of the largest end under each node
        for k, end in enumerate(ends):
            self._max[size + k] = end
        for k in range(size - 1, 0, -1):
            self._max[k] = max(self._max[2 * k], self._max[2 * k + 1])

    def at(self, pos: int) -> list[T]:
        """The items whose range holds `pos` (start <= pos < end), in the order they were given."""
        upto = bisect_right(self._starts, pos)  # items starting at or before pos
        found: list[int] = []
        if upto:
            self._collect(1, 0, self._size, upto, pos, found)
        return [self._items[i] for i in sorted(found)]

    def _collect(self, node: int, lo: int, hi: int, upto: int, pos: int, found: list[int]) -> None:
        """Add the items of sorted positions [lo, hi) ∩ [0, upto) whose end is past `pos`."""
        if lo >= upto or self._max[node] <= pos:
            return
        if hi - lo == 1:
            found.append(self._order[lo])
            return
        mid = (lo + hi) // 2
        self._collect(2 * node, lo, mid, upto, pos, found)
        self._collect(2 * node + 1, mid, hi, upto, pos, found)


class ByKey(Generic[T]):
    """Items sorted by a whole-number key (stable): the ones whose key lies in a range, in order."""

    def __init__(self, items: Sequence[T], key: Callable[[T], int]) -> None:
        self._items = sorted(items, key=key)
        self._keys = [key(x) for x in self._items]

    def between(self, lo: int, hi: int) -> Sequence[T]:
        """The items with lo <= key < hi."""
        return self._items[bisect_left(self._keys, lo):bisect_left(self._keys, hi)]


class LastBefore(Generic[T]):
    """Of items given in order, the last one (in that order) whose key is at most a bound."""

    def __init__(self, items: Sequence[T], key: Callable[[T], int]) -> None:
        order = sorted(range(len(items)), key=lambda i: key(items[i]))
        self._items = items
        self._keys = [key(items[i]) for i in order]
        self._latest: list[int] = []  # the largest input index among the first k in key order
        best = -1
        for i in order:
            best = max(best, i)
            self._latest.append(best)

    def at_most(self, bound: int) -> T | None:
        """The last item (in input order) with key <= `bound`, or None."""
        k = bisect_right(self._keys, bound)
        return self._items[self._latest[k - 1]] if k else None
