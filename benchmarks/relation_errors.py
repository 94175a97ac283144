#!/usr/bin/env python3
"""List the dev relations the system misses although it found both entities, grouped by type and by
the construction that carries them (never the sealed split).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/relation_errors.py                 # counts
    PYTHONPATH=$PWD .venv/bin/python benchmarks/relation_errors.py --list          # ... and every miss
    PYTHONPATH=$PWD .venv/bin/python benchmarks/relation_errors.py --spurious      # ... and every false relation
    PYTHONPATH=$PWD .venv/bin/python benchmarks/relation_errors.py --model         # rules plus the learned scorer

Each gold relation is `found` (matched by the scorer), `no-entity` (its head or tail has no aligned
entity: the entity layer's part) or missed. A miss is put under the first construction that fits:
`name` (a mention of one entity lies inside a mention of the other: «المجلس العسكري للزنتان»),
`event:TYPE:role-role` (one of the system's events holds both), `claim` (one entity speaks a claim whose
content names the other), `near:W` (the two share a sentence within 12 tokens; W is the first word
between them, or the word before the first mention when they touch), `far` (same sentence, further
apart), `adjacent` (never in one sentence, but in neighbouring ones) or `apart`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.eval.gold import Gold, load_gold  # noqa: E402
from marsad.eval.score import _Scorer  # noqa: E402
from marsad.eval.command import article_for  # noqa: E402
from marsad.layers import MENTIONS  # noqa: E402
from marsad.model import Analysis  # noqa: E402
from marsad.pipeline import DEFAULT_COMPONENTS, Pipeline  # noqa: E402

DEV = ROOT / "benchmarks" / "gold" / "dev"
#: pairs further apart than this many tokens count as `far` (the relation model's own limit)
NEAR = 12


def dev_files() -> list[Path]:
    """The dev split's gold files (splits.json's `dev` list)."""
    split = json.loads((ROOT / "benchmarks" / "gold" / "splits.json").read_text(encoding="utf-8"))
    return [DEV / f"{n}.gold.json" for n in split["dev"]]


def _mentions(analysis: Analysis) -> dict[str, list[tuple[int, int]]]:
    """Each entity's mentions as (first token, last token)."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in MENTIONS.get(analysis):
        if m.entity:
            out[m.entity].append((m.first, m.last))
    return out


def construction(analysis: Analysis, head: str, tail: str, spans: Sequence[tuple[int, int]] | None) -> tuple[str, str]:
    """(construction key, the words that carry it) for a missed pair of found entities."""
    tokens = analysis.tokens
    ms = _mentions(analysis)
    a, b = ms.get(head, []), ms.get(tail, [])
    for x, y in ((a, b), (b, a)):
        for (f1, l1) in x:
            for (f2, l2) in y:
                if f1 <= f2 and l2 <= l1 and (f1, l1) != (f2, l2):
                    return "name", " ".join(t.text for t in tokens[f1:l1 + 1])
    for ev in analysis.events:
        roles = {**{p: "place" for p in ([ev.place] if ev.place else [])},
                 **{t: "target" for t in ev.targets}, **{g: "agent" for g in ev.agents}}
        if head in roles and tail in roles:
            return f"event:{ev.type}:{roles[head]}-{roles[tail]}", analysis.text[ev.evidence.start:ev.evidence.end][:120]
    for c in analysis.claims:
        for speaker, other in ((head, b), (tail, a)):
            if c.speaker == speaker and any(c.content.start <= tokens[f].start < c.content.end for f, _ in other):
                return "claim", analysis.text[c.content.start:c.content.end][:120]
    pairs = [((f1, l1), (f2, l2)) for f1, l1 in a for f2, l2 in b if tokens[f1].sentence == tokens[f2].sentence]
    if not pairs:
        sa, sb = {tokens[f].sentence for f, _ in a}, {tokens[f].sentence for f, _ in b}
        return ("adjacent" if any(abs(i - j) == 1 for i in sa for j in sb) else "apart"), ""

    def gap(p: tuple[tuple[int, int], tuple[int, int]]) -> tuple[int, int]:
        (f1, l1), (f2, l2) = sorted(p)
        inside = spans and any(s <= tokens[f1].start and tokens[l2].end <= e for s, e in spans)
        return (0 if inside else 1, max(0, f2 - l1 - 1))

    (f1, l1), (f2, l2) = sorted(min(pairs, key=gap))
    between = tokens[l1 + 1:f2]
    words = " ".join(t.text for t in tokens[max(0, f1 - 2):l2 + 1])
    if len(between) > NEAR:
        return "far", words[:120]
    key = between[0].norm if between else ("<" + tokens[f1 - 1].norm if f1 > 0 else "<")
    return f"near:{key}", words[:160]


