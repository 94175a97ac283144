"""Readers: turn files, directories, JSON Lines, HTML pages and standard input into `Document`s.

`iter_documents(sources)` yields one `ReadResult` per item: either a document or an `InputError`
naming the item and the reason; a bad item never stops the batch. Each kind of input is a `Reader`
in the registry of `marsad.ingest.registry` (`register_reader` adds one).
"""

from __future__ import annotations

from marsad.ingest.core import ReadResult, content_id, document_from_text, iter_documents, read_path
from marsad.ingest.dates import ParsedDate, parse_date
from marsad.ingest.registry import Reader, register_reader

__all__ = ["ParsedDate", "ReadResult", "Reader", "content_id", "document_from_text", "iter_documents",
           "parse_date", "read_path", "register_reader"]
