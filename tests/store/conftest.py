"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL server (the session's
`postgres` fixture of tests/conftest.py, see tests/pgserver.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pgserver import reset_postgres


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store URL: a SQLite file, or a clean PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "marsad.db")
    server = request.getfixturevalue("postgres")
    reset_postgres(server.url)
    return server.url
