"""Training data for the relation model: the system's own candidates labelled by gold or silver.

- gold: a dev article's analysis and its gold file; gold entities are aligned to the system's as the
  scorer aligns them (`marsad.eval.align`). A candidate takes a gold relation's type when its entities
  hold it and its sentence overlaps the relation's evidence (or when no sentence of the pair does);
  a candidate of such a pair in another sentence is left out for that type (masked), neither
  positive nor negative.
- silver (`silver_examples`, for corpus articles without gold): labels from the knowledge base's
  affiliations between the two linked actors (distant supervision) and from the relations the rules
  read off names and events (a clash gives OPPOSES, a capture CONTROLS, «المجلس العسكري للزنتان»
  BASED_IN), with the features those labels come from removed.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from marsad.eval.align import align_entities
from marsad.eval.gold import Gold
from marsad.eval.locate import locate
from marsad.extract.relmodel.candidates import MAX_GAP, Candidate, generate
from marsad.extract.relmodel.features import ArticleContext, Lexicons, extract
from marsad.extract.relmodel.learn import Example
from marsad.extract.relmodel.schema import RELATION_TYPES, UNORDERED, allowed_types
from marsad.knowledge import KnowledgeBase
from marsad.layers import MENTIONS
from marsad.model import Analysis

#: the scorer matches these either way round (`marsad.eval.score.SYMMETRIC_RELATIONS`)
_SCORED_BOTH_WAYS = UNORDERED
#: features a silver label may have been read off (the rules' output, events, the KB's affiliations)
_SILVER_DROP = ("rule=", "ev=", "kb=")


@dataclass(slots=True)
class Article:
    """One analysed article ready to learn from or to score: candidates and their features."""

    name: str
    analysis: Analysis
    candidates: list[Candidate]
    features: list[list[str]]
    gold: Gold | None = None


def prepare(name: str, analysis: Analysis, lex: Lexicons, gold: Gold | None = None,
            max_gap: int = MAX_GAP) -> Article:
    """Candidates and features of an analysed article (its relations are the rules' output)."""
    mentions = MENTIONS.get(analysis)
    types = {e.id: e.type for e in analysis.entities}
    cands = generate(analysis.tokens, mentions, types, max_gap)
    ctx = ArticleContext.of(analysis, (m.first for m in mentions if m.entity))
    return Article(name, analysis, cands, [extract(analysis.tokens, c, ctx, lex) for c in cands], gold)


def mask_of(cand: Candidate, types: Sequence[str] = RELATION_TYPES) -> tuple[bool, ...]:
    """Which of `types` the candidate's entity types admit."""
    return _mask(cand.head_type, cand.tail_type, tuple(types))


@lru_cache(maxsize=256)
def _mask(head_type: str, tail_type: str, types: tuple[str, ...]) -> tuple[bool, ...]:
    ok = allowed_types(head_type, tail_type)
    return tuple(t in ok for t in types)


def gold_examples(article: Article) -> list[Example]:
    """The article's candidates labelled with its gold relations."""
    if article.gold is None:
        return []
    a, gold = article.analysis, article.gold
    al = align_entities(a, gold)
    sent_span = [(s.start, s.end) for s in a.sentences]
    wanted: dict[tuple[str, str], list[tuple[str, list[tuple[int, int]] | None]]] = {}
    for r in gold.relations:
        h, t = al.to_pred.get(r.head), al.to_pred.get(r.tail)
        if h and t:
            spans = locate(a.text, r.evidence)
            wanted.setdefault((h, t), []).append((r.type, spans))
            if r.type in _SCORED_BOTH_WAYS:
                wanted.setdefault((t, h), []).append((r.type, spans))

    def hits(c: Candidate, spans: list[tuple[int, int]] | None) -> bool:
        s, e = sent_span[c.sentence]
        return bool(spans) and any(x < e and s < y for x, y in spans or ())

    any_hit: dict[tuple[str, str, str], bool] = {}
    for c in article.candidates:
        for rtype, spans in wanted.get((c.head, c.tail), ()):
            key = (rtype, c.head, c.tail)
            any_hit[key] = any_hit.get(key, False) or hits(c, spans)
    out = []
    for c, feats in zip(article.candidates, article.features):
        labels: set[str] = set()
        mask = list(mask_of(c))
        for rtype, spans in wanted.get((c.head, c.tail), ()):
            if hits(c, spans) or not any_hit[(rtype, c.head, c.tail)]:
                labels.add(rtype)
            elif rtype in RELATION_TYPES:
                mask[RELATION_TYPES.index(rtype)] = False
        out.append(Example(feats, frozenset(labels & set(RELATION_TYPES)), tuple(mask), 1.0, article.name))
    return out


def kb_relations(kb: KnowledgeBase, kb_head: str, kb_tail: str) -> set[str]:
    """The relation types the knowledge base records from one actor to another (any date)."""
    actor = kb.actors.get(kb_head)
    if actor is None:
        return set()
    return {aff.type for aff in actor.affiliations if aff.target == kb_tail}


def silver_examples(article: Article, kb: KnowledgeBase, weight: float = 0.3, keep_negative: float = 0.2,
                    seed: int = 13) -> list[Example]:
    """The article's candidates labelled without a human: the KB's affiliations between the two linked
    actors (distant supervision) and the relations the system's rules read off names and events.

    The features naming events and rule output (`ev=`, `rule=`) are dropped, so the labels are not read
    off them and the model learns the words around the pairs. Unlabelled pairs are kept with
    probability `keep_negative` (a fixed `seed` per article).
    """
    rng = random.Random(f"{seed}:{article.name}")
    kb_of = {e.id: e.kb_id for e in article.analysis.entities}
    ruled: dict[tuple[str, str], set[str]] = {}
    for r in article.analysis.relations:
        ruled.setdefault((r.head, r.tail), set()).add(r.type)
        if r.type in _SCORED_BOTH_WAYS:
            ruled.setdefault((r.tail, r.head), set()).add(r.type)
    out = []
    for c, feats in zip(article.candidates, article.features):
        kh, kt = kb_of.get(c.head), kb_of.get(c.tail)
        labels = set(ruled.get((c.head, c.tail), ()))
        if kh and kt:
            labels |= kb_relations(kb, kh, kt)
        labels &= set(allowed_types(c.head_type, c.tail_type))
        if not labels and rng.random() >= keep_negative:
            continue
        out.append(Example([f for f in feats if not f.startswith(_SILVER_DROP)], frozenset(labels), mask_of(c),
                           weight, article.name))
    return out


def examples_of(articles: Iterable[Article]) -> list[Example]:
    """Gold examples of several articles, in order."""
    return [ex for art in articles for ex in gold_examples(art)]
