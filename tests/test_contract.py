"""The contract between components: declared layers, checked at build time, resources through factories."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.cli import main
from marsad.errors import PipelineError
from marsad.layers import HINTS, LAYERS, MENTIONS, NORM, Layer, declare, get_layer
from marsad.model import Analysis, Document
from marsad.pipeline import DEFAULT_COMPONENTS, Pipeline, get_spec, make_spec, register, registered
from marsad.resources import Resources

TEXT = ("قال المتحدث باسم الجيش الليبي أحمد المسماري إن قوات الجيش سيطرت على مدينة بنغازي، "
        "وأضاف أن الجيش هاجم مواقع تنظيم الدولة في سرت.")


def _doc(text: str = TEXT) -> Document:
    return Document(id="c", source_id="c", text=text)


def test_every_layer_named_by_a_component_is_declared() -> None:
    for spec in registered().values():
        for layer in (*spec.requires, *spec.assigns):
            assert layer in LAYERS, (spec.name, layer)


def test_working_layers_come_from_entities_and_sentences() -> None:
    assert {"mentions", "hints"} <= set(get_spec("entities").assigns)
    assert "norm" in get_spec("sentences").assigns
    for name in ("claims", "events", "relations", "framing"):
        assert "mentions" in get_spec(name).requires, name
    for name in ("claims", "relations"):
        assert "hints" in get_spec(name).requires, name


def test_a_missing_provider_fails_at_build_time_naming_component_and_layer() -> None:
    @register("bare_entities", requires=("tokens",), assigns=("entities",))
    class BareEntities:
        def __init__(self, resources: Resources) -> None:
            pass

        def __call__(self, analysis: Analysis) -> Analysis:
            analysis.entities = []
            return analysis

    with pytest.raises(PipelineError) as info:
        Pipeline(replace={"entities": "bare_entities"})
    msg = str(info.value)
    assert "component 'claims' requires layer 'mentions'" in msg
    assert "component 'events' requires layer 'mentions'" in msg
    assert "component 'relations' requires layer 'hints'" in msg
    assert "provided by: entities" in msg


def test_a_replacement_that_provides_the_layers_works() -> None:
    from marsad.extract.entities import EntityRecognizer

    built: list[Resources] = []

    @register("rules_only_entities", requires=("tokens", "norm"), assigns=("entities", "mentions", "hints"))
    class RulesOnly:
        """The entity component without its NER net, built from the pipeline's shared resources."""

        def __init__(self, resources: Resources) -> None:
            built.append(resources)
            self.inner = EntityRecognizer(resources, ner=False)

        def __call__(self, analysis: Analysis) -> Analysis:
            return self.inner(analysis)

    replaced = Pipeline(replace={"entities": "rules_only_entities"})
    assert built == [replaced.resources]
    out = replaced(_doc())
    same = Pipeline(options={"entities": {"ner": False}})(_doc())
    assert out.entities and out.claims and out.events
    assert out.to_dict() == same.to_dict()


def test_a_replacement_spec_is_checked_without_registering() -> None:
    def factory(resources: Resources):
        def run(analysis: Analysis) -> Analysis:
            analysis.framing = []
            return analysis
        return run

    spec = make_spec("silent_framing", factory, requires=("entities",), assigns=("framing",))
    assert "silent_framing" not in registered()
    assert Pipeline(replace={"framing": spec})(_doc()).framing == []
    thin = make_spec("thin_entities", factory, requires=("tokens",), assigns=("entities",))
    with pytest.raises(PipelineError, match="'framing' requires layer 'mentions'"):
        Pipeline(replace={"entities": thin})


def test_a_bare_factory_that_leaves_a_promised_layer_unset_fails_when_it_runs() -> None:
    def factory(resources: Resources):
        def run(analysis: Analysis) -> Analysis:
            analysis.entities = []
            return analysis  # promises mentions and hints (it replaces entities) but sets neither
        return run

    pipe = Pipeline(replace={"entities": factory})
    with pytest.raises(PipelineError, match="component 'entities' declares that it assigns layer 'mentions'"):
        pipe(_doc())


