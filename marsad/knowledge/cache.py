"""A cache of tables derived from one knowledge base (tries, rule tables, lexicon indexes)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

T = TypeVar("T")


def per_kb(build: Callable[[Any], T]) -> Callable[[Any], T]:
    """Decorate `build(kb)` so that each knowledge-base object builds its table once.

    Keyed by the object's identity (a KnowledgeBase is not hashable); the cached entry keeps a
    reference to its knowledge base, so an id is never reused while its table is cached.
    """
    cache: dict[int, tuple[Any, T]] = {}

    @wraps(build)
    def cached(kb: Any) -> T:
        hit = cache.get(id(kb))
        if hit is not None and hit[0] is kb:
            return hit[1]
        table = build(kb)
        cache[id(kb)] = (kb, table)
        return table

    return cached
