"""The brief's pictures, drawn offline with matplotlib (Agg) and returned as PNG bytes: the allegiance
network, the timeline of events, and a map of events over coarse hand-drawn outlines. Matplotlib 3.11
lays text out with libraqm, so Arabic labels are shaped and ordered right to left as they are."""

from __future__ import annotations

import io
import json
from collections import Counter
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from marsad.watch.brief.labels import label  # noqa: E402

OUTLINES = Path(__file__).resolve().parents[2] / "data" / "maps" / "outlines.json"
COUNTRIES = Path(__file__).resolve().parents[2] / "data" / "places" / "countries.tsv"
#: Edge colours of the network by relation type.
EDGE_COLOURS = {"COMMANDS": "#1f4e79", "LEADS": "#1f4e79", "MEMBER_OF": "#2e75b6", "LOYAL_TO": "#2e7d32",
                "ALLIED_WITH": "#66bb6a", "SUPPORTS": "#9ccc65", "OPPOSES": "#c62828", "DEFECTED_FROM": "#ef6c00",
                "CONTROLS": "#6a1b9a", "BASED_IN": "#9e9e9e", "SPOKESPERSON_OF": "#78909c"}
NODE_COLOURS = {"PERSON": "#ffd54f", "ARMED_GROUP": "#ef9a9a", "TRIBE": "#bcaaa4", "ORGANIZATION": "#90caf9",
                "MEDIA": "#b0bec5", "GPE": "#a5d6a7", "LOCATION": "#a5d6a7"}
plt.rcParams["font.family"] = "DejaVu Sans"   # ships with matplotlib and has Arabic letters


def ar(text: str | None) -> str:
    """A label for matplotlib (which shapes Arabic itself); '' for None."""
    return text or ""


def _png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def _empty(message: str, size: tuple[float, float] = (6.0, 3.0)) -> bytes:
    fig, axis = plt.subplots(figsize=size)
    axis.axis("off")
    axis.text(0.5, 0.5, ar(message), ha="center", va="center", fontsize=13, color="#666")
    return _png(fig)


def network_png(graph: nx.MultiDiGraph, title: str, centre: str | None = None) -> bytes:
    """The actor network: nodes coloured by type, edges by relation type; ended or lost ties dashed."""
    if graph.number_of_nodes() == 0:
        return _empty(f"{title}: لا علاقات مذكورة", (6.5, 1.6))
    fig, axis = plt.subplots(figsize=(6.5, 5.2))
    axis.axis("off")
    axis.set_title(ar(title), fontsize=13)
    pos = nx.spring_layout(nx.Graph(graph), seed=7, k=1.6 / max(1, graph.number_of_nodes()) ** 0.5)
    colours = [NODE_COLOURS.get(d.get("type", ""), "#e0e0e0") for _, d in graph.nodes(data=True)]
    sizes = [900 if d.get("name") == centre else 420 for _, d in graph.nodes(data=True)]
    nx.draw_networkx_nodes(graph, pos, ax=axis, node_color=colours, node_size=sizes, edgecolors="#555", linewidths=0.6)
    used = set()
    for u, v, d in graph.edges(data=True):
        kind = d.get("type", "")
        used.add(kind)
        style = "dashed" if d.get("status") in ("ended", "lost") else "solid"
        nx.draw_networkx_edges(graph, pos, ax=axis, edgelist=[(u, v)], edge_color=EDGE_COLOURS.get(kind, "#999"),
                               style=style, width=1.6, arrows=True, arrowsize=12, node_size=500,
                               connectionstyle="arc3,rad=0.08")
    nx.draw_networkx_labels(graph, pos, ax=axis, labels={n: ar(d.get("name", "")) for n, d in graph.nodes(data=True)},
                            font_size=8, font_family="DejaVu Sans")
    handles = [Line2D([0], [0], color=EDGE_COLOURS.get(k, "#999"), lw=2, label=ar(label("relation", k)))
               for k in sorted(used)]
    if handles:
        axis.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, -0.16), ncol=4, fontsize=7, frameon=False)
    return _png(fig)


def _week(value: str) -> date | None:
    try:
        d = date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return None
    return date.fromordinal(d.toordinal() - d.weekday())


