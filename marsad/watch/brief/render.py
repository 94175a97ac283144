"""The brief as one self-contained HTML page: Arabic, right to left, inline CSS, pictures embedded as
data URIs, nothing fetched from anywhere (it reads the same offline and prints to PDF)."""

from __future__ import annotations

import base64
import re
from collections import Counter, defaultdict
from datetime import datetime, timezone
from html import escape
from typing import Any

from marsad import __version__
from marsad.watch.brief.data import BriefData
from marsad.watch.brief.labels import label

#: Rows of the events table (the timeline picture shows them all).
MAX_EVENT_ROWS = 150
#: Claims quoted per kind of source.
CLAIMS_PER_KIND = 4

CSS = """
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", "Arial", sans-serif; color: #222;
       margin: 0 auto; max-width: 1000px; padding: 16px; line-height: 1.6; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; color: #1f3a5f; }
h2 { font-size: 19px; border-bottom: 2px solid #1f3a5f; padding-bottom: 3px; margin-top: 28px; color: #1f3a5f;
     break-after: avoid; }
.meta { color: #666; font-size: 13px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0; }
.card { flex: 1 1 120px; border: 1px solid #d0d7e2; border-radius: 6px; padding: 8px 10px; background: #f6f8fb; }
.card b { display: block; font-size: 24px; color: #1f3a5f; }
.card span { font-size: 12px; color: #555; }
.pair { display: flex; gap: 10px; flex-wrap: wrap; }
.pair figure { flex: 1 1 300px; margin: 0; }
figure { margin: 8px 0; break-inside: avoid; }
figure img { max-width: 100%; border: 1px solid #e3e3e3; }
figcaption { font-size: 12px; color: #555; }
.change { border-right: 4px solid #ef6c00; padding: 4px 10px; margin: 10px 0; background: #fff8f1; break-inside: avoid; }
.change .what { font-weight: bold; }
blockquote { margin: 4px 0; padding: 2px 10px; border-right: 2px solid #bbb; color: #333; font-size: 14px; }
.src { font-size: 12px; color: #666; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid #d6d6d6; padding: 3px 6px; text-align: right; vertical-align: top; }
th { background: #eef2f7; }
tr { break-inside: avoid; }
.ltr { direction: ltr; unicode-bidi: embed; }
.anon { color: #b71c1c; }
footer { margin-top: 30px; font-size: 11px; color: #888; border-top: 1px solid #ddd; padding-top: 6px; }
"""


def _img(png: bytes, alt: str) -> str:
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}">'


_DATES = re.compile(r"\d{4}(?:-\d{2}){0,2}")


def _e(value: Any) -> str:
    return escape(str(value)) if value is not None else ""


def _bidi(text: str) -> str:
    """Escaped text with each ISO date isolated left to right (else «2017-03-01» reads 01-03-2017)."""
    return _DATES.sub(lambda m: f'<bdi dir="ltr">{m.group(0)}</bdi>', escape(text))


def _cards(f: dict[str, int]) -> str:
    items = [("events", "حدثاً"), ("changes", "تغيّراً في الولاء أو السيطرة"), ("actors", "فاعلاً"),
             ("places", "مكاناً"), ("claims", "ادعاءً"), ("anonymous", "ادعاءً من مصادر مجهّلة"),
             ("multi_source_events", "حدثاً بأكثر من مصدر"), ("sources", "وسيلة إعلام")]
    return '<div class="cards">' + "".join(
        f'<div class="card"><b>{f.get(k, 0):,}</b><span>{v}</span></div>' for k, v in items) + "</div>"


def _change(c: dict[str, Any]) -> str:
    ev = c["evidence"]
    if c["kind"] == "relation":
        what = f"{_e(c['head'])} <i>{_e(label('relation', c['type']))}</i> {_e(c['tail'])}"
    else:
        who = "، ".join(c.get("agents") or []) or "—"
        where = f" في {_e(c['place'])}" if c.get("place") else ""
        whom = f" ← {_e('، '.join(c['targets']))}" if c.get("targets") else ""
        what = f"{_e(label('event', c['type']))}: {_e(who)}{whom}{where}"
    kind = label("source", ev.get("source_kind"))
    speaker = f"، {_e(ev['speaker'])}" if ev.get("speaker") else ""
    modality = "" if c.get("modality") == "asserted" else f" ({_e(label('modality', c.get('modality')))})"
    link = f' — <a href="{_e(ev["url"])}">{_e(ev.get("title") or ev["url"])}</a>' if ev.get("url") else ""
    return (f'<div class="change"><div class="what"><span class="ltr">{_e(c["date"] or "؟")}</span> · {what}{modality}</div>'
            f'<blockquote>«{_bidi(ev.get("sentence") or "")}»</blockquote>'
            f'<div class="src">{_e(ev.get("outlet") or "؟")} · {kind}{speaker}{link}</div></div>')


