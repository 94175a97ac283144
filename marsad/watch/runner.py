"""The observatory's loop: poll the sources that are due (in worker threads, so a slow or failing
source never holds up the others), analyse and store each new article (`Store.add`, which fires the
alert rules), and back off from a source that keeps failing.

    with Store("marsad.db") as store:
        Watcher(store).run_once()          # one round, for cron
        Watcher(store).run_forever()       # until stopped
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any

from marsad.store import Store
from marsad.watch.fetch import FetchSettings, Fetcher
from marsad.watch.poll import MAX_ITEMS, PollResult, poll
from marsad.watch.sources import (Source, due_sources, later_iso, now_iso, record_item, retry_urls, seen_urls,
                                  update_source)

log = logging.getLogger(__name__)

#: A source failing this many polls in a row is reported as failing (an error in the log).
FAILING_AFTER = 3
#: The longest back-off between two polls of a failing source (seconds).
MAX_BACKOFF = 6 * 3600


def backoff(interval: int, failures: int) -> int:
    """Seconds until the next poll of a source after `failures` failed polls in a row."""
    if failures <= 0:
        return interval
    return int(min(interval * (2 ** min(failures, 16)), max(MAX_BACKOFF, interval)))


@dataclass(slots=True)
class RoundSummary:
    """What one round of polling did."""

    sources: int = 0
    not_modified: int = 0
    failed_sources: list[tuple[str, str]] = field(default_factory=list)
    new_items: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed_items: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        """One line for a person."""
        return (f"polled {self.sources} source(s) ({self.not_modified} unchanged, {len(self.failed_sources)} "
                f"failed): {self.new_items} new item(s), {self.stored} stored, {self.duplicates} already stored, "
                f"{len(self.failed_items)} unreadable" + (f", {self.skipped} disallowed by robots.txt" if self.skipped else "")
                + f", in {self.seconds:.1f} s")


#: Called when an article's source is known, just before it is stored (alerts use it).
OriginHook = Callable[[dict[str, Any] | None], None]


class Watcher:
    """Polls a store's followed sources and ingests what is new."""

    def __init__(self, store: Store, *, pipeline: Any = None, settings: Any = None,
                 fetch: FetchSettings | None = None, workers: int = 4, max_items: int = MAX_ITEMS,
                 origin: OriginHook | None = None) -> None:
        self.store = store
        self.settings = settings
        self._pipeline = pipeline
        self.fetch_settings = fetch or FetchSettings()
        self.workers = max(1, workers)
        self.max_items = max_items
        self.origin = origin

    @property
    def pipeline(self) -> Any:
        """The analysis pipeline (built on first use)."""
        if self._pipeline is None:
            from marsad.api import build_pipeline

            self._pipeline = build_pipeline(self.settings)
        return self._pipeline

    def run_once(self, *, force: bool = False) -> RoundSummary:
        """Poll every source that is due (every source with `force`) once."""
        started = time.perf_counter()
        summary = RoundSummary()
        sources = due_sources(self.store, force=force)
        summary.sources = len(sources)
        if not sources:
            return summary
        with Fetcher(self.fetch_settings) as fetcher, ThreadPoolExecutor(self.workers, "marsad-poll") as pool:
            futures = [pool.submit(poll, s, fetcher, seen_urls(self.store, s.id), retry=retry_urls(self.store, s.id),
                                   max_items=self.max_items) for s in sources]
            for future in as_completed(futures):
                self._absorb(future.result(), summary)
        summary.seconds = time.perf_counter() - started
        log.info("%s", summary.line())
        return summary

    def run_forever(self, stop: threading.Event | None = None, *, max_rounds: int | None = None,
                    tick: float = 30.0) -> int:
        """Poll on schedule until `stop` is set (or `max_rounds` rounds ran); the number of rounds."""
        stop = stop or threading.Event()
        rounds = 0
        while not stop.is_set() and (max_rounds is None or rounds < max_rounds):
            summary = self.run_once()
            if summary.sources:
                rounds += 1
            stop.wait(self._sleep(tick))
        return rounds

    def _sleep(self, tick: float) -> float:
        """Seconds until the next source is due (at most `tick`)."""
        pending = [s.next_poll for s in due_sources(self.store, force=True) if s.next_poll]
        if not pending:
            return tick
        from datetime import datetime

        soonest = min(pending)
        try:
            wait = (datetime.fromisoformat(soonest.replace("Z", "+00:00"))
                    - datetime.fromisoformat(now_iso().replace("Z", "+00:00"))).total_seconds()
        except ValueError:
            return tick
        return max(0.2, min(tick, wait + 0.1))

    # -- one source's result ----------------------------------------------------------------

    def _absorb(self, result: PollResult, summary: RoundSummary) -> None:
        source = result.source
        for warning in result.warnings:
            log.warning("%s: %s", source.label(), warning)
        if result.error is not None:
            summary.failed_sources.append((source.url, result.error))
            self._failed(source, result.error)
            return
        if result.not_modified:
            summary.not_modified += 1
            log.debug("%s: not modified", source.label())
        for got in result.got:
            summary.new_items += 1
            self._item(source, got, summary)
        update_source(self.store, source.id, etag=result.etag, last_modified=result.last_modified,
                      last_polled=now_iso(), next_poll=later_iso(source.interval), failures=0, last_error=None)
        if source.failures:
            log.warning("%s: polled again after %d failure(s)", source.label(), source.failures)

    def _failed(self, source: Source, error: str) -> None:
        failures = source.failures + 1
        wait = backoff(source.interval, failures)
        update_source(self.store, source.id, last_polled=now_iso(), next_poll=later_iso(wait),
                      failures=failures, last_error=error)
        if failures >= FAILING_AFTER:
            log.error("source %s keeps failing (%d polls in a row; last: %s); backing off, next try in %d s",
                      source.label(), failures, error, wait)
        else:
            log.warning("source %s failed (%s); next try in %d s", source.label(), error, wait)

    def _item(self, source: Source, got: Any, summary: RoundSummary) -> None:
        url = got.item.url
        if got.document is None and got.skipped:
            summary.skipped += 1
            log.info("%s: skipped (%s)", url, got.error)
            record_item(self.store, source.id, url, "skipped", error=got.error)
            return
        if got.document is None:
            summary.failed_items.append((url, got.error or "unreadable"))
            log.warning("%s: %s", url, got.error)
            record_item(self.store, source.id, url, "failed", error=got.error)
            return
        try:
            analysis = self.pipeline(got.document)
        except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the round
            reason = f"analysis failed ({type(exc).__name__}: {exc})"
            summary.failed_items.append((url, reason))
            log.warning("%s: %s", url, reason)
            record_item(self.store, source.id, url, "failed", error=reason)
            return
        if self.origin is not None:
            self.origin({"source": source.url, "outlet": source.outlet, "credibility": source.credibility,
                         "item": url})
        try:
            stored = self.store.add(analysis)
        finally:
            if self.origin is not None:
                self.origin(None)
        status = "duplicate" if stored.duplicate else "stored"
        if stored.duplicate:
            summary.duplicates += 1
        else:
            summary.stored += 1
        log.info("%s: %s (%s)", url, status, analysis.document.id)
        record_item(self.store, source.id, url, status, article_id=analysis.document.id)
