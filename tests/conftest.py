"""Shared fixtures: the shared data folder (skipped with a reason when absent) and small texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.settings import shared_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (or $MARSAD_SHARED); skips the test when it is absent."""
    path = shared_dir()
    if path is None:
        pytest.skip("../shared/datasets is absent (set MARSAD_SHARED to run this test)")
    return path


@pytest.fixture(scope="session")
def reference_article(shared: Path) -> Path:
    """The reference article of DESIGN.md."""
    path = shared / "examples" / "haftar-defections-2016.txt"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture(scope="session")
def sample_article() -> Path:
    """The project's own sample article (written for marsad)."""
    return ROOT / "samples" / "sample-article.txt"
