"""One test (or more) for each defect of issue 16: bad and big input never stops a batch, loses
nothing, or takes forever. Each of these failed on the code before the fix.

Speed itself is measured by benchmarks/bench_size.py; the tests here check the mechanisms that make
it linear with deterministic counts (lines of marsad executed), never with a clock.
"""

from __future__ import annotations

import io
import json
import os
import sys
import unicodedata
from pathlib import Path

import pytest

import marsad
from marsad import cli
from marsad.errors import InputError, TimeLimitError
from marsad.ingest import core, read_path
from marsad.ingest import result as ingest_result
from marsad.model import Document
from marsad.schema import validate_analysis
from marsad.settings import Settings
from marsad.text.sentences import split_sentences

ARTICLE = "قال المتحدث باسم الجيش إن القوات سيطرت على مدينة سرت أمس بعد اشتباكات عنيفة.\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the CLI, returning (exit code, stdout, stderr)."""
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# -- a lone surrogate escape in a JSON Lines record --------------------------------------------------

@pytest.mark.parametrize("field", ["title", "id", "text"])
def test_lone_surrogate_in_a_record_does_not_stop_the_batch(field: str, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    first = {"id": "a", "title": "عنوان", "text": "قال حفتر إن الجيش سيطر على المدينة"}
    first[field] = first[field] + "\\udfff"  # the JSON escape of a lone surrogate, written raw
    raw = (json.dumps(first, ensure_ascii=False).replace("\\\\udfff", "\\udfff") + "\n"
           + json.dumps({"id": "b", "text": "قال حفتر إن الجيش سيطر على الميناء"}, ensure_ascii=False) + "\n")
    monkeypatch.setattr(core, "sys_stdin", lambda: io.BytesIO(raw.encode("utf-8")))
    code, out, err = run(["analyze", "-", "--format", "jsonl", "-q"], capsys)
    assert code == 0 and "Traceback" not in err
    analyses = [json.loads(line) for line in out.splitlines()]
    assert len(analyses) == 2
    assert all(validate_analysis(a) == [] for a in analyses)
    assert "\ufffd" in json.dumps(analyses[0], ensure_ascii=False)
    assert "surrogate" in err


def test_api_text_with_a_surrogate_is_written_as_utf8() -> None:
    analysis = marsad.analyze(text="قال حفتر \udfff إن الجيش سيطر على المدينة")
    analysis.to_json().encode("utf-8")
    assert any("surrogate" in w for w in analysis.document.warnings)
    assert len(analysis.document.text) == len("قال حفتر \udfff إن الجيش سيطر على المدينة")  # offsets kept


# -- a superscript digit -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["المساحة 1500 كم². وقال حفتر", "عام 2016 م². وقال", "البند ³. الأمن",
                                  "²³¹. قال الوزير", "العدد ٣²١. ثم"])
def test_superscript_digits_do_not_crash_the_sentence_splitter(text: str) -> None:
    sentences = split_sentences(text)
    assert sentences and all(0 <= s.start < s.end <= len(text) for s in sentences)
    assert validate_analysis(marsad.analyze(text=text).to_dict()) == []


# -- decoding that tells the truth -------------------------------------------------------------------

