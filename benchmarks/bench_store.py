"""Speed and size of the store over the 21,078-article corpus.

Measures, on one core (this process only):
- ingest end to end (read the JSON Lines corpus, analyse, store) into a fresh SQLite file, articles/s;
- the store alone (analyses already made, written again into a second fresh file), ms per article;
- each query of the store (actor by alias, profile, events by filters, claims, the graph at a date,
  changes, show), median of 5 runs, ms;
- the database size per 1,000 articles.

Usage: python benchmarks/bench_store.py [--limit N] [--out FILE] [--keep DB]   (default: the whole corpus, SQLite)
       python benchmarks/bench_store.py --queries-only STORE.db      (time the queries on a store built before)
Writes benchmarks/results/store.json (or FILE). Needs ../shared/datasets (or $MARSAD_SHARED).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ant_corpus import corpus_path, sample_file

from marsad.store import Reader, Store, changes, graph_at

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "results" / "store.json"


def _median_ms(fn: Any, runs: int = 5) -> tuple[float, float]:
    """The median wall-clock and CPU milliseconds of `runs` calls of `fn`."""
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return round(statistics.median(wall), 1), round(statistics.median(cpu), 1)


def _queries(reader: Reader) -> dict[str, tuple[float, float]]:
    """Median time (wall, CPU) of each query on a busy actor and place of the store."""
    actor = reader.find_actors("حفتر", limit=1) or reader.find_actors("ترامب", limit=1)
    place = reader.find_actors("طرابلس", limit=1)
    actor_id = actor[0]["id"] if actor else 1
    place_id = place[0]["id"] if place else None
    some_event = reader.events(limit=1)
    return {
        "actor by alias": _median_ms(lambda: reader.find_actors("حفتر")),
        "actor profile": _median_ms(lambda: reader.profile(actor_id)),
        "events by type and date range": _median_ms(
            lambda: reader.events(type="ATTACK", date_from="2018-02-01", date_to="2018-03-31")),
        "events by actor": _median_ms(lambda: reader.events(actor=actor_id)),
        "events within 100 km of Damascus": _median_ms(lambda: reader.events(near=(33.5, 36.3, 100))),
        "events with at least 2 sources": _median_ms(lambda: reader.events(min_sources=2)),
        "events reported by anonymous sources (one month)": _median_ms(
            lambda: reader.events(source_kind="anonymous", date_from="2018-03-01", date_to="2018-03-31")),
        "claims by speaker": _median_ms(lambda: reader.claims(speaker=actor_id)),
        "claims about a place resting only on anonymous sources": _median_ms(
            lambda: reader.claims(anonymous_only=True, about=place_id) if place_id else None),
        "graph at a date": _median_ms(lambda: graph_at(reader, "2018-05-01")),
        "changes of an actor": _median_ms(lambda: changes(reader, actor_id, "2018-01-01", "2018-12-31")),
        "show an event": _median_ms(lambda: reader.show("event", some_event[0]["id"]) if some_event else None),
    }


def _queries_only(db: Path, as_json: bool = False) -> int:
    """Time every query on an existing SQLite store and print the medians (nothing is written)."""
    if not db.is_file():
        print(f"bench_store: {db}: no such store", file=sys.stderr)
        return 2
    with Store(db) as store, store.connect() as conn:
        queries = _queries(Reader(conn))
    if as_json:
        print(json.dumps(queries, ensure_ascii=False))
    for name, (ms, cpu_ms) in queries.items():
        print(f"  {name}: {ms} ms ({cpu_ms} ms of CPU)", file=sys.stderr if as_json else sys.stdout)
    return 0


def _queries_fresh(db: Path) -> dict[str, tuple[float, float]]:
    """Time the queries in a fresh process, as `marsad events` or the server meets the store, not in
    this one whose heap still holds the analysis pipeline and the ingest's objects."""
    done = subprocess.run([sys.executable, __file__, "--queries-only", str(db), "--json"],
                          capture_output=True, text=True, check=True)
    return {name: (wall, cpu) for name, (wall, cpu) in json.loads(done.stdout).items()}


def main() -> int:
    """Run the benchmark and write the results file."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="the first N corpus articles (default: all)")
    ap.add_argument("--out", default=str(OUT), help=f"the results file (default {OUT.relative_to(ROOT)})")
    ap.add_argument("--queries-only", metavar="DB", type=Path,
                    help="time the queries on a store built before (for example by marsad ingest) and stop")
    ap.add_argument("--json", action="store_true", help="with --queries-only: print the medians as JSON")
    ap.add_argument("--keep", metavar="DB", type=Path,
                    help="copy the store the run built to DB, for timing its queries again with --queries-only")
    args = ap.parse_args()
    if args.queries_only is not None:
        return _queries_only(args.queries_only, args.json)
    if corpus_path() is None:
        print("bench_store: skipped: ../shared/datasets is absent (set MARSAD_SHARED)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        src = sample_file(args.limit, folder)
        db = folder / "bench.db"
        load_before = os.getloadavg()
        cpu0, t0 = time.process_time(), time.perf_counter()
        with Store(db) as store:
            summary = store.ingest([src])
        wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        load_after = os.getloadavg()
        size = sum(p.stat().st_size for p in folder.glob("bench.db*"))
        print(f"ingest: {summary.line()}; {summary.stored / cpu:.1f} articles/s of CPU time", file=sys.stderr)
        queries = _queries_fresh(db)
        with Store(db) as store, store.connect() as conn:
            from sqlalchemy import select

            from marsad.model import Analysis
            from marsad.store import schema as t

            analyses = [Analysis.from_dict(json.loads(a)) for (a,) in conn.execute(select(t.articles.c.analysis))]
        again = folder / "again.db"
        with Store(again) as store:
            c0 = time.process_time()
            for a in analyses:
                store.add(a)
            store_ms = (time.process_time() - c0) / max(len(analyses), 1) * 1000
        if args.keep is not None:
            with Store(db) as store:  # one file: checkpoint the write-ahead log into it
                with store.engine.begin() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            shutil.copyfile(db, args.keep)
    for name, (ms, cpu_ms) in queries.items():
        print(f"  {name}: {ms} ms ({cpu_ms} ms of CPU)", file=sys.stderr)
    record = {
        "measured": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "articles": summary.read, "stored": summary.stored, "failed": len(summary.failed),
        "ingest_articles_per_s_wall": round(summary.stored / wall, 1),
        "ingest_articles_per_s_cpu": round(summary.stored / cpu, 1),
        "store_only_ms_per_article_cpu": round(store_ms, 2),
        "load_average_before_after": [[round(x, 2) for x in load_before], [round(x, 2) for x in load_after]],
        "db_mb_per_1000_articles": round(size / 1e6 / max(summary.stored, 1) * 1000, 1),
        "query_ms_median": {name: wall_ms for name, (wall_ms, _) in queries.items()},
        "query_ms_cpu_median": {name: cpu_ms for name, (_, cpu_ms) in queries.items()},
        "note": "one process (this one: reading, analysis and writing in turn), SQLite in WAL mode, a 2-core "
                "machine shared with other jobs; CPU rates count this process's CPU time only; the queries are "
                "timed in a fresh process on the store this run built",
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(record, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
