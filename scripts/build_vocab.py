"""Build the word-frequency list that the proclitic splitter leans on.

Reads the ANT 2018 news corpus (`datasets/corpus-ant-2018.jsonl.gz` of the shared folder), counts
every normalised Arabic word of the titles and texts, and writes the words seen at least
`--min-count` times, most frequent first, as `word<TAB>count` lines to a gzip file (by default
`marsad/data/vocab/words.tsv.gz`). A frequency list is a derived fact about the corpus, not its text.

    .venv/bin/python scripts/build_vocab.py [--corpus FILE] [--min-count 3] [--out FILE]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.settings import shared_dir  # noqa: E402
from marsad.text.normalise import normalise  # noqa: E402

#: a run of Arabic letters (after normalisation: no marks, no tatweel)
_ARABIC_WORD = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")


def count_words(corpus: Path) -> tuple[Counter[str], int]:
    """Counts of normalised Arabic words over the titles and texts of a .jsonl(.gz) corpus."""
    counts: Counter[str] = Counter()
    opener = gzip.open if corpus.suffix == ".gz" else open
    docs = 0
    with opener(corpus, "rt", encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{corpus}:{lineno}: not valid JSON ({exc})") from None
            text = f"{rec.get('title') or ''}\n{rec.get('text') or ''}"
            counts.update(_ARABIC_WORD.findall(normalise(text)))
            docs += 1
    return counts, docs


def write_vocab(counts: Counter[str], out: Path, min_count: int) -> int:
    """Write `word<TAB>count` lines (most frequent first) to a gzip file; returns the number kept."""
    kept = [(w, c) for w, c in counts.most_common() if c >= min_count]
    out.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f"{w}\t{c}\n" for w, c in kept)
    # mtime=0 keeps the file byte-identical between runs over the same corpus
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(body.encode("utf-8"))
    return len(kept)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=None,
                    help="the .jsonl(.gz) corpus (default: <shared>/datasets/corpus-ant-2018.jsonl.gz)")
    ap.add_argument("--min-count", type=int, default=3, help="keep words seen at least this often (3)")
    ap.add_argument("--out", type=Path, default=ROOT / "marsad" / "data" / "vocab" / "words.tsv.gz")
    args = ap.parse_args(argv)
    corpus = args.corpus
    if corpus is None:
        shared = shared_dir()
        if shared is None:
            print("build_vocab: the shared folder is absent; pass --corpus FILE or set MARSAD_SHARED",
                  file=sys.stderr)
            return 2
        corpus = shared / "datasets" / "corpus-ant-2018.jsonl.gz"
    if not corpus.is_file():
        print(f"build_vocab: {corpus}: no such file", file=sys.stderr)
        return 2
    counts, docs = count_words(corpus)
    kept = write_vocab(counts, args.out, args.min_count)
    print(f"{docs} documents, {sum(counts.values())} words, {len(counts)} distinct; "
          f"{kept} with count >= {args.min_count} written to {args.out} "
          f"({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
