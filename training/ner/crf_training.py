"""Training a CRF tagger with python-crfsuite (used by scripts/train_ner.py and the tests)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from marsad.ner.conll import spans
from marsad.ner.features import GAZ_MAX_TOKENS, Featuriser
from marsad.text.normalise import normalise

#: Default L-BFGS settings (chosen on the ANERcorp dev split; see the model's JSON sidecar).
DEFAULT_PARAMS: dict[str, object] = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 200,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}


def build_gazetteer(sentences: Sequence[Sequence[str]], labels: Sequence[Sequence[str]],
                    min_chars: int = 3) -> dict[str, str]:
    """Names of labelled sentences (normalised tokens joined by spaces) → their most frequent type."""
    counts: dict[str, dict[str, int]] = {}
    for toks, labs in zip(sentences, labels):
        for a, b, typ in spans(labs):
            if b - a > GAZ_MAX_TOKENS:
                continue
            key = " ".join(normalise(t) for t in toks[a:b])
            if len(key) >= min_chars:
                c = counts.setdefault(key, {})
                c[typ] = c.get(typ, 0) + 1
    return {k: max(c.items(), key=lambda kv: (kv[1], kv[0]))[0] for k, c in counts.items()}


def fold_gazetteers(sentences: Sequence[Sequence[str]], labels: Sequence[Sequence[str]],
                    folds: int = 5) -> list[dict[str, str]]:
    """One gazetteer per sentence, built from the other folds (sentence i is in fold i % folds), so the
    CRF learns how far to trust a gazetteer match on names it has not seen."""
    parts = [build_gazetteer([s for i, s in enumerate(sentences) if i % folds != k],
                             [x for i, x in enumerate(labels) if i % folds != k]) for k in range(folds)]
    return [parts[i % folds] for i in range(len(sentences))]


def train_crf(sentences: Sequence[Sequence[str]], labels: Sequence[Sequence[str]], featuriser: Featuriser,
              model_path: str | Path, params: dict[str, object] | None = None,
              gazetteers: Sequence[dict[str, str]] | None = None) -> Path:
    """Train a CRF on tokenised sentences with BIO labels and write it to `model_path`;
    `gazetteers` (one per sentence) override the lexicon's gazetteer while training."""
    if len(sentences) != len(labels):
        raise ValueError(f"{len(sentences)} sentences but {len(labels)} label sequences")
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({**DEFAULT_PARAMS, **(params or {})})
    for i, (toks, labs) in enumerate(zip(sentences, labels)):
        if len(toks) != len(labs):
            raise ValueError(f"a sentence has {len(toks)} tokens but {len(labs)} labels")
        if toks:
            gaz = gazetteers[i] if gazetteers is not None else None
            trainer.append(featuriser.sentence_features(toks, gazetteer=gaz), list(labs))
    path = Path(model_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return path
