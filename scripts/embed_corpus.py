"""Learn word and stem vectors (fastText or word2vec, gensim) from the unlabelled news corpus for the
neural NER tagger. Training-only: needs `pip install -e '.[train]'`.

    nice .venv/bin/python scripts/embed_corpus.py --out /tmp/marsad-ner/vectors

Writes `words.npz` and `stems.npz` (a vocabulary ordered by frequency and a float32 matrix) under
`--out`; with `--kind fasttext` also `ngrams.npz`, the character n-gram table from which the tagger
builds vectors for words the vocabulary lacks (`marsad.ner.subword`; `train_ner_nn.py` uses it when it
finds it beside the word vectors). The shipped model uses word2vec, the default. Tokens are normalised
as the tagger sees them (`marsad.text.normalise`); stems drop the proclitics and the article
(`marsad.ner.features.strip_clitics`). Fixed seed; gensim is bit-for-bit repeatable only with
`--workers 1` and PYTHONHASHSEED=0 (the shipped model was trained with vectors from two workers: their
SHA-256 is in the model's sidecar).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from gensim.models import FastText, Word2Vec  # noqa: E402

from marsad.ner.features import strip_clitics  # noqa: E402
from marsad.ner.subword import SubwordVectors  # noqa: E402
from training.ner.distrib import corpus_texts, tokenised  # noqa: E402
from training.ner.subword_training import save_subword  # noqa: E402
from training.ner.vectors import save_vectors  # noqa: E402


#: fastText's character n-grams: lengths and hash buckets (100,000 × 100 float16 = 20 MB in the model)
MIN_N, MAX_N, BUCKETS = 3, 5, 100_000


def train(sentences: list[list[str]], dim: int, min_count: int, max_vocab: int, seed: int,
          epochs: int, workers: int) -> tuple[list[str], np.ndarray]:
    """Skip-gram vectors for the words seen at least `min_count` times (the `max_vocab` most frequent)."""
    model = Word2Vec(sentences=sentences, vector_size=dim, window=5, min_count=min_count, sg=1,
                     negative=10, sample=1e-4, epochs=epochs, seed=seed, workers=workers,
                     max_final_vocab=max_vocab)
    words = list(model.wv.index_to_key)
    return words, np.asarray(model.wv.vectors, dtype=np.float32)


def train_fasttext(sentences: list[list[str]], dim: int, min_count: int, seed: int, epochs: int,
                   workers: int) -> tuple[list[str], np.ndarray, SubwordVectors]:
    """Skip-gram fastText vectors for the words seen at least `min_count` times, and the n-gram table."""
    model = FastText(sentences=sentences, vector_size=dim, window=5, min_count=min_count, sg=1, negative=10,
                     sample=1e-4, epochs=epochs, seed=seed, workers=workers, min_n=MIN_N, max_n=MAX_N,
                     bucket=BUCKETS)
    table = SubwordVectors(np.asarray(model.wv.vectors_ngrams, dtype=np.float32), MIN_N, MAX_N)
    return list(model.wv.index_to_key), np.asarray(model.wv.vectors, dtype=np.float32), table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared")))
    ap.add_argument("--out", type=Path, default=Path("/tmp/marsad-ner/vectors"))
    ap.add_argument("--kind", choices=("word2vec", "fasttext"), default="word2vec",
                    help="word vectors without (word2vec, the shipped model's) or with a character n-gram table "
                    "for unknown words (fasttext); stems always use word2vec")
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--stem-dim", type=int, default=50)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)
    corpus = args.shared / "datasets" / "corpus-ant-2018.jsonl.gz"
    if not corpus.is_file():
        print(f"embed_corpus: {corpus}: not found (set MARSAD_SHARED)", file=sys.stderr)
        return 2
    t0 = time.time()
    docs = list(tokenised(corpus_texts(corpus)))
    print(f"{len(docs)} documents, {sum(map(len, docs))} tokens read in {time.time() - t0:.0f}s", flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.kind == "fasttext":
        words, vecs, table = train_fasttext(docs, args.dim, 3, args.seed, args.epochs, args.workers)
        save_subword(args.out / "ngrams.npz", table)
    else:
        words, vecs = train(docs, args.dim, 3, 120_000, args.seed, args.epochs, args.workers)
        (args.out / "ngrams.npz").unlink(missing_ok=True)  # a stale table would be read with other vectors
    save_vectors(args.out / "words.npz", words, vecs)
    print(f"words: {len(words)} x {vecs.shape[1]} ({time.time() - t0:.0f}s)", flush=True)
    stems = [[strip_clitics(t)[1] for t in d] for d in docs]
    words, vecs = train(stems, args.stem_dim, 3, 80_000, args.seed, args.epochs, args.workers)
    save_vectors(args.out / "stems.npz", words, vecs)
    print(f"stems: {len(words)} x {vecs.shape[1]} ({time.time() - t0:.0f}s)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
