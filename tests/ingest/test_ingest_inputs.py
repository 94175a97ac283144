"""Encodings, folders, standard input, sniffing and every kind of bad input (one clear error each)."""

from __future__ import annotations

import gzip
import io
import os
import shutil
import time
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.ingest import iter_documents, read_path
from marsad.ingest import core
from marsad.ingest.decode import decode, is_arabic
from marsad.settings import Settings

DATA = Path(__file__).parent / "data"
ARTICLE = ("عنوان تجريبي للخبر\n\nالأربعاء 12 أكتوبر 2016\n\n"
           "قالت مصادر محلية إن الهدوء عاد إلى المدينة بعد ليلة من الاشتباكات المتقطعة.\n")


def _only(results: list) -> object:
    assert len(results) == 1, results
    return results[0]


def _error(path: Path | str, settings: Settings | None = None) -> InputError:
    result = _only(list(read_path(path, settings or Settings())))
    assert result.document is None and result.error is not None
    assert isinstance(result.error, InputError)
    return result.error


@pytest.mark.parametrize(("encoding", "prefix"), [
    ("utf-8", b""),
    ("utf-8", b"\xef\xbb\xbf"),
    ("utf-16", b""),          # Python writes the BOM itself
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
    ("cp1256", b""),
    ("utf-16-le", b""),       # no byte-order mark: recognised because the text is Arabic
    ("utf-16-be", b""),
])
def test_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(prefix + ARTICLE.encode(encoding))
    result = _only(list(read_path(path, Settings())))
    assert result.error is None
    assert result.document.text == ARTICLE
    assert result.document.title == "عنوان تجريبي للخبر"
    assert result.document.published == "2016-10-12"


def test_same_article_in_two_encodings_has_one_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(ARTICLE.encode("cp1256"))
    a, b = list(read_path(tmp_path, Settings()))
    assert a.document.id == b.document.id
    assert a.source_id != b.source_id


@pytest.mark.parametrize(("text", "arabic"), [
    ("قال المتحدث باسم الوزارة إن الاجتماع سيعقد غداً.", True),
    ("التقى الرئيس بوفد من شركة Siemens و General Electric لبحث مشروع الكهرباء.", True),
    ("ﻗﺎﻝ ﺍﻟﻤﺘﺤﺪﺙ", True),  # presentation forms, as copied from old PDFs
    ("The minister said the meeting would be held tomorrow in the capital.", False),
    ("The minister met the delegation of الشركة in Paris and Berlin on Tuesday morning.", False),
    ("Министр заявил, что встреча состоится завтра.", False),
    ("Le ministre a déclaré que la réunion aura lieu demain.", False),
    ("2016 - 11 - 10 !!!", False),
])
def test_is_arabic(text: str, arabic: bool) -> None:
    assert is_arabic(text) is arabic


def test_undecodable_bytes_are_refused() -> None:
    with pytest.raises(InputError, match="binary file"):
        decode(b"\x00\x01\x02\x03" * 100, "x")


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    err = _error(tmp_path / "empty.txt")
    assert err.reason == "empty file" and err.item == str(tmp_path / "empty.txt")


def test_blank_file(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text("  \n\n  \n")
    assert "blank" in _error(tmp_path / "blank.txt").reason


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "photo.txt").write_bytes(bytes(range(256)) * 64)
    assert _error(tmp_path / "photo.txt").reason.startswith("binary file")


def test_binary_file_without_nul_bytes(tmp_path: Path) -> None:
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 32)) * 200)
    assert _error(tmp_path / "noise.txt").reason.startswith("binary file")


def test_file_over_the_limit_is_refused_without_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # a sparse 50 MB file: instant to make, never read
        fh.truncate(50 * 1024 * 1024)
    opened: list[Path] = []
    real_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    start = time.perf_counter()
    err = _error(big, Settings())
    assert time.perf_counter() - start < 1.0
    assert big not in opened
    assert "52,428,800 bytes (50.0 MB)" in err.reason
    assert "over the limit of 20,971,520 bytes (20.0 MB)" in err.reason


