"""The quality gate: F1 per layer on the reference article and the dev gold set must not drop below
the pins in benchmarks/quality_pins.json (see that file for how to change a pin)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from marsad.eval.quality import PINS_FILE, GoldSet, failures, load_pins, measure
from marsad.eval.score import LAYERS, Summary

SETS = {s.name: s for s in load_pins(PINS_FILE)}


def test_pins_cover_every_layer_of_every_set() -> None:
    assert {"reference", "dev"} <= set(SETS)
    for gold_set in SETS.values():
        assert set(gold_set.pins) == set(LAYERS), gold_set.name
        assert all(0.0 <= v <= 1.0 for v in gold_set.pins.values()), gold_set.name


@lru_cache(maxsize=None)
def _measured(name: str) -> Summary | None:
    return measure(SETS[name])


@pytest.mark.parametrize("name", sorted(SETS))
def test_scores_stay_at_or_above_their_pins(shared: Path, name: str, missing_data) -> None:  # type: ignore[no-untyped-def]
    summary = _measured(name)
    if summary is None:
        missing_data(f"gold set {name!r} ({', '.join(SETS[name].entries)})")
    below = failures(SETS[name], summary)
    assert not below, "\n".join(below) + "\n(see benchmarks/quality_pins.json before changing a pin)"


def test_gate_fails_when_a_score_drops(shared: Path) -> None:
    summary = _measured("reference")
    assert summary is not None
    strict = GoldSet("reference", SETS["reference"].entries, {layer: 1.01 for layer in LAYERS})
    assert len(failures(strict, summary)) == len(LAYERS)
