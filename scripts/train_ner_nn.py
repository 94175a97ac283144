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
import hashlib
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

from marsad.ner.conll import read_conll  # noqa: E402
from marsad.ner.datasets import EVAL_SETS, dataset_path  # noqa: E402
from marsad.ner.features import Lexicon  # noqa: E402
from marsad.ner.neural import NeuralTagger, sidecar_path  # noqa: E402
from marsad.ner.nn_training import build_encoder, evaluate, train  # noqa: E402
from marsad.ner.vectors import load_vectors  # noqa: E402

MODEL_OUT = ROOT / "marsad" / "ner" / "models" / "ner-nn.npz"
NAMES_FROM = ROOT / "marsad" / "ner" / "models" / "ner-crf.lexicon.json.gz"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("dev", "final"))
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared")))
    ap.add_argument("--vectors", type=Path, required=True, help="folder with words.npz and stems.npz")
    ap.add_argument("--out", type=Path, default=None, help=f"model file (final default {MODEL_OUT})")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--char-dim", type=int, default=32)
    ap.add_argument("--filters", type=int, default=64)
    ap.add_argument("--kernel", type=int, default=3)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--word-dropout", type=float, default=0.05)
    ap.add_argument("--freeze", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--names", action=argparse.BooleanOptionalAction, default=True,
                    help="use the self-training name lexicon of the CRF model as an input")
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
    names = Lexicon.load(NAMES_FROM).names if args.names else {}
    enc = build_encoder(sents, words, stems, names)
    out = args.out or (Path("/tmp/marsad-ner/nn-dev.npz") if args.mode == "dev" else MODEL_OUT)
    settings = {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()
                if k not in ("shared", "out", "mode", "threads")}
    t0 = time.time()
    if args.mode == "dev":
        cut = int(len(sents) * 0.9)
        res = train(args, (sents[:cut], labels[:cut]), (sents[cut:], labels[cut:]), enc, word_vecs, stem_vecs, out)
        print(json.dumps({"settings": settings, **res, "minutes": round((time.time() - t0) / 60, 1)}))
        return 0
    res = train(args, (sents, labels), None, enc, word_vecs, stem_vecs, out)
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
    vec_files = [args.vectors / "words.npz", args.vectors / "stems.npz"]
    meta = {
        "model": out.name,
        "kind": "char-CNN + BiLSTM + CRF, exported from PyTorch to NumPy",
        "trained": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "train_seconds": round(time.time() - t0),
        "torch": torch.__version__,
        "seed": args.seed,
        "train_files": ["ner/anercorp/train.conll"],
        "unlabelled_files": ["corpus-ant-2018.jsonl.gz (word and stem vectors, scripts/embed_corpus.py)"],
        "sha256": {"ner/anercorp/train.conll": sha256(train_file),
                   **{f"vectors/{p.name}": sha256(p) for p in vec_files},
                   **({"ner-crf.lexicon.json.gz (name lexicon)": sha256(NAMES_FROM)} if args.names else {})},
        "settings": {"training": settings, "inference": {"propagate": True, "propagate_window": None,
                                                         "propagate_min_chars": 3}},
        "load_seconds": round(load_s, 3),
        "size_bytes": out.stat().st_size,
        "history": res["history"],
        "scores": scores,
    }
    sidecar_path(out).write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB) and its sidecar")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
