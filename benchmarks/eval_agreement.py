#!/usr/bin/env python3
"""Inter-annotator agreement on the double-annotated dev articles: the ceiling for the system's scores.

    .venv/bin/python benchmarks/eval_agreement.py       # print, write results/agreement.json

Every `benchmarks/gold/double/NNN.gold.json` (a second, independent annotation) is scored against
`benchmarks/gold/dev/NNN.gold.json` with the system's own scorer (`marsad.eval.agreement`), micro
over the files, per layer and per type.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.eval.agreement import agreement  # noqa: E402
from marsad.eval.gold import load_gold  # noqa: E402
from marsad.eval.report import render_json, render_text  # noqa: E402
from marsad.eval.score import Summary  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold"
RESULTS = ROOT / "benchmarks" / "results" / "agreement.json"


def measure(double: Path, first: Path) -> Summary:
    """Score each second annotation in `double` against its first in `first`."""
    summary = Summary()
    for second_path in sorted(double.glob("*.gold.json")):
        first_path = first / second_path.name
        if not first_path.exists():
            print(f"eval_agreement: no first annotation for {second_path.name}, skipped", file=sys.stderr)
            continue
        first_gold, second_gold = load_gold(first_path), load_gold(second_path)
        article = first_gold.article_path()
        if article is None or not article.exists():
            print(f"eval_agreement: article of {first_path.name} not found, skipped", file=sys.stderr)
            continue
        summary.add(agreement(first_gold, second_gold, article.read_text(encoding="utf-8")))
    return summary


def main(argv: list[str] | None = None) -> int:
    """Measure agreement, print the tables and write the results file."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--double", type=Path, default=GOLD / "double")
    ap.add_argument("--first", type=Path, default=GOLD / "dev")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args(argv)
    summary = measure(args.double, args.first)
    if not summary.files:
        print("eval_agreement: no double-annotated files found", file=sys.stderr)
        return 1
    print(f"== agreement: {len(summary.files)} double-annotated file(s)")
    print(render_text(summary, per_type=True))
    scores = render_json(summary, per_type=True)  # micro totals only: per-file misses quote the articles
    record = {"schema": "marsad.agreement/1",
              "measured": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
              "files": [Path(f.gold).name for f in summary.files],
              "micro": scores["micro"], "geo": scores["geo"]}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"agreement written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
