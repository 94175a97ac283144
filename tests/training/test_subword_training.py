"""Training-time n-gram helpers (training/ner/subword_training.py): the vocabulary extension training uses,
the table files, and agreement with gensim's vectors for unknown words."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from marsad.ner.features import MAX_TOKEN_CHARS
from marsad.ner.subword import SubwordVectors
from marsad.text.normalise import normalise
from training.ner.subword_training import extend_vocabulary, load_subword, save_subword

ROOT = Path(__file__).resolve().parents[2]


def test_the_vocabulary_grows_by_the_normalised_unknown_tokens_once() -> None:
    sub = SubwordVectors(np.random.RandomState(0).randn(50, 3).astype(np.float32), 2, 3)
    # the vocabulary holds normalised words, as the tagger looks them up («الرئيس» → «الرييس»)
    words, vecs = ["قال", normalise("الرئيس")], np.ones((2, 3), dtype=np.float32)
    sents = [["قال", "الرئيس", "زيدون", "البرقاوي"], ["قال", "زيدون", "..."], ["أحمد"]]
    new_words, new_vecs = extend_vocabulary(words, vecs, sents, sub)
    assert new_words == [*words, "زيدون", "البرقاوي", "...", normalise("أحمد")]
    assert np.array_equal(new_vecs[:2], vecs)
    for i, w in enumerate(new_words[2:], start=2):
        assert np.allclose(new_vecs[i], sub.vector(w))
    assert extend_vocabulary(new_words, new_vecs, sents, sub)[0] == new_words
    with pytest.raises(ValueError, match="dimensions"):
        extend_vocabulary(words, np.ones((2, 5), dtype=np.float32), sents, sub)


def test_tables_round_trip_and_bad_files_are_named(tmp_path: Path) -> None:
    sub = SubwordVectors(np.random.RandomState(1).randn(20, 4).astype(np.float32), 3, 5)
    save_subword(tmp_path / "ngrams.npz", sub)
    back = load_subword(tmp_path / "ngrams.npz")
    assert (back.min_n, back.max_n) == (3, 5) and np.array_equal(back.table, sub.table)
    stored = SubwordVectors.from_arrays(sub.to_arrays())
    assert stored is not None and stored.table.dtype == np.float16
    assert np.allclose(stored.vector("زيدون"), sub.vector("زيدون"), atol=1e-3)
    assert SubwordVectors.from_arrays({}) is None
    (tmp_path / "bad.npz").write_bytes(b"not a table")
    with pytest.raises(ValueError, match="bad.npz"):
        load_subword(tmp_path / "bad.npz")
    with pytest.raises(ValueError, match="missing.npz"):
        load_subword(tmp_path / "missing.npz")


def test_numpy_vectors_match_gensims_for_unknown_words() -> None:
    """The table learned by scripts/embed_corpus.py --kind fasttext gives, through marsad's own hash, the
    vectors gensim gives for words it never saw."""
    pytest.importorskip("gensim", reason="the `train` extra (gensim) is not installed")
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import embed_corpus
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    sents = [["قال", "الرئيس", "كريم", "سالم", "إن", "الوضع", "هادئ"],
             ["وصل", "الوزير", "ناصر", "عادل", "إلى", "طرابلس"]] * 20
    words, vecs, table = embed_corpus.train_fasttext(sents, 8, 1, seed=3, epochs=2, workers=1)
    assert len(words) == 13 and vecs.shape == (13, 8) and table.table.shape[1] == 8
    from gensim.models import FastText
    model = FastText(sentences=sents, vector_size=8, window=5, min_count=1, sg=1, negative=10, sample=1e-4,
                     epochs=2, seed=3, workers=1, min_n=3, max_n=5, bucket=embed_corpus.BUCKETS)
    model.wv.vectors_ngrams[:] = table.table  # the same table under both implementations
    for word in ["زيدون", "البرقاوي", "طرابلسي", "x"]:
        assert word not in model.wv.key_to_index
        assert np.allclose(table.vector(word), model.wv[word], atol=1e-6)


def test_training_words_are_cut_like_the_tokens_tagging_looks_up() -> None:
    sub = SubwordVectors(np.ones((4, 2), dtype=np.float32), 3, 3)
    long = "ب" * (MAX_TOKEN_CHARS + 30)
    words, _ = extend_vocabulary([], np.zeros((0, 2), dtype=np.float32), [[long]], sub)
    assert words == ["ب" * MAX_TOKEN_CHARS]
