"""Build a self-training name lexicon: tag the news corpus with an NER model and keep, for each word
tagged as part of a name, its majority type and how often it is tagged so.

    .venv/bin/python scripts/build_name_lexicon.py --model /tmp/marsad-ner/nn-dev.npz --out /tmp/marsad-ner/names.json

The lexicon (JSON, word -> "PER:hi" ...) is an input of the neural tagger (`train_ner_nn.py --names-file`).
For a dev run, build it with a model that never saw the dev sentences (a `dev` model).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.errors import InputError  # noqa: E402
from marsad.ner.shipped import load_model  # noqa: E402
from training.ner.distrib import corpus_texts, name_lexicon, tokenised  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True, help="an NER model file (.npz or .crfsuite), or neural / crf")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared")))
    ap.add_argument("--limit", type=int, default=None, help="read only this many articles")
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args(argv)
    corpus = args.shared / "datasets" / "corpus-ant-2018.jsonl.gz"
    if not corpus.is_file():
        print(f"build_name_lexicon: {corpus}: not found (set MARSAD_SHARED)", file=sys.stderr)
        return 2
    try:
        model = load_model(args.model)
    except InputError as exc:
        print(f"build_name_lexicon: {exc}", file=sys.stderr)
        return 2
    t0 = time.time()
    names = name_lexicon(model.tag_many, tokenised(corpus_texts(corpus, args.limit)), args.min_count)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(names, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    print(f"{len(names)} words in {time.time() - t0:.0f}s -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
