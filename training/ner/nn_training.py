"""Training the neural NER tagger with PyTorch and exporting it to NumPy (`marsad.ner.neural`).

Training only: needs the `train` extra (torch). `train()` fits a char-CNN + BiLSTM + CRF on BIO-labelled
sentences, `export()` writes the .npz file `NeuralTagger` reads. Used by `scripts/train_ner_nn.py` and
by the tests, which train a tiny model on sentences of their own.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence
from torch.optim.swa_utils import AveragedModel

from marsad.ner.conll import score
from marsad.ner.features import strip_clitics
from marsad.ner.neural import LEXICON_TYPES, NAME_TYPES, PAD, SHAPES, SHARED_KEYS, UNK, NeuralTagger, TokenEncoder
from marsad.ner.subword import SubwordVectors
from marsad.ner.vectors import pack_words
from marsad.text.normalise import normalise
from training.ner.augment import mention_pool, replace_mentions
from training.ner.distillation import distill_loss, target_tensor

#: The key of the distillation sentences among the training sets (not an output layer's name).
DISTILL = "__distill__"
#: The label set, in the order of the exported output layer.
LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]


def name_rows(enc: TokenEncoder) -> int:
    """Rows of the name-type embedding: all of NAME_TYPES when the encoder's lexicon holds gazetteer
    types, else only the lexicon's (the shape of the networks trained before the gazetteer existed)."""
    return len(NAME_TYPES) if set(enc.names.values()) - set(LEXICON_TYPES) else len(LEXICON_TYPES)