def timeline_png(events: list[dict[str, Any]], changes: list[dict[str, Any]]) -> bytes:
    """Events per week, stacked by type (the six commonest), with the changes marked below."""
    weeks = [(w, e["type"]) for e in events if (w := _week(e.get("date") or "")) is not None]
    if not weeks:
        return _empty("لا أحداث مؤرخة في هذه الفترة", (8.0, 2.5))
    top = [t for t, _ in Counter(t for _, t in weeks).most_common(6)]
    all_weeks = sorted({w for w, _ in weeks})
    fig, axis = plt.subplots(figsize=(8.5, 3.4))
    bottom = [0] * len(all_weeks)
    index = {w: i for i, w in enumerate(all_weeks)}
    palette = ["#1565c0", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#9e9e9e"]
    for colour, kind in zip(palette, [*top, "OTHER"]):
        counts = [0] * len(all_weeks)
        for w, t in weeks:
            if t == kind or (kind == "OTHER" and t not in top):
                counts[index[w]] += 1
        if not any(counts):
            continue
        axis.bar(all_weeks, counts, width=5, bottom=bottom, color=colour,
                 label=ar(label("event", kind)) if kind != "OTHER" else ar("أخرى"))
        bottom = [b + c for b, c in zip(bottom, counts)]
    for c in changes:
        w = _week(c.get("date") or "")
        if w is not None:
            axis.plot([w], [-0.6], marker="v", color="#ef6c00", markersize=7)
    axis.set_ylabel(ar("أحداث في الأسبوع"))
    axis.legend(fontsize=7, ncol=4, loc="lower left", bbox_to_anchor=(0.0, 1.0), frameon=False)
    axis.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    return _png(fig)


@lru_cache(maxsize=1)
def _outlines() -> dict[str, Any]:
    return json.loads(OUTLINES.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _countries() -> list[tuple[str, float, float]]:
    out = []
    for line in COUNTRIES.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 7 or cols[0] == "id":
            continue
        try:
            out.append((cols[3], float(cols[5]), float(cols[6])))
        except ValueError:
            continue
    return out


def map_png(events: list[dict[str, Any]]) -> bytes:
    """Events with a located place, one dot per place sized by its count, over coarse outlines."""
    points = Counter((e["geo"]["lon"], e["geo"]["lat"], e["place_name"]) for e in events if e.get("geo"))
    if not points:
        return _empty("لا أحداث بمكان معروف الإحداثيات", (6.0, 3.0))
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    pad = 2.0
    x0, x1 = min(lons) - pad, max(lons) + pad
    y0, y1 = min(lats) - pad, max(lats) + pad
    if x1 - x0 < 8:
        mid = (x0 + x1) / 2
        x0, x1 = mid - 4, mid + 4
    if y1 - y0 < 6:
        mid = (y0 + y1) / 2
        y0, y1 = mid - 3, mid + 3
    fig, axis = plt.subplots(figsize=(7.5, 5.5))
    axis.set_facecolor("#eef5fb")
    outlines = _outlines()
    for name, poly in outlines["polygons"].items():
        xs, ys = zip(*poly)
        axis.fill(xs, ys, color="#f5f0e6", edgecolor="#8d6e63", linewidth=1.0, zorder=1)
    for line in outlines["lines"].values():
        xs, ys = zip(*line)
        axis.plot(xs, ys, color="#8d6e63", linewidth=0.8, zorder=1)
    for name, lat, lon in _countries():
        if x0 < lon < x1 and y0 < lat < y1:
            axis.text(lon, lat, ar(name), fontsize=9, color="#a1887f", ha="center", zorder=2)
    top = points.most_common()
    axis.scatter([p[0] for p, _ in top], [p[1] for p, _ in top], s=[30 + 25 * n for _, n in top],
                 color="#c62828", alpha=0.65, edgecolors="white", linewidths=0.8, zorder=3)
    for (lon, lat, name), n in top[:15]:
        axis.annotate(ar(f"{name} ({n})"), (lon, lat), xytext=(5, 5), textcoords="offset points", fontsize=8, zorder=4)
    axis.set_xlim(x0, x1)
    axis.set_ylim(y0, y1)
    axis.set_aspect("equal")
    axis.grid(color="#cfd8dc", linewidth=0.5)
    axis.set_xlabel("lon")
    axis.set_ylabel("lat")
    return _png(fig)
