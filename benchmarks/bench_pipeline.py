"""Speed and memory of the analysis pipeline over the 21,078-article corpus.

Measures, on one core (this process only):
- entities + times (with the text layer they need), articles/s, with and without the NER net;
- the full pipeline (all components), articles/s;
- the same without the statistical NER net (dictionary + rules only);
- peak resident memory of the analysing process (MB);
- `marsad analyze` on one article from a cold start (seconds, wall clock, median of 3).

Usage: python benchmarks/bench_pipeline.py [--limit N]   (default: every article of the corpus)
Writes benchmarks/results/pipeline.json. Needs ../shared/datasets (or $MARSAD_SHARED).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from ant_corpus import corpus_path
from ant_corpus import texts as corpus_texts

from marsad.ingest import document_from_text
from marsad.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "results" / "pipeline.json"


def _rate(pipe: Pipeline, texts: list[str], published: str = "2018-06-01") -> float:
    docs = [document_from_text(t, f"bench:{i}", published=published) for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    for doc in docs:
        pipe(doc)
    return len(docs) / (time.perf_counter() - t0)


def _cold_cli(article: Path) -> float:
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "marsad.cli", "analyze", str(article), "--format", "json"],
                       check=True, capture_output=True)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args()
    if corpus_path() is None:
        print("bench_pipeline: skipped: ../shared/datasets is absent (set MARSAD_SHARED)")
        return 0
    texts = corpus_texts(args.limit)
    warm = texts[:50]
    ent_times = Pipeline(["sentences", "tokens", "entities", "times"])
    full = Pipeline()
    no_ner = Pipeline(options={"entities": {"ner": False}})
    ent_times_no_ner = Pipeline(["sentences", "tokens", "entities", "times"], options={"entities": {"ner": False}})
    for p in (ent_times, full, no_ner, ent_times_no_ner):
        _rate(p, warm)
    results = {
        "articles": len(texts),
        "mean_chars": round(sum(map(len, texts)) / max(1, len(texts))),
        "entities_times_per_s": round(_rate(ent_times, texts), 1),
        "entities_times_without_ner_per_s": round(_rate(ent_times_no_ner, texts), 1),
        "full_pipeline_per_s": round(_rate(full, texts), 1),
        "full_pipeline_without_ner_per_s": round(_rate(no_ner, texts), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "cli_one_article_s": round(_cold_cli(ROOT / "samples" / "sample-article.txt"), 3),
        "python": sys.version.split()[0],
        "when": time.strftime("%Y-%m-%d"),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
