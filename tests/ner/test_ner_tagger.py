"""A tiny CRF trained inside the test, the consistency pass, robustness and the label mapping."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.ner.command import evaluate_file
from marsad.ner.tagger import Tagger, document_pass, propagate_names, to_marsad_type
from marsad.ner.training import train_crf
from marsad.ner.features import Featuriser
from tiny_corpus import TRAIN



@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Tagger:
    sents = [s.split() for s, _ in TRAIN]
    labels = [t.split() for _, t in TRAIN]
    path = tmp_path_factory.mktemp("ner") / "tiny.crfsuite"
    train_crf(sents, labels, Featuriser(), path, params={"max_iterations": 60})
    return Tagger(path)


@pytest.mark.parametrize("idx", [0, 2, 4, 8])
def test_tiny_model_tags_training_sentences(tiny: Tagger, idx: int) -> None:
    sent, tags = TRAIN[idx]
    assert tiny.tag(sent.split()) == tags.split()


def test_tiny_model_generalises_a_little(tiny: Tagger) -> None:
    labels = tiny.tag("وصل الرئيس كريم سالم إلى مصراتة".split())
    assert labels[2:4] == ["B-PER", "I-PER"] and labels[5] == "B-LOC"


def test_tag_document_propagates(tiny: Tagger) -> None:
    doc = [s.split() for s in ("قال الرئيس كريم سالم إن الوضع هادئ", "ثم غادر كريم سالم القاعة")]
    plain = [tiny.tag(s) for s in doc]
    with_pass = tiny.tag_document(doc, propagate=True)
    assert with_pass[0] == plain[0]
    assert with_pass[1][2:4] == ["B-PER", "I-PER"]


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


@pytest.mark.parametrize(
    "tokens",
    [
        [],
        ["ا"] * 5000,
        ["ب" * 10_000, "في", "طرابلس"],
        ["Reuters", "reported", "that", "NATO", "met", "in", "Brussels"],
        ["قال", "Ban", "Ki-moon", "إن", "الأمم", "المتحدة", "🙂", "\u200f", "", " "],
        ["١٢", "٢٠١٦", "12:30", "%", "…"],
    ],
)
def test_robust_inputs(tiny: Tagger, tokens: list[str]) -> None:
    t = time.perf_counter()
    labels = tiny.tag(tokens)
    assert time.perf_counter() - t < 5.0
    assert len(labels) == len(tokens)
    assert all(x == "O" or x[:2] in ("B-", "I-") for x in labels)


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