def test_one_stray_byte_keeps_utf8_and_is_counted(sample_article: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    raw = bytearray(sample_article.read_bytes())
    raw[300] = 0xFF
    bad = tmp_path / "stray.txt"
    bad.write_bytes(bytes(raw))
    [result] = read_path(bad, Settings())
    assert result.document is not None
    good = sample_article.read_text(encoding="utf-8")
    text = result.document.text
    assert text.count("\ufffd") >= 1 and len(text) >= len(good) - 2
    assert text[:100] == good[:100] and text[-200:] == good[-200:]  # still UTF-8, not Windows-1256 mojibake
    code, _, err = run(["analyze", str(bad), "--format", "json", "-q"], capsys)
    assert code == 0
    assert f"warning: {bad}: not valid UTF-8:" in err and "invalid byte sequence" in err


def test_a_guessed_encoding_is_reported_as_a_guess(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    legacy = tmp_path / "cp1256.txt"
    legacy.write_bytes(ARTICLE.encode("cp1256"))
    [result] = read_path(legacy, Settings())
    assert result.document is not None and result.document.text == ARTICLE
    assert any("guessed as Windows-1256" in w for w in result.document.warnings)
    code, _, err = run(["analyze", str(legacy), "--format", "json", "-q"], capsys)
    assert code == 0 and f"warning: {legacy}: not UTF-8; encoding guessed as Windows-1256" in err


def test_many_invalid_bytes_are_not_taken_for_utf8(tmp_path: Path) -> None:
    # Windows-1256 Arabic with one valid UTF-8 pair inside is still Windows-1256
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(ARTICLE.encode("cp1256") + "é".encode("utf-8"))
    [result] = read_path(legacy, Settings())
    assert result.document is not None and result.document.text.startswith(ARTICLE)


# -- NUL bytes: one rule whatever the route ----------------------------------------------------------

def test_a_few_nul_bytes_are_kept_on_every_route(tmp_path: Path) -> None:
    text = ARTICLE + "\x00" + ARTICLE
    as_file = tmp_path / "nul.txt"
    as_file.write_bytes(text.encode("utf-8"))
    as_jsonl = tmp_path / "nul.jsonl"
    as_jsonl.write_text(json.dumps({"id": "n", "text": text}) + "\n", encoding="utf-8")
    docs = [r.document for p in (as_file, as_jsonl) for r in read_path(p, Settings())]
    docs.append(marsad.analyze(text=text).document)
    for doc in docs:
        assert doc is not None and doc.text == text
        assert any("control character" in w for w in doc.warnings)


def test_mostly_nul_bytes_are_binary_on_every_route(tmp_path: Path) -> None:
    text = ARTICLE + "\x00" * 50
    as_file = tmp_path / "bin.txt"
    as_file.write_bytes(text.encode("utf-8"))
    as_jsonl = tmp_path / "bin.jsonl"
    as_jsonl.write_text(json.dumps({"id": "n", "text": text}) + "\n", encoding="utf-8")
    for path in (as_file, as_jsonl):
        [result] = read_path(path, Settings())
        assert result.document is None and "binary" in result.error.reason
    with pytest.raises(InputError, match="binary"):
        marsad.analyze(text=text)


# -- unbounded runs of marks (document ids) ----------------------------------------------------------

def test_document_id_never_reorders_an_unbounded_run_of_marks(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = unicodedata.normalize

    def recording(form: str, text: str) -> str:
        run = longest = 0
        for ch in text:
            run = run + 1 if unicodedata.combining(ch) else 0
            longest = max(longest, run)
        seen.append(longest)
        return real(form, text)

    monkeypatch.setattr(ingest_result.unicodedata, "normalize", recording)
    marks = "\u064e\u0650" * 5000
    first = ingest_result.content_id("ب" + marks)
    assert seen and max(seen) <= ingest_result.MAX_MARK_RUN
    assert first == ingest_result.content_id("ب" + marks)
    assert first != ingest_result.content_id("ب" + marks[:-1])


def test_document_id_unchanged_for_ordinary_text() -> None:
    text = "قَالَ الوزير"
    canon = unicodedata.normalize("NFC", text)
    assert ingest_result.content_id(text) == ingest_result.content_id(canon)


# -- linear growth, counted in lines of marsad executed ----------------------------------------------

def _lines_run(text: str) -> int:
    """Lines of marsad's own code executed to analyse `text` (after a warm-up run)."""
    from marsad.api import build_pipeline
    from marsad.ingest import document_from_text

    pipe = build_pipeline()
    doc = document_from_text(text)
    pipe(doc)  # warm-up: caches filled, lazy tables built
    package = str(Path(marsad.__file__).parent)
    count = 0

    def local(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame, event, arg):  # type: ignore[no-untyped-def]
        return local if frame.f_code.co_filename.startswith(package) else None

    sys.settrace(tracer)
    try:
        pipe(doc)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.slow
@pytest.mark.parametrize("unit", [
    "قال حفتر إن قواته سيطرت على سرت بعد معارك مع الجيش ",  # a long line without punctuation
    "قال المتحدث باسم الجيش أحمد المسماري إن قوات حفتر سيطرت أمس على ميناء السدرة، وأضاف أن "
    "الاشتباكات مع سرايا الدفاع عن بنغازي استمرت. ",              # news-like sentences, many events
])
def test_work_grows_linearly_with_the_input(unit: str) -> None:
    small, large = _lines_run(unit * 100), _lines_run(unit * 400)
    assert large / small < 4.6, (small, large)  # linear: 4; the quadratic event builder gave 6.5-7.2


class _CountingText(str):
    """Article text that adds up the characters its `find` scans and its slices copy."""

    work = 0

    def find(self, sub: str, start: int | None = None, end: int | None = None) -> int:  # type: ignore[override]
        lo, hi = start or 0, len(self) if end is None else end
        found = str.find(self, sub, lo, hi)
        _CountingText.work += (hi - lo) if found < 0 else (found - lo)
        return found

    def __getitem__(self, key):  # type: ignore[no-untyped-def, override]
        part = str.__getitem__(self, key)
        if isinstance(key, slice):
            _CountingText.work += len(part)
        return part


def test_unclosed_quotes_cost_linear_work() -> None:
    from marsad.pipeline import DEFAULT_COMPONENTS, Pipeline

    pipe = Pipeline(disable=list(DEFAULT_COMPONENTS[DEFAULT_COMPONENTS.index("claims") + 1:]))

    def work(repeats: int) -> int:
        _CountingText.work = 0
        pipe(Document(id="q", source_id="q", text=_CountingText("« قال حفتر " * repeats)))
        return _CountingText.work

    small, large = work(500), work(2000)
    assert large / small < 5, (small, large)  # linear: 4; each quote searched to the paragraph end gave 16


# -- the per-article time limit ----------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="needs a Unix timer signal")
def test_an_article_over_its_time_limit_is_skipped_and_the_batch_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import time as clock

    from marsad import limits
    from marsad.pipeline import Pipeline

    real_call = Pipeline.__call__

    def slow_for_one(self: Pipeline, doc: Document) -> object:
        if "بطيء" in doc.text:
            clock.sleep(5)
        return real_call(self, doc)

    monkeypatch.setattr(Pipeline, "__call__", slow_for_one)
    monkeypatch.setattr(limits, "MIN_SECONDS", 0.2)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("خبر بطيء: " + ARTICLE, encoding="utf-8")
    (tmp_path / "c.txt").write_text(ARTICLE, encoding="utf-8")
    started = clock.monotonic()
    code, out, err = run(["analyze", str(tmp_path), "--format", "jsonl"], capsys)
    assert clock.monotonic() - started < 4
    assert code == 0 and len(out.splitlines()) == 2
    assert f"skipped {tmp_path / 'b.txt'}: analysis stopped after" in err
    assert "2 analysed, 1 skipped" in err
    with pytest.raises(TimeLimitError):
        marsad.analyze(text="خبر بطيء: " + ARTICLE, time_limit=1.0)


def test_time_limit_setting_is_checked(tmp_path: Path) -> None:
    config = tmp_path / "m.toml"
    config.write_text("[marsad]\ntime_limit = -1\n", encoding="utf-8")
    with pytest.raises(Exception, match="time_limit must be"):
        Settings.load(config)


# -- --out naming an input -------------------------------------------------------------------------

def test_out_equal_to_an_input_is_refused_before_writing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(["analyze", str(article), "--out", str(article)], capsys)
    assert code == 2 and "is also an input" in err and "Traceback" not in err
    assert article.read_text(encoding="utf-8") == ARTICLE
    code, _, err = run(["analyze", str(tmp_path), "--out", str(tmp_path / "all.jsonl")], capsys)
    assert code == 2 and "inside the input folder" in err
    assert not (tmp_path / "all.jsonl").exists()


# -- configuration errors --------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "message"), [
    ("marsad = 5\n", "[marsad] must be a table"),
    ('max_bytes = "abc"\n', "max_bytes must be a positive whole number"),
    ("max_bytes = -5\n", "max_bytes must be a positive whole number"),
    ("[marsad]\nmax_bytes = 0\n", "max_bytes must be a positive whole number"),
    ('[marsad]\ncolor = "sometimes"\n', "color must be one of"),
])
def test_bad_config_values_exit_2_with_a_clear_message(body: str, message: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "m.toml"
    config.write_text(body, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(["analyze", "--config", str(config), str(article)], capsys)
    assert code == 2 and out == "" and "Traceback" not in err
    assert f"marsad: error: {config}: {message}" in err


def test_config_naming_a_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(["analyze", "--config", str(tmp_path), str(article)], capsys)
    assert code == 2 and "is a folder, not a config file" in err


# -- a deeply nested JSON line in a --kb overlay -----------------------------------------------------

def test_deeply_nested_kb_line_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "kb" / "actors").mkdir(parents=True)
    (tmp_path / "kb" / "actors" / "deep.jsonl").write_text("[" * 10000 + "\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(["analyze", str(article), "--kb", str(tmp_path / "kb"), "-q"], capsys)
    assert code == 2 and "Traceback" not in err
    assert "deep.jsonl:1: JSON nested too deeply" in err


# -- --format json with several inputs ---------------------------------------------------------------

def test_json_format_gives_one_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(["analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "c.txt"),
                        "--format", "json", "--no-tokens", "-q"], capsys)
    data = json.loads(out)
    assert code == 0 and isinstance(data, list) and len(data) == 3
    assert all(validate_analysis(a) == [] for a in data)
    code, out, _ = run(["analyze", str(tmp_path / "a.txt"), "--format", "json", "-q"], capsys)
    assert isinstance(json.loads(out), dict)


# -- progress and the end summary --------------------------------------------------------------------

def test_off_a_terminal_a_summary_names_the_reasons(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "english.txt").write_text("Only English here.", encoding="utf-8")
    code, _, err = run(["analyze", str(tmp_path), "--format", "jsonl"], capsys)
    summary = err.strip().splitlines()[-1]
    assert code == 0
    assert summary.startswith("marsad: done in ") and "3 read, 1 analysed, 2 skipped" in summary
    assert "empty file: 1" in summary and "no Arabic text: 1" in summary
    _, _, err = run(["analyze", str(tmp_path), "--format", "jsonl", "--quiet"], capsys)
    assert "done in" not in err


def test_progress_lines_give_count_total_rate_and_time_left(monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path: Path) -> None:
    from marsad import progress as prog

    monkeypatch.setattr(prog, "LINE_EVERY", 0.0)
    stream = io.StringIO()
    bar = prog.Progress("lines", total=4, stream=stream)
    bar.done()
    bar.done("empty file")
    line = stream.getvalue().splitlines()[-1]
    assert line.startswith("marsad: 2 of 4 read, 1 analysed, 1 skipped,") and "articles/s" in line and "left" in line
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "قال"}\n{"text": "قال"}\n', encoding="utf-8")
    assert prog.count_articles([str(tmp_path)], (".txt", ".jsonl")) == 4
    assert prog.count_articles(["-"], (".txt",)) is None


def test_progress_bar_on_a_terminal_shows_count_total_and_rate() -> None:
    from marsad import progress as prog

    stream = io.StringIO()
    bar = prog.Progress("bar", total=3, stream=stream)
    for _ in range(3):
        bar.done()
    bar.close()
    shown = stream.getvalue()
    assert "3/3" in shown and "articles/s" in shown.replace(" articles/s", "articles/s")
    assert "done in" in shown


# -- the Python API --------------------------------------------------------------------------------

def test_analyze_never_reads_a_string_as_a_path(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with pytest.warns(UserWarning, match="analyze_file"):
        analysis = marsad.analyze(str(article))
    assert analysis.document.text == str(article)
    assert marsad.analyze_file(article).document.text == ARTICLE


def test_analyze_file_refuses_what_is_not_one_article_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        marsad.analyze_file(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a folder"):
        marsad.analyze_file(tmp_path)
    many = tmp_path / "many.jsonl"
    many.write_text("".join(json.dumps({"id": i, "text": ARTICLE}) + "\n" for i in range(3)), encoding="utf-8")
    with pytest.raises(InputError, match="more than one article"):
        marsad.analyze_file(many)
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo.txt")
        with pytest.raises(InputError, match="not a regular file"):
            marsad.analyze_file(tmp_path / "fifo.txt")


def test_analyze_many_gives_one_analysis_per_article(tmp_path: Path) -> None:
    many = tmp_path / "many.jsonl"
    many.write_text("".join(json.dumps({"id": f"r{i}", "text": ARTICLE}) + "\n" for i in range(3)), encoding="utf-8")
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    errors: list[InputError] = []
    out = list(marsad.analyze_many([tmp_path], on_error=errors.append))
    assert [a.document.source_id for a in out] == ["r0", "r1", "r2", str(tmp_path / "one.txt")]
    assert [e.item for e in errors] == [str(tmp_path / "empty.txt")]
    with pytest.raises(InputError, match="empty file"):
        list(marsad.analyze_many([tmp_path / "empty.txt"]))
    doc = Document(id="d", source_id="mine", text=ARTICLE)
    assert [a.document.source_id for a in marsad.analyze_many([doc])] == ["mine"]


@pytest.mark.parametrize(("kwargs", "argument"), [
    ({"text": 5}, "text must be"),
    ({"text": b"bytes"}, "text must be"),
    ({"text": ARTICLE, "published": 20161011}, "published must be"),
    ({"text": ARTICLE, "source_id": 5}, "source_id must be"),
    ({"text": ARTICLE, "kb": [5]}, "kb must hold strings"),
    ({"text": ARTICLE, "kb": 5}, "kb must be"),
    ({"text": ARTICLE, "disable": {"framing"}}, "disable must be"),
    ({"text": ARTICLE, "pipeline": "default"}, "pipeline must be"),
])
def test_wrong_argument_types_name_the_argument(kwargs: dict, argument: str) -> None:
    with pytest.raises(TypeError, match=argument):
        marsad.analyze(**kwargs)


def test_analyze_file_and_many_check_their_arguments() -> None:
    with pytest.raises(TypeError, match="path must be"):
        marsad.analyze_file(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="sources must"):
        list(marsad.analyze_many(5))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="sources must hold"):
        list(marsad.analyze_many([5]))  # type: ignore[list-item]


def test_a_single_kb_folder_and_a_date_object_are_accepted(tmp_path: Path) -> None:
    import datetime as dt

    (tmp_path / "actors").mkdir()
    analysis = marsad.analyze(text=ARTICLE, kb=str(tmp_path), published=dt.date(2016, 10, 11))
    assert analysis.document.published == "2016-10-11"
    assert validate_analysis(analysis.to_dict()) == []


def test_analyze_path_object_still_works_with_a_deprecation(sample_article: Path) -> None:
    with pytest.warns(DeprecationWarning, match="analyze_file"):
        analysis = marsad.analyze(sample_article)  # type: ignore[arg-type]
    assert analysis.document.source_id == str(sample_article)
