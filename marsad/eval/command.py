"""`marsad eval`: find the (analysis or article, gold) pairs named on the command line and score them.

Inputs, in any mix:
- `ANALYSIS_OR_ARTICLE GOLD` pairs: an analysis is a `.json` file with `"schema": "marsad.analysis/1"`;
  anything else is an article, analysed on the fly (honouring --config, --kb and --disable, and the
  gold file's `published` as the date anchor when the article has no date line);
- a gold file alone: its article is the one its `article` field names, else NAME.txt beside NAME.gold.json;
- a folder: every `*.gold.json` under it, each with its article found as above.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.errors import GoldError, InputError
from marsad.eval.gold import Gold, load_gold
from marsad.eval.report import render_json, render_text
from marsad.eval.score import Summary, score_analysis
from marsad.model import SCHEMA_ID, Analysis
from marsad.pipeline import Pipeline
from marsad.settings import Settings

log = logging.getLogger(__name__)

GOLD_SUFFIX = ".gold.json"
_GOLD_KEYS = frozenset({"entities", "relations", "events", "claims", "dates", "framing"})
_ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


@dataclass(slots=True)
class Pair:
    """What to score against what: `input` is an analysis or an article (None: the gold names it)."""

    input: Path | None
    gold: Path


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None


def is_gold_file(path: Path) -> bool:
    """A `*.gold.json` file, or a `.json` object with gold layers and no analysis schema."""
    if path.name.endswith(GOLD_SUFFIX):
        return True
    if path.suffix != ".json":
        return False
    data = _read_json(path)
    return isinstance(data, dict) and "schema" not in data and bool(_GOLD_KEYS & set(data))


def resolve_inputs(paths: list[str]) -> list[Pair]:
    """Turn command-line paths into pairs; raises `InputError` on a missing path or a broken pair."""
    pairs: list[Pair] = []
    i = 0
    while i < len(paths):
        p = Path(paths[i])
        if p.is_dir():
            golds = sorted(p.rglob(f"*{GOLD_SUFFIX}"))
            if not golds:
                raise InputError(str(p), f"no *{GOLD_SUFFIX} file in this folder")
            pairs += [Pair(None, g) for g in golds]
            i += 1
        elif not p.is_file():
            raise InputError(str(p), "no such file or folder")
        elif is_gold_file(p):
            pairs.append(Pair(None, p))
            i += 1
        else:
            if i + 1 >= len(paths):
                raise InputError(str(p), "needs a gold file after it (give pairs: ANALYSIS_OR_ARTICLE GOLD)")
            g = Path(paths[i + 1])
            if not g.is_file():
                raise InputError(str(g), "no such gold file")
            if not is_gold_file(g):
                raise InputError(str(g), f"is not a gold file (expected *{GOLD_SUFFIX} after {p})")
            pairs.append(Pair(p, g))
            i += 2
    if not pairs:
        raise InputError("marsad eval", "nothing to evaluate")
    return pairs


def article_for(gold: Gold, gold_path: Path) -> Path:
    """The article a gold file belongs to: its `article` field, else NAME.txt beside NAME.gold.json."""
    named = gold.article_path()
    if named is not None:
        if not named.is_file():
            raise GoldError(f"{gold_path}: article {gold.article!r} not found (looked for {named})")
        return named
    stem = gold_path.name.removesuffix(GOLD_SUFFIX).removesuffix(".json")
    for suffix in _ARTICLE_SUFFIXES:
        cand = gold_path.with_name(stem + suffix)
        if cand.is_file():
            return cand
    raise GoldError(f"{gold_path}: names no article (add \"article\": \"PATH\") and there is no "
                    f"{stem}.txt beside it")


def load_analysis(path: Path) -> Analysis | None:
    """The analysis in `path` if it is a marsad.analysis/1 JSON file, else None (an article)."""
    if path.suffix != ".json":
        return None
    data = _read_json(path)
    if not isinstance(data, dict) or data.get("schema") != SCHEMA_ID:
        return None
    try:
        return Analysis.from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(str(path), f"not a valid {SCHEMA_ID} analysis ({type(exc).__name__}: {exc})") from None


class Evaluator:
    """Scores pairs, analysing articles with one pipeline built on first need."""

    def __init__(self, settings: Settings | None = None, pipeline: Pipeline | None = None) -> None:
        self.settings = settings
        self.pipeline = pipeline

    def _pipe(self) -> Pipeline:
        if self.pipeline is None:
            from marsad.api import build_pipeline

            self.pipeline = build_pipeline(self.settings or Settings.load())
        return self.pipeline

    def prediction(self, pair: Pair, gold: Gold) -> tuple[Analysis, str]:
        """The analysis to score for a pair, and the name of its input."""
        source = pair.input if pair.input is not None else article_for(gold, pair.gold)
        analysis = load_analysis(source)
        if analysis is None:
            from marsad.api import analyze_file

            analysis = analyze_file(source, published=gold.published, pipeline=self._pipe())
        return analysis, str(source)

    def evaluate(self, pairs: list[Pair]) -> Summary:
        """Score every pair; gold and input errors are raised, evaluation warnings are collected."""
        summary = Summary()
        for pair in pairs:
            gold = load_gold(pair.gold)
            analysis, name = self.prediction(pair, gold)
            summary.add(score_analysis(analysis, gold, input_name=name))
        return summary


def run_eval(args: argparse.Namespace) -> int:
    """The `marsad eval` command: score, print a table (or JSON), warnings on stderr; the exit code."""
    settings = Settings.load(getattr(args, "config", None), kb=tuple(getattr(args, "kb", None) or ()) or None,
                             disable=tuple(getattr(args, "disable", None) or ()) or None)
    pairs = resolve_inputs(list(args.paths))
    summary = Evaluator(settings).evaluate(pairs)
    for f in summary.files:
        for w in f.warnings:
            log.warning("%s", w)
    per_type = bool(getattr(args, "per_type", False))
    if getattr(args, "json", False):
        sys.stdout.write(json.dumps(render_json(summary, per_type=per_type), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(render_text(summary, per_type=per_type))
    return 0
