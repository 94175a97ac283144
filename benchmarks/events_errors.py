#!/usr/bin/env python3
"""Count the events errors of the dev split by cause (never the sealed split).

    PYTHONPATH=$PWD .venv/bin/python benchmarks/events_errors.py            # counts by cause
    PYTHONPATH=$PWD .venv/bin/python benchmarks/events_errors.py --list     # ... and every error

Each core gold event the scorer left unmatched is put under one cause, the first that applies:

- `deselected`: a candidate of its type over its evidence was confident enough but the selection
  dropped it (a repeat of another happening, or the sentence's quota);
- `merged`: a prediction of its type would match it but matched another gold event;
- `low-confidence`: a candidate of its type over its evidence scored under the threshold;
- `other-type`: no candidate of its type, but a prediction of another type over its evidence;
- `no-event`: a trigger of its type stands in its evidence but built no candidate (prevented, called
  for, implausible, skipped);
- `no-trigger`: no trigger word of its type in its evidence (a lexicon or phrasing gap).

A missed event whose gold agents are all unaligned (no predicted entity) is also counted under
`agent-unfound` (it may need the entity layer, not the events layer). Each unmatched prediction is
`duplicate` (its evidence overlaps a gold event of its type that another prediction matched),
`other-type` (it overlaps only gold events of other types) or `spurious` (it overlaps no gold
event), counted by type and by trigger; its modality is shown with --list.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dev_gold import dev_files  # noqa: E402
from marsad.eval.command import Evaluator, Pair  # noqa: E402
from marsad.eval.gold import load_gold  # noqa: E402
from marsad.eval.locate import overlaps  # noqa: E402
from marsad.eval.score import _Scorer  # noqa: E402
from marsad.extract.events import Candidate, EventSettings, _Finder, _lexicon  # noqa: E402
from marsad.model import Analysis, Event  # noqa: E402


def _span(ev: Event) -> tuple[int, int]:
    """The evidence of a predicted event (its trigger when the evidence is empty)."""
    if ev.evidence.start < ev.evidence.end:
        return ev.evidence.start, ev.evidence.end
    return ev.trigger.start, ev.trigger.end


def _triggers_in(finder: _Finder, spans: list[tuple[int, int]] | None) -> list[tuple[str, str]]:
    """(type, text) of every trigger word standing inside the gold evidence."""
    out = []
    for i, tok in enumerate(finder.tokens):
        if overlaps((tok.start, tok.end), spans):
            trig = finder.trigger_at(i)
            if trig is not None:
                out.append((trig.type, finder.text[tok.start:finder.tokens[trig.last].end]))
    return out


def _cause(g, spans, scorer: _Scorer, preds: list[Event], pairs: dict[int, int],  # type: ignore[no-untyped-def]
           cands: list[Candidate], threshold: float, triggers: list[tuple[str, str]]) -> str:
    """Why gold event `g` found no match."""
    used = set(pairs.values())
    over = [c for c in cands if c.event.type == g.type and overlaps(_span(c.event), spans)]
    kept = {id(p) for p in preds}
    if any(c.event.confidence >= threshold and id(c.event) not in kept for c in over):
        return "deselected"
    for pi, p in enumerate(preds):
        if p.type != g.type or pi not in used:
            continue
        shared = set(g.agents) & {scorer.key(a) for a in p.agents} or set(g.targets) & {
            scorer.key(t) for t in p.targets} or (g.place is not None and scorer.key(p.place) == g.place)
        if shared or overlaps(_span(p), spans):
            return "merged"
    if over:
        return "low-confidence"
    if any(overlaps(_span(p), spans) for p in preds):
        return "other-type"
    if any(t == g.type for t, _ in triggers):
        return "no-event"
    return "no-trigger"


def _file(path: Path, evaluator: Evaluator, settings: EventSettings, args: argparse.Namespace,
          causes: Counter[str], by_type: Counter[tuple[str, str]], spurious: Counter[str]) -> tuple[int, int, int]:
    """Score one dev file's events, count (and with --list print) its errors; (matched, gold, predicted)."""
    gold = load_gold(path)
    analysis: Analysis
    analysis, _ = evaluator.prediction(Pair(None, path), gold)
    pipe = evaluator._pipe()
    finder = _Finder(analysis, _lexicon(pipe.resources.kb), settings)
    cands = finder.candidates()
    scorer = _Scorer(analysis, gold)
    golds, preds, pairs = scorer.events()
    text = analysis.text
    names = {e.id: e.name for e in analysis.entities}
    spans = [scorer.where(g.evidence, "") for g in golds]
    n_gold = 0
    for gi, g in enumerate(golds):
        if gi not in pairs and not getattr(g, "core", True):
            continue
        n_gold += 1
        if gi in pairs:
            continue
        triggers = _triggers_in(finder, spans[gi])
        cause = _cause(g, spans[gi], scorer, list(preds), pairs, cands, settings.min_confidence, triggers)
        causes[cause] += 1
        by_type[(g.type, cause)] += 1
        unfound = bool(g.agents) and all(a not in scorer.alignment.to_pred for a in g.agents)
        if unfound:
            causes["(agent-unfound)"] += 1
        if args.list:
            s, e = (spans[gi] or [(0, 0)])[0]
            trig = ",".join(f"{t}:{w}" for t, w in triggers) or "-"
            print(f"{path.name[:3]} GOLD {cause:14} {g.type} {','.join(g.agents) or '-'}"
                  f"{'(unfound)' if unfound else ''} -> {','.join(g.targets) or '-'} @ {g.place or '-'} "
                  f"[{s}:{e}] «{text[s:e][:110]}» triggers={trig}")
    if args.below:
        for c in cands:
            if c.event.confidence >= settings.min_confidence:
                continue
            p = c.event
            over = [gi for gi in range(len(golds)) if golds[gi].type == p.type and overlaps(_span(p), spans[gi])]
            hit = "missed" if any(gi not in pairs for gi in over) else "found" if over else "none"
            who = ",".join(names.get(a, a) for a in p.agents) or "-"
            whom = ",".join(names.get(t, t) for t in p.targets) or "-"
            s, e = _span(p)
            print(f"{path.name[:3]} BELOW {hit:6} {p.type} verb={c.trigger.verb} {who} -> {whom} "
                  f"@ {names.get(p.place or '', '-')} {p.modality} {p.confidence:.2f} «{p.trigger.text}» "
                  f"«{text[s:e][:100]}»")
    matched = set(pairs.values())
    for pi, p in enumerate(preds):
        if pi in matched:
            continue
        hits = [gi for gi in range(len(golds)) if overlaps(_span(p), spans[gi])]
        if any(golds[gi].type == p.type for gi in hits):
            kind = "duplicate"
        elif hits:
            kind = "other-type"
        else:
            kind = "spurious"
        causes["pred-" + kind] += 1
        spurious[f"{kind} {p.type} «{p.trigger.text}»"] += 1
        if args.list:
            who = ",".join(names.get(a, a) for a in p.agents) or "-"
            whom = ",".join(names.get(t, t) for t in p.targets) or "-"
            s, e = _span(p)
            print(f"{path.name[:3]} PRED {kind:14} {p.type} {who} -> {whom} @ {names.get(p.place or '', '-')} "
                  f"{p.modality} {p.confidence:.2f} «{p.trigger.text}» [{s}:{e}] «{text[s:e][:110]}»")
    return len(pairs), n_gold, len(preds)


