"""`marsad eval-ner FILE.conll [--json] [--model FILE]`: exact-span P/R/F1 of the NER model on a CoNLL file.

Sentences are tagged one by one (speed is measured on that), then the document-level consistency pass
runs over the file, treating each run of `EVAL_WINDOW` consecutive sentences as the document context
(CoNLL files such as ANERcorp carry no document boundaries).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from marsad.errors import InputError
from marsad.ner.conll import TYPES, read_conll, score
from marsad.ner.shipped import NerTagger, load_default, load_model
from marsad.ner.tagger import document_pass

#: How many preceding sentences a name found by the tagger is propagated over when scoring a CoNLL file.
EVAL_WINDOW = 30


def evaluate_file(path: str | Path, tagger: NerTagger) -> dict[str, object]:
    """Scores and speed of `tagger` on a CoNLL file (raises InputError when it cannot be read)."""
    sents, gold = read_conll(path)
    if not sents:
        raise InputError(str(path), "no sentences (expected 'token<TAB>tag' lines)")
    t = time.perf_counter()
    pred = tagger.tag_many(sents)
    secs = time.perf_counter() - t
    document_pass(sents, pred, tagger.settings, window=EVAL_WINDOW)
    ntok = sum(len(s) for s in sents)
    res = score(gold, pred).as_dict()
    return {"file": str(path), "model": str(tagger.path), "sentences": len(sents), "tokens": ntok,
            "seconds": round(secs, 3), "tokens_per_s": round(ntok / secs) if secs > 0 else None, **res}


def _render(res: dict[str, object]) -> str:
    lines = [f"{res['file']}: {res['sentences']} sentences, {res['tokens']} tokens, "
             f"{res['tokens_per_s']} tokens/s (model {res['model']})",
             f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    per: dict = res["per_type"]  # type: ignore[assignment]
    for typ in sorted(per, key=lambda t: (TYPES.index(t) if t in TYPES else 99, t)):
        d = per[typ]
        lines.append(f"{typ:<6} {d['precision']:>6.2f} {d['recall']:>6.2f} {d['f1']:>6.2f} "
                     f"{d['gold']:>6} {d['predicted']:>6}")
    m: dict = res["micro"]  # type: ignore[assignment]
    lines.append(f"{'micro':<6} {m['precision']:>6.2f} {m['recall']:>6.2f} {m['f1']:>6.2f}")
    lines.append(f"{'macro':<6} {'':>6} {'':>6} {res['macro_f1']:>6.2f}")
    return "\n".join(lines)


def run_eval_ner(args: argparse.Namespace) -> int:
    """Run `marsad eval-ner` with parsed arguments (conll, json, model); returns the exit code."""
    tagger = load_model(args.model) if getattr(args, "model", None) else load_default()
    res = evaluate_file(args.conll, tagger)
    if args.json:
        sys.stdout.write(json.dumps(res, ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(_render(res) + "\n")
    sys.stdout.flush()
    return 0
