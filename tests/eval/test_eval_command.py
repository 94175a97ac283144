"""`marsad eval` on the command line: inputs, table, JSON, errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from marsad.cli import main
from marsad.eval.command import Evaluator, Pair, resolve_inputs
from marsad.eval.gold import load_gold
from marsad.eval.score import LAYERS

from eval_helpers import TEXT, good_analysis, gold_dict


def _write(path: Path, data: Any) -> Path:
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """A folder with article.txt, its gold (no 'article' field) and a hand-built analysis of it."""
    _write(tmp_path / "article.txt", TEXT)
    _write(tmp_path / "article.gold.json", gold_dict())
    _write(tmp_path / "article.analysis.json", good_analysis().to_json())
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = main(["eval", *argv])
    out = capsys.readouterr()
    return rc, out.out, out.err


def _table_rows(out: str) -> dict[str, list[str]]:
    return {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.split()[:1] and
            line.split()[0] in LAYERS}


def test_analysis_and_gold_pair(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, err = _run(capsys, str(folder / "article.analysis.json"), str(folder / "article.gold.json"))
    assert rc == 0 and err == ""
    rows = _table_rows(out)
    assert rows["entities"] == ["6", "6", "5", "0.833", "0.833", "0.833"]
    assert rows["relations"][:3] == ["3", "3", "2"]
    assert rows["claims"] == ["2", "2", "2", "1.000", "1.000", "1.000"]
    assert "geo: 1/2 matched places within tolerance" in out
    assert "linked: 0/5 matched entities carry a knowledge-base id (share 0.000)" in out


def test_folder_of_gold_files_analyses_the_article(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = _run(capsys, str(folder))
    assert rc == 0
    rows = _table_rows(out)
    assert set(rows) == set(LAYERS)
    assert [rows[n][0] for n in LAYERS] == ["6", "3", "2", "2", "2", "1"]  # gold counts (core only)


def test_json_output_with_per_type(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = _run(capsys, str(folder / "article.analysis.json"), str(folder / "article.gold.json"),
                      "--json", "--per-type")
    assert rc == 0
    data = json.loads(out)
    assert data["schema"] == "marsad.eval/1"
    assert data["micro"]["entities"]["matched"] == 5
    assert data["micro"]["entities"]["per_type"]["PERSON"] == {
        "gold": 1, "predicted": 2, "matched": 1, "precision": 0.5, "recall": 1.0, "f1": 0.6667}
    assert data["micro"]["framing"]["f1"] == 1.0 and "per_type" not in data["micro"]["framing"]
    assert data["geo"] == {"places": 2, "with_geo": 2, "correct": 1, "accuracy": 0.5}
    assert (data["links"]["matched"], data["links"]["linked"], data["links"]["share"]) == (5, 0, 0.0)
    assert data["files"][0]["links"]["matched"] == 5
    assert [f["gold"] for f in data["files"]] == [str(folder / "article.gold.json")]


def test_several_files_print_a_row_each_and_micro_totals(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = str(folder / "article.gold.json")
    rc, out, _ = _run(capsys, str(folder / "article.analysis.json"), gold, str(folder / "article.analysis.json"), gold)
    assert rc == 0
    assert "F1 per file (2 files)" in out and "micro totals over all files" in out
    assert _table_rows(out)["entities"][:3] == ["12", "12", "10"]


def test_per_type_table(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = _run(capsys, str(folder / "article.analysis.json"), str(folder / "article.gold.json"), "--per-type")
    assert rc == 0
    assert "entities/PERSON" in out and "events/ATTACK" in out and "relations/SUPPORTS" in out


def test_gold_names_its_article_relative_to_itself(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "golds").mkdir()
    _write(tmp_path / "texts" / "one.txt", TEXT)
    _write(tmp_path / "golds" / "x.gold.json", {**gold_dict(), "article": "../texts/one.txt"})
    rc, out, _ = _run(capsys, str(tmp_path / "golds" / "x.gold.json"))
    assert rc == 0 and "one.txt" in out


def test_published_anchors_an_article_without_date_line(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "عنوان الخبر\n\nقال المتحدث إن الهدوء عاد إلى المدينة.\n")
    _write(tmp_path / "a.gold.json", {"published": "2017-03-05", "entities": []})
    gold_path = tmp_path / "a.gold.json"
    analysis, name = Evaluator().prediction(Pair(None, gold_path), load_gold(gold_path))
    assert analysis.document.published == "2017-03-05"
    assert name == str(tmp_path / "a.txt")


def test_unfound_evidence_is_a_warning_on_stderr(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = gold_dict()
    data["claims"][0]["evidence"] = "عبارة لا وجود لها"
    _write(folder / "article.gold.json", data)
    rc, out, err = _run(capsys, str(folder / "article.analysis.json"), str(folder / "article.gold.json"))
    assert rc == 0
    assert "marsad: warning:" in err and "claims[0]" in err and "not found in the article text" in err
    assert _table_rows(out)["claims"][:3] == ["2", "2", "1"]


@pytest.mark.parametrize("setup, argv, message", [
    (lambda d: _write(d / "bad.gold.json", "{oops"), ["bad.gold.json"], "bad.gold.json: not valid JSON"),
    (lambda d: _write(d / "bad.gold.json", {"entities": [{"key": "a", "type": "HERO", "name": "س"}]}),
     ["bad.gold.json"], "entities[0]: unknown type 'HERO'"),
    (lambda d: None, ["article.txt"], "needs a gold file after it"),
    (lambda d: None, ["article.txt", "article.txt"], "is not a gold file"),
    (lambda d: None, ["nowhere.txt", "article.gold.json"], "nowhere.txt: no such file or folder"),
    (lambda d: _write(d / "lone.gold.json", gold_dict()), ["lone.gold.json"], "names no article"),
    (lambda d: _write(d / "far.gold.json", {**gold_dict(), "article": "missing.txt"}), ["far.gold.json"],
     "article 'missing.txt' not found"),
    (lambda d: (d / "empty").mkdir(), ["empty"], "no *.gold.json file in this folder"),
    (lambda d: None, ["article.txt", "article.gold.json", "--disable", "nonesuch"], "unknown component"),
])
def test_errors_exit_2_with_a_clear_message(folder: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch, setup: Any, argv: list[str],
                                            message: str) -> None:
    setup(folder)
    monkeypatch.chdir(folder)
    rc, out, err = _run(capsys, *argv)
    assert rc == 2
    assert err.startswith("marsad: error: ") and message in err
    assert out == ""


def test_resolve_inputs_mixes_pairs_golds_and_folders(folder: Path) -> None:
    pairs = resolve_inputs([str(folder / "article.txt"), str(folder / "article.gold.json"),
                            str(folder / "article.gold.json"), str(folder)])
    assert [(p.input and p.input.name, p.gold.name) for p in pairs] == [
        ("article.txt", "article.gold.json"), (None, "article.gold.json"), (None, "article.gold.json")]
