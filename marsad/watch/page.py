"""An article page fetched by the observatory becomes a `Document`, read by marsad.ingest's HTML reader
(trafilatura), with the source's settings and the listing's title and date filling what the page lacks."""

from __future__ import annotations

from marsad.errors import InputError
from marsad.ingest.decode import decode, is_arabic
from marsad.ingest.html import declared_charset, read_html
from marsad.ingest.result import make_document
from marsad.model import Document


def _text(raw: bytes, url: str, content_type: str | None) -> str:
    """The page's characters: the charset of the HTTP header or of a <meta> tag, else detected."""
    for charset in (_header_charset(content_type), declared_charset(raw)):
        if charset:
            try:
                return raw.decode(charset)
            except (LookupError, UnicodeDecodeError):
                continue
    return decode(raw, url)


def _header_charset(content_type: str | None) -> str | None:
    if not content_type or "charset=" not in content_type.lower():
        return None
    return content_type.lower().split("charset=", 1)[1].split(";")[0].strip().strip('"') or None


def page_document(raw: bytes, url: str, *, content_type: str | None = None, outlet: str | None = None,
                  title: str | None = None, published: str | None = None) -> Document:
    """The article of an HTML page; InputError naming the URL when it has no Arabic main text.

    The source's outlet name wins over the page's; the listing's title and date are used when the
    page does not give its own. `source_id` and (without a canonical link) `url` are the page's URL.
    """
    markup = _text(raw, url, content_type)
    page = read_html(markup, url)
    if not is_arabic(page.text):
        raise InputError(url, "the page's main text is not Arabic")
    return make_document(page.text, url, title=page.title or title, published=page.published or published,
                         outlet=outlet or page.outlet, url=page.url or url, warnings=page.warnings)
