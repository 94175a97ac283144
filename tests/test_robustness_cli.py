"""Robustness of `marsad analyze` on folders mixing good and bad files: no traceback, clear skips.

A folder of hostile inputs (binary, empty, wrong encoding, broken HTML, bad JSON, corrupt gzip,
special files) must never stop the batch: every good article comes out, every bad item is named on
standard error with its reason, and the exit code is 0 as soon as one article was read.
"""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from marsad import cli
from marsad.schema import validate_analysis

GOOD = ("اشتباكات في ضواحي بنغازي\n\nالثلاثاء 11 أكتوبر 2016 13:10\n\n"
        "قال العقيد أحمد المسماري إن قوات الجيش سيطرت على الميناء بعد اشتباكات أمس.\n")


def _record(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


#: file name -> bytes, for files that hold one readable article each
GOOD_FILES: dict[str, bytes] = {
    "good.txt": GOOD.encode(),
    "crlf.txt": GOOD.replace("\n", "\r\n").encode(),
    "cr.txt": GOOD.replace("\n", "\r").encode(),
    "bom.txt": b"\xef\xbb\xbf" + GOOD.encode(),
    "utf16.txt": GOOD.encode("utf-16"),
    "cp1256.txt": GOOD.encode("cp1256"),
    "stray-bad-bytes.txt": GOOD.encode()[:-4] + b"\xff\xfe\xfa" + GOOD.encode(),
    "page.html": f"<html><head><title>عنوان</title></head><body><p>{GOOD}</p></body></html>".encode(),
    "broken.html": "<html><body><p>قال الوزير إن الوضع هادئ <<<<>>>><script>".encode(),
    "impossible-date.txt": ("عنوان\n\nالثلاثاء 31 فبراير 99999\n\n" + GOOD).encode(),
    "garbage-date.txt": ("عنوان\n\n0000-00-00 25:99\n\n" + GOOD).encode(),
    "hijri-year-0.txt": ("عنوان\n\n1 محرم 0 هـ\n\n" + GOOD).encode(),
    "controls.txt": ("عنوان \x1b[31mأحمر\x1b[0m\n\nقال الوزير\x07 إن\u202e الوضع\u200f هادئ.\n").encode(),
    "name with spaces «».txt": GOOD.encode(),
    "nul.txt": GOOD.encode() + b"\x00\x00" + GOOD.encode(),  # a few NULs: kept, with a warning
    "sub/deeper/nested.txt": GOOD.encode(),
    "deep-json-ld.html": ("<html><head><script type=\"application/ld+json\">" + "[" * 100000 + "]" * 100000
                          + f"</script></head><body><p>{GOOD}</p></body></html>").encode(),
}

#: file name -> bytes, for files that hold nothing readable
BAD_FILES: dict[str, bytes] = {
    "empty.txt": b"",
    "blank.txt": b"  \n\n\t \r\n",
    "binary.txt": bytes(range(256)) * 20,
    "latin.txt": b"Only English here, nothing in Arabic at all.\n" * 5,
    "empty.html": b"<html></html>",
    "deep.html": ("<div>" * 3000 + "قال الوزير" + "</div>" * 3000).encode(),
    "null.json": b"null",
    "number.json": b"42",
    "empty-list.json": b"[]",
    "bad.json": b'{"text": "unterminated',
    "notgzip.jsonl.gz": b"plain text, not gzip",
    "corrupt.jsonl.gz": b"\x1f\x8b\x08\x00garbage",
    "deep.json": b"[" * 100000 + b"]" * 100000,
}

#: a JSON Lines file mixing good records and every kind of bad one: (content, good ids)
JSONL = "\n".join([
    _record(id="a", text=GOOD),
    "{not json",
    _record(id="b"),
    json.dumps([1, 2]),
    _record(id=5, text=7),
    "",
    _record(id="c", text="", title=None),
    _record(id="d", text=GOOD, published="not a date", url=12),
    "\x1b[2J",
    _record(id="nul", text="قال مراسل صحيفة الوسط \u0000 إن الوضع هادئ"),
]) + "\n"


def make_folder(root: Path) -> Path:
    """A folder holding every good and bad file, a JSON Lines file, special files and a hidden one."""
    for name, raw in {**GOOD_FILES, **BAD_FILES}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
    (root / "mixed.jsonl").write_text(JSONL, encoding="utf-8")
    (root / "one.jsonl.gz").write_bytes(gzip.compress((_record(id="gz", text=GOOD) + "\n").encode()))
    (root / "truncated.jsonl.gz").write_bytes(gzip.compress((_record(id="t", text=GOOD) + "\n").encode() * 30)[:-20])
    (root / ".hidden.txt").write_bytes(GOOD.encode())
    (root / "ignored.bin").write_bytes(b"\x00\x01")
    if hasattr(os, "symlink"):
        (root / "dangling.txt").symlink_to(root / "missing-target")
        (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "fifo.txt")
    return root


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the CLI, returning (exit code, stdout, stderr)."""
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_hostile_folder_reads_every_good_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_folder(tmp_path / "news")
    code, out, err = run(["analyze", str(folder), "--format", "jsonl", "-q"], capsys)
    assert code == 0
    assert "Traceback" not in err and "Traceback" not in out
    analyses = [json.loads(line) for line in out.splitlines()]
    for data in analyses:
        assert validate_analysis(data) == []
    sources = [a["document"]["source_id"] for a in analyses]
    for name in GOOD_FILES:
        assert str(folder / name) in sources, f"{name} was not read; stderr:\n{err}"
    assert {"a", "d", "gz"} <= set(sources)
    assert sources.count("t") >= 1  # the records before the corrupt end of the gzip stream
    assert str(folder / ".hidden.txt") not in sources
    assert str(folder / "sub" / "deeper" / "nested.txt") in sources
    assert sum(s.endswith("nested.txt") for s in sources) == 1  # the symlink loop is not followed


def test_hostile_folder_names_every_bad_item(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_folder(tmp_path / "news")
    _, out, err = run(["analyze", str(folder), "--format", "jsonl", "-q"], capsys)
    read = {json.loads(line)["document"]["source_id"] for line in out.splitlines()}
    for name in BAD_FILES:
        assert str(folder / name) not in read
        assert f"skipped {folder / name}" in err, f"{name} not reported; stderr:\n{err}"
    for lineno in (2, 3, 4, 5, 7, 9):
        assert f"skipped {folder / 'mixed.jsonl'}:{lineno}" in err
    assert f"skipped {folder / 'truncated.jsonl.gz'}" in err
    for line in err.splitlines():
        assert line.startswith("marsad: "), line


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_every_format_survives_the_hostile_folder(fmt: str, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_folder(tmp_path / "news")
    code, out, err = run(["analyze", str(folder), "--format", fmt, "-q", "--color", "always"], capsys)
    assert code == 0 and "Traceback" not in err
    assert out.strip()


def test_out_file_gets_the_good_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_folder(tmp_path / "news")
    target = tmp_path / "all.jsonl"
    code, out, _ = run(["analyze", str(folder), "--format", "jsonl", "--out", str(target), "-q"], capsys)
    assert code == 0 and out == ""
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= len(GOOD_FILES)


def test_only_bad_files_exit_1_without_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    for name, raw in BAD_FILES.items():
        (folder / name).write_bytes(raw)
    code, out, err = run(["analyze", str(folder), "-q"], capsys)
    assert code == 1 and out == ""
    assert "Traceback" not in err
    assert "nothing could be read" in err


def test_good_file_next_to_missing_and_special_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes(GOOD.encode())
    paths = [str(tmp_path / "missing.txt"), str(good), str(tmp_path / "missing-folder" / "x.txt")]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo.txt")
        paths.append(str(tmp_path / "fifo.txt"))
    code, out, err = run(["analyze", *paths, "--format", "jsonl", "-q"], capsys)
    assert code == 0 and "Traceback" not in err
    assert [json.loads(line)["document"]["source_id"] for line in out.splitlines()] == [str(good)]
    assert err.count("marsad: skipped") == len(paths) - 1


@pytest.mark.parametrize("raw", [
    b"",
    b"\x00\x01\x02",
    bytes(range(256)),
    b"\x1f\x8b\x08\x00broken",
    b"{not json}\n{also not}\n",
    GOOD.encode("utf-16-le"),
    GOOD.encode() + b"\xff",
    "<html><body><p>قال الوزير إن الوضع هادئ</p>".encode(),
])
def test_standard_input_never_raises(raw: bytes, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    import marsad.ingest.core as core

    monkeypatch.setattr(core, "sys_stdin", lambda: io.BytesIO(raw))
    code, out, err = run(["analyze", "-", "--format", "jsonl", "-q"], capsys)
    assert "Traceback" not in err
    assert code in (0, 1)
    assert (code == 0) == bool(out.strip())
    for line in out.splitlines():
        assert validate_analysis(json.loads(line)) == []
