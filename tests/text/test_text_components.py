"""The text layer as pipeline components."""

from __future__ import annotations

from marsad.model import Document
from marsad.pipeline import Pipeline, get_spec
from marsad.text.normalise import NormText


def test_components_are_registered_with_their_layers() -> None:
    assert get_spec("sentences").assigns == ("sentences", "norm")
    assert get_spec("tokens").requires == ("sentences",)
    assert get_spec("tokens").assigns == ("tokens",)


def test_sentences_and_tokens_fill_the_analysis() -> None:
    text = "عنوان الخبر\n\nوصلت القوات إلى المدينة. وانسحب المسلحون للقرى."
    analysis = Pipeline(components=("sentences", "tokens"))(Document(id="d", source_id="d", text=text))
    assert [text[s.start:s.end] for s in analysis.sentences] == [
        "عنوان الخبر", "وصلت القوات إلى المدينة.", "وانسحب المسلحون للقرى."]
    assert isinstance(analysis.work["norm"], NormText)
    assert analysis.work["norm"].original == text
    assert {"sentences", "tokens"} <= analysis.layers
    last = [t for t in analysis.tokens if t.sentence == 2]
    assert [t.text for t in last] == ["وانسحب", "المسلحون", "للقرى", "."]
    assert (last[2].prefix, last[2].stem) == ("لل", "قري")
