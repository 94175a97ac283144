"""Logging under the `marsad` logger: quiet by default, `-v`/`--log-level` on the CLI, no print() in the library."""

from __future__ import annotations

import ast
import logging
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.logs import configure, level_for
from marsad.pipeline import Pipeline

PACKAGE = Path(__file__).resolve().parent.parent / "marsad"
#: modules that are command-line programs themselves (they write their output with print)
_PROGRAMS = {"cli.py", "__main__.py"}


def test_no_print_in_the_library() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in _PROGRAMS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not found, "print() in the library (log to logging.getLogger(__name__) instead): " + ", ".join(found)


def test_the_library_logs_under_marsad_and_shows_nothing_by_itself(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="marsad"):
        Pipeline(["sentences", "tokens"])
    assert any(r.name == "marsad.pipeline" and "sentences -> tokens" in r.getMessage() for r in caplog.records)
    assert any(isinstance(h, logging.NullHandler) for h in logging.getLogger("marsad").handlers)


def test_levels() -> None:
    assert level_for(0) == logging.WARNING
    assert level_for(1) == logging.INFO
    assert level_for(2) == logging.DEBUG
    assert level_for(0, "error") == logging.ERROR


@pytest.mark.parametrize("flags, shown, hidden", [
    ([], [], ["marsad: info:", "marsad: debug:"]),
    (["-v"], ["marsad: info: pipeline: sentences -> tokens"], ["marsad: debug:"]),
    (["-vv"], ["marsad: debug: component events:", "min_confidence"], []),
    (["--log-level", "debug"], ["marsad: debug:"], []),
    (["--log-level", "error"], [], ["marsad: info:"]),
])
def test_cli_verbosity(sample_article: Path, capsys: pytest.CaptureFixture[str], flags: list[str],
                       shown: list[str], hidden: list[str]) -> None:
    try:
        assert main(["analyze", str(sample_article), "--format", "json", *flags]) == 0
    finally:
        configure(logging.WARNING)
    err = capsys.readouterr().err
    for text in shown:
        assert text in err
    for text in hidden:
        assert text not in err


def test_cli_refuses_an_unknown_level(sample_article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["analyze", str(sample_article), "--log-level", "loud"])
    assert info.value.code == 2
    assert "--log-level" in capsys.readouterr().err
