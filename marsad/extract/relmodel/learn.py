"""Fitting the relation model: one-vs-rest logistic regression by full-batch Adam, NumPy only.

Deterministic for a given seed and input order: the vocabulary is sorted and there is no sampling.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from marsad.extract.relmodel.model import RelationModel
from marsad.extract.relmodel.schema import RELATION_TYPES


@dataclass(slots=True)
class Example:
    """One candidate pair to learn from: its features, its true types, the types it may take, its weight."""

    features: list[str]
    labels: frozenset[str]
    mask: tuple[bool, ...]
    weight: float = 1.0
    group: str = ""


@dataclass(frozen=True, slots=True)
class FitOptions:
    """The settings of one fit."""

    l2: float = 1e-3
    iterations: int = 150
    learning_rate: float = 0.05
    min_count: int = 2
    threshold: float = 0.5
    seed: int = 13


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def fit(examples: Sequence[Example], options: FitOptions = FitOptions(),
        types: tuple[str, ...] = RELATION_TYPES) -> RelationModel:
    """A model fitted to `examples` (every type's threshold set to `options.threshold`)."""
    counts = Counter(f for ex in examples if ex.weight > 0 for f in set(ex.features))
    vocab = sorted(f for f, c in counts.items() if c >= options.min_count)
    index = {f: i for i, f in enumerate(vocab)}
    k = len(types)
    rows: list[int] = []
    cols: list[int] = []
    kept: list[Example] = []
    for ex in examples:
        ids = sorted({index[f] for f in ex.features if f in index})
        if not ids or ex.weight <= 0:
            continue
        rows += [len(kept)] * len(ids)
        cols += ids
        kept.append(ex)
    weights = np.zeros((len(vocab), k), dtype=np.float64)
    bias = np.zeros(k, dtype=np.float64)
    if kept:
        weights, bias = _adam(np.asarray(rows), np.asarray(cols), kept, len(vocab), types, options)
    return RelationModel(vocab, weights.astype(np.float32), bias.astype(np.float32), types,
                         np.full(k, options.threshold, dtype=np.float32))


def _adam(rows: np.ndarray, cols: np.ndarray, examples: Sequence[Example], n_features: int,
          types: tuple[str, ...], o: FitOptions) -> tuple[np.ndarray, np.ndarray]:
    """Full-batch Adam on the masked, weighted logistic loss plus an L2 penalty."""
    rng = np.random.default_rng(o.seed)
    k = len(types)
    y = np.array([[t in ex.labels for t in types] for ex in examples], dtype=np.float64)
    m = np.array([ex.mask for ex in examples], dtype=np.float64)
    sw = np.array([ex.weight for ex in examples], dtype=np.float64)
    sw = sw / sw.sum()
    row_starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    by_col = np.argsort(cols, kind="stable")
    col_sorted = cols[by_col]
    col_starts = np.flatnonzero(np.r_[True, col_sorted[1:] != col_sorted[:-1]])
    present = col_sorted[col_starts]
    rows_by_col = rows[by_col]
    w = rng.normal(0.0, 1e-3, size=(n_features, k))
    b = np.zeros(k)
    params = [w, b]
    mom = [np.zeros_like(w), np.zeros_like(b)]
    vel = [np.zeros_like(w), np.zeros_like(b)]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, o.iterations + 1):
        scores = np.add.reduceat(w[cols], row_starts, axis=0) + b
        g = (_sigmoid(scores) - y) * m * sw[:, None]
        gw = o.l2 * w
        gw[present] += np.add.reduceat(g[rows_by_col], col_starts, axis=0)
        grads = [gw, g.sum(axis=0)]
        for p, gr, mo, ve in zip(params, grads, mom, vel):
            mo *= beta1
            mo += (1 - beta1) * gr
            ve *= beta2
            ve += (1 - beta2) * gr * gr
            p -= o.learning_rate * (mo / (1 - beta1 ** step)) / (np.sqrt(ve / (1 - beta2 ** step)) + eps)
    return w, b
