"""Grouped cross-validation over articles: every fold's model is scored on articles it never saw.

Scores are those of `marsad.eval` on the relation layer, with the rules' relations plus the model's
(the component's own decision), so that a fold's F1 is what the pipeline would reach on those files.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from marsad.eval.score import Counts, LayerScore, score_analysis
from marsad.extract.relmodel.data import Article, gold_examples, mask_of
from marsad.extract.relmodel.decide import merged, model_relations
from marsad.extract.relmodel.learn import Example, FitOptions, fit
from marsad.extract.relmodel.model import RelationModel


def folds(names: Sequence[str], k: int, seed: int) -> list[set[str]]:
    """`k` groups of article names, shuffled with `seed` and dealt round robin."""
    order = sorted(names)
    random.Random(seed).shuffle(order)
    return [set(order[i::k]) for i in range(k)]


def relation_score(articles: Sequence[Article], model: RelationModel | None,
                   thresholds: np.ndarray | None = None) -> LayerScore:
    """Relation counts of the rules alone (`model` None) or the rules plus the model, over `articles`."""
    total = LayerScore()
    for art in articles:
        a, rules = art.analysis, list(art.analysis.relations)
        if model is not None and art.candidates:
            masks = np.array([mask_of(c, model.types) for c in art.candidates], dtype=np.float32)
            probs = model.probabilities(art.features, masks)
            th = model.thresholds if thresholds is None else thresholds
            a.relations = merged([replace(r) for r in rules], model_relations(art.candidates, probs, model.types, th, rules))
        try:
            total.add(score_analysis(a, art.gold).layers["relations"])  # type: ignore[arg-type]
        finally:
            a.relations = rules
    return total


@dataclass(slots=True)
class CVResult:
    """Cross-validated relation scores, one `LayerScore` per threshold tried."""

    by_threshold: dict[float, LayerScore] = field(default_factory=dict)

    def best(self) -> tuple[float, LayerScore]:
        """The threshold with the highest F1 (the lower one on a tie) and its scores."""
        return max(self.by_threshold.items(), key=lambda kv: (kv[1].counts.f1 or 0.0, -kv[0]))


def cross_validate(articles: Sequence[Article], options: FitOptions, thresholds: Sequence[float],
                   k: int = 5, seed: int = 13, extra: Sequence[Example] = ()) -> CVResult:
    """Grouped k-fold over `articles` (gold): fit on k-1 groups (plus `extra` silver), score the rest."""
    groups = folds([a.name for a in articles], k, seed)
    result = CVResult({t: LayerScore() for t in thresholds})
    for held in groups:
        train = [ex for a in articles if a.name not in held for ex in gold_examples(a)]
        model = fit([*train, *(e for e in extra if e.group not in held)], options)
        test = [a for a in articles if a.name in held]
        for t in thresholds:
            result.by_threshold[t].add(relation_score(test, model, np.full(len(model.types), t, dtype=np.float32)))
    return result


def counts_dict(c: Counts) -> dict[str, float | int | None]:
    """A JSON form of relation counts."""
    return c.to_dict()
