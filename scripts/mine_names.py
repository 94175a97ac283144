#!/usr/bin/env python
"""Mine a news corpus for frequent candidate names that the knowledge base does not know yet.

Two sources of candidates, counted over the ANT corpus (corpus-ant-2018.jsonl.gz) and the dev
articles (datasets/articles/dev/*.txt) of the shared folder:

- cue n-grams: the 1-3 words after a title or a unit head (الناطق باسم، قائد، وزير، اللواء، الشيخ،
  قبيلة، كتيبة، تنظيم، جماعة، وكالة، صحيفة …), kept with the cue for the group heads;
- NER spans: 1-3-word PER/LOC/ORG sequences tagged by the shipped CRF model (`marsad.ner`).

A candidate already known to `load_kb().lookup(name)` (any spelling) is dropped. The top candidates
per type are printed; write them to /tmp, not into the repository (they are lists of names).

Usage: .venv/bin/python scripts/mine_names.py [--limit N] [--ner-limit N] [--top N] > /tmp/cands.txt
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.knowledge import load_kb  # noqa: E402
from marsad.settings import shared_dir  # noqa: E402
from marsad.text.normalise import normalise  # noqa: E402

#: Cues before a person's name (the name follows, 1-3 words).
PERSON_CUES = (
    "الناطق باسم", "الناطق الرسمي باسم", "المتحدث باسم", "المتحدث الرسمي باسم", "قائد", "آمر",
    "رئيس", "وزير", "اللواء", "العقيد", "العميد", "المقدم", "الرائد", "النقيب", "الفريق", "المشير",
    "الشيخ", "زعيم", "أمير", "المبعوث", "السفير", "الرئيس", "النائب", "القيادي", "الداعية",
)
#: Cues that head a group name; the candidate keeps the cue (كتيبة X، وكالة X …).
GROUP_CUES = {
    "قبيلة": "TRIBE", "قبائل": "TRIBE", "كتيبة": "ARMED_GROUP", "لواء": "ARMED_GROUP",
    "تنظيم": "ARMED_GROUP", "جماعة": "ARMED_GROUP", "حركة": "ORGANIZATION", "قوات": "ARMED_GROUP",
    "ميليشيا": "ARMED_GROUP", "ميليشيات": "ARMED_GROUP", "مليشيا": "ARMED_GROUP", "جبهة": "ARMED_GROUP",
    "حزب": "ORGANIZATION", "وزارة": "ORGANIZATION", "وكالة": "MEDIA", "صحيفة": "MEDIA", "قناة": "MEDIA",
    "جريدة": "MEDIA", "موقع": "MEDIA",
}
#: Words that end a name (particles, verbs of saying, everyday words that follow names).
STOP = set(normalise(w) for w in (
    "في", "من", "إلى", "الى", "على", "عن", "أن", "إن", "ان", "و", "أو", "ثم", "قد", "لا", "لم", "لن",
    "ما", "مع", "بعد", "قبل", "خلال", "حول", "بين", "التي", "الذي", "الذين", "هذا", "هذه", "ذلك",
    "تلك", "قال", "قالت", "أكد", "أكدت", "أعلن", "أعلنت", "أن", "كان", "كانت", "يوم", "اليوم", "أمس",
    "وقال", "وأكد", "وأضاف", "أضاف", "إنه", "بأن", "لها", "له", "فيها", "منذ", "حتى", "عند", "كما",
    "وفي", "ومن", "أيضا", "السابق", "الحالي", "الجديد", "العام", "الأول", "الثاني", "الأسبق", "نفسه",
    "للشؤون", "لشؤون", "الدولة", "وزراء", "الوزراء", "الحكومة", "حكومة", "المجلس", "مجلس", "جمهورية",
))
WORD_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u0640\u064B-\u0652]+|\d+|[^\s\w]", re.UNICODE)
SENT_RE = re.compile(r"(?<=[.!؟?\n])\s+")


def articles(limit: int | None) -> Iterator[str]:
    """The texts of the corpus (title + text) and of the dev articles, at most `limit` corpus ones."""
    base = shared_dir() / "datasets"
    corpus = base / "corpus-ant-2018.jsonl.gz"
    if not corpus.is_file():
        raise SystemExit(f"{corpus}: corpus not found (set MARSAD_SHARED)")
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            rec = json.loads(line)
            yield f"{rec.get('title') or ''}\n{rec.get('text') or ''}"
    for path in sorted((base / "articles" / "dev").glob("*.txt")):
        yield path.read_text(encoding="utf-8")


def tokens(text: str) -> list[list[str]]:
    """Sentences as lists of tokens (Arabic words, numbers and punctuation marks)."""
    return [WORD_RE.findall(s) for s in SENT_RE.split(text) if s.strip()]


def _is_word(tok: str) -> bool:
    """True for an Arabic word that may be part of a name."""
    return bool(re.match(r"^[\u0621-\u064A\u0671-\u06D3]", tok)) and normalise(tok) not in STOP


def cue_candidates(sent: list[str], norm: list[str], out: dict[str, Counter]) -> None:
    """Count the 1-3 words after each person cue and group head of one sentence."""
    for cue in PERSON_CUES:
        parts = [normalise(p) for p in cue.split()]
        k = len(parts)
        for i in range(len(norm) - k):
            if norm[i:i + k] != parts:
                continue
            name: list[str] = []
            for tok in sent[i + k:i + k + 3]:
                if not _is_word(tok):
                    break
                name.append(tok)
                if len(name) >= 2:
                    out["PERSON"][" ".join(name)] += 1
    for i, w in enumerate(norm):
        typ = GROUP_CUES.get(w) or GROUP_CUES.get(w[2:] if w.startswith("ال") else "")
        if not typ:
            continue
        name = [sent[i]]
        for tok in sent[i + 1:i + 4]:
            if not _is_word(tok):
                break
            name.append(tok)
            out[typ][" ".join(name)] += 1


def ner_candidates(sents: list[list[str]], tagger: object, out: dict[str, Counter]) -> None:
    """Count the 1-3-token PER/LOC/ORG spans the shipped tagger finds in one document."""
    labels = tagger.tag_document(sents)  # type: ignore[attr-defined]
    for sent, labs in zip(sents, labels):
        i = 0
        while i < len(sent):
            if labs[i].startswith("B-"):
                typ = labs[i][2:]
                j = i + 1
                while j < len(sent) and labs[j] == f"I-{typ}":
                    j += 1
                if j - i <= 3 and typ in ("PER", "LOC", "ORG"):
                    out["NER-" + typ][" ".join(sent[i:j])] += 1
                i = j
            else:
                i += 1


def known(kb: object, name: str) -> bool:
    """True when the knowledge base knows the name, also without a leading و/ب/ل/ال clitic."""
    if kb.lookup(name):  # type: ignore[attr-defined]
        return True
    for pre in ("و", "ب", "ل", "وال", "بال", "لل", "ال"):
        if name.startswith(pre) and len(name) > len(pre) + 2 and kb.lookup(name[len(pre):]):  # type: ignore
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    """Mine, filter and print the candidates per type."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="corpus articles to read (default: all)")
    ap.add_argument("--ner-limit", type=int, default=3000, help="articles to run the NER model on")
    ap.add_argument("--top", type=int, default=300, help="candidates printed per type")
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args(argv)
    kb = load_kb()
    tagger = None
    if args.ner_limit:
        from marsad.ner import load_default
        tagger = load_default()
    counts: dict[str, Counter] = {}
    for key in ("PERSON", "ARMED_GROUP", "ORGANIZATION", "TRIBE", "MEDIA", "NER-PER", "NER-LOC", "NER-ORG"):
        counts[key] = Counter()
    for n, text in enumerate(articles(args.limit)):
        sents = tokens(text)
        for sent in sents:
            cue_candidates(sent, [normalise(t) for t in sent], counts)
        if tagger is not None and n < args.ner_limit:
            ner_candidates(sents, tagger, counts)
    for key, counter in counts.items():
        print(f"## {key}")
        shown = 0
        for name, c in counter.most_common():
            if c < args.min_count or shown >= args.top:
                break
            if known(kb, name):
                continue
            print(f"{c}\t{name}")
            shown += 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
