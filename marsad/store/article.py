"""What the store's writer keeps while it writes one article: the ids its entities got, its claims,
the rows batched until the article is done; and the small helpers every layer's writer uses."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from marsad.model import Analysis

#: The longest evidence sentence kept (characters).
MAX_SENTENCE = 600


@dataclass(slots=True)
class ArticleState:
    """The per-article state the writer needs while it walks the layers."""

    analysis: Analysis
    date: str | None
    outlet: str | None
    actor_ids: dict[str, int] = field(default_factory=dict)     # local entity id -> actor id
    actor_keys: dict[str, str] = field(default_factory=dict)    # local entity id -> actor key
    claims: dict[str, dict[str, Any]] = field(default_factory=dict)
    sentence_starts: list[int] = field(default_factory=list)
    aliases: dict[tuple[int, str], tuple[str, int]] = field(default_factory=dict)  # (actor, norm) -> (alias, count)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    events: set[int] = field(default_factory=set)            # events this article already reports
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)   # batched inserts, by statement
    actor_dates: dict[int, dict[str, Any]] = field(default_factory=dict)  # actor id -> dates/geo to widen
    relation_dates: dict[int, dict[str, Any]] = field(default_factory=dict)

    def add(self, kind: str, row: dict[str, Any]) -> None:
        """A row to insert with the others of its kind when the article is done."""
        self.rows.setdefault(kind, []).append(row)


def day(value: str | None) -> str | None:
    """The date part (YYYY, YYYY-MM or YYYY-MM-DD) of an ISO value."""
    if not value:
        return None
    return value[:10]


def to_date(value: str | None) -> date | None:
    """The day of an ISO value, or None when it names no whole day."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def sentence_of(art: ArticleState, start: int, end: int) -> str:
    """The words of the sentence(s) holding a span, cut to MAX_SENTENCE characters."""
    a = art.analysis
    if not a.sentences:
        return a.text[start:end][:MAX_SENTENCE]
    i = max(0, bisect.bisect_right(art.sentence_starts, start) - 1)
    j = max(i, bisect.bisect_right(art.sentence_starts, max(start, end - 1)) - 1)
    s, e = a.sentences[i].start, a.sentences[j].end
    if e - s > MAX_SENTENCE:
        s, e = max(s, start - 100), min(e, max(end, start) + MAX_SENTENCE - 100)
    return a.text[s:e].strip()


def attribution(art: ArticleState, claim_id: str | None) -> tuple[str | None, int | None, str]:
    """Source kind, speaker and the independent-source label of a fact carried by a claim."""
    outlet = art.outlet or art.analysis.document.source_id
    info = art.claims.get(claim_id or "")
    if not info:
        return None, None, outlet
    relayed = [art.analysis.entity(v) for v in info["via"]]
    media = [e.name for e in relayed if e is not None and e.type == "MEDIA"]
    return info["source_kind"], info["speaker"], (media[0] if media else outlet)