def test_a_layer_of_the_wrong_type_fails_when_it_runs() -> None:
    def factory(resources: Resources):
        def run(analysis: Analysis) -> Analysis:
            analysis.work["norm"] = "not a NormText"
            analysis.sentences = []
            return analysis
        return run

    with pytest.raises(PipelineError, match="layer 'norm' must be a NormText, not str"):
        Pipeline(["sentences"], replace={"sentences": factory})(_doc())


def test_reading_an_unset_working_layer_is_an_error_not_an_empty_list() -> None:
    analysis = Analysis(document=_doc())
    for layer in (NORM, MENTIONS, HINTS):
        with pytest.raises(PipelineError, match=f"layer '{layer.name}' is not set"):
            layer.get(analysis)
    with pytest.raises(PipelineError, match="must be a list"):
        MENTIONS.set(analysis, {})


def test_unknown_layers_and_factories_without_resources_are_refused() -> None:
    with pytest.raises(PipelineError, match="unknown layer 'mention'"):
        register("typo", requires=("mention",), assigns=("framing",))(lambda resources: None)
    with pytest.raises(PipelineError, match="must take the shared resources"):
        register("no_resources", assigns=("framing",))(lambda: None)
    with pytest.raises(PipelineError, match="unknown layer"):
        get_layer("nonesuch")


def test_a_new_layer_can_be_declared_and_passed_on() -> None:
    counts: Layer[list[int]] = declare(Layer("sentence_lengths", list, "tokens per sentence", int, public=False))

    @register("count_tokens", requires=("tokens",), assigns=("sentence_lengths",))
    class Count:
        def __init__(self, resources: Resources) -> None:
            pass

        def __call__(self, analysis: Analysis) -> Analysis:
            lengths = [0] * len(analysis.sentences)
            for tok in analysis.tokens:
                lengths[tok.sentence] += 1
            counts.set(analysis, lengths)
            return analysis

    out = Pipeline(["sentences", "tokens", "count_tokens"])(_doc())
    assert sum(counts.get(out)) == len(out.tokens) > 0
    with pytest.raises(PipelineError, match="already declared"):
        declare(Layer("sentence_lengths", list, "something else", public=False))


def test_components_share_one_knowledge_base() -> None:
    pipe = Pipeline()
    kbs = {id(getattr(comp, "kb", None)) for _, comp, _ in pipe._steps if getattr(comp, "kb", None) is not None}
    assert kbs == {id(pipe.resources.kb)}
    assert pipe.resources.ner_tagger() is pipe.resources.ner_tagger()  # loaded once
    other = Pipeline(resources=pipe.resources)
    assert other.resources is pipe.resources
    with pytest.raises(PipelineError, match="not both"):
        Pipeline(resources=pipe.resources, kb=["overlay"])


def test_cli_reports_a_broken_chain_with_exit_2(sample_article: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "marsad.toml"
    cfg.write_text('[marsad]\nreplace = {entities = "times"}\n', encoding="utf-8")
    assert main(["analyze", str(sample_article), "--config", str(cfg), "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert "marsad: error:" in err and "requires layer 'mentions'" in err and "Traceback" not in err


def test_default_pipeline_fills_every_layer() -> None:
    out = Pipeline()(_doc())
    assert out.layers == {n for name in DEFAULT_COMPONENTS for n in get_spec(name).assigns}
    assert {"norm", "mentions", "hints"} <= set(out.work)


def test_the_recipe_in_docs_runs(capsys: pytest.CaptureFixture[str]) -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "components.md").read_text(encoding="utf-8")
    code = doc.split("```python\n", 1)[1].split("```", 1)[0]
    scope: dict = {"marsad_document": _doc()}
    exec(compile(code, "docs/components.md", "exec"), scope)  # noqa: S102 - the documented example itself
    by_sentence = scope["ACTORS_BY_SENTENCE"].get(scope["analysis"])
    ids = {e.id for e in scope["analysis"].entities}
    assert by_sentence and all(set(v) <= ids for v in by_sentence.values())
    assert str(by_sentence) in capsys.readouterr().out
