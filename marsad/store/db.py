"""Opening a store: the database URL, the engine, migrations, and errors a user can act on."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from marsad.errors import StoreError

DEFAULT_DB = "marsad.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def database_url(db: str | Path | None) -> str:
    """A SQLAlchemy URL for `db`: a URL as given, else a SQLite file path (default ./marsad.db)."""
    value = str(db) if db is not None else DEFAULT_DB
    if "://" in value:
        if value.startswith(("postgres://", "postgresql://")):  # psycopg 3 by default
            value = "postgresql+psycopg://" + value.split("://", 1)[1]
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    # write-ahead log: one fsync per checkpoint rather than per article; still atomic per article
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for the URL; raises StoreError for an unknown scheme or a missing driver."""
    try:
        engine = create_engine(url, future=True)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"{url}: cannot open the database ({exc})") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def describe(exc: BaseException, url: str) -> str:
    """A short message for a database error: locked, read-only, full, unreachable, or as it says."""
    text = str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0] if str(exc) else type(exc).__name__
    low = text.lower()
    if "locked" in low:
        return f"{url}: the database is locked by another process (try again when it is done)"
    if "readonly" in low or "read-only" in low or "read only" in low or "permission denied" in low:
        return f"{url}: the database is read-only ({text})"
    if "disk is full" in low or "no space" in low or "database or disk is full" in low:
        return f"{url}: the disk is full ({text})"
    if "unable to open" in low or "could not connect" in low or "connection refused" in low:
        return f"{url}: cannot reach the database ({text})"
    return f"{url}: database error ({text})"


@contextmanager
def guarded(url: str) -> Iterator[None]:
    """Turn database errors raised inside the block into StoreError with a clear message."""
    try:
        yield
    except (OperationalError, DBAPIError, sqlite3.Error) as exc:
        raise StoreError(describe(exc, url)) from None


def migrate(engine: Engine, url: str) -> None:
    """Bring the database to the newest schema with Alembic (creates it when empty)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    with guarded(url), engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def current_revision(conn: Connection) -> str | None:
    """The Alembic revision a database is at (None when it was never migrated)."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return row[0] if row else None
