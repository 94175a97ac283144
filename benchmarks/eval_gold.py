#!/usr/bin/env python3
"""Evaluate every gold set of benchmarks/quality_pins.json and record the scores.

    .venv/bin/python benchmarks/eval_gold.py                 # measure, print, write results/quality.json
    .venv/bin/python benchmarks/eval_gold.py --check         # ... and exit 1 when a score is below its pin
    .venv/bin/python benchmarks/eval_gold.py --update-pins   # set every pin to the measured score
    .venv/bin/python benchmarks/eval_gold.py --sets dev      # score only the named set(s): dev, reference ...

Each article is analysed with the default pipeline (the gold file's `published` anchors it) and scored
with `marsad.eval` (F1 per layer, geo accuracy, and the share of matched gold entities whose prediction
carries a knowledge-base id, printed per set at the end); sets whose gold files are absent (no shared folder, no benchmarks/gold) are skipped.
By default every set of the pins file is scored (a sealed set prints its totals only); `--sets NAME ...`
scores only those sets, so the sealed set is left out unless it is named, and the results file then
holds only them (`--update-pins` changes only their pins).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad import __version__  # noqa: E402
from marsad.errors import ConfigError  # noqa: E402
from marsad.eval.command import Evaluator  # noqa: E402
from marsad.eval.quality import (  # noqa: E402
    PINS_FILE, GoldSet, absent_in_ci, floor_score, in_ci, load_pins, measure, set_report,
)
from marsad.eval.report import render_text  # noqa: E402
from marsad.eval.score import LAYERS  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "quality.json"


def chosen_sets(sets: list[GoldSet], names: list[str] | None) -> list[GoldSet]:
    """The sets named (in the pins file's order), or all of them when `names` is None; a `ConfigError`
    names any set the pins file does not have."""
    if names is None:
        return sets
    known = [s.name for s in sets]
    unknown = [n for n in dict.fromkeys(names) if n not in known]
    if unknown:
        raise ConfigError(f"no gold set named {', '.join(map(repr, unknown))} (sets: {', '.join(known)})")
    return [s for s in sets if s.name in names]


def main(argv: list[str] | None = None) -> int:
    """Measure every set; print the tables; write the results file; optionally check or update pins."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pins", type=Path, default=PINS_FILE, help="the pins file (default: %(default)s)")
    ap.add_argument("--out", type=Path, default=RESULTS, help="where to write the scores (default: %(default)s)")
    ap.add_argument("--check", action="store_true", help="exit 1 when a score is below its pin")
    ap.add_argument("--update-pins", action="store_true",
                    help="write the measured scores (rounded down) as the new pins; commit with a stated reason")
    ap.add_argument("--sets", nargs="+", metavar="NAME",
                    help="score only these gold sets (default: every set of the pins file, the sealed one "
                         "with totals only)")
    args = ap.parse_args(argv)

    try:
        sets = chosen_sets(load_pins(args.pins), args.sets)
    except ConfigError as exc:
        print(f"eval_gold: {exc}", file=sys.stderr)
        return 2
    evaluator = Evaluator()
    record: dict[str, object] = {"schema": "marsad.quality/1", "marsad": __version__,
                                 "measured": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                 "sets": {}}
    failed: list[str] = []
    measured: dict[str, dict[str, float]] = {}
    linked: dict[str, str] = {}
    for gold_set in sets:
        started = time.perf_counter()
        summary = measure(gold_set, evaluator)
        if summary is None:
            print(f"== {gold_set.name}: absent (gold files not found), skipped\n")
            record["sets"][gold_set.name] = {"absent": True}  # type: ignore[index]
            if in_ci():
                failed.append(absent_in_ci(f"gold set {gold_set.name!r} ({', '.join(gold_set.entries)})"))
            continue
        report = set_report(gold_set, summary)
        report["seconds"] = round(time.perf_counter() - started, 2)
        record["sets"][gold_set.name] = report  # type: ignore[index]
        measured[gold_set.name] = {n: floor_score(summary.total[n].counts.f1) for n in LAYERS}
        failed += report["failures"]
        share = summary.links.share
        linked[gold_set.name] = "n/a" if share is None else f"{share:.3f} ({summary.links.linked}/{summary.links.matched})"
        print(f"== {gold_set.name}: {len(summary.files)} gold file(s), {report['seconds']} s")
        print(render_text(summary, per_type=not gold_set.sealed, totals_only=gold_set.sealed))
    if linked:
        print("matched entities linked to the knowledge base: "
              + ", ".join(f"{name} {value}" for name, value in linked.items()))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"scores written to {args.out}")
    if args.update_pins:
        data = json.loads(args.pins.read_text(encoding="utf-8"))
        for name, f1 in measured.items():
            old = data["sets"][name].get("f1", {})
            for layer in LAYERS:
                if old.get(layer) != f1[layer]:
                    print(f"pin {name}/{layer}: {old.get(layer)} -> {f1[layer]}")
            data["sets"][name]["f1"] = f1
        args.pins.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"pins updated in {args.pins}: commit them with the reason for the change")
    for msg in failed:
        print(f"FAILED: {msg}" if "CI=true" in msg else f"BELOW PIN: {msg}", file=sys.stderr)
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
