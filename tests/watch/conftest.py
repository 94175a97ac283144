"""Fixtures for the observatory's tests: a loopback web site, a fresh store, fast fetch settings."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.store import Store
from marsad.watch.fetch import FetchSettings

from watchserver import Site


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
def fast() -> FetchSettings:
    """Fetch settings for loopback tests: short timeouts and pauses, small size cap."""
    return FetchSettings(timeout=1.0, total_timeout=3.0, retries=1, backoff=0.05, per_host_delay=0.0,
                         max_bytes=300_000, max_redirects=4)


@pytest.fixture(autouse=True)
def _marsad_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="marsad")
