"""A Dask scheduler and two workers as separate processes on loopback ports, and a real PostgreSQL:
`marsad ingest --executor dask --scheduler ADDRESS` stores what a single process stores; several
writers racing into one PostgreSQL store all succeed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pgserver import reset_postgres
from store_facts import facts

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`dask scheduler` and two `dask worker` processes (one thread each), stopped at the end."""
    from distributed import Client

    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    work = tmp_path_factory.mktemp("dask")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(Path(__file__).parent)])}
    logs = [open(work / f"{name}.log", "w") for name in ("scheduler", "worker-1", "worker-2")]
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                               "--port", str(port), "--no-dashboard"], env=env, stdout=logs[0], stderr=subprocess.STDOUT)]
    for i in (1, 2):
        procs.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                                       "--host", "127.0.0.1", "--no-dashboard", "--name", f"w{i}",
                                       "--local-directory", str(work / f"w{i}")],
                                      env=env, stdout=logs[i], stderr=subprocess.STDOUT))
    try:
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        for fh in logs:
            fh.close()


@pytest.fixture()
def pg_url(postgres) -> str:
    reset_postgres(postgres.url)
    return postgres.url


def test_ingest_on_a_dask_cluster_into_postgresql_stores_what_one_process_stores(
        scheduler: str, pg_url: str, corpus: Path, single_store, run_marsad) -> None:
    from distributed import Client

    proc = run_marsad("ingest", str(corpus), "--db", pg_url, "--executor", "dask", "--scheduler", scheduler,
                      "--shard-size", "5", "--progress")
    assert "read 41, stored 40, skipped 0 already stored, failed 1" in proc.stderr
    assert facts(pg_url) == single_store
    with Client(scheduler) as client:
        import scale_tasks

        built = client.run(scale_tasks.pipelines)
    assert sorted(built.values()) == [1, 1]    # both workers took shards, each built its pipeline once


def test_analyze_on_a_dask_cluster(scheduler: str, corpus: Path, tmp_path: Path, run_marsad) -> None:
    one = run_marsad("analyze", str(corpus), "--format", "jsonl", "--workers", "1").stdout
    many = run_marsad("analyze", str(corpus), "--format", "jsonl", "--executor", "dask", "--scheduler", scheduler,
                      "--shard-size", "4").stdout
    assert many == one


def test_unreachable_scheduler_is_a_clear_error(corpus: Path, tmp_path: Path, run_marsad) -> None:
    earlier = tmp_path / "earlier.jsonl"
    earlier.write_text('{"kept": true}\n', encoding="utf-8")
    proc = run_marsad("analyze", str(corpus), "--executor", "dask", "--scheduler", f"tcp://127.0.0.1:{_free_port()}",
                      "--out", str(earlier), check=False, timeout=120)
    assert proc.returncode == 2 and "cannot reach the Dask scheduler" in proc.stderr
    assert earlier.read_text(encoding="utf-8") == '{"kept": true}\n'   # the run wrote nothing: nothing lost


def test_writers_racing_into_one_postgresql_store_all_succeed(pg_url: str, corpus: Path, single_store,
                                                               tmp_path: Path, run_marsad) -> None:
    analyses = tmp_path / "analyses.jsonl"
    run_marsad("analyze", str(corpus), "--format", "jsonl", "--workers", "1", "--out", str(analyses))
    backwards = tmp_path / "backwards.jsonl"
    backwards.write_text("".join(reversed(analyses.read_text(encoding="utf-8").splitlines(keepends=True))),
                         encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-m", "marsad.cli", "ingest", str(path), "--db", pg_url, "--workers",
                               "1", "-q", "-v"], env=env, stderr=subprocess.PIPE, text=True)
             for path in (analyses, analyses, analyses, backwards)]
    errs = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errs[3]
    assert all("failed 0" in e for e in errs), errs
    stored = sum(int(e.split("stored ")[1].split(",")[0]) for e in errs)
    assert stored == 40                         # each article stored once, by one of the writers
    races = sum(e.count("lost a race with another writer") for e in errs)
    _same_facts_in_any_order(facts(pg_url), single_store)
    print(f"{races} article writes lost a race and were written again")


def _same_facts_in_any_order(got: dict, single: dict) -> None:
    """What does not depend on the order concurrent writers interleaved in equals one process's
    store (events merge greedily, so which report founds an event may differ: their evidence is
    compared by count)."""
    for table in ("articles", "mentions", "claims", "claim_subjects", "aliases", "relations"):
        assert got[table] == single[table], table
    assert len(got["relation_evidence"]) == len(single["relation_evidence"])
    assert len(got["event_evidence"]) == len(single["event_evidence"])


def test_workers_write_their_shards_into_postgresql(scheduler: str, pg_url: str, corpus: Path, single_store,
                                                    run_marsad) -> None:
    proc = run_marsad("ingest", str(corpus), "--db", pg_url, "--executor", "dask", "--scheduler", scheduler,
                      "--shard-size", "5", "--workers-write", "-q")
    assert "read 41, stored 40, skipped 0 already stored, failed 1" in proc.stderr
    _same_facts_in_any_order(facts(pg_url), single_store)


def test_workers_write_refuses_sqlite(corpus: Path, tmp_path: Path, run_marsad) -> None:
    proc = run_marsad("ingest", str(corpus), "--db", str(tmp_path / "x.db"), "--workers-write", check=False)
    assert proc.returncode == 2 and "--workers-write needs a PostgreSQL store" in proc.stderr


def _alerts(db: str) -> list[tuple[str, str, str]]:
    from marsad.store import Store
    from marsad.watch import list_alerts

    with Store(db) as store:
        return sorted((a["article"]["id"], a["kind"], a["type"]) for a in list_alerts(store, limit=None))


def test_workers_write_still_raises_the_alerts(scheduler: str, pg_url: str, corpus: Path, tmp_path: Path,
                                               run_marsad) -> None:
    single = str(tmp_path / "single.db")
    for db in (single, pg_url):
        # relation types only: which actor a name stands for, and how reports group into events, may
        # differ with the order concurrent writers store in; the relations an article states do not
        run_marsad("watch", "rule", "add", "sides", "--relation", "LOYAL_TO", "--relation", "ALLIED_WITH", "--db", db)
    run_marsad("ingest", str(corpus), "--db", single, "--workers", "1", "-q")
    proc = run_marsad("ingest", str(corpus), "--db", pg_url, "--executor", "dask", "--scheduler", scheduler,
                      "--shard-size", "5", "--workers-write", "-q")
    assert "stored 40" in proc.stderr and "alert #" in proc.stderr     # delivered to the terminal too
    expected = _alerts(single)
    assert len(expected) >= 5
    assert _alerts(pg_url) == expected
