"""Which NER model marsad uses: `load_default()` gives the shipped neural tagger (BiLSTM-CRF run with
NumPy) when its file is present, else the shipped CRF; `load_model(path)` opens either kind by suffix."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from marsad.errors import InputError
from marsad.ner.neural import NeuralTagger
from marsad.ner.tagger import DEFAULT_MODEL as CRF_MODEL
from marsad.ner.tagger import MODELS_DIR, Tagger

#: The shipped neural model (weights and vocabularies in one .npz, with a JSON sidecar).
NEURAL_MODEL = MODELS_DIR / "ner-nn.npz"

NerTagger = Tagger | NeuralTagger


def load_model(path: str | Path) -> NerTagger:
    """A tagger for a model file: `.npz` → neural, `.crfsuite` → CRF (InputError for anything else)."""
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
def load_default() -> NerTagger:
    """The shipped model (loaded once, then cached)."""
    return load_model(default_model_path())
