"""Followed sources and the items they listed, kept in the store's database (tables `watch_sources`
and `watch_items`, made by migration 0002_watch)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import delete, insert, select, update

from marsad.errors import ConfigError, StoreError
from marsad.store import Store
from marsad.store import schema as t
from marsad.store.db import guarded
from marsad.watch.fetch import FetchError, Fetcher, file_url, is_local, local_path
from marsad.watch.items import KINDS, sniff_kind

#: The shortest polling interval allowed (seconds): polling more often is not polite.
MIN_INTERVAL = 60
#: Item statuses that are final: the item is not fetched again.
DONE = ("stored", "duplicate", "skipped")
#: A failed item is tried again on later polls until it has failed this many times.
MAX_ATTEMPTS = 3


def now_iso() -> str:
    """The current UTC time as ISO 8601 (seconds)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def later_iso(seconds: float) -> str:
    """The UTC time `seconds` from now, as ISO 8601."""
    return (datetime.now(timezone.utc) + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(slots=True)
class Source:
    """A followed source with its settings and polling state."""

    id: int
    url: str
    kind: str
    outlet: str | None
    language: str
    interval: int
    credibility: str | None
    etag: str | None
    last_modified: str | None
    last_polled: str | None
    next_poll: str | None
    failures: int
    last_error: str | None
    added_at: str

    @classmethod
    def from_row(cls, row: Any) -> "Source":
        """A Source from a `watch_sources` row."""
        return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def label(self) -> str:
        """The outlet name, else the URL (for messages)."""
        return self.outlet or self.url


def normalise_target(target: str) -> str:
    """An http(s) URL as given, a local path or file:// URL as an absolute file:// URL."""
    target = target.strip()
    if not target:
        raise ConfigError("give a URL or a file to follow")
    if is_local(target):
        path = local_path(target)
        if not path.is_file():
            raise ConfigError(f"{target}: no such file")
        return file_url(path)
    return target


def detect_kind(url: str, fetcher: Fetcher) -> str:
    """feed, sitemap or page, from what the URL answers now."""
    try:
        fetched = fetcher.get(url)
    except FetchError as exc:
        raise ConfigError(f"cannot tell what {url} is ({exc.reason}); give --kind feed|sitemap|page") from None
    return sniff_kind(fetched.content)


def add_source(store: Store, target: str, *, kind: str | None = None, outlet: str | None = None,
               language: str = "ar", interval: int = 900, credibility: str | None = None,
               fetcher: Fetcher | None = None) -> Source:
    """Follow a feed, sitemap or page (URL or file); its kind is detected when not given."""
    url = normalise_target(target)
    if kind is not None and kind not in KINDS:
        raise ConfigError(f"unknown kind {kind!r} (feed, sitemap or page)")
    if interval < MIN_INTERVAL:
        raise ConfigError(f"the polling interval must be at least {MIN_INTERVAL} seconds, not {interval}")
    if kind is None:
        own = fetcher is None
        fetcher = fetcher or Fetcher()
        try:
            kind = detect_kind(url, fetcher)
        finally:
            if own:
                fetcher.close()
    with guarded(store.url), store.engine.begin() as conn:
        if conn.execute(select(t.watch_sources.c.id).where(t.watch_sources.c.url == url)).first():
            raise ConfigError(f"{url} is already followed (remove it first to change its settings)")
        conn.execute(insert(t.watch_sources).values(
            url=url, kind=kind, outlet=outlet, language=language, interval=interval, credibility=credibility,
            failures=0, added_at=now_iso(), next_poll=None))
    return get_source(store, url)


def list_sources(store: Store) -> list[Source]:
    """Every followed source, oldest first."""
    with store.connect() as conn:
        rows = conn.execute(select(t.watch_sources).order_by(t.watch_sources.c.id)).all()
    return [Source.from_row(r) for r in rows]


def get_source(store: Store, ref: str | int) -> Source:
    """A source by its id or URL (or file path); StoreError when it is not followed."""
    ref_s = str(ref).strip()
    with store.connect() as conn:
        if ref_s.isdigit():
            row = conn.execute(select(t.watch_sources).where(t.watch_sources.c.id == int(ref_s))).first()
        else:
            url = file_url(local_path(ref_s)) if is_local(ref_s) and not ref_s.startswith("file:") else ref_s
            row = conn.execute(select(t.watch_sources).where(t.watch_sources.c.url.in_([ref_s, url]))).first()
    if row is None:
        raise StoreError(f"no followed source {ref_s!r} (see 'marsad watch list')")
    return Source.from_row(row)


def remove_source(store: Store, ref: str | int) -> Source:
    """Stop following a source (its items' records go with it; stored articles stay)."""
    source = get_source(store, ref)
    with guarded(store.url), store.engine.begin() as conn:
        conn.execute(delete(t.watch_items).where(t.watch_items.c.source_id == source.id))
        conn.execute(delete(t.watch_sources).where(t.watch_sources.c.id == source.id))
    return source


def due_sources(store: Store, *, force: bool = False) -> list[Source]:
    """Sources whose next poll is due now (every source with `force`)."""
    now = now_iso()
    return [s for s in list_sources(store) if force or s.next_poll is None or s.next_poll <= now]


def seen_urls(store: Store, source_id: int) -> set[str]:
    """Item URLs of a source that need no fetching again (done, or failed too often)."""
    with store.connect() as conn:
        rows = conn.execute(select(t.watch_items.c.url, t.watch_items.c.status, t.watch_items.c.attempts)
                            .where(t.watch_items.c.source_id == source_id)).all()
    return {r.url for r in rows if r.status in DONE or r.attempts >= MAX_ATTEMPTS}


def retry_urls(store: Store, source_id: int) -> list[str]:
    """Item URLs of a source that failed before and are to be tried again."""
    with store.connect() as conn:
        rows = conn.execute(select(t.watch_items.c.url).where(
            (t.watch_items.c.source_id == source_id) & (t.watch_items.c.status == "failed")
            & (t.watch_items.c.attempts < MAX_ATTEMPTS))).all()
    return [r.url for r in rows]


def record_item(store: Store, source_id: int, url: str, status: str, *, article_id: str | None = None,
                error: str | None = None) -> None:
    """Remember what became of an item (a failed item counts its attempts)."""
    with guarded(store.url), store.engine.begin() as conn:
        row = conn.execute(select(t.watch_items.c.id, t.watch_items.c.attempts).where(
            (t.watch_items.c.source_id == source_id) & (t.watch_items.c.url == url))).first()
        if row is None:
            conn.execute(insert(t.watch_items).values(source_id=source_id, url=url, status=status,
                                                      article_id=article_id, attempts=1, error=error,
                                                      seen_at=now_iso()))
        else:
            conn.execute(update(t.watch_items).where(t.watch_items.c.id == row.id).values(
                status=status, article_id=article_id, error=error, attempts=row.attempts + 1, seen_at=now_iso()))


def update_source(store: Store, source_id: int, **values: Any) -> None:
    """Write a source's polling state (validators, times, failures, last error)."""
    with guarded(store.url), store.engine.begin() as conn:
        conn.execute(update(t.watch_sources).where(t.watch_sources.c.id == source_id).values(**values))


def source_of_article(conn: Any, article_id: str) -> dict[str, Any] | None:
    """The followed source an article came from (url, outlet, credibility), if any."""
    row = conn.execute(select(t.watch_sources.c.url, t.watch_sources.c.outlet, t.watch_sources.c.credibility,
                              t.watch_items.c.url.label("item_url"))
                       .join(t.watch_items, t.watch_items.c.source_id == t.watch_sources.c.id)
                       .where(t.watch_items.c.article_id == article_id)).first()
    if row is None:
        return None
    return {"source": row.url, "outlet": row.outlet, "credibility": row.credibility, "item": row.item_url}
