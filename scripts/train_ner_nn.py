"""Train marsad's neural NER tagger (char-CNN + BiLSTM + CRF, PyTorch on the CPU) and export it to NumPy.

    nice .venv/bin/python scripts/embed_corpus.py --out /tmp/marsad-ner/vectors       # once, ~5 min
    nice .venv/bin/python scripts/train_ner_nn.py dev --vectors /tmp/marsad-ner/vectors [--hidden 128 ...]
    nice .venv/bin/python scripts/train_ner_nn.py final --vectors /tmp/marsad-ner/vectors [same settings]

Needs the training extra (`pip install -e '.[train]'`: torch, gensim). `dev` trains on ANERcorp train
minus its last 10% of sentences and picks the epoch by F1 on that 10%; `final` trains on all of train
for the epoch count given (`--epochs`, default the one `dev` found best), scores the ANERcorp, AQMAR and
WikiFANE test sets once and writes `marsad/ner/models/ner-nn.npz` and its JSON sidecar. Test splits
are never trained on. Fixed seeds; the data files' SHA-256 go into the sidecar.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

from marsad.ner.conll import read_conll  # noqa: E402
from marsad.ner.features import Lexicon  # noqa: E402
from marsad.ner.neural import NeuralTagger, sidecar_path  # noqa: E402
from training.ner.datasets import EVAL_SETS, FANE_TO_CONLL, dataset_path, file_sha256  # noqa: E402
from training.ner.distillation import sample_sentences, teacher_scores  # noqa: E402
from training.ner.distrib import annotated_lexicon, corpus_texts, tokenised  # noqa: E402
from training.ner.gazetteer import load_gazetteer, merge_names  # noqa: E402
from training.ner.nn_training import Net, add_net_arguments, build_encoder, evaluate, export, train  # noqa: E402
from training.ner.subword_training import extend_vocabulary, load_subword  # noqa: E402
from training.ner.vectors import load_vectors  # noqa: E402

#: auxiliary training sets (train splits only) and their tag maps
AUX_SETS = {"wikifane": ("ner/wikifane/train.fine.conll", FANE_TO_CONLL), "aqmar": ("ner/aqmar/train.conll", None)}
MODEL_OUT = ROOT / "marsad" / "ner" / "models" / "ner-nn.npz"
NAMES_FROM = ROOT / "marsad" / "ner" / "models" / "ner-crf.lexicon.json.gz"
#: the n-gram table beside the word vectors, when they come from fastText
NGRAM_FILE = "ngrams.npz"


def _labelled_set(shared: Path, name: str) -> tuple[list[list[str]], list[list[str]]]:
    """The sentences and mapped labels of the training set `name` of AUX_SETS."""
    rel, mapping = AUX_SETS[name]
    return read_conll(dataset_path(shared, rel), mapping)


def _pretraining_record(init: Path) -> dict[str, object]:
    """The settings and held-out losses of a pretrained encoder (its sidecar), for the model's sidecar."""
    side = init.with_suffix(".json")
    if not side.is_file():
        return {"file": init.name}
    rec = json.loads(side.read_text(encoding="utf-8"))
    return {"file": init.name, "settings": rec.get("settings"), "history": rec.get("history"),
            "sentences": rec.get("sentences"), "minutes": rec.get("minutes")}


def _teacher_record(teacher: Path) -> dict[str, object]:
    """The teacher's file, members and scores (its sidecar), for the student's sidecar."""
    side = sidecar_path(teacher)
    rec = json.loads(side.read_text(encoding="utf-8")) if side.is_file() else {}
    return {"file": teacher.name, "members": rec.get("members"), "seed": rec.get("seed"),
            "anercorp_test_f1": (rec.get("scores", {}).get("anercorp_test", {}).get("micro", {}).get("f1"))}


