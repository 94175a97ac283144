"""Each view of the web UI in a real headless chromium (Debian's, driven by Playwright) against
`marsad serve` over a store built from invented articles: entities highlighted, graph and map drawn,
the date slider changes the graph, corrections shown at once, nothing run from a hostile article, no
request leaving the machine, Arabic neither escaped nor mangled. Screenshots go to
test-artefacts/screenshots (or $MARSAD_SCREENSHOTS)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from server_browser import CHROMIUM, CHROMIUM_ARGS, Server, guard_network, screenshot_dir
from server_helpers import browser_missing, frontend_missing
from server_articles import HOSTILE, PASTED

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`marsad serve` over a private copy of the built store."""
    from marsad.server.assets import missing_vendor

    if missing_vendor():
        frontend_missing()
    db = tmp_path_factory.mktemp("browser-store") / "store.db"
    shutil.copy(built_store, db)
    srv = Server(db)
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's chromium, headless."""
    if not Path(CHROMIUM).exists():
        browser_missing()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watched:
    """A page with what must not happen recorded: requests leaving the machine, script errors, dialogs."""

    def __init__(self, browser: object, server: Server) -> None:
        self.server = server
        # the page's Content-Security-Policy is bypassed so that the tests can evaluate their own checks,
        # and so that the hostile-article test shows that escaping alone keeps a script from running
        self.context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="ar",  # type: ignore[attr-defined]
                                           bypass_csp=True)
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        guard_network(self.context, self.outside)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, view: str) -> object:
        self.page.goto(f"{self.server.url}/#/{view}")
        self.page.wait_for_selector(f"#view[data-view={view}][data-ready=true]", timeout=30_000)
        return self.page

    def shot(self, name: str) -> Path:
        path = screenshot_dir() / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


@pytest.fixture()
def watched(browser: object, server: Server) -> Iterator[Watched]:
    w = Watched(browser, server)
    yield w
    w.context.close()
    assert w.outside == [], f"requests left the machine: {w.outside}"
    assert w.errors == [], f"script errors: {w.errors}"
    assert w.dialogs == [], f"dialogs opened: {w.dialogs}"


def _body(text: str) -> str:
    return text.split("\n", 2)[2]


def test_article_view_highlights_entities_times_claims_events(watched: Watched) -> None:
    page = watched.open("article")
    page.fill("#article-input", PASTED)
    page.click("#analyse")
    page.wait_for_selector(".article-text .hl.ent", timeout=30_000)
    shown = page.inner_text(".article-text")
    assert shown.strip() == PASTED.strip()               # Arabic neither escaped nor mangled
    assert "&#" not in shown and "\\u" not in shown
    assert page.locator(".article-text .hl.ent").count() >= 3
    assert page.locator(".article-text .hl.ent-GPE").count() >= 1
    assert page.locator(".article-text .hl.claim").count() >= 1
    assert page.locator(".article-text .hl.event").count() >= 1
    assert page.locator(".article-text .hl.time").count() >= 1
    tip = page.locator(".article-text .hl.ent-GPE").first.get_attribute("title")
    assert "دولة أو مدينة" in tip
    page.locator(".article-text .hl.ent-GPE", has_text="طرابلس").first.click()
    page.wait_for_selector("#panel:not([hidden])")
    assert "طرابلس" in page.inner_text("#panel")
    assert "place:ly/tripoli" in page.inner_text("#panel")
    watched.shot("article")


def test_hostile_article_runs_nothing(watched: Watched) -> None:
    page = watched.open("article")
    page.fill("#article-input", HOSTILE)
    page.click("#analyse")
    page.wait_for_selector(".article-text", timeout=30_000)
    page.wait_for_timeout(500)
    text = page.inner_text(".article-text")
    assert "<script>window.__pwned = 1; alert('x')</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text and "& لا جديد" in text
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator(".article-text script, .article-text img, .article-text iframe, .article-text b").count() == 0
    page.click("#ingest")                                  # stored, then shown by other views as text
    page.wait_for_selector("#notice.ok", timeout=30_000)
    page.goto(f"{watched.server.url}/#/search")
    page.wait_for_selector("#view[data-ready=true]")
    page.fill("#search-input", "<img src=x onerror=\"window.__pwned=4\">")
    page.press("#search-input", "Enter")
    page.wait_for_timeout(500)
    page.goto(f"{watched.server.url}/#/claims")
    page.wait_for_selector("#claims-table[data-rows]")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#view img, #view script, #view iframe").count() == 0
    watched.shot("hostile-article")


