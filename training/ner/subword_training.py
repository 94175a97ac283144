"""Training-time helpers for the character n-gram table of `marsad.ner.subword`: files of n-gram
tables (written by scripts/embed_corpus.py --kind fasttext) and the vocabulary extended with the
n-gram vectors of the words it lacks (scripts/train_ner_nn.py)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from marsad.ner.features import MAX_TOKEN_CHARS
from marsad.ner.subword import SubwordVectors
from marsad.text.normalise import normalise


def extend_vocabulary(words: Sequence[str], vectors: np.ndarray, sentences: Iterable[Sequence[str]],
                      sub: SubwordVectors) -> tuple[list[str], np.ndarray]:
    """The vocabulary and its vectors followed by every normalised token of `sentences` it lacks, each with
    its n-gram vector (first occurrence order), so that training sees what tagging computes on the fly."""
    known = set(words)
    extra: list[str] = []
    for sentence in sentences:
        for token in sentence:
            n = normalise(token[:MAX_TOKEN_CHARS])  # the form the tagger looks up
            if n and n not in known:
                known.add(n)
                extra.append(n)
    if not extra:
        return list(words), vectors
    if vectors.shape[1] != sub.dim:
        raise ValueError(f"word vectors have {vectors.shape[1]} dimensions, the n-gram table {sub.dim}")
    added = np.stack([sub.vector(w) for w in extra]).astype(vectors.dtype)
    return [*words, *extra], np.concatenate([vectors, added])


def save_subword(path: str | Path, sub: SubwordVectors) -> None:
    """Write an n-gram table to `path` (.npz, float32)."""
    np.savez_compressed(path, table=sub.table.astype(np.float32),
                        n=np.array([sub.min_n, sub.max_n], dtype=np.int64))


def load_subword(path: str | Path) -> SubwordVectors:
    """Read an n-gram table written by `save_subword`; ValueError naming the file if it is not one."""
    try:
        with np.load(path, allow_pickle=False) as z:
            table, n = np.asarray(z["table"], dtype=np.float32), z["n"]
    except (OSError, KeyError, ValueError) as exc:
        raise ValueError(f"{path}: not an n-gram table ({exc})") from exc
    return SubwordVectors(table, int(n[0]), int(n[1]))
