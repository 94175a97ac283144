"""Speed of the observatory, on loopback (a real HTTP server in this process):

- polling overhead per source: a round over N feeds with nothing new, answered 304 (conditional GET)
  and answered 200 with the whole feed again (every item already seen), ms per source;
- articles per minute end to end, from feed to alert: corpus articles served as HTML pages listed by
  feeds, polled, read (trafilatura), analysed, stored and checked against alert rules;
- brief generation time for a window of 1,000 events: corpus articles ingested into a store, then the
  HTML brief (with its four pictures) and the PDF (headless Chromium) for the window holding the first
  1,000 events dated to a day of 2018.

Usage: python benchmarks/bench_watch.py [--sources 50] [--articles 200] [--brief-articles 1600]
Writes benchmarks/results/watch.json. Needs ../shared/datasets (or $MARSAD_SHARED).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "watch"))   # the loopback server of the tests

from marsad.settings import shared_dir  # noqa: E402
from marsad.store import Reader, Store  # noqa: E402
from marsad.watch import Rule, Watcher, add_rule, add_source, attach_alerts  # noqa: E402
from marsad.watch.brief import build_html, collect  # noqa: E402
from marsad.watch.brief.pdf import find_browser, html_to_pdf  # noqa: E402
from marsad.watch.fetch import FetchSettings  # noqa: E402
from watchserver import Site, page, rss  # noqa: E402

OUT = ROOT / "benchmarks" / "results" / "watch.json"
FAST = FetchSettings(timeout=10, per_host_delay=0.0, retries=0)


def _corpus(limit: int, skip: int = 0) -> list[dict]:
    src = shared_dir() / "datasets" / "corpus-ant-2018.jsonl.gz"
    out = []
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i < skip:
                continue
            if len(out) >= limit:
                break
            out.append(json.loads(line))
    return out


def _rfc822(value: str) -> str:
    try:
        return parsedate_to_datetime(value).strftime("%a, %d %b %Y %H:%M:%S GMT")
    except (TypeError, ValueError):
        return "Mon, 01 Jan 2018 00:00:00 GMT"


def polling_overhead(n: int, tmp: Path) -> dict:
    """ms per source for a round with nothing new: 304 answers, then full feeds of seen items."""
    site = Site().start()
    try:
        with Store(tmp / "poll.db") as store:
            for i in range(n):
                items = [(f"/p{i}/{j}.html", f"خبر {j}", "Mon, 01 Jan 2018 00:00:00 GMT") for j in range(10)]
                site.put(f"/feed{i}.xml", rss(site.base, items))
                for path, _, _ in items:
                    site.put(path, page("خبر قصير", "قال المتحدث إن الاجتماع انتهى دون اتفاق.", published="2018-01-01"))
                add_source(store, site.url(f"/feed{i}.xml"), kind="feed")
            watcher = Watcher(store, fetch=FAST, max_items=10)
            first = watcher.run_once()
            t0 = time.perf_counter()
            cond = watcher.run_once(force=True)
            conditional = time.perf_counter() - t0
            for route in site.routes.values():
                route.validators = False
            t0 = time.perf_counter()
            full = watcher.run_once(force=True)
            unconditional = time.perf_counter() - t0
        return {"sources": n, "items_per_feed": 10, "first_round_stored": first.stored + first.duplicates,
                "ms_per_source_304": round(1000 * conditional / n, 2), "round_304_not_modified": cond.not_modified,
                "ms_per_source_200_nothing_new": round(1000 * unconditional / n, 2),
                "round_200_new_items": full.new_items}
    finally:
        site.stop()


def end_to_end(n: int, tmp: Path) -> dict:
    """Articles per minute from feed to alert (fetch, read, analyse, store, rules)."""
    site = Site().start()
    records = _corpus(n)
    feeds = 4
    try:
        with Store(tmp / "e2e.db") as store:
            for f in range(feeds):
                chunk = records[f::feeds]
                items = []
                for r in chunk:
                    path = f"/a/{escape(r['id'])}.html"
                    body = r["text"].replace("\r", "")
                    site.put(path, page(escape(r.get("title") or "خبر"), escape(body), published=_iso(r.get("published"))))
                    items.append((path, escape(r.get("title") or "خبر"), _rfc822(r.get("published") or "")))
                site.put(f"/feed{f}.xml", rss(site.base, items))
                add_source(store, site.url(f"/feed{f}.xml"), kind="feed", outlet=f"outlet-{f}")
            add_rule(store, Rule("sides", relations=("DEFECTED_FROM", "LOYAL_TO", "ALLIED_WITH", "CONTROLS")))
            add_rule(store, Rule("fighting", events=("ARMED_CLASH", "ATTACK", "TERRITORY_CONTROL")))
            add_rule(store, Rule("anonymous", anonymous_only=True))
            listener = attach_alerts(store, [])
            watcher = Watcher(store, fetch=FAST, max_items=n, origin=listener.set_origin)
            _ = watcher.pipeline   # built before the clock starts, as in a long-lived process
            t0 = time.perf_counter()
            summary = watcher.run_once()
            seconds = time.perf_counter() - t0
        return {"articles": n, "feeds": feeds, "stored": summary.stored, "duplicates": summary.duplicates,
                "unreadable": len(summary.failed_items), "alerts": listener.count, "seconds": round(seconds, 1),
                "articles_per_minute": round(60 * (summary.stored + summary.duplicates) / seconds, 1)}
    finally:
        site.stop()


def _iso(value: str | None) -> str:
    try:
        return parsedate_to_datetime(value or "").isoformat()
    except (TypeError, ValueError):
        return "2018-01-01"


def brief_time(n_articles: int, tmp: Path) -> dict:
    """Seconds to write the brief of a window holding 1,000 events (HTML with pictures, then PDF)."""
    sample = tmp / "brief.jsonl"
    with open(sample, "w", encoding="utf-8") as out:
        for r in _corpus(n_articles, skip=1000):
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    with Store(tmp / "brief.db") as store:
        t0 = time.perf_counter()
        ingest = store.ingest([sample])
        ingest_s = time.perf_counter() - t0
        with store.connect() as conn:
            dated = sorted(e["date"][:10] for e in Reader(conn).events()
                           if (e["date"] or "").startswith("2018-") and len(e["date"]) >= 10)
        target = min(1000, len(dated))
        lo, hi = dated[0], dated[target - 1]
        t0 = time.perf_counter()
        with store.connect() as conn:
            data = collect(Reader(conn), date_from=lo, date_to=hi)
        collect_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        html = build_html(data)
        html_s = time.perf_counter() - t0
        path = tmp / "brief.html"
        path.write_text(html, encoding="utf-8")
        pdf_s = None
        if find_browser():
            t0 = time.perf_counter()
            html_to_pdf(path, tmp / "brief.pdf")
            pdf_s = round(time.perf_counter() - t0, 2)
    return {"articles_ingested": ingest.stored, "ingest_seconds": round(ingest_s, 1), "window": [lo, hi],
            "events_in_window": len(data.events), "changes": len(data.changes), "claims": len(data.claims),
            "collect_s": round(collect_s, 2), "html_with_pictures_s": round(html_s, 2), "pdf_s": pdf_s,
            "total_s": round(collect_s + html_s + (pdf_s or 0), 2), "html_kb": round(len(html.encode()) / 1024)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=int, default=50)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--brief-articles", type=int, default=1600)
    args, _ = ap.parse_known_args()   # ./dev bench passes every benchmark the same arguments
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        result = {"measured": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                  "python": sys.version.split()[0]}
        result["polling"] = polling_overhead(args.sources, tmp)
        print("polling", result["polling"], file=sys.stderr)
        result["end_to_end"] = end_to_end(args.articles, tmp)
        print("end to end", result["end_to_end"], file=sys.stderr)
        result["brief_1000_events"] = brief_time(args.brief_articles, tmp)
        print("brief", result["brief_1000_events"], file=sys.stderr)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
