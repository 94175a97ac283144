"""The registry of output formats: the built-in ones are registered and write what they always wrote;
a toy format registered by one module is picked up by `marsad analyze --format`, framed in order."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.errors import ConfigError
from marsad.formats import (
    FormatWriter,
    OutputFormat,
    OutputOptions,
    format_names,
    get_format,
    open_writer,
    register_format,
    unregister_format,
)
from marsad.ingest import document_from_text
from marsad.model import Analysis
from marsad.pipeline import Pipeline

TEXT = "وزير يزور المدينة\n\nقال وزير الداخلية إن الوضع الأمني في المدينة مستقر منذ يومين."


def _entity_names(analysis: Analysis, options: OutputOptions) -> str:
    """A toy format: the source and the entity names of the article on one line."""
    return f"{Path(analysis.document.source_id).name}\t{'|'.join(e.name for e in analysis.entities)}"


@pytest.fixture()
def toy() -> Iterator[OutputFormat]:
    fmt = register_format(OutputFormat("names", _entity_names, header="source\tnames\n", separator="\n",
                                       footer="\n-- end\n"))
    yield fmt
    unregister_format("names")


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return Pipeline(disable=["framing"])(document_from_text(TEXT, "a.txt"))


def test_every_built_in_format_is_registered() -> None:
    assert format_names()[:3] == ["text", "json", "jsonl"]


@pytest.mark.parametrize("tokens", [True, False])
def test_built_in_json_formats_write_the_contract(analysis: Analysis, tokens: bool) -> None:
    options = OutputOptions(tokens=tokens)
    assert get_format("json").render(analysis, options) == analysis.to_json(indent=1, tokens=tokens) + "\n"
    line = get_format("jsonl").render(analysis, options)
    assert line.count("\n") == 1 and json.loads(line) == json.loads(analysis.to_json(tokens=tokens))


def test_the_text_format_colours_only_when_asked(analysis: Analysis) -> None:
    plain = get_format("text").render(analysis, OutputOptions(color=False))
    assert plain.startswith("وزير يزور المدينة") and "\x1b[" not in plain
    assert "\x1b[" in get_format("text").render(analysis, OutputOptions(color=True))


def test_the_writer_frames_a_run(toy: OutputFormat, analysis: Analysis) -> None:
    out = io.StringIO()
    writer = FormatWriter(toy, out)
    writer.write(analysis)
    writer.write(analysis)
    writer.close()
    lines = out.getvalue().split("\n")
    assert lines[0] == "source\tnames" and lines[1] == lines[2] and lines[1].startswith("a.txt\t")
    assert lines[3] == "-- end"
    empty = io.StringIO()
    FormatWriter(toy, empty).close()
    assert empty.getvalue() == "source\tnames\n\n-- end\n"


def test_analyze_picks_up_a_registered_format(toy: OutputFormat, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    assert main(["analyze", str(tmp_path), "--format", "names", "-q"]) == 0
    out = capsys.readouterr().out.split("\n")
    assert out[0] == "source\tnames"
    assert [ln.split("\t")[0] for ln in out[1:3]] == ["a.txt", "b.txt"]
    assert out[3] == "-- end"


def test_an_unknown_format_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert main(["analyze", str(tmp_path / "a.txt"), "--format", "names"]) == 2
    err = capsys.readouterr().err
    assert "unknown output format 'names'" in err and "text, json, jsonl" in err
    with pytest.raises(ConfigError):
        get_format("names")


def test_format_names_are_checked(toy: OutputFormat) -> None:
    with pytest.raises(ValueError, match="already registered"):
        register_format(OutputFormat("names", _entity_names))
    with pytest.raises(ValueError, match="letters"):
        register_format(OutputFormat("two words", _entity_names))


class _CountingWriter(FormatWriter):
    """A writer whose output depends on the whole run: only the number of articles, at the end."""

    def write(self, analysis: Analysis) -> None:
        self.count += 1

    def close(self) -> None:
        self.out.write(f"{self.count} article(s)\n")


def test_a_format_may_bring_its_own_writer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    register_format(OutputFormat("count", _entity_names, writer=_CountingWriter))
    try:
        for name in ("a.txt", "b.txt", "c.txt"):
            (tmp_path / name).write_text(TEXT, encoding="utf-8")
        assert main(["analyze", str(tmp_path), "--format", "count", "-q"]) == 0
        assert capsys.readouterr().out == "3 article(s)\n"
        assert isinstance(open_writer(get_format("json"), io.StringIO()), FormatWriter)
    finally:
        unregister_format("count")
