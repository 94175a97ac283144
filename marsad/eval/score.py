"""Scoring one analysis against one gold file, layer by layer.

Matching rules (each gold item and each prediction is used at most once; among the pairs that match,
the best are taken first, greedily):

- entities: aligned as in `marsad.eval.align` (normalised names, aliases and mention texts intersect,
  with a leading «ال» stripped; types equal or GPE~LOCATION, ARMED_GROUP~ORGANIZATION). Geo accuracy
  is reported for matched gold places with coordinates: right when the prediction is within 50 km
  (150 km when the gold `kind` is region or country); a matched place without predicted coordinates
  counts as wrong.
- relations: same type, and head and tail aligned with the gold head and tail (either way round for
  the symmetric ALLIED_WITH).
- events: same type, and a shared agent, a shared target or the same place (through the alignment,
  role by role), or overlapping evidence (the predicted evidence span, or its trigger when the
  evidence is empty, against the gold evidence located in the text).
- claims: same kind of source (named_person, organization, media and document are "named";
  anonymous is anonymous), the same speaker when the gold claim is named and names one (through the
  alignment), and content overlap (the predicted content span overlaps the gold evidence in the text).
- times: the same value once written alike ("2016-10-11T13:10" = "2016-10-11T13:10:00"); a gold date
  without a value matches a prediction without a value over the same text.
- framing: the same stance, and the same term: normalised terms equal or one containing the other, or
  the predicted span overlapping the gold term located in the text.

Linking: the share of matched gold entities whose predicted entity carries a knowledge-base id
(`FileScore.links`, `marsad.eval.align.score_links`).

Not scored (yet): modality, claim cue and `via`, event dates, the entity a framing names, relation
and event `source`. Misses and spurious predictions are listed per layer in `FileScore.missed` and
`FileScore.spurious` (and in the JSON report).

Gold items marked `"core": false` count only when matched: a match counts for both precision and
recall, a miss counts nowhere (they neither hurt recall nor, when predicted, precision).

Gold evidence is located by `marsad.eval.locate`; a quote that cannot be found (or offsets outside the
text) is reported as a warning and overlaps nothing, so any rule needing it does not match.

Arithmetic: precision = matched predictions / predictions, recall = matched gold / gold, F1 their
harmonic mean. With no predictions precision is n/a (None); with no gold recall is n/a; F1 is n/a
when both are n/a (nothing to find and nothing found), else an n/a side counts as 0 — so spurious
predictions against an empty gold, or no predictions against a non-empty gold, give F1 = 0.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from marsad.eval.align import Alignment, GeoScore, LinkScore, align_entities, name_key, score_geo, score_links
from marsad.eval.gold import Evidence, Gold
from marsad.eval.locate import describe, evidence_text, locate, overlaps
from marsad.model import Analysis

LAYERS = ("entities", "relations", "events", "claims", "times", "framing")
#: Layers with a per-type breakdown.
TYPED_LAYERS = ("entities", "relations", "events")
NAMED_KINDS = frozenset({"named_person", "organization", "media", "document"})
SYMMETRIC_RELATIONS = frozenset({"ALLIED_WITH", "OPPOSES"})

G = TypeVar("G")
P = TypeVar("P")


@dataclass(slots=True)
class Counts:
    """Gold, predicted and matched counts of one layer (or one type), with P/R/F1."""

    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_pred: int = 0

    def add(self, other: "Counts") -> None:
        """Add another set of counts to these."""
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched_gold += other.matched_gold
        self.matched_pred += other.matched_pred

    @property
    def precision(self) -> float | None:
        """Matched predictions over predictions; None when nothing was predicted."""
        return self.matched_pred / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        """Matched gold over gold; None when the gold has nothing."""
        return self.matched_gold / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall; None when both are None."""
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON form, scores rounded to 4 places (None for n/a)."""
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched_gold,
                "precision": _round(self.precision), "recall": _round(self.recall), "f1": _round(self.f1)}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(slots=True)
class LayerScore:
    """One layer's counts, with a per-type breakdown where types apply."""

    counts: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=dict)

    def add(self, other: "LayerScore") -> None:
        """Add another file's layer score to this one."""
        self.counts.add(other.counts)
        for t, c in other.per_type.items():
            self.per_type.setdefault(t, Counts()).add(c)


