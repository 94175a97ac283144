"""Word-vector files (.npz: the vocabulary packed as one UTF-8 blob and its matrix), written by
scripts/embed_corpus.py and read by the training scripts."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from marsad.ner.vectors import pack_words, unpack_words


def save_vectors(path: str | Path, words: Sequence[str], vectors: np.ndarray) -> None:
    """Write a vocabulary and its (len(words), dim) matrix to `path` (.npz)."""
    if len(words) != vectors.shape[0]:
        raise ValueError(f"{len(words)} words but {vectors.shape[0]} vectors")
    np.savez_compressed(path, words=pack_words(words), vectors=vectors)


def load_vectors(path: str | Path) -> tuple[list[str], np.ndarray]:
    """The vocabulary and matrix written by `save_vectors`."""
    with np.load(path) as z:
        return unpack_words(z["words"]), z["vectors"]