def main(argv: list[str] | None = None) -> int:
    """Analyse the dev articles, print the event error counts by cause (and every error with --list)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", action="store_true", help="print every error with its text")
    ap.add_argument("--only", nargs="*", default=None, help="only these article numbers")
    ap.add_argument("--below", action="store_true", help="also list the candidates under the threshold, marked "
                    "by whether their evidence overlaps a gold event of their type")
    args = ap.parse_args(argv)
    evaluator = Evaluator()
    settings = EventSettings()
    causes: Counter[str] = Counter()
    by_type: Counter[tuple[str, str]] = Counter()
    spurious: Counter[str] = Counter()
    tp = n_gold = n_pred = 0
    for path in dev_files():
        if args.only and path.name.split(".")[0] not in args.only:
            continue
        m, g, p = _file(path, evaluator, settings, args, causes, by_type, spurious)
        tp, n_gold, n_pred = tp + m, n_gold + g, n_pred + p
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print(f"events: gold {n_gold}, predicted {n_pred}, matched {tp}: P {prec:.3f} R {rec:.3f} F1 {f1:.3f}")
    print("causes:", dict(causes.most_common()))
    types = sorted({t for t, _ in by_type})
    for t in types:
        print(f"  missed {t}:", {c: n for (tt, c), n in by_type.most_common() if tt == t})
    print("unmatched predictions:", dict(spurious.most_common(40)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
