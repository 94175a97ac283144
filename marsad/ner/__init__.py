"""Statistical Arabic named-entity recognition: a CRF tagger shipped with marsad (PER/LOC/ORG/MISC)."""

from marsad.ner.tagger import MARSAD_TYPES, NameSpan, Tagger, load_default, to_marsad_type

__all__ = ["MARSAD_TYPES", "NameSpan", "Tagger", "load_default", "to_marsad_type"]
