"""benchmarks/eval_gold.py --sets: only the named gold sets are scored and recorded."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from eval_helpers import good_analysis, gold_dict

ROOT = Path(__file__).resolve().parents[2]


def _eval_gold() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_gold", ROOT / "benchmarks" / "eval_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def pins(tmp_path: Path) -> Path:
    """A pins file with a measurable set `mini` (one scored analysis), an absent set and a sealed set."""
    folder = tmp_path / "g"
    folder.mkdir()
    (folder / "a.analysis.json").write_text(good_analysis().to_json(), encoding="utf-8")
    (folder / "a.gold.json").write_text(json.dumps({**gold_dict(), "article": "a.analysis.json"}), encoding="utf-8")
    path = tmp_path / "pins.json"
    path.write_text(json.dumps({"sets": {
        "mini": {"gold": [str(folder)], "f1": {"entities": 0.5}},
        "gone": {"gold": [str(tmp_path / "nowhere")]},
        "locked": {"gold": [str(folder)], "sealed": True},
    }}), encoding="utf-8")
    return path


def test_only_the_named_sets_are_scored(pins: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "quality.json"
    assert _eval_gold().main(["--pins", str(pins), "--out", str(out), "--sets", "mini"]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert list(record["sets"]) == ["mini"]
    assert record["sets"]["mini"]["files"] == 1
    printed = capsys.readouterr().out
    assert "== mini" in printed and "locked" not in printed and "gone" not in printed


def test_by_default_every_set_is_scored_the_sealed_one_too(pins: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "quality.json"
    assert _eval_gold().main(["--pins", str(pins), "--out", str(out)]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert list(record["sets"]) == ["mini", "gone", "locked"]
    assert record["sets"]["gone"] == {"absent": True} and record["sets"]["locked"]["sealed"] is True
    printed = capsys.readouterr().out
    assert "== locked" in printed
    assert printed.split("== locked")[1].count("per type") == 0  # the sealed set shows no per-type table


def test_an_unknown_set_is_refused_with_the_known_names(pins: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "quality.json"
    assert _eval_gold().main(["--pins", str(pins), "--out", str(out), "--sets", "mini", "dve"]) == 2
    err = capsys.readouterr().err
    assert "'dve'" in err and "mini, gone, locked" in err
    assert not out.exists()
