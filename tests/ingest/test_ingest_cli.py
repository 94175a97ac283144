"""End to end through the command line: one line per bad item on stderr, exit codes 0 and 1."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from marsad.cli import main

DATA = Path(__file__).parent / "data"


def _bad_files(folder: Path) -> dict[str, str]:
    """Write one file of each bad kind; returns name -> the start of the reason expected."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "english.txt").write_text("Nothing but English here, no Arabic at all.\n")
    (folder / "broken.jsonl").write_text('{"id": "x", "text": \n', encoding="utf-8")
    (folder / "nothing.html").write_text("<html><head><title>t</title></head><body></body></html>")
    return {"empty.txt": "empty file", "binary.txt": "binary file", "english.txt": "no Arabic text",
            "broken.jsonl:1": "not valid JSON", "nothing.html": "no main text"}


def test_folder_with_good_and_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(DATA / "header-article.txt", folder / "good.txt")
    expected = _bad_files(folder)
    out = tmp_path / "out.jsonl"
    code = main(["analyze", str(folder), str(tmp_path / "missing.txt"), "--format", "jsonl",
                 "--out", str(out), "--quiet"])
    err_lines = capsys.readouterr().err.strip().splitlines()
    assert code == 0
    skipped = [ln for ln in err_lines if ln.startswith("marsad: skipped ")]
    assert len(skipped) == len(expected) + 1 == len(err_lines)
    for name, reason in expected.items():
        assert any(ln.startswith(f"marsad: skipped {folder / name}: {reason}") for ln in skipped), (name, skipped)
    assert f"marsad: skipped {tmp_path / 'missing.txt'}: no such file or directory" in skipped
    [line] = out.read_text(encoding="utf-8").splitlines()
    analysis = json.loads(line)
    assert analysis["document"]["source_id"] == str(folder / "good.txt")
    assert analysis["document"]["title"] == "قوات محلية تستعيد السيطرة على الطريق الساحلي بعد يومين من القتال"
    assert analysis["document"]["published"] == "2016-10-13T09:45:00"
    assert analysis["document"]["text"] == (DATA / "header-article.txt").read_text(encoding="utf-8")


def test_only_bad_files_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = _bad_files(tmp_path)
    code = main(["analyze", str(tmp_path), "--format", "json", "--quiet"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == len(expected) + 1
    assert lines[-1] == f"marsad: error: nothing could be read ({len(expected)} input(s) skipped)"


def test_empty_folder_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tmp_path), "--quiet"]) == 1
    assert f"marsad: skipped {tmp_path}: no readable files in this folder" in capsys.readouterr().err


def test_weekday_warning_reaches_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text("عنوان الخبر\n\nالاثنين 11 أكتوبر 2016\n\nقال مسؤول محلي إن الطريق أعيد فتحه اليوم.\n",
                    encoding="utf-8")
    assert main(["analyze", str(path), "--format", "json", "--quiet"]) == 0
    err = capsys.readouterr().err
    assert f"marsad: warning: {path}: date line says الاثنين but 2016-10-11 is a Tuesday" in err
