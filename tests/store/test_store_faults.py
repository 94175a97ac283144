"""Bad input and faults: malformed analyses, unknown schema versions, locked, read-only and full
databases each get a clear error and leave the store as it was."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from marsad.errors import StoreError
from marsad.store import Store
from marsad.store import schema as t
from marsad.store.db import describe

from story import articles


def _articles(store: Store) -> int:
    with store.connect() as conn:
        return conn.execute(select(func.count()).select_from(t.articles)).scalar_one()


def test_bad_analysis_files_are_named_and_skipped(db_url: str, tmp_path: Path) -> None:
    good = articles()[0].to_dict(tokens=False)
    newer = dict(good, schema="marsad.analysis/9")
    broken = dict(good)
    broken["entities"] = [{"id": "e1"}]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([json.dumps(good, ensure_ascii=False), "{not json", json.dumps(newer),
                               json.dumps(broken), json.dumps([1, 2])]) + "\n", encoding="utf-8")
    with Store(db_url) as store:
        summary = store.ingest([path])
        assert (summary.read, summary.stored) == (5, 1)
        reasons = dict(summary.failed)
        assert "not valid JSON" in reasons[f"{path}:2"]
        assert "unknown schema version 'marsad.analysis/9'" in reasons[f"{path}:3"]
        assert "not a valid analysis" in reasons[f"{path}:4"]
        assert "must be a JSON object" in reasons[f"{path}:5"]
        assert _articles(store) == 1


def test_a_locked_sqlite_store_is_reported_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    with Store(path) as store:
        store.add(articles()[0])
        holder = sqlite3.connect(path, timeout=0)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            store.engine.dispose()
            event.listen(store.engine, "connect", lambda c, _r: c.execute("PRAGMA busy_timeout=100"))
            with pytest.raises(StoreError, match="locked"):
                store.add(articles()[1])
        finally:
            holder.rollback()
            holder.close()
        assert _articles(store) == 1


def test_a_read_only_store_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    with Store(path) as store:
        store.add(articles()[0])
    with Store(f"sqlite:///file:{path}?mode=ro&uri=true") as ro:
        with pytest.raises(StoreError, match="read-only"):
            ro.add(articles()[1])
    with Store(path) as store:
        assert _articles(store) == 1


def test_a_full_disk_is_reported_and_the_article_rolled_back(tmp_path: Path) -> None:
    path = tmp_path / "full.db"
    with Store(path) as store:
        store.add(articles()[0])
        pages = store.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()
        store.engine.dispose()
        event.listen(store.engine, "connect", lambda c, _r: c.execute(f"PRAGMA max_page_count={pages}"))
        big = articles()[1]
        big.document.text += " " + "كلمة " * 20000
        big.document.id = "big-article"
        with pytest.raises(StoreError, match="disk is full"):
            store.add(big)
        assert _articles(store) == 1


def test_unknown_database_urls_and_missing_stores() -> None:
    with pytest.raises(StoreError, match="cannot open the database"):
        Store("nosuchdb://host/x")
    with pytest.raises(StoreError, match="no such store"):
        Store("/nonexistent/folder/none.db", create=False)


@pytest.mark.parametrize("message, expected", [
    ("database is locked", "locked"), ("attempt to write a readonly database", "read-only"),
    ("database or disk is full", "disk is full"), ("could not connect to server", "cannot reach"),
    ("something else", "database error"),
])
def test_describe_names_the_fault(message: str, expected: str) -> None:
    assert expected in describe(sqlite3.OperationalError(message), "sqlite:///x.db")
