"""Parallel runs of the pipeline: articles/s with one process, a local pool of 2 processes and a Dask
LocalCluster of 2 workers; the full pipeline's time against a bare read-and-tokenise pass; peak
memory per worker; and the store's write rate on its own (SQLite and, with --pg URL, PostgreSQL).

Every run analyses the same articles (the first --n of the shared ANT 2018 corpus, written to a
temporary JSON Lines file) in shards of --shard-size, the analyses rendered as JSON Lines without
tokens, in input order, as `marsad analyze --format jsonl --no-tokens` does. Wall time and CPU time
(driver plus workers) are both recorded, since the machine may be shared.

    .venv/bin/python benchmarks/bench_scale.py [--n 21078] [--shard-size 1000] [--pg postgresql://...]

Writes benchmarks/results/scale.json.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.scale import DaskExecutor, InlineExecutor, LocalPool, run_ordered, shard_items  # noqa: E402
from marsad.scale.inputs import analyze_items  # noqa: E402
from marsad.scale.work import Task, analyse_shard, analyse_shard_measured, pipeline_for  # noqa: E402
from marsad.settings import Settings  # noqa: E402
from ant_corpus import sample_file  # noqa: E402


def _cpu_self() -> float:
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


def run(name: str, executor: Any, path: Path, settings: Settings, shard_size: int) -> dict[str, Any]:
    """Analyse the sample on `executor`; articles/s (wall and CPU), per-worker peak memory."""
    task = Task(settings, output="rendered", format="jsonl", tokens=False)
    sink = io.StringIO()
    workers: dict[int, dict[str, float]] = {}
    cpu0, t0 = _cpu_self(), time.perf_counter()
    n = 0
    with executor:
        shards = shard_items(analyze_items([path], settings), shard_size)
        for outcome in run_ordered(executor, analyse_shard_measured, shards, task):
            if not outcome.ok:
                raise SystemExit(f"{name}: {outcome.shard.describe()} failed: {outcome.error}")
            results, usage = outcome.result
            workers[int(usage["pid"])] = usage
            for r in results:
                if r.text is not None:
                    sink.write(r.text)
                    n += 1
            sink.seek(0)
            sink.truncate()
    wall = time.perf_counter() - t0
    driver_cpu = _cpu_self() - cpu0
    remote = [w for pid, w in workers.items() if pid != os.getpid()]
    cpu = driver_cpu + sum(w["cpu_s"] for w in remote)
    return {"run": name, "articles": n, "wall_s": round(wall, 1), "articles_per_s": round(n / wall, 1),
            "cpu_s": round(cpu, 1), "articles_per_cpu_s": round(n / cpu, 1), "workers": len(workers),
            "peak_rss_mb_per_worker": [round(w["peak_rss_mb"]) for w in workers.values()]}


def bare_pass(path: Path, settings: Settings) -> dict[str, Any]:
    """Read every article and lay out its text layer (normalise, sentences, tokens) on one core."""
    from marsad.ingest import iter_documents
    from marsad.text import clitics
    from marsad.text.normalise import normalise_with_map
    from marsad.text.sentences import split_sentences
    from marsad.text.tokens import tokenize

    clitics.word_count("")
    cpu0, t0, n = _cpu_self(), time.perf_counter(), 0
    for result in iter_documents([path], settings):
        if result.document is not None:
            text = result.document.text
            normalise_with_map(text)
            tokenize(text, split_sentences(text))
            n += 1
    wall, cpu = time.perf_counter() - t0, _cpu_self() - cpu0
    return {"run": "read + tokenise", "articles": n, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
            "articles_per_cpu_s": round(n / cpu, 1)}


def write_rate(path: Path, settings: Settings, n: int, urls: list[str], reset: Any = None) -> list[dict[str, Any]]:
    """The store's write rate on its own: `n` analyses made first, then stored one transaction each
    by one writer (the driver's part of a parallel ingest) into each store URL, and, on PostgreSQL,
    by two writer processes at once (`ingest --workers-write`), the database emptied by `reset`."""
    from marsad.scale import Item
    from marsad.store import Store

    pipeline = pipeline_for(settings)
    analyses = []
    for item in analyze_items([path], settings):
        if item.document is not None:
            analyses.append(pipeline(item.document))
        if len(analyses) == n:
            break
    out = []
    for url in urls:
        with Store(url) as store:
            cpu0, t0 = _cpu_self(), time.perf_counter()
            for a in analyses:
                store.add(a)
            wall, cpu = time.perf_counter() - t0, _cpu_self() - cpu0
        kind = "PostgreSQL (loopback)" if url.startswith("postgres") else "SQLite (WAL)"
        out.append({"run": f"store writes, one writer, {kind}", "articles": len(analyses), "wall_s": round(wall, 1),
                    "articles_per_s": round(len(analyses) / wall, 1), "writer_cpu_s": round(cpu, 1)})
        if url.startswith("postgres") and reset is not None:
            reset(url)
            Store(url).close()   # migrated before timing
            items = [Item(a.document.source_id, analysis=a) for a in analyses]
            t0 = time.perf_counter()
            with LocalPool(2) as pool:
                for outcome in run_ordered(pool, analyse_shard, shard_items(items, 50), Task(settings, "store", db=url)):
                    if not outcome.ok:
                        raise SystemExit(f"writes: {outcome.error}")
            wall = time.perf_counter() - t0
            out.append({"run": f"store writes, two writer processes at once, {kind}", "articles": len(analyses),
                        "wall_s": round(wall, 1), "articles_per_s": round(len(analyses) / wall, 1)})
    return out


def _writes(path: Path, settings: Settings, args: argparse.Namespace, tmp: Path) -> list[dict[str, Any]]:
    urls = [str(tmp / "writes.db")]
    server, reset = None, None
    if args.pg == "auto":
        sys.path.insert(0, str(ROOT / "tests"))
        from pgserver import PostgresServer, _pg_bin, reset_postgres

        reset = reset_postgres
        server = PostgresServer(_pg_bin(), fsync=True)
        server.start()
        urls.append(server.url)
    elif args.pg:
        urls.append(args.pg)
    try:
        return write_rate(path, settings, args.writes, urls, reset)
    finally:
        if server is not None:
            server.stop()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=21078)
    ap.add_argument("--shard-size", type=int, default=1000)
    ap.add_argument("--only", choices=("bare", "one", "pool", "dask", "writes"), action="append")
    ap.add_argument("--writes", type=int, default=2000, help="analyses stored when measuring the write rate")
    ap.add_argument("--pg", metavar="URL", help="an empty PostgreSQL database to measure the write rate on; "
                    "'auto': a throwaway server started here (as the tests start one)")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "scale.json"))
    args = ap.parse_args()
    settings = Settings.load()
    only = set(args.only or ("bare", "one", "pool", "dask", "writes"))
    with tempfile.TemporaryDirectory() as tmp:
        path = sample_file(args.n, Path(tmp))
        runs: list[dict[str, Any]] = []
        load = os.getloadavg()
        if "bare" in only:
            runs.append(bare_pass(path, settings))
        if "one" in only:
            pipeline_for(settings)  # built before timing, as a worker's is built once
            runs.append(run("1 process", InlineExecutor(), path, settings, args.shard_size))
        if "pool" in only:
            runs.append(run("local pool, 2 processes", LocalPool(2), path, settings, args.shard_size))
        if "dask" in only:
            runs.append(run("Dask LocalCluster, 2 workers", DaskExecutor(workers=2), path, settings,
                            args.shard_size))
        if "writes" in only:
            runs.extend(_writes(path, settings, args, Path(tmp)))
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        for r in runs:
            r.update(measured=stamp, load_average=[round(x, 2) for x in load])
            print(json.dumps(r), flush=True)
    result = {"measured": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
              "corpus": "the first N articles of corpus-ant-2018.jsonl.gz (N: each run's 'articles')",
              "shard_size": args.shard_size, "machine": f"{os.cpu_count()} cores, {platform.machine()}, "
              f"Python {platform.python_version()}", "load_average_at_start": [round(x, 2) for x in load],
              "runs": runs}
    old = Path(args.out)
    if old.exists():  # runs not measured this time are kept from the last measurement
        kept = [r for r in json.loads(old.read_text(encoding="utf-8")).get("runs", [])
                if r["run"] not in {x["run"] for x in runs}]
        runs = kept + runs
        result["runs"] = runs
    by = {r["run"]: r for r in runs}
    one = by.get("1 process")
    if one:
        for r in runs:
            if r is not one and "workers" in r:
                r["speedup_wall"] = round(r["articles_per_s"] / one["articles_per_s"], 2)
                # CPU per article against one process's: what the speed-up is on otherwise idle cores
                r["cpu_efficiency"] = round(r["articles_per_cpu_s"] / one["articles_per_cpu_s"], 2)
                r["projected_speedup_idle_cores"] = round(r["workers"] * r["cpu_efficiency"], 2)
        bare = by.get("read + tokenise")
        if bare:
            result["pipeline_over_bare_cpu"] = round(one["cpu_s"] / bare["cpu_s"], 1)
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