@dataclass(slots=True)
class FileScore:
    """The scores of one analysis against one gold file."""

    gold: str
    input: str
    layers: dict[str, LayerScore] = field(default_factory=lambda: {n: LayerScore() for n in LAYERS})
    geo: GeoScore = field(default_factory=GeoScore)
    links: LinkScore = field(default_factory=LinkScore)
    warnings: list[str] = field(default_factory=list)
    #: Per layer, a short description of each unmatched core gold item and each unmatched prediction.
    missed: dict[str, list[str]] = field(default_factory=dict)
    spurious: dict[str, list[str]] = field(default_factory=dict)


def _greedy(golds: Sequence[G], preds: Sequence[P], score: Callable[[G, P], float | None]) -> dict[int, int]:
    """One-to-one pairs gold index -> prediction index, best score first (ties: file order)."""
    cands = [(-s, gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds)
             if (s := score(g, p)) is not None]
    cands.sort()
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in cands:
        if gi in pairs or pi in used:
            continue
        pairs[gi] = pi
        used.add(pi)
    return pairs


def _count(golds: Sequence[Any], preds: Sequence[Any], pairs: dict[int, int],
           gold_type: Callable[[Any], str] | None = None,
           pred_type: Callable[[Any], str] | None = None) -> LayerScore:
    """Counts for a layer from its pairs; gold items with core=False count only when matched."""
    out = LayerScore()
    matched_preds = set(pairs.values())
    for gi, g in enumerate(golds):
        hit = gi in pairs
        if not hit and not getattr(g, "core", True):
            continue
        for c in _targets(out, gold_type(g) if gold_type else None):
            c.gold += 1
            c.matched_gold += hit
    for pi, p in enumerate(preds):
        for c in _targets(out, pred_type(p) if pred_type else None):
            c.predicted += 1
            c.matched_pred += pi in matched_preds
    return out


def _targets(layer: LayerScore, type_: str | None) -> list[Counts]:
    if type_ is None:
        return [layer.counts]
    return [layer.counts, layer.per_type.setdefault(type_, Counts())]


def _normal_value(value: str | None) -> str | None:
    """A time value written alike: no trailing Z, no zero seconds."""
    if value is None:
        return None
    value = value.strip().removesuffix("Z")
    return re.sub(r"(T\d\d:\d\d):00(\.0+)?$", r"\1", value)


_Matched = tuple[Sequence[Any], Sequence[Any], dict[int, int]]