def test_network_is_drawn_and_the_date_slider_changes_it(watched: Watched) -> None:
    page = watched.open("network")
    cy = page.locator("#cy")
    assert int(cy.get_attribute("data-nodes")) > 3
    last_edges = int(cy.get_attribute("data-edges"))
    assert page.locator("#cy canvas").count() >= 1
    assert "فاعلا" in page.inner_text("#net-status")
    page.eval_on_selector("#net-date", "el => { el.value = 0; el.dispatchEvent(new Event('input')); }")
    page.wait_for_function("document.querySelector('#cy').dataset.at === '2019-04-10'")
    first_edges = int(cy.get_attribute("data-edges"))
    assert 0 < first_edges < last_edges
    page.eval_on_selector("#net-date", "el => { el.value = el.max; el.dispatchEvent(new Event('input')); }")
    page.wait_for_function(f"document.querySelector('#cy').dataset.edges === '{last_edges}'")
    node = page.evaluate("""() => { const box = document.querySelector('#cy').getBoundingClientRect();
        return [box.x, box.y]; }""")
    assert node
    watched.shot("network")


def test_map_draws_boundaries_and_events_and_filters_them(watched: Watched) -> None:
    page = watched.open("map")
    box = page.locator("#map")
    assert int(box.get_attribute("data-countries")) > 100
    markers = int(box.get_attribute("data-markers"))
    assert markers >= 3
    assert page.locator("#map .leaflet-overlay-pane canvas, #map .leaflet-overlay-pane svg").count() >= 1
    watched.shot("map")
    page.select_option("#map-type", "ARREST")
    page.wait_for_function(f"document.querySelector('#map').dataset.markers !== '{markers}'")
    assert 0 < int(box.get_attribute("data-markers")) < markers
    assert "اعتقال" in page.inner_text("#map-legend")
    page.select_option("#map-type", "")
    page.fill("#map-to", "2019-04-30")
    page.dispatch_event("#map-to", "change")
    page.wait_for_function(f"document.querySelector('#map').dataset.markers !== '{markers}'")
    assert int(box.get_attribute("data-markers")) < markers
    page.fill("#map-to", "")
    page.dispatch_event("#map-to", "change")
    page.wait_for_function(f"document.querySelector('#map').dataset.markers === '{markers}'")


def test_timeline_runs_right_to_left(watched: Watched) -> None:
    console: list[str] = []
    watched.page.on("console", lambda msg: console.append(msg.text))
    page = watched.open("timeline")
    page.wait_for_selector("#timeline .vis-item")
    page.wait_for_timeout(1000)   # vis-timeline settles its layout over a few redraws
    assert "vis-rtl" in page.get_attribute("#timeline .vis-timeline", "class")

    def x_of(selector: str, text: str) -> float:
        box = page.locator(selector, has_text=text).first.bounding_box()
        assert box is not None, text
        return box["x"] + box["width"]    # right to left: an item starts at its right edge

    # the clash (2019-04-10) is earlier than the defection (2019-05-20): it stands to its right
    assert x_of("#timeline .vis-item", "اشتباك مسلح") > x_of("#timeline .vis-item", "انشق عن") + 50
    months = page.locator("#timeline .vis-time-axis .vis-text.vis-minor").all_inner_texts()
    shown = [m for m in months if m.strip()]
    assert shown and all(re.fullmatch(r"[\u0600-\u06FF ]+|\d+", m.strip()) for m in shown), shown
    assert "مايو" in shown, shown
    assert x_of("#timeline .vis-time-axis .vis-text", "أبريل") > x_of("#timeline .vis-time-axis .vis-text", "مايو")
    labels = page.locator("#timeline .vis-labelset").bounding_box()   # group labels on the right
    centre = page.locator("#timeline .vis-panel.vis-center").bounding_box()
    assert labels is not None and centre is not None and labels["x"] >= centre["x"] + centre["width"] - 2
    assert not [m for m in console if "infinite loop" in m], console
    watched.shot("timeline-rtl")


def test_timeline_links_to_the_network_and_the_map(watched: Watched) -> None:
    page = watched.open("timeline")
    page.wait_for_selector("#timeline .vis-item")
    assert page.locator("#timeline .vis-item").count() >= 5
    assert "انشق عن" in page.inner_text("#timeline")
    watched.shot("timeline")
    page.locator("#timeline .vis-item", has_text="انشق عن").first.click()
    page.wait_for_selector("#panel:not([hidden])")
    page.click("#tl-to-network")
    page.wait_for_selector("#view[data-view=network][data-ready=true]")
    assert page.get_attribute("#cy", "data-at") == "2019-05-20"


