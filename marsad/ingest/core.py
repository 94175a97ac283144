"""Dispatch of sources to readers: files by extension (or by sniffing), folders, standard input.

The kinds of input (text, HTML, JSON, JSON Lines, and any a plugin adds) are `Reader`s in the registry
of `marsad.ingest.registry`; this module finds the reader for an item and hands it the decoded text
(or, for readers that stream, the open file).

Every item becomes a `ReadResult`: a document, or an `InputError(item, reason)` naming what could
not be read and why. Nothing here raises for bad input; a bad item never stops the batch.

A file over `Settings.max_bytes` is refused from its size alone, before it is read. JSON Lines
files are streamed one record at a time, so for them the limit applies to each record instead.
A folder is read recursively in sorted order, taking the files whose names end with one of
`Settings.extensions` (plus the endings of readers added by plugins) and skipping hidden files and
folders (names starting with a dot).
"""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from marsad.errors import InputError
from marsad.ingest.decode import arabic_share, decode_with_notes, is_arabic, read_limited, read_stdin
from marsad.ingest.html import declared_charset, read_html
from marsad.ingest.registry import (
    Reader,
    StreamReader,
    get_reader,
    match_extension,
    plugin_extensions,
    sniff_reader,
)
from marsad.ingest.result import ReadResult, content_id, make_document
from marsad.ingest.text import parse_header
from marsad.model import Document
from marsad.settings import Settings

__all__ = ["ReadResult", "content_id", "document_from_text", "iter_documents", "read_path"]

_GZIP_MAGIC = b"\x1f\x8b"
#: the kind that reads gzip-compressed input whose name says nothing (standard input, unknown endings)
GZIP_KIND = "jsonl"


def document_from_text(text: str, source_id: str = "<text>", *, title: str | None = None,
                       published: str | None = None, outlet: str | None = None,
                       url: str | None = None) -> Document:
    """A document from plain text; title and date are read from its header when not given."""
    header = parse_header(text)
    warnings = list(header.warnings) if published is None else []
    if text.strip() and not is_arabic(text):
        warnings.append("text is not Arabic")
    return make_document(text, source_id, title=title if title is not None else header.title,
                         published=published if published is not None else header.published,
                         outlet=outlet, url=url, warnings=warnings)


def kind_of(path: str | Path) -> str | None:
    """The kind an extension calls for (text, html, json, jsonl, jsonl.gz ...), None when unknown."""
    match = match_extension(path)
    if match is None:
        return None
    reader, ext = match
    return reader.name + (".gz" if ext.endswith(".gz") else "")


def iter_documents(sources: Iterable[str | Path], settings: Settings | None = None) -> Iterator[ReadResult]:
    """Every item of every source (file, folder, '-' for standard input), in order."""
    settings = settings or Settings.load()
    for src in sources:
        yield from read_path(src, settings)


def read_path(path: str | Path, settings: Settings | None = None) -> Iterator[ReadResult]:
    """Read one file, one folder (recursively) or '-' (standard input) into results."""
    settings = settings or Settings.load()
    name = str(path)
    if not name.strip():
        yield ReadResult.failed("''", "empty path (give a file, a folder or '-')")
        return
    if name == "-":
        yield from read_stream(sys_stdin(), "-", settings)
        return
    p = Path(path)
    try:
        is_dir = p.is_dir()
    except OSError as exc:
        yield ReadResult.failed(name, f"cannot read ({exc.strerror or exc})")
        return
    if is_dir:
        yield from _read_dir(p, settings)
    else:
        yield from _read_file(p, settings)


def sys_stdin() -> BinaryIO:
    """The binary standard input (a function so that tests can replace it)."""
    import sys

    return sys.stdin.buffer


def read_stream(stream: BinaryIO, name: str, settings: Settings) -> Iterator[ReadResult]:
    """Read a whole binary stream (standard input), sniffing what kind of input it is."""
    try:
        raw = read_stdin(settings.max_bytes, stream)
    except InputError as exc:
        yield ReadResult(name, error=exc)
        return
    except OSError as exc:
        yield ReadResult.failed(name, f"cannot read standard input ({exc.strerror or exc})")
        return
    if not raw:
        yield ReadResult.failed(name, "empty input (nothing on standard input)")
        return
    yield from _read_bytes(raw, name, None, settings)


def _read_file(p: Path, settings: Settings) -> Iterator[ReadResult]:
    name = str(p)
    reader, ext = match_extension(p) or (None, "")
    if not p.exists():
        yield ReadResult.failed(name, "no such file or directory")
        return
    if not p.is_file():
        yield ReadResult.failed(name, "not a regular file")
        return
    if reader is not None and reader.read_stream is not None:
        if not os.access(p, os.R_OK):
            yield ReadResult.failed(name, "cannot read the file (permission denied)")
            return
        yield from _stream_file(p, reader.read_stream, settings.max_bytes, gz=ext.endswith(".gz"))
        return
    try:
        raw = read_limited(p, settings.max_bytes)
    except InputError as exc:
        yield ReadResult(name, error=exc)
        return
    yield from _read_bytes(raw, name, reader, settings)


