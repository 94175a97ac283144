"""What a source lists: the items of an RSS/Atom feed or a sitemap, and the kind of a source.

A feed is read with feedparser (RSS 0.9x/1.0/2.0, Atom); a sitemap with lxml (`urlset`, and
`sitemapindex` whose child sitemaps the poller follows). Anything else is a page: the article itself.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin

import feedparser
from lxml import etree

from marsad.errors import MarsadError

log = logging.getLogger(__name__)

KINDS = ("feed", "sitemap", "page")
_FEED_ROOT = re.compile(rb"<(?:[a-zA-Z0-9_]+:)?(rss|feed|RDF)[\s>]")
_SITEMAP_ROOT = re.compile(rb"<(?:[a-zA-Z0-9_]+:)?(urlset|sitemapindex)[\s>]")


class ListingError(MarsadError):
    """A feed or sitemap could not be read (malformed, or not what the source was added as)."""


@dataclass(slots=True)
class Item:
    """One entry a source lists: the article's URL and what the listing says of it."""

    url: str
    title: str | None = None
    published: str | None = None


@dataclass(slots=True)
class Listing:
    """The items of a feed or sitemap, and the child sitemaps of a sitemap index."""

    items: list[Item]
    sitemaps: list[str]
    warnings: list[str]


def sniff_kind(content: bytes) -> str:
    """feed, sitemap or page, from the first bytes of a response."""
    head = content[:4096]
    if _SITEMAP_ROOT.search(head):
        return "sitemap"
    if _FEED_ROOT.search(head):
        return "feed"
    return "page"


def read_listing(kind: str, content: bytes, base_url: str) -> Listing:
    """The items a feed or sitemap lists; ListingError when it cannot be read."""
    if kind == "feed":
        return read_feed(content, base_url)
    if kind == "sitemap":
        return read_sitemap(content, base_url)
    raise ListingError(f"{base_url}: a {kind} has no listing")


def _iso(parsed: object) -> str | None:
    """An ISO date-time (UTC) from feedparser's time.struct_time."""
    if not parsed:
        return None
    try:
        return datetime(*parsed[:6], tzinfo=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def read_feed(content: bytes, base_url: str) -> Listing:
    """The entries of an RSS or Atom feed (their links made absolute)."""
    parsed = feedparser.parse(content)
    warnings: list[str] = []
    reason = str(getattr(parsed, "bozo_exception", "") or "not well-formed").splitlines()[0] if parsed.bozo else ""
    if not parsed.entries and not parsed.version:
        raise ListingError(f"{base_url}: " + (f"malformed feed ({reason})" if reason else "not an RSS or Atom feed"))
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or next((ln.get("href") for ln in entry.get("links", []) if ln.get("href")), None)
        if not link:
            guid = entry.get("id") or ""
            link = guid if guid.startswith(("http://", "https://")) else None
        if not link:
            warnings.append(f"an entry without a link was skipped ({(entry.get('title') or '')[:60]!r})")
            continue
        items.append(Item(urljoin(base_url, link.strip()), (entry.get("title") or "").strip() or None,
                          _iso(entry.get("published_parsed") or entry.get("updated_parsed"))))
    if reason:
        if not items:
            raise ListingError(f"{base_url}: malformed feed ({reason})")
        warnings.append(f"feed is not well-formed ({reason}); {len(items)} entries read anyway")
    return Listing(items, [], warnings)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def read_sitemap(content: bytes, base_url: str) -> Listing:
    """The URLs of a sitemap (`urlset`), or the child sitemaps of a `sitemapindex`."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise ListingError(f"{base_url}: malformed sitemap ({exc})") from None
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise ListingError(f"{base_url}: not a sitemap (its root element is <{kind}>)")
    items, children = [], []
    for node in root:
        if _local(node.tag) not in ("url", "sitemap"):
            continue
        loc = next((c.text.strip() for c in node if _local(c.tag) == "loc" and c.text), None)
        if not loc:
            continue
        lastmod = next((c.text.strip() for c in node if _local(c.tag) == "lastmod" and c.text), None)
        if kind == "sitemapindex":
            children.append(urljoin(base_url, loc))
        else:
            items.append(Item(urljoin(base_url, loc), None, lastmod))
    return Listing(items, children, [])
