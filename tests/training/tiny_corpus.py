"""A dozen labelled sentences written for the NER tests that train a tiny model (CRF and neural):
PER after titles, LOC after في / إلى, ORG after وزارة / شركة; and what the neural tests build on them
(a small vocabulary with random "pretrained" vectors, the tiny network's settings)."""

import argparse

import numpy as np

TRAIN = [
    ("قال الرئيس كريم سالم إن الوضع هادئ", "O O B-PER I-PER O O O"),
    ("وصل الوزير ناصر عادل إلى طرابلس أمس", "O O B-PER I-PER O B-LOC O"),
    ("أعلنت وزارة الصحة عن حملة جديدة في بنغازي", "O B-ORG I-ORG O O O O B-LOC"),
    ("التقى الرئيس سمير فؤاد بوفد من شركة النور", "O O B-PER I-PER O O B-ORG I-ORG"),
    ("عقد اجتماع في سرت بحضور الوزير هادي رامي", "O O O B-LOC O O B-PER I-PER"),
    ("نفت وزارة الدفاع الخبر الذي نشرته الصحف", "O B-ORG I-ORG O O O O"),
    ("سافر الرئيس كريم سالم إلى مصراتة", "O O B-PER I-PER O B-LOC"),
    ("وقال الوزير ناصر عادل إن الاجتماع ناجح", "O O B-PER I-PER O O O"),
    ("افتتحت شركة النور فرعا في طرابلس", "O B-ORG I-ORG O O B-LOC"),
    ("هدأت الأوضاع في بنغازي وسرت", "O O O B-LOC O"),
    ("رحب الرئيس سمير فؤاد بقرار وزارة الصحة", "O O B-PER I-PER O B-ORG I-ORG"),
    ("زار الوزير هادي رامي مدينة مصراتة", "O O B-PER I-PER O B-LOC"),
]

SENTS = [s.split() for s, _ in TRAIN]
LABELS = [t.split() for _, t in TRAIN]
# a small "pretrained" vocabulary with random vectors (the real ones come from scripts/embed_corpus.py)
WORDS = sorted({w for s in SENTS for w in s})[:30]
STEMS = ["رئيس", "وزير", "صحة", "طرابلس"]


def net_args(**kw: object) -> argparse.Namespace:
    """Settings of a tiny network that learns the sentences above in seconds; `kw` overrides them."""
    base = dict(freeze=False, names=True, char_dim=8, kernel=3, filters=12, dropout=0.0, hidden=16,
                seed=3, lr=0.02, epochs=40, batch=4, word_dropout=0.0, patience=40)
    base.update(kw)
    return argparse.Namespace(**base)


def random_vectors(n: int, dim: int, seed: int) -> np.ndarray:
    """n seeded random float32 vectors of `dim` dimensions (stand-ins for learned word vectors)."""
    return np.random.RandomState(seed).randn(n, dim).astype(np.float32)
