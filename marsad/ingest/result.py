"""The unit a reader yields (`ReadResult`) and the one place documents are built (`make_document`)."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

from marsad.errors import InputError
from marsad.ingest.clean import clean_text, replace_surrogates
from marsad.model import Document


@dataclass(slots=True)
class ReadResult:
    """One item of a batch: a document, or the error that kept it from being read."""

    source_id: str
    document: Document | None = None
    error: InputError | None = None

    @classmethod
    def failed(cls, item: str, reason: str) -> "ReadResult":
        """A result for an item that could not be read, with the reason."""
        return cls(item, error=InputError(item, reason))


def content_id(text: str) -> str:
    """The stable document id: 16 hex digits of the SHA-1 of the text (same article, same id).

    The text is hashed in NFC with a byte-order mark dropped, line ends unified to LF and the
    outer blank space stripped, so one article saved twice in slightly different ways keeps its id.
    """
    canon = unicodedata.normalize("NFC", text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")).strip()
    return hashlib.sha1(canon.encode("utf-8")).hexdigest()[:16]


def make_document(text: str, source_id: str, *, title: str | None = None, published: str | None = None,
                  outlet: str | None = None, url: str | None = None,
                  warnings: list[str] | None = None) -> Document:
    """A `Document` with its content id; empty strings in the metadata become None.

    The text passes the rules of `marsad.ingest.clean` (surrogates replaced, binary data refused with
    an `InputError` naming `source_id`), so every route into the pipeline treats text the same way.
    """
    fixed = 0
    meta: dict[str, str | None] = {}
    for key, value in (("source_id", source_id), ("title", title), ("published", published),
                       ("outlet", outlet), ("url", url)):
        meta[key], bad = replace_surrogates(value) if value else (value, 0)
        fixed += bad
    source_id = meta["source_id"] or ""
    text, notes = clean_text(text, source_id)
    if fixed:
        notes.append(f"{fixed} invalid character(s) (lone surrogates) in the metadata replaced by U+FFFD")
    return Document(id=content_id(text), source_id=source_id, text=text, title=meta["title"] or None,
                    published=meta["published"] or None, outlet=meta["outlet"] or None,
                    url=meta["url"] or None, warnings=[*(warnings or []), *notes])