class _Scorer:
    """Holds the text, the alignment and the located evidence while one file is scored."""

    def __init__(self, analysis: Analysis, gold: Gold) -> None:
        self.analysis = analysis
        self.gold = gold
        self.text = analysis.text
        self.alignment: Alignment = align_entities(analysis, gold)
        self.warnings: list[str] = []

    def where(self, evidence: Evidence, item: str) -> list[tuple[int, int]] | None:
        """The gold evidence's spans in the text, warning when it cannot be found."""
        spans = locate(self.text, evidence)
        if spans == []:
            what = "outside the text" if isinstance(evidence, tuple) else "not found in the article text"
            self.warnings.append(f"{self.gold.source}: {item}: evidence {describe(evidence)} {what}; "
                                 "it overlaps nothing")
        return spans

    def key(self, pred_id: str | None) -> str | None:
        return self.alignment.gold_key(pred_id)

    def entities(self) -> _Matched:
        golds, preds = self.gold.entities, self.analysis.entities
        index = {e.id: i for i, e in enumerate(preds)}
        pairs = {gi: index[self.alignment.to_pred[g.key]] for gi, g in enumerate(golds)
                 if g.key in self.alignment.to_pred}
        return golds, preds, pairs

    def relations(self) -> _Matched:
        golds, preds = self.gold.relations, self.analysis.relations
        spans = [self.where(g.evidence, f"relations[{i}]") for i, g in enumerate(golds)]

        def score(gi: int, p: Any) -> float | None:
            g = golds[gi]
            if p.type != g.type:
                return None
            ends = (self.key(p.head), self.key(p.tail))
            if ends != (g.head, g.tail) and not (g.type in SYMMETRIC_RELATIONS and ends == (g.tail, g.head)):
                return None
            return 1.0 + 0.5 * overlaps((p.evidence.start, p.evidence.end), spans[gi])

        return golds, preds, _greedy(range(len(golds)), preds, score)

    def events(self) -> _Matched:
        golds, preds = self.gold.events, self.analysis.events
        spans = [self.where(g.evidence, f"events[{i}]") for i, g in enumerate(golds)]

        def score(gi: int, p: Any) -> float | None:
            g = golds[gi]
            if p.type != g.type:
                return None
            shared = len(set(g.agents) & {self.key(a) for a in p.agents})
            shared += len(set(g.targets) & {self.key(t) for t in p.targets})
            shared += g.place is not None and self.key(p.place) == g.place
            ev = (p.evidence.start, p.evidence.end)
            if ev[0] >= ev[1]:
                ev = (p.trigger.start, p.trigger.end)
            hit = overlaps(ev, spans[gi])
            return float(shared) + 0.5 * hit if shared or hit else None

        return golds, preds, _greedy(range(len(golds)), preds, score)

    def claims(self) -> _Matched:
        golds, preds = self.gold.claims, self.analysis.claims
        spans = [self.where(g.evidence, f"claims[{i}]") for i, g in enumerate(golds)]

        def score(gi: int, p: Any) -> float | None:
            g = golds[gi]
            named = g.source_kind in NAMED_KINDS
            if named != (p.source_kind in NAMED_KINDS):
                return None
            if named and g.speaker is not None and self.key(p.speaker) != g.speaker:
                return None
            content = (p.content.start, p.content.end)
            if not overlaps(content, spans[gi]):
                return None
            best = max(min(content[1], e) - max(content[0], s) for s, e in spans[gi] or [])
            return 1.0 + best / max(1, content[1] - content[0])

        return golds, preds, _greedy(range(len(golds)), preds, score)

    def times(self) -> _Matched:
        golds, preds = self.gold.dates, self.analysis.times
        spans = [self.where(g.text, f"dates[{i}]") for i, g in enumerate(golds)]

        def score(gi: int, p: Any) -> float | None:
            g = golds[gi]
            hit = overlaps((p.start, p.end), spans[gi])
            if _normal_value(p.value) != _normal_value(g.value) or (g.value is None and not hit):
                return None
            return 1.0 + 0.5 * hit

        return golds, preds, _greedy(range(len(golds)), preds, score)

    def framing(self) -> _Matched:
        golds, preds = self.gold.framing, self.analysis.framing
        spans = [self.where(g.term, f"framing[{i}]") for i, g in enumerate(golds)]
        terms = [name_key(evidence_text(self.text, g.term) or "") for g in golds]

        def score(gi: int, p: Any) -> float | None:
            if p.stance != golds[gi].stance:
                return None
            term, got = terms[gi], name_key(p.text or self.text[p.start:p.end])
            if term and got and term == got:
                return 2.0
            if (term and got and (term in got or got in term)) or overlaps((p.start, p.end), spans[gi]):
                return 1.0
            return None

        return golds, preds, _greedy(range(len(golds)), preds, score)


