"""JSON Lines (gzipped or not) and JSON files of article records.

A record is an object with `text` and optionally `id`, `title`, `published`, `outlet`, `url` (the
shape of the ANT corpus export). `Document.text` is the record's text alone; the title stays in
`title`. `source_id` is the record's `id`, else FILE:LINE (FILE#N for the N-th object of a JSON list).
A broken line is reported as FILE:LINE with the reason and the other lines are still read. Files are
streamed, so the size limit (`Settings.max_bytes`) applies to each record, not to the whole file.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from typing import IO, Any

from marsad.errors import InputError
from marsad.ingest.dates import parse_date
from marsad.ingest.decode import human_size, is_arabic
from marsad.ingest.result import ReadResult, make_document
from marsad.ingest.text import parse_header

_CHUNK = 1 << 16


def read_jsonl_stream(fh: IO[bytes], name: str, limit: int) -> Iterator[ReadResult]:
    """Every record of a binary JSON Lines stream; a corrupt gzip stream ends it with one error."""
    lineno = 0
    any_line = False
    try:
        while True:
            line = fh.readline(limit + 1)
            if not line:
                break
            lineno += 1
            if lineno == 1:
                if b"\x00" in line[:8192] and not line.startswith((b"\xff\xfe", b"\xfe\xff")):
                    yield ReadResult.failed(name, "binary file, not JSON Lines text (holds NUL bytes)")
                    return
                line = line.removeprefix(b"\xef\xbb\xbf")
            if len(line) > limit and not line.endswith(b"\n"):
                _skip_rest_of_line(fh)
                yield ReadResult.failed(f"{name}:{lineno}", f"record is over the limit of {human_size(limit)}")
                continue
            if not line.strip():
                continue
            any_line = True
            yield _from_line(line, name, lineno)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        where = f"after line {lineno}" if lineno else "at the start"
        yield ReadResult.failed(name, f"corrupt or truncated gzip data {where} ({exc})")
        return
    except OSError as exc:
        yield ReadResult.failed(name, f"cannot read the file ({exc.strerror or exc})")
        return
    if not any_line:
        yield ReadResult.failed(name, "empty file (no JSON records)")


def _skip_rest_of_line(fh: IO[bytes]) -> None:
    while True:
        chunk = fh.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _from_line(line: bytes, name: str, lineno: int) -> ReadResult:
    item = f"{name}:{lineno}"
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return ReadResult.failed(item, f"line is not UTF-8 (byte {exc.start})")
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return ReadResult.failed(item, f"not valid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return ReadResult.failed(item, "JSON nested too deeply")
    return from_record(record, item)


def read_json_text(text: str, name: str) -> Iterator[ReadResult]:
    """A JSON document holding one record or a list of records (or, failing that, JSON Lines)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several objects, one a line: JSON Lines in a .json file
            yield from read_jsonl_lines(text.splitlines(), name)
            return
        yield ReadResult.failed(name, f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
        return
    except RecursionError:
        yield ReadResult.failed(name, "JSON nested too deeply")
        return
    if isinstance(data, list):
        if not data:
            yield ReadResult.failed(name, "empty JSON list (no records)")
        for i, record in enumerate(data, start=1):
            yield from_record(record, f"{name}#{i}")
    else:
        yield from_record(data, name)


def read_jsonl_lines(lines: Iterable[str], name: str) -> Iterator[ReadResult]:
    """Every record of JSON Lines given as decoded lines (standard input, a .json file)."""
    any_line = False
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        any_line = True
        item = f"{name}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadResult.failed(item, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            yield ReadResult.failed(item, "JSON nested too deeply")
            continue
        yield from_record(record, item)
    if not any_line:
        yield ReadResult.failed(name, "empty input (no JSON records)")


def from_record(record: Any, item: str) -> ReadResult:
    """A document from one decoded record; `item` (FILE:LINE) names it when it has no id."""
    if not isinstance(record, dict):
        return ReadResult.failed(item, f"a record must be a JSON object, not {type(record).__name__}")
    rid = record.get("id")
    source_id = str(rid) if isinstance(rid, (str, int)) and str(rid).strip() else item
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return ReadResult.failed(_label(source_id, item), "record has no text")
    if not is_arabic(text):
        return ReadResult.failed(_label(source_id, item), "no Arabic text")
    warnings: list[str] = []
    title = _string(record.get("title"))
    published = None
    raw_date = record.get("published")
    if raw_date not in (None, ""):
        found = parse_date(str(raw_date))
        if found is None:
            warnings.append(f"published date not understood: {str(raw_date)[:60]!r}")
        else:
            published = found.value
            if found.warning:
                warnings.append(found.warning)
    if title is None:
        header = parse_header(text)
        title = header.title
        if published is None and header.published:
            published = header.published
            warnings.extend(header.warnings)
    try:
        doc = make_document(text, source_id, title=title, published=published,
                            outlet=_string(record.get("outlet")), url=_string(record.get("url")), warnings=warnings)
    except InputError as exc:
        return ReadResult.failed(_label(source_id, item), exc.reason)
    return ReadResult(doc.source_id, document=doc)


def _label(source_id: str, item: str) -> str:
    """How an unreadable record is named: its FILE:LINE, with its id when it has one."""
    return item if source_id == item else f"{item} (id {source_id})"


def _string(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
