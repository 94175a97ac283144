#!/usr/bin/env python3
"""Count the claims errors of the dev split by cause (never the sealed split).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/claims_errors.py            # counts by cause
    PYTHONPATH=$PWD .venv/bin/python benchmarks/claims_errors.py --list     # ... and every error

Each gold claim the scorer left unmatched is put under one cause: `missed` (no prediction overlaps its
evidence; counted by the gold cue; `missed-speaker-unfound` when the gold speaker has no aligned
entity, so that only the entity layer can find it), `merged` (the only overlapping prediction matched another gold
claim), `anonymous/named` (an overlapping prediction has the other kind of source), `speaker`
(named, another speaker; `speaker-unfound` when the gold speaker has no aligned entity). Each unmatched
prediction is `spurious` (it overlaps no gold claim; counted by cue lemma) or `duplicate` (it overlaps
a gold claim another prediction matched) or `misattributed` (it overlaps an unmatched gold claim).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dev_gold import dev_files  # noqa: E402
from marsad.eval.command import Evaluator, Pair  # noqa: E402
from marsad.eval.gold import load_gold  # noqa: E402
from marsad.eval.locate import overlaps  # noqa: E402
from marsad.eval.score import NAMED_KINDS, _Scorer  # noqa: E402


def _cause(scorer: _Scorer, g, spans, preds, used: set[int]) -> str:  # type: ignore[no-untyped-def]
    """Why gold claim `g` found no match."""
    over = [(pi, p) for pi, p in enumerate(preds) if overlaps((p.content.start, p.content.end), spans)]
    if not over:
        unfound = g.source_kind in NAMED_KINDS and g.speaker is not None and g.speaker not in scorer.alignment.to_pred
        return "missed-speaker-unfound" if unfound else "missed"
    free = [(pi, p) for pi, p in over if pi not in used]
    if not free:
        return "merged"
    named = g.source_kind in NAMED_KINDS
    if any((p.source_kind in NAMED_KINDS) != named for _, p in free) and not any(
            (p.source_kind in NAMED_KINDS) == named for _, p in free):
        return "anonymous/named"
    if g.speaker is not None and g.speaker not in scorer.alignment.to_pred:
        return "speaker-unfound"
    return "speaker"


def main(argv: list[str] | None = None) -> int:
    """Analyse the dev articles, print the error counts by cause (and every error with --list)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", action="store_true", help="print every error with its text")
    ap.add_argument("--only", nargs="*", default=None, help="only these article numbers")
    args = ap.parse_args(argv)
    evaluator = Evaluator()
    causes: Counter[str] = Counter()
    missed_cues: Counter[str] = Counter()
    spurious_cues: Counter[str] = Counter()
    tp = n_gold = n_pred = 0
    for path in dev_files():
        if args.only and path.name.split(".")[0] not in args.only:
            continue
        gold = load_gold(path)
        cues = [c.get("cue") for c in json.loads(path.read_text(encoding="utf-8")).get("claims", [])]
        analysis, _ = evaluator.prediction(Pair(None, path), gold)
        scorer = _Scorer(analysis, gold)
        golds, preds, pairs = scorer.claims()
        text = analysis.text
        used = set(pairs.values())
        tp += len(pairs)
        n_gold += len(golds)
        n_pred += len(preds)
        spans = [scorer.where(g.evidence, "") for g in golds]
        names = {e.id: e.name for e in analysis.entities}
        for gi, g in enumerate(golds):
            if gi in pairs:
                continue
            cause = _cause(scorer, g, spans[gi], preds, used)
            causes[cause] += 1
            if cause.startswith("missed"):
                missed_cues[cues[gi] or "?"] += 1
            if args.list:
                s, e = (spans[gi] or [(0, 0)])[0]
                over = [p for p in preds if overlaps((p.content.start, p.content.end), spans[gi])]
                got = "; ".join(f"{p.source_kind}:{names.get(p.speaker or '', p.source_text)}" for p in over)
                print(f"{path.name[:3]} GOLD {cause:15} {g.source_kind}:{g.speaker} cue={cues[gi]} "
                      f"[{s}:{e}] «{text[s:e][:90]}»  pred: {got}")
        for pi, p in enumerate(preds):
            if pi in used:
                continue
            hits = [gi for gi in range(len(golds)) if overlaps((p.content.start, p.content.end), spans[gi])]
            kind = "spurious" if not hits else ("duplicate" if all(gi in pairs for gi in hits) else "misattributed")
            causes["pred-" + kind] += 1
            if kind == "spurious":
                spurious_cues[p.cue_lemma or "?"] += 1
            if args.list and kind != "misattributed":
                cs = p.cue.start
                print(f"{path.name[:3]} PRED {kind:15} {p.source_kind}:{names.get(p.speaker or '', p.source_text)} "
                      f"cue=«{text[cs:p.cue.end]}» [{p.content.start}:{p.content.end}] "
                      f"«{text[max(0, cs - 40):cs]}|{text[p.content.start:p.content.end][:80]}»")
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print(f"claims: gold {n_gold}, predicted {n_pred}, matched {tp}: P {prec:.3f} R {rec:.3f} F1 {f1:.3f}")
    print("causes:", dict(causes.most_common()))
    print("missed by gold cue:", dict(missed_cues.most_common()))
    print("spurious by cue:", dict(spurious_cues.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
