"""Component options: declared, validated, documented; bad ones are clear errors (exit 2 from the CLI)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.errors import ConfigError
from marsad.model import Document
from marsad.options import Option, resolve_options
from marsad.pipeline import DEFAULT_COMPONENTS, Pipeline, get_spec

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("قال المتحدث باسم الجيش الليبي أحمد المسماري إن قوات الجيش سيطرت على مدينة بنغازي، "
        "وأضاف أن الجيش هاجم مواقع تنظيم الدولة في سرت.")


def _doc() -> Document:
    return Document(id="o", source_id="o", text=TEXT)


def test_the_thresholds_of_the_components_are_options() -> None:
    names = {n: {o.name for o in get_spec(n).options} for n in DEFAULT_COMPONENTS}
    assert {"min_confidence", "max_per_sentence", "place_window", "noun_agent_window"} <= names["events"]
    assert "opposes_min_confidence" in names["relations"]
    assert "min_content_words" in names["claims"]
    assert "future_weight" in names["times"]
    assert {"ner", "ner_model", "surname_max_count"} <= names["entities"]


def test_future_weight_reaches_the_times_component() -> None:
    # published 10 Dec 2016: «5 يناير» is 26 days ahead (2017) or 340 days back (2016)
    doc = Document(id="t", source_id="t", text="وصل الوفد في 5 يناير.", published="2016-12-10")
    values = {w: Pipeline(["sentences", "tokens", "times"], options={"times": {"future_weight": w}})(doc).times[0].value
              for w in (2.0, 20.0)}
    assert values == {2.0: "2017-01-05", 20.0: "2016-01-05"}


def test_every_default_validates() -> None:
    for name in DEFAULT_COMPONENTS:
        for opt in get_spec(name).options:
            assert opt.validate(name, opt.default) == opt.default, (name, opt.name)
            assert opt.doc, (name, opt.name)


def test_an_option_reaches_its_component() -> None:
    default = Pipeline()(_doc())
    assert default.events
    assert Pipeline(options={"events": {"max_per_sentence": 0}})(_doc()).events == []
    assert Pipeline(options={"events": {"min_confidence": 1}})(_doc()).events == []  # a whole number is a number
    short = Pipeline(options={"claims": {"min_content_words": 1000}})(_doc())
    assert default.claims and short.claims == []


@pytest.mark.parametrize("given, words", [
    ({"min_confidence": "high"}, ["'events'", "'min_confidence'", "a number from 0 to 1", "'high' (str)"]),
    ({"min_confidence": 1.5}, ["'events'", "'min_confidence'", "from 0 to 1", "1.5"]),
    ({"max_per_sentence": True}, ["'events'", "'max_per_sentence'", "a whole number", "(bool)"]),
    ({"max_per_sentence": 2.5}, ["'max_per_sentence'", "a whole number", "(float)"]),
    ({"min_confidance": 0.5}, ["'events'", "unknown option", "'min_confidance'", "min_confidence"]),
])
def test_bad_options_name_component_option_and_expected_type(given: dict, words: list[str]) -> None:
    with pytest.raises(ConfigError) as info:
        Pipeline(options={"events": given})
    for w in words:
        assert w in str(info.value)


def test_options_of_unknown_components_and_non_tables_are_errors() -> None:
    with pytest.raises(ConfigError, match="unknown component.*'evnts'"):
        Pipeline(options={"evnts": {"min_confidence": 0.5}})
    with pytest.raises(ConfigError, match="options must be a table"):
        Pipeline(options={"events": 0.5})
    with pytest.raises(ConfigError, match="'ner' must be true or false"):
        Pipeline(disable=["framing"], options={"entities": {"ner": "no"}})


def test_a_disabled_components_options_are_still_checked() -> None:
    off = ["framing", "relations", "relation_model"]  # the relation model reads the rules' relations
    Pipeline(disable=off, options={"relations": {"opposes_min_confidence": 0.5}})
    with pytest.raises(ConfigError, match="'relations'"):
        Pipeline(disable=off, options={"relations": {"nonesuch": 1}})


def test_optional_options_take_none() -> None:
    opt = Option("model", str, None, "a model", optional=True)
    assert resolve_options("x", [opt], {}) == {"model": None}
    assert resolve_options("x", [opt], {"model": "crf"}) == {"model": "crf"}
    with pytest.raises(ConfigError, match="a string \\(or left unset\\)"):
        resolve_options("x", [opt], {"model": 3})


def _write(tmp_path: Path, body: str) -> Path:
    cfg = tmp_path / "marsad.toml"
    cfg.write_text(body, encoding="utf-8")
    return cfg


def test_cli_takes_a_component_option(sample_article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = _write(tmp_path, "[marsad.components.events]\nmin_confidence = 0.5\n")
    assert main(["analyze", str(sample_article), "--config", str(cfg), "--format", "json"]) == 0
    assert '"schema"' in capsys.readouterr().out


@pytest.mark.parametrize("body, words", [
    ('[marsad.components.events]\nmin_confidence = "0.5"\n', ["'events'", "'min_confidence'", "a number"]),
    ("[marsad.components.events]\nmin_confidance = 0.5\n", ["'events'", "unknown option", "'min_confidance'"]),
    ("[marsad.components.claims]\nmin_content_words = -1\n", ["'claims'", "'min_content_words'", "at least 0"]),
    ("[marsad.components.nonesuch]\nx = 1\n", ["unknown component", "'nonesuch'"]),
])
def test_cli_refuses_bad_options_with_exit_2(sample_article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             body: str, words: list[str]) -> None:
    cfg = _write(tmp_path, body)
    assert main(["analyze", str(sample_article), "--config", str(cfg)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("marsad: error:") and "Traceback" not in err
    for w in words:
        assert w in err


def _readme_component_tables() -> dict[str, set[str]]:
    """The options listed under each `[marsad.components.NAME]` table of the README's configuration section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    tables: dict[str, set[str]] = {}
    current: str | None = None
    for line in section.splitlines():
        head = re.match(r"\s*\[marsad\.components\.(\w+)\]", line)
        if head:
            current = head.group(1)
            tables[current] = set()
            continue
        if line.strip().startswith("[") or line.startswith("```"):
            current = None
        opt = re.match(r"\s*#?\s*(\w+)\s*=", line)
        if current is not None and opt:
            tables[current].add(opt.group(1))
    return tables


def test_readme_documents_every_option_and_no_other() -> None:
    tables = _readme_component_tables()
    for name in DEFAULT_COMPONENTS:
        declared = {o.name for o in get_spec(name).options}
        if not declared:
            continue
        assert name in tables, f"README's configuration section has no [marsad.components.{name}] table"
        assert tables[name] == declared, name


def test_components_doc_lists_every_option() -> None:
    doc = (ROOT / "docs" / "components.md").read_text(encoding="utf-8")
    for name in DEFAULT_COMPONENTS:
        for opt in get_spec(name).options:
            assert f"`{opt.name}`" in doc, (name, opt.name)
