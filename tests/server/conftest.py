"""Fixtures of the server tests: a store built by `marsad ingest` from invented articles (once per
session, copied for each test that writes), and a TestClient over the real app."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.cli import main

from server_articles import write_articles


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store of the invented articles, built with `marsad ingest` (read it, do not write it)."""
    root = tmp_path_factory.mktemp("server-store")
    paths = write_articles(root / "articles")
    db = root / "template.db"
    code = main(["ingest", *map(str, paths), "--db", str(db), "-q"])
    if code != 0:
        pytest.fail(f"marsad ingest failed with {code}")
    return db


@pytest.fixture()
def store_copy(built_store: Path, tmp_path: Path) -> Path:
    """A private copy of the built store, for a test that writes to it."""
    db = tmp_path / "store.db"
    shutil.copy(built_store, db)
    return db


@pytest.fixture()
def client(store_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """A TestClient over the real app and a private copy of the store (no token)."""
    from fastapi.testclient import TestClient

    from marsad.server import ServerConfig, create_app

    monkeypatch.delenv("MARSAD_TOKEN", raising=False)
    app = create_app(config=ServerConfig(db=str(store_copy)))
    with TestClient(app) as c:
        yield c
