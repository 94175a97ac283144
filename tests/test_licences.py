"""NOTICE and the package metadata say what ships: every shipped data file and model is named in
NOTICE, and the SPDX expression of pyproject.toml covers the terms of the data the files come from."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "marsad"
SHIPPED_DIRS = ("data", "ner/models", "schemas")


def _notice() -> str:
    return (ROOT / "NOTICE").read_text(encoding="utf-8")


def _expression() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["license"]


def _shipped() -> list[Path]:
    return sorted(p for d in SHIPPED_DIRS for p in (PACKAGE / d).rglob("*") if p.is_file()
                  and "__pycache__" not in p.parts)


def _named(path: Path, notice: str) -> bool:
    """The file's path is in NOTICE, or its folder's glob with the file's stem in the list after it."""
    rel = path.relative_to(ROOT).as_posix()
    if rel in notice or f"models/{path.name}" in rel and path.name in notice:
        return True
    glob = f"{path.parent.relative_to(ROOT).as_posix()}/*{''.join(path.suffixes)}"
    at = notice.find(glob)
    return at >= 0 and path.name.split(".")[0] in notice[at:at + 600]


@pytest.mark.parametrize("path", _shipped(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_notice_names_every_shipped_file(path: Path) -> None:
    assert _named(path, _notice()), f"NOTICE does not name {path.relative_to(ROOT)}"


def test_the_expression_is_valid_spdx_and_matches_notice() -> None:
    from packaging.licenses import canonicalize_license_expression

    expr = _expression()
    assert canonicalize_license_expression(expr) == expr
    assert expr in _notice()
    for ref in (p for p in expr.split() if p.startswith("LicenseRef-")):
        assert (ROOT / "LICENSES" / f"{ref}.txt").is_file(), f"{ref} has no text in LICENSES/"


def test_osm_and_geonames_rows_are_covered() -> None:
    rows = [ln.rstrip("\n").split("\t") for ln in (PACKAGE / "data/places/libya.tsv").open(encoding="utf-8")
            if ln.strip() and not ln.startswith("#")]
    col = rows[0].index("source")
    sources = {s for r in rows[1:] for s in r[col].split("+")}
    expr = _expression()
    assert "osm" not in sources or "ODbL-1.0" in expr
    assert "geonames" not in sources or "CC-BY-4.0" in expr
    other = [p for p in (PACKAGE / "data/places").glob("*.tsv") if p.name != "libya.tsv"]
    for path in other:  # the hand-written tables must stay hand-written, or NOTICE must change
        rows = [ln.rstrip("\n").split("\t") for ln in path.open(encoding="utf-8") if ln.strip() and not ln.startswith("#")]
        col = rows[0].index("source")
        assert {r[col] for r in rows[1:] if len(r) > col} <= {"marsad"}, path.name


@pytest.mark.parametrize("sidecar", ["ner-crf.json", "ner-nn.json"])
def test_the_models_training_data_are_covered(sidecar: str) -> None:
    train = json.loads((PACKAGE / "ner/models" / sidecar).read_text(encoding="utf-8"))["train_files"]
    expr = _expression()
    known = {"anercorp": "LicenseRef-ANERcorp-research", "wikifane": "CC-BY-SA-3.0", "aqmar": "CC-BY-SA-3.0"}
    for file in train:
        corpus = file.split("/")[1]
        assert corpus in known, f"{sidecar}: training file {file} has no known licence; add it to NOTICE"
        assert known[corpus] in expr, f"{sidecar} is trained on {corpus}: {known[corpus]} missing from the metadata"
