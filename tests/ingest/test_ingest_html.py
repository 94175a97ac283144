"""HTML pages: main text without page furniture, metadata from the head, malformed markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ingest import html as html_reader
from marsad.ingest import read_path
from marsad.settings import Settings

DATA = Path(__file__).parent / "data"
PARA = "قال شهود إن مئات المتظاهرين تجمعوا أمام مقر الحكومة للمطالبة بتحسين الخدمات العامة."


@pytest.fixture(params=["default", "fallback"])
def extractor(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run each test with trafilatura (when importable) and with the built-in fallback extractor."""
    if request.param == "fallback":
        monkeypatch.setattr(html_reader, "_trafilatura", lambda markup: None)
    return request.param


def test_page_fixture(extractor: str) -> None:
    [result] = read_path(DATA / "page.html", Settings())
    doc = result.document
    assert result.error is None and doc is not None
    assert doc.title == "وفد برلماني يزور المدينة القديمة"
    assert doc.outlet == "صحيفة المرصد التجريبية"
    assert doc.url == "https://news.example.org/2017/03/05/visit"
    assert doc.published == "2017-03-05T10:20:00+02:00"
    lines = doc.text.split("\n")
    assert lines[0] == doc.title and lines[1] == ""
    assert lines[2].startswith("زار وفد من أعضاء البرلمان")
    assert doc.text.count(doc.title) == 1  # the <h1> is not repeated in the body
    for furniture in ("الرئيسية", "النشرة البريدية", "جميع الحقوق", "tracking", "لا ينبغي"):
        assert furniture not in doc.text


def test_metadata_from_json_ld_and_time(extractor: str, tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        '<html><head><title>خبر عن المظاهرات - موقع تجريبي</title>'
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "NewsArticle", "headline": "مظاهرات أمام مقر الحكومة", '
        '"datePublished": "2019-04-02T08:00:00Z", "publisher": {"@type": "Organization", "name": "موقع تجريبي"},'
        '"url": "https://example.net/x"}]}</script></head>'
        f'<body><article><p>{PARA}</p><p>{PARA}</p></article></body></html>', encoding="utf-8")
    [result] = read_path(page, Settings())
    doc = result.document
    assert (doc.title, doc.published, doc.outlet, doc.url) == (
        "مظاهرات أمام مقر الحكومة", "2019-04-02T08:00:00+00:00", "موقع تجريبي", "https://example.net/x")


def test_arabic_date_in_time_element_and_title_tag(extractor: str, tmp_path: Path) -> None:
    page = tmp_path / "p.htm"
    page.write_text(
        '<html><head><title>مظاهرات في العاصمة | جريدة ما</title></head><body>'
        f'<div class="meta"><time>الثلاثاء 2 أبريل 2019 10:30 ص</time></div>'
        f'<div class="content"><p>{PARA}</p><p>وأضاف الشهود أن قوات الأمن لم تتدخل.</p></div></body></html>',
        encoding="utf-8")
    [result] = read_path(page, Settings())
    doc = result.document
    assert doc is not None, result.error
    assert doc.title == "مظاهرات في العاصمة"
    assert doc.published == "2019-04-02T10:30:00"
    assert PARA in doc.text and doc.url is None and doc.outlet is None


def test_windows_1256_page_with_declared_charset(extractor: str, tmp_path: Path) -> None:
    markup = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
              f'<title>عنوان الصفحة</title></head><body><article><p>{PARA}</p></article></body></html>')
    page = tmp_path / "old.html"
    page.write_bytes(markup.encode("cp1256"))
    [result] = read_path(page, Settings())
    assert result.document is not None and PARA in result.document.text


@pytest.mark.parametrize("markup", [
    f"<html><body><p>{PARA}<div><span>{PARA}</p></table></body>",     # unclosed and stray tags
    f"<p>{PARA}<p>{PARA}",                                          # fragment without html/body
    f"<html><head><title>عنوان</title><body><p>{PARA}</p><!-- unclosed comment",
    f"<html><body><p>{PARA}</p></body></html></html><p>",          # content after the end
    f"<HTML><BODY BGCOLOR=white><P ALIGN=right>{PARA}<P>{PARA}</BODY>",  # old upper-case markup
    f'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
    f"<body><p>{PARA}</p></body></html>",
])
def test_malformed_html_is_read(extractor: str, tmp_path: Path, markup: str) -> None:
    page = tmp_path / "bad.html"
    page.write_text(markup, encoding="utf-8")
    [result] = read_path(page, Settings())
    assert result.error is None, result.error
    assert PARA in result.document.text


@pytest.mark.parametrize(("markup", "reason"), [
    ("<html><head><title>t</title></head><body></body></html>", "no main text"),
    ("<html><body><p>Only English text lives in this page, nothing else at all.</p></body></html>", "no Arabic text"),
    ("<<<>>>", "no Arabic text"),
    (f"<html><head><title>عنوان</head><body><p>{PARA}</p>", "no main text"),  # unclosed <title> eats the page
    ("<html>" + "\x00" * 200 + f"<body><p>{PARA}</p></body></html>", "binary file"),  # NUL bytes
])
def test_html_without_arabic_main_text_is_reported(extractor: str, tmp_path: Path, markup: str, reason: str) -> None:
    page = tmp_path / "empty.html"
    page.write_text(markup, encoding="utf-8")
    [result] = read_path(page, Settings())
    assert result.document is None and result.error is not None
    assert result.error.reason.startswith(reason), result.error.reason


def test_fallback_ignores_navigation(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(html_reader, "_trafilatura", lambda markup: None)
    page = tmp_path / "nav.html"
    page.write_text("<html><body><nav><p>الرئيسية الأخبار</p></nav><footer><p>حقوق النشر محفوظة</p></footer>"
                    "</body></html>", encoding="utf-8")
    [result] = read_path(page, Settings())
    assert result.error is not None and result.error.reason == "no main text found in the HTML page"


def test_parser_crash_becomes_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(markup: str, item: str) -> None:
        raise RuntimeError("parser blew up")

    monkeypatch.setattr("marsad.ingest.core.read_html", explode)
    page = tmp_path / "p.html"
    page.write_text(f"<p>{PARA}</p>", encoding="utf-8")
    [result] = read_path(page, Settings())
    assert result.error is not None and result.error.reason.startswith("malformed HTML")


@pytest.mark.parametrize(("text", "expected"), [
    ("<!doctype html><html>", True), ("  <html lang='ar'>", True), ("<div><p>x</p></div>", True),
    ("عنوان الخبر\nنص", False), ("قال إن 3 < 4 وإن 5 > 2", False),
])
def test_looks_like_html(text: str, expected: bool) -> None:
    assert html_reader.looks_like_html(text) is expected


def test_trafilatura_is_used_when_importable() -> None:
    try:
        import trafilatura  # noqa: F401
    except Exception as exc:  # noqa: BLE001 - report why, the fallback extractor is in use
        pytest.skip(f"trafilatura cannot be imported here ({exc.__class__.__name__}: {str(exc)[:80]}); "
                    "the fallback extractor is used")
    found = html_reader._trafilatura((DATA / "page.html").read_text(encoding="utf-8"))
    assert found is not None and "زار وفد" in found["text"]
