"""The text layer as pipeline components: `sentences` and `tokens`."""

from __future__ import annotations

from marsad.layers import NORM
from marsad.model import Analysis
from marsad.pipeline import register
from marsad.resources import Resources
from marsad.text.normalise import normalise_with_map
from marsad.text.sentences import split_sentences
from marsad.text.tokens import tokenize


@register("sentences", assigns=("sentences", "norm"))
class SentenceSplitter:
    """Splits the article into sentences and keeps the normalised view for later components."""

    def __init__(self, resources: Resources) -> None:
        pass

    def __call__(self, analysis: Analysis) -> Analysis:
        NORM.set(analysis, normalise_with_map(analysis.text))
        analysis.sentences = split_sentences(analysis.text)
        return analysis


@register("tokens", requires=("sentences",), assigns=("tokens",))
class Tokenizer:
    """Splits each sentence into tokens with offsets, normalised forms and proclitics."""

    def __init__(self, resources: Resources) -> None:
        pass

    def __call__(self, analysis: Analysis) -> Analysis:
        analysis.tokens = tokenize(analysis.text, analysis.sentences)
        return analysis
