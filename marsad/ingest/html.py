"""HTML pages: main text with trafilatura, metadata (title, date, outlet, url) from the page head.

`Document.text` is the headline, a blank line, then the main text, one paragraph a line. The
metadata is read from Open Graph / article / schema.org (JSON-LD, itemprop) / Dublin Core tags and
the canonical link; trafilatura's own guesses fill what the head does not say. When trafilatura
cannot be imported or finds nothing, a simple extractor (the text of the `<article>`, `<main>` or
`<body>` paragraphs, without navigation, headers, footers and scripts) takes over.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from marsad.errors import InputError
from marsad.ingest.dates import parse_date

_DATE_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
    "dcterms.created", "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published",
    "publication_date", "original-publish-date",
)
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
              "svg", "button", "select", "template", "figure")
_BLOCKS = ("p", "h2", "h3", "h4", "blockquote", "li", "pre")
_SPACE = re.compile(r"\s+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


@dataclass(slots=True)
class Page:
    """What was read from an HTML page."""

    title: str | None
    text: str
    published: str | None
    outlet: str | None
    url: str | None
    warnings: list[str]


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in a <meta> tag of its first 4 KB, if any."""
    m = _CHARSET.search(raw[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def looks_like_html(text: str) -> bool:
    """True when the start of `text` is markup (a doctype, <html>, <head>, <body> or block tags)."""
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml", "<head", "<body", "<!--")):
        return True
    return len(re.findall(r"</?(?:p|div|article|span|a|br|meta|title|h1)\b", head)) >= 2


def read_html(markup: str, item: str) -> Page:
    """The page's main text and metadata; InputError when it has no text to read."""
    markup = _XML_DECL.sub("", markup, count=1)  # lxml refuses a str that declares its encoding
    try:
        tree = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(item, f"malformed HTML, cannot be parsed ({exc or 'no content'})") from None
    meta = _metadata(tree)
    extracted = _trafilatura(markup)
    title = meta.get("title") or (extracted or {}).get("title")
    body = (extracted or {}).get("text") or ""
    if not body.strip():
        body = _fallback_text(tree)
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
    if title and lines and _SPACE.sub(" ", lines[0]) == _SPACE.sub(" ", title):
        lines = lines[1:]
    if not lines:
        raise InputError(item, "no main text found in the HTML page")
    text = (f"{title}\n\n" if title else "") + "\n".join(lines)
    warnings: list[str] = []
    published = None
    candidates = [*meta.get("dates", []), (extracted or {}).get("date")]
    for raw in candidates:
        found = parse_date(raw) if raw else None
        if found is not None:
            published = found.value
            break
    if published is None and meta.get("dates"):
        warnings.append(f"page date not understood: {meta['dates'][0][:60]!r}")
    outlet = meta.get("outlet") or (extracted or {}).get("sitename")
    url = meta.get("url") or (extracted or {}).get("url")
    return Page(title, text, published, outlet, url, warnings)


@lru_cache(maxsize=1)
def _trafilatura_module() -> Any:
    """The trafilatura module, or None when it cannot be imported (tried once per process)."""
    try:
        import trafilatura
    except Exception:  # ImportError, or a broken dependency of trafilatura (lxml_html_clean)
        return None
    return trafilatura


def _trafilatura(markup: str) -> dict[str, Any] | None:
    """trafilatura's extraction as a dict, or None when it is unavailable or finds nothing."""
    trafilatura = _trafilatura_module()
    if trafilatura is None:
        return None
    try:
        result = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                             include_tables=False, deduplicate=False)
    except Exception:  # trafilatura raises assorted errors on odd markup; fall back, never crash
        return None
    if result is None:
        return None
    return result.as_dict() if hasattr(result, "as_dict") else dict(result)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = _SPACE.sub(" ", value).strip()
    return value or None


def _metadata(tree: lxml_html.HtmlElement) -> dict[str, Any]:
    """Title, dates (candidates, best first), outlet and url from the page head."""
    metas: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if key and content and key not in metas:
            metas[key] = content
    ld = _json_ld(tree)
    out: dict[str, Any] = {}
    outlet = _clean(metas.get("og:site_name") or _ld_name(ld.get("publisher")) or metas.get("application-name"))
    out["outlet"] = outlet
    headline = ld.get("headline") if isinstance(ld.get("headline"), str) else None
    title = _strip_site(_clean(metas.get("og:title") or metas.get("twitter:title") or headline), outlet, strict=True)
    if not title:
        h1 = tree.find(".//h1")
        title = _clean(h1.text_content()) if h1 is not None else None
    if not title:
        tag = tree.find(".//title")
        title = _strip_site(_clean(tag.text_content()) if tag is not None else None, outlet)
    out["title"] = title
    dates = [metas[k] for k in _DATE_META if k in metas]
    if isinstance(ld.get("datePublished"), str):
        dates.insert(0, ld["datePublished"])
    for el in tree.iter("time"):
        if el.get("datetime"):
            dates.append(el.get("datetime"))
        elif el.text_content().strip():
            dates.append(el.text_content().strip())
    out["dates"] = dates
    canonical = next((el.get("href") for el in tree.iter("link")
                      if "canonical" in (el.get("rel") or "").lower().split() and el.get("href")), None)
    ld_url = ld.get("url") if isinstance(ld.get("url"), str) else None
    out["url"] = _clean(canonical or metas.get("og:url") or ld_url)
    return out


def _strip_site(title: str | None, outlet: str | None, strict: bool = False) -> str | None:
    """A title without its " | Site" or " - Site" part (`strict`: only when that part names the outlet)."""
    if not title:
        return None
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        if sep in title:
            head, _, tail = title.rpartition(sep)
            names_outlet = outlet is not None and outlet in tail
            if names_outlet or (not strict and (outlet is None or len(tail) < len(head))):
                return head.strip() or title
    return title


def _json_ld(tree: lxml_html.HtmlElement) -> dict[str, Any]:
    """The first schema.org article object of the page's JSON-LD blocks ({} when none)."""
    for el in tree.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except (ValueError, RecursionError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            obj = stack.pop(0)
            if isinstance(obj, dict):
                if "@graph" in obj and isinstance(obj["@graph"], list):
                    stack.extend(obj["@graph"])
                if "headline" in obj or "datePublished" in obj:
                    return obj
    return {}


def _ld_name(value: Any) -> str | None:
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"]
    return value if isinstance(value, str) else None


def _fallback_text(tree: lxml_html.HtmlElement) -> str:
    """Paragraph text of the article (or main, or body) without page furniture."""
    for tag in _DROP_TAGS:
        for el in list(tree.iter(tag)):
            el.drop_tree()
    for el in list(tree.iter(etree.Comment)):
        el.drop_tree()
    root = None
    for path in (".//article", ".//*[@itemprop='articleBody']", ".//main", ".//body"):
        root = tree.find(path) if not path.startswith(".//*[") else next(iter(tree.xpath(path)), None)
        if root is not None:
            break
    root = root if root is not None else tree
    paragraphs = [_clean(el.text_content()) for el in root.iter(*_BLOCKS)]
    paragraphs = [p for p in paragraphs if p and len(p.split()) >= 2]
    if not paragraphs:
        paragraphs = [p for p in (_clean(x) for x in root.text_content().splitlines()) if p]
    return "\n".join(paragraphs)
