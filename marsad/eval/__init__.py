"""Scoring analyses against gold files (`marsad eval`) and the pinned quality gate.

- `gold`: read and validate gold files (evidence as quotes or offsets; `article`, `published`).
- `locate`: find gold evidence in the article text (exact, then normalised).
- `align`: one-to-one alignment of predicted and gold entities; geo accuracy.
- `score`: the matching rules of every layer and P/R/F1 (documented in its docstring).
- `report`: the text tables and the JSON report.
- `command`: `run_eval` behind `marsad eval`, and `Evaluator` for scripts.
- `quality`: gold sets and pins of `benchmarks/quality_pins.json`.
"""

from __future__ import annotations

from marsad.eval.gold import Gold, load_gold, parse_gold
from marsad.eval.score import LAYERS, Counts, FileScore, Summary, score_analysis

__all__ = ["LAYERS", "Counts", "FileScore", "Gold", "Summary", "load_gold", "parse_gold", "score_analysis"]
