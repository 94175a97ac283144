"""Polling real HTTP sources on loopback: feeds, sitemaps, pages, conditional GET, and every way a
source can misbehave (slow, 500, malformed, redirect loop, huge), none of which stops the others."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import select

from marsad.errors import ConfigError
from marsad.store import Store
from marsad.store import schema as t
from marsad.watch import Watcher, add_source, list_sources, remove_source
from marsad.watch.fetch import FetchError, FetchSettings, Fetcher, _HostGate
from marsad.watch.runner import FAILING_AFTER, backoff

from stories import ANONYMOUS, DEFECTION, MEETING, PORT_TAKEN, feed_items, serve
from watchserver import Site, atom, page, rss, sitemap


def _articles(store: Store) -> list[tuple[str, str, str]]:
    with store.connect() as conn:
        return [tuple(r) for r in conn.execute(select(t.articles.c.source_id, t.articles.c.outlet,
                                                      t.articles.c.published)).all()]


def test_a_feed_is_detected_polled_and_its_new_articles_stored(site: Site, store: Store, fast: FetchSettings) -> None:
    serve(site, DEFECTION, MEETING)
    site.put("/rss.xml", rss(site.base, feed_items(DEFECTION, MEETING)), content_type="application/rss+xml")
    source = add_source(store, site.url("/rss.xml"), outlet="وكالة الاختبار", credibility="state-run")
    assert source.kind == "feed"
    summary = Watcher(store, fetch=fast).run_once()
    assert (summary.sources, summary.stored, summary.failed_items) == (1, 2, [])
    stored = {r[0]: r for r in _articles(store)}
    assert set(stored) == {site.url(DEFECTION[0]), site.url(MEETING[0])}
    # the source's outlet name wins over the page's; the page's own date is kept
    assert stored[site.url(DEFECTION[0])][1] == "وكالة الاختبار"
    assert stored[site.url(DEFECTION[0])][2].startswith("2017-03-12")
    state = list_sources(store)[0]
    assert state.failures == 0 and state.etag and state.last_polled and state.next_poll > state.last_polled


def test_a_repoll_is_conditional_and_fetches_no_page_twice(site: Site, store: Store, fast: FetchSettings) -> None:
    serve(site, DEFECTION, MEETING)
    site.put("/rss.xml", rss(site.base, feed_items(DEFECTION)))
    add_source(store, site.url("/rss.xml"), kind="feed")
    watcher = Watcher(store, fetch=fast)
    assert watcher.run_once().stored == 1
    again = watcher.run_once(force=True)
    assert (again.not_modified, again.stored, again.new_items) == (1, 0, 0)
    assert site.not_modified["/rss.xml"] == 1
    # the feed changes: only the new item's page is fetched
    site.put("/rss.xml", rss(site.base, feed_items(DEFECTION, MEETING)))
    third = watcher.run_once(force=True)
    assert (third.new_items, third.stored) == (1, 1)
    assert site.hits[DEFECTION[0]] == 1 and site.hits[MEETING[0]] == 1
    assert not watcher.run_once().sources   # nothing is due before the interval has passed


def test_the_same_article_under_another_url_is_not_stored_twice(site: Site, store: Store, fast: FetchSettings) -> None:
    serve(site, DEFECTION)
    path, title, published, body = DEFECTION
    site.put("/mirror/defection.html", page(title, body, published=published))
    site.put("/rss.xml", rss(site.base, [(path, title, "Sun, 12 Mar 2017 07:30:00 GMT"),
                                         ("/mirror/defection.html", title, "Sun, 12 Mar 2017 07:30:00 GMT")]))
    add_source(store, site.url("/rss.xml"))
    summary = Watcher(store, fetch=fast).run_once()
    assert (summary.stored, summary.duplicates) == (1, 1)
    with store.connect() as conn:
        statuses = sorted(r[0] for r in conn.execute(select(t.watch_items.c.status)).all())
    assert statuses == ["duplicate", "stored"]


def test_atom_sitemap_page_and_file_sources(site: Site, store: Store, fast: FetchSettings, tmp_path: Path) -> None:
    serve(site, DEFECTION, PORT_TAKEN, ANONYMOUS, MEETING)
    site.put("/atom.xml", atom(site.base, [(DEFECTION[0], DEFECTION[1], "2017-03-12T07:30:00Z")]),
             content_type="application/atom+xml")
    site.put("/sitemap.xml", sitemap(site.base, [PORT_TAKEN[0]]), content_type="application/xml")
    local = tmp_path / "feed.xml"
    local.write_text(rss(site.base, feed_items(MEETING)), encoding="utf-8")
    kinds = {add_source(store, target).kind for target in
             (site.url("/atom.xml"), site.url("/sitemap.xml"), site.url(ANONYMOUS[0]), str(local))}
    assert kinds == {"feed", "sitemap", "page"}
    watcher = Watcher(store, fetch=fast)
    summary = watcher.run_once()
    assert (summary.sources, summary.stored, summary.failed_sources) == (4, 4, [])
    again = watcher.run_once(force=True)    # a file is not modified when its time stamp is the same
    assert (again.not_modified, again.stored) == (4, 0)


def test_misbehaving_sources_fail_alone_and_quickly(site: Site, store: Store, fast: FetchSettings) -> None:
    serve(site, DEFECTION, MEETING)
    site.put("/good.xml", rss(site.base, feed_items(DEFECTION)))
    site.put("/slow.xml", rss(site.base, feed_items(MEETING)), delay=2.5)    # past the 1 s timeout
    site.put("/broken.xml", "", status=500)
    site.put("/malformed.xml", '<?xml version="1.0"?><rss version="2.0"><channel><item><title>خبر',
             content_type="application/rss+xml")
    site.put("/loop-a", "", redirect="/loop-b")
    site.put("/loop-b", "", redirect="/loop-a")
    site.put("/huge.html", page("صفحة ضخمة", "كلام " * 200_000, published="2017-03-12"))
    site.put("/with-huge.xml", rss(site.base, [("/huge.html", "صفحة ضخمة", "Sun, 12 Mar 2017 07:30:00 GMT")]))
    for path, kind in (("/good.xml", "feed"), ("/slow.xml", "feed"), ("/broken.xml", "feed"),
                       ("/malformed.xml", "feed"), ("/loop-a", "page"), ("/with-huge.xml", "feed")):
        add_source(store, site.url(path), kind=kind)
    started = time.monotonic()
    summary = Watcher(store, fetch=fast).run_once()
    elapsed = time.monotonic() - started
    assert summary.stored == 1 and elapsed < 20
    errors = dict(summary.failed_sources)
    assert "timed out" in errors[site.url("/slow.xml")]
    assert "HTTP 500" in errors[site.url("/broken.xml")]
    assert "malformed feed" in errors[site.url("/malformed.xml")]
    assert "redirect" in errors[site.url("/loop-a")]
    assert site.hits["/broken.xml"] == 1 + fast.retries          # a 5xx is tried again, then given up
    assert "too large" in dict(summary.failed_items)[site.url("/huge.html")]
    states = {s.url: s for s in list_sources(store)}
    assert states[site.url("/good.xml")].failures == 0
    assert all(states[u].failures == 1 and states[u].last_error for u in errors)


def test_a_source_that_keeps_failing_is_reported_and_backed_off(site: Site, store: Store, fast: FetchSettings,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    site.put("/broken.xml", "", status=503)
    add_source(store, site.url("/broken.xml"), kind="feed", interval=600)
    watcher = Watcher(store, fetch=fast)
    waits = []
    for _ in range(FAILING_AFTER):
        watcher.run_once(force=True)
        s = list_sources(store)[0]
        waits.append(s.next_poll)
    assert s.failures == FAILING_AFTER and "503" in s.last_error
    assert waits == sorted(waits)
    assert backoff(600, 1) == 1200 and backoff(600, 3) == 4800 and backoff(600, 20) == 6 * 3600
    assert any("keeps failing" in r.getMessage() and r.levelname == "ERROR" for r in caplog.records)
    assert not watcher.run_once().sources      # backed off: not due now
    site.put("/broken.xml", rss(site.base, []))
    watcher.run_once(force=True)
    assert list_sources(store)[0].failures == 0


def test_failed_items_are_tried_again_a_few_times(site: Site, store: Store, fast: FetchSettings) -> None:
    site.put("/rss.xml", rss(site.base, [("/missing.html", "مفقود", "Sun, 12 Mar 2017 07:30:00 GMT")]))
    add_source(store, site.url("/rss.xml"), kind="feed")
    watcher = Watcher(store, fetch=fast)
    for _ in range(5):
        site.put("/rss.xml", rss(site.base, [("/missing.html", "مفقود", "Sun, 12 Mar 2017 07:30:00 GMT")]))
        watcher.run_once(force=True)
    assert site.hits["/missing.html"] == 3     # MAX_ATTEMPTS, then left alone


def test_per_host_rate_limit_spaces_requests() -> None:
    gate = _HostGate(0.2)
    started = time.monotonic()
    for _ in range(3):
        gate.wait("example.org")
    gate.wait("other.org")                     # another host does not wait
    assert 0.38 < time.monotonic() - started < 1.5


def test_fetch_errors_name_the_url(site: Site, fast: FetchSettings) -> None:
    with Fetcher(fast) as fetcher, pytest.raises(FetchError) as err:
        fetcher.get(site.url("/nothing-here"))
    assert "404" in str(err.value) and site.url("/nothing-here") in str(err.value) and not err.value.transient


def test_adding_sources_checks_what_it_is_given(site: Site, store: Store, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        add_source(store, str(tmp_path / "nope.xml"))
    with pytest.raises(ConfigError, match="cannot tell what"):
        add_source(store, "http://127.0.0.1:9/feed.xml", fetcher=Fetcher(FetchSettings(timeout=0.5, retries=0)))
    with pytest.raises(ConfigError, match="at least 60"):
        add_source(store, site.url("/x"), kind="page", interval=5)
    add_source(store, site.url("/x"), kind="page")
    with pytest.raises(ConfigError, match="already followed"):
        add_source(store, site.url("/x"), kind="page")
    assert remove_source(store, site.url("/x")).kind == "page" and list_sources(store) == []


def test_pages_the_robots_file_disallows_are_left_alone(site: Site, store: Store, fast: FetchSettings) -> None:
    path, title, published, body = DEFECTION
    serve(site, MEETING)
    site.put("/private/defection.html", page(title, body, published=published))
    site.put("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.put("/rss.xml", rss(site.base, [("/private/defection.html", title, "Sun, 12 Mar 2017 07:30:00 GMT"),
                                         *feed_items(MEETING)]))
    add_source(store, site.url("/rss.xml"), kind="feed")
    watcher = Watcher(store, fetch=fast)
    summary = watcher.run_once()
    assert (summary.stored, summary.skipped, summary.failed_items) == (1, 1, [])
    assert "/private/defection.html" not in site.hits and site.hits["/robots.txt"] == 1
    site.put("/rss.xml", rss(site.base, [("/private/defection.html", title, "Sun, 12 Mar 2017 07:30:00 GMT"),
                                         *feed_items(MEETING)]))
    assert watcher.run_once(force=True).skipped == 0        # skipped for good, not tried again
