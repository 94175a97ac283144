"""A cache of tables derived from one knowledge base (tries, rule tables, lexicon indexes)."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

T = TypeVar("T")


def per_kb(build: Callable[[Any], T]) -> Callable[[Any], T]:
    """Decorate `build(kb)` so that each knowledge-base object builds its table once.

    The cache holds knowledge bases weakly, so a table lives as long as its knowledge base: a
    long-running process that loads many overlays does not keep the ones it dropped. Objects that
    cannot be referenced weakly (None, for the functions that accept no knowledge base) are kept.
    """
    tables: weakref.WeakKeyDictionary[Any, T] = weakref.WeakKeyDictionary()
    kept: dict[int, tuple[Any, T]] = {}

    @wraps(build)
    def cached(kb: Any) -> T:
        try:
            return tables[kb]
        except KeyError:
            table = tables[kb] = build(kb)
            return table
        except TypeError:  # not weakly referable: keyed by identity, holding the object
            hit = kept.get(id(kb))
            if hit is not None and hit[0] is kb:
                return hit[1]
            table = build(kb)
            kept[id(kb)] = (kb, table)
            return table

    return cached
