"""First paint of the web UI over a store of 5,000+ events, in Debian's headless chromium.

Builds (once, cached under benchmarks/results/tmp/) a synthetic store of invented analyses holding at
least 5,000 events (benchmarks/synth_store.py), starts `marsad serve` on a free loopback port, and
opens each view in a fresh page, --runs times. For each it records the median of:
- first contentful paint (the browser's `paint` timing: the page shows something);
- view ready: the moment the view has drawn its data (the app stamps performance.now() on #view).

Usage: python benchmarks/bench_ui.py [--runs 3] [--events 5000]
Writes benchmarks/results/ui_paint.json. Needs /usr/bin/chromium and the npm packages (./dev test).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "server"))
from server_browser import CHROMIUM, CHROMIUM_ARGS, Server, guard_network  # noqa: E402
from synth_store import build  # noqa: E402

OUT = ROOT / "benchmarks" / "results" / "ui_paint.json"
CACHE = ROOT / "benchmarks" / "results" / "tmp"
VIEWS = ("article", "network", "map", "timeline", "claims", "search", "corrections")


def _store(events: int) -> tuple[Path, dict[str, int]]:
    CACHE.mkdir(parents=True, exist_ok=True)
    db = CACHE / f"ui-{events}.db"
    meta = CACHE / f"ui-{events}.json"
    if not (db.exists() and meta.exists()):
        for p in CACHE.glob(f"ui-{events}.db*"):
            p.unlink()
        meta.write_text(json.dumps(build(db, events)), encoding="utf-8")
    return db, json.loads(meta.read_text(encoding="utf-8"))


def _measure(browser: object, url: str, view: str) -> dict[str, float]:
    outside: list[str] = []
    context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True)  # type: ignore[attr-defined]
    guard_network(context, outside)
    page = context.new_page()
    page.goto(f"{url}/#/{view}")
    page.wait_for_selector(f"#view[data-view={view}][data-ready=true]", timeout=60_000)
    fcp = page.evaluate("() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")
    ready = float(page.get_attribute("#view", "data-ready-ms") or "nan")
    context.close()
    if outside:
        raise SystemExit(f"bench_ui: requests left the machine: {outside}")
    return {"fcp_ms": round(fcp, 1) if fcp else None, "ready_ms": round(ready, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--events", type=int, default=5000)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    db, counts = _store(args.events)
    server = Server(db)
    results: dict[str, dict[str, float | None]] = {}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            _measure(browser, server.url, "article")            # warm the server's caches and the disk
            for view in VIEWS:
                runs = [_measure(browser, server.url, view) for _ in range(args.runs)]
                fcps = [r["fcp_ms"] for r in runs if r["fcp_ms"] is not None]
                results[view] = {"fcp_ms": round(statistics.median(fcps), 1) if fcps else None,
                                 "ready_ms": round(statistics.median(r["ready_ms"] for r in runs), 1)}
            browser.close()
    finally:
        server.stop()
    out = {"benchmark": "web UI first paint and view ready, headless chromium on loopback",
           "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "store": counts,
           "runs": args.runs, "cores": os.cpu_count(), "load_before": os.getloadavg()[0],
           "target": "first paint <= 2000 ms with a 5,000-event store", "views": results}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for view, r in results.items():
        print(f"{view:12} first paint {r['fcp_ms']} ms, view ready {r['ready_ms']} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
