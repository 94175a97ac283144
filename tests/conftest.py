"""Shared fixtures: the shared data folder (skipped with a reason when absent, a failure under CI=true)
and small texts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest

from marsad.eval.quality import absent_in_ci, in_ci
from marsad.settings import shared_dir

ROOT = Path(__file__).resolve().parent.parent


def data_missing(what: str) -> NoReturn:
    """Skip the test because `what` (shared data) is absent; under CI=true fail instead, saying why."""
    if in_ci():
        pytest.fail(absent_in_ci(what), pytrace=False)
    pytest.skip(f"{what} is absent (set MARSAD_SHARED to run this test)")


@pytest.fixture(scope="session")
def missing_data() -> Callable[[str], NoReturn]:
    """`data_missing`, for tests whose own data file is absent: a skip, or a failure under CI=true."""
    return data_missing


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder (or $MARSAD_SHARED); skips the test when it is absent (fails under CI=true)."""
    path = shared_dir()
    if path is None:
        data_missing("../shared/datasets")
    return path


@pytest.fixture(scope="session")
def reference_article(shared: Path) -> Path:
    """The reference article of DESIGN.md."""
    path = shared / "examples" / "haftar-defections-2016.txt"
    if not path.is_file():
        data_missing(str(path))
    return path


@pytest.fixture(scope="session")
def sample_article() -> Path:
    """The project's own sample article (written for marsad)."""
    return ROOT / "samples" / "sample-article.txt"
