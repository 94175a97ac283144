"""The unit a reader yields (`ReadResult`) and the one place documents are built (`make_document`)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

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
    canon = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", canon):
        canon = unicodedata.normalize("NFC", _bounded_mark_runs(canon))
    return hashlib.sha1(canon.strip().encode("utf-8")).hexdigest()[:16]


#: NFC reorders a run of combining marks in time quadratic in its length; longer runs are cut into
#: pieces of this many marks by a combining grapheme joiner (U+034F), which reordering does not cross
MAX_MARK_RUN = 32


def _bounded_mark_runs(text: str) -> str:
    """`text` with a U+034F after every `MAX_MARK_RUN` marks of a longer run of combining marks."""
    runs = _long_mark_run()
    if not runs.search(text):
        return text
    return runs.sub(lambda m: "\u034f".join(m[0][i:i + MAX_MARK_RUN] for i in range(0, len(m[0]), MAX_MARK_RUN)),
                    text)


@lru_cache(maxsize=1)
def _long_mark_run() -> re.Pattern[str]:
    """A pattern matching a run of more than `MAX_MARK_RUN` combining marks (any script)."""
    ranges: list[list[int]] = []
    for code in range(0x110000):
        if unicodedata.combining(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    body = "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)
    return re.compile(f"[{body}]{{{MAX_MARK_RUN + 1},}}")


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
