"""Training a CRF (training/ner/crf_training.py): a tiny model trained inside the test tags what it learned,
generalises a little, runs the document pass and survives hostile input; the cross-fold gazetteers."""

from __future__ import annotations

import time

import pytest

from marsad.ner.features import Featuriser
from marsad.ner.tagger import Tagger
from tiny_corpus import TRAIN
from training.ner.crf_training import build_gazetteer, fold_gazetteers, train_crf


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


def test_build_and_fold_gazetteers() -> None:

    sents = [["زار", "كريم", "سالم"], ["في", "طرابلس"], ["في", "سرت"], ["في", "طرابلس"]]
    labels = [["O", "B-PER", "I-PER"], ["O", "B-LOC"], ["O", "B-LOC"], ["O", "B-ORG"]]
    gaz = build_gazetteer(sents, labels)
    assert gaz["كريم سالم"] == "PER" and gaz["سرت"] == "LOC"
    assert gaz["طرابلس"] in ("LOC", "ORG")
    folds = fold_gazetteers(sents, labels, folds=2)
    # sentences 0 and 2 form fold 0: their gazetteer comes from sentences 1 and 3 only
    assert set(folds[0]) == set(folds[2]) == {"طرابلس"}
    assert folds[1] == folds[3] == {"كريم سالم": "PER", "سرت": "LOC"}
