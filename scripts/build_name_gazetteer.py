"""Build marsad's gazetteer of Arabic-script person names from the names-dataset package.

    .venv/bin/pip install names-dataset==3.3.1        # or: pip install -e '.[gazetteer]'
    .venv/bin/python scripts/build_name_gazetteer.py  # writes /tmp/marsad-ner/names-gazetteer.tsv.gz

names-dataset (Philippe Rémy, Apache-2.0) ships first and last names with, per country, their rank
among that country's names. This keeps the names written in Arabic letters only, normalised as the
tagger sees them, each with its best rank in any country (`training.ner.gazetteer`). `--source` reads
the package's `v3` folder from elsewhere (for example an unpacked wheel). The list feeds
`scripts/train_ner_nn.py --gazetteer`; no shipped model uses it (it brought no gain on the dev splits,
see marsad/ner/models/README.md), so it is not part of the package.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from training.ner.gazetteer import arabic_names, save_gazetteer  # noqa: E402

OUT = Path("/tmp/marsad-ner/names-gazetteer.tsv.gz")
FILES = ("first_names.pkl.gz", "last_names.pkl.gz")


def package_folder() -> Path | None:
    """The installed names-dataset package's `v3` data folder, or None."""
    spec = importlib.util.find_spec("names_dataset")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "v3"


def read_ranks(path: Path) -> list[tuple[str, dict[str, int]]]:
    """(name, {country: rank}) pairs of one names-dataset file."""
    with gzip.open(path, "rb") as fh:
        data = pickle.load(fh)  # the package's own data files, as its loader reads them
    return [(name, dict(info.get("rank") or {})) for name, info in data.items()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=None,
                    help="names-dataset's v3 folder (default: the installed package)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min-chars", type=int, default=2, help="shortest name kept, in letters")
    args = ap.parse_args(argv)
    source = args.source or package_folder()
    if source is None:
        print("build_name_gazetteer: names-dataset is not installed (pip install names-dataset==3.3.1) "
              "and no --source was given", file=sys.stderr)
        return 2
    missing = [f for f in FILES if not (source / f).is_file()]
    if missing:
        print(f"build_name_gazetteer: {source}: {', '.join(missing)} not found", file=sys.stderr)
        return 2
    pairs = [p for f in FILES for p in read_ranks(source / f)]
    gaz = arabic_names(pairs, args.min_chars)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_gazetteer(args.out, gaz)
    print(f"{len(pairs)} names read, {len(gaz)} Arabic-script names written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
