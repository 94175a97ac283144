"""`marsad analyze` and `marsad ingest` with a local process pool and a Dask LocalCluster give what a
single-process run gives: the same output in the same order, the same stored facts; runs resume."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_facts import facts

from marsad.scale import DaskExecutor
from marsad.scale.analyze import analyze_run
from marsad.scale.inputs import analyze_items
from marsad.scale.work import Task
from marsad.settings import Settings


@pytest.fixture(scope="module")
def single_jsonl(corpus: Path, tmp_path_factory: pytest.TempPathFactory, run_marsad) -> Path:
    out = tmp_path_factory.mktemp("an") / "one.jsonl"
    run_marsad("analyze", str(corpus), "--format", "jsonl", "--workers", "1", "--out", str(out))
    return out


def test_analyze_with_two_processes_writes_what_one_process_writes(corpus: Path, single_jsonl: Path,
                                                                   tmp_path: Path, run_marsad) -> None:
    out = tmp_path / "two.jsonl"
    proc = run_marsad("analyze", str(corpus), "--format", "jsonl", "--workers", "2", "--shard-size", "6",
                      "--out", str(out))
    assert out.read_bytes() == single_jsonl.read_bytes()
    assert len(single_jsonl.read_text(encoding="utf-8").splitlines()) == 40
    assert "news.jsonl:14" in proc.stderr and "skipped" in proc.stderr   # the broken line, named


def test_text_report_on_stdout_is_the_same(corpus: Path, run_marsad) -> None:
    one = run_marsad("analyze", str(corpus), "--format", "text", "--workers", "1").stdout
    two = run_marsad("analyze", str(corpus), "--format", "text", "--workers", "2", "--shard-size", "7").stdout
    assert one == two and one.count("\n") > 100


def test_resume_finishes_a_cut_off_output(corpus: Path, single_jsonl: Path, tmp_path: Path, run_marsad) -> None:
    whole = single_jsonl.read_bytes()
    out = tmp_path / "cut.jsonl"
    out.write_bytes(whole[: len(whole) // 3])          # an interrupted run: a prefix, its last line cut
    proc = run_marsad("analyze", str(corpus), "--format", "jsonl", "--workers", "2", "--shard-size", "5",
                      "--out", str(out), "--resume")
    assert out.read_bytes() == whole
    assert "already in" in proc.stderr


def test_resume_refuses_what_it_cannot_resume(corpus: Path, tmp_path: Path, run_marsad) -> None:
    proc = run_marsad("analyze", str(corpus), "--format", "json", "--out", str(tmp_path / "x.json"), "--resume",
                      check=False)
    assert proc.returncode == 2 and "--resume needs --out FILE and --format jsonl" in proc.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not an analysis\n", encoding="utf-8")
    proc = run_marsad("analyze", str(corpus), "--format", "jsonl", "--out", str(bad), "--resume", check=False)
    assert proc.returncode == 2 and f"{bad}:1" in proc.stderr


def test_dask_local_cluster_writes_what_one_process_writes(corpus: Path, single_jsonl: Path) -> None:
    import io

    settings = Settings.load()
    sink = io.StringIO()
    with DaskExecutor(workers=2) as dask:
        assert dask.workers == 2
        summary = analyze_run(analyze_items([corpus], settings), Task(settings, output="rendered", format="jsonl"), sink,
                              lambda many: dask, shard_size=8)
    assert summary.analysed == 40 and summary.skipped == 1 and not summary.failed_shards
    assert sink.getvalue().encode("utf-8") == single_jsonl.read_bytes()


def test_ingest_with_a_local_pool_stores_what_one_process_stores(corpus: Path, single_store, tmp_path: Path,
                                                                 run_marsad) -> None:
    db = tmp_path / "pool.db"
    proc = run_marsad("ingest", str(corpus), "--db", str(db), "--workers", "2", "--shard-size", "6", "--progress")
    assert "read 41, stored 40, skipped 0 already stored, failed 1" in proc.stderr
    assert "news.jsonl:14" in proc.stderr                                # the broken line, named
    assert facts(str(db)) == single_store
    again = run_marsad("ingest", str(corpus), "--db", str(db), "--workers", "2", "--shard-size", "6", "-q")
    assert "stored 0, skipped 40 already stored" in again.stderr
    assert facts(str(db)) == single_store


def test_ingest_resumes_an_interrupted_run(corpus: Path, single_store, tmp_path: Path, run_marsad) -> None:
    part = tmp_path / "part.jsonl"
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    part.write_text("".join(lines[:17]), encoding="utf-8")     # what a run got through before it stopped
    db = tmp_path / "resumed.db"
    run_marsad("ingest", str(part), "--db", str(db), "--workers", "1", "-q")
    proc = run_marsad("ingest", str(corpus), "--db", str(db), "--executor", "dask", "--workers", "2",
                      "--shard-size", "6", "-q")
    assert "stored 24, skipped 16 already stored" in proc.stderr
    assert facts(str(db)) == single_store


def test_bad_options_are_clear_errors(corpus: Path, run_marsad) -> None:
    proc = run_marsad("analyze", str(corpus), "--scheduler", "tcp://127.0.0.1:1", check=False)
    assert proc.returncode == 2 and "--scheduler goes with --executor dask" in proc.stderr
    proc = run_marsad("analyze", str(corpus), "--workers", "0", check=False)
    assert proc.returncode == 2 and "at least 1" in proc.stderr
    # settings no worker can build a pipeline from stop the run at once, as in a single process
    proc = run_marsad("analyze", str(corpus), "--workers", "2", "--shard-size", "10", "--disable", "nosuch",
                      check=False)
    assert proc.returncode == 2 and "cannot disable unknown component(s): nosuch" in proc.stderr
    assert "Traceback" not in proc.stderr and "shard" not in proc.stderr


def test_an_output_file_is_opened_at_its_first_write(tmp_path: Path) -> None:
    from marsad.scale.cli import _open

    fresh = tmp_path / "new.json"
    out = _open(str(fresh), append=False)
    out.close()                                   # a run stopped before any output
    assert not fresh.exists()
    earlier = tmp_path / "earlier.json"
    earlier.write_text("[1]\n", encoding="utf-8")
    out = _open(str(earlier), append=False)
    assert earlier.read_text(encoding="utf-8") == "[1]\n" and not out.isatty()
    out.write("[2]\n")
    out.close()
    assert earlier.read_text(encoding="utf-8") == "[2]\n"
    out = _open(str(earlier), append=True)
    out.write("[3]\n")
    out.close()
    assert earlier.read_text(encoding="utf-8") == "[2]\n[3]\n"
