"""Pretraining the neural NER tagger's encoder as a bidirectional language model on unlabelled news.

Training only: needs the `train` extra (torch). The labelled corpora are small (ANERcorp train has
about 120,000 tokens); the news corpus has millions. Here the same network `training.ner.nn_training.Net`
reads unlabelled sentences and learns to guess its neighbours: the forward LSTM state at each token
predicts the class of the next word, the backward state the class of the previous word. Word classes
are clusters of the pretrained word vectors (`kmeans`), so the output layer stays small and a name
seen once in the corpus teaches as much as a frequent one. The learned encoder (embeddings, character
CNN, BiLSTM) then initialises NER training (`train(..., args.init)`), which keeps the network's shape
and so its speed.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from collections.abc import Callable

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from marsad.ner.neural import TokenEncoder
from training.ner.distrib import split_sentences
from training.ner.nn_training import TASK_PARAMS, Net, drop_words, length_batches, load_encoder, tensors

IGNORE = -100


def kmeans(vectors: np.ndarray, k: int, seed: int, iterations: int = 12, chunk: int = 8192) -> np.ndarray:
    """Cluster id (0..k-1) of each row of `vectors` by spherical k-means (cosine similarity)."""
    if len(vectors) < k:
        raise ValueError(f"{len(vectors)} vectors cannot make {k} clusters")
    x = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-8)
    x = x.astype(np.float32)
    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        for a in range(0, len(x), chunk):
            labels[a:a + chunk] = (x[a:a + chunk] @ centres.T).argmax(axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centres = np.where(norms > 0, sums / np.maximum(norms, 1e-8), centres)  # an empty cluster keeps its centre
    return labels


def target_table(clusters: np.ndarray) -> torch.Tensor:
    """Word id → target class: padding is ignored, an unknown word is class k, word i is its cluster."""
    k = int(clusters.max()) + 1
    return torch.cat([torch.tensor([IGNORE, k]), torch.from_numpy(clusters.astype(np.int64))])


class LMHeads(nn.Module):
    """The two output layers of the language model: forward state → next word's class, backward
    state → previous word's class."""

    def __init__(self, hidden: int, classes: int) -> None:
        super().__init__()
        self.hidden = hidden
        self.fw = nn.Linear(hidden, classes)
        self.bw = nn.Linear(hidden, classes)

    def loss(self, states: torch.Tensor, targets: torch.Tensor) -> tuple[torch.Tensor, int]:
        """Summed cross-entropy of both directions for (B, L, 2H) states and (B, L) classes, and the
        number of predictions it sums."""
        h = self.hidden
        tf, tb = targets[:, 1:], targets[:, :-1]
        fw = self.fw(states[:, :-1, :h])
        bw = self.bw(states[:, 1:, h:])
        loss = (F.cross_entropy(fw.reshape(-1, fw.shape[-1]), tf.reshape(-1), ignore_index=IGNORE, reduction="sum")
                + F.cross_entropy(bw.reshape(-1, bw.shape[-1]), tb.reshape(-1), ignore_index=IGNORE, reduction="sum"))
        return loss, int((tf != IGNORE).sum() + (tb != IGNORE).sum())


def _batch(enc: TokenEncoder, sents: list[list[str]], table: torch.Tensor, word_dropout: float,
           rng: random.Random) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    ids, chars, lengths = tensors(enc, sents, None)
    targets = table[ids[:, :, 0]]  # the words themselves, before any are dropped from the input
    if word_dropout:
        ids = drop_words(ids, word_dropout, rng)
    return ids, chars, lengths, targets


def evaluate_lm(net: Net, heads: LMHeads, enc: TokenEncoder, sents: list[list[str]], table: torch.Tensor,
                batch: int = 64) -> float:
    """Mean cross-entropy (nats per prediction) of the language model on held-out sentences."""
    net.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for a in range(0, len(sents), batch):
            ids, chars, lengths, targets = _batch(enc, sents[a:a + batch], table, 0.0, random.Random(0))
            loss, n = heads.loss(net.encode(ids, chars, lengths), targets)
            total, count = total + float(loss), count + n
    net.train()
    return total / max(count, 1)


