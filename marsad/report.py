"""The readable terminal report of an analysis (`marsad analyze --format text`).

Arabic is written in logical order, as an ordinary UTF-8 terminal expects; colour uses plain ANSI
codes and only when asked for.
"""

from __future__ import annotations

from marsad.model import Analysis

_CODES = {"title": "1", "head": "1;36", "dim": "2", "ent": "33", "time": "35", "warn": "31"}


# control characters and bidi overrides of the article must not reach the terminal as commands
_UNSAFE = {c: "\ufffd" for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)]}
_UNSAFE.update({c: "\ufffd" for c in (0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069)})


def _safe(text: str) -> str:
    """Text from the article with terminal control characters and bidi overrides replaced one for one."""
    return text.translate(_UNSAFE)


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_CODES[style]}m{text}\x1b[0m" if color else text


def _snippet(text: str, start: int, end: int, limit: int = 120) -> str:
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= limit else piece[: limit - 1] + "…"


def render_text(analysis: Analysis, *, color: bool = False) -> str:
    """A multi-line report: title, date, then each layer that has content."""
    doc = analysis.document
    text = _safe(doc.text)  # one for one: offsets into it stay right
    lines = [_paint(_safe(doc.title or "(no title)"), "title", color)]
    meta = [f"date: {doc.published or 'unknown'}", f"source: {doc.source_id}"]
    if doc.outlet:
        meta.append(f"outlet: {doc.outlet}")
    lines.append(_paint(_safe("  ".join(meta)), "dim", color))
    lines.append(_paint(f"{len(analysis.sentences)} sentences, {len(analysis.tokens)} tokens", "dim", color))
    for w in doc.warnings:
        lines.append(_paint(_safe(f"warning: {w}"), "warn", color))
    names = {e.id: _safe(e.name) for e in analysis.entities}

    if analysis.entities:
        lines.append("")
        lines.append(_paint("Entities", "head", color))
        for e in analysis.entities:
            extra = f" = {e.name_en}" if e.name_en else ""
            kb = f" [{e.kb_id}]" if e.kb_id else ""
            roles = f" ({'، '.join(e.roles)})" if e.roles else ""
            lines.append(f"  {e.type:<13} {_paint(names[e.id], 'ent', color)}{_safe(extra)}{kb}{_safe(roles)}  ×{len(e.mentions)}")
    if analysis.times:
        lines.append("")
        lines.append(_paint("Times", "head", color))
        for t in analysis.times:
            lines.append(f"  {_paint(_safe(t.text), 'time', color)} → {t.value or '?'} ({t.precision})")
    if analysis.claims:
        lines.append("")
        lines.append(_paint("Claims", "head", color))
        for c in analysis.claims:
            who = names.get(c.speaker or "", None) or _safe(c.source_text or "") or c.source_kind
            via = f" via {', '.join(names.get(v, v) for v in c.via)}" if c.via else ""
            lines.append(f"  [{c.source_kind}] {who}{via} — {_safe(c.cue.text)}: «{_snippet(text, c.content.start, c.content.end)}»")
    if analysis.events:
        lines.append("")
        lines.append(_paint("Events", "head", color))
        for v in analysis.events:
            who = ", ".join(names.get(a, a) for a in v.agents) or "?"
            whom = ", ".join(names.get(a, a) for a in v.targets)
            where = names.get(v.place or "", "") if v.place else ""
            when = (v.time or {}).get("value") or ""
            src = ""
            if v.claim:
                claim = next((c for c in analysis.claims if c.id == v.claim), None)
                if claim:
                    src = names.get(claim.speaker or "", None) or _safe(claim.source_text or "") or claim.source_kind
            parts = [f"{v.type} ({v.modality})", f"who: {who}"]
            if whom:
                parts.append(f"whom: {whom}")
            if where:
                parts.append(f"where: {where}")
            if when:
                parts.append(f"when: {when}")
            if src:
                parts.append(f"according to: {src}")
            lines.append("  " + " | ".join(parts))
            lines.append(_paint(f"      «{_snippet(text, v.evidence.start, v.evidence.end)}»", "dim", color))
    if analysis.relations:
        lines.append("")
        lines.append(_paint("Relations", "head", color))
        for r in analysis.relations:
            mod = "" if r.modality == "asserted" else f" ({r.modality})"
            lines.append(f"  {names.get(r.head, r.head)} —{r.type}→ {names.get(r.tail, r.tail)}{mod}")
    if analysis.framing:
        lines.append("")
        lines.append(_paint("Framing", "head", color))
        for f in analysis.framing:
            lines.append(f"  «{_safe(f.text)}» {f.stance} → {names.get(f.entity or '', '?')}")
        from marsad.extract.framing import framing_summary

        summary = framing_summary(analysis)
        if summary:
            parts = [f"{names.get(eid, eid)}: " + ", ".join(f"{n} {stance}" for stance, n in sorted(c.items()))
                     for eid, c in summary.items()]
            lines.append(_paint("  framed actors — " + "; ".join(parts), "dim", color))
    return "\n".join(lines) + "\n"