def _claims(claims: list[dict[str, Any]]) -> str:
    if not claims:
        return "<p>لا ادعاءات في هذه الفترة.</p>"
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in claims:
        by_kind[c["source_kind"]].append(c)
    total = len(claims)
    rows = "".join(f"<tr><td>{_e(label('source', k))}</td><td>{len(v):,}</td><td>{100 * len(v) / total:.0f}%</td></tr>"
                   for k, v in sorted(by_kind.items(), key=lambda kv: -len(kv[1])))
    parts = [f"<table><tr><th>نوع المصدر</th><th>عدد الادعاءات</th><th>النسبة</th></tr>{rows}</table>"]
    for kind, items in sorted(by_kind.items(), key=lambda kv: -len(kv[1])):
        cls = ' class="anon"' if kind == "anonymous" else ""
        quotes = "".join(
            f'<blockquote>«{_e(c["content"][:400])}»<div class="src">{_e(c.get("source_text") or c.get("speaker_name") or "")}'
            f' · {_e(c.get("outlet") or "")} · <span class="ltr">{_e(c.get("date") or "")}</span></div></blockquote>'
            for c in items[:CLAIMS_PER_KIND])
        parts.append(f"<h3{cls}>{_e(label('source', kind))} ({len(items):,})</h3>{quotes}")
    return "".join(parts)


def _events_table(events: list[dict[str, Any]]) -> str:
    if not events:
        return "<p>لا أحداث في هذه الفترة.</p>"
    rows = "".join(
        f'<tr><td class="ltr">{_e(e["date"] or "")}</td><td>{_e(label("event", e["type"]))}</td>'
        f'<td>{_e("، ".join(n for n in e["agent_names"] if n))}</td><td>{_e("، ".join(n for n in e["target_names"] if n))}</td>'
        f'<td>{_e(e["place_name"] or "")}</td><td>{e["sources"]}</td></tr>' for e in events[:MAX_EVENT_ROWS])
    more = (f"<p class='meta'>و{len(events) - MAX_EVENT_ROWS:,} حدثاً آخر (في الخط الزمني والخريطة أعلاه).</p>"
            if len(events) > MAX_EVENT_ROWS else "")
    return ("<table><tr><th>التاريخ</th><th>النوع</th><th>الفاعل</th><th>المستهدف</th><th>المكان</th><th>المصادر</th></tr>"
            f"{rows}</table>{more}")


def render_html(data: BriefData, pictures: dict[str, bytes]) -> str:
    """The whole brief as one HTML document."""
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    types = Counter(e["type"] for e in data.events).most_common(5)
    commonest = "، ".join(f"{label('event', t)} ({n})" for t, n in types) or "—"
    changes = "".join(_change(c) for c in data.changes) or "<p>لا تغيّر في الولاءات أو السيطرة في هذه الفترة.</p>"
    return f"""<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="marsad {_e(__version__)}">
<title>{_e(data.title)}</title>
<style>{CSS}</style></head>
<body>
<header><h1>{_bidi(data.title)}</h1>
<div class="meta">الفترة: <span class="ltr">{_e(data.date_from or '…')}</span> – <span class="ltr">{_e(data.date_to or '…')}</span>
· أكثر الأحداث: {_e(commonest)}</div></header>
<section id="summary"><h2>أرقام موجزة</h2>{_cards(data.figures)}</section>
<section id="network"><h2>شبكة الولاءات في بداية الفترة ونهايتها</h2>
<div class="pair"><figure>{_img(pictures['start'], 'الشبكة في بداية الفترة')}<figcaption>كما ذكرتها المقالات حتى
<span class="ltr">{_e(data.date_from or '')}</span> ({data.graph_start.number_of_nodes()} فاعلاً، {data.graph_start.number_of_edges()} علاقة)</figcaption></figure>
<figure>{_img(pictures['end'], 'الشبكة في نهاية الفترة')}<figcaption>حتى <span class="ltr">{_e(data.date_to or '')}</span>
({data.graph_end.number_of_nodes()} فاعلاً، {data.graph_end.number_of_edges()} علاقة)؛ الخط المتقطع: ولاء انتهى بانشقاق أو سيطرة فُقدت</figcaption></figure></div>
</section>
<section id="timeline"><h2>الخط الزمني</h2><figure>{_img(pictures['timeline'], 'الأحداث في الأسبوع')}
<figcaption>الأحداث في كل أسبوع حسب النوع؛ المثلثات البرتقالية: تغيّرات الولاء والسيطرة</figcaption></figure></section>
<section id="map"><h2>خريطة الأحداث</h2><figure>{_img(pictures['map'], 'خريطة الأحداث')}
<figcaption>كل نقطة مكان، وحجمها عدد الأحداث فيه؛ الحدود مرسومة تقريبياً للتوجيه فقط</figcaption></figure></section>
<section id="changes"><h2>التغيّرات وأدلتها ({len(data.changes):,})</h2>{changes}</section>
<section id="claims"><h2>الادعاءات حسب نوع المصدر</h2>{_claims(data.claims)}</section>
<section id="events"><h2>الأحداث ({len(data.events):,})</h2>{_events_table(data.events)}</section>
<footer>أعدّه مرصد (marsad {_e(__version__)}) في <span class="ltr">{made}</span> من المقالات المخزّنة؛ كل معلومة مع مصدرها
ونوع مصدرها كما ورد في النص.</footer>
</body></html>
"""