def _distillation_set(args: argparse.Namespace, corpus: Path) -> tuple[list[list[str]], list]:
    """Corpus sentences and the teacher's label scores for them (training.ner.distillation)."""
    if not corpus.is_file():
        raise SystemExit(f"train_ner_nn: {corpus}: not found (set MARSAD_SHARED)")
    teacher = NeuralTagger(args.teacher, settings={})
    t0 = time.time()
    pool = sample_sentences(tokenised(corpus_texts(corpus)), args.distill_sentences, args.seed)
    print(f"distillation: {len(pool)} corpus sentences ({sum(map(len, pool))} tokens)", flush=True)
    scores = teacher_scores(teacher.scores_many, pool, report=lambda n: print(
        f"  teacher {args.teacher.name}: {n}/{len(pool)} sentences scored", flush=True) if n % 10240 < 512 else None)
    print(f"distillation set ready in {time.time() - t0:.0f}s", flush=True)
    return pool, scores


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("dev", "final", "merge"))
    ap.add_argument("--members", type=Path, nargs="*", default=[],
                    help="merge: the .pt files of `final` runs (same settings, other seeds) to ship as one ensemble")
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared")))
    ap.add_argument("--vectors", type=Path, required=True, help="folder with words.npz and stems.npz, and ngrams.npz if "
                    "the word vectors come from fastText (embed_corpus.py --kind fasttext)")
    ap.add_argument("--out", type=Path, default=None, help=f"model file (final default {MODEL_OUT})")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=2e-3)
    add_net_arguments(ap)
    ap.add_argument("--init", type=Path, default=None,
                    help="start from a pretrained encoder (scripts/pretrain_ner_lm.py); same network shape")
    ap.add_argument("--names-file", type=Path, default=None,
                    help="a JSON name lexicon (word -> type) instead of the shipped CRF's; dev runs should pass "
                    "one made by a model that never saw the dev sentences")
    ap.add_argument("--gazetteer", type=Path, default=None,
                    help="a person-name gazetteer (scripts/build_name_gazetteer.py): the words the name lexicon "
                    "lacks get the types GAZ:hi / GAZ:lo (training.ner.gazetteer)")
    ap.add_argument("--gazetteer-skip", type=int, default=0,
                    help="leave out of the gazetteer the N commonest words of the word vectors (names that "
                    "are also everyday words)")
    ap.add_argument("--aux", default="", help="comma-separated auxiliary training sets, each with its own "
                    "output layer: wikifane (FANE types mapped to PER/LOC/ORG), aqmar")
    ap.add_argument("--annotated-names", default="",
                    help="comma-separated training sets (wikifane, aqmar) whose annotations add to the name "
                    "lexicon the words it lacks, typed by their labels there (training.ner.distrib.annotated_lexicon)")
    ap.add_argument("--aux-ratio", type=float, default=1.0,
                    help="auxiliary sentences per epoch, as a fraction of the main set (per auxiliary set)")
    ap.add_argument("--average-from", type=int, default=0,
                    help="from this epoch on, use the mean of the network's weights at the end of each epoch "
                    "(weight averaging; 0: off)")
    ap.add_argument("--swap-rate", type=float, default=0.0,
                    help="each epoch, swap this share of the training mentions for random mentions of the same "
                    "type from the training and auxiliary sets (training.ner.augment)")
    ap.add_argument("--swap-types", default="PER,LOC,ORG,MISC",
                    help="comma-separated mention types --swap-rate swaps")
    ap.add_argument("--silver-main", type=Path, default=None,
                    help="self-training sentences (CoNLL) added to the main training set")
    ap.add_argument("--teacher", type=Path, default=None,
                    help="distil this neural model (an .npz, often an ensemble) on corpus sentences into the "
                    "network trained (training.ner.distillation); dev runs need a teacher that never saw the dev sentences")
    ap.add_argument("--distill-sentences", type=int, default=40_000,
                    help="corpus sentences the teacher scores once (the pool sampled each epoch)")
    ap.add_argument("--distill-ratio", type=float, default=1.0,
                    help="distillation sentences per epoch, as a fraction of the main set")
    ap.add_argument("--distill-weight", type=float, default=1.0, help="weight of the distillation loss")
    ap.add_argument("--distill-temperature", type=float, default=1.0, help="softmax temperature of the distillation loss")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)
    train_file = dataset_path(args.shared, "ner/anercorp/train.conll")
    if not train_file.is_file():
        print(f"train_ner_nn: {train_file}: not found (set MARSAD_SHARED)", file=sys.stderr)
        return 2
    sents, labels = read_conll(train_file)
    words, word_vecs = load_vectors(args.vectors / "words.npz")
    stems, stem_vecs = load_vectors(args.vectors / "stems.npz")
    names_from = args.names_file or NAMES_FROM
    if not args.names:
        names = {}
    elif args.names_file:
        names = json.loads(args.names_file.read_text(encoding="utf-8"))
    else:
        names = Lexicon.load(NAMES_FROM).names
    if args.gazetteer:
        if not args.names:
            print("train_ner_nn: --gazetteer needs the name lexicon input (drop --no-names)", file=sys.stderr)
            return 2
        try:
            names = merge_names(names, load_gazetteer(args.gazetteer), skip=set(words[:args.gazetteer_skip]))
        except (OSError, ValueError) as exc:
            print(f"train_ner_nn: {exc}", file=sys.stderr)
            return 2
    aux_names = [a for a in args.aux.split(",") if a]
    aux = []
    for name in aux_names:
        if name.startswith("silver:"):  # self-training data from scripts/make_silver.py
            aux.append(read_conll(name.split(":", 1)[1]))
        else:
            aux.append(_labelled_set(args.shared, name))
        print(f"aux {name}: {len(aux[-1][0])} sentences", flush=True)
    args.aux_names = [re.sub(r"\W", "_", n) for n in aux_names]  # module names may not hold dots
    annotated = [a for a in args.annotated_names.split(",") if a]
    for name in annotated:
        if name in aux_names:
            labelled = aux[aux_names.index(name)]
        elif name in AUX_SETS:
            labelled = _labelled_set(args.shared, name)
        else:
            print(f"train_ner_nn: --annotated-names {name}: not one of {', '.join(AUX_SETS)}", file=sys.stderr)
            return 2
        added = {w: t for w, t in annotated_lexicon(*labelled).items() if w not in names}
        names = {**names, **added}
        print(f"name lexicon + {len(added)} words from the annotations of {name}", flush=True)
    distill = None
    corpus = dataset_path(args.shared, "corpus-ant-2018.jsonl.gz")
    if args.teacher and args.mode != "merge":  # merged members were distilled when they were trained
        distill = _distillation_set(args, corpus)
    extra: tuple[list, list] = ([], [])
    if args.silver_main:
        extra = read_conll(args.silver_main)
    # with an n-gram table (scripts/embed_corpus.py --kind fasttext), the words of the training data that
    # the vectors lack join the vocabulary with the n-gram vectors tagging computes for unknown words
    subword = None
    ngram_file = args.vectors / NGRAM_FILE
    if ngram_file.is_file():
        try:
            subword = load_subword(ngram_file)
            words, word_vecs = extend_vocabulary(
                words, word_vecs, [*sents, *extra[0], *(s for a in aux for s in a[0])], subword)
        except ValueError as exc:
            print(f"train_ner_nn: {exc}", file=sys.stderr)
            return 2
        print(f"vocabulary with the training data's unknown words: {len(words)}", flush=True)
    enc = build_encoder(sents, words, stems, names, subword)
    out = args.out or (Path("/tmp/marsad-ner/nn-dev.npz") if args.mode == "dev" else MODEL_OUT)
    settings = {k: (str(v) if isinstance(v, Path) else [str(x) for x in v] if isinstance(v, list) else v)
                for k, v in vars(args).items() if k not in ("shared", "out", "mode", "threads", "aux_names")}
    t0 = time.time()
    if args.mode == "dev":
        cut = int(len(sents) * 0.9)
        res = train(args, (sents[:cut] + extra[0], labels[:cut] + extra[1]), (sents[cut:], labels[cut:]), enc,
                    word_vecs, stem_vecs, out, aux, distill)
        res.pop("net")
        print(json.dumps({"settings": settings, **res, "minutes": round((time.time() - t0) / 60, 1)}))
        return 0
    if args.mode == "merge":
        if len(args.members) < 2:
            print("train_ner_nn: merge needs two or more --members", file=sys.stderr)
            return 2
        nets = []
        for pt in args.members:
            net = Net(enc, word_vecs, stem_vecs, args)
            net.load_state_dict(torch.load(pt))
            nets.append(net.eval())
        export(nets, enc, out)
        member_meta = [json.loads(sidecar_path(pt.with_suffix(".npz")).read_text(encoding="utf-8"))
                       for pt in args.members]
        res = {"history": [m["history"] for m in member_meta],
               # members may differ in training settings (say, --swap-rate): keep each one's
               "member_settings": [m.get("settings", {}).get("training") for m in member_meta]}
        seeds = [m["seed"] for m in member_meta]
    else:
        res = train(args, (sents + extra[0], labels + extra[1]), None, enc, word_vecs, stem_vecs, out, aux, distill)
        torch.save(res.pop("net").state_dict(), out.with_suffix(".pt"))
        seeds = [args.seed]
    tagger = NeuralTagger(out, settings={})
    t1 = time.perf_counter()
    NeuralTagger(out, settings={})
    load_s = time.perf_counter() - t1
    scores = {}
    for name, (rel, mapping) in EVAL_SETS.items():
        p = dataset_path(args.shared, rel)
        if p.is_file():
            s, g = read_conll(p, mapping)
            scores[name] = evaluate(tagger, s, g)
            print(name, json.dumps(scores[name]["micro"]), flush=True)
    labelled_sets = [a for a in dict.fromkeys([*aux_names, *annotated]) if a in AUX_SETS]
    vec_files = [args.vectors / "words.npz", args.vectors / "stems.npz"] + ([ngram_file] if subword else [])
    meta = {
        "model": out.name,
        "kind": "char-CNN + BiLSTM + CRF, exported from PyTorch to NumPy",
        "trained": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "train_seconds": round(time.time() - t0),
        "torch": torch.__version__,
        "seed": seeds[0] if len(seeds) == 1 else seeds,
        "members": len(seeds),
        "train_files": ["ner/anercorp/train.conll"] + [AUX_SETS[a][0] for a in labelled_sets],
        "unlabelled_files": ["corpus-ant-2018.jsonl.gz (word and stem vectors, scripts/embed_corpus.py)"]
        + (["corpus-ant-2018.jsonl.gz (encoder pretrained as a language model, scripts/pretrain_ner_lm.py)"]
           if args.init else [])
        + ([f"corpus-ant-2018.jsonl.gz ({args.distill_sentences} sentences scored by the teacher {args.teacher.name})"]
           if args.teacher else []),
        "sha256": {"ner/anercorp/train.conll": file_sha256(train_file),
                   **{AUX_SETS[a][0]: file_sha256(dataset_path(args.shared, AUX_SETS[a][0])) for a in labelled_sets},
                   **{f"vectors/{p.name}": file_sha256(p) for p in vec_files},
                   **({f"{names_from.name} (name lexicon)": file_sha256(names_from)} if args.names else {}),
                   **({f"{args.gazetteer.name} (name gazetteer)": file_sha256(args.gazetteer)}
                      if args.gazetteer else {}),
                   **({f"{args.init.name} (pretrained encoder)": file_sha256(args.init)} if args.init else {}),
                   **({f"{args.teacher.name} (teacher)": file_sha256(args.teacher),
                       "corpus-ant-2018.jsonl.gz": file_sha256(corpus)} if args.teacher else {})},
        "settings": {"training": settings, "inference": {"propagate": True, "propagate_window": None,
                                                         "propagate_min_chars": 3, "propagate_clitics": True}},
        "load_seconds": round(load_s, 3),
        "size_bytes": out.stat().st_size,
        "history": res["history"],
        **({"member_settings": res["member_settings"]} if "member_settings" in res else {}),
        **({"pretraining": _pretraining_record(args.init)} if args.init else {}),
        **({"teacher": _teacher_record(args.teacher)} if args.teacher else {}),
        "scores": scores,
    }
    sidecar_path(out).write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB) and its sidecar")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
