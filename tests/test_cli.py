"""The command line: version, help with examples on every command, formats, output file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from marsad import __version__
from marsad.cli import _parser, main

ROOT = Path(__file__).resolve().parent.parent


def _commands() -> list[str]:
    sub = next(a for a in _parser()._actions if a.dest == "command")
    return sorted(sub.choices)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_with_an_example(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert "examples:" in out
    assert f"marsad {command}" in out


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_documented_in_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"marsad {re.escape(command)}\b", readme), f"README lacks an example of 'marsad {command}'"


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "analyze" in capsys.readouterr().out


def test_analyze_json_to_file(sample_article: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.json"
    assert main(["analyze", str(sample_article), "--format", "json", "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "marsad.analysis/1"
    assert data["document"]["text"] == sample_article.read_text(encoding="utf-8")


def test_analyze_jsonl_one_line_per_article(sample_article: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "b.txt"
    other.write_text("خبر ثان\n\nقال الوزير إن الاجتماع انتهى.", encoding="utf-8")
    assert main(["analyze", str(sample_article), str(other), "--format", "jsonl", "--no-tokens"]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    assert len(lines) == 2
    assert all("tokens" not in json.loads(ln) for ln in lines)


def test_analyze_text_report(sample_article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(sample_article), "--format", "text", "--color", "never"]) == 0
    out = capsys.readouterr().out
    first = sample_article.read_text(encoding="utf-8").splitlines()[0]
    assert out.splitlines()[0] == first
    assert "\x1b[" not in out
    assert main(["analyze", str(sample_article), "--format", "text", "--color", "always"]) == 0
    assert "\x1b[" in capsys.readouterr().out


def test_analyze_disable_unknown_component_is_a_clear_error(sample_article: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(sample_article), "--disable", "nonesuch"]) == 2
    err = capsys.readouterr().err
    assert "unknown component" in err and "Traceback" not in err


def test_bad_config_is_a_clear_error(sample_article: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "marsad.toml"
    cfg.write_text("[marsad]\nmax_bites = 3\n", encoding="utf-8")
    assert main(["analyze", str(sample_article), "--config", str(cfg)]) == 2
    assert "unknown setting" in capsys.readouterr().err


def test_config_disables_component(sample_article: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "marsad.toml"
    cfg.write_text('[marsad]\ndisable = ["framing"]\n', encoding="utf-8")
    assert main(["analyze", str(sample_article), "--config", str(cfg), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["framing"] == []


def test_config_replaces_component(sample_article: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    from marsad.model import Analysis
    from marsad.pipeline import register

    @register("no_times", requires=("tokens",), assigns=("times",))
    class NoTimes:
        def __init__(self, resources: object) -> None:
            pass

        def __call__(self, analysis: Analysis) -> Analysis:
            analysis.times = []
            return analysis

    cfg = tmp_path / "marsad.toml"
    cfg.write_text('[marsad]\nreplace = {times = "no_times"}\n', encoding="utf-8")
    assert main(["analyze", str(sample_article), "--config", str(cfg), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["times"] == []
    assert main(["analyze", str(sample_article), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["times"] != []


def test_text_report_summarises_framing(reference_article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(reference_article), "--format", "text", "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "Framing" in out and "framed actors" in out and "hostile" in out


def test_text_report_neutralises_terminal_controls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "ctl.txt"
    f.write_text("عنوان \x1b[31mأحمر\n\nقال مصدر عسكري إن \u202eالقوات\u202c انسحبت.", encoding="utf-8")
    assert main(["analyze", str(f), "--format", "text", "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "أحمر" in out


def test_out_to_missing_folder_is_a_clear_error(sample_article: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(sample_article), "--out", str(tmp_path / "nope" / "x.json")]) == 2
    err = capsys.readouterr().err
    assert "cannot write" in err and "Traceback" not in err
    assert main(["analyze", str(sample_article), "--out", str(tmp_path)]) == 2


def test_one_failing_article_does_not_stop_the_batch(sample_article: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.extract.framing as framing

    real = framing.FramingFinder.__call__

    def flaky(self, analysis):  # type: ignore[no-untyped-def]
        if "قنبلة" in analysis.text:
            raise RuntimeError("simulated component failure")
        return real(self, analysis)

    monkeypatch.setattr(framing.FramingFinder, "__call__", flaky)
    bad = tmp_path / "a.txt"
    bad.write_text("عنوان\n\nانفجرت قنبلة قرب السوق.", encoding="utf-8")
    assert main(["analyze", str(bad), str(sample_article), "--format", "jsonl", "--no-tokens"]) == 0
    captured = capsys.readouterr()
    assert "failed" in captured.err and "simulated component failure" in captured.err
    assert len(captured.out.strip().splitlines()) == 1


def test_config_string_where_a_list_is_expected(sample_article: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "marsad.toml"
    cfg.write_text('[marsad]\ndisable = "framing"\n', encoding="utf-8")
    assert main(["analyze", str(sample_article), "--config", str(cfg), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["framing"] == []
    cfg.write_text('[marsad]\ndisable = 3\n', encoding="utf-8")
    assert main(["analyze", str(sample_article), "--config", str(cfg)]) == 2
    assert "must be a list of strings" in capsys.readouterr().err


def test_config_colour_setting(sample_article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "marsad.toml"
    cfg.write_text('[marsad]\ncolor = "always"\n', encoding="utf-8")
    out = tmp_path / "r.txt"
    assert main(["analyze", str(sample_article), "--config", str(cfg), "--format", "text", "--out", str(out)]) == 0
    assert "\x1b[" in out.read_text(encoding="utf-8")
