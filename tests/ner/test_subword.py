"""Vectors for unknown words from character n-grams (marsad.ner.subword): the fastText hash, the n-grams and
the mean vector (the vocabulary extension training uses, the table files and the agreement with gensim are
tested in tests/training/test_subword_training.py)."""

from __future__ import annotations

import numpy as np
import pytest

from marsad.ner.subword import SubwordVectors, char_ngrams, ngram_hash


def test_the_hash_is_fasttexts_fnv1a_with_signed_bytes() -> None:
    # FNV-1a's published value for "a" (ASCII bytes are the same signed or not)
    assert ngram_hash(b"a") == 0xE40C292C
    # Arabic letters have UTF-8 bytes above 127, which fastText sign-extends: values from gensim's
    # own implementation (gensim.models.fasttext_inner.ft_hash_bytes)
    assert ngram_hash("سلم".encode()) == 1444524631
    assert ngram_hash("<زيد>".encode()) == 2787402803
    assert ngram_hash("ار>".encode()) == 3183008479
    assert ngram_hash(b"") == 2166136261


def test_char_ngrams_mark_the_word_edges() -> None:
    assert char_ngrams("ab", 3, 5) == ["<ab", "ab>", "<ab>"]
    assert char_ngrams("سلام", 3, 3) == ["<سل", "سلا", "لام", "ام>"]
    assert char_ngrams("a", 4, 6) == []


def test_an_unknown_word_gets_the_mean_of_its_ngram_rows() -> None:
    table = np.arange(40, dtype=np.float32).reshape(10, 4)
    sub = SubwordVectors(table, 3, 4)
    rows = sub.rows("نور")
    assert len(rows) == len(char_ngrams("نور", 3, 4)) == 5
    assert all(0 <= r < 10 for r in rows)
    assert np.allclose(sub.vector("نور"), table[rows].mean(axis=0))
    assert sub.vector("نور").dtype == np.float32
    # a word too short for any n-gram has a zero vector, like the unknown word's row
    assert not SubwordVectors(table, 5, 6).vector("a").any()
    with pytest.raises(ValueError, match="min_n"):
        SubwordVectors(table, 4, 3)
    with pytest.raises(ValueError, match="matrix"):
        SubwordVectors(np.zeros(4, dtype=np.float32), 3, 4)
