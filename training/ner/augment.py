"""Mention replacement: training sentences whose names are swapped for other names of the same type.

A tagger trained on 125,000 tokens learns many names by heart and then misses names it never saw. Each
epoch, `replace_mentions` swaps a share of the training sentences' mentions for random mentions of the
same type drawn from a pool (the training set's own and those of the auxiliary sets), so the network
sees familiar contexts around names it cannot have memorised there. Training only.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Sequence

from marsad.ner.conll import spans

MentionPool = dict[str, list[tuple[str, ...]]]


def mention_pool(sets: Iterable[tuple[Sequence[Sequence[str]], Sequence[Sequence[str]]]],
                 max_tokens: int = 6, types: Collection[str] | None = None) -> MentionPool:
    """The distinct mentions of labelled (sentences, BIO labels) sets by type, in first-seen order;
    mentions longer than `max_tokens`, or of a type not in `types` (when given), are left out (and
    so never swapped by `replace_mentions`)."""
    pool: MentionPool = {}
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for sents, labels in sets:
        for toks, labs in zip(sents, labels):
            for start, end, typ in spans(labs):
                mention = tuple(toks[start:end])
                if end - start <= max_tokens and (types is None or typ in types) and (typ, mention) not in seen:
                    seen.add((typ, mention))
                    pool.setdefault(typ, []).append(mention)
    return pool


def replace_mentions(tokens: Sequence[str], labels: Sequence[str], pool: MentionPool, rate: float,
                     rng: random.Random) -> tuple[list[str], list[str]]:
    """A copy of one labelled sentence in which each mention, with probability `rate`, becomes a random
    pool mention of its type (relabelled B-/I-); types missing from the pool stay as they are."""
    out_t: list[str] = []
    out_l: list[str] = []
    pos = 0
    for start, end, typ in spans(labels):
        out_t.extend(tokens[pos:start])
        out_l.extend(labels[pos:start])
        choices = pool.get(typ)
        if choices and rng.random() < rate:
            mention = choices[rng.randrange(len(choices))]
            out_t.extend(mention)
            out_l.extend([f"B-{typ}"] + [f"I-{typ}"] * (len(mention) - 1))
        else:
            out_t.extend(tokens[start:end])
            out_l.extend(labels[start:end])
        pos = end
    out_t.extend(tokens[pos:])
    out_l.extend(labels[pos:])
    return out_t, out_l
