"""The neural tagger's training side (PyTorch): the CRF loss, NumPy/PyTorch agreement, and a tiny model
trained inside the test on sentences written for it."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="the `train` extra (torch) is not installed")

from marsad.ner.conll import score  # noqa: E402
from marsad.ner.neural import LEXICON_TYPES, NAME_TYPES, NeuralTagger, marginals, viterbi  # noqa: E402
from marsad.ner.subword import SubwordVectors  # noqa: E402
from training.ner.nn_training import LABELS, Net, build_encoder, export, tensors, train  # noqa: E402
from training.ner.subword_training import extend_vocabulary  # noqa: E402
from tiny_corpus import LABELS as _LABELS  # noqa: E402
from tiny_corpus import SENTS as _SENTS  # noqa: E402
from tiny_corpus import STEMS as _STEMS  # noqa: E402
from tiny_corpus import WORDS as _WORDS  # noqa: E402
from tiny_corpus import net_args  # noqa: E402
from tiny_corpus import random_vectors as _vectors  # noqa: E402

_args = net_args


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> NeuralTagger:
    torch.set_num_threads(1)
    enc = build_encoder(_SENTS, _WORDS, _STEMS, {"كريم": "PER"})
    path = tmp_path_factory.mktemp("nn") / "tiny.npz"
    train(_args(), (_SENTS, _LABELS), None, enc, _vectors(len(_WORDS), 10, 0), _vectors(len(_STEMS), 6, 1), path)
    return NeuralTagger(path, settings={})


@pytest.mark.parametrize("idx", [0, 2, 4, 8, 11])
def test_tiny_model_learns_its_training_sentences(tiny: NeuralTagger, idx: int) -> None:
    assert tiny.tag(_SENTS[idx]) == _LABELS[idx]


def test_tiny_model_batched_and_single_agree(tiny: NeuralTagger) -> None:
    assert tiny.tag_many(_SENTS) == [tiny.tag(s) for s in _SENTS]


def test_crf_loss_is_a_normalised_distribution() -> None:
    enc = build_encoder(_SENTS, _WORDS, _STEMS, {})
    torch.manual_seed(0)
    net = Net(enc, _vectors(len(_WORDS), 4, 0), _vectors(len(_STEMS), 4, 1), _args())
    with torch.no_grad():
        for p in (net.trans, net.start, net.end):
            p.normal_(0, 1)
        em = torch.randn(1, 3, len(LABELS))
        total = sum(float(torch.exp(-net.nll(em, torch.tensor([path]), torch.tensor([3]))))
                    for path in itertools.product(range(len(LABELS)), repeat=3))
        assert total == pytest.approx(1.0, abs=1e-4)
        # padding does not change a sentence's loss
        em2 = torch.randn(2, 3, len(LABELS))
        tags = torch.tensor([[1, 2, 0], [3, 4, 0]])
        both = float(net.nll(em2, tags, torch.tensor([3, 2])))
        apart = float(net.nll(em2[:1], tags[:1], torch.tensor([3])) + net.nll(em2[1:, :2], tags[1:, :2], torch.tensor([2])))
        assert both == pytest.approx(apart, rel=1e-5)
        # NumPy's Viterbi path is the most likely one and the marginals sum to one
        trans, start, end = (x.double().numpy() for x in (net.trans, net.start, net.end))
        e = em[0].double().numpy()
        best = max(itertools.product(range(len(LABELS)), repeat=3),
                   key=lambda p: start[p[0]] + end[p[-1]] + sum(e[i, p[i]] for i in range(3))
                   + trans[p[0], p[1]] + trans[p[1], p[2]])
        assert tuple(viterbi(e, trans, start, end)) == best
        assert np.allclose(marginals(e, trans, start, end).sum(axis=1), 1.0)


def _randomised(net: Net) -> Net:
    """`net` with every trainable weight drawn from N(0, 0.5) and the padding character's row zero, in
    eval mode (scores far from an untrained network's, for comparing NumPy with PyTorch)."""
    with torch.no_grad():
        for p in net.parameters():
            if p.requires_grad:
                p.normal_(0, 0.5)
        net.char.weight[0].zero_()
    return net.eval()


def test_numpy_runs_the_torch_network(tmp_path: Path) -> None:
    """The exported weights give NumPy the same label scores as PyTorch (word vectors are stored as
    float16, hence the tolerance)."""
    enc = build_encoder(_SENTS, _WORDS, _STEMS, {"سالم": "PER"})
    torch.manual_seed(1)
    net = _randomised(Net(enc, _vectors(len(_WORDS), 6, 0), _vectors(len(_STEMS), 4, 1), _args()))
    export(net, enc, tmp_path / "m.npz")
    tagger = NeuralTagger(tmp_path / "m.npz", settings={})
    sents = [_SENTS[0], _SENTS[5][:3], ["Reuters", "٢٠١٩", "و"], ["سالم"]]
    ids, chars, lengths = tensors(enc, sents, None)
    with torch.no_grad():
        ref = net.emissions(ids, chars, lengths).numpy()
    for i, em in enumerate(tagger.emissions(sents)):
        assert em.shape == (len(sents[i]), len(LABELS))
        assert np.abs(em - ref[i, :len(sents[i])]).max() < 2e-3


def test_an_ensemble_scores_with_the_mean_of_its_members(tmp_path: Path) -> None:
    enc = build_encoder(_SENTS, _WORDS, _STEMS, {})
    words, stems = _vectors(len(_WORDS), 6, 0), _vectors(len(_STEMS), 4, 1)
    nets = []
    for seed in (1, 2):
        torch.manual_seed(seed)
        nets.append(_randomised(Net(enc, words, stems, _args(freeze=True))))
    export(nets, enc, tmp_path / "ens.npz")
    ens = NeuralTagger(tmp_path / "ens.npz", settings={})
    assert len(ens.members) == 2
    ids, chars, lengths = tensors(enc, _SENTS[:3], None)
    with torch.no_grad():
        ref = sum(n.emissions(ids, chars, lengths).numpy() for n in nets) / 2
    for i, em in enumerate(ens.emissions(_SENTS[:3])):
        assert np.abs(em - ref[i, :len(_SENTS[i])]).max() < 2e-3
    # members that fine-tuned their word vectors cannot share one table
    nets[1].word.weight.data[2] += 1.0
    with pytest.raises(ValueError, match="word_emb"):
        export(nets, enc, tmp_path / "bad.npz")


def test_a_tiny_model_trained_on_swapped_mentions_still_learns_the_labels(tmp_path: Path) -> None:
    # every epoch, every mention is swapped for another of its type: the network cannot learn the
    # names by heart, only their contexts and shapes, and the labels must stay aligned with the tokens
    torch.set_num_threads(1)
    enc = build_encoder(_SENTS, _WORDS, _STEMS, {})
    path = tmp_path / "swapped.npz"
    train(_args(swap_rate=1.0, names=False), (_SENTS, _LABELS), None, enc, _vectors(len(_WORDS), 10, 0),
          _vectors(len(_STEMS), 6, 1), path)
    tagger = NeuralTagger(path, settings={})
    right = sum(tagger.tag(s) == lab for s, lab in zip(_SENTS, _LABELS))
    assert right >= len(_SENTS) - 2


def test_name_rows_grow_only_for_gazetteer_types() -> None:
    # networks trained before the gazetteer existed keep their shape, so their checkpoints still load
    plain = Net(build_encoder(_SENTS, _WORDS, _STEMS, {"كريم": "PER:hi"}), _vectors(len(_WORDS), 10, 0),
                _vectors(len(_STEMS), 6, 1), _args())
    with_gaz = Net(build_encoder(_SENTS, _WORDS, _STEMS, {"كريم": "PER:hi", "سالم": "GAZ:lo"}),
                   _vectors(len(_WORDS), 10, 0), _vectors(len(_STEMS), 6, 1), _args())
    assert plain.name.weight.shape[0] == len(LEXICON_TYPES) < with_gaz.name.weight.shape[0] == len(NAME_TYPES)
    no_lexicon = Net(build_encoder(_SENTS, _WORDS, _STEMS, {}), _vectors(len(_WORDS), 10, 0),
                     _vectors(len(_STEMS), 6, 1), _args())
    no_lexicon.load_state_dict(plain.state_dict())  # strict: every shape matches


def test_unknown_words_are_tagged_with_the_ngram_vectors_training_gave_them(tmp_path: Path) -> None:
    """Training puts the training data's unknown words into the vocabulary with their n-gram vectors;
    tagging computes the same vectors on the fly for words it has never seen: NumPy then agrees with a
    PyTorch network whose vocabulary holds those words."""
    sub = SubwordVectors(np.random.RandomState(5).randn(64, 6).astype(np.float32), 2, 4)
    words, vecs = extend_vocabulary(_WORDS, _vectors(len(_WORDS), 6, 0), _SENTS, sub)
    assert len(words) > len(_WORDS)
    stems = _vectors(len(_STEMS), 4, 1)
    enc = build_encoder(_SENTS, words, _STEMS, {}, sub)
    torch.manual_seed(2)
    net = _randomised(Net(enc, vecs, stems, _args(freeze=True)))
    export(net, enc, tmp_path / "m.npz")
    tagger = NeuralTagger(tmp_path / "m.npz", settings={})
    assert tagger.encoder.subword is not None
    new = [["قال", "العقيد", "زيدون", "البرقاوي"], _SENTS[0]]
    words2, vecs2 = extend_vocabulary(words, vecs, new, sub)
    assert words2[len(words):] == ["العقيد", "زيدون", "البرقاوي"]
    enc2 = build_encoder(_SENTS, words2, _STEMS, {}, sub)
    net2 = Net(enc2, vecs2, stems, _args(freeze=True))
    state = net.state_dict()
    state["word.weight"] = net2.word.weight.detach().clone()
    net2.load_state_dict(state)
    net2.eval()
    ids, chars, lengths = tensors(enc2, new, None)
    with torch.no_grad():
        ref = net2.emissions(ids, chars, lengths).numpy()
    got = tagger.emissions(new)
    for i, em in enumerate(got):
        assert np.abs(em - ref[i, :len(new[i])]).max() < 2e-3
    # without the table, the unknown words read as the zero vector and the scores change
    tagger.encoder.subword = None
    tagger.encoder._vectors.clear()
    assert np.abs(tagger.emissions(new)[0] - got[0]).max() > 1e-2


def test_weight_averaging_exports_the_mean_of_the_epochs_weights(tmp_path: Path) -> None:
    # training is repeatable for a seed, so runs stopped after epochs 2, 3 and 4 give the weights an
    # averaging run from epoch 2 to 4 sees at the end of each of those epochs
    torch.set_num_threads(1)
    enc = build_encoder(_SENTS, _WORDS, _STEMS, {"كريم": "PER"})
    words, stems = _vectors(len(_WORDS), 10, 0), _vectors(len(_STEMS), 6, 1)
    states = [train(_args(epochs=n), (_SENTS, _LABELS), None, enc, words, stems, tmp_path / f"e{n}.npz")["net"]
              .state_dict() for n in (2, 3, 4)]
    res = train(_args(epochs=4, average_from=2), (_SENTS, _LABELS), None, enc, words, stems, tmp_path / "avg.npz")
    got = res["net"].state_dict()
    assert set(got) == set(states[0])
    for key, value in got.items():
        assert torch.allclose(value, sum(s[key] for s in states) / 3, atol=1e-6), key
    # the file holds the averaged network, and it differs from the last epoch's
    assert not torch.allclose(got["out.weight"], states[-1]["out.weight"])
    ids, chars, lengths = tensors(enc, _SENTS[:2], None)
    with torch.no_grad():
        ref = res["net"].emissions(ids, chars, lengths).numpy()
    for i, em in enumerate(NeuralTagger(tmp_path / "avg.npz", settings={}).emissions(_SENTS[:2])):
        assert np.abs(em - ref[i, :len(_SENTS[i])]).max() < 2e-3


def test_weight_averaging_scores_the_averages_on_dev_from_its_first_epoch(tmp_path: Path) -> None:
    # the same seed trains the same networks: dev scores agree until averaging starts, then the running
    # mean (which lags behind a network still learning) scores differently; the best epoch's network is
    # the file written at the end
    torch.set_num_threads(1)
    enc = build_encoder(_SENTS, _WORDS, _STEMS, {"كريم": "PER"})
    words, stems = _vectors(len(_WORDS), 10, 0), _vectors(len(_STEMS), 6, 1)
    dev = (_SENTS[:6], _LABELS[:6])
    runs = [train(_args(epochs=9, average_from=n), (_SENTS, _LABELS), dev, enc, words, stems, tmp_path / f"d{n}.npz")
            for n in (0, 5)]
    plain, averaged = ([r["dev_f1"] for r in res["history"]] for res in runs)
    assert plain[:4] == averaged[:4]
    assert plain[4:] != averaged[4:]
    res = runs[1]
    assert res["best_dev_f1"] == max(averaged)
    tagged = NeuralTagger(tmp_path / "d5.npz", settings={}).tag_many(dev[0])
    assert round(score(dev[1], tagged).prf()[2], 2) == res["best_dev_f1"]


def test_weight_averaging_after_the_last_epoch_leaves_the_network_as_trained(tmp_path: Path) -> None:
    torch.set_num_threads(1)
    enc = build_encoder(_SENTS, _WORDS, _STEMS, {})
    words, stems = _vectors(len(_WORDS), 10, 0), _vectors(len(_STEMS), 6, 1)
    plain = train(_args(epochs=3), (_SENTS, _LABELS), None, enc, words, stems, tmp_path / "p.npz")["net"]
    late = train(_args(epochs=3, average_from=5), (_SENTS, _LABELS), None, enc, words, stems, tmp_path / "l.npz")["net"]
    assert all(torch.equal(v, late.state_dict()[k]) for k, v in plain.state_dict().items())