class _Describer:
    """Short one-line descriptions of gold items and predictions, for the lists of misses."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.text = analysis.text

    def _quote(self, start: int, end: int) -> str:
        words = self.text[start:end].replace("\n", " ")
        return f"«{words[:50]}…»" if len(words) > 50 else f"«{words}»"

    def _ev(self, evidence: Evidence) -> str:
        if isinstance(evidence, tuple):
            return self._quote(*evidence)
        return describe(evidence) if evidence else ""

    def _name(self, entity_id: str | None) -> str:
        ent = self.analysis.entity(entity_id) if entity_id else None
        return ent.name if ent else str(entity_id)

    def gold(self, layer: str, g: Any) -> str:
        """One line naming a gold item of `layer`."""
        if layer == "entities":
            return f"{g.key} {g.type} {g.name}".rstrip()
        if layer == "relations":
            return f"{g.type} {g.head} -> {g.tail} {self._ev(g.evidence)}".rstrip()
        if layer == "events":
            who = ",".join(g.agents) or "-"
            whom = ",".join(g.targets) or "-"
            return f"{g.type} {who} -> {whom} @ {g.place or '-'} {self._ev(g.evidence)}".rstrip()
        if layer == "claims":
            return f"{g.source_kind} {g.speaker or '-'} {self._ev(g.evidence)}".rstrip()
        if layer == "times":
            return f"{g.value} {self._ev(g.text)}"
        return f"{g.stance} {self._ev(g.term)}"

    def pred(self, layer: str, p: Any) -> str:
        """One line naming a prediction of `layer`."""
        if layer == "entities":
            return f"{p.id} {p.type} {p.name}"
        if layer == "relations":
            return f"{p.id} {p.type} {self._name(p.head)} -> {self._name(p.tail)}"
        if layer == "events":
            who = ",".join(map(self._name, p.agents)) or "-"
            whom = ",".join(map(self._name, p.targets)) or "-"
            return f"{p.id} {p.type} {who} -> {whom} {self._quote(p.trigger.start, p.trigger.end)}"
        if layer == "claims":
            speaker = self._name(p.speaker) if p.speaker else "-"
            return f"{p.id} {p.source_kind} {speaker} {self._quote(p.content.start, p.content.end)}"
        if layer == "times":
            return f"{p.id} {p.value} {self._quote(p.start, p.end)}"
        return f"{p.stance} {self._quote(p.start, p.end)}"


def score_analysis(analysis: Analysis, gold: Gold, *, input_name: str | None = None) -> FileScore:
    """Score every layer of `analysis` against `gold`; warnings are collected, not printed."""
    s = _Scorer(analysis, gold)
    out = FileScore(gold=gold.source, input=input_name or analysis.document.source_id)
    describer = _Describer(analysis)
    for name in LAYERS:
        golds, preds, pairs = getattr(s, name)()
        typed = name in TYPED_LAYERS
        get_type: Callable[[Any], str] | None = (lambda x: x.type) if typed else None
        out.layers[name] = _count(golds, preds, pairs, get_type, get_type)
        used = set(pairs.values())
        out.missed[name] = [describer.gold(name, g) for gi, g in enumerate(golds)
                            if gi not in pairs and getattr(g, "core", True)]
        out.spurious[name] = [describer.pred(name, p) for pi, p in enumerate(preds) if pi not in used]
    out.geo = score_geo(analysis, gold, s.alignment)
    out.links = score_links(analysis, gold, s.alignment)
    out.warnings = s.warnings
    return out


def relation_scorer(analysis: Analysis, gold: Gold) -> Callable[[Sequence[Any]], LayerScore]:
    """A function scoring any list of relations of `analysis` against `gold`'s relation layer, as
    `score_analysis` does, with the entity alignment computed once (for loops that try many lists)."""
    s = _Scorer(analysis, gold)

    def score(relations: Sequence[Any]) -> LayerScore:
        kept = analysis.relations
        analysis.relations = list(relations)
        try:
            golds, preds, pairs = s.relations()
        finally:
            analysis.relations = kept
        return _count(golds, preds, pairs, lambda x: x.type, lambda x: x.type)

    return score


@dataclass(slots=True)
class Summary:
    """Scores of several files and their micro totals (counts summed over files, then P/R/F1)."""

    files: list[FileScore] = field(default_factory=list)
    total: dict[str, LayerScore] = field(default_factory=lambda: {n: LayerScore() for n in LAYERS})
    geo: GeoScore = field(default_factory=GeoScore)
    links: LinkScore = field(default_factory=LinkScore)

    def add(self, score: FileScore) -> None:
        """Add one file's scores to the list and to the totals."""
        self.files.append(score)
        for name in LAYERS:
            self.total[name].add(score.layers[name])
        self.geo.add(score.geo)
        self.links.add(score.links)

    def f1(self) -> dict[str, float | None]:
        """Micro F1 per layer."""
        return {name: self.total[name].counts.f1 for name in LAYERS}
