"""Distilling a neural NER teacher into a student (training.ner.distillation): the loss, the teacher's
scores, the corpus sample, and a tiny student that learns person names only its teacher knew."""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="the `train` extra (torch) is not installed")

from marsad.ner.neural import NeuralTagger  # noqa: E402
from training.ner.distillation import distill_loss, sample_sentences, target_tensor, teacher_scores  # noqa: E402
from training.ner.nn_training import build_encoder, train  # noqa: E402
from tiny_corpus import LABELS as _LABELS  # noqa: E402
from tiny_corpus import SENTS as _SENTS  # noqa: E402
from tiny_corpus import STEMS as _STEMS  # noqa: E402
from tiny_corpus import WORDS as _WORDS  # noqa: E402
from tiny_corpus import net_args  # noqa: E402
from tiny_corpus import random_vectors as _vectors  # noqa: E402


def _args(**kw: object) -> argparse.Namespace:
    """The tiny network without the name lexicon, with distillation settings."""
    return net_args(**{"names": False, "distill_ratio": 3.0, "distill_weight": 1.0, "distill_temperature": 1.0, **kw})


def test_loss_is_zero_for_the_teachers_scores_up_to_a_shift_per_token() -> None:
    teacher = torch.randn(2, 5, 9)
    lengths = torch.tensor([5, 3])
    shifted = teacher + torch.randn(2, 5, 1) * 4  # one constant per token changes no distribution
    assert float(distill_loss(shifted, teacher, lengths)) == pytest.approx(0.0, abs=1e-4)
    assert float(distill_loss(torch.randn(2, 5, 9), teacher, lengths)) > 0.1


def test_loss_ignores_padding_and_pulls_the_student_to_the_teacher() -> None:
    torch.manual_seed(0)
    teacher = torch.randn(1, 4, 9)
    student = torch.randn(1, 4, 9)
    padded_student = student.clone()
    padded_student[0, 2:] = torch.randn(2, 9) * 10  # tokens past the length must not count
    lengths = torch.tensor([2])
    assert float(distill_loss(padded_student, teacher, lengths)) == pytest.approx(
        float(distill_loss(student, teacher, lengths)), rel=1e-5)
    student.requires_grad_(True)
    before = float(distill_loss(student, teacher, lengths).detach())
    for _ in range(50):
        loss = distill_loss(student, teacher, lengths)
        (grad,) = torch.autograd.grad(loss, student)
        student = (student - 0.5 * grad).detach().requires_grad_(True)
    assert float(distill_loss(student, teacher, lengths).detach()) < before / 10


def test_temperature_softens_but_keeps_the_minimum() -> None:
    teacher = torch.tensor([[[4.0, 0.0, -4.0]]])
    lengths = torch.tensor([1])
    assert float(distill_loss(teacher.clone(), teacher, lengths, temperature=3.0)) == pytest.approx(0.0, abs=1e-5)
    near = torch.tensor([[[3.0, 0.5, -3.0]]])
    assert float(distill_loss(near, teacher, lengths, temperature=3.0)) > 0


def test_teacher_scores_are_centred_float16_in_order() -> None:
    def scores_many(sents: list[list[str]]) -> list[np.ndarray]:
        return [np.full((len(s), 3), float(len(s))) + np.arange(3) for s in sents]

    sents = [["أ"] * n for n in (3, 1, 5, 2)]
    seen: list[int] = []
    out = teacher_scores(scores_many, sents, batch=2, report=seen.append)
    assert [len(x) for x in out] == [3, 1, 5, 2]
    assert seen == [2, 4]
    for x in out:
        assert x.dtype == np.float16
        np.testing.assert_allclose(x, np.tile([-1.0, 0.0, 1.0], (len(x), 1)))
    t = target_tensor(out[:2], 4)
    assert t.shape == (2, 4, 3) and float(t[1, 1:].abs().sum()) == 0.0


def test_sample_sentences_is_seeded_and_bounded() -> None:
    docs = [["كلمة"] * 3 + ["."] + ["نص"] * 8 + ["."] + ["خبر"] * 70, ["قصير", "."] + ["جملة"] * 7 + ["؟"]]
    a = sample_sentences(docs, 10, seed=1, min_len=6, max_len=60)
    assert a == sample_sentences(docs, 10, seed=1, min_len=6, max_len=60)
    assert all(6 <= len(s) <= 60 for s in a)
    assert sorted(map(len, a)) == [8, 9, 10, 60]  # pieces under 6 tokens dropped, the 70-token run cut at 60 + 10
    assert len(sample_sentences(docs, 2, seed=1)) == 2


def test_a_student_learns_names_only_its_teacher_knew(tmp_path: Path) -> None:
    torch.set_num_threads(1)
    enc = build_encoder(_SENTS, _WORDS, _STEMS, {})
    words, stems = _vectors(len(_WORDS), 10, 0), _vectors(len(_STEMS), 6, 1)
    teacher_path = tmp_path / "teacher.npz"
    train(_args(), (_SENTS, _LABELS), None, enc, words, stems, teacher_path)
    teacher = NeuralTagger(teacher_path, settings={})
    # the students' gold sentences hold no person at all; the teacher scores every sentence
    gold = [(s, labels) for s, labels in zip(_SENTS, _LABELS) if not any("PER" in x for x in labels)]
    gold_set = ([s for s, _ in gold], [labels for _, labels in gold])
    distill = (_SENTS, teacher_scores(teacher.scores_many, _SENTS))
    student_path, control_path = tmp_path / "student.npz", tmp_path / "control.npz"
    train(_args(seed=4), gold_set, None, enc, words, stems, student_path, distill=distill)
    train(_args(seed=4), gold_set, None, enc, words, stems, control_path)
    student, control = NeuralTagger(student_path, settings={}), NeuralTagger(control_path, settings={})
    with_person = [i for i, labels in enumerate(_LABELS) if "B-PER" in labels]
    assert all("B-PER" not in x for x in control.tag_many([_SENTS[i] for i in with_person]))
    hits = sum(student.tag(_SENTS[i]) == _LABELS[i] for i in with_person)
    assert hits >= len(with_person) - 1
