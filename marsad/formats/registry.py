"""The registry of output formats and the writer that puts a format's pieces in order.

A format renders one analysis to a string (`render`); `header`, `separator` and `footer` frame a run
of analyses (a JSON list, say, needs "[", "," and "]"). `FormatWriter` writes a run to a text stream;
a format whose framing depends on the whole run (an object for one article, a list for several) gives
its own `FormatWriter` subclass as `writer`. `open_writer` picks the right one.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from marsad.errors import ConfigError
from marsad.model import Analysis
from marsad.plugins import load_plugins

#: modules that register the built-in formats (imported on first use of the registry)
BUILTIN_MODULES = ("marsad.formats.builtin",)


@dataclass(frozen=True, slots=True)
class OutputOptions:
    """What the command line asks of every format; a format ignores what does not apply to it."""

    tokens: bool = True
    color: bool = False


@dataclass(frozen=True, slots=True)
class OutputFormat:
    """One output format: a name, how one analysis is rendered and how a run of them is framed."""

    name: str
    render: Callable[[Analysis, OutputOptions], str]
    description: str = ""
    header: str = ""
    separator: str = ""
    footer: str = ""
    writer: Callable[[OutputFormat, TextIO, OutputOptions], FormatWriter] | None = None


_FORMATS: dict[str, OutputFormat] = {}
_state = {"loaded": False}


def register_format(fmt: OutputFormat, *, replace: bool = False) -> OutputFormat:
    """Add `fmt` to the registry (ValueError when the name is taken, unless `replace`)."""
    if not fmt.name or not fmt.name.replace("-", "").replace("_", "").isalnum():
        raise ValueError(f"format name {fmt.name!r} must be letters, digits, '-' or '_'")
    if fmt.name in _FORMATS and not replace:
        raise ValueError(f"an output format named {fmt.name!r} is already registered")
    _FORMATS[fmt.name] = fmt
    return fmt


def unregister_format(name: str) -> None:
    """Remove a format (for tests and plugins that replace one); unknown names are ignored."""
    _FORMATS.pop(name, None)


def _ensure_loaded() -> None:
    """Import the built-in formats' modules and the installed plugins, once."""
    if not _state["loaded"]:
        _state["loaded"] = True
        for module in BUILTIN_MODULES:
            importlib.import_module(module)
    load_plugins()


def formats() -> list[OutputFormat]:
    """Every registered format, in registration order."""
    _ensure_loaded()
    return list(_FORMATS.values())


def format_names() -> list[str]:
    """The names of the registered formats, in registration order."""
    return [f.name for f in formats()]


def get_format(name: str) -> OutputFormat:
    """The format registered as `name`; ConfigError naming the known formats when there is none."""
    _ensure_loaded()
    try:
        return _FORMATS[name]
    except KeyError:
        raise ConfigError(f"unknown output format {name!r} (known: {', '.join(_FORMATS)})") from None


class FormatWriter:
    """Writes analyses to `out` in one format: the header before the first, separators between them,
    the footer on `close` (a run with no analysis still gets its header and footer)."""

    def __init__(self, fmt: OutputFormat, out: TextIO, options: OutputOptions | None = None) -> None:
        self.fmt, self.out, self.options = fmt, out, options or OutputOptions()
        self.count = 0

    def write(self, analysis: Analysis) -> None:
        """Render and write one analysis."""
        self.out.write(self.fmt.header if self.count == 0 else self.fmt.separator)
        self.out.write(self.fmt.render(analysis, self.options))
        self.count += 1

    def close(self) -> None:
        """Finish the run (header when nothing was written, then the footer); the stream stays open."""
        if self.count == 0:
            self.out.write(self.fmt.header)
        self.out.write(self.fmt.footer)


def open_writer(fmt: OutputFormat, out: TextIO, options: OutputOptions | None = None) -> FormatWriter:
    """The writer of `fmt` on `out`: its own `writer` when it has one, else a `FormatWriter`."""
    options = options or OutputOptions()
    return fmt.writer(fmt, out, options) if fmt.writer is not None else FormatWriter(fmt, out, options)
