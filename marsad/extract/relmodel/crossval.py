"""Grouped cross-validation over articles: every fold's model is scored on articles it never saw.

Scores are those of `marsad.eval` on the relation layer, with the rules' relations plus the model's
(the component's own decision), so that a fold's F1 is what the pipeline would reach on those files.
Besides one threshold for every type, a threshold per type is chosen on out-of-fold probabilities:
each fold is scored with the thresholds chosen on the other folds' articles only (`CVResult.per_type`),
so the per-type figure is not read in sample either.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from marsad.eval.score import Counts, LayerScore, relation_scorer
from marsad.extract.relmodel.data import Article, gold_examples, mask_of
from marsad.extract.relmodel.decide import merged, model_relations
from marsad.extract.relmodel.learn import Example, FitOptions, fit
from marsad.extract.relmodel.model import RelationModel
from marsad.model import Relation

#: a scorer of relation lists for one article (`marsad.eval.score.relation_scorer`)
Scorer = Callable[[Sequence[Relation]], LayerScore]


def folds(names: Sequence[str], k: int, seed: int) -> list[set[str]]:
    """`k` groups of article names, shuffled with `seed` and dealt round robin."""
    order = sorted(names)
    random.Random(seed).shuffle(order)
    return [set(order[i::k]) for i in range(k)]


def _scorers(articles: Sequence[Article]) -> dict[str, Scorer]:
    return {a.name: relation_scorer(a.analysis, a.gold) for a in articles}  # type: ignore[arg-type]


def score_probabilities(articles: Sequence[Article], probs: dict[str, np.ndarray], types: Sequence[str],
                        thresholds: np.ndarray, scorers: dict[str, Scorer] | None = None) -> LayerScore:
    """Relation counts over `articles` of the rules plus the relations their candidates' probabilities
    (`probs`, by article name) give at `thresholds`."""
    scorers = scorers or _scorers(articles)
    total = LayerScore()
    for art in articles:
        rules = list(art.analysis.relations)
        p = probs.get(art.name)
        rels = rules if p is None or not art.candidates else merged(
            [replace(r) for r in rules], model_relations(art.candidates, p, types, thresholds, rules))
        total.add(scorers[art.name](rels))
    return total


def relation_score(articles: Sequence[Article], model: RelationModel | None,
                   thresholds: np.ndarray | None = None) -> LayerScore:
    """Relation counts of the rules alone (`model` None) or the rules plus the model, over `articles`."""
    if model is None:
        return score_probabilities(articles, {}, (), np.zeros(0, dtype=np.float32))
    th = model.thresholds if thresholds is None else thresholds
    return score_probabilities(articles, probabilities(articles, model), model.types, th)


def probabilities(articles: Sequence[Article], model: RelationModel) -> dict[str, np.ndarray]:
    """The model's probabilities for every candidate of each article, by article name."""
    out = {}
    for art in articles:
        masks = np.array([mask_of(c, model.types) for c in art.candidates], dtype=np.float32)
        out[art.name] = model.probabilities(art.features, masks.reshape(len(art.candidates), len(model.types)))
    return out


def per_type_thresholds(articles: Sequence[Article], probs: dict[str, np.ndarray], types: Sequence[str],
                        grid: Sequence[float], start: float, scorers: dict[str, Scorer] | None = None,
                        passes: int = 2) -> np.ndarray:
    """One threshold per type, from `start` for all, each moved in turn to the value of `grid` that
    gives the best micro F1 over `articles` (a tie keeps the higher threshold: fewer relations)."""
    scorers = scorers or _scorers(articles)
    th = np.full(len(types), start, dtype=np.float32)

    def f1(t: np.ndarray) -> float:
        return score_probabilities(articles, probs, types, t, scorers).counts.f1 or 0.0

    best = f1(th)
    for _ in range(passes):
        changed = False
        for j in range(len(types)):
            for value in sorted(grid, reverse=True):
                if value == th[j]:
                    continue
                trial = th.copy()
                trial[j] = value
                got = f1(trial)
                if got > best + 1e-9:
                    best, th, changed = got, trial, True
        if not changed:
            break
    return th


@dataclass(slots=True)
class CVResult:
    """Cross-validated relation scores: one `LayerScore` per single threshold tried, the per-type
    thresholds chosen on every fold's out-of-fold probabilities, and the score those reach when each
    fold is decided with thresholds chosen on the other folds."""

    by_threshold: dict[float, LayerScore] = field(default_factory=dict)
    per_type_thresholds: np.ndarray | None = None
    per_type: LayerScore | None = None

    def best(self) -> tuple[float, LayerScore]:
        """The threshold with the highest F1 (the lower one on a tie) and its scores."""
        return max(self.by_threshold.items(), key=lambda kv: (kv[1].counts.f1 or 0.0, -kv[0]))


def out_of_fold(articles: Sequence[Article], options: FitOptions, groups: Sequence[set[str]],
                extra: Sequence[Example] = ()) -> tuple[dict[str, np.ndarray], tuple[str, ...]]:
    """Each article's candidate probabilities from the model fitted without its fold (plus `extra`
    silver from the other folds' groups), and the model's types."""
    probs: dict[str, np.ndarray] = {}
    types: tuple[str, ...] = ()
    for held in groups:
        train = [ex for a in articles if a.name not in held for ex in gold_examples(a)]
        model = fit([*train, *(e for e in extra if e.group not in held)], options)
        types = model.types
        probs.update(probabilities([a for a in articles if a.name in held], model))
    return probs, types


def cross_validate(articles: Sequence[Article], options: FitOptions, thresholds: Sequence[float],
                   k: int = 5, seed: int = 13, extra: Sequence[Example] = (), per_type: bool = False) -> CVResult:
    """Grouped k-fold over `articles` (gold): fit on k-1 groups (plus `extra` silver), score the rest;
    with `per_type`, also choose thresholds per type (scored fold by fold, chosen on the others)."""
    groups = folds([a.name for a in articles], k, seed)
    probs, types = out_of_fold(articles, options, groups, extra)
    scorers = _scorers(articles)
    result = CVResult({t: score_probabilities(articles, probs, types, np.full(len(types), t, dtype=np.float32),
                                              scorers) for t in thresholds})
    if per_type and thresholds:
        start, _ = result.best()
        result.per_type_thresholds = per_type_thresholds(articles, probs, types, thresholds, start, scorers)
        nested = LayerScore()
        for held in groups:
            rest = [a for a in articles if a.name not in held]
            rest_start = max(thresholds, key=lambda t: (score_probabilities(
                rest, probs, types, np.full(len(types), t, dtype=np.float32), scorers).counts.f1 or 0.0, -t))
            th = per_type_thresholds(rest, probs, types, thresholds, rest_start, scorers)
            nested.add(score_probabilities([a for a in articles if a.name in held], probs, types, th, scorers))
        result.per_type = nested
    return result


def counts_dict(c: Counts) -> dict[str, float | int | None]:
    """A JSON form of relation counts."""
    return c.to_dict()
