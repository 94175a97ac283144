"""Where the NER data sets live under the shared folder, and how their tag sets map to PER/LOC/ORG/MISC.

WikiFANE / NewsFANE fine types follow the FANE hierarchy (Alotaibi & Lee 2014): the coarse type of each
fine type was read off NewsFANE's aligned fine and coarse files. For scoring against the tagger we map
the FANE coarse types PER → PER, GPE and LOC → LOC, ORG → ORG, and drop FAC, VEH, WEA and PRO (ANERcorp
has no such classes; its MISC is not comparable). The PER subtype Group (peoples and communities such
as "the Arabs") is dropped too, because ANERcorp leaves such words untagged.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

_FANE_PER = ("Politician", "Athlete", "Businessperson", "Artist", "Scientist", "Police", "Religious_PER",
             "Engineer", "Lawyer", "Other_PER")
_FANE_LOC = ("Continent", "Nation", "State-or-Province", "County-or-District", "Population-Center",
             "GPE-Cluster", "Special", "Water-Body", "Land-Region-Natural", "Celestial", "Address",
             "Boundary")
_FANE_ORG = ("Government", "Commercial", "Educational", "Media", "Non-Governmental", "Religious_ORG",
             "Sports", "Medical-Science", "Entertainment")

#: FANE fine type → tagger type; types absent from the map (Group, FAC, VEH, WEA, PRO subtypes) become O.
FANE_TO_CONLL: dict[str, str] = {
    **{t: "PER" for t in _FANE_PER},
    **{t: "LOC" for t in _FANE_LOC},
    **{t: "ORG" for t in _FANE_ORG},
}

#: The tag maps to apply when reading each evaluation set (None: already PER/LOC/ORG/MISC).
EVAL_SETS: dict[str, tuple[str, dict[str, str] | None]] = {
    "anercorp_test": ("ner/anercorp/test.conll", None),
    "aqmar_test": ("ner/aqmar/test.conll", None),
    "wikifane_test": ("ner/wikifane/test.fine.conll", FANE_TO_CONLL),
}


def file_sha256(path: Path) -> str:
    """The hex SHA-256 of a file (recorded with a trained model for every data file it used)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def dataset_path(shared: Path, rel: str) -> Path:
    """The path of a data set file under the shared folder's `datasets/`."""
    return shared / "datasets" / rel
