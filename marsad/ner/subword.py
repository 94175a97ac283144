"""Vectors for words the word-vector vocabulary lacks, built from character n-gram vectors.

The n-gram table comes from a fastText model (gensim's `FastText`, trained by `scripts/embed_corpus.py
--kind fasttext`; its files and the training-time vocabulary extension are in
`training/ner/subword_training.py`): an unknown word's vector is the mean of the rows of its character
n-grams, the n-grams of ``<word>`` from `min_n` to `max_n` characters, each hashed to a row as fastText
does (32-bit FNV-1a over the UTF-8 bytes, each byte sign-extended first). NumPy only.
"""

from __future__ import annotations

import numpy as np

_FNV_OFFSET = 2166136261
_FNV_PRIME = 16777619
_MASK = 0xFFFFFFFF


def ngram_hash(data: bytes) -> int:
    """fastText's 32-bit hash of an n-gram's UTF-8 bytes (FNV-1a with bytes read as signed)."""
    h = _FNV_OFFSET
    for byte in data:
        h = ((h ^ ((byte - 256) & _MASK if byte > 127 else byte)) * _FNV_PRIME) & _MASK
    return h


def char_ngrams(word: str, min_n: int, max_n: int) -> list[str]:
    """The character n-grams of ``<word>``, shortest first, `min_n` to `max_n` characters long."""
    marked = f"<{word}>"
    return [marked[i:i + n] for n in range(min_n, max_n + 1) for i in range(len(marked) - n + 1)]


class SubwordVectors:
    """An n-gram table (buckets × dimensions) and the n-gram lengths it was trained with."""

    def __init__(self, table: np.ndarray, min_n: int, max_n: int) -> None:
        if table.ndim != 2 or not len(table):
            raise ValueError(f"an n-gram table must be a non-empty matrix, not of shape {table.shape}")
        if not 1 <= min_n <= max_n:
            raise ValueError(f"n-gram lengths must satisfy 1 <= min_n <= max_n, not {min_n}, {max_n}")
        self.table, self.min_n, self.max_n = table, int(min_n), int(max_n)

    @property
    def dim(self) -> int:
        """The vectors' width."""
        return int(self.table.shape[1])

    def rows(self, word: str) -> list[int]:
        """The table rows of the word's n-grams."""
        buckets = len(self.table)
        return [ngram_hash(g.encode("utf-8")) % buckets for g in char_ngrams(word, self.min_n, self.max_n)]

    def vector(self, word: str) -> np.ndarray:
        """The mean of the word's n-gram rows as float32 (zeros when the word has no n-gram)."""
        rows = self.rows(word)
        if not rows:
            return np.zeros(self.dim, dtype=np.float32)
        return self.table[rows].astype(np.float32).mean(axis=0)

    def to_arrays(self, prefix: str = "ngram") -> dict[str, np.ndarray]:
        """The table (float16) and its n-gram lengths as arrays for an .npz file."""
        return {f"{prefix}_emb": self.table.astype(np.float16),
                f"{prefix}_n": np.array([self.min_n, self.max_n], dtype=np.int64)}

    @classmethod
    def from_arrays(cls, z: dict[str, np.ndarray], prefix: str = "ngram") -> SubwordVectors | None:
        """The table stored by `to_arrays`, or None when the arrays hold none."""
        if f"{prefix}_emb" not in z:
            return None
        lo, hi = (int(v) for v in z[f"{prefix}_n"])
        return cls(np.asarray(z[f"{prefix}_emb"]), lo, hi)
