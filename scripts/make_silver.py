"""Tag unlabelled news with a neural NER model and keep the sentences it is sure of (self-training data).

    nice .venv/bin/python scripts/make_silver.py --model /tmp/marsad-ner/nn.npz --out /tmp/marsad-ner/silver.conll

A corpus sentence (split at . ! ? ؟, 6 to 60 tokens) is kept when it holds a name and every token's
most likely label has a marginal probability of at least `--min-prob`. Writes CoNLL (token TAB label).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.ner.neural import NeuralTagger, marginals, viterbi  # noqa: E402
from training.ner.distrib import corpus_texts  # noqa: E402

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_END = {".", "!", "?", "؟"}


def sentences(text: str) -> list[list[str]]:
    """Tokens of a text cut into sentences at sentence-final marks."""
    out: list[list[str]] = [[]]
    for tok in _TOKEN.findall(text):
        out[-1].append(tok)
        if tok in _END:
            out.append([])
    return [s for s in out if s]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared")))
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--min-prob", type=float, default=0.9)
    ap.add_argument("--max-sentences", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)
    tagger = NeuralTagger(args.model, settings={})
    pool = [s for text in corpus_texts(args.shared / "datasets" / "corpus-ant-2018.jsonl.gz")
            for s in sentences(text) if 6 <= len(s) <= 60]
    random.Random(args.seed).shuffle(pool)
    kept = 0
    seen = 0
    with open(args.out, "w", encoding="utf-8") as fh:
        for k in range(0, len(pool), 512):
            batch = pool[k:k + 512]
            seen += len(batch)
            for sent, em in zip(batch, tagger.scores_many(batch)):
                path = viterbi(em, *tagger.crf)
                if all(p == 0 for p in path):
                    continue
                marg = marginals(em, *tagger.crf)
                if marg.max(axis=1).min() < args.min_prob:
                    continue
                fh.write("".join(f"{t}\t{tagger.labels[p]}\n" for t, p in zip(sent, path)) + "\n")
                kept += 1
            print(f"{seen} sentences read, {kept} kept", file=sys.stderr, flush=True)
            if kept >= args.max_sentences:
                break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
