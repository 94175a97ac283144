"""CoNLL reading, BIO spans and exact-span scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.ner.conll import read_conll, score, spans
from training.ner.datasets import FANE_TO_CONLL


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        ([], []),
        (["O", "O"], []),
        (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
        (["B-PER", "B-PER"], [(0, 1, "PER"), (1, 2, "PER")]),
        (["I-ORG", "I-ORG", "O"], [(0, 2, "ORG")]),  # a stray I- opens a span
        (["B-PER", "I-LOC"], [(0, 1, "PER"), (1, 2, "LOC")]),
        (["O", "B-MISC", "I-MISC"], [(1, 3, "MISC")]),
    ],
)
def test_spans(labels: list[str], expected: list[tuple[int, int, str]]) -> None:
    assert spans(labels) == expected


def test_score_counts_exact_spans_only() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "I-ORG", "I-ORG"]]
    pred = [["B-PER", "I-PER", "O", "O"], ["B-ORG", "I-ORG", "O"]]
    s = score(gold, pred)
    assert s.prf("PER") == (100.0, 100.0, 100.0)
    assert s.prf("LOC")[1] == 0.0
    assert s.prf("ORG") == (0.0, 0.0, 0.0)  # a partial match counts as one error each way
    p, r, f = s.prf()
    assert (round(p, 2), round(r, 2)) == (50.0, 33.33)
    assert round(s.macro_f1(), 2) == round(100 / 3, 2)
    d = s.as_dict()
    assert d["per_type"]["ORG"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "gold": 1, "predicted": 1}


def test_score_rejects_unequal_lengths() -> None:
    with pytest.raises(ValueError, match="1 gold sentences but 0 predicted"):
        score([["O"]], [])


def test_read_conll(tmp_path: Path) -> None:
    f = tmp_path / "a.conll"
    f.write_text("-DOCSTART-\tO\n\nزار\tO\nكريم\tB-Politician\nتونس\tB-Nation\n\n\nكتاب\tB-Book\n", encoding="utf-8")
    sents, labels = read_conll(f)
    assert sents == [["زار", "كريم", "تونس"], ["كتاب"]]
    assert labels == [["O", "B-Politician", "B-Nation"], ["B-Book"]]
    _, mapped = read_conll(f, label_map=FANE_TO_CONLL)
    assert mapped == [["O", "B-PER", "B-LOC"], ["O"]]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"token-without-tag\n", "line 1: expected"),
        ("كلمة\tX-PER\n".encode(), "line 1: tag 'X-PER'"),
        (b"\xff\xfe\x00bad", "not UTF-8"),
    ],
)
def test_read_conll_bad_files(tmp_path: Path, content: bytes, reason: str) -> None:
    f = tmp_path / "bad.conll"
    f.write_bytes(content)
    with pytest.raises(InputError, match=reason) as exc:
        read_conll(f)
    assert str(f) in str(exc.value)


def test_read_conll_missing_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_conll(tmp_path / "nope.conll")
    with pytest.raises(InputError, match="folder"):
        read_conll(tmp_path)
