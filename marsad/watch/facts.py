"""The facts one stored article states, read back from the store with corrections applied and set in
the knowledge graph over time: for each, what changed (a new tie, an allegiance it ends, a place's
earlier holders), the evidence sentences and their sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from marsad.store import Reader
from marsad.store import schema as t
from marsad.store.timeline import ALLEGIANCE

#: Relation types whose tail is a place (a rule's --place matches them).
PLACE_RELATIONS = ("CONTROLS", "BASED_IN")


@dataclass(slots=True)
class Fact:
    """A relation, event or claim of one article, with what a rule matches on and what an alert shows."""

    kind: str                      # relation, event, claim
    type: str
    local_id: str
    date: str | None
    actors: set[int] = field(default_factory=set)
    places: set[int] = field(default_factory=set)
    sources: int = 1
    summary: str = ""
    change: dict[str, Any] = field(default_factory=dict)
    evidence: list[dict[str, Any]] = field(default_factory=list)


def article_facts(reader: Reader, article_id: str, *, claims: bool = True) -> list[Fact]:
    """Every relation, event and (with `claims`) anonymous claim the article states."""
    facts = _relations(reader, article_id) + _events(reader, article_id)
    if claims:
        facts += _claims(reader, article_id)
    return facts


def _mark(evidence: list[dict[str, Any]], article_id: str) -> list[dict[str, Any]]:
    """Evidence rows, this article's first, each saying whether it is from this article."""
    for ev in evidence:
        ev["this_article"] = ev.get("article") == article_id
    return sorted(evidence, key=lambda e: (not e["this_article"], e.get("date") or ""))


def _relations(reader: Reader, article_id: str) -> list[Fact]:
    rows = reader.conn.execute(select(t.relation_evidence.c.relation_id, t.relation_evidence.c.local_id,
                                      t.relation_evidence.c.date)
                               .where(t.relation_evidence.c.article_id == article_id)).all()
    out = []
    for row in rows:
        rel = next(iter(reader.relations(ids=[row.relation_id])), None)
        if rel is None:   # rejected by an analyst
            continue
        shown = reader.show("relation", row.relation_id)
        fact = Fact("relation", rel["type"], row.local_id, row.date, actors={rel["head"], rel["tail"]})
        if rel["type"] in PLACE_RELATIONS:
            fact.places.add(rel["tail"])
        fact.sources = len(rel["outlets"]) or 1
        fact.summary = f"{rel['type']}: {rel['head_name']} → {rel['tail_name']}"
        fact.change = {"relation": rel["id"], "head": rel["head_name"], "tail": rel["tail_name"],
                       "new": rel["evidence"] == 1, "first_seen": rel["first_seen"],
                       "reports": rel["evidence"], **_relation_context(reader, rel)}
        fact.evidence = _mark(shown.get("evidence", []), article_id)
        out.append(fact)
    return out


def _relation_context(reader: Reader, rel: dict[str, Any]) -> dict[str, Any]:
    """What the relation changes in the graph: allegiances a defection ends, the sides an actor held
    before a new loyalty, the earlier holders of a place now said to be controlled."""
    head, tail = rel["head"], rel["tail"]
    if rel["type"] == "DEFECTED_FROM":
        ended = [r for r in reader.relations(head, types=ALLEGIANCE) if r["head"] == head and r["tail"] == tail]
        return {"ends": [f"{r['type']}: {r['head_name']} → {r['tail_name']} (last seen {r['last_seen']})"
                         for r in ended]}
    if rel["type"] in ("LOYAL_TO", "ALLIED_WITH", "MEMBER_OF"):
        before = [r for r in reader.relations(head, types=("LOYAL_TO", "MEMBER_OF", "DEFECTED_FROM"))
                  if r["head"] == head and r["tail"] != tail]
        return {"before": [f"{r['type']}: {r['head_name']} → {r['tail_name']} (last seen {r['last_seen']})"
                           for r in before]}
    if rel["type"] == "CONTROLS":
        return {"previous_holders": _holders(reader, tail, exclude=head)}
    return {}


def _holders(reader: Reader, place: int | None, exclude: int | None = None) -> list[str]:
    """Who else the store says controlled a place, latest first."""
    if place is None:
        return []
    held = [r for r in reader.relations(place, types=("CONTROLS",)) if r["tail"] == place and r["head"] != exclude]
    held.sort(key=lambda r: r["last_seen"] or "", reverse=True)
    return [f"{r['head_name']} (last seen {r['last_seen']})" for r in held]


def _events(reader: Reader, article_id: str) -> list[Fact]:
    rows = reader.conn.execute(select(t.event_evidence.c.event_id, t.event_evidence.c.local_id,
                                      t.event_evidence.c.date)
                               .where(t.event_evidence.c.article_id == article_id)).all()
    out = []
    for row in rows:
        card = reader.show("event", row.event_id)
        if card.get("status") == "rejected":
            continue
        fact = Fact("event", card["type"], row.local_id, card.get("date") or row.date,
                    actors=set(card["agents"]) | set(card["targets"]), sources=card["sources"])
        if card["place"] is not None:
            fact.places.add(card["place"])
        who = "، ".join(card["agent_names"]) or "?"
        whom = "، ".join(card["target_names"])
        where = f" @ {card['place_name']}" if card["place_name"] else ""
        fact.summary = f"{card['type']}: {who}{' → ' + whom if whom else ''}{where}"
        fact.change = {"event": card["id"], "agents": card["agent_names"], "targets": card["target_names"],
                       "place": card["place_name"], "geo": card.get("geo"), "new": len(card.get("evidence", [])) == 1,
                       "sources": card["sources"]}
        if card["type"] == "TERRITORY_CONTROL":
            fact.change["previous_holders"] = _holders(reader, card["place"])
        fact.evidence = _mark(card.get("evidence", []), article_id)
        out.append(fact)
    return out


def _claims(reader: Reader, article_id: str) -> list[Fact]:
    """The article's anonymous claims that no named source of the same day backs."""
    ids = [r[0] for r in reader.conn.execute(select(t.claims.c.id).where(
        (t.claims.c.article_id == article_id) & (t.claims.c.source_kind == "anonymous"))).all()]
    if not ids:
        return []
    out = []
    for claim in reader.claims(ids=ids, anonymous_only=True):
        subjects = {reader.canon(r[0]) for r in reader.conn.execute(
            select(t.claim_subjects.c.actor_id).where(t.claim_subjects.c.claim_id == claim["id"])).all()}
        art = reader.conn.execute(select(t.articles.c.title, t.articles.c.url, t.articles.c.source_id)
                                  .where(t.articles.c.id == article_id)).first()
        names = [reader.name(s) for s in sorted(x for x in subjects if x is not None)]
        local = reader.conn.execute(select(t.claims.c.local_id).where(t.claims.c.id == claim["id"])).scalar_one()
        fact = Fact("claim", "ANONYMOUS_CLAIM", local, claim["date"], actors={s for s in subjects if s is not None})
        fact.summary = f"anonymous claim about {'، '.join(n for n in names if n) or '?'}: «{claim['source_text'] or ''}»"
        fact.change = {"claim": claim["id"], "about": names, "source_text": claim["source_text"], "cue": claim["cue"]}
        fact.evidence = [{"article": article_id, "title": art.title if art else None, "url": art.url if art else None,
                          "source_id": art.source_id if art else None, "outlet": claim["outlet"],
                          "date": claim["date"], "modality": "asserted", "source_kind": "anonymous",
                          "speaker": None, "sentence": claim["content"], "this_article": True}]
        out.append(fact)
    return out
