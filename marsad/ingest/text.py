"""Plain-text articles: a headline line, an optional date line, then paragraphs.

The header is read from the first two non-blank lines:

- a line that is a date and nothing else (see `marsad.ingest.dates.parse_date`) is the date line,
  whether it stands before or after the headline;
- the first other line is the headline when it looks like one: at most `MAX_TITLE_CHARS`
  characters and `MAX_TITLE_WORDS` words, not ending in a full stop, comma, colon, semicolon or
  dash (a question or exclamation mark is fine), no Arabic comma when longer than ten words, and
  followed by more text. Otherwise the text has no header and `title` is None. (Measured on the
  21,078 records of the ANT corpus: 99.9% of their titles pass, and 0.2% of their texts, which
  have no headline, have a first line taken for one.)

`Document.text` is always the whole text exactly as given, headline and date line included.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.ingest.dates import ParsedDate, parse_date

MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 20
_NOT_HEADLINE_END = (".", "۔", "،", ",", ":", ";", "؛", "…", "-", "–", "—")


@dataclass(slots=True)
class Header:
    """What the top of a plain-text article says: headline, date and warnings."""

    title: str | None = None
    published: str | None = None
    date: ParsedDate | None = None
    warnings: list[str] = field(default_factory=list)


def looks_like_headline(line: str) -> bool:
    """True for a short line without a sentence-final full stop (a headline, not a paragraph)."""
    line = line.strip()
    words = len(line.split())
    return (0 < len(line) <= MAX_TITLE_CHARS and words <= MAX_TITLE_WORDS
            and not line.endswith(_NOT_HEADLINE_END) and not ("،" in line and words > 10))


def parse_header(text: str) -> Header:
    """The headline and date line at the top of `text` (each None when absent)."""
    lines = [ln.strip() for ln in text.splitlines()[:200] if ln.strip()]
    header = Header()
    if not lines:
        return header
    first, rest = lines[0], lines[1:]
    found = parse_date(first)
    if found is not None:
        header.date = found
        if rest and looks_like_headline(rest[0]) and len(rest) > 1:
            header.title = rest[0]
    else:
        if rest:
            found = parse_date(rest[0])
            if found is not None:
                header.date = found
        body_after = rest[1:] if header.date is not None else rest
        if looks_like_headline(first) and body_after:
            header.title = first
    if header.date is not None:
        header.published = header.date.value
        if header.date.warning:
            header.warnings.append(header.date.warning)
    return header
