"""The CRF tagger: the consistency pass, bad model files and the label mapping (a tiny CRF trained inside
the tests is in tests/training/test_crf_training.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.ner.command import evaluate_file
from marsad.ner.tagger import Tagger, document_pass, propagate_names, to_marsad_type


def test_propagate_names_rules() -> None:
    sents = [["زار", "كريم", "سالم", "تونس"], ["ثم", "كريم", "سالم"], ["في", "تونس"], ["x", "تونس"]]
    labels = [["O", "B-PER", "I-PER", "B-LOC"], ["O", "O", "O"], ["O", "O"], ["O", "O"]]
    near = [list(x) for x in labels]
    propagate_names(sents, near, window=1)
    assert near[1] == ["O", "B-PER", "I-PER"]
    assert near[2] == ["O", "O"] and near[3] == ["O", "O"]  # تونس was last seen two sentences back
    whole = [list(x) for x in labels]
    propagate_names(sents, whole, window=None)
    assert whole[2] == ["O", "B-LOC"] and whole[3] == ["O", "B-LOC"]


def test_propagate_skips_short_names() -> None:
    labels = [["B-LOC"], ["O"]]
    propagate_names([["مصر"], ["مصر"]], labels, min_chars=4)
    assert labels == [["B-LOC"], ["O"]]


def test_missing_and_bad_model(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        Tagger(tmp_path / "none.crfsuite")
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"not a model")
    with pytest.raises(InputError, match="not a CRFsuite model"):
        Tagger(bad)


@pytest.mark.parametrize(
    ("label", "expected"),
    [("B-PER", "PERSON"), ("I-LOC", "GPE"), ("ORG", "ORGANIZATION"), ("B-MISC", None), ("O", None), ("X", None)],
)


def test_to_marsad_type(label: str, expected: str | None) -> None:
    assert to_marsad_type(label) == expected


def test_propagate_surnames_option() -> None:
    sents = [["قال", "كريم", "سالم"], ["وأضاف", "سالم", "أن"]]
    base = [["O", "B-PER", "I-PER"], ["O", "O", "O"]]
    off = [list(x) for x in base]
    propagate_names(sents, off)
    assert off[1] == ["O", "O", "O"]
    on = [list(x) for x in base]
    propagate_names(sents, on, surnames=True)
    assert on[1] == ["O", "B-PER", "O"]


def test_propagate_clitics_option() -> None:
    # a repeat may carry one proclitic (و ف ب ل ك, and لل for ل + ال); the whole word is labelled
    sents = [["زار", "كريم", "سالم", "لبنان", "والعراق", "تونس"], ["ثم", "وكريم", "سالم", "بلبنان"],
             ["وصل", "للعراق", "ولبنان"], ["قال", "ولبنانيون", "وبتونس"]]
    base = [["O", "B-PER", "I-PER", "B-LOC", "B-LOC", "B-LOC"], ["O", "O", "O", "O"], ["O", "O", "O"],
            ["O", "O", "O"]]
    off = [list(x) for x in base]
    propagate_names(sents, off)
    assert off[1:] == base[1:]
    on = [list(x) for x in base]
    propagate_names(sents, on, clitics=True)
    assert on[1] == ["O", "B-PER", "I-PER", "B-LOC"]
    # «والعراق» was tagged with its clitic, so «العراق» itself is not known and «للعراق» stays
    assert on[2] == ["O", "O", "B-LOC"]
    # another word that starts like a name, and two clitics, are left alone
    assert on[3] == ["O", "O", "O"]


def test_propagate_clitics_keeps_short_remainders_out() -> None:
    labels = [["B-LOC"], ["O"]]
    propagate_names([["مصر"], ["بمصر"]], labels, min_chars=4, clitics=True)
    assert labels == [["B-LOC"], ["O"]]
    labels = [["B-LOC", "O"], ["O", "O"]]
    propagate_names([["العراق", "اليوم"], ["للعراق", "غدا"]], labels, clitics=True)
    assert labels[1] == ["B-LOC", "O"]


def test_document_pass_follows_the_clitics_setting() -> None:
    sents = [["في", "لبنان"], ["ومن", "ولبنان"]]
    base = [["O", "B-LOC"], ["O", "O"]]
    assert document_pass(sents, [list(x) for x in base], {"propagate_clitics": False})[1] == ["O", "O"]
    assert document_pass(sents, [list(x) for x in base], {"propagate_clitics": True})[1] == ["O", "B-LOC"]


class _FixedTagger:
    """A tagger that labels only the bare word «لبنان» (the input of `evaluate_file`'s document pass)."""

    path = "fixed"

    def __init__(self, settings: dict[str, object]) -> None:
        self.settings = settings

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        return [["B-LOC" if t == "لبنان" else "O" for t in s] for s in sentences]


def test_eval_ner_runs_the_document_pass_the_model_asks_for(tmp_path: Path) -> None:
    conll = tmp_path / "gold.conll"
    conll.write_text("زار\tO\nلبنان\tB-LOC\n\nثم\tO\nولبنان\tB-LOC\n", encoding="utf-8")
    plain = evaluate_file(conll, _FixedTagger({}))
    with_clitics = evaluate_file(conll, _FixedTagger({"propagate_clitics": True}))
    assert plain["micro"]["recall"] == 50.0
    assert with_clitics["micro"]["f1"] == 100.0
    assert evaluate_file(conll, _FixedTagger({"propagate": False, "propagate_clitics": True}))["micro"]["recall"] == 50.0
