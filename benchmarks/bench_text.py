"""Speed of the text layer alone: normalise_with_map + sentences + tokens (with proclitics).

Reads the first `--n` articles (2,000 by default) of the shared ANT 2018 corpus, lays each out as a
news file would be (title, blank line, body), and times, on one core:

* the text layer: `normalise_with_map`, `split_sentences`, `tokenize` (proclitics included; the
  vocabulary is loaded before timing, the per-word caches start empty);
* a bare `str.split()` pass over the same texts, as a yardstick.

Each pass is repeated `--repeat` times and the best CPU time is kept (the process runs on one core). Writes `benchmarks/results/text.json`.

    .venv/bin/python benchmarks/bench_text.py [--n 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.settings import shared_dir  # noqa: E402
from marsad.text import clitics, tokens  # noqa: E402
from marsad.text.normalise import normalise_with_map  # noqa: E402
from marsad.text.sentences import split_sentences  # noqa: E402
from marsad.text.tokens import tokenize  # noqa: E402

GOAL = 2000.0  # articles per second


def load_texts(corpus: Path, n: int) -> list[str]:
    """The first `n` articles of the corpus as «title, blank line, body» texts."""
    out: list[str] = []
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out.append(f"{rec.get('title') or ''}\n\n{rec.get('text') or ''}")
            if len(out) >= n:
                break
    return out


def text_layer(texts: list[str]) -> int:
    """Run the text layer over every text; returns the number of tokens."""
    n = 0
    for text in texts:
        normalise_with_map(text)
        n += len(tokenize(text, split_sentences(text)))
    return n


def bare_split(texts: list[str]) -> int:
    """The yardstick: a bare str.split() over every text; returns the number of pieces."""
    return sum(len(text.split()) for text in texts)


def _clear_caches() -> None:
    tokens._cache.clear()
    clitics.split_proclitics.cache_clear()


def best_time(fn, texts: list[str], repeat: int, cold: bool) -> tuple[float, int]:
    """The best CPU time of `repeat` runs (caches emptied before each run when `cold`).

    CPU time rather than wall time, as the benchmark machine may be shared with other jobs.
    """
    best = float("inf")
    count = 0
    for _ in range(repeat):
        if cold:
            _clear_caches()
        t = time.process_time()
        count = fn(texts)
        best = min(best, time.process_time() - t)
    return best, count


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write its results."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="number of articles (2000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measure; the best is kept (3)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "text.json")
    args = ap.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print("bench_text: the shared folder is absent (set MARSAD_SHARED)", file=sys.stderr)
        return 2
    texts = load_texts(shared / "datasets" / "corpus-ant-2018.jsonl.gz", args.n)
    t0 = time.perf_counter()
    clitics.word_count("")  # load the vocabulary
    vocab_load = time.perf_counter() - t0

    cold, n_tokens = best_time(text_layer, texts, args.repeat, cold=True)
    warm, _ = best_time(text_layer, texts, args.repeat, cold=False)
    split_t, n_pieces = best_time(bare_split, texts, args.repeat, cold=False)
    n = len(texts)
    result = {
        "benchmark": "text layer (normalise_with_map + split_sentences + tokenize with proclitics)",
        "articles": n,
        "characters": sum(map(len, texts)),
        "tokens": n_tokens,
        "split_pieces": n_pieces,
        "vocab_load_s": round(vocab_load, 4),
        "cold_caches": {"seconds": round(cold, 4), "articles_per_s": round(n / cold, 1),
                        "tokens_per_s": round(n_tokens / cold)},
        "warm_caches": {"seconds": round(warm, 4), "articles_per_s": round(n / warm, 1),
                        "tokens_per_s": round(n_tokens / warm)},
        "str_split": {"seconds": round(split_t, 4), "articles_per_s": round(n / split_t, 1)},
        "slowdown_vs_str_split_cold": round(cold / split_t, 1),
        "slowdown_vs_str_split_warm": round(warm / split_t, 1),
        "goal_articles_per_s": GOAL,
        "meets_goal": n / cold >= GOAL,
        "load_average_1min": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "date": time.strftime("%Y-%m-%d"),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
