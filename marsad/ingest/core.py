"""Dispatch of sources to readers (placeholder: plain UTF-8 text files only)."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import InputError
from marsad.model import Document
from marsad.settings import Settings


@dataclass(slots=True)
class ReadResult:
    """One item of a batch: a document, or the error that kept it from being read."""

    source_id: str
    document: Document | None = None
    error: InputError | None = None


def content_id(text: str) -> str:
    """The stable document id: a hash of the text (same article, same id)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def document_from_text(text: str, source_id: str = "<text>", *, title: str | None = None,
                       published: str | None = None, outlet: str | None = None,
                       url: str | None = None) -> Document:
    """A document from plain text; title and date are read from its header when not given."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if title is None and lines:
        title = lines[0]
    return Document(id=content_id(text), source_id=source_id, text=text, title=title,
                    published=published, outlet=outlet, url=url)


def read_path(path: str | Path, settings: Settings | None = None) -> Iterator[ReadResult]:
    """Read one file (or '-' for standard input) into results."""
    name = str(path)
    try:
        raw = sys.stdin.buffer.read() if name == "-" else Path(path).read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        yield ReadResult(name, error=InputError(name, str(exc)))
        return
    yield ReadResult(name, document=document_from_text(text, name))


def iter_documents(sources: Iterable[str | Path], settings: Settings | None = None) -> Iterator[ReadResult]:
    """Every item of every source, in order."""
    for src in sources:
        yield from read_path(src, settings)
