"""The shared ANT 2018 corpus for the speed benchmarks: where it is, and its first N articles as a
JSON Lines file or as texts (one reader for bench_store, bench_scale and bench_pipeline).

    from ant_corpus import corpus_path, sample_file, texts
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:   # run as `python benchmarks/bench_x.py`: the checkout's marsad first
    sys.path.insert(0, str(ROOT))

from marsad.settings import shared_dir  # noqa: E402

#: The corpus file, under the shared folder (../shared or $MARSAD_SHARED).
CORPUS = Path("datasets") / "corpus-ant-2018.jsonl.gz"


def corpus_path() -> Path | None:
    """The corpus file, or None when the shared folder is absent."""
    shared = shared_dir()
    return shared / CORPUS if shared is not None else None


def corpus_or_say() -> Path | None:
    """The corpus file when it is there; else None, after saying on standard error what is missing."""
    path = corpus_path()
    if path is None or not path.is_file():
        print("the corpus datasets/corpus-ant-2018.jsonl.gz of the shared data folder was not found "
              "(set MARSAD_SHARED)", file=sys.stderr)
        return None
    return path


def _lines(limit: int | None) -> Iterator[str]:
    """The corpus's first `limit` lines (all of them when None)."""
    path = corpus_path()
    if path is None:
        raise SystemExit("the corpus is absent: ../shared/datasets (or $MARSAD_SHARED) is needed")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            yield line


def sample_file(limit: int | None, folder: Path) -> Path:
    """The first `limit` corpus records as `folder`/sample.jsonl (the corpus file itself when None)."""
    if not limit:
        path = corpus_path()
        if path is None:
            raise SystemExit("the corpus is absent: ../shared/datasets (or $MARSAD_SHARED) is needed")
        return path
    out = folder / "sample.jsonl"
    with open(out, "w", encoding="utf-8") as dst:
        dst.writelines(_lines(limit))
    return out


def texts(limit: int | None) -> list[str]:
    """The bodies of the first `limit` corpus records (all when None)."""
    return [json.loads(line).get("text") or "" for line in _lines(limit)]
