"""What a run in this process has, a run on workers has too: the per-article time limit (in a pool
worker's main thread and in a Dask worker's task thread), one progress display for the whole run
with the end summary, and the refusal of an --out file that is an input."""

from __future__ import annotations

import dataclasses
import io
import json
import threading
import time
from pathlib import Path

import pytest
import scale_tasks
from scale_corpus import records

from marsad import progress as progress_module
from marsad.errors import TimeLimitError
from marsad.progress import Progress
from marsad.scale import DaskExecutor, LocalPool
from marsad.scale.analyze import analyze_run
from marsad.scale.ingest import ingest_run
from marsad.scale.inputs import analyze_items, ingest_items
from marsad.scale.limit import thread_time_limit
from marsad.scale.work import Task
from marsad.settings import Settings
from marsad.store import Store

SLOW_AT = 5


@pytest.fixture(scope="module")
def slow_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve invented articles; the sixth holds the word that makes `slow_framing` run on and on."""
    recs = records(12)
    recs[SLOW_AT]["text"] += f" وهذا خبر {scale_tasks.SLOW_WORD} جدا."
    path = tmp_path_factory.mktemp("slow") / "slow.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def slow_settings() -> Settings:
    return dataclasses.replace(Settings.load(), replace={"framing": scale_tasks.slow_framing})


def _analyse(executor: object, corpus: Path, settings: Settings) -> tuple[object, str, str, float]:
    out, err = io.StringIO(), io.StringIO()
    progress = Progress("lines", stream=err)
    started = time.monotonic()
    summary = analyze_run(analyze_items([corpus], settings), Task(settings, output="rendered", format="jsonl"),
                          out, lambda many: executor, shard_size=4, progress=progress)
    progress.close()
    return summary, out.getvalue(), err.getvalue(), time.monotonic() - started


@pytest.mark.parametrize("kind", ["pool", "dask"])
def test_an_article_over_its_time_limit_on_a_worker_is_skipped_and_the_run_goes_on(
        kind: str, slow_corpus: Path, slow_settings: Settings) -> None:
    executor = LocalPool(2) if kind == "pool" else DaskExecutor(workers=2)
    summary, out, err, took = _analyse(executor, slow_corpus, slow_settings)
    assert took < 45, took                     # stopped after its limit, not after the 60 s it would take
    assert summary.analysed == 11 and summary.skipped == 1 and not summary.failed_shards
    numbers = [int(json.loads(line)["document"]["title"].rsplit(" ", 1)[1]) for line in out.splitlines()]
    assert numbers == [i for i in range(12) if i != SLOW_AT]      # the others, in input order
    assert f"marsad: skipped scale-{SLOW_AT:03d}: analysis stopped after" in err
    assert "12 read, 11 analysed, 1 skipped (analysis stopped after" in err      # the end summary


def test_ingest_on_workers_reports_an_article_over_its_limit(slow_corpus: Path, slow_settings: Settings,
                                                             tmp_path: Path) -> None:
    with Store(tmp_path / "slow.db") as store:
        run = ingest_run(store, ingest_items([slow_corpus], slow_settings), slow_settings,
                         lambda many: LocalPool(2), shard_size=4)
    summary = run.summary
    assert (summary.read, summary.stored, len(summary.failed)) == (12, 11, 1)
    name, reason = summary.failed[0]
    assert name == f"scale-{SLOW_AT:03d}" and reason.startswith("analysis stopped after")


def test_the_watchdog_stops_a_busy_thread_and_spares_one_that_finished() -> None:
    got: dict[str, object] = {}

    def busy() -> None:
        try:
            with thread_time_limit(0.3, "item-1"):
                until = time.monotonic() + 20
                while time.monotonic() < until:
                    pass
        except TimeLimitError as exc:
            got["busy"] = exc

    def quick() -> None:
        with thread_time_limit(0.3, "item-2"):
            total = sum(range(1000))
        until = time.monotonic() + 0.8          # past the limit, outside the block: nothing is raised
        while time.monotonic() < until:
            pass
        got["quick"] = total

    threads = [threading.Thread(target=busy), threading.Thread(target=quick)]
    started = time.monotonic()
    for th in threads:
        th.start()
    for th in threads:
        th.join(30)
    assert time.monotonic() - started < 10
    assert isinstance(got["busy"], TimeLimitError) and str(got["busy"]).startswith("item-1: analysis stopped after")
    assert got["quick"] == 499500


def test_ingest_progress_counts_every_item_of_the_whole_run(corpus: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_module, "LINE_EVERY", 0.0)
    settings = Settings.load()
    err = io.StringIO()
    with Store(tmp_path / "p.db") as store:
        progress = Progress("lines", stream=err, verb="stored")
        ingest_run(store, ingest_items([corpus], settings), settings, lambda many: LocalPool(2), shard_size=6,
                   progress=progress)
        progress.close(summary=False)
        again = Progress("lines", stream=err, verb="stored")
        ingest_run(store, ingest_items([corpus], settings), settings, lambda many: LocalPool(2), shard_size=6,
                   progress=again)
    lines = err.getvalue().splitlines()
    first = [line for line in lines if line.startswith("marsad: 41 of 41 read")]
    assert first and "40 stored, 1 skipped" in first[0]                  # the total, once the input was read
    assert lines[-1].startswith("marsad: 41 of 41 read, 0 stored, 41 skipped")   # a rerun: all already there


def test_out_naming_an_input_is_refused_on_workers_too(corpus: Path, run_marsad) -> None:
    proc = run_marsad("analyze", str(corpus), "--workers", "2", "--shard-size", "6", "--out", str(corpus),
                      check=False)
    assert proc.returncode == 2 and "is also an input" in proc.stderr
    assert corpus.read_text(encoding="utf-8").count("\n") == 41        # untouched


def test_default_workers_run_on_a_pool_and_write_what_one_process_writes(corpus: Path, tmp_path: Path,
                                                                         run_marsad) -> None:
    one = run_marsad("analyze", str(corpus), "--format", "jsonl", "--workers", "1", "--progress", "lines")
    many = run_marsad("analyze", str(corpus), "--format", "jsonl", "--shard-size", "6", "--progress", "lines")
    assert many.stdout == one.stdout and one.stdout.count("\n") == 40
    for proc in (one, many):     # the same end summary either way
        assert "41 read, 40 analysed, 1 skipped" in proc.stderr
