"""Readers: turn files, directories, JSON Lines and standard input into `Document`s.

`iter_documents(sources)` yields one `ReadResult` per item: either a document or an `InputError`
naming the item and the reason; a bad item never stops the batch.
"""

from __future__ import annotations

from marsad.ingest.core import ReadResult, document_from_text, iter_documents, read_path

__all__ = ["ReadResult", "document_from_text", "iter_documents", "read_path"]
