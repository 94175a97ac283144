"""Train marsad's statistical NER model (CRF) on ANERcorp train and ship it under marsad/ner/models/.

    nice .venv/bin/python scripts/train_ner.py dev [--variant NAME ...]    # settings on a dev split
    nice .venv/bin/python scripts/train_ner.py final                      # train on all of train, ship

`dev` holds out the last 10% of ANERcorp train sentences and prints dev scores; `final` trains on the
whole train split, scores ANERcorp/AQMAR/WikiFANE test sets once, and writes the model, its lexicon
and a JSON sidecar (data checksums, settings, scores). Test splits are never trained on.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pycrfsuite  # noqa: E402

from marsad.ner.conll import read_conll, score  # noqa: E402
from marsad.ner.features import Featuriser, Lexicon  # noqa: E402
from marsad.ner.tagger import DEFAULT_MODEL, Tagger, lexicon_path, sidecar_path  # noqa: E402
from marsad.settings import shared_dir  # noqa: E402
from training.ner.crf_training import DEFAULT_PARAMS, build_gazetteer, fold_gazetteers, train_crf  # noqa: E402
from training.ner.datasets import EVAL_SETS, FANE_TO_CONLL, dataset_path, file_sha256  # noqa: E402
from training.ner.distrib import build_lexicon, corpus_texts, name_lexicon, tokenised  # noqa: E402

SEED = 13
CORPUS = "corpus-ant-2018.jsonl.gz"
TRAIN = "ner/anercorp/train.conll"

#: Variants tried on the dev split: CRF params, feature settings, whether to use the corpus lexicon.
VARIANTS: dict[str, dict[str, object]] = {
    "surface": {"lexicon": False, "params": {}},
    "lexicon": {"lexicon": True, "params": {}},
    "lexicon_c1_0.1": {"lexicon": True, "params": {"c1": 0.1, "c2": 0.01}},
    "lexicon_c1_0.02": {"lexicon": True, "params": {"c1": 0.02, "c2": 0.05}},
    "lexicon_w1": {"lexicon": True, "params": {}, "window": 1},
    "lexicon_w3": {"lexicon": True, "params": {}, "window": 3},
    "lexicon_aqmar": {"lexicon": True, "params": {}, "extra": ["ner/aqmar/train.conll"]},
    "lexicon_names": {"lexicon": True, "params": {}, "names": True},
    "lexicon_gaz": {"lexicon": True, "params": {}, "gaz": True},
    "lexicon_names_gaz": {"lexicon": True, "params": {}, "names": True, "gaz": True},
    "lexicon_ext": {"lexicon": True, "params": {}, "external": True},
    "lexicon_gaz_ext": {"lexicon": True, "params": {}, "gaz": True, "external": True},
    "lexicon_names_ext": {"lexicon": True, "params": {}, "names": True, "external": True},
    "lexicon_names_c1_0.2": {"lexicon": True, "params": {"c1": 0.2, "c2": 0.01}, "names": True},
    "lexicon_names_c2_0.1": {"lexicon": True, "params": {"c1": 0.02, "c2": 0.1}, "names": True},
    "lexicon_names_c2_0.3": {"lexicon": True, "params": {"c1": 0.01, "c2": 0.3}, "names": True},
    "lexicon_names2_c2_0.3": {"lexicon": True, "params": {"c1": 0.01, "c2": 0.3}, "names": True,
                              "names_round2": "lexicon_names_c2_0.3"},
    "lexicon_names_c2_0.1_w3": {"lexicon": True, "params": {"c1": 0.02, "c2": 0.1}, "names": True, "window": 3},
    "lexicon_names_ext_c1_0.1": {"lexicon": True, "params": {"c1": 0.1, "c2": 0.01}, "names": True,
                                 "external": True},
}

#: Annotated corpora whose names form the external gazetteer (never ANERcorp or NewsFANE, which share
#: ANERcorp's text): (file, tag map).
EXTERNAL_NAMES = [("ner/wikifane/train.fine.conll", FANE_TO_CONLL), ("ner/aqmar/train.conll", None),
                  ("ner/aqmar/dev.conll", None)]


def get_lexicon(shared: Path, cache: Path, simhash: bool = False) -> Lexicon:
    """The corpus lexicon (built once, cached at `cache`)."""
    if cache.is_file():
        return Lexicon.load(cache)
    t = time.time()
    docs = list(tokenised(corpus_texts(shared / "datasets" / CORPUS)))
    lex = build_lexicon(docs, simhash_bits=simhash)
    lex.meta["source"] = CORPUS
    cache.parent.mkdir(parents=True, exist_ok=True)
    lex.save(cache)
    print(f"lexicon: {len(lex.words)} words, {len(lex.stems)} stems in {time.time() - t:.0f}s", file=sys.stderr)
    return lex


def with_names(lex: Lexicon, shared: Path, base_model: Path, cache: Path) -> Lexicon:
    """A copy of `lex` with the self-training name lexicon made by tagging the corpus with `base_model`."""
    if cache.is_file():
        names = json.loads(cache.read_text(encoding="utf-8"))
    else:
        t = time.time()
        base = Tagger(base_model, lexicon=lex, settings={})
        docs = tokenised(corpus_texts(shared / "datasets" / CORPUS))
        names = name_lexicon(base.tag_many, docs)
        cache.write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")
        print(f"name lexicon: {len(names)} words in {time.time() - t:.0f}s", file=sys.stderr)
    return Lexicon(words=lex.words, stems=lex.stems, meta={**lex.meta, "names_from": base_model.name},
                   names=names)


def external_names(shared: Path) -> dict[str, str]:
    """The external gazetteer: names (PER/LOC/ORG only) of the EXTERNAL_NAMES corpora."""
    es: list = []
    el: list = []
    for rel, mapping in EXTERNAL_NAMES:
        s, l = read_conll(dataset_path(shared, rel), label_map=mapping)
        es += s
        el += [[x if x[2:] in ("PER", "LOC", "ORG") else "O" for x in labs] for labs in l]
    return build_gazetteer(es, el)


def add_gazetteer(spec: dict[str, object], lex: Lexicon, sents: list, labels: list,
                  shared: Path) -> tuple[Lexicon, list | None]:
    """For `gaz` variants: the lexicon with the training names as gazetteer, and the per-sentence
    leave-fold-out gazetteers used while training; for `external` ones, the external gazetteer."""
    full = Lexicon(words=lex.words, stems=lex.stems, meta=lex.meta, names=lex.names,
                   gazetteer=build_gazetteer(sents, labels) if spec.get("gaz") else {},
                   external=external_names(shared) if spec.get("external") else {})
    return full, fold_gazetteers(sents, labels) if spec.get("gaz") else None


def evaluate(tagger: Tagger, sents: list[list[str]], gold: list[list[str]], window: int | None) -> dict[str, object]:
    """Scores without and with the consistency pass (documents: the whole list, `window` sentences back)."""
    t = time.perf_counter()
    plain = [tagger.tag(s) for s in sents]
    secs = time.perf_counter() - t
    ntok = sum(len(s) for s in sents)
    out: dict[str, object] = {"tokens": ntok, "tokens_per_s": round(ntok / secs) if secs else None,
                              "crf": score(gold, plain).as_dict()}
    prop = tagger.tag_document(sents, propagate=True, window=window)
    out["crf+propagation"] = score(gold, prop).as_dict()
    return out


def run_variant(name: str, spec: dict[str, object], train: tuple, dev: tuple, lex: Lexicon,
                shared: Path, workdir: Path, suffix: str = "") -> dict[str, object]:
    """Train one variant on the dev-train part and score it on the dev part."""
    sents, labels = train
    extra = spec.get("extra") or []
    for rel in extra:  # type: ignore[union-attr]
        es, el = read_conll(dataset_path(shared, rel))
        sents, labels = sents + es, labels + el
    if spec.get("names"):
        lex = with_names(lex, shared, workdir / "dev-lexicon.crfsuite", workdir / "dev-names.json")
        if spec.get("names_round2"):
            lex = with_names(lex, shared, workdir / f"dev-{spec['names_round2']}.crfsuite",
                             workdir / "dev-names2.json")
    lex, gazetteers = add_gazetteer(spec, lex, sents, labels, shared)
    feats = Featuriser(lex if spec["lexicon"] else Lexicon(), window=int(spec.get("window", 2)))
    path = workdir / f"dev-{name}{suffix}.crfsuite"
    t = time.time()
    train_crf(sents, labels, feats, path, params=dict(spec["params"]), gazetteers=gazetteers)  # type: ignore[arg-type]
    took = time.time() - t
    tagger = Tagger(path, lexicon=feats.lexicon, settings={"window": spec.get("window", 2)})
    res = {"variant": name + suffix, "train_seconds": round(took), "spec": spec}
    for w in (10, 30):
        r = evaluate(tagger, dev[0], dev[1], window=w)
        res[f"window_{w}"] = r
    return res


def main(argv: list[str] | None = None) -> int:
    """Command line entry: `dev` or `final`."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["dev", "final"])
    ap.add_argument("--variant", action="append", help="dev variants to run (default: all)")
    ap.add_argument("--use", default="lexicon", help="variant whose settings the final model uses")
    ap.add_argument("--window", type=int, default=30, help="propagation window (sentences) for the eval sets")
    ap.add_argument("--base2", type=Path, help="round-2 base model (trained with round-1 names)")
    ap.add_argument("--simhash", action="store_true", help="add context-hash classes to the corpus lexicon")
    ap.add_argument("--workdir", default="/tmp/marsad-ner", help="scratch folder (dev models, lexicon cache)")
    ap.add_argument("--out", default=str(DEFAULT_MODEL), help="where the final model goes")
    ap.add_argument("--base", type=Path, default=Path("/tmp/marsad-ner/base.crfsuite"),
                    help="model (trained without the name lexicon) that tags the corpus for `names` variants")
    args = ap.parse_args(argv)
    random.seed(SEED)
    shared = shared_dir()
    if shared is None:
        print("train_ner: ../shared/datasets not found (set MARSAD_SHARED)", file=sys.stderr)
        return 2
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    lex = get_lexicon(shared, workdir / "corpus.lexicon.json.gz")
    if args.simhash:
        lex = get_lexicon(shared, workdir / "corpus-simhash.lexicon.json.gz", simhash=True)
    sents, labels = read_conll(dataset_path(shared, TRAIN))
    if args.mode == "dev":
        cut = int(len(sents) * 0.9)
        train, dev = (sents[:cut], labels[:cut]), (sents[cut:], labels[cut:])
        for name in args.variant or list(VARIANTS):
            res = run_variant(name, VARIANTS[name], train, dev, lex, shared, workdir,
                              suffix="+simhash" if args.simhash else "")
            line = json.dumps(res, ensure_ascii=False)
            print(line, flush=True)
            with open(workdir / "dev-results.jsonl", "a", encoding="utf-8") as fh:
                fh.write(line + "\n")
        return 0
    spec = VARIANTS[args.use]
    used_files = [TRAIN] + list(spec.get("extra") or [])  # type: ignore[operator]
    name_files = [rel for rel, _ in EXTERNAL_NAMES] if spec.get("external") else []
    for rel in spec.get("extra") or []:  # type: ignore[union-attr]
        es, el = read_conll(dataset_path(shared, rel))
        sents, labels = sents + es, labels + el
    if spec.get("names"):
        if not args.base.is_file():
            print(f"train_ner: base model {args.base} not found (train --use lexicon first)", file=sys.stderr)
            return 2
        lex = with_names(lex, shared, args.base, workdir / f"names-{args.base.stem}.json")
        if spec.get("names_round2"):
            if args.base2 is None or not args.base2.is_file():
                print("train_ner: a names_round2 variant needs --base2 (a model trained with names)", file=sys.stderr)
                return 2
            lex = with_names(lex, shared, args.base2, workdir / f"names-{args.base2.stem}.json")
    lex, gazetteers = add_gazetteer(spec, lex, sents, labels, shared)
    feats = Featuriser(lex if spec["lexicon"] else Lexicon(), window=int(spec.get("window", 2)))
    out = Path(args.out)
    t = time.time()
    train_crf(sents, labels, feats, out, params=dict(spec["params"]), gazetteers=gazetteers)  # type: ignore[arg-type]
    took = time.time() - t
    if spec["lexicon"]:
        feats.lexicon.save(lexicon_path(out))
    inference = {"window": int(spec.get("window", 2)), "propagate": True, "propagate_window": None,
                 "propagate_min_chars": 3}
    tagger = Tagger(out, lexicon=feats.lexicon, settings=inference)
    scores = {}
    for key, (rel, mapping) in EVAL_SETS.items():
        es, el = read_conll(dataset_path(shared, rel), label_map=mapping)
        scores[key] = evaluate(tagger, es, el, window=args.window)
        print(key, json.dumps(scores[key]["crf+propagation"]["micro"]), file=sys.stderr)  # type: ignore[index]
    files = {rel: file_sha256(dataset_path(shared, rel)) for rel in used_files + name_files + [CORPUS if spec["lexicon"] else ""]
             if rel}
    files.update({rel: file_sha256(dataset_path(shared, rel)) for rel, _ in EVAL_SETS.values()})
    sidecar = {
        "model": out.name,
        "trained": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "trainer": f"python-crfsuite {pycrfsuite.__version__ if hasattr(pycrfsuite, '__version__') else ''}".strip(),
        "seed": SEED,
        "train_seconds": round(took),
        "train_files": used_files,
        "unlabelled_files": [CORPUS] if spec["lexicon"] else [],
        "gazetteer_files": name_files,
        "names_lexicon": ({"how": "the corpus tagged by a base model (--base: variant 'lexicon', same train "
                                  "split, no name lexicon; with names_round2, tagged again by --base2, a model "
                                  "using the first names); words tagged as names at least 5% of the time",
                           "base_model_sha256": file_sha256(args.base), "words": len(feats.lexicon.names),
                           "round2_base_model_sha256": file_sha256(args.base2) if spec.get("names_round2") else None}
                          if spec.get("names") else None),
        "sha256": files,
        "settings": {"variant": args.use, "crf": {**DEFAULT_PARAMS, **spec["params"]},  # type: ignore[dict-item]
                     "inference": inference, "eval_propagation_window": args.window,
                     "lexicon": feats.lexicon.meta},
        "scores": scores,
        "labels": ["PER", "LOC", "ORG", "MISC"],
        "credits": "ANERcorp (Benajiba & Rosso 2008; CAMeL split, Obeid et al. 2020); "
                   "ANT corpus v2.1 (Chouigui et al., Apache-2.0) for the distributional lexicon",
    }
    sidecar_path(out).write_text(json.dumps(sidecar, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v["crf+propagation"]["micro"] for k, v in scores.items()}))  # type: ignore[index]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
