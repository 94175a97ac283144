"""Pretrain the neural NER tagger's encoder as a bidirectional language model on the news corpus.

    nice .venv/bin/python scripts/pretrain_ner_lm.py --vectors /tmp/marsad-ner/vectors --out /tmp/marsad-ner/lm.pt
    nice .venv/bin/python scripts/train_ner_nn.py dev --vectors /tmp/marsad-ner/vectors --init /tmp/marsad-ner/lm.pt

Needs the training extra (`pip install -e '.[train]'`). Reads `datasets/corpus-ant-2018.jsonl.gz`
(unlabelled), clusters the word vectors (`--clusters`), trains the encoder to predict each token's
neighbours' clusters (`training.ner.lm_pretraining`) and writes the encoder's weights (`--out`, a
PyTorch state file) with a JSON sidecar (settings, progress, held-out loss, checksums). The network's
shape options must be those `train_ner_nn.py` will use; the character and clitic-pattern vocabularies
come from ANERcorp train, as in `train_ner_nn.py`, so the weights fit. Fixed seeds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from marsad.ner.conll import read_conll  # noqa: E402
from marsad.ner.features import Lexicon  # noqa: E402
from training.ner.datasets import dataset_path, file_sha256  # noqa: E402
from training.ner.distrib import corpus_texts, tokenised  # noqa: E402
from training.ner.lm_pretraining import chunk_documents, describe, encoder_state, kmeans, pretrain  # noqa: E402
from training.ner.nn_training import add_net_arguments, build_encoder  # noqa: E402
from training.ner.vectors import load_vectors  # noqa: E402

NAMES_FROM = ROOT / "marsad" / "ner" / "models" / "ner-crf.lexicon.json.gz"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared")))
    ap.add_argument("--vectors", type=Path, required=True, help="folder with words.npz and stems.npz")
    ap.add_argument("--out", type=Path, required=True, help="the encoder's weights (.pt)")
    ap.add_argument("--names-file", type=Path, default=None,
                    help="a JSON name lexicon (word -> type) instead of the shipped CRF's")
    ap.add_argument("--init", type=Path, default=None, help="go on from an encoder written by an earlier run")
    ap.add_argument("--clusters", type=int, default=1024, help="word classes the language model predicts")
    ap.add_argument("--limit", type=int, default=None, help="read only this many articles")
    ap.add_argument("--held-out", type=int, default=2000, help="sentences kept aside to measure the loss")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--report-every", type=int, default=200)
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    add_net_arguments(ap)
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)
    corpus = args.shared / "datasets" / "corpus-ant-2018.jsonl.gz"
    train_file = dataset_path(args.shared, "ner/anercorp/train.conll")
    for p in (corpus, train_file):
        if not p.is_file():
            print(f"pretrain_ner_lm: {p}: not found (set MARSAD_SHARED)", file=sys.stderr)
            return 2
    t0 = time.time()
    words, word_vecs = load_vectors(args.vectors / "words.npz")
    stems, stem_vecs = load_vectors(args.vectors / "stems.npz")
    if not args.names:
        names: dict[str, str] = {}
    elif args.names_file:
        names = json.loads(args.names_file.read_text(encoding="utf-8"))
    else:
        names = Lexicon.load(NAMES_FROM).names
    enc = build_encoder(read_conll(train_file)[0], words, stems, names)
    clusters = kmeans(word_vecs, args.clusters, args.seed)
    print(f"{len(words)} words in {args.clusters} classes ({time.time() - t0:.0f}s)", flush=True)
    sents = chunk_documents(list(tokenised(corpus_texts(corpus, args.limit))))
    random.Random(args.seed).shuffle(sents)
    held, sents = sents[:args.held_out], sents[args.held_out:]
    print(f"{len(sents)} sentences, {sum(map(len, sents))} tokens ({time.time() - t0:.0f}s)", flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.save(args.out.with_suffix(".clusters.npy"), clusters)
    sha = {"corpus-ant-2018.jsonl.gz": file_sha256(corpus),
           "ner/anercorp/train.conll (vocabularies)": file_sha256(train_file),
           **{f"vectors/{n}": file_sha256(args.vectors / n) for n in ("words.npz", "stems.npz")}}

    def save(epoch: int, net: torch.nn.Module, history: list[dict[str, object]]) -> None:
        # every epoch's encoder is kept (with its sidecar): the last as --out, earlier ones beside it
        path = args.out if epoch == args.epochs else args.out.with_suffix(f".epoch{epoch}.pt")
        torch.save(encoder_state(net), path)
        extra = {"epochs_done": epoch, "minutes": round((time.time() - t0) / 60, 1), "sentences": len(sents),
                 "sha256": sha}
        path.with_suffix(".json").write_text(describe(args, history, extra), encoding="utf-8")
        print(f"wrote {path}", flush=True)

    pretrain(args, sents, held, enc, word_vecs, stem_vecs, clusters,
             report=lambda rec: print(json.dumps(rec), flush=True), on_epoch=save)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
