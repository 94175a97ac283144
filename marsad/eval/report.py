"""Rendering evaluation results: plain-text tables for people and a JSON object for tools."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from marsad.eval.align import GeoScore, LinkScore
from marsad.eval.score import LAYERS, TYPED_LAYERS, Counts, FileScore, LayerScore, Summary

_HEAD = ("layer", "gold", "pred", "match", "P", "R", "F1")


def fmt(value: float | None) -> str:
    """A score for a table: three decimals, or n/a."""
    return "n/a" if value is None else f"{value:.3f}"


def _row(label: str, c: Counts) -> list[str]:
    return [label, str(c.gold), str(c.predicted), str(c.matched_gold),
            fmt(c.precision), fmt(c.recall), fmt(c.f1)]


def _table(rows: list[list[str]], head: tuple[str, ...] = _HEAD) -> str:
    widths = [max(len(r[i]) for r in [list(head), *rows]) for i in range(len(head))]

    def line(cells: list[str] | tuple[str, ...]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:])]
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(head), rule, *(line(r) for r in rows)])


def layer_table(layers: dict[str, LayerScore]) -> str:
    """One row per layer plus an `all` row (counts of every layer added up)."""
    rows = [_row(name, layers[name].counts) for name in LAYERS]
    rows.append(_row("all layers", _all(layers)))
    return _table(rows)


def type_table(layers: dict[str, LayerScore]) -> str:
    """One row per entity, relation and event type that occurs in gold or predictions."""
    rows: list[list[str]] = []
    for name in TYPED_LAYERS:
        for t in sorted(layers[name].per_type):
            rows.append(_row(f"{name}/{t}", layers[name].per_type[t]))
    return _table(rows, ("type", *_HEAD[1:])) if rows else "(no typed items)"


def _geo_line(g: GeoScore) -> str:
    if not g.places:
        return "geo: no matched gold place with coordinates"
    return (f"geo: {g.correct}/{g.places} matched places within tolerance "
            f"(accuracy {fmt(g.accuracy)}; {g.with_geo} with predicted coordinates)")


def _link_line(k: LinkScore) -> str:
    if not k.matched:
        return "linked: no matched gold entity"
    return f"linked: {k.linked}/{k.matched} matched entities carry a knowledge-base id (share {fmt(k.share)})"


def _short(path: str) -> str:
    return Path(path).name


def render_text(summary: Summary, *, per_type: bool = False, totals_only: bool = False) -> str:
    """The human report: per-file F1 (when several files, unless `totals_only`), micro totals, geo,
    the linked share, optional per-type table."""
    parts: list[str] = []
    if totals_only:
        parts.append(f"micro totals over {len(summary.files)} files")
    elif len(summary.files) == 1:
        f = summary.files[0]
        parts.append(f"{f.input}  vs  {f.gold}")
    else:
        rows = [[_short(f.gold), *(fmt(f.layers[n].counts.f1) for n in LAYERS)] for f in summary.files]
        parts.append(f"F1 per file ({len(summary.files)} files)")
        parts.append(_table(rows, ("gold file", *LAYERS)))
        parts.append("")
        parts.append("micro totals over all files")
    parts.append(layer_table(summary.total))
    parts.append(_geo_line(summary.geo))
    parts.append(_link_line(summary.links))
    if per_type:
        parts.append("")
        parts.append("per type (micro)")
        parts.append(type_table(summary.total))
    return "\n".join(parts) + "\n"


def _all(layers: dict[str, LayerScore]) -> Counts:
    every = Counts()
    for name in LAYERS:
        every.add(layers[name].counts)
    return every


def _layers_json(layers: dict[str, LayerScore], per_type: bool) -> dict[str, Any]:
    out: dict[str, Any] = {n: layers[n].counts.to_dict() for n in LAYERS}
    out["all"] = _all(layers).to_dict()
    if per_type:
        for n in TYPED_LAYERS:
            out[n]["per_type"] = {t: c.to_dict() for t, c in sorted(layers[n].per_type.items())}
    return out


def file_json(score: FileScore, *, per_type: bool = False) -> dict[str, Any]:
    """JSON form of one file's scores."""
    return {"gold": score.gold, "input": score.input, "layers": _layers_json(score.layers, per_type),
            "geo": score.geo.to_dict(), "links": score.links.to_dict(), "warnings": list(score.warnings),
            "missed": {n: score.missed.get(n, []) for n in LAYERS},
            "spurious": {n: score.spurious.get(n, []) for n in LAYERS}}


def render_json(summary: Summary, *, per_type: bool = False) -> dict[str, Any]:
    """The JSON report: every file, the micro totals, geo accuracy and the linked share (per-type
    breakdown on request)."""
    return {
        "schema": "marsad.eval/1",
        "files": [file_json(f, per_type=per_type) for f in summary.files],
        "micro": _layers_json(summary.total, per_type),
        "geo": summary.geo.to_dict(),
        "links": summary.links.to_dict(),
    }
