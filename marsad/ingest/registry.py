"""The registry of input kinds: each kind is a `Reader` registered under a name.

A reader turns one decoded input into `ReadResult`s (`read_text`), may stream large files record by
record (`read_stream`), claims file-name endings (`extensions`, the longest match wins) and may
recognise its inputs when the name says nothing (`sniff`, asked in registration order; plain text
is the fallback). A new kind is one module that calls `register_reader` when imported: the built-in
kinds are registered in `marsad/ingest/builtin.py`, installed plugins through `marsad.plugins`.

    from marsad.ingest.registry import Reader, register_reader
    register_reader(Reader("srt", (".srt",), read_srt))
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from marsad.errors import MarsadError
from marsad.ingest.result import ReadResult
from marsad.plugins import load_plugins

#: modules that register the built-in kinds (imported on first use of the registry)
BUILTIN_MODULES = ("marsad.ingest.builtin",)

#: decoded text and the item's name -> its results
TextReader = Callable[[str, str], Iterator[ReadResult]]
#: a binary stream, the item's name and the per-record byte limit -> its results
StreamReader = Callable[[IO[bytes], str, int], Iterator[ReadResult]]
#: the start of a decoded input (blank space and byte-order mark stripped) -> whether it is of this kind
Sniffer = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class Reader:
    """One kind of input: its name, the file endings it claims and how it is read."""

    name: str
    extensions: tuple[str, ...]
    read_text: TextReader
    read_stream: StreamReader | None = None
    sniff: Sniffer | None = None
    description: str = ""


_READERS: dict[str, Reader] = {}
_BUILTIN: set[str] = set()
_state = {"loaded": False}


def register_reader(reader: Reader, *, replace: bool = False, builtin: bool = False) -> Reader:
    """Add `reader` to the registry (ValueError when its name or an ending is taken, unless `replace`).

    Folders are read for the endings of the `extensions` setting plus every ending of a reader that is
    not `builtin` (marsad's own kinds set it, so that the setting alone decides for them)."""
    for ext in reader.extensions:
        if not ext.startswith(".") or ext != ext.lower():
            raise ValueError(f"reader {reader.name!r}: extension {ext!r} must start with '.' and be lower case")
        if ext.endswith(".gz") and reader.read_stream is None:
            raise ValueError(f"reader {reader.name!r}: a .gz extension needs a read_stream function")
    if not replace:
        if reader.name in _READERS:
            raise ValueError(f"a reader named {reader.name!r} is already registered")
        taken = {ext: r.name for r in _READERS.values() for ext in r.extensions}
        clash = [f"{ext} ({taken[ext]})" for ext in reader.extensions if ext in taken]
        if clash:
            raise ValueError(f"reader {reader.name!r}: extension(s) already claimed: {', '.join(clash)}")
    _READERS[reader.name] = reader
    if builtin:
        _BUILTIN.add(reader.name)
    else:
        _BUILTIN.discard(reader.name)
    return reader


def unregister_reader(name: str) -> None:
    """Remove a reader (for tests and plugins that replace a kind); unknown names are ignored."""
    _READERS.pop(name, None)
    _BUILTIN.discard(name)


def _ensure_loaded() -> None:
    """Import the built-in kinds' modules and the installed plugins, once."""
    if not _state["loaded"]:
        _state["loaded"] = True
        for module in BUILTIN_MODULES:
            importlib.import_module(module)
    load_plugins()  # cached; raises again on every use while a plugin is broken


def readers() -> list[Reader]:
    """Every registered reader, in registration order."""
    _ensure_loaded()
    return list(_READERS.values())


def get_reader(name: str) -> Reader:
    """The reader registered as `name`; MarsadError naming the known kinds when there is none."""
    _ensure_loaded()
    try:
        return _READERS[name]
    except KeyError:
        raise MarsadError(f"unknown input kind {name!r} (known: {', '.join(_READERS)})") from None


def match_extension(path: str | Path) -> tuple[Reader, str] | None:
    """The reader claiming the longest ending of `path`'s name, with that ending; None when none does."""
    _ensure_loaded()
    name = str(path).lower()
    best: tuple[Reader, str] | None = None
    for reader in _READERS.values():
        for ext in reader.extensions:
            if name.endswith(ext) and (best is None or len(ext) > len(best[1])):
                best = (reader, ext)
    return best


def sniff_reader(text: str) -> Reader:
    """The first reader (in registration order) that recognises `text`; the plain-text reader otherwise."""
    _ensure_loaded()
    head = text.lstrip("\ufeff \t\r\n")
    for reader in _READERS.values():
        if reader.sniff is not None and reader.sniff(head):
            return reader
    return get_reader("text")


def plugin_extensions() -> tuple[str, ...]:
    """The endings claimed by readers that are not built in (folders read them as well)."""
    _ensure_loaded()
    return tuple(ext for name, r in _READERS.items() if name not in _BUILTIN for ext in r.extensions)
