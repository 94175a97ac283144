"""The dev split's gold files, for the scripts that list dev errors by cause."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "benchmarks" / "gold" / "dev"


def dev_files() -> list[Path]:
    """The dev split's gold files (splits.json's `dev` list)."""
    split = json.loads((ROOT / "benchmarks" / "gold" / "splits.json").read_text(encoding="utf-8"))
    return [DEV / f"{n}.gold.json" for n in split["dev"]]
