#!/usr/bin/env python3
"""The cost of the `relation_model` component per article, beside the whole pipeline's, on corpus articles.

    .venv/bin/python benchmarks/bench_relation_model.py [--limit 500] [--every 40]

Takes every 40th article of the shared corpus (500 by default), times the full default pipeline on
each, then the relation model alone on the rules' output of the same articles (one core, this
process only), and writes benchmarks/results/relation_model.json. Needs ../shared/datasets.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.ingest import document_from_text  # noqa: E402
from marsad.model import Document  # noqa: E402
from marsad.pipeline import DEFAULT_COMPONENTS, Pipeline  # noqa: E402
from marsad.settings import shared_dir  # noqa: E402

OUT = ROOT / "benchmarks" / "results" / "relation_model.json"


def sample(path: Path, limit: int, every: int) -> list[Document]:
    """Every `every`-th article of the corpus, `limit` at most."""
    docs: list[Document] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % every == 0:
                r = json.loads(line)
                docs.append(document_from_text(r["text"], str(r["id"])))
                if len(docs) >= limit:
                    break
    return docs


def main(argv: list[str] | None = None) -> int:
    """Time the pipeline and the component; print and record the figures."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--every", type=int, default=40)
    args = ap.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print("bench_relation_model: error: no shared data folder (set MARSAD_SHARED)", file=sys.stderr)
        return 2
    docs = sample(shared / "datasets" / "corpus-ant-2018.jsonl.gz", args.limit, args.every)
    full = Pipeline()
    rules = Pipeline(DEFAULT_COMPONENTS, disable=("relation_model",), resources=full.resources)
    component = next(c for s, c, _ in full._steps if s.name == "relation_model")  # noqa: SLF001
    full(docs[0])  # load everything once
    started = time.perf_counter()
    for d in docs:
        full(d)
    pipeline_s = time.perf_counter() - started
    analyses = [rules(d) for d in docs]
    before = sum(len(a.relations) for a in analyses)
    started = time.perf_counter()
    for a in analyses:
        component(a)
    model_s = time.perf_counter() - started
    after = sum(len(a.relations) for a in analyses)
    record = {"articles": len(docs), "full_pipeline_per_s": round(len(docs) / pipeline_s, 1),
              "relation_model_ms_per_article": round(1000 * model_s / len(docs), 2),
              "relation_model_share_of_pipeline": round(model_s / pipeline_s, 3),
              "relations_by_rules": before, "relations_added_by_model": after - before,
              "when": datetime.now(timezone.utc).strftime("%Y-%m-%d")}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(record, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
