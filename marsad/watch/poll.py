"""Polling one source (run in a worker thread): fetch its listing conditionally, find the items not
seen before, fetch each article page and read it into a `Document`. Nothing here writes the store."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.errors import InputError
from marsad.model import Document
from marsad.watch.fetch import FetchError, Fetcher
from marsad.watch.items import Item, ListingError, read_listing
from marsad.watch.page import page_document
from marsad.watch.sources import Source

log = logging.getLogger(__name__)

#: At most this many new items are fetched per source and poll (the rest wait for the next poll).
MAX_ITEMS = 50
#: How deep a sitemap index is followed, and how many child sitemaps at most.
MAX_SITEMAPS = 20


@dataclass(slots=True)
class Got:
    """One new item: its document, or why it could not be read."""

    item: Item
    document: Document | None = None
    error: str | None = None
    skipped: bool = False          # left alone on purpose (robots.txt), not to be tried again


@dataclass(slots=True)
class PollResult:
    """What polling one source found."""

    source: Source
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    got: list[Got] = field(default_factory=list)
    listed: int = 0
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


def poll(source: Source, fetcher: Fetcher, seen: set[str], *, retry: Sequence[str] = (),
         max_items: int = MAX_ITEMS) -> PollResult:
    """Poll one source (and try again the items in `retry`, which failed before); every failure is
    caught and returned in the result, never raised."""
    result = PollResult(source, etag=source.etag, last_modified=source.last_modified)
    try:
        _poll(source, fetcher, seen, list(retry), max_items, result)
    except (FetchError, ListingError) as exc:
        result.error = getattr(exc, "reason", None) or str(exc)
    except Exception as exc:  # noqa: BLE001 - one source's failure must never stop the others
        log.exception("polling %s failed unexpectedly", source.url)
        result.error = f"unexpected error ({type(exc).__name__}: {exc})"
    return result


def _poll(source: Source, fetcher: Fetcher, seen: set[str], retry: list[str], max_items: int,
          result: PollResult) -> None:
    listing = fetcher.get(source.url, etag=source.etag, last_modified=source.last_modified)
    result.seconds += listing.seconds
    result.etag, result.last_modified = listing.etag, listing.last_modified
    if listing.not_modified:
        result.not_modified = True
        if source.kind != "page":
            _fetch_items(source, fetcher, [Item(u) for u in retry][:max_items], result)
        return
    if source.kind == "page":
        result.listed = 1
        result.got.append(_read(Item(listing.url), listing.content, listing.content_type, source))
        return
    parsed = read_listing(source.kind, listing.content, listing.url)
    result.warnings.extend(parsed.warnings)
    items = list(parsed.items)
    for child in parsed.sitemaps[:MAX_SITEMAPS]:   # an index: its sitemaps (one level down)
        try:
            sub = read_listing("sitemap", fetcher.get(child).content, child)
        except (FetchError, ListingError) as exc:
            result.warnings.append(f"child sitemap skipped: {exc}")
            continue
        items.extend(sub.items)
    result.listed = len(items)
    listed = dict((it.url, it) for it in items)
    fresh = [it for it in listed.values() if it.url not in seen]
    fresh += [Item(u) for u in retry if u not in listed]
    if len(fresh) > max_items:
        result.warnings.append(f"{len(fresh)} new items; {max_items} fetched now, the rest on the next polls")
    _fetch_items(source, fetcher, fresh[:max_items], result)


def _fetch_items(source: Source, fetcher: Fetcher, items: list[Item], result: PollResult) -> None:
    for item in items:
        if not fetcher.allowed(item.url):
            result.got.append(Got(item, error="disallowed by the site's robots.txt", skipped=True))
            continue
        try:
            page = fetcher.get(item.url)
        except FetchError as exc:
            result.got.append(Got(item, error=exc.reason))
            continue
        result.seconds += page.seconds
        result.got.append(_read(item, page.content, page.content_type, source))


def _read(item: Item, raw: bytes, content_type: str | None, source: Source) -> Got:
    try:
        doc = page_document(raw, item.url, content_type=content_type, outlet=source.outlet,
                            title=item.title, published=item.published)
    except InputError as exc:
        return Got(item, error=exc.reason)
    except Exception as exc:  # noqa: BLE001 - a parser failure on hostile markup must not stop the poll
        return Got(item, error=f"cannot read the page ({type(exc).__name__}: {exc})")
    return Got(item, document=doc)