def test_claims_by_kind_of_source(watched: Watched) -> None:
    page = watched.open("claims")
    page.wait_for_selector("#claims-table[data-rows]")
    assert int(page.get_attribute("#claims-table", "data-rows")) >= 4
    summary = page.inner_text("#claims-summary")
    assert "مصدر مجهول" in summary and "شخص مسمّى" in summary
    assert "أحمد المسماري" in page.inner_text("#claims-table")
    watched.shot("claims")
    page.select_option("#claims-kind", "anonymous")
    page.wait_for_function("document.querySelector('#claims-table tbody') && "
                           "[...document.querySelectorAll('#claims-table tbody tr')].every(r => r.className === 'src-anonymous')")


def test_search_finds_actors_by_any_spelling(watched: Watched) -> None:
    page = watched.open("search")
    for query, expected in (("احمد المسماري", "أحمد المسماري"), ("مطار القرضابيه", "القرضابية")):
        page.fill("#search-input", query)
        page.press("#search-input", "Enter")
        page.wait_for_selector(f"#search-results a.result:has-text('{expected}')")
    page.click("#search-actors a.result")
    page.wait_for_selector("#panel:not([hidden])")
    assert "القرضابية" in page.inner_text("#panel h2")
    page.fill("#search-input", "مسيره")
    page.press("#search-input", "Enter")
    page.wait_for_selector("#search-claims li:has-text('طائرة مسيرة')")
    page.fill("#search-input", "خليفه حفتر")
    page.press("#search-input", "Enter")
    page.wait_for_selector("#search-results a.result:has-text('خليفة حفتر')")
    assert int(page.get_attribute("#search-events", "data-count")) >= 1
    watched.shot("search")


def test_corrections_from_a_view_are_stored_and_shown_at_once(watched: Watched) -> None:
    page = watched.open("map")
    before = int(page.get_attribute("#map", "data-markers"))
    page.select_option("#map-type", "MEETING")
    page.wait_for_function("document.querySelector('#map').dataset.markers === '1'")
    page.evaluate("""() => import('/ui/panel.js').then(async (m) => {
        const r = await fetch('/api/events?type=MEETING'); const [e] = await r.json(); await m.showEvent(e.id); })""")
    page.wait_for_selector("#panel .corrections[data-target=event]")
    page.fill("#panel .corrections .note", "لقاء مكرر")
    page.click("#panel .corrections button.reject")
    page.wait_for_selector("#notice.ok")
    page.wait_for_function("document.querySelector('#map') && document.querySelector('#map').dataset.markers === '0'")
    page.select_option("#map-type", "")
    page.wait_for_function(f"document.querySelector('#map').dataset.markers === '{before - 1}'")
    page.goto(f"{watched.server.url}/#/corrections")
    page.wait_for_selector("#corrections-table")
    table = page.inner_text("#corrections-table")
    assert "رفض" in table and "لقاء مكرر" in table
    page.goto(f"{watched.server.url}/#/search")
    page.wait_for_selector("#view[data-view=search][data-ready=true]")
    page.fill("#search-input", "كتيبة النصر")
    page.press("#search-input", "Enter")
    page.click("#search-actors a.result")
    page.wait_for_selector("#panel .corrections[data-target=actor]")
    page.select_option("#panel .corrections select", "name")
    page.fill("#panel .corrections .row:nth-of-type(2) input[type=text]", "لواء النصر")
    page.click("#panel .corrections button.edit")
    page.wait_for_selector("#panel h2:has-text('لواء النصر')")
    watched.shot("corrections")
    page.goto(f"{watched.server.url}/#/corrections")
    page.wait_for_selector("#corrections-table")
    watched.shot("corrections-list")


def test_alerts_view_lists_what_the_rules_raised(watched: Watched) -> None:
    from marsad.store import Store
    from marsad.watch.rules import Rule, add_rule

    with Store(str(watched.server.db)) as store:
        add_rule(store, Rule("انشقاقات", relations=("DEFECTED_FROM",)))
    page = watched.open("alerts")
    assert page.get_attribute("#alerts-list", "data-count") == "0"
    page.goto(f"{watched.server.url}/#/article")
    page.wait_for_selector("#view[data-view=article][data-ready=true]")
    page.fill("#article-input", "انشقاق في الزاوية\n2019-09-03\nأعلنت كتيبة الصمود انشقاقها عن حكومة الوفاق "
                                "الوطني وانضمامها إلى الجيش الوطني الليبي، بحسب بيان نشرته الكتيبة.\n")
    page.click("#ingest")
    page.wait_for_selector("#notice.ok", timeout=30_000)
    page.goto(f"{watched.server.url}/#/alerts")
    page.wait_for_selector("#alerts-list li")
    text = page.inner_text("#alerts-list")
    assert "انشقاقات" in text and "كتيبة الصمود" in text
    watched.shot("alerts")


def test_api_docs_page_works_offline(watched: Watched) -> None:
    page = watched.page
    page.goto(f"{watched.server.url}/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
    assert page.locator(".swagger-ui .opblock").count() >= 10
    watched.shot("api-docs")
