"""Speed and quality of the shipped NER model: load time, tokens/s on one core, exact-span scores on
ANERcorp test, AQMAR test and WikiFANE test (FANE types mapped, see training/ner/datasets.py).

    nice .venv/bin/python benchmarks/bench_ner.py [--model FILE] [--out benchmarks/results/ner.json]

The shipped default model is measured, and the CRF too (as `crf_for_comparison`) when it is not the one.
Speed is on one process with the NumPy/BLAS threads it is given (run with OMP_NUM_THREADS=1 for one core).

The "variants" and "neural_variants" tables (with their notes, the team baseline and published anchors)
of an existing results file (dev-split and test figures of the settings tried while training, written
by hand from scripts/train_ner.py and scripts/train_ner_nn.py runs) are kept as they are.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.ner.command import EVAL_WINDOW  # noqa: E402
from marsad.ner.conll import read_conll, score  # noqa: E402
from marsad.ner.shipped import default_model_path, load_model  # noqa: E402
from marsad.ner.tagger import DEFAULT_MODEL as CRF_MODEL  # noqa: E402
from marsad.ner.tagger import document_pass  # noqa: E402
from marsad.settings import shared_dir  # noqa: E402
from training.ner.datasets import EVAL_SETS, dataset_path  # noqa: E402


def bench(model: Path, repeats: int = 3) -> dict[str, object]:
    """Load time, speed and scores of one model on every evaluation set present."""
    t = time.perf_counter()
    load_model(model)
    load_s = time.perf_counter() - t
    shared = shared_dir()
    if shared is None:
        raise SystemExit("bench_ner: ../shared/datasets not found (set MARSAD_SHARED)")
    out: dict[str, object] = {"model": model.name, "load_seconds": round(load_s, 3),
                              "python": platform.python_version(), "machine": platform.machine(),
                              "propagation_window": EVAL_WINDOW, "sets": {}}
    sets: dict[str, object] = {}
    for key, (rel, mapping) in EVAL_SETS.items():
        path = dataset_path(shared, rel)
        if not path.is_file():
            sets[key] = "n/a (file absent)"
            continue
        sents, gold = read_conll(path, label_map=mapping)
        ntok = sum(len(s) for s in sents)
        best = float("inf")
        pred: list[list[str]] = []
        for _ in range(repeats):
            fresh = load_model(model)  # cold caches each time: the honest speed
            t = time.perf_counter()
            pred = fresh.tag_many(sents)
            best = min(best, time.perf_counter() - t)
        plain = score(gold, pred).as_dict()
        t = time.perf_counter()
        document_pass(sents, pred, fresh.settings, propagate=True, window=EVAL_WINDOW)
        prop_s = time.perf_counter() - t
        full = score(gold, pred).as_dict()
        sets[key] = {"tokens": ntok, "tokens_per_s": round(ntok / best),
                     "tokens_per_s_with_propagation": round(ntok / (best + prop_s)),
                     "tagger": plain, "tagger+propagation": full}
        if not any(lab.endswith("-MISC") for labs in gold for lab in labs):
            # the gold scheme has no MISC (WikiFANE mapped): score PER/LOC/ORG with MISC predictions dropped
            no_misc = [["O" if lab.endswith("-MISC") else lab for lab in labs] for labs in pred]
            sets[key]["tagger+propagation_without_MISC"] = score(gold, no_misc).as_dict()
    out["sets"] = sets
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the results file."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=default_model_path())
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "ner.json")
    args = ap.parse_args(argv)
    res = bench(args.model)
    if args.model.resolve() != CRF_MODEL.resolve() and CRF_MODEL.is_file():
        res["crf_for_comparison"] = bench(CRF_MODEL)  # the earlier model, measured on the same run
    old: dict[str, object] = {}
    if args.out.is_file():
        old = json.loads(args.out.read_text(encoding="utf-8"))
    for key in ("variants", "variants_note", "neural_variants", "neural_variants_note", "team_baseline",
                "published_anchors", "corpus_speed"):
        if key in old:
            res[key] = old[key]
    res["measured"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for key, r in res["sets"].items():  # type: ignore[union-attr]
        if isinstance(r, dict):
            extra = r.get("tagger+propagation_without_MISC")
            print(f"{key}: F1 {r['tagger']['micro']['f1']} (+prop {r['tagger+propagation']['micro']['f1']}), "
                  f"macro {r['tagger+propagation']['macro_f1']}, {r['tokens_per_s']} tok/s"
                  + (f"; without MISC predictions: F1 {extra['micro']['f1']}, macro {extra['macro_f1']}"
                     if extra else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
