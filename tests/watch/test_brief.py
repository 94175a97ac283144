"""Briefs rendered and checked: the HTML parsed (right to left, Arabic, self-contained), opened in the
headless browser, and the PDF turned into page images with pdftoppm."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from marsad.errors import ConfigError, StoreError
from marsad.store import Reader, Store
from marsad.watch.brief import build_html, collect, write_brief
from marsad.watch.brief.pdf import find_browser

from stories import ANONYMOUS, DEFECTION, MEETING, PORT_TAKEN


def _need(tool: str | None, what: str) -> None:
    if tool is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{what} is not installed: CI must check the PDF (./dev test installs it)")
        pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="module")
def story_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """A store holding the four invented articles, analysed by the real pipeline."""
    root = tmp_path_factory.mktemp("brief")
    for i, (_, title, published, body) in enumerate((PORT_TAKEN, DEFECTION, MEETING, ANONYMOUS)):
        (root / f"{i}.txt").write_text(f"{title}\n\n{published[:10]}\n\n{body}\n", encoding="utf-8")
    store = Store(root / "m.db")
    summary = store.ingest([root])
    assert summary.stored == 4
    yield store
    store.close()


def _parse(path: Path) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(path.read_text(encoding="utf-8"))


def test_an_actor_brief_is_arabic_right_to_left_and_self_contained(story_store: Store, tmp_path: Path) -> None:
    [html_path] = write_brief(story_store, actor="قوات حفتر", out=tmp_path / "haftar", pdf=False)
    doc = _parse(html_path)
    assert doc.get("dir") == "rtl" and doc.get("lang") == "ar"
    assert "الجيش الوطني الليبي" in doc.findtext(".//h1")  # found by an alias, shown by its KB name
    images = doc.findall(".//img")
    assert len(images) == 4 and all(img.get("src").startswith("data:image/png;base64,") for img in images)
    assert not doc.xpath("//link[@href] | //script[@src] | //*[@src][not(starts-with(@src, 'data:'))]")
    assert "@import" not in doc.findtext(".//style") and "url(" not in doc.findtext(".//style")
    ids = {s.get("id") for s in doc.findall(".//section")}
    assert ids == {"summary", "network", "timeline", "map", "changes", "claims", "events"}
    changes = doc.xpath("//section[@id='changes']//div[@class='change']")
    text = " ".join(c.text_content() for c in changes)
    assert "انشق عن" in text and "انشقاقه عن قوات خليفة حفتر" in text        # the change with its evidence
    assert "سيطرة على أرض" in text
    claims = doc.xpath("//section[@id='claims']")[0].text_content()
    assert "مصدر مجهّل" in claims and "قوات حفتر تستعد لهجوم" in claims
    assert "قوات الجيش الوطني الليبي سيطرت على ميناء راس لانوف" in claims  # the unnamed officer of the defection story
    cards = {c.findtext("span"): c.findtext("b") for c in doc.xpath("//div[@class='card']")}
    assert cards["ادعاءً من مصادر مجهّلة"] == "2"


def test_the_network_changes_between_the_start_and_the_end(story_store: Store) -> None:
    with story_store.connect() as conn:
        data = collect(Reader(conn), actor="قوات حفتر", date_from="2017-03-05", date_to="2017-04-30")
    start_edges = {d["type"] for _, _, d in data.graph_start.edges(data=True)}
    end_edges = {d["type"] for _, _, d in data.graph_end.edges(data=True)}
    assert "DEFECTED_FROM" not in start_edges and "DEFECTED_FROM" in end_edges
    assert [c["date"] >= "2017-03-05" for c in data.changes] and all(c["date"] >= "2017-03-05" for c in data.changes)
    assert data.figures["events"] == len(data.events) >= 2


def test_place_and_window_briefs(story_store: Store) -> None:
    with story_store.connect() as conn:
        reader = Reader(conn)
        port = collect(reader, place="ميناء راس لانوف")
        window = collect(reader, date_from="2017-03-01", date_to="2017-03-31")
    holders = {c["head"] for c in port.changes if c["kind"] == "relation"}
    assert holders == {"سرايا الدفاع عن بنغازي", "الجيش الوطني الليبي"}
    assert all(e["place_name"] == "ميناء راس لانوف" for e in port.events)
    assert {e["type"] for e in window.events} >= {"DEFECTION", "TERRITORY_CONTROL", "MEETING"}
    assert "<html" in build_html(window)


@pytest.mark.parametrize("kwargs, error, match", [
    ({}, ConfigError, "say what the brief is about"),
    ({"actor": "x", "place": "y"}, ConfigError, "not both"),
    ({"date_from": "2017-05-01", "date_to": "2017-01-01"}, ConfigError, "before it starts"),
    ({"actor": "لا أحد بهذا الاسم إطلاقا"}, StoreError, "no actor named"),
])
def test_a_brief_needs_a_subject_it_can_find(story_store: Store, kwargs: dict, error: type, match: str) -> None:
    with story_store.connect() as conn, pytest.raises(error, match=match):
        collect(Reader(conn), **kwargs)


def test_the_pdf_renders_to_page_images_and_the_html_opens_in_the_browser(story_store: Store, tmp_path: Path) -> None:
    _need(find_browser(), "headless Chromium (apt-get install chromium)")
    _need(shutil.which("pdftoppm"), "pdftoppm (apt-get install poppler-utils)")
    html_path, pdf_path = write_brief(story_store, actor="قوات حفتر", date_from="2017-03-01", date_to="2017-04-30",
                                      out=tmp_path / "brief")
    assert pdf_path.read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf_path), str(tmp_path / "page")], check=True, timeout=120)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 2
    from PIL import Image

    first = Image.open(pages[0]).convert("L")
    low, high = first.getextrema()
    assert high - low > 100                       # not a blank page: there is dark text on white
    text = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True, text=True,
                          timeout=60).stdout if shutil.which("pdftotext") else ""
    assert not text or "حفتر" in text or "ﺣﻔﺘﺮ" in text
    dom = subprocess.run([find_browser(), "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                          f"--user-data-dir={tmp_path / 'profile'}", html_path.resolve().as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    rendered = lxml_html.fromstring(dom)
    assert rendered.get("dir") == "rtl" and len(rendered.findall(".//img")) == 4
