"""The quality-gate helpers: pins file, set resolution, failures, rounding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.errors import ConfigError
from marsad.eval.gold import parse_gold
from marsad.eval.quality import GoldSet, failures, floor_score, load_pins, measure
from marsad.eval.score import Summary, score_analysis

from eval_helpers import empty_analysis, good_analysis, gold_dict


def _summary(*analyses) -> Summary:  # type: ignore[no-untyped-def]
    s = Summary()
    for a in analyses:
        s.add(score_analysis(a, parse_gold(gold_dict())))
    return s


def test_failures_name_the_set_layer_score_and_pin() -> None:
    summary = _summary(good_analysis())  # entities F1 = 0.8333
    ok = GoldSet("mini", [], {"entities": 0.8333, "claims": 1.0})
    assert failures(ok, summary) == []
    bad = GoldSet("mini", [], {"entities": 0.9})
    assert failures(bad, summary) == ["mini: entities F1 0.8333 is below its pin 0.9000"]


def test_na_scores_never_fail() -> None:
    summary = Summary()
    summary.add(score_analysis(empty_analysis(), parse_gold({})))
    assert failures(GoldSet("none", [], {"framing": 0.5}), summary) == []


@pytest.mark.parametrize("value, pin", [(0.83333, 0.8333), (0.5, 0.5), (None, 0.0), (0.99999, 0.9999),
                                        (0.29, 0.29)])
def test_floor_score(value: float | None, pin: float) -> None:
    assert floor_score(value) == pin


def test_an_absent_set_is_none(tmp_path: Path) -> None:
    assert measure(GoldSet("x", ["nowhere", "shared:nowhere/either"]), root=tmp_path) is None


def test_a_set_measures_its_folder(tmp_path: Path) -> None:
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "a.analysis.json").write_text(good_analysis().to_json(), encoding="utf-8")
    (tmp_path / "g" / "a.gold.json").write_text(
        json.dumps({**gold_dict(), "article": "a.analysis.json"}), encoding="utf-8")
    summary = measure(GoldSet("x", ["g"]), root=tmp_path)
    assert summary is not None and len(summary.files) == 1
    assert summary.total["entities"].counts.matched_gold == 5


@pytest.mark.parametrize("content, message", [
    ("{", "cannot read the pins file"),
    ('{"sets": {}}', "non-empty 'sets'"),
    ('{"sets": {"a": {"gold": "x"}}}', "sets.a.gold must be a list"),
    ('{"sets": {"a": {"gold": ["x"], "f1": {"entity": 0.1}}}}', "sets.a.f1 must map layers"),
])
def test_malformed_pins_file(tmp_path: Path, content: str, message: str) -> None:
    p = tmp_path / "pins.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_pins(p)


def test_a_sealed_set_reports_totals_only(tmp_path: Path) -> None:
    from marsad.eval.quality import set_report
    from marsad.eval.report import render_text

    pins = tmp_path / "pins.json"
    pins.write_text(json.dumps({"sets": {"open": {"gold": ["g"], "f1": {}},
                                         "closed": {"gold": ["g"], "f1": {}, "sealed": True}}}))
    open_set, closed = load_pins(pins)
    assert (open_set.sealed, closed.sealed) == (False, True)
    summary = _summary(good_analysis(), good_analysis())
    assert "per_file" in set_report(open_set, summary)
    report = set_report(closed, summary)
    assert "per_file" not in report and report["sealed"] is True
    assert "per_type" in set_report(open_set, summary)["micro"]["entities"]
    assert all("per_type" not in layer for layer in report["micro"].values())  # no per-type break-down
    assert report["f1"]["entities"] == pytest.approx(0.8333, abs=1e-4)
    assert report["links"]["matched"] == 10 and report["links"]["share"] == 0.0
    assert "F1 per file" in render_text(summary)
    assert "F1 per file" not in render_text(summary, totals_only=True)


def test_sealed_must_be_a_boolean(tmp_path: Path) -> None:
    pins = tmp_path / "pins.json"
    pins.write_text(json.dumps({"sets": {"s": {"gold": ["g"], "f1": {}, "sealed": "yes"}}}))
    with pytest.raises(ConfigError, match="sealed must be true or false"):
        load_pins(pins)
