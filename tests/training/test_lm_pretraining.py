"""Pretraining the NER encoder as a bidirectional language model (PyTorch): word classes by k-means,
the direction and alignment of what each half of the BiLSTM predicts, and loading the learned encoder
into NER training."""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="the `train` extra (torch) is not installed")

from training.ner.lm_pretraining import (IGNORE, LMHeads, chunk_documents, encoder_state, kmeans,  # noqa: E402
                                       pretrain, target_table)
from training.ner.nn_training import Net, build_encoder, load_encoder, tensors, train  # noqa: E402
from tiny_corpus import TRAIN  # noqa: E402

# six words, each its own class; in the invented sentences below every word is followed by the next
# one of the cycle, so the forward LSTM can always name the next word and the backward one the previous
_CYCLE = ["سلام", "نهر", "جبل", "قمر", "بحر", "شمس"]


def _args(**kw: object) -> argparse.Namespace:
    base = dict(freeze=True, names=False, char_dim=8, kernel=3, filters=8, dropout=0.0, hidden=24,
                seed=5, lr=0.02, epochs=6, batch=8, word_dropout=0.0, report_every=1000)
    base.update(kw)
    return argparse.Namespace(**base)


def _cycle_sentences(n: int, seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        start, length = rng.randrange(len(_CYCLE)), rng.randrange(4, 9)
        out.append([_CYCLE[(start + i) % len(_CYCLE)] for i in range(length)])
    return out


def test_kmeans_separates_groups_of_vectors() -> None:
    rng = np.random.default_rng(0)
    centres = np.eye(4, 8) * 5
    x = np.concatenate([c + rng.normal(0, 0.3, (30, 8)) for c in centres])
    labels = kmeans(x, 4, seed=1)
    groups = [set(labels[i * 30:(i + 1) * 30]) for i in range(4)]
    assert all(len(g) == 1 for g in groups)
    assert len(set().union(*groups)) == 4
    with pytest.raises(ValueError):
        kmeans(x[:3], 4, seed=1)


def test_target_table_ignores_padding_and_gives_unknown_words_a_class() -> None:
    table = target_table(np.array([2, 0, 1, 2]))
    assert table.tolist() == [IGNORE, 3, 2, 0, 1, 2]


def test_chunk_documents_cuts_at_sentence_ends_and_drops_scraps() -> None:
    doc = "وصل الوفد إلى المدينة صباحا . شكرا . وبدأت المحادثات بعد الظهر مباشرة ؟".split()
    assert chunk_documents([doc]) == [doc[:6], doc[8:]]
    assert [len(p) for p in chunk_documents([["كلمة"] * 25], max_len=10)] == [10, 10, 5]


@pytest.fixture(scope="module")
def cycle_model() -> tuple[Net, list[dict[str, object]], object, torch.Tensor]:
    torch.set_num_threads(1)
    enc = build_encoder([_CYCLE], _CYCLE, _CYCLE, {})
    vecs = np.random.RandomState(0).randn(len(_CYCLE), 6).astype(np.float32)
    clusters = np.arange(len(_CYCLE))
    records: list[dict[str, object]] = []
    net, history = pretrain(_args(), _cycle_sentences(300, 1), _cycle_sentences(30, 2), enc, vecs, vecs[:, :4],
                            clusters, report=records.append)
    assert records[-1] is history[-1]
    return net, history, enc, target_table(clusters)


def test_language_model_learns_both_neighbours(cycle_model: tuple) -> None:
    net, history, enc, _ = cycle_model
    assert len(history) == 6 and history[-1]["held_out_loss"] < 0.2 * np.log(len(_CYCLE) + 1)
    assert history[-1]["held_out_loss"] < history[0]["held_out_loss"]


def test_forward_half_predicts_the_next_word_and_backward_half_the_previous(cycle_model: tuple) -> None:
    net, _, enc, table = cycle_model
    # pretrain() keeps its heads to itself: fit a probe pair on the frozen states through the same
    # loss, then check what each half predicts where (a shifted target in the loss would show here)
    sents = _cycle_sentences(40, 3)
    ids, chars, lengths = tensors(enc, sents, None)
    with torch.no_grad():
        states = net.encode(ids, chars, lengths)
    heads = LMHeads(24, len(_CYCLE) + 1)
    opt = torch.optim.Adam(heads.parameters(), lr=0.05)
    targets = table[ids[:, :, 0]]
    for _ in range(150):
        opt.zero_grad()
        loss, n = heads.loss(states, targets)
        (loss / n).backward()
        opt.step()
    with torch.no_grad():
        fw = heads.fw(states[:, :, :24]).argmax(-1)
        bw = heads.bw(states[:, :, 24:]).argmax(-1)
    for i, s in enumerate(sents):
        k = [_CYCLE.index(w) for w in s]
        assert fw[i, :len(s) - 1].tolist() == [(x + 1) % len(_CYCLE) for x in k[:-1]]
        assert bw[i, 1:len(s)].tolist() == [(x - 1) % len(_CYCLE) for x in k[1:]]


def test_forward_states_do_not_see_the_future(cycle_model: tuple) -> None:
    net, _, enc, _ = cycle_model
    a = ["سلام", "نهر", "جبل", "قمر"]
    b = ["سلام", "نهر", "بحر", "شمس"]
    ids, chars, lengths = tensors(enc, [a, b], None)
    with torch.no_grad():
        h = net.encode(ids, chars, lengths)
    assert torch.allclose(h[0, :2, :24], h[1, :2, :24])  # forward half: same past, same state
    assert not torch.allclose(h[0, :2, 24:], h[1, :2, 24:])  # backward half reads the differing end


def test_pretrained_encoder_initialises_ner_training(cycle_model: tuple, tmp_path: Path) -> None:
    net, _, _, _ = cycle_model
    sents = [s.split() for s, _ in TRAIN]
    labels = [t.split() for _, t in TRAIN]
    enc = build_encoder([_CYCLE], _CYCLE, _CYCLE, {})
    state = encoder_state(net)
    assert not any(k.startswith(("out.", "trans", "start", "end")) for k in state)
    path = tmp_path / "enc.pt"
    torch.save(state, path)
    vecs = np.random.RandomState(0).randn(len(_CYCLE), 6).astype(np.float32)
    fresh = Net(enc, vecs, vecs[:, :4], _args())
    loaded = load_encoder(fresh, path)
    assert "lstm.weight_hh_l0" in loaded and "char.weight" in loaded
    assert torch.equal(fresh.lstm.weight_hh_l0, net.lstm.weight_hh_l0)
    # a network of another shape refuses the weights
    with pytest.raises(RuntimeError):
        load_encoder(Net(enc, vecs, vecs[:, :4], _args(hidden=16)), path)
    # and training starts from them: one epoch on the labelled sentences runs and exports a model
    res = train(_args(init=path, epochs=1, names=False), (sents, labels), None, enc, vecs, vecs[:, :4],
                tmp_path / "tagger.npz")
    assert (tmp_path / "tagger.npz").is_file() and len(res["history"]) == 1


def test_pretraining_goes_on_from_an_earlier_encoder(cycle_model: tuple, tmp_path: Path) -> None:
    net, _, enc, _ = cycle_model
    path = tmp_path / "enc.pt"
    torch.save(encoder_state(net), path)
    vecs = np.random.RandomState(0).randn(len(_CYCLE), 6).astype(np.float32)
    # one short epoch: from scratch the model is still guessing; from the learned encoder only the new
    # output layers have to learn
    runs = [pretrain(_args(epochs=1, lr=0.005, **init), _cycle_sentences(60, 4), _cycle_sentences(30, 2), enc, vecs,
                     vecs[:, :4], np.arange(len(_CYCLE)), report=lambda rec: None)[1][0]["held_out_loss"]
            for init in ({}, {"init": path})]
    assert runs[1] < 0.8 * runs[0]
