"""Fixtures for the observatory's tests: a loopback web site, a fresh store, fast fetch settings."""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.store import Store
from marsad.watch.fetch import FetchSettings

from watchserver import Site

# the store's fixtures: `db_url` is a fresh SQLite file or a clean database on a real PostgreSQL
_spec = importlib.util.spec_from_file_location("marsad_store_fixtures", Path(__file__).parents[1] / "store" / "conftest.py")
_store_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store_fixtures)
postgres = _store_fixtures.postgres
db_url = _store_fixtures.db_url


@pytest.fixture
def site() -> Iterator[Site]:
    """A running loopback web site, stopped after the test."""
    s = Site().start()
    yield s
    s.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh SQLite store."""
    with Store(tmp_path / "marsad.db") as s:
        yield s


@pytest.fixture
def any_store(db_url: str) -> Iterator[Store]:
    """A fresh store on SQLite, then on PostgreSQL (for the end-to-end tests)."""
    with Store(db_url) as s:
        yield s


@pytest.fixture
def fast() -> FetchSettings:
    """Fetch settings for loopback tests: short timeouts and pauses, small size cap."""
    return FetchSettings(timeout=1.0, total_timeout=3.0, retries=1, backoff=0.05, per_host_delay=0.0,
                         max_bytes=300_000, max_redirects=4)


@pytest.fixture(autouse=True)
def _marsad_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="marsad")
