"""Build a `Lexicon` of distributional signatures from unlabelled Arabic text (training time only).

For every word seen often enough: its two most frequent left and right neighbours among the most
frequent context words, a pseudo-cluster (top left | top right neighbour), a frequency band and, for its
clitic-stripped stem, how often it carries the article ال (proper names rarely do). Pure Python, one
pass to count words and one to count contexts.
"""

from __future__ import annotations

import gzip
import json
import math
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from marsad.ner.features import Lexicon, strip_clitics
from marsad.text.normalise import normalise

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def corpus_texts(path: str | Path, limit: int | None = None) -> Iterator[str]:
    """Title and text of each record of a JSON Lines file (gzipped when it ends in .gz)."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                break
            rec = json.loads(line)
            yield (rec.get("title") or "") + "\n" + (rec.get("text") or "")


def tokenised(texts: Iterable[str]) -> Iterator[list[str]]:
    """Normalised tokens of each text (words and single punctuation marks; '#' hashtags dropped)."""
    for text in texts:
        yield [normalise(t) for t in _TOKEN.findall(text.replace("#", " "))]


def _band(ratio: float) -> str:
    if ratio < 0.02:
        return "0"
    if ratio < 0.3:
        return "lo"
    if ratio < 0.9:
        return "mid"
    return "hi"


def simhash_contexts(left: dict[str, Counter[str]], right: dict[str, Counter[str]], freq: Counter[str],
                     keep: set[str], bits: int = 16, min_count: int = 20, seed: int = 7) -> dict[str, str]:
    """A bit string per word (seen `min_count` times or more): the signs of `bits` fixed random projections
    of its positive-PMI left/right context vector, so words used alike share many bits (a cheap stand-in
    for word clusters; prefixes of 4, 8, 12 bits act as coarser classes)."""
    rng = random.Random(seed)
    total = sum(freq.values())
    planes: dict[str, list[float]] = {}
    out: dict[str, str] = {}
    for w in sorted(keep):
        if freq[w] < min_count:
            continue
        acc = [0.0] * bits
        for side, table in (("l", left), ("r", right)):
            ctr = table.get(w)
            if not ctr:
                continue
            n = sum(ctr.values())
            for c, k in sorted(ctr.items()):
                pc = freq[c] / total if c in freq else 0.01  # "<s>" / "</s>": a nominal share
                val = math.log((k / n) / pc) if pc > 0 else 0.0
                if val <= 0:
                    continue
                key = side + c
                vec = planes.get(key)
                if vec is None:
                    vec = planes[key] = [rng.gauss(0.0, 1.0) for _ in range(bits)]
                for b in range(bits):
                    acc[b] += val * vec[b]
        out[w] = "".join("1" if x > 0 else "0" for x in acc)
    return out


def build_lexicon(docs: list[list[str]], min_count: int = 3, contexts: int = 300,
                  simhash_bits: bool = False) -> Lexicon:
    """A Lexicon from tokenised documents; `contexts` is how many frequent words serve as neighbours;
    `simhash_bits` adds context-vector hash classes (h4/h8/h12/h16)."""
    freq: Counter[str] = Counter()
    for toks in docs:
        freq.update(toks)
    ctx = {w for w, _ in freq.most_common(contexts)}
    keep = {w for w, c in freq.items() if c >= min_count}
    left: dict[str, Counter[str]] = {}
    right: dict[str, Counter[str]] = {}
    for toks in docs:
        prev = "<s>"
        for i, w in enumerate(toks):
            if w in keep:
                if prev in ctx or prev == "<s>":
                    left.setdefault(w, Counter())[prev] += 1
                nxt = toks[i + 1] if i + 1 < len(toks) else "</s>"
                if nxt in ctx or nxt == "</s>":
                    right.setdefault(w, Counter())[nxt] += 1
            prev = w
    stem_al: Counter[str] = Counter()
    stem_all: Counter[str] = Counter()
    for w, c in freq.items():
        pat, stem = strip_clitics(w)
        stem_all[stem] += c
        if pat.endswith("ال") or pat.endswith("لل"):
            stem_al[stem] += c
    hashes = simhash_contexts(left, right, freq, keep) if simhash_bits else {}
    words: dict[str, str] = {}
    for w in keep:
        parts = []
        lc = left.get(w)
        rc = right.get(w)
        top_l = [x for x, _ in lc.most_common(2)] if lc else []
        top_r = [x for x, _ in rc.most_common(2)] if rc else []
        for k, x in enumerate(top_l):
            parts.append(f"l{k}={x}")
        for k, x in enumerate(top_r):
            parts.append(f"r{k}={x}")
        parts.append(f"c={top_l[0] if top_l else '-'}|{top_r[0] if top_r else '-'}")
        _, stem = strip_clitics(w)
        if stem_all[stem] >= min_count:
            parts.append("a=" + _band(stem_al[stem] / stem_all[stem]))
        parts.append(f"f={min(int(math.log2(freq[w])), 14)}")
        h = hashes.get(w)
        if h:
            parts.extend(f"h{k}={h[:k]}" for k in range(4, len(h) + 1, 4))
        words[w] = " ".join(p.replace(" ", "_") for p in parts)
    stems: dict[str, str] = {}
    for stem, c in stem_all.items():
        if c >= min_count and stem not in words:
            stems[stem] = f"a={_band(stem_al[stem] / c)} f={min(int(math.log2(c)), 14)}"
    meta = {"documents": len(docs), "tokens": sum(freq.values()), "min_count": min_count,
            "contexts": contexts}
    return Lexicon(words=words, stems=stems, meta=meta)


def split_sentences(tokens: list[str], max_len: int = 80) -> Iterator[list[str]]:
    """Pieces of a token list ending at sentence punctuation (and at most `max_len` long)."""
    cur: list[str] = []
    for t in tokens:
        cur.append(t)
        if t in (".", "؟", "?", "!", "\n") or len(cur) >= max_len:
            yield cur
            cur = []
    if cur:
        yield cur


def _sentence_batches(docs: Iterable[list[str]], size: int) -> Iterator[list[list[str]]]:
    batch: list[list[str]] = []
    for toks in docs:
        batch.extend(split_sentences(toks))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def name_lexicon(tag_many: Callable[[list[list[str]]], list[list[str]]], docs: Iterable[list[str]],
                 min_count: int = 3, batch: int = 512) -> dict[str, str]:
    """Self-training name lexicon: tag unlabelled documents with `tag_many` (a tagger of a list of
    sentences, called with about `batch` at a time) and keep, for each word tagged as part of a name at
    least once, its majority type and how often it is tagged so ("PER:hi" = a person name in at least
    60% of its occurrences)."""
    total: Counter[str] = Counter()
    typed: dict[str, Counter[str]] = {}
    for sents in _sentence_batches(docs, batch):
        for sent, labels in zip(sents, tag_many(sents)):
            _count(sent, labels, total, typed)
    return _banded(total, typed, min_count)


def annotated_lexicon(sents: Iterable[list[str]], labels: Iterable[list[str]], min_count: int = 2) -> dict[str, str]:
    """The name lexicon of labelled sentences (a training set of another corpus, never the one the
    network learns from): each normalised word labelled as part of a name, with its majority type and
    how often it is labelled so, in the bands of `name_lexicon`."""
    total: Counter[str] = Counter()
    typed: dict[str, Counter[str]] = {}
    for sent, labs in zip(sents, labels):
        _count([normalise(w) for w in sent], labs, total, typed)
    return _banded(total, typed, min_count)


def _count(sent: list[str], labels: list[str], total: Counter[str], typed: dict[str, Counter[str]]) -> None:
    for w, lab in zip(sent, labels):
        total[w] += 1
        if lab != "O":
            typed.setdefault(w, Counter())[lab[2:]] += 1


def _banded(total: Counter[str], typed: dict[str, Counter[str]], min_count: int) -> dict[str, str]:
    out: dict[str, str] = {}
    for w, c in typed.items():
        n = total[w]
        if n < min_count:
            continue
        typ, k = c.most_common(1)[0]
        ratio = k / n
        band = "hi" if ratio >= 0.6 else "mid" if ratio >= 0.25 else "lo" if ratio >= 0.05 else ""
        if band:
            out[w] = f"{typ}:{band}"
    return out
