#!/usr/bin/env python3
"""Train the relation model shipped in marsad/extract/relmodel/models/ (NumPy only, CPU, fixed seeds).

    .venv/bin/python training/relations/train.py            # dev gold + silver from the shared corpus

Analyses the dev gold articles (benchmarks/gold/dev) and a seeded sample of the shared corpus with the
rules-only pipeline, chooses the L2 penalty, the silver weight and the threshold by grouped k-fold
cross-validation over dev articles, fits the chosen setting on all of them and writes relations.npz
with relations.json beside it (data checksums, settings, cross-validated scores). Never reads the
sealed split.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from marsad.errors import MarsadError  # noqa: E402
from marsad.extract.relmodel.model import SHIPPED  # noqa: E402
from marsad.extract.relmodel.training import TrainConfig, train  # noqa: E402
from marsad.settings import shared_dir  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, train, print the record's summary."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=ROOT / "benchmarks" / "gold" / "dev")
    ap.add_argument("--corpus", type=Path, default=None,
                    help="the silver corpus (default: datasets/corpus-ant-2018.jsonl.gz of the shared folder)")
    ap.add_argument("--no-silver", action="store_true", help="train on the gold only")
    ap.add_argument("--silver-articles", type=int, default=800)
    ap.add_argument("--out", type=Path, default=SHIPPED)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--per-type", action="store_true",
                    help="also try one threshold per type (kept only if it wins on held-out folds)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("marsad.resources").setLevel(logging.WARNING)
    shared = shared_dir()
    corpus = None if args.no_silver else (args.corpus or (shared / "datasets" / "corpus-ant-2018.jsonl.gz"
                                                          if shared else None))
    if corpus is None and not args.no_silver:
        print("train: error: no shared data folder for the silver corpus (give --corpus or --no-silver)",
              file=sys.stderr)
        return 2
    try:
        record = train(TrainConfig(gold=args.gold, out=args.out, corpus=corpus, silver_articles=args.silver_articles,
                                   seed=args.seed, folds=args.folds, per_type=args.per_type))
    except MarsadError as exc:
        print(f"train: error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps({k: record[k] for k in ("chosen", "dev_rules_only", "dev_cross_validated")},
                     ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
