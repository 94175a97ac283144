"""The shipped CRF model (the neural one has test_ner_neural_shipped.py): loads fast, tags sentences
written for these tests, and `marsad eval-ner`."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.ner.conll import spans
from marsad.ner.tagger import DEFAULT_MODEL, Tagger, lexicon_path, sidecar_path
from marsad.ner.tagger import load_crf as load_default


def test_model_files_are_small_and_documented() -> None:
    size = DEFAULT_MODEL.stat().st_size + lexicon_path(DEFAULT_MODEL).stat().st_size
    assert size < 50 * 1024 * 1024
    meta = json.loads(sidecar_path(DEFAULT_MODEL).read_text(encoding="utf-8"))
    assert meta["train_files"] and not any("test" in f for f in meta["train_files"])  # never a test split
    assert all(len(h) == 64 for h in meta["sha256"].values())
    assert meta["scores"]["anercorp_test"]["crf+propagation"]["micro"]["f1"] > 60


def test_model_loads_in_under_a_second() -> None:
    t = time.perf_counter()
    Tagger(DEFAULT_MODEL)
    assert time.perf_counter() - t < 1.0


# (sentence, expected spans as (first token, end token, type)) — sentences written for marsad
_REGRESSION = [
    ("التقى وزير الخارجية سامح شكري نظيره الفرنسي في باريس", [(3, 5, "PER"), (8, 9, "LOC")]),
    ("قال المتحدث باسم الجيش أحمد المسماري إن الاشتباكات توقفت في بنغازي",
     [(4, 6, "PER"), (10, 11, "LOC")]),
    ("أعلنت الأمم المتحدة أن مبعوثها غسان سلامة سيزور طرابلس الأسبوع المقبل",
     [(1, 3, "ORG"), (5, 7, "PER"), (8, 9, "LOC")]),
    ("ونقلت وكالة رويترز عن مسؤول في منظمة الصحة العالمية قوله إن الوباء ينتشر في اليمن",
     [(2, 3, "ORG"), (6, 9, "ORG"), (14, 15, "LOC")]),
    ("استقبل الملك سلمان بن عبد العزيز في الرياض رئيس الوزراء البريطاني", [(2, 6, "PER"), (7, 8, "LOC")]),
]


@pytest.mark.parametrize(("sentence", "expected"), _REGRESSION)
def test_shipped_model_regressions(sentence: str, expected: list[tuple[int, int, str]]) -> None:
    labels = load_default().tag(sentence.split())
    assert spans(labels) == expected


def test_load_default_is_cached() -> None:
    assert load_default() is load_default()


_CONLL = "زار\tO\nالرئيس\tO\nسامح\tB-PER\nشكري\tI-PER\nباريس\tB-LOC\n\nوفي\tO\nطرابلس\tB-LOC\n"


def test_eval_ner_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "mini.conll"
    f.write_text(_CONLL, encoding="utf-8")
    assert main(["eval-ner", str(f), "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["tokens"] == 7 and res["sentences"] == 2
    assert set(res["per_type"]) <= {"PER", "LOC", "ORG", "MISC"}
    assert 0 <= res["micro"]["f1"] <= 100 and res["tokens_per_s"] > 0
    assert main(["eval-ner", str(f)]) == 0
    text = capsys.readouterr().out
    assert "micro" in text and "macro" in text and "tokens/s" in text


def test_eval_ner_cli_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval-ner", str(tmp_path / "missing.conll")]) == 2
    assert "missing.conll: file not found" in capsys.readouterr().err
    empty = tmp_path / "empty.conll"
    empty.write_text("\n\n", encoding="utf-8")
    assert main(["eval-ner", str(empty)]) == 2
    assert "no sentences" in capsys.readouterr().err
    assert main(["eval-ner", str(empty), "--model", str(tmp_path / "none.crfsuite")]) == 2
    assert "NER model file not found" in capsys.readouterr().err


@pytest.mark.shared
def test_anercorp_test_score_pinned(shared: Path, missing_data) -> None:  # type: ignore[no-untyped-def]
    """The shipped model on ANERcorp test (an accuracy gate: fails if a retrain makes it worse)."""
    from marsad.ner.command import evaluate_file

    f = shared / "datasets" / "ner" / "anercorp" / "test.conll"
    if not f.is_file():
        missing_data(str(f))
    res = evaluate_file(f, load_default())
    assert res["micro"]["f1"] >= 69.0


def test_tag_spans_types_and_confidence() -> None:
    toks = "أعلنت الأمم المتحدة أن مبعوثها غسان سلامة سيزور طرابلس الأسبوع المقبل".split()
    found = load_default().tag_spans(toks)
    assert [(s.start, s.end, s.label, s.type) for s in found] == [
        (1, 3, "ORG", "ORGANIZATION"), (5, 7, "PER", "PERSON"), (8, 9, "LOC", "GPE")]
    assert all(0.5 < s.confidence <= 1.0 for s in found)
    assert load_default().tag_spans([]) == []
