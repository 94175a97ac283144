"""The relation model: one logistic scorer per relation type over string features (NumPy only).

Stored as a `.npz` holding `features` (the vocabulary), `weights` (features × types, float16),
`bias`, `types` and `thresholds` (one per type), with a JSON sidecar of how it was trained.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad.errors import InputError

#: where the shipped model lives
SHIPPED = Path(__file__).resolve().parent / "models" / "relations.npz"
_KEYS = ("features", "weights", "bias", "types", "thresholds")


@dataclass
class RelationModel:
    """Feature vocabulary, weights per relation type, biases and the decision threshold of each type."""

    features: list[str]
    weights: np.ndarray  # (len(features), len(types))
    bias: np.ndarray     # (len(types),)
    types: tuple[str, ...]
    thresholds: np.ndarray  # (len(types),)

    def __post_init__(self) -> None:
        self.index = {f: i for i, f in enumerate(self.features)}
        self._w = np.vstack([np.asarray(self.weights, dtype=np.float32).reshape(len(self.features), -1),
                             np.zeros((1, len(self.types)), dtype=np.float32)])

    def probabilities(self, feature_lists: Sequence[Sequence[str]], masks: np.ndarray | None = None) -> np.ndarray:
        """P(type | pair) for each candidate's features (rows) and type (columns); masked types get 0."""
        n = len(feature_lists)
        if n == 0:
            return np.zeros((0, len(self.types)), dtype=np.float32)
        get = self.index.get
        unknown = len(self.features)  # a zero row at the end of the weights
        flat = np.array([get(f, unknown) for feats in feature_lists for f in feats], dtype=np.int64)
        lengths = np.array([len(feats) for feats in feature_lists], dtype=np.int64)
        scores = np.tile(self.bias.astype(np.float32), (n, 1))
        filled = lengths > 0
        if flat.size:
            starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))[filled]
            scores[filled] += np.add.reduceat(self._w[flat], starts, axis=0)
        probs = 1.0 / (1.0 + np.exp(-np.clip(scores, -30, 30)))
        if masks is not None:
            probs = probs * masks
        return probs

    def save(self, path: str | Path) -> None:
        """Write the model as a compressed `.npz`."""
        np.savez_compressed(path, features=np.asarray(self.features, dtype=str),
                            weights=np.asarray(self.weights, dtype=np.float16),
                            bias=np.asarray(self.bias, dtype=np.float32), types=np.asarray(self.types, dtype=str),
                            thresholds=np.asarray(self.thresholds, dtype=np.float32))


def load_model(path: str | Path = SHIPPED) -> RelationModel:
    """Read a model file; a missing, unreadable or malformed file is an `InputError` naming it."""
    p = Path(path)
    if not p.is_file():
        raise InputError(str(p), "no such relation model file")
    try:
        with np.load(p, allow_pickle=False) as data:
            missing = [k for k in _KEYS if k not in data.files]
            if missing:
                raise InputError(str(p), f"not a relation model: it lacks {', '.join(missing)}")
            arrays = {k: data[k] for k in _KEYS}
    except InputError:
        raise
    except (OSError, ValueError, zipfile.BadZipFile, EOFError) as exc:
        raise InputError(str(p), f"not a readable relation model ({type(exc).__name__}: {exc})") from None
    feats, w, b, types, th = (arrays[k] for k in _KEYS)
    k = len(types)
    if w.ndim != 2 or w.shape != (len(feats), k) or b.shape != (k,) or th.shape != (k,):
        raise InputError(str(p), f"relation model arrays do not fit together (weights {w.shape}, "
                                 f"{len(feats)} features, {k} types)")
    return RelationModel([str(f) for f in feats], w, b.astype(np.float32), tuple(str(t) for t in types),
                         th.astype(np.float32))