class Net(nn.Module):
    """The network whose weights `marsad.ner.neural.NeuralTagger` runs in NumPy."""

    def __init__(self, enc: TokenEncoder, word_vecs: np.ndarray, stem_vecs: np.ndarray, args: argparse.Namespace) -> None:
        super().__init__()
        self.word = self._pretrained(word_vecs, args.freeze)
        self.stem = self._pretrained(stem_vecs, args.freeze)
        self.pat = nn.Embedding(len(enc.patterns) + 2, 8)
        self.shape = nn.Embedding(len(SHAPES), 4)
        self.name = nn.Embedding(name_rows(enc), 8 if args.names else 1)
        if not args.names:
            nn.init.zeros_(self.name.weight)
            self.name.weight.requires_grad = False
        self.char = nn.Embedding(len(enc.chars) + 2, args.char_dim, padding_idx=PAD)
        self.kernel = args.kernel
        self.conv = nn.Conv1d(args.char_dim, args.filters, args.kernel, padding=args.kernel // 2)
        width = word_vecs.shape[1] + stem_vecs.shape[1] + 8 + 4 + self.name.embedding_dim + args.filters
        self.drop = nn.Dropout(args.dropout)
        self.lstm = nn.LSTM(width, args.hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * args.hidden, len(LABELS))
        self.trans = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
        self.start = nn.Parameter(torch.zeros(len(LABELS)))
        self.end = nn.Parameter(torch.zeros(len(LABELS)))
        # one output layer and CRF per auxiliary data set (other annotation schemes share the encoder
        # but never the output layer; only the main head is exported)
        self.aux = nn.ModuleDict({name: _Head(2 * args.hidden) for name in getattr(args, "aux_names", ())})

    @staticmethod
    def _pretrained(vecs: np.ndarray, freeze: bool) -> nn.Embedding:
        table = np.zeros((vecs.shape[0] + 2, vecs.shape[1]), dtype=np.float32)
        table[2:] = vecs
        emb = nn.Embedding.from_pretrained(torch.from_numpy(table), freeze=freeze, padding_idx=PAD)
        return emb

    def encode(self, ids: torch.Tensor, chars: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """(B, L, 2H) BiLSTM states (forward half, then backward half), dropout applied."""
        b, length = ids.shape[:2]
        c = self.char(chars.view(b * length, -1))  # (N, C, E)
        conv = self.conv(c.transpose(1, 2))  # (N, F, C)
        conv = conv.masked_fill((chars.view(b * length, -1) == PAD)[:, None, :], -1e4)
        cf = conv.max(dim=2).values.view(b, length, -1)
        x = torch.cat([self.word(ids[:, :, 0]), self.stem(ids[:, :, 1]), self.pat(ids[:, :, 2]),
                       self.shape(ids[:, :, 3]), self.name(ids[:, :, 4]), cf], dim=2)
        x = self.drop(x)
        packed = pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
        h, _ = self.lstm(packed)
        h, _ = pad_packed_sequence(h, batch_first=True, total_length=length)
        return self.drop(h)

    def emissions(self, ids: torch.Tensor, chars: torch.Tensor, lengths: torch.Tensor,
                  head: str | None = None) -> torch.Tensor:
        """(B, L, T) label scores of the main head (or of the auxiliary head `head`)."""
        h = self.encode(ids, chars, lengths)
        return self.out(h) if head is None else self.aux[head].out(h)

    def nll(self, em: torch.Tensor, tags: torch.Tensor, lengths: torch.Tensor, head: str | None = None) -> torch.Tensor:
        """Summed negative log-likelihood of the gold label paths under the CRF (of `head`)."""
        crf = self if head is None else self.aux[head]
        return crf_nll(em, tags, lengths, crf.trans, crf.start, crf.end)


class _Head(nn.Module):
    """An auxiliary output layer with its own CRF parameters."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.out = nn.Linear(width, len(LABELS))
        self.trans = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
        self.start = nn.Parameter(torch.zeros(len(LABELS)))
        self.end = nn.Parameter(torch.zeros(len(LABELS)))


def crf_nll(em: torch.Tensor, tags: torch.Tensor, lengths: torch.Tensor, trans: torch.Tensor,
            start: torch.Tensor, end: torch.Tensor) -> torch.Tensor:
    """Summed negative log-likelihood of gold label paths (B, L) given emissions (B, L, T)."""
    length = em.shape[1]
    mask = torch.arange(length)[None, :] < lengths[:, None]
    gold = start[tags[:, 0]] + em.gather(2, tags[:, :, None]).squeeze(2).masked_fill(~mask, 0).sum(1)
    if length > 1:
        gold = gold + (trans[tags[:, :-1], tags[:, 1:]] * mask[:, 1:]).sum(1)
    gold = gold + end[tags.gather(1, (lengths - 1)[:, None]).squeeze(1)]
    alpha = start[None, :] + em[:, 0]
    for t in range(1, length):
        nxt = torch.logsumexp(alpha[:, :, None] + trans[None] + em[:, t, None, :], dim=1)
        alpha = torch.where(mask[:, t, None], nxt, alpha)
    log_z = torch.logsumexp(alpha + end[None, :], dim=1)
    return (log_z - gold).sum()


def tensors(enc: TokenEncoder, sents: list[list[str]], labels: list[list[str]] | None,
            word_dropout: float = 0.0, rng: random.Random | None = None) -> list[torch.Tensor]:
    """Input tensors [ids, chars, lengths] (+ label ids when `labels` is given) for a batch; with
    `word_dropout`, that share of word and stem ids becomes unknown (the network learns to lean on
    characters for unseen words)."""
    arr = enc.batch(sents)
    ids = torch.from_numpy(arr["ids"])
    if word_dropout and rng is not None:
        ids = drop_words(ids, word_dropout, rng)
    out = [ids, torch.from_numpy(arr["chars"]), torch.from_numpy(arr["lengths"])]
    if labels is not None:
        tags = torch.zeros(ids.shape[:2], dtype=torch.long)
        for i, labs in enumerate(labels):
            tags[i, :len(labs)] = torch.tensor([LABELS.index(x) for x in labs])
        out.append(tags)
    return out


def drop_words(ids: torch.Tensor, rate: float, rng: random.Random) -> torch.Tensor:
    """A copy of the (B, L, 5) input ids with a `rate` share of word and stem ids made unknown."""
    ids = ids.clone()
    drop = torch.from_numpy(np.array([[rng.random() < rate for _ in range(ids.shape[1])]
                                      for _ in range(ids.shape[0])], dtype=bool).reshape(ids.shape[:2]))
    ids[:, :, 0] = ids[:, :, 0].masked_fill(drop & (ids[:, :, 0] != PAD), UNK)
    ids[:, :, 1] = ids[:, :, 1].masked_fill(drop & (ids[:, :, 1] != PAD), UNK)
    return ids


#: parameters that belong to the task, not to the encoder: a pretrained encoder never brings them
TASK_PARAMS = ("out.", "trans", "start", "end", "aux.")


def load_encoder(net: Net, path: Path) -> list[str]:
    """Initialise `net`'s encoder (embeddings, character CNN, BiLSTM) from a pretrained state file
    (`training.ner.lm_pretraining`); returns the names of the tensors loaded. Shapes must match."""
    state = torch.load(path)
    state = {k: v for k, v in state.items() if not k.startswith(TASK_PARAMS)}
    missing = [k for k in state if k not in net.state_dict()]
    if missing:
        raise ValueError(f"{path}: not an encoder of this network (unknown {missing[:3]})")
    net.load_state_dict(state, strict=False)
    return sorted(state)


def add_net_arguments(ap: argparse.ArgumentParser) -> None:
    """The network's shape options, shared by the training and pretraining scripts."""
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--char-dim", type=int, default=32)
    ap.add_argument("--filters", type=int, default=64)
    ap.add_argument("--kernel", type=int, default=3)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--word-dropout", type=float, default=0.05)
    ap.add_argument("--freeze", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--names", action=argparse.BooleanOptionalAction, default=True,
                    help="use the self-training name lexicon of the CRF model as an input")


def _net_arrays(net: Net) -> dict[str, np.ndarray]:
    """The arrays of one network in the layout `NeuralTagger` reads."""
    g = {k: v.detach().cpu().numpy() for k, v in net.state_dict().items()}
    conv = g["conv.weight"]  # (F, E, K) → (F, K*E), the window layout NumPy builds
    return {
        "word_emb": g["word.weight"].astype(np.float16), "stem_emb": g["stem.weight"].astype(np.float16),
        "pat_emb": g["pat.weight"], "shape_emb": g["shape.weight"], "name_emb": g["name.weight"],
        "char_emb": g["char.weight"], "conv_w": conv.transpose(0, 2, 1).reshape(conv.shape[0], -1),
        "conv_b": g["conv.bias"],
        "fw_w_ih": g["lstm.weight_ih_l0"], "fw_w_hh": g["lstm.weight_hh_l0"],
        "fw_b": g["lstm.bias_ih_l0"] + g["lstm.bias_hh_l0"],
        "bw_w_ih": g["lstm.weight_ih_l0_reverse"], "bw_w_hh": g["lstm.weight_hh_l0_reverse"],
        "bw_b": g["lstm.bias_ih_l0_reverse"] + g["lstm.bias_hh_l0_reverse"],
        "out_w": g["out.weight"], "out_b": g["out.bias"],
        "trans": g["trans"], "start": g["start"], "end": g["end"],
    }


def export(net: Net | Sequence[Net], enc: TokenEncoder, path: Path) -> None:
    """Write one network (or an ensemble of networks sharing frozen word and stem vectors) and the
    encoder's vocabularies to one .npz file."""
    nets = [net] if isinstance(net, Net) else list(net)
    parts = [_net_arrays(n) for n in nets]
    arrays: dict[str, np.ndarray] = {**enc.to_arrays(), "labels": pack_words(LABELS),
                                     "conv_kernel": np.array(nets[0].kernel)}
    if len(parts) == 1:
        arrays.update(parts[0])
    else:
        for key in SHARED_KEYS:
            if any(not np.array_equal(p[key], parts[0][key]) for p in parts[1:]):
                raise ValueError(f"ensemble members differ in {key} (train them with frozen vectors)")
            arrays[key] = parts[0][key]
        if any(n.kernel != nets[0].kernel for n in nets):
            raise ValueError("ensemble members differ in their character kernel")
        arrays["members"] = np.array(len(parts))
        for k, p in enumerate(parts):
            arrays.update({f"m{k}.{name}": v for name, v in p.items() if name not in SHARED_KEYS})
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)


def build_encoder(sents: list[list[str]], words: list[str], stems: list[str], names: dict[str, str],
                  subword: SubwordVectors | None = None) -> TokenEncoder:
    """An encoder over the pretrained vocabularies, the characters seen twice or more in training and
    the clitic patterns seen in training (and the n-gram table for unknown words, if any)."""
    chars = Counter(ch for s in sents for t in s for ch in normalise(t))
    pats = Counter(strip_clitics(normalise(t))[0] for s in sents for t in s)
    return TokenEncoder(words, stems, sorted(c for c, n in chars.items() if n >= 2 and c != "\n"),
                        sorted(p for p in pats if p), names, subword)


def evaluate(tagger: NeuralTagger, sents: list[list[str]], gold: list[list[str]]) -> dict[str, object]:
    """Exact-span scores of `tagger` on labelled sentences, tokens/s, and the scores with the document
    pass (names propagated within 30 sentences)."""
    t0 = time.perf_counter()
    pred = tagger.tag_many(sents)
    secs = time.perf_counter() - t0
    res = score(gold, pred).as_dict()
    res["tokens_per_s"] = round(sum(map(len, sents)) / secs)
    prop = tagger.tag_document(sents, window=30)
    res["with_propagation"] = score(gold, prop).as_dict()
    return res


def length_batches(order: list[int], sents: list[list[str]], size: int) -> list[list[int]]:
    """Batches of similar length: the shuffled order cut into chunks of 50 batches, sorted within."""
    out = []
    for k in range(0, len(order), size * 50):
        chunk = sorted(order[k:k + size * 50], key=lambda i: len(sents[i]))
        out.extend(chunk[i:i + size] for i in range(0, len(chunk), size))
    return out


def train(args: argparse.Namespace, train_set: tuple, dev_set: tuple | None, enc: TokenEncoder,
          word_vecs: np.ndarray, stem_vecs: np.ndarray, out: Path, aux: tuple = (),
          distill: tuple | None = None) -> dict[str, object]:
    """Fit the network on `train_set` (sentences, BIO labels), choosing the epoch by F1 on `dev_set`
    when given, and export it to `out` (the result's "net" is the trained network). `aux` holds extra
    (sentences, labels) sets, one per name in `args.aux_names`, each trained through its own output
    layer (multi-task). `distill` holds (sentences, teacher scores) from `training.ner.distillation`:
    each epoch, `args.distill_ratio` x the main set of them teach the main output layer the teacher's
    label distributions (weight `args.distill_weight`, temperature `args.distill_temperature`). With
    `args.swap_rate`, each epoch that share of the main set's mentions (of the types in
    `args.swap_types`, default all) is swapped for random mentions of the same type from the main and
    auxiliary sets (`training.ner.augment`). With `args.average_from` N > 0, from epoch N on the network
    scored and exported is the mean of its weights at the end of epochs N, N+1, ... (weight averaging,
    torch's `AveragedModel`)."""
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    net = Net(enc, word_vecs, stem_vecs, args)
    if getattr(args, "init", None):
        print(f"encoder from {args.init}: {len(load_encoder(net, args.init))} tensors", flush=True)
    params = [p for p in net.parameters() if p.requires_grad]
    opt = torch.optim.Adam(params, lr=args.lr)
    sets: dict[str | None, tuple] = {None: train_set, **dict(zip(getattr(args, "aux_names", ()), aux))}
    if distill is not None:
        sets[DISTILL] = distill
    sents = train_set[0]
    swap_rate = getattr(args, "swap_rate", 0.0)
    if swap_rate:
        swap_types = getattr(args, "swap_types", None)
        pool = mention_pool([train_set, *aux], types=swap_types.split(",") if swap_types else None)
    average_from = getattr(args, "average_from", 0)
    averaged = AveragedModel(net) if average_from > 0 else None
    best = (-1.0, 0)
    history = []
    for epoch in range(1, args.epochs + 1):
        t0 = time.time()
        net.train()
        if swap_rate:
            swapped = [replace_mentions(t, lab, pool, swap_rate, rng) for t, lab in zip(*train_set)]
            sets[None] = ([t for t, _ in swapped], [lab for _, lab in swapped])
        batches: list[tuple[str | None, list[int]]] = []
        for name, (ss, _) in sets.items():
            order = list(range(len(ss)))
            rng.shuffle(order)
            if name == DISTILL:
                order = order[:int(len(sents) * getattr(args, "distill_ratio", 1.0))]
            elif name is not None:  # an auxiliary set: a sample as large as aux_ratio x the main set
                order = order[:int(len(sents) * getattr(args, "aux_ratio", 1.0))]
            batches.extend((name, b) for b in length_batches(order, ss, args.batch))
        rng.shuffle(batches)
        total = 0.0
        for name, bi in batches:
            ss, ll = sets[name]
            opt.zero_grad()
            if name == DISTILL:
                ids, chars, lengths = tensors(enc, [ss[i] for i in bi], None, args.word_dropout, rng)
                target = target_tensor([ll[i] for i in bi], ids.shape[1])
                loss = getattr(args, "distill_weight", 1.0) * distill_loss(
                    net.emissions(ids, chars, lengths), target, lengths, getattr(args, "distill_temperature", 1.0))
            else:
                ids, chars, lengths, tags = tensors(enc, [ss[i] for i in bi], [ll[i] for i in bi],
                                                    args.word_dropout, rng)
                loss = net.nll(net.emissions(ids, chars, lengths, name), tags, lengths, name)
            (loss / len(bi)).backward()
            nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            if name is None:
                total += float(loss.detach())
        net.eval()
        rec = {"epoch": epoch, "loss": round(total / len(sents), 3), "seconds": round(time.time() - t0)}
        current = net
        if averaged is not None and epoch >= average_from:
            averaged.update_parameters(net)
            current = averaged.module.eval()
        if dev_set is not None:
            export(current, enc, out)
            f1 = score(dev_set[1], NeuralTagger(out, settings={}).tag_many(dev_set[0])).prf()[2]
            rec["dev_f1"] = round(f1, 2)
            if f1 > best[0]:
                best = (f1, epoch)
                torch.save(current.state_dict(), out.with_suffix(".best.pt"))
        history.append(rec)
        print(json.dumps(rec), flush=True)
        if dev_set is not None and epoch - best[1] >= args.patience:
            break
    if averaged is not None and int(averaged.n_averaged) > 0:
        net = averaged.module.eval()
    if dev_set is not None:
        net.load_state_dict(torch.load(out.with_suffix(".best.pt")))
    export(net, enc, out)
    return {"history": history, "best_dev_f1": round(best[0], 2), "best_epoch": best[1], "net": net}