def _f1(status: Counter[str], false: int) -> float:
    """F1 of a type from its counts (found, missed, no-entity) and its false predictions."""
    gold = status["found"] + status["missed"] + status["no-entity"]
    pred = status["found"] + false
    return 2 * status["found"] / (gold + pred) if gold + pred else 0.0


def analyse(path: Path, pipe: Pipeline) -> tuple[Analysis, Gold]:
    """The analysis of a gold file's article and the gold."""
    from marsad.api import analyze_file

    gold = load_gold(path)
    return analyze_file(article_for(gold, path), published=gold.published, pipeline=pipe), gold


def main(argv: list[str] | None = None) -> int:
    """Analyse the dev articles and print the relation misses grouped by type and construction."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", action="store_true", help="print every miss of two found entities")
    ap.add_argument("--spurious", action="store_true", help="print every predicted relation gold does not hold")
    ap.add_argument("--model", action="store_true", help="keep the learned relation scorer (default: rules only)")
    ap.add_argument("--type", default=None, help="only this relation type")
    ap.add_argument("--only", nargs="*", default=None, help="only these article numbers")
    ap.add_argument("--gold", nargs="*", type=Path, default=None,
                    help="other gold files to read instead of the dev split (never the sealed ones)")
    args = ap.parse_args(argv)
    pipe = Pipeline(DEFAULT_COMPONENTS, disable=() if args.model else ("relation_model",))
    status: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    spurious: Counter[str] = Counter()
    for path in args.gold or dev_files():
        if args.only and path.name.split(".")[0] not in args.only:
            continue
        analysis, gold = analyse(path, pipe)
        scorer = _Scorer(analysis, gold)
        golds, preds, pairs = scorer.relations()
        names = {e.id: e.name for e in analysis.entities}
        text = analysis.text
        for gi, g in enumerate(golds):
            if args.type and g.type != args.type:
                continue
            head, tail = scorer.alignment.to_pred.get(g.head), scorer.alignment.to_pred.get(g.tail)
            if gi in pairs:
                status[g.type]["found"] += 1
                continue
            if head is None or tail is None:
                status[g.type]["no-entity"] += 1
                continue
            status[g.type]["missed"] += 1
            spans = scorer.where(g.evidence, "")
            kind, words = construction(analysis, head, tail, spans)
            kinds[g.type][kind.split(":")[0] if kind.startswith("near") else kind] += 1
            if args.list:
                s, e = (spans or [(0, 0)])[0]
                print(f"{path.name[:3]} {g.type:15} {kind:32} {names[head]} -> {names[tail]}\n"
                      f"    gold «{text[s:e][:160]}»\n    at   «{words}»")
        used = set(pairs.values())
        for pi, p in enumerate(preds):
            if pi in used or (args.type and p.type != args.type):
                continue
            spurious[p.type] += 1
            if args.spurious:
                ends = (scorer.alignment.gold_key(p.head), scorer.alignment.gold_key(p.tail))
                print(f"{path.name[:3]} FALSE {p.type:15} conf={p.confidence:.2f} {names.get(p.head)} -> "
                      f"{names.get(p.tail)} gold={ends}\n    «{text[p.evidence.start:p.evidence.end][:160]}»")
    print(f"{'type':16} {'found':>5} {'missed':>6} {'no-ent':>6} {'false':>5} {'F1':>5}  missed by construction")
    for t in sorted(status, key=lambda t: -sum(status[t].values())):
        c = status[t]
        print(f"{t:16} {c['found']:5} {c['missed']:6} {c['no-entity']:6} {spurious[t]:5} {_f1(c, spurious[t]):5.3f}  "
              + ", ".join(f"{k} {n}" for k, n in kinds[t].most_common()))
    total: Counter[str] = Counter()
    for c in status.values():
        total.update(c)
    false = sum(spurious.values())
    print(f"{'total':16} {total['found']:5} {total['missed']:6} {total['no-entity']:6} {false:5} {_f1(total, false):5.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
