"""Training a CRF tagger with python-crfsuite (used by scripts/train_ner.py and the tests)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from marsad.ner.features import Featuriser

#: Default L-BFGS settings (chosen on the ANERcorp dev split; see the model's JSON sidecar).
DEFAULT_PARAMS: dict[str, object] = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 200,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}


def train_crf(sentences: Sequence[Sequence[str]], labels: Sequence[Sequence[str]], featuriser: Featuriser,
              model_path: str | Path, params: dict[str, object] | None = None) -> Path:
    """Train a CRF on tokenised sentences with BIO labels and write it to `model_path`."""
    if len(sentences) != len(labels):
        raise ValueError(f"{len(sentences)} sentences but {len(labels)} label sequences")
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({**DEFAULT_PARAMS, **(params or {})})
    for toks, labs in zip(sentences, labels):
        if len(toks) != len(labs):
            raise ValueError(f"a sentence has {len(toks)} tokens but {len(labs)} labels")
        if toks:
            trainer.append(featuriser.sentence_features(toks), list(labs))
    path = Path(model_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return path
