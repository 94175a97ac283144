"""The pipeline: registry, requires/assigns checks, disabling and replacing components."""

from __future__ import annotations

import pytest

from marsad.errors import PipelineError
from marsad.model import Analysis, Document
from marsad.pipeline import DEFAULT_COMPONENTS, Pipeline, check_chain, get_spec, register


def _doc(text: str) -> Document:
    return Document(id="x", source_id="x", text=text)


def test_default_chain_is_sound() -> None:
    specs = [get_spec(n) for n in DEFAULT_COMPONENTS]
    assert check_chain(specs) == []


def test_every_gap_is_reported_at_once() -> None:
    with pytest.raises(PipelineError) as info:
        Pipeline(disable=["sentences", "entities"])
    msg = str(info.value)
    assert "'tokens' requires layer 'sentences'" in msg
    assert "'claims' requires layer 'entities'" in msg
    assert "'framing' requires layer 'entities'" in msg


def test_disable_leaf_component() -> None:
    pipe = Pipeline(disable=["framing"])
    assert "framing" not in pipe.names
    out = pipe(_doc("قال المتحدث إن الوضع هادئ."))
    assert "framing" not in out.layers
    assert "claims" in out.layers


def test_disable_unknown_name_is_an_error() -> None:
    with pytest.raises(PipelineError, match="unknown component"):
        Pipeline(disable=["nonesuch"])


def test_non_strict_prunes_dependants() -> None:
    pipe = Pipeline(disable=["entities"], strict=False)
    assert pipe.names == ["sentences", "tokens", "times"]


def test_replace_by_factory() -> None:
    calls: list[str] = []

    def factory(resources):
        def run(analysis: Analysis) -> Analysis:
            calls.append(analysis.document.id)
            analysis.framing = []
            return analysis
        return run

    pipe = Pipeline(replace={"framing": factory})
    pipe(_doc("نص قصير."))
    assert calls == ["x"]


def test_replace_by_registered_name() -> None:
    @register("upper_times", requires=("tokens",), assigns=("times",))
    class UpperTimes:
        def __init__(self, resources) -> None:
            pass

        def __call__(self, analysis: Analysis) -> Analysis:
            analysis.work["upper"] = True
            analysis.times = []
            return analysis

    pipe = Pipeline(replace={"times": "upper_times"})
    assert pipe(_doc("نص.")).work["upper"] is True


def test_pipe_keeps_order_and_batches() -> None:
    pipe = Pipeline()
    docs = [Document(id=str(i), source_id=str(i), text=f"الخبر رقم {i}.") for i in range(7)]
    ids = [a.document.id for a in pipe.pipe(docs, batch_size=3)]
    assert ids == [str(i) for i in range(7)]
    with pytest.raises(PipelineError):
        list(pipe.pipe(docs, batch_size=0))
