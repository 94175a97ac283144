"""Which NER model marsad uses: `load_default()` gives the shipped neural tagger (BiLSTM-CRF run with
NumPy) when its file is present, else the shipped CRF; `load_model(name_or_path)` opens "neural",
"crf" or a model file of either kind (by suffix).

The entity component of `marsad analyze` uses "crf" by default (PIPELINE_MODEL): on the dev gold
articles both give the same entity F1, and the CRF keeps the pipeline at its speed goals (the neural
ensemble is about 4 times slower there); `ner_model = "neural"` picks the better tagger.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from marsad.errors import InputError
from marsad.ner.neural import NeuralTagger
from marsad.ner.tagger import DEFAULT_MODEL as CRF_MODEL
from marsad.ner.tagger import MODELS_DIR, Tagger, load_crf

#: The shipped neural model (weights and vocabularies in one .npz, with a JSON sidecar).
NEURAL_MODEL = MODELS_DIR / "ner-nn.npz"

NerTagger = Tagger | NeuralTagger


#: The model the entity component uses unless `ner_model` says otherwise.
PIPELINE_MODEL = "crf"


def load_model(path: str | Path) -> NerTagger:
    """A tagger for "neural" or "crf" (the shipped ones, cached) or a model file: `.npz` → neural,
    `.crfsuite` → CRF (InputError for anything else)."""
    if path == "neural":
        return _neural()
    if path == "crf":
        return load_crf()
    p = Path(path)
    if p.suffix == ".npz":
        return NeuralTagger(p)
    if p.suffix == ".crfsuite":
        return Tagger(p)
    raise InputError(str(p), "unknown NER model kind (expected a .npz neural model or a .crfsuite CRF)")


def default_model_path() -> Path:
    """The model file `load_default` opens."""
    return NEURAL_MODEL if NEURAL_MODEL.is_file() else CRF_MODEL


@lru_cache(maxsize=1)
def _neural() -> NeuralTagger:
    return NeuralTagger(NEURAL_MODEL)


def load_default() -> NerTagger:
    """The best shipped model: the neural one when present, else the CRF (loaded once, then cached)."""
    return _neural() if default_model_path() == NEURAL_MODEL else load_crf()
