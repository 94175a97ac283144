"""The analyse endpoint under load: p50/p95/p99 latency of POST /api/analyse for a ~500-word invented
article with 10 concurrent clients on loopback.

Starts `marsad serve` on a free loopback port over a fresh SQLite store (once per --workers value),
warms it up, then each client sends its requests one after another on a kept-alive connection. Every
request carries a different article (the invented article plus a numbered closing sentence), so that
nothing can be answered from a cache. Bounded: --requests per client and --seconds in all.

Usage: python benchmarks/bench_server.py [--clients 10] [--requests 30] [--workers 1 2] [--seconds 120]
Writes benchmarks/results/server_analyse.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_article import ARTICLE, words  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "results" / "server_analyse.json"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ready(port: int, workers: int) -> bool:
    """Whether the server answers and every analysis worker has built its pipeline (as /api/health
    reports; a server that does not report it is warmed up by the warm-up requests alone)."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=5) as resp:
        status = json.load(resp).get("analysis_workers")
    return status is None or status.get("ready", 0) >= workers


def _start(db: Path, workers: int) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "MARSAD_TOKEN"}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--db", str(db), "--port", str(port),
                             "--workers", str(workers)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if _ready(port, workers):
                return proc, port
        except OSError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise SystemExit("bench_server: the server did not start")


def _cpu_seconds(pid: int) -> dict[int, float]:
    """CPU time (user + system, seconds) of a process and each of its descendants, by pid (Linux /proc;
    empty elsewhere)."""
    out: dict[int, float] = {}
    todo = [pid]
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            out[p] = (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError, IndexError):
            continue
    return out


def _cpu_per_request(before: dict[int, float], after: dict[int, float], server: int, requests: int) -> dict[str, float]:
    """CPU milliseconds per request of the server's own process and of its other processes (workers)."""
    def spent(pids: list[int]) -> float:
        return sum(after[p] - before.get(p, 0.0) for p in pids)

    main = spent([server] if server in after else [])
    others = spent([p for p in after if p != server])
    n = max(1, requests)
    return {"server_process_ms": round(main * 1000 / n, 1), "worker_processes_ms": round(others * 1000 / n, 1)}


def _article(n: int) -> bytes:
    text = ARTICLE + f"وأضاف المصدر أن الحصيلة قد ترتفع خلال الساعات المقبلة، في البلاغ رقم {n}.\n"
    return json.dumps({"text": text}, ensure_ascii=False).encode("utf-8")


def _client(port: int, first: int, count: int, stop_at: float, out: list[float], errors: list[str]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for i in range(count):
        if time.monotonic() > stop_at:
            break
        body = _article(first + i)
        t0 = time.perf_counter()
        conn.request("POST", "/api/analyse", body=body, headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        data = resp.read()
        elapsed = (time.perf_counter() - t0) * 1000
        if resp.status != 200 or b'"entities"' not in data:
            errors.append(f"HTTP {resp.status}")
        out.append(elapsed)
    conn.close()


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))], 1)


def run(workers: int, clients: int, requests: int, seconds: float) -> dict[str, Any]:
    """One load run against a fresh server with `workers` processes."""
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        proc, port = _start(Path(tmp) / "bench.db", workers)
        load_start = os.getloadavg()[0]
        try:
            warm: list[float] = []
            for w in range(max(3, workers * 3)):            # every worker builds its pipeline first
                _client(port, 10_000_000 + w, 1, time.monotonic() + 60, warm, [])
            latencies: list[float] = []
            errors: list[str] = []
            stop_at = time.monotonic() + seconds
            threads = [threading.Thread(target=_client, args=(port, c * requests, requests, stop_at, latencies, errors))
                       for c in range(clients)]
            cpu_before = _cpu_seconds(proc.pid)
            t0 = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - t0
            cpu = _cpu_per_request(cpu_before, _cpu_seconds(proc.pid), proc.pid, len(latencies))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    return {"workers": workers, "load_start": round(load_start, 2), "load_end": round(os.getloadavg()[0], 2),
            "clients": clients, "requests": len(latencies), "errors": len(errors),
            "p50_ms": _pct(latencies, 0.50), "p95_ms": _pct(latencies, 0.95), "p99_ms": _pct(latencies, 0.99),
            "max_ms": round(max(latencies), 1), "mean_ms": round(statistics.mean(latencies), 1),
            "throughput_rps": round(len(latencies) / wall, 1), "wall_s": round(wall, 1), "cpu_per_request": cpu}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=10)
    ap.add_argument("--requests", type=int, default=30, help="requests per client")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--seconds", type=float, default=120.0, help="stop sending after this long")
    args = ap.parse_args()
    runs = [run(w, args.clients, args.requests, args.seconds) for w in args.workers]
    result = {"benchmark": "POST /api/analyse, concurrent clients on loopback",
              "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
              "article_words": words(ARTICLE), "cores": os.cpu_count(), "load_before": round(os.getloadavg()[0], 2),
              "target": "p95 <= 150 ms with 10 clients", "runs": runs}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for r in runs:
        print(f"workers {r['workers']}: {r['requests']} requests, p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms, "
              f"p99 {r['p99_ms']} ms, {r['throughput_rps']} req/s, {r['errors']} errors, "
              f"load average {r['load_start']} -> {r['load_end']}, CPU per request {r['cpu_per_request']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
