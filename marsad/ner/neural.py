"""The neural Arabic NER tagger, run with NumPy: word and stem vectors learned from news, a character
CNN, a bidirectional LSTM and a CRF output layer (BIO labels PER / LOC / ORG / MISC).

The weights are trained with PyTorch by `scripts/train_ner_nn.py` and exported to one `.npz` file; no
deep-learning framework is needed to tag. `TokenEncoder` turns tokens into the model's input ids, and
is shared by training and tagging so both see the same inputs.

    from marsad.ner.neural import NeuralTagger
    NeuralTagger("marsad/ner/models/ner-nn.npz").tag(["وصل", "الرئيس", "بشار", "الأسد", "إلى", "حلب"])
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad.errors import InputError
from marsad.ner.conll import spans
from marsad.ner.features import MAX_TOKEN_CHARS, shape, strip_clitics
from marsad.ner.subword import SubwordVectors
from marsad.ner.tagger import MARSAD_TYPES, NameSpan, document_pass
from marsad.ner.vectors import unpack_words
from marsad.text.normalise import normalise

#: Characters of a token the character CNN reads (the first ones; longer tokens are cut).
MAX_CHARS = 20
#: Longest sentence tagged in one piece; longer token lists are tagged in chunks of this size.
MAX_SENTENCE_TOKENS = 400
#: Sentences run through the LSTM together (sorted by length, so padding stays small).
BATCH = 64

PAD, UNK = 0, 1
SHAPES = ("empty", "ar", "ar+p", "lat", "Lat", "LAT", "dig", "punct", "mix")
#: values of the self-training name lexicon: a type, optionally with how often the word was tagged so
LEXICON_TYPES = ("none", "PER", "LOC", "ORG", "MISC",
                 *(f"{t}:{band}" for t in ("PER", "LOC", "ORG", "MISC") for band in ("hi", "mid", "lo")))
#: the person-name gazetteer's two bands, for words the lexicon lacks (training.ner.gazetteer)
GAZ_TYPES = ("GAZ:hi", "GAZ:lo")
#: values of the name-lexicon input; networks trained without the gazetteer have only the lexicon's rows
NAME_TYPES = (*LEXICON_TYPES, *GAZ_TYPES)


def _index(words: Sequence[str]) -> dict[str, int]:
    """word → id, ids starting at 2 (0 is padding, 1 unknown)."""
    return {w: i + 2 for i, w in enumerate(words)}


class TokenEncoder:
    """Maps a token to the model's inputs: word id, stem id, clitic-pattern id, shape id, name-lexicon
    id and character ids. Vocabularies are lists (id = position + 2)."""

    def __init__(self, words: Sequence[str], stems: Sequence[str], chars: Sequence[str],
                 patterns: Sequence[str], names: dict[str, str], subword: SubwordVectors | None = None) -> None:
        self.words, self.stems, self.chars, self.patterns = list(words), list(stems), list(chars), list(patterns)
        self.names = names
        self.subword = subword
        self._vectors: dict[str, np.ndarray] = {}
        self._w, self._s, self._c, self._p = _index(words), _index(stems), _index(chars), _index(patterns)
        self._shape = {s: i for i, s in enumerate(SHAPES)}
        self._name = {s: i for i, s in enumerate(NAME_TYPES)}
        self._cache: dict[str, tuple[int, int, int, int, int, tuple[int, ...]]] = {}

    def encode(self, token: str) -> tuple[int, int, int, int, int, tuple[int, ...]]:
        """(word, stem, pattern, shape, name type, chars) ids of one token (cached)."""
        hit = self._cache.get(token)
        if hit is not None:
            return hit
        tok = token[:MAX_TOKEN_CHARS]
        n = normalise(tok)
        pat, stem = strip_clitics(n)
        nm = self.names.get(n) or self.names.get(stem) or "none"
        chars = tuple(self._c.get(ch, UNK) for ch in n[:MAX_CHARS]) or (UNK,)
        res = (self._w.get(n, UNK), self._s.get(stem, UNK), self._p.get(pat, UNK),
               self._shape.get(shape(tok), 0), self._name.get(nm, 0), chars)
        if len(self._cache) >= 50_000:
            self._cache.clear()
        self._cache[token] = res
        return res

    def batch(self, sentences: Sequence[Sequence[str]]) -> dict[str, np.ndarray]:
        """Padded id arrays for a list of sentences: ids (B, L, 5), chars (B, L, C), lengths (B,)."""
        enc = [[self.encode(t) for t in s] for s in sentences]
        b = len(enc)
        length = max((len(s) for s in enc), default=0)
        width = max((len(e[5]) for s in enc for e in s), default=1)
        ids = np.zeros((b, length, 5), dtype=np.int64)
        chars = np.zeros((b, length, width), dtype=np.int64)
        lengths = np.array([len(s) for s in enc], dtype=np.int64)
        for i, s in enumerate(enc):
            for j, e in enumerate(s):
                ids[i, j] = e[:5]
                chars[i, j, :len(e[5])] = e[5]
        out = {"ids": ids, "chars": chars, "lengths": lengths}
        if self.subword is not None:
            unknown = np.nonzero(ids[:, :, 0] == UNK)
            if len(unknown[0]):  # only batches with unknown words pay for the array
                out["oov"] = self._oov_vectors(sentences, ids.shape[:2], unknown)
        return out

    def _oov_vectors(self, sentences: Sequence[Sequence[str]], shape: tuple[int, ...],
                     unknown: tuple[np.ndarray, ...]) -> np.ndarray:
        """(B, L, D) n-gram vectors of the tokens at the `unknown` positions (which the word vocabulary
        lacks), zeros elsewhere (the unknown word's row of the vector table is zeros, so the two add up)."""
        assert self.subword is not None
        out = np.zeros((*shape, self.subword.dim), dtype=np.float32)
        for i, j in zip(*unknown):
            token = sentences[i][j]
            vec = self._vectors.get(token)
            if vec is None:
                if len(self._vectors) >= 50_000:
                    self._vectors.clear()
                vec = self._vectors[token] = self.subword.vector(normalise(token[:MAX_TOKEN_CHARS]))
            out[i, j] = vec
        return out

    def to_arrays(self) -> dict[str, np.ndarray]:
        """The vocabularies as arrays for an .npz file."""
        from marsad.ner.vectors import pack_words
        names = sorted(self.names.items())
        bad = sorted({t for _, t in names if t not in NAME_TYPES})
        if bad:
            raise ValueError(f"name lexicon types {bad} are not among {NAME_TYPES}")
        return {"vocab_words": pack_words(self.words), "vocab_stems": pack_words(self.stems),
                "vocab_chars": pack_words(self.chars), "vocab_patterns": pack_words(self.patterns),
                "names_words": pack_words([w for w, _ in names]),
                "names_types": np.array([NAME_TYPES.index(t) for _, t in names], dtype=np.int8),
                **(self.subword.to_arrays() if self.subword is not None else {})}

    @classmethod
    def from_arrays(cls, z: dict[str, np.ndarray]) -> "TokenEncoder":
        """The encoder stored by `to_arrays`."""
        names = dict(zip(unpack_words(z["names_words"]), (NAME_TYPES[int(t)] for t in z["names_types"])))
        return cls(unpack_words(z["vocab_words"]), unpack_words(z["vocab_stems"]), unpack_words(z["vocab_chars"]),
                   unpack_words(z["vocab_patterns"]), names, SubwordVectors.from_arrays(z))


def _lstm(x: np.ndarray, lengths: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, bias: np.ndarray,
          reverse: bool) -> np.ndarray:
    """One LSTM direction over padded inputs x (B, L, D) → (B, L, H), gates in the order i, f, o, g
    (see `_ifog`). The reverse direction reads each sentence from its own last token, so padding
    never leaks in. Each step works in preallocated buffers: the loop is bound by its arithmetic."""
    b, length, _ = x.shape
    hidden = w_hh.shape[1]
    if reverse:
        idx = np.maximum(lengths[:, None] - 1 - np.arange(length)[None, :], 0)
        x = np.take_along_axis(x, idx[:, :, None], axis=1)
    gates_x = np.ascontiguousarray(x.transpose(1, 0, 2)) @ w_ih.T  # (L, B, 4H), one step's slice contiguous
    gates_x += bias
    out = np.empty((length, b, hidden), dtype=x.dtype)
    c = np.zeros((b, hidden), dtype=x.dtype)
    h = np.zeros((b, hidden), dtype=x.dtype)
    g = np.empty((b, 4 * hidden), dtype=x.dtype)
    tmp = np.empty((b, hidden), dtype=x.dtype)
    w_hh_t = w_hh.T
    sig, cell = g[:, :3 * hidden], g[:, 3 * hidden:]
    i, f, o = g[:, :hidden], g[:, hidden:2 * hidden], g[:, 2 * hidden:3 * hidden]
    for t in range(length):
        np.matmul(h, w_hh_t, out=g)
        g += gates_x[t]
        sig *= 0.5  # sigmoid(x) = (tanh(x / 2) + 1) / 2, for i, f and o at once
        np.tanh(sig, out=sig)
        sig += 1.0
        sig *= 0.5
        np.tanh(cell, out=cell)
        c *= f
        np.multiply(i, cell, out=tmp)
        c += tmp
        np.tanh(c, out=tmp)
        h = out[t]
        np.multiply(o, tmp, out=h)
    out = out.transpose(1, 0, 2)
    if reverse:
        out = np.take_along_axis(out, idx[:, :, None], axis=1)
    return out


def _ifog(w: np.ndarray) -> np.ndarray:
    """LSTM weights or biases with their gate blocks moved from PyTorch's order i, f, g, o to i, f, o, g,
    so that the three sigmoid gates are contiguous."""
    i, f, g, o = np.split(w, 4, axis=0)
    return np.ascontiguousarray(np.concatenate([i, f, o, g], axis=0))


def allowed_transitions(labels: Sequence[str]) -> np.ndarray:
    """(T, T) booleans: may label j follow label i under BIO (I-X only after B-X or I-X)."""
    n = len(labels)
    ok = np.ones((n, n), dtype=bool)
    for j, lab in enumerate(labels):
        if lab.startswith("I-"):
            for i, prev in enumerate(labels):
                ok[i, j] = prev[2:] == lab[2:] and prev != "O"
    return ok


def allowed_starts(labels: Sequence[str]) -> np.ndarray:
    """(T,) booleans: may a sentence start with the label (not with I-)."""
    return np.array([not lab.startswith("I-") for lab in labels])


def viterbi(emissions: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    """The best label path for one sentence's (L, T) emission scores under a linear-chain CRF."""
    length = emissions.shape[0]
    score = start + emissions[0]
    back = np.empty((length, emissions.shape[1]), dtype=np.int64)
    for t in range(1, length):
        cand = score[:, None] + trans
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + emissions[t]
    score = score + end
    path = [int(score.argmax())]
    for t in range(length - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def _logsumexp(x: np.ndarray, axis: int) -> np.ndarray:
    m = x.max(axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    return (m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True))).squeeze(axis)


def marginals(emissions: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """(L, T) marginal probabilities of each label at each position (forward-backward in log space)."""
    length, n = emissions.shape
    alpha = np.empty((length, n))
    beta = np.empty((length, n))
    alpha[0] = start + emissions[0]
    for t in range(1, length):
        alpha[t] = _logsumexp(alpha[t - 1][:, None] + trans, 0) + emissions[t]
    beta[-1] = end
    for t in range(length - 2, -1, -1):
        beta[t] = _logsumexp(trans + (emissions[t + 1] + beta[t + 1])[None, :], 1)
    log_z = _logsumexp(alpha[-1] + end, 0)
    return np.exp(alpha + beta - log_z)


@dataclass(frozen=True, slots=True)
class _Weights:
    word_emb: np.ndarray
    stem_emb: np.ndarray
    pat_emb: np.ndarray
    shape_emb: np.ndarray
    name_emb: np.ndarray
    char_emb: np.ndarray
    conv_w: np.ndarray  # (F, C*K)
    conv_b: np.ndarray
    fw: tuple[np.ndarray, np.ndarray, np.ndarray]
    bw: tuple[np.ndarray, np.ndarray, np.ndarray]
    out_w: np.ndarray
    out_b: np.ndarray
    trans: np.ndarray
    start: np.ndarray
    end: np.ndarray


#: weights every ensemble member shares (stored once, without a member prefix)
SHARED_KEYS = ("word_emb", "stem_emb")


def _member(arrays: dict[str, np.ndarray], prefix: str) -> _Weights:
    """One network's weights (keys `prefix + name`; the frozen word and stem vectors are shared)."""
    def get(name: str) -> np.ndarray:
        key = name if name in SHARED_KEYS else prefix + name
        if key not in arrays:
            raise KeyError(key)
        return np.asarray(arrays[key], dtype=np.float32)
    return _Weights(
        get("word_emb"), get("stem_emb"), get("pat_emb"), get("shape_emb"), get("name_emb"), get("char_emb"),
        get("conv_w"), get("conv_b"), (_ifog(get("fw_w_ih")), _ifog(get("fw_w_hh")), _ifog(get("fw_b"))),
        (_ifog(get("bw_w_ih")), _ifog(get("bw_w_hh")), _ifog(get("bw_b"))), get("out_w"), get("out_b"),
        get("trans").astype(np.float64), get("start").astype(np.float64), get("end").astype(np.float64))


def sidecar_path(model_path: Path) -> Path:
    """The JSON sidecar (data checksums, settings, scores) of a model file."""
    return model_path.with_name(model_path.name.removesuffix(".npz") + ".json")


class NeuralTagger:
    """A BiLSTM-CRF tagger read from an .npz file: `tag(tokens)` gives BIO labels for one sentence,
    `tag_many` for many at once (faster), `tag_document` adds the document consistency pass."""

    def __init__(self, model_path: str | Path, settings: dict[str, object] | None = None) -> None:
        path = Path(model_path)
        if not path.is_file():
            raise InputError(str(path), "NER model file not found")
        try:
            with np.load(path, allow_pickle=False) as z:
                arrays = {k: z[k] for k in z.files}
        except (OSError, ValueError, EOFError) as exc:
            raise InputError(str(path), f"not a marsad neural NER model ({exc})") from None
        try:
            self.labels = unpack_words(arrays["labels"])
            self.encoder = TokenEncoder.from_arrays(arrays)
            self.kernel = int(arrays["conv_kernel"])
            for key in SHARED_KEYS:  # stored as float16; converted once for every member
                arrays[key] = np.asarray(arrays[key], dtype=np.float32)
            count = int(arrays["members"]) if "members" in arrays else 1
            prefixes = [f"m{k}." for k in range(count)] if "members" in arrays else [""]
            self.members = [_member(arrays, pre) for pre in prefixes]
        except KeyError as exc:
            raise InputError(str(path), f"not a marsad neural NER model (no {exc.args[0]!r})") from None
        except ValueError as exc:  # a malformed n-gram table
            raise InputError(str(path), f"not a marsad neural NER model ({exc})") from None
        sub = self.encoder.subword
        if sub is not None and sub.dim != self.members[0].word_emb.shape[1]:
            raise InputError(str(path), f"not a marsad neural NER model (n-gram vectors of {sub.dim} "
                             f"dimensions, word vectors of {self.members[0].word_emb.shape[1]})")
        # an ensemble scores with the mean of its members' scores (a product of experts)
        neg = -1e4
        trans = np.mean([m.trans for m in self.members], axis=0)
        self._trans = np.where(allowed_transitions(self.labels), trans, neg)
        self._start = np.where(allowed_starts(self.labels), np.mean([m.start for m in self.members], axis=0), neg)
        self._end = np.mean([m.end for m in self.members], axis=0)
        sc = sidecar_path(path)
        meta: dict[str, object] = {}
        if sc.is_file():
            try:
                meta = json.loads(sc.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise InputError(str(sc), f"unreadable model sidecar ({exc})") from None
        if settings is None:
            inf = meta.get("settings", {})
            settings = dict(inf.get("inference", {})) if isinstance(inf, dict) else {}
        self.settings = settings
        self.meta = meta
        self.path = path

    # -- the network -------------------------------------------------------------------------
    def _char_features(self, w: _Weights, chars: np.ndarray) -> np.ndarray:
        """(N, F) max-pooled CNN features for N tokens' padded character ids (N, C)."""
        k = self.kernel
        n, width = chars.shape
        pad = k // 2
        emb = w.char_emb[chars]  # (N, C, E)
        mask = chars != PAD
        emb = np.pad(emb, ((0, 0), (pad, pad), (0, 0)))
        win = np.stack([emb[:, i:i + width] for i in range(k)], axis=2)  # (N, C, K, E)
        win = win.reshape(n, width, -1)
        conv = win @ w.conv_w.T + w.conv_b  # (N, C, F)
        conv = np.where(mask[:, :, None], conv, -np.inf)
        out = conv.max(axis=1)
        return np.where(np.isfinite(out), out, 0.0).astype(np.float32)

    def emissions(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """(L, T) label scores for each sentence (one batch; sentences must be non-empty)."""
        enc = self.encoder.batch(sentences)
        ids, chars, lengths = enc["ids"], enc["chars"], enc["lengths"]
        b, length = ids.shape[:2]
        # the character CNN runs once per distinct token of the batch (padding rows included once)
        uniq, inverse = np.unique(chars.reshape(b * length, -1), axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        scores = None
        for w in self.members:
            words = w.word_emb[ids[:, :, 0]]
            if "oov" in enc:
                words = words + enc["oov"]
            x = np.concatenate([
                words, w.stem_emb[ids[:, :, 1]], w.pat_emb[ids[:, :, 2]],
                w.shape_emb[ids[:, :, 3]], w.name_emb[ids[:, :, 4]],
                self._char_features(w, uniq)[inverse].reshape(b, length, -1)], axis=2)
            h = np.concatenate([_lstm(x, lengths, *w.fw, reverse=False), _lstm(x, lengths, *w.bw, reverse=True)],
                               axis=2)
            one = h @ w.out_w.T + w.out_b
            scores = one if scores is None else scores + one
        assert scores is not None
        scores = scores / len(self.members)
        return [scores[i, :lengths[i]].astype(np.float64) for i in range(b)]

    # -- tagging -------------------------------------------------------------------------------
    def _chunks(self, sentences: Sequence[Sequence[str]]) -> tuple[list[list[str]], list[tuple[int, int]]]:
        pieces: list[list[str]] = []
        where: list[tuple[int, int]] = []
        for si, s in enumerate(sentences):
            toks = [t if isinstance(t, str) else str(t) for t in s]
            for off in range(0, len(toks), MAX_SENTENCE_TOKENS):
                pieces.append(toks[off:off + MAX_SENTENCE_TOKENS])
                where.append((si, off))
        return pieces, where

    @property
    def crf(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The decoder's (transition, start, end) scores, invalid BIO moves ruled out."""
        return self._trans, self._start, self._end

    def scores_many(self, pieces: list[list[str]]) -> list[np.ndarray]:
        """(L, T) label scores of many non-empty sentences of at most MAX_SENTENCE_TOKENS tokens,
        batched by length."""
        order = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))
        out: list[np.ndarray] = [np.zeros((0, len(self.labels)))] * len(pieces)
        for k in range(0, len(order), BATCH):
            idx = order[k:k + BATCH]
            for i, em in zip(idx, self.emissions([pieces[i] for i in idx])):
                out[i] = em
        return out

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels for many sentences (batched through the network)."""
        pieces, where = self._chunks(sentences)
        out: list[list[str]] = [[] for _ in sentences]
        for (si, _), em in zip(where, self.scores_many(pieces)):
            out[si].extend(self.labels[j] for j in viterbi(em, self._trans, self._start, self._end))
        return out

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO labels for one sentence's tokens."""
        return self.tag_many([tokens])[0] if len(tokens) else []

    def tag_spans(self, tokens: Sequence[str]) -> list[NameSpan]:
        """The names of one sentence as `NameSpan`s with marsad types and confidences (the lowest
        marginal probability of the span's labels); no propagation."""
        pieces, where = self._chunks([tokens])
        out = []
        for (_, off), em in zip(where, self.scores_many(pieces)):
            path = viterbi(em, self._trans, self._start, self._end)
            marg = marginals(em, self._trans, self._start, self._end)
            labels = [self.labels[j] for j in path]
            for a, b, typ in spans(labels):
                conf = float(min(marg[i, path[i]] for i in range(a, b)))
                out.append(NameSpan(off + a, off + b, typ, MARSAD_TYPES.get(typ), round(conf, 4)))
        return out

    def tag_document(self, sentences: Sequence[Sequence[str]], propagate: bool | None = None,
                     window: int | None = None) -> list[list[str]]:
        """BIO labels for every sentence of one document, with names found once propagated to their
        untagged repeats later in the document (within `window` sentences; None: whole document)."""
        return document_pass(sentences, self.tag_many(sentences), self.settings, propagate, window)
