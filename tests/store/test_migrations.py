"""The Alembic migrations build exactly the tables the store's code uses, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from marsad.store import Store
from marsad.store.db import current_revision
from marsad.store.schema import metadata


def test_migrated_database_matches_the_schema(db_url: str) -> None:
    with Store(db_url) as store, store.engine.connect() as conn:
        assert current_revision(conn) == "0003_event_window"
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
        assert diff == []


def test_opening_a_store_twice_migrates_once(db_url: str) -> None:
    with Store(db_url):
        pass
    with Store(db_url) as store, store.engine.connect() as conn:
        assert current_revision(conn) == "0003_event_window"
