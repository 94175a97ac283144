#!/usr/bin/env python3
"""How often each relation rule fires on the news corpus, and on what (a rule earns its place on text it
was not written for).

    .venv/bin/python benchmarks/relation_rules_corpus.py                       # every rule, 2,000 articles
    .venv/bin/python benchmarks/relation_rules_corpus.py --rules fought_with,freed_from --samples 20 --limit 0

Reads `datasets/corpus-ant-2018.jsonl.gz` of the shared data folder, keeps the articles about armed
conflict (three or more conflict words), analyses them up to the events layer and runs each named rule
of `marsad.extract.relpatterns` alone. Prints, per rule, its hits and the articles they fall in, then a
random sample of hits with the text around them to judge by eye. `--limit 0` reads the whole corpus.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.ant_corpus import corpus_or_say  # noqa: E402
from marsad.api import build_pipeline  # noqa: E402
from marsad.extract.relpatterns import RULES, View, entity_places, pattern_relations, relation_words  # noqa: E402
from marsad.layers import MENTIONS  # noqa: E402
from marsad.model import Analysis, Document  # noqa: E402

#: an article is about armed conflict when it holds at least three of these
_CONFLICT = re.compile(r"قوات|اشتباك|مسلح|كتيب|ميليشي|مليشي|الجيش|معارك|هجوم|قصف|فصائل|تنظيم")
#: longer texts are skipped (pages of lists, not news)
_MAX_CHARS = 20_000


def conflict_articles(path: Path, limit: int) -> Iterator[Document]:
    """The corpus articles about armed conflict, at most `limit` of them (0: all)."""
    seen = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            text = record.get("text") or ""
            if len(text) > _MAX_CHARS or len(_CONFLICT.findall(text)) < 3:
                continue
            yield Document(id=record["id"], source_id=record["id"], text=text, title=record.get("title"))
            seen += 1
            if limit and seen >= limit:
                return


def rule_hits(analysis: Analysis, view: View, rules: list[str]) -> Iterator[tuple[str, str, str, str, str]]:
    """(rule, relation type, head name, tail name, text around) for every hit of the named rules."""
    names = {e.id: e.name for e in analysis.entities}
    for rule in rules:
        for rtype, head, tail, start, end in pattern_relations(view, only=[rule]):
            around = analysis.text[max(0, start - 30):end + 20].replace("\n", " ")
            yield rule, rtype, names.get(head, head), names.get(tail, tail), around


def main(argv: list[str] | None = None) -> int:
    """Count and sample the hits of each rule on the corpus."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rules", default=",".join(RULES), help="rule names, comma-separated (default: all)")
    ap.add_argument("--limit", type=int, default=2000, help="conflict articles to read (0: all; default %(default)s)")
    ap.add_argument("--samples", type=int, default=5, help="hits shown per rule (default %(default)s)")
    args = ap.parse_args(argv)
    rules = [r for r in args.rules.split(",") if r]
    unknown = [r for r in rules if r not in RULES]
    if unknown:
        print(f"unknown rule(s): {', '.join(unknown)} (known: {', '.join(RULES)})", file=sys.stderr)
        return 2
    corpus = corpus_or_say()
    if corpus is None:
        return 2
    pipe = build_pipeline(disable=("relations", "relation_model", "framing"))
    kb = pipe.resources.kb
    words = relation_words(kb)
    hits: dict[str, list[tuple[str, str, str, str, str]]] = {r: [] for r in rules}
    articles: dict[str, set[str]] = {r: set() for r in rules}
    read = 0
    for doc in conflict_articles(corpus, args.limit):
        analysis = pipe(doc)
        read += 1
        view = View(analysis.tokens, MENTIONS.get(analysis), {e.id: e.type for e in analysis.entities},
                    {e.id: e.kind for e in analysis.entities}, words, entity_places(analysis.entities, kb))
        for hit in rule_hits(analysis, view, rules):
            hits[hit[0]].append(hit)
            articles[hit[0]].add(doc.id)
    rng = random.Random(1)
    for rule in rules:
        print(f"{rule}: {len(hits[rule])} hits in {len(articles[rule])} of {read} conflict articles")
        for _, rtype, head, tail, around in rng.sample(hits[rule], min(args.samples, len(hits[rule]))):
            print(f"    {rtype} {head} -> {tail} | {around}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
