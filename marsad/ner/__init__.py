"""Statistical Arabic named-entity recognition shipped with marsad (PER/LOC/ORG/MISC): a neural
BiLSTM-CRF run with NumPy (`neural`), and the earlier CRF (`tagger`)."""

from marsad.ner.neural import NeuralTagger
from marsad.ner.shipped import load_default, load_model
from marsad.ner.tagger import MARSAD_TYPES, NameSpan, Tagger, to_marsad_type

__all__ = ["MARSAD_TYPES", "NameSpan", "NeuralTagger", "Tagger", "load_default", "load_model", "to_marsad_type"]
