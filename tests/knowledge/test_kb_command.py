"""`marsad kb check|find|stats` and its alias `python -m marsad.knowledge`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.knowledge.__main__ import main as alias_main

ROOT = Path(__file__).resolve().parents[2]


def _actor(folder: Path, **fields: object) -> None:
    (folder / "actors").mkdir(parents=True, exist_ok=True)
    with (folder / "actors" / "mine.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(fields, ensure_ascii=False) + "\n")


def test_find_lists_the_ids_of_a_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "find", "حفتر"]) == 0
    rows = [ln.split("\t") for ln in capsys.readouterr().out.splitlines()]
    assert ["haftar", "PERSON"] in [r[:2] for r in rows]
    assert main(["kb", "find", "زيدونستان"]) == 1
    assert "no name contains" in capsys.readouterr().out


def test_check_passes_on_the_shipped_knowledge(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "check"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("0 problem(s) in KnowledgeBase(")


def test_check_reports_an_overlay_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _actor(tmp_path, id="kataeb_zaydun", type="ARMED_GROUP", name="كتائب زيدون",
           affiliations=[{"type": "LOYAL_TO", "target": "no_such_actor"}])
    assert main(["kb", "check", "--kb", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "mine.jsonl" in out and "'no_such_actor' is not a known actor" in out
    assert main(["kb", "find", "كتائب زيدون", "--kb", str(tmp_path)]) == 0
    assert "kataeb_zaydun" in capsys.readouterr().out


def test_check_names_a_broken_file_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "bad.jsonl").write_text('{"id": "x", "type": "PERSON"\n', encoding="utf-8")
    assert main(["kb", "check", "--kb", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "bad.jsonl:1" in err and "Traceback" not in err


def test_the_config_files_overlays_are_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    overlay = tmp_path / "kb"
    _actor(overlay, id="kataeb_zaydun", type="ARMED_GROUP", name="كتائب زيدون")
    cfg = tmp_path / "marsad.toml"
    cfg.write_text(f'[marsad]\nkb = ["{overlay}"]\n', encoding="utf-8")
    assert main(["kb", "find", "كتائب زيدون", "--config", str(cfg)]) == 0
    assert "kataeb_zaydun" in capsys.readouterr().out


def test_stats_counts_the_lexicons(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "stats"]) == 0
    out = capsys.readouterr().out
    assert "lexicon reporting_verbs:" in out and "names:" in out


def test_the_module_alias_runs_the_same_tool(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert alias_main(["find", "حفتر"]) == 0
    via_alias = capsys.readouterr().out
    assert main(["kb", "find", "حفتر"]) == 0
    assert capsys.readouterr().out == via_alias
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "bad.jsonl").write_text("not json\n", encoding="utf-8")
    assert alias_main(["check", "--kb", str(tmp_path)]) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err


def test_the_module_alias_runs_as_a_program() -> None:
    done = subprocess.run([sys.executable, "-m", "marsad.knowledge", "find", "حفتر"], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0 and "haftar" in done.stdout
