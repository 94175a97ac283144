"""Distilling a neural NER tagger (often an ensemble) into a student network on unlabelled sentences.

The teacher's label scores (the mean of its members' emissions, `NeuralTagger.scores_many`) are
computed once, in NumPy, for a sample of corpus sentences. While the student trains on the gold
sentences with the CRF loss, it also learns to give each token of the corpus sentences the teacher's
per-token label distribution (softmax of the emissions at a temperature; KL divergence, summed over
tokens). The student sees dropout and word dropout, the teacher saw clean input, so the student
learns the teacher's knowledge of names that never occur in the gold data.

Training only: needs the `train` extra (torch). Used by `scripts/train_ner_nn.py --teacher`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable

import numpy as np
import torch

from training.ner.distrib import split_sentences


def sample_sentences(docs: Iterable[list[str]], count: int, seed: int, min_len: int = 6,
                     max_len: int = 60) -> list[list[str]]:
    """`count` sentences drawn at random (fixed seed) from tokenised documents; pieces shorter than
    `min_len` tokens are skipped and longer ones are cut at `max_len`."""
    pool = [piece for toks in docs for piece in split_sentences(toks, max_len) if len(piece) >= min_len]
    random.Random(seed).shuffle(pool)
    return pool[:count]


def teacher_scores(scores_many: Callable[[list[list[str]]], list[np.ndarray]], sentences: list[list[str]],
                   batch: int = 512, report: Callable[[int], None] | None = None) -> list[np.ndarray]:
    """(L, T) float16 label scores of every sentence from a teacher's `scores_many`, each token's
    scores shifted to mean 0 (a CRF ignores a constant added to all labels of a token)."""
    out: list[np.ndarray] = []
    for k in range(0, len(sentences), batch):
        for em in scores_many(sentences[k:k + batch]):
            out.append((em - em.mean(axis=1, keepdims=True)).astype(np.float16))
        if report is not None:
            report(len(out))
    return out


def target_tensor(scores: list[np.ndarray], length: int) -> torch.Tensor:
    """The teacher scores of a batch as one (B, length, T) float tensor, zero-padded."""
    t = torch.zeros((len(scores), length, scores[0].shape[1]), dtype=torch.float32)
    for i, s in enumerate(scores):
        t[i, :len(s)] = torch.from_numpy(s.astype(np.float32))
    return t


def distill_loss(student: torch.Tensor, teacher: torch.Tensor, lengths: torch.Tensor,
                 temperature: float = 1.0) -> torch.Tensor:
    """Summed KL(teacher ‖ student) of the per-token label distributions, softmax(scores / temperature),
    over the real tokens of a batch of (B, L, T) scores; scaled by temperature² as usual, so the
    gradients keep their size when the temperature changes."""
    mask = torch.arange(student.shape[1])[None, :] < lengths[:, None]
    log_p = torch.log_softmax(teacher / temperature, dim=2)
    log_q = torch.log_softmax(student / temperature, dim=2)
    kl = (log_p.exp() * (log_p - log_q)).sum(dim=2)
    return (kl * mask).sum() * temperature ** 2
