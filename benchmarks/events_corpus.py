#!/usr/bin/env python3
"""The events found on the news corpus, sampled to judge a rule's precision by eye.

    .venv/bin/python benchmarks/events_corpus.py --limit 1500 --save /tmp/ev-before.jsonl
    (change a rule)
    .venv/bin/python benchmarks/events_corpus.py --limit 1500 --save /tmp/ev-after.jsonl --diff /tmp/ev-before.jsonl
    .venv/bin/python benchmarks/events_corpus.py --limit 1500 --types TERRITORY_CONTROL --trigger 'انسحب' --samples 30

Reads `datasets/corpus-ant-2018.jsonl.gz` of the shared data folder (the articles about armed conflict,
as `relation_rules_corpus.py` picks them), analyses them up to the events layer and prints how many
events each type has. `--trigger` and `--types` pick events to sample, with the text around their
trigger. `--diff OLD` compares with events saved by an earlier run (`--save`), keyed by article,
type and trigger position, and samples the events added, removed and changed (agents, targets,
place or modality): the hits of a new rule, and what it took away.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.relation_rules_corpus import conflict_articles  # noqa: E402
from benchmarks.ant_corpus import corpus_or_say  # noqa: E402
from marsad.api import build_pipeline  # noqa: E402
from marsad.model import Analysis  # noqa: E402

#: characters of text shown either side of a trigger
CONTEXT = 90


def event_rows(doc_id: str, analysis: Analysis) -> list[dict[str, object]]:
    """One JSON-ready row per event of an analysed article, with the text around its trigger."""
    names = {e.id: e.name for e in analysis.entities}
    text = analysis.text
    rows = []
    for v in analysis.events:
        s, e = v.trigger.start, v.trigger.end
        around = " ".join((text[max(0, s - CONTEXT):s] + "[" + text[s:e] + "]" + text[e:e + CONTEXT]).split())
        rows.append({"doc": doc_id, "type": v.type, "start": s, "trigger": v.trigger.text,
                     "agents": [names.get(a, a) for a in v.agents], "targets": [names.get(t, t) for t in v.targets],
                     "place": names.get(v.place or "", v.place), "modality": v.modality,
                     "confidence": round(v.confidence, 2), "around": around})
    return rows


def show(row: dict[str, object]) -> str:
    """One line for an event row."""
    who = ",".join(row["agents"]) or "-"  # type: ignore[arg-type]
    whom = ",".join(row["targets"]) or "-"  # type: ignore[arg-type]
    return (f"{row['type']} {who} -> {whom} @ {row['place'] or '-'} {row['modality']} {row['confidence']} "
            f"| {row['around']}")


def _key(row: dict[str, object]) -> tuple[object, object, object]:
    return row["doc"], row["type"], row["start"]


def _args_of(row: dict[str, object]) -> tuple[object, ...]:
    return row["agents"], row["targets"], row["place"], row["modality"]


def diff(old: list[dict[str, object]], new: list[dict[str, object]], rng: random.Random, samples: int) -> None:
    """Print the events added, removed and changed between two runs, with a sample of each."""
    docs = {r["doc"] for r in new}
    before = {_key(r): r for r in old if r["doc"] in docs}
    after = {_key(r): r for r in new}
    added = [r for k, r in after.items() if k not in before]
    removed = [r for k, r in before.items() if k not in after]
    changed = [(before[k], r) for k, r in after.items() if k in before and _args_of(before[k]) != _args_of(r)]
    for label, rows in (("added", added), ("removed", removed)):
        print(f"{label}: {len(rows)}", dict(Counter(str(r["type"]) for r in rows).most_common()))
        for r in rng.sample(rows, min(samples, len(rows))):
            print("   ", show(r))
    print(f"changed: {len(changed)}")
    for b, a in rng.sample(changed, min(samples, len(changed))):
        print("    was", show(b))
        print("    now", show(a))


def main(argv: list[str] | None = None) -> int:
    """Analyse corpus articles up to the events layer; count, sample, save and compare their events."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=1500, help="conflict articles to read (0: all; default %(default)s)")
    ap.add_argument("--skip", type=int, default=0, help="conflict articles to pass over first (another sample)")
    ap.add_argument("--types", default="", help="event types to sample, comma-separated (default: all)")
    ap.add_argument("--trigger", default="", help="a regular expression the trigger text must match")
    ap.add_argument("--samples", type=int, default=0, help="events shown (default %(default)s)")
    ap.add_argument("--save", type=Path, help="write the events as JSON lines here")
    ap.add_argument("--diff", type=Path, help="compare with the events a run saved here")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    corpus = corpus_or_say()
    if corpus is None:
        return 2
    if args.diff is not None and not args.diff.is_file():
        print(f"{args.diff}: no such file (write one first with --save)", file=sys.stderr)
        return 2
    pipe = build_pipeline(disable=("relations", "relation_model", "framing"))
    rows: list[dict[str, object]] = []
    read = 0
    for n, doc in enumerate(conflict_articles(corpus, args.limit + args.skip if args.limit else 0)):
        if n < args.skip:
            continue
        rows += event_rows(doc.id, pipe(doc))
        read += 1
    print(f"{len(rows)} events in {read} conflict articles:", dict(Counter(str(r["type"]) for r in rows).most_common()))
    if args.save is not None:
        args.save.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    rng = random.Random(args.seed)
    if args.diff is not None:
        old = [json.loads(line) for line in args.diff.read_text(encoding="utf-8").split("\n") if line.strip()]
        diff(old, rows, rng, args.samples or 30)
    types = {t for t in args.types.split(",") if t}
    pattern = re.compile(args.trigger) if args.trigger else None
    picked = [r for r in rows if (not types or r["type"] in types)
              and (pattern is None or pattern.search(str(r["trigger"])))]
    if args.samples and (types or pattern):
        print(f"picked: {len(picked)}")
        for r in rng.sample(picked, min(args.samples, len(picked))):
            print("   ", show(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
