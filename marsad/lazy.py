"""Public names of a package imported on first use (PEP 562), so that the command line does not load
FastAPI, SQLAlchemy or NetworkX before a command that needs them runs."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, where: dict[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package` that imports each name of `where` (name -> module) when first asked for."""
    def __getattr__(name: str) -> Any:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(where[name]), name)
    return __getattr__
