"""Briefs: a self-contained HTML report (and its PDF) on an actor, a place or a period.

    from marsad.store import Store
    from marsad.watch.brief import write_brief
    with Store("marsad.db") as store:
        write_brief(store, actor="خليفة حفتر", date_from="2016-01-01", date_to="2016-12-31", out="haftar")
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from marsad.errors import MarsadError
from marsad.store import Reader, Store
from marsad.watch.brief.data import BriefData, collect
from marsad.watch.brief.figures import map_png, network_png, timeline_png
from marsad.watch.brief.pdf import html_to_pdf
from marsad.watch.brief.render import render_html

log = logging.getLogger(__name__)

__all__ = ["BriefData", "build_html", "collect", "write_brief"]


def build_html(data: BriefData) -> str:
    """The brief's HTML with its pictures drawn."""
    pictures = {"start": network_png(data.graph_start, f"في {data.date_from or 'البداية'}", data.subject),
                "end": network_png(data.graph_end, f"في {data.date_to or 'النهاية'}", data.subject),
                "timeline": timeline_png(data.events, data.changes), "map": map_png(data.events)}
    return render_html(data, pictures)


def write_brief(store: Store, *, actor: str | None = None, place: str | None = None, date_from: str | None = None,
                date_to: str | None = None, out: str | Path = "brief", pdf: bool = True,
                title: str | None = None) -> list[Path]:
    """Write OUT.html (and OUT.pdf); the paths written."""
    started = time.perf_counter()
    base = Path(out)
    if base.suffix.lower() in (".html", ".pdf"):
        base = base.with_suffix("")
    with store.connect() as conn:
        data = collect(Reader(conn), actor=actor, place=place, date_from=date_from, date_to=date_to, title=title)
    html_path = base.with_suffix(".html")
    try:
        html_path.write_text(build_html(data), encoding="utf-8")
    except OSError as exc:
        raise MarsadError(f"{html_path}: cannot write ({exc.strerror or exc})") from None
    paths = [html_path]
    if pdf:
        paths.append(html_to_pdf(html_path, base.with_suffix(".pdf")))
    log.info("brief %s: %d events, %d changes, %d claims in %.1f s", base, len(data.events), len(data.changes),
             len(data.claims), time.perf_counter() - started)
    return paths
