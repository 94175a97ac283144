"""The built-in input kinds, registered like any other reader: JSON Lines, JSON, HTML and plain text.

Sniffing asks them in this order (JSON Lines before JSON, so that one object per line is not taken for
a single broken JSON document); plain text has no sniffer, it is the fallback.
"""

from __future__ import annotations

from collections.abc import Iterator

from marsad.ingest.core import html_results, text_results
from marsad.ingest.html import looks_like_html
from marsad.ingest.jsonl import read_json_text, read_jsonl_lines, read_jsonl_stream
from marsad.ingest.registry import Reader, register_reader
from marsad.ingest.result import ReadResult


def _jsonl_text(text: str, name: str) -> Iterator[ReadResult]:
    """Every record of decoded JSON Lines text."""
    return read_jsonl_lines(text.splitlines(), name)


def _looks_like_jsonl(head: str) -> bool:
    """An object that ends on its first line, followed by more lines."""
    return head.startswith("{") and head.split("\n", 1)[0].strip().endswith("}") and "\n" in head.strip()


def _looks_like_json(head: str) -> bool:
    """An object or a list."""
    return head.startswith(("{", "["))


register_reader(Reader("jsonl", (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json.gz"), _jsonl_text,
                       read_stream=read_jsonl_stream, sniff=_looks_like_jsonl,
                       description="JSON Lines records (id, title, published, outlet, url, text), gzipped or not"),
                builtin=True)
register_reader(Reader("json", (".json",), read_json_text, sniff=_looks_like_json,
                       description="one JSON record or a list of records"), builtin=True)
register_reader(Reader("html", (".html", ".htm", ".xhtml"), html_results, sniff=looks_like_html,
                       description="an HTML page (main text with trafilatura, metadata from the head)"),
                builtin=True)
register_reader(Reader("text", (".txt", ".text"), text_results,
                       description="plain text: an optional headline and date line, then paragraphs"),
                builtin=True)
