"""The store's commands end to end on invented articles, and an ingest killed and run again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from marsad.cli import main
from marsad.store import Store
from marsad.store import schema as t

from corpus import write_articles


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_then_query_every_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_articles(tmp_path / "news", 6)
    db = str(tmp_path / "m.db")
    code, _, err = _run(capsys, "ingest", str(tmp_path / "news"), "--db", db, "--quiet")
    assert code == 0 and "stored 6" in err
    code, _, err = _run(capsys, "ingest", str(tmp_path / "news"), "--db", db, "--quiet")
    assert "stored 0, skipped 6 already stored" in err
    code, out, _ = _run(capsys, "actors", "الفرسان", "--db", db, "--json")
    actors = json.loads(out)
    assert code == 0 and actors[0]["name"] == "كتيبة الفرسان"
    code, out, _ = _run(capsys, "profile", "كتيبة الفرسان", "--db", db)
    assert code == 0 and "كتيبة الفرسان" in out and "events:" in out
    code, out, _ = _run(capsys, "events", "--db", db, "--json", "--from", "2016-03-01", "--to", "2016-03-31")
    events = json.loads(out)
    assert events and all("2016-03-01" <= e["date"] <= "2016-03-31" for e in events)
    code, out, _ = _run(capsys, "show", "event", str(events[0]["id"]), "--db", db)
    assert code == 0 and "«" in out
    code, out, _ = _run(capsys, "claims", "--db", db)
    assert code == 0 and "[" in out
    code, out, _ = _run(capsys, "graph", "--db", db, "--at", "2016-12-31", "--format", "json")
    assert json.loads(out)["at"] == "2016-12-31"
    code, out, _ = _run(capsys, "changes", "كتيبة الفرسان", "--db", db)
    assert code == 0
    code, _, err = _run(capsys, "correct", "event", str(events[0]["id"]), "reject", "--db", db, "--note", "test")
    assert code == 0 and "correction 1 recorded" in err
    code, out, _ = _run(capsys, "events", "--db", db, "--json")
    assert events[0]["id"] not in {e["id"] for e in json.loads(out)}
    for fmt in ("acled", "plover", "graphml", "gexf", "geojson", "jsonl"):
        target = tmp_path / f"export.{fmt}"
        code, _, err = _run(capsys, "export", fmt, "--db", db, "--out", str(target))
        assert code == 0 and target.stat().st_size > 0, fmt


@pytest.mark.parametrize("args, message", [
    (["actors", "x", "--db", "/nonexistent/dir/none.db"], "no such store"),
    (["events", "--near", "abc"], "--near takes LAT,LON,KM"),
    (["correct", "event", "77", "reject"], "no event '77'"),
    (["correct", "actor", "1", "merge"], "merge needs --into"),
])
def test_store_command_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                     message: str) -> None:
    db = tmp_path / "e.db"
    with Store(db):
        pass
    if "--db" not in args:
        args = [*args, "--db", str(db)]
    code, _, err = _run(capsys, *args)
    assert code == 2 and message in err and "Traceback" not in err


def _state(db: Path) -> dict[str, object]:
    """The stored facts, without database ids (a killed run may leave gaps in the numbering)."""
    with Store(db) as store, store.connect() as conn:
        actors = dict(conn.execute(select(t.actors.c.id, t.actors.c.key)).all())
        return {
            "articles": sorted(r[0] for r in conn.execute(select(t.articles.c.id))),
            "actors": sorted(actors.values()),
            "relations": sorted(r[0] for r in conn.execute(select(t.relations.c.key))),
            "events": sorted((r.type, r.date, r.sources) for r in conn.execute(select(t.events))),
            "evidence": conn.execute(select(func.count()).select_from(t.event_evidence)).scalar_one(),
            "claims": conn.execute(select(func.count()).select_from(t.claims)).scalar_one(),
        }


@pytest.mark.slow
def test_an_ingest_killed_and_run_again_ends_as_an_uninterrupted_one(tmp_path: Path) -> None:
    # more articles than one write batch (50 to a transaction on SQLite), so that it dies between two
    write_articles(tmp_path / "news", 150)
    cmd = [sys.executable, "-m", "marsad.cli", "ingest", str(tmp_path / "news"), "--quiet"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    whole, killed = tmp_path / "whole.db", tmp_path / "killed.db"
    subprocess.run([*cmd, "--db", str(whole)], check=True, capture_output=True, env=env, timeout=300)
    proc = subprocess.Popen([*cmd, "--db", str(killed)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if killed.exists():
            try:
                import sqlite3

                with sqlite3.connect(f"file:{killed}?mode=ro", uri=True, timeout=0.1) as c:
                    stored = c.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                continue
            if stored >= 5:
                break
    assert proc.poll() is None, "the ingest ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 5 <= stored < 150
    subprocess.run([*cmd, "--db", str(killed)], check=True, capture_output=True, env=env, timeout=300)
    assert _state(killed) == _state(whole)