def _stream_file(path: Path, stream: StreamReader, limit: int, *, gz: bool) -> Iterator[ReadResult]:
    """Every result of a file read by a streaming reader (gzip-compressed when `gz`)."""
    name = str(path)
    try:
        fh: BinaryIO = gzip.open(path, "rb") if gz else path.open("rb")  # type: ignore[assignment]
    except OSError as exc:
        yield ReadResult.failed(name, f"cannot read the file ({exc.strerror or exc})")
        return
    with fh:
        yield from stream(fh, name, limit)


def _read_bytes(raw: bytes, name: str, reader: Reader | None, settings: Settings) -> Iterator[ReadResult]:
    """Read the bytes of one input of a known kind, or sniff the kind first."""
    if reader is None and raw.startswith(_GZIP_MAGIC):
        stream = get_reader(GZIP_KIND).read_stream
        if stream is not None:
            yield from stream(gzip.GzipFile(fileobj=io.BytesIO(raw)), name, settings.max_bytes)
            return
    try:
        text, notes = _decode(raw, name, reader.name if reader else None)
    except InputError as exc:
        yield ReadResult(name, error=exc)
        return
    for result in (reader or sniff_reader(text)).read_text(text, name):
        if result.document is not None and notes:  # how the bytes were decoded, before other warnings
            result.document.warnings[:0] = notes
        yield result


def _decode(raw: bytes, name: str, kind: str | None) -> tuple[str, list[str]]:
    """Decode, trying an HTML page's declared charset when the bytes are not UTF-8."""
    if kind in (None, "html") and raw[:1] == b"<":
        charset = declared_charset(raw)
        if charset and charset.replace("-", "").replace("_", "") not in ("utf8", "utf16"):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    return raw.decode(charset), []
                except (LookupError, UnicodeDecodeError):
                    pass
    return decode_with_notes(raw, name)


def sniff(text: str) -> str:
    """The kind of a decoded input whose extension says nothing: html, json, jsonl, text (or a plugin's)."""
    return sniff_reader(text).name


def _not_arabic(name: str, text: str) -> ReadResult:
    share = arabic_share(text)
    return ReadResult.failed(name, f"no Arabic text ({share:.0%} of its letters are Arabic)")


def text_results(text: str, name: str) -> Iterator[ReadResult]:
    """The plain-text reader: one document, or why the text cannot be one."""
    yield _text_result(text, name)


def html_results(markup: str, name: str) -> Iterator[ReadResult]:
    """The HTML reader: one document from the page's main text, or why there is none."""
    yield _html_result(markup, name)


def _text_result(text: str, name: str) -> ReadResult:
    if not is_arabic(text):
        return _not_arabic(name, text)
    try:
        return ReadResult(name, document=document_from_text(text, name))
    except InputError as exc:
        return ReadResult(name, error=exc)


def _html_result(markup: str, name: str) -> ReadResult:
    try:
        page = read_html(markup, name)
    except InputError as exc:
        return ReadResult(name, error=exc)
    except Exception as exc:  # a parser failure on hostile markup must not stop the batch
        return ReadResult.failed(name, f"malformed HTML ({type(exc).__name__}: {exc})")
    if not is_arabic(page.text):
        return _not_arabic(name, page.text)
    try:
        doc = make_document(page.text, name, title=page.title, published=page.published, outlet=page.outlet,
                            url=page.url, warnings=page.warnings)
    except InputError as exc:
        return ReadResult(name, error=exc)
    return ReadResult(name, document=doc)


def _read_dir(root: Path, settings: Settings) -> Iterator[ReadResult]:
    """Every file under `root` with a known extension, in sorted order; hidden entries are skipped."""
    exts = tuple(e.lower() for e in settings.extensions) + plugin_extensions()
    found = 0
    for item in _walk(root):
        if isinstance(item, ReadResult):
            yield item
            continue
        if not item.name.lower().endswith(exts):
            continue
        found += 1
        yield from _read_file(item, settings)
    if not found:
        yield ReadResult.failed(str(root), f"no readable files in this folder (looked for {', '.join(exts)})")


def _walk(folder: Path) -> Iterator[Path | ReadResult]:
    """Files under `folder`, depth first in sorted order; an unreadable sub-folder is one error."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield ReadResult.failed(str(folder), f"cannot list the folder ({exc.strerror or exc})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(path)
            elif entry.is_file():
                yield path
            elif entry.is_symlink() and not path.exists():
                yield ReadResult.failed(str(path), "broken symbolic link (its target does not exist)")
        except OSError as exc:
            yield ReadResult.failed(str(path), f"cannot read ({exc.strerror or exc})")
