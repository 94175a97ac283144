"""Plugins: installed packages that add readers (input kinds) or output formats to marsad.

A plugin is a module named by an entry point of the group `marsad.plugins` in its package's metadata
(`[project.entry-points."marsad.plugins"] my_reader = "my_package.my_reader"` in its pyproject.toml).
Importing the module registers what it brings (`marsad.ingest.registry.register_reader`,
`marsad.formats.register_format`); both registries import every plugin once, on first use.
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points

from marsad.errors import MarsadError

GROUP = "marsad.plugins"

_loaded: list[str] | None = None


def load_plugins() -> list[str]:
    """Import every plugin module once; returns their entry-point names (MarsadError when one fails)."""
    global _loaded
    if _loaded is not None:
        return list(_loaded)
    names = []
    for ep in sorted(entry_points(group=GROUP), key=lambda e: e.name):
        try:
            importlib.import_module(ep.value.split(":", 1)[0])
        except Exception as exc:  # noqa: BLE001 - any failure of a third-party module is reported the same way
            raise MarsadError(f"plugin {ep.name!r} ({ep.value}) could not be loaded: "
                              f"{type(exc).__name__}: {exc}") from exc
        names.append(ep.name)
    _loaded = names
    return list(names)
