"""JSON Lines (gzipped or not) and JSON files of article records."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from marsad.ingest import read_path
from marsad.settings import Settings

DATA = Path(__file__).parent / "data"
TEXT = "أعلنت الحكومة عن خطة جديدة لدعم المزارعين في المناطق الريفية."


def _records(**extra: object) -> list[dict[str, object]]:
    return [{"id": f"r{i}", "title": f"عنوان {i}", "published": f"2018-03-0{i}", "outlet": "وكالة",
             "url": f"https://example.org/{i}", "text": TEXT + f" ({i})", **extra} for i in range(1, 4)]


def test_fixture_records() -> None:
    path = DATA / "records.jsonl"
    results = list(read_path(path, Settings()))
    by_id = {r.source_id: r for r in results}
    first = by_id["rec-1"].document
    assert first.title == "افتتاح جسر جديد في العاصمة"
    assert first.published == "2018-02-18T18:10:45+04:00"
    assert first.outlet == "وكالة تجريبية" and first.url == "https://example.org/r1"
    assert first.text.startswith("افتتح وزير النقل") and "افتتاح جسر" not in first.text
    assert first.warnings == []
    assert by_id["rec-2"].document.published == "2018-02-19" and by_id["rec-2"].document.url is None
    broken = by_id[f"{path}:3"]
    assert broken.document is None and broken.error.item == f"{path}:3"
    assert broken.error.reason.startswith("not valid JSON")
    no_id = by_id[f"{path}:4"].document
    assert no_id.title == "سجل بلا معرّف" and no_id.published == "2018-02-20"
    assert no_id.warnings == ["date line says الاثنين but 2018-02-20 is a Tuesday"]
    english = by_id[f"{path}:6 (id rec-5)"]
    assert english.error.reason == "no Arabic text"
    assert len(results) == 5  # the blank line 5 is no item


@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_plain_and_gzipped(tmp_path: Path, gz: bool) -> None:
    payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records()).encode()
    path = tmp_path / ("a.jsonl.gz" if gz else "a.jsonl")
    path.write_bytes(gzip.compress(payload) if gz else payload)
    docs = [r.document for r in read_path(path, Settings())]
    assert [d.source_id for d in docs] == ["r1", "r2", "r3"]
    assert [d.published for d in docs] == ["2018-03-01", "2018-03-02", "2018-03-03"]
    assert docs[0].text == TEXT + " (1)" and docs[0].title == "عنوان 1"


def test_same_text_twice_same_id(tmp_path: Path) -> None:
    recs = [{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT}, {"id": "c", "text": TEXT + "!"}]
    path = tmp_path / "dup.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs), encoding="utf-8")
    a, b, c = (r.document for r in read_path(path, Settings()))
    assert a.id == b.id != c.id


@pytest.mark.parametrize(("line", "reason"), [
    ('{"id": "x", "text": ', "not valid JSON"),
    ("[1, 2, 3]", "a record must be a JSON object, not list"),
    ('"just a string"', "a record must be a JSON object, not str"),
    ('{"id": "x"}', "record has no text"),
    ('{"id": "x", "text": "   "}', "record has no text"),
    ('{"id": "x", "text": 42}', "record has no text"),
])
def test_bad_lines_are_reported_and_others_read(tmp_path: Path, line: str, reason: str) -> None:
    good = json.dumps({"id": "ok", "text": TEXT}, ensure_ascii=False)
    path = tmp_path / "mixed.jsonl"
    path.write_text(f"{good}\n{line}\n{good}\n", encoding="utf-8")
    results = list(read_path(path, Settings()))
    assert [r.source_id for r in results if r.document] == ["ok", "ok"]
    [bad] = [r for r in results if r.error]
    assert bad.error.item.startswith(f"{path}:2")
    assert bad.error.reason.startswith(reason)


def test_line_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "enc.jsonl"
    path.write_bytes(json.dumps({"id": "a", "text": TEXT}, ensure_ascii=False).encode("cp1256") + b"\n")
    [result] = read_path(path, Settings())
    assert result.error.item == f"{path}:1" and result.error.reason.startswith("line is not UTF-8")


def test_unparsed_date_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "a", "text": TEXT, "published": "sometime soon"}), encoding="utf-8")
    [result] = read_path(path, Settings())
    assert result.document.published is None
    assert result.document.warnings == ["published date not understood: 'sometime soon'"]


def test_record_without_title_reads_the_text_header(tmp_path: Path) -> None:
    path = tmp_path / "h.jsonl"
    path.write_text(json.dumps({"text": "عنوان في النص\n11/10/2016\n" + TEXT}), encoding="utf-8")
    [result] = read_path(path, Settings())
    doc = result.document
    assert (doc.title, doc.published, doc.source_id) == ("عنوان في النص", "2016-10-11", f"{path}:1")
    assert doc.text.startswith("عنوان في النص\n")


def test_record_over_the_limit(tmp_path: Path) -> None:
    small = json.dumps({"id": "s", "text": TEXT}, ensure_ascii=False)
    big = json.dumps({"id": "b", "text": TEXT * 200}, ensure_ascii=False)
    path = tmp_path / "big.jsonl"
    path.write_text(f"{small}\n{big}\n{small}\n", encoding="utf-8")
    results = list(read_path(path, Settings(max_bytes=2000)))
    assert [r.source_id for r in results if r.document] == ["s", "s"]
    [bad] = [r for r in results if r.error]
    assert bad.error.item == f"{path}:2" and "over the limit" in bad.error.reason


@pytest.mark.parametrize(("payload", "reason"), [
    (b"", "empty file"),
    (b"\n\n", "empty file"),
    (b"\x00\x01\x02" * 50, "binary file"),
])
def test_bad_jsonl_files(tmp_path: Path, payload: bytes, reason: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(payload)
    [result] = read_path(path, Settings())
    assert result.error.item == str(path) and result.error.reason.startswith(reason)


def test_corrupt_and_truncated_gzip(tmp_path: Path) -> None:
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records() * 200).encode()
    packed = gzip.compress(lines)
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    (tmp_path / "junk.jsonl.gz").write_bytes(b"not gzip at all")
    cut = list(read_path(tmp_path / "cut.jsonl.gz", Settings()))
    assert sum(1 for r in cut if r.document) > 10
    assert cut[-1].error is not None and "truncated gzip" in cut[-1].error.reason
    [junk] = read_path(tmp_path / "junk.jsonl.gz", Settings())
    assert junk.error is not None and "gzip" in junk.error.reason


def test_json_object_and_list(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps(_records()[0], ensure_ascii=False, indent=2), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps(_records(id=None), ensure_ascii=False), encoding="utf-8")
    [one] = read_path(tmp_path / "one.json", Settings())
    assert one.document.source_id == "r1" and one.document.title == "عنوان 1"
    many = [r.source_id for r in read_path(tmp_path / "many.json", Settings())]
    assert many == [f"{tmp_path / 'many.json'}#{i}" for i in (1, 2, 3)]


@pytest.mark.parametrize(("payload", "reason"), [
    ('{"id": 1, "text": ', "not valid JSON"),
    ("[]", "empty JSON list"),
    ("42", "a record must be a JSON object"),
])
def test_bad_json_files(tmp_path: Path, payload: str, reason: str) -> None:
    (tmp_path / "x.json").write_text(payload, encoding="utf-8")
    [result] = read_path(tmp_path / "x.json", Settings())
    assert result.error is not None and result.error.reason.startswith(reason)


def test_json_lines_in_a_json_file(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("\n".join(json.dumps(r) for r in _records()), encoding="utf-8")
    assert [r.source_id for r in read_path(tmp_path / "x.json", Settings())] == ["r1", "r2", "r3"]
