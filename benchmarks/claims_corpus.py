#!/usr/bin/env python3
"""Claims on text they were not written for: a random sample of the news corpus, read by eye.

    .venv/bin/python benchmarks/claims_corpus.py                          # 300 articles, 40 claims, 20 misses
    .venv/bin/python benchmarks/claims_corpus.py --lemmas شدد,نص,قضى --claims 30 --misses 10 --seed 7

Reads `datasets/corpus-ant-2018.jsonl.gz` of the shared data folder, draws `--articles` articles at random
(`--seed`), analyses them up to the claims layer and prints:

- the claims per cue lemma, and how many of the cue words (a reporting form without the article, not
  negated) became the cue of a claim;
- `--claims` random claims (kind, speaker, cue, content and the words before the cue), to judge precision;
- `--misses` random sentences holding a cue word that opens no claim, to judge what recall is lost.

`--lemmas` keeps only the claims and misses of those cue lemmas. Judging is by eye: the script only samples.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.ant_corpus import corpus_or_say  # noqa: E402
from marsad.api import build_pipeline  # noqa: E402
from marsad.extract.claims.cues import cue_table  # noqa: E402
from marsad.model import Analysis, Document  # noqa: E402
from marsad.text.normalise import normalise  # noqa: E402

#: longer texts are skipped (pages of lists, not news)
_MAX_CHARS = 20_000


def corpus_sample(path: Path, n: int, seed: int) -> Iterator[Document]:
    """`n` corpus articles drawn at random with `seed` (reservoir sampling over the whole file)."""
    rng = random.Random(seed)
    kept: list[dict[str, str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for seen, line in enumerate(fh):
            record = json.loads(line)
            if len(record.get("text") or "") > _MAX_CHARS:
                continue
            if len(kept) < n:
                kept.append(record)
            else:
                k = rng.randint(0, seen)
                if k < n:
                    kept[k] = record
    for record in kept:
        yield Document(id=record["id"], source_id=record["id"], text=record.get("text") or "", title=record.get("title"))


def _line(text: str, start: int, end: int) -> str:
    """The text between two offsets on one line."""
    return " ".join(text[max(0, start):end].split())


def claim_line(analysis: Analysis, names: dict[str, str], c: object) -> str:
    """One claim as a line to judge: kind, speaker, via, cue, the words before the cue and the content."""
    t = analysis.text
    cue, content = c.cue, c.content  # type: ignore[attr-defined]
    who = names.get(c.speaker or "", c.source_text or "-")  # type: ignore[attr-defined]
    via = ",".join(names.get(v, v) for v in c.via)  # type: ignore[attr-defined]
    return (f"[{c.source_kind}:{who}{' via ' + via if via else ''}] cue={c.cue_lemma} "  # type: ignore[attr-defined]
            f"«…{_line(t, cue.start - 60, cue.start)} ⟦{_line(t, cue.start, cue.end)}⟧ "
            f"{_line(t, cue.end, content.start)[:40]}» → «{_line(t, content.start, content.end)[:140]}»")


def missed_cues(analysis: Analysis, table: object) -> Iterator[tuple[str, int]]:
    """(lemma, token index) of every cue word that is the cue of no claim (not with the article, not negated)."""
    used = {c.cue.start for c in analysis.claims}
    toks = analysis.tokens
    for i, tok in enumerate(toks):
        if not tok.text[:1].isalpha() or tok.prefix.endswith("ال") or tok.start in used:
            continue
        cue = table.cue_for(tok.stem if tok.prefix else tok.norm)  # type: ignore[attr-defined]
        if cue is None or cue.weak:
            continue
        if i > 0 and toks[i - 1].norm in _NEG:
            continue
        yield cue.lemma, i


_NEG = frozenset(normalise(w) for w in ("لا", "لم", "لن", "عدم", "مما"))


def main(argv: list[str] | None = None) -> int:
    """Sample claims and missed cues from the corpus and print them."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300, help="articles drawn at random (default %(default)s)")
    ap.add_argument("--seed", type=int, default=17, help="random seed (default %(default)s)")
    ap.add_argument("--claims", type=int, default=40, help="claims shown (default %(default)s)")
    ap.add_argument("--misses", type=int, default=20, help="missed cue sentences shown (default %(default)s)")
    ap.add_argument("--lemmas", default="", help="only these cue lemmas, comma-separated")
    args = ap.parse_args(argv)
    corpus = corpus_or_say()
    if corpus is None:
        return 2
    only = {normalise(w) for w in args.lemmas.split(",") if w.strip()}
    pipe = build_pipeline(disable=("events", "relations", "relation_model", "framing"))
    table = cue_table(pipe.resources.kb)
    per_lemma: Counter[str] = Counter()
    cue_words: Counter[str] = Counter()
    claims: list[str] = []
    misses: list[str] = []
    read = 0
    for doc in corpus_sample(corpus, args.articles, args.seed):
        analysis = pipe(doc)
        read += 1
        names = {e.id: e.name for e in analysis.entities}
        for c in analysis.claims:
            per_lemma[c.cue_lemma or "?"] += 1
            if not only or normalise(c.cue_lemma or "") in only:
                claims.append(f"{doc.id} " + claim_line(analysis, names, c))
        toks = analysis.tokens
        for lemma, i in missed_cues(analysis, table):
            cue_words[lemma] += 1
            if only and lemma not in only:
                continue
            s = toks[i].sentence
            lo = next(k for k in range(i, -1, -1) if k == 0 or toks[k - 1].sentence != s)
            hi = next(k for k in range(i, len(toks)) if k == len(toks) - 1 or toks[k + 1].sentence != s)
            t = analysis.text
            misses.append(f"{doc.id} cue={lemma} «{_line(t, toks[lo].start, toks[i].start)[-120:]} "
                          f"⟦{toks[i].text}⟧ {_line(t, toks[i].end, toks[hi].end)[:120]}»")
    total = sum(per_lemma.values())
    print(f"{read} articles, {total} claims ({total / max(1, read):.1f} an article)")
    print("claims by cue lemma:", dict(per_lemma.most_common()))
    print("cue words with no claim, by lemma:", dict(cue_words.most_common()))
    rng = random.Random(args.seed)
    print(f"\n--- {min(args.claims, len(claims))} of {len(claims)} claims")
    for line in rng.sample(claims, min(args.claims, len(claims))):
        print(line)
    print(f"\n--- {min(args.misses, len(misses))} of {len(misses)} cue words that open no claim")
    for line in rng.sample(misses, min(args.misses, len(misses))):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
