"""Word lists packed as one UTF-8 blob for .npz model files (word-vector files: training/ner/vectors.py)."""

from __future__ import annotations

from collections.abc import Sequence

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
