"""Mention replacement (training.ner.augment): the pool of mentions by type and the swapped sentences."""

from __future__ import annotations

import random

from marsad.ner.conll import spans
from training.ner.augment import mention_pool, replace_mentions

MAIN = ([["قال", "العقيد", "أحمد", "المسماري", "إن", "الجيش", "سيطر", "على", "درنة"],
         ["أكد", "المجلس", "الرئاسي", "أن", "المسماري", "تحدث"]],
        [["O", "O", "B-PER", "I-PER", "O", "B-ORG", "O", "O", "B-LOC"],
         ["O", "B-ORG", "I-ORG", "O", "B-PER", "O"]])
AUX = ([["زار", "خليفة", "حفتر", "بنغازي", "و", "أحمد", "المسماري"]],
       [["O", "B-PER", "I-PER", "B-LOC", "O", "B-PER", "I-PER"]])


def test_pool_holds_distinct_mentions_by_type_in_order() -> None:
    pool = mention_pool([MAIN, AUX])
    assert pool == {"PER": [("أحمد", "المسماري"), ("المسماري",), ("خليفة", "حفتر")],
                    "ORG": [("الجيش",), ("المجلس", "الرئاسي")],
                    "LOC": [("درنة",), ("بنغازي",)]}
    assert mention_pool([MAIN], max_tokens=1) == {"PER": [("المسماري",)], "ORG": [("الجيش",)], "LOC": [("درنة",)]}
    assert mention_pool([MAIN, AUX], types={"PER"}) == {"PER": pool["PER"]}


def test_rate_one_swaps_every_mention_for_one_of_its_type() -> None:
    pool = {"PER": [("عمر", "بن", "خليفة")], "LOC": [("سبها",)], "ORG": [("الهلال", "الأحمر")]}
    toks, labs = replace_mentions(MAIN[0][0], MAIN[1][0], pool, 1.0, random.Random(1))
    assert toks == ["قال", "العقيد", "عمر", "بن", "خليفة", "إن", "الهلال", "الأحمر", "سيطر", "على", "سبها"]
    assert labs == ["O", "O", "B-PER", "I-PER", "I-PER", "O", "B-ORG", "I-ORG", "O", "O", "B-LOC"]
    assert [t for _, _, t in spans(labs)] == ["PER", "ORG", "LOC"]


def test_rate_zero_and_types_missing_from_the_pool_keep_the_sentence() -> None:
    pool = mention_pool([AUX])
    assert replace_mentions(MAIN[0][0], MAIN[1][0], pool, 0.0, random.Random(1)) == (MAIN[0][0], MAIN[1][0])
    toks, labs = replace_mentions(MAIN[0][1], MAIN[1][1], {"LOC": [("سبها",)]}, 1.0, random.Random(1))
    assert (toks, labs) == (MAIN[0][1], MAIN[1][1])


def test_swaps_are_seeded_and_keep_labels_aligned() -> None:
    pool = mention_pool([MAIN, AUX])
    runs = [[replace_mentions(t, lab, pool, 0.5, random.Random(7)) for t, lab in zip(*MAIN)] for _ in range(2)]
    assert runs[0] == runs[1]
    rng = random.Random(3)
    for _ in range(200):
        toks, labs = replace_mentions(MAIN[0][0], MAIN[1][0], pool, 0.5, rng)
        assert len(toks) == len(labs)
        assert toks[:2] == ["قال", "العقيد"] and toks[-3:-1] == ["سيطر", "على"]
        assert all(tuple(toks[a:b]) in pool[t] for a, b, t in spans(labs))