def test_limit_comes_from_settings(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert "over the limit" in _error(path, Settings(max_bytes=100)).reason
    assert _only(list(read_path(path, Settings(max_bytes=10_000)))).document is not None


def test_stdin_over_the_limit_is_refused() -> None:
    result = _only(list(core.read_stream(io.BytesIO(b"x" * 5000), "-", Settings(max_bytes=1000))))
    assert result.error is not None and "over the limit" in result.error.reason


def test_empty_stdin() -> None:
    result = _only(list(core.read_stream(io.BytesIO(b""), "-", Settings())))
    assert result.error is not None and result.error.reason == "empty input (nothing on standard input)"


def test_non_arabic_text(tmp_path: Path) -> None:
    (tmp_path / "english.txt").write_text("A headline\n\nThis article is written in English only.\n")
    err = _error(tmp_path / "english.txt")
    assert err.reason.startswith("no Arabic text")


def test_missing_path(tmp_path: Path) -> None:
    err = _error(tmp_path / "nowhere.txt")
    assert err.reason == "no such file or directory"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    assert "permission denied" in _error(path).reason


def test_unreadable_file_reason_from_os_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    assert _error(path).reason == "cannot read the file (permission denied)"


def test_folder_with_no_readable_files(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# notes")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    err = _error(tmp_path)
    assert err.item == str(tmp_path) and err.reason.startswith("no readable files in this folder")


def test_empty_folder(tmp_path: Path) -> None:
    assert _error(tmp_path).reason.startswith("no readable files")


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in ("b/deep/z.txt", "b/a.txt", "c.TXT", "a.txt", ".git/x.txt", ".hidden.txt", "skip.md"):
        (tmp_path / rel).write_text(ARTICLE, encoding="utf-8")
    ids = [r.source_id for r in read_path(tmp_path, Settings())]
    assert ids == [str(tmp_path / rel) for rel in ("a.txt", "b/a.txt", "b/deep/z.txt", "c.TXT")]


def test_folder_extensions_come_from_settings(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.md").write_text(ARTICLE, encoding="utf-8")
    ids = [r.source_id for r in read_path(tmp_path, Settings(extensions=(".md",)))]
    assert ids == [str(tmp_path / "b.md")]


def test_mixed_folder_reads_good_and_reports_bad(tmp_path: Path) -> None:
    shutil.copy(DATA / "header-article.txt", tmp_path / "good.txt")
    shutil.copy(DATA / "page.html", tmp_path / "page.html")
    shutil.copy(DATA / "records.jsonl", tmp_path / "records.jsonl")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "english.txt").write_text("Only English words here.")
    results = list(iter_documents([tmp_path, tmp_path / "missing.txt"], Settings()))
    good = [r.source_id for r in results if r.document]
    bad = {r.error.item: r.error.reason for r in results if r.error}
    assert good == [str(tmp_path / "good.txt"), str(tmp_path / "page.html"), "rec-1", "rec-2",
                    f"{tmp_path / 'records.jsonl'}:4"]
    assert bad[str(tmp_path / "empty.txt")] == "empty file"
    assert bad[str(tmp_path / "english.txt")].startswith("no Arabic text")
    assert bad[f"{tmp_path / 'records.jsonl'}:3"].startswith("not valid JSON")
    assert bad[f"{tmp_path / 'records.jsonl'}:6 (id rec-5)"] == "no Arabic text"
    assert bad[str(tmp_path / "missing.txt")] == "no such file or directory"


@pytest.mark.parametrize(("payload", "kind"), [
    (ARTICLE.encode("utf-8"), "text"),
    ((DATA / "page.html").read_bytes(), "html"),
    ((DATA / "records.jsonl").read_bytes(), "jsonl"),
    (gzip.compress((DATA / "records.jsonl").read_bytes()), "jsonl"),
    ('{"id": "one", "text": "نص قصير عن اجتماع اللجنة في المدينة"}'.encode(), "json"),
])
def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch, payload: bytes, kind: str) -> None:
    monkeypatch.setattr(core, "sys_stdin", lambda: io.BytesIO(payload))
    docs = [r.document for r in read_path("-", Settings()) if r.document]
    assert docs
    if kind == "text":
        assert docs[0].source_id == "-" and docs[0].title == "عنوان تجريبي للخبر"
    elif kind == "html":
        assert docs[0].outlet == "صحيفة المرصد التجريبية"
    elif kind == "jsonl":
        assert [d.source_id for d in docs] == ["rec-1", "rec-2", "-:4"]
    else:
        assert docs[0].source_id == "one"


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    shutil.copy(DATA / "page.html", tmp_path / "page.download")
    shutil.copy(DATA / "records.jsonl", tmp_path / "feed.data")
    [page] = list(read_path(tmp_path / "page.download", Settings()))
    assert page.document.title == "وفد برلماني يزور المدينة القديمة"
    assert [r.source_id for r in read_path(tmp_path / "feed.data", Settings()) if r.document][:2] == ["rec-1", "rec-2"]


@pytest.mark.parametrize(("name", "kind"), [
    ("a.txt", "text"), ("A.HTML", "html"), ("a.htm", "html"), ("a.jsonl", "jsonl"), ("a.json", "json"),
    ("a.jsonl.gz", "jsonl.gz"), ("a.ndjson", "jsonl"), ("a.md", None), ("a", None),
])
def test_kind_of(name: str, kind: str | None) -> None:
    assert core.kind_of(name) == kind


@pytest.mark.parametrize(("text", "kind"), [
    ("<!DOCTYPE html><html></html>", "html"),
    ("<div><p>نص</p></div>", "html"),
    ('{"a": 1}\n{"a": 2}\n', "jsonl"),
    ('{\n "a": 1\n}\n', "json"),
    ('[{"a": 1}]', "json"),
    ("عنوان\n\nنص الخبر", "text"),
    ("\ufeff  عنوان", "text"),
])
def test_sniff(text: str, kind: str) -> None:
    assert core.sniff(text) == kind