def pretrain(args: argparse.Namespace, sents: list[list[str]], held_out: list[list[str]], enc: TokenEncoder,
             word_vecs: np.ndarray, stem_vecs: np.ndarray, clusters: np.ndarray,
             report: Callable[[dict[str, object]], None] = print,
             on_epoch: Callable[[int, Net, list[dict[str, object]]], None] | None = None) -> tuple[Net, list[dict[str, object]]]:
    """Train `Net`'s encoder as a bidirectional word-class language model on `sents` for `args.epochs`
    epochs (batches of `args.batch` sentences, Adam at `args.lr`); `report` receives progress records
    (every `args.report_every` batches and at each epoch's end, with the held-out loss), `on_epoch`
    the network and the epochs' records so far after each epoch (to keep a checkpoint)."""
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    net = Net(enc, word_vecs, stem_vecs, args)
    if getattr(args, "init", None):  # go on from an earlier run's encoder (the output layers start afresh)
        load_encoder(net, args.init)
    table = target_table(clusters)
    heads = LMHeads(args.hidden, int(clusters.max()) + 2)
    params = [p for p in [*net.parameters(), *heads.parameters()] if p.requires_grad]
    opt = torch.optim.Adam(params, lr=args.lr)
    history: list[dict[str, object]] = []
    net.train()
    for epoch in range(1, args.epochs + 1):
        order = list(range(len(sents)))
        rng.shuffle(order)
        batches = length_batches(order, sents, args.batch)
        rng.shuffle(batches)
        t0 = time.time()
        total, count, tokens = 0.0, 0, 0
        for k, bi in enumerate(batches, 1):
            ids, chars, lengths, targets = _batch(enc, [sents[i] for i in bi], table, args.word_dropout, rng)
            opt.zero_grad()
            loss, n = heads.loss(net.encode(ids, chars, lengths), targets)
            (loss / max(n, 1)).backward()
            nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            total, count, tokens = total + float(loss.detach()), count + n, tokens + int(lengths.sum())
            if k % args.report_every == 0 or k == len(batches):
                rec: dict[str, object] = {"epoch": epoch, "batch": k, "of": len(batches),
                                          "loss": round(total / max(count, 1), 4),
                                          "tokens_per_s": round(tokens / max(time.time() - t0, 1e-9))}
                if k == len(batches):
                    held = evaluate_lm(net, heads, enc, held_out, table) if held_out else math.nan
                    rec.update(held_out_loss=round(held, 4), seconds=round(time.time() - t0))
                    history.append(rec)
                report(rec)
        if on_epoch is not None:
            on_epoch(epoch, net, history)
    net.eval()
    return net, history


def encoder_state(net: Net) -> dict[str, torch.Tensor]:
    """The pretrained encoder's tensors (the task's output layer and CRF left out)."""
    return {k: v for k, v in net.state_dict().items() if not k.startswith(TASK_PARAMS)}


def chunk_documents(docs: list[list[str]], max_len: int = 60, min_len: int = 4) -> list[list[str]]:
    """Sentences of tokenised documents for the language model: cut at sentence punctuation and at
    `max_len` tokens; pieces shorter than `min_len` (headings, stray marks) are dropped."""
    return [piece for toks in docs for piece in split_sentences(toks, max_len) if len(piece) >= min_len]


def describe(args: argparse.Namespace, history: list[dict[str, object]], extra: dict[str, object]) -> str:
    """The JSON sidecar text of a pretrained encoder."""
    return json.dumps({"settings": {k: str(v) for k, v in vars(args).items()}, "history": history, **extra},
                      ensure_ascii=False, indent=1) + "\n"
