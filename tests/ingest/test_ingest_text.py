"""Plain-text articles: headline, date line, body; text without a header."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ingest import document_from_text, read_path
from marsad.ingest.text import looks_like_headline, parse_header

DATA = Path(__file__).parent / "data"
BODY = "أعلنت البلدية عن خطة لإصلاح شبكة المياه في الأحياء الشرقية.\nوقال مسؤول إن الأعمال ستبدأ الأسبوع المقبل.\n"


def test_fixture_article_header() -> None:
    [result] = read_path(DATA / "header-article.txt")
    doc = result.document
    assert result.error is None and doc is not None
    raw = (DATA / "header-article.txt").read_text(encoding="utf-8")
    assert doc.text == raw  # the whole file, blank lines, headline and date line included
    assert doc.title == "قوات محلية تستعيد السيطرة على الطريق الساحلي بعد يومين من القتال"
    assert doc.published == "2016-10-13T09:45:00"
    assert doc.warnings == []
    assert doc.source_id == str(DATA / "header-article.txt")


def test_no_header_gives_no_title() -> None:
    [result] = read_path(DATA / "no-header.txt")
    assert result.document is not None
    assert result.document.title is None and result.document.published is None


@pytest.mark.parametrize(("text", "title", "published"), [
    ("عنوان قصير للخبر\n\n" + BODY, "عنوان قصير للخبر", None),
    ("عنوان قصير للخبر\n" + BODY, "عنوان قصير للخبر", None),
    ("هل تنجح المفاوضات الجديدة؟\n\n" + BODY, "هل تنجح المفاوضات الجديدة؟", None),
    ("عنوان الخبر\n11/10/2016\n" + BODY, "عنوان الخبر", "2016-10-11"),
    ("الثلاثاء 11 أكتوبر 2016\n\nعنوان بعد التاريخ\n\n" + BODY, "عنوان بعد التاريخ", "2016-10-11"),
    ("الثلاثاء 11 أكتوبر 2016\n\n" + BODY, None, "2016-10-11"),
    (BODY, None, None),
    ("عنوان وحيد بلا نص", None, None),
    ("عنوان ينتهي بنقطتين:\n" + BODY, None, None),
    ("\n\n\n", None, None),
])
def test_header(text: str, title: str | None, published: str | None) -> None:
    header = parse_header(text)
    assert (header.title, header.published) == (title, published)


@pytest.mark.parametrize(("line", "headline"), [
    ("وزير الخارجية يصل إلى الجزائر في زيارة رسمية", True),
    ("هل تنجح الوساطة؟", True),
    ("طرابلس: اشتباكات قرب المطار", True),
    ("تونس، الجزائر والمغرب في اجتماع مشترك", True),   # a comma in a short headline
    (" ".join(["كلمة"] * 21), False),                  # too long for a headline
    ("قال مسؤول في الحكومة، في تصريح صحفي اليوم، إن المفاوضات ستستأنف الأسبوع المقبل بعد توقف", False),
    ("أعلنت الوزارة عن الخطة الجديدة.", False),
    ("طرابلس، ليبيا (وكالات) --", False),
    ("", False),
])
def test_looks_like_headline(line: str, headline: bool) -> None:
    assert looks_like_headline(line) is headline


def test_long_first_line_is_not_a_headline() -> None:
    line = " ".join(["كلمة"] * 40)
    assert parse_header(line + "\n" + BODY).title is None


def test_weekday_mismatch_warning_on_document() -> None:
    doc = document_from_text("عنوان الخبر\nالاثنين 11 أكتوبر 2016 01:10 م\n" + BODY)
    assert doc.published == "2016-10-11T13:10:00"
    assert doc.warnings == ["date line says الاثنين but 2016-10-11 is a Tuesday"]


def test_given_metadata_wins() -> None:
    doc = document_from_text("عنوان الخبر\n11/10/2016\n" + BODY, "x", title="آخر", published="2020-01-01")
    assert (doc.title, doc.published, doc.source_id) == ("آخر", "2020-01-01", "x")


def test_same_text_same_id_different_text_different_id() -> None:
    a = document_from_text("عنوان\n\n" + BODY, "a")
    b = document_from_text("عنوان\n\n" + BODY, "b")
    c = document_from_text("عنوان آخر\n\n" + BODY, "c")
    assert a.id == b.id != c.id
    assert len(a.id) == 16 and int(a.id, 16) >= 0


def test_id_ignores_line_ends_and_bom() -> None:
    text = "عنوان\n\n" + BODY
    assert document_from_text("\ufeff" + text.replace("\n", "\r\n")).id == document_from_text(text).id


def test_document_from_text_warns_on_non_arabic() -> None:
    assert document_from_text("Plain English text.\nSecond line.").warnings == ["text is not Arabic"]
