"""Word lists with vectors stored compactly in .npz files (the vocabulary as one UTF-8 blob)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np


def pack_words(words: Sequence[str]) -> np.ndarray:
    """A word list as a uint8 array (UTF-8, newline-separated); words may not contain newlines."""
    if any("\n" in w for w in words):
        raise ValueError("a word contains a newline")
    return np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)


def unpack_words(blob: np.ndarray) -> list[str]:
    """The word list packed by `pack_words`."""
    text = blob.tobytes().decode("utf-8")
    return text.split("\n") if text else []


def save_vectors(path: str | Path, words: Sequence[str], vectors: np.ndarray) -> None:
    """Write a vocabulary and its (len(words), dim) matrix to `path` (.npz)."""
    if len(words) != vectors.shape[0]:
        raise ValueError(f"{len(words)} words but {vectors.shape[0]} vectors")
    np.savez_compressed(path, words=pack_words(words), vectors=vectors)


def load_vectors(path: str | Path) -> tuple[list[str], np.ndarray]:
    """The vocabulary and matrix written by `save_vectors`."""
    with np.load(path) as z:
        return unpack_words(z["words"]), z["vectors"]
