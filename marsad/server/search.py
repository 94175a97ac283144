"""Search by any term: actors and places by alias (the store's own search), and the claims and event
reports whose text holds the term, compared after Arabic normalisation (hamza and alef forms, ة/ه,
ى/ي, diacritics), so that «مسيرة» finds «مسيره» and «احمد» finds «أحمد»."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from marsad.store import Reader
from marsad.store import schema as t
from marsad.text.normalise import normalise

#: Letters that normalisation unifies with another: in SQL they match any one character.
VARIABLE = set("اأإآءؤئىيةهو")


def like_pattern(term: str) -> str:
    """A LIKE pattern (escape '\\') that every spelling of `term` matches, and more: the variable
    letters become '_'. The caller keeps only the rows whose normalised text holds the term."""
    out = []
    for ch in term.strip():
        if ch in VARIABLE:
            out.append("_")
        elif ch in "%_\\":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "%" + "".join(out) + "%"


def _holds(text: str | None, norm_term: str) -> bool:
    return bool(text) and norm_term in normalise(text)


def search(reader: Reader, term: str, limit: int = 50) -> dict[str, Any]:
    """Actors by alias, then claims and events whose text holds the term (each list at most `limit`)."""
    norm_term = normalise(term.strip())
    if not norm_term:
        return {"actors": [], "claims": [], "events": []}
    pattern = like_pattern(term)
    claim_ids: list[int] = []
    rows = reader.conn.execute(select(t.claims.c.id, t.claims.c.content).where(
        t.claims.c.content.like(pattern, escape="\\")).order_by(t.claims.c.date.desc()).limit(limit * 20))
    for claim_id, content in rows:
        if _holds(content, norm_term):
            claim_ids.append(claim_id)
            if len(claim_ids) >= limit:
                break
    event_ids: list[int] = []
    rows = reader.conn.execute(select(t.event_evidence.c.event_id, t.event_evidence.c.sentence).where(
        t.event_evidence.c.sentence.like(pattern, escape="\\")).order_by(t.event_evidence.c.date.desc()).limit(limit * 20))
    for event_id, sentence in rows:
        if event_id not in event_ids and _holds(sentence, norm_term):
            event_ids.append(event_id)
            if len(event_ids) >= limit:
                break
    events = []
    if event_ids:
        for row in reader.conn.execute(select(t.events).where(t.events.c.id.in_(event_ids))):
            card = reader.event_card(row)
            if card is not None:
                events.append(card)
        events.sort(key=lambda e: e["date"] or "", reverse=True)
    return {"actors": reader.find_actors(term, limit=limit),
            "claims": reader.claims(ids=claim_ids) if claim_ids else [],
            "events": events}
