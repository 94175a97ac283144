#!/usr/bin/env python3
"""How often nominal coreference fires on the news corpus, on which words, and a sample to judge by eye.

    .venv/bin/python benchmarks/nominal_coref_corpus.py                     # every 10th article
    .venv/bin/python benchmarks/nominal_coref_corpus.py --step 20 --samples 40 --seed 3

Reads `datasets/corpus-ant-2018.jsonl.gz` of the shared data folder (every `--step`-th article),
runs the pipeline up to the entity layer twice (with and without `nominal_coref`), and prints the
articles and mentions the pass adds, the head words it resolves most, the entity layer's time with and
without it, then a random sample of resolutions: the entity, the word and the text before it
(`marsad/extract/names/nominal.py`).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ant_corpus import corpus_path  # noqa: E402  (puts the checkout first on the path)

from marsad.layers import MENTIONS  # noqa: E402
from marsad.model import Document  # noqa: E402
from marsad.pipeline import Pipeline  # noqa: E402

_STEPS = ("sentences", "tokens", "entities")


def every(path: Path, step: int) -> Iterator[tuple[int, dict]]:
    """(line number, record) of every `step`-th record of a JSON Lines file (gzip)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n % step == 0:
                yield n, json.loads(line)


def main(argv: list[str] | None = None) -> int:
    """Count, time and sample the nominal mentions on a slice of the corpus."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--step", type=int, default=10, help="read every STEP-th article (default %(default)s)")
    ap.add_argument("--samples", type=int, default=30, help="resolutions shown (default %(default)s)")
    ap.add_argument("--seed", type=int, default=1, help="seed of the sample (default %(default)s)")
    args = ap.parse_args(argv)
    path = corpus_path()
    if path is None or not path.is_file():
        print("the corpus datasets/corpus-ant-2018.jsonl.gz of the shared data folder was not found "
              "(set MARSAD_SHARED)", file=sys.stderr)
        return 2
    on = Pipeline(_STEPS)
    off = Pipeline(_STEPS, options={"entities": {"nominal_coref": False}})
    heads: Counter[str] = Counter()
    found: list[tuple[str, str, str]] = []
    read = firing = 0
    spent = {"on": 0.0, "off": 0.0}
    for n, record in every(path, max(args.step, 1)):
        text = record.get("text") or ""
        if not text.strip():
            continue
        doc = Document(id=str(record.get("id", n)), source_id=str(record.get("id", n)), text=text)
        t0 = time.process_time()
        off(doc)
        t1 = time.process_time()
        a = on(doc)
        spent["off"] += t1 - t0
        spent["on"] += time.process_time() - t1
        read += 1
        names = {e.id: e.name for e in a.entities}
        added = [m for m in MENTIONS.get(a) if m.source == "nominal"]
        firing += bool(added)
        for m in added:
            word = a.text[m.start:m.end]
            heads[word] += 1
            before = a.text[max(0, m.start - 70):m.start].replace("\n", " ")
            found.append((names.get(m.entity or "", "?"), word, before))
    print(f"{read} articles read, {len(found)} nominal mentions in {firing} of them "
          f"({len(found) / max(read, 1):.2f} an article)")
    print(f"entity layer (sentences, tokens, entities), CPU s: with the pass {spent['on']:.1f}, "
          f"without {spent['off']:.1f}")
    print("words resolved most:", ", ".join(f"{w} {c}" for w, c in heads.most_common(20)))
    rng = random.Random(args.seed)
    for entity, word, before in rng.sample(found, min(args.samples, len(found))):
        print(f"  {word} -> {entity} | …{before}[{word}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
