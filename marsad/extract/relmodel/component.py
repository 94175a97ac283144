"""The `relation_model` component: adds the learned scorer's relations to those of the hand rules."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from marsad.extract.claimspan import claim_index, narrowest_claim
from marsad.extract.relmodel.candidates import MAX_GAP
from marsad.extract.relmodel.crosssent import ANAPHORA, CROSS, candidates_and_features
from marsad.extract.relmodel.decide import merged, model_relations
from marsad.extract.relmodel.features import ArticleContext, Lexicons
from marsad.extract.relmodel.model import SHIPPED, RelationModel, load_model
from marsad.extract.relmodel.data import mask_of
from marsad.layers import MENTIONS
from marsad.model import Analysis
from marsad.options import Option
from marsad.pipeline import register
from marsad.resources import Resources

log = logging.getLogger(__name__)


@register("relation_model", requires=("tokens", "entities", "mentions", "events", "claims", "relations"),
          assigns=("relations",),
          options=(Option("model", str, None, "a relation model file (.npz) instead of the shipped one",
                          optional=True),
                   Option("threshold", float, None, "one decision threshold for every type instead of the "
                          "model's own (0 to 1)", optional=True, low=0.0, high=1.0),
                   Option("max_gap", int, MAX_GAP, "at most this many tokens between the two entities of a pair",
                          low=0),
                   Option("cross_sentence", bool, CROSS, "also score pairs across sentences (an anaphor and "
                          "the entities of the sentence before, or the article's main actor); only with a model trained so"),
                   Option("anaphora", bool, ANAPHORA, "take bare definite head words («التنظيم») as mentions of "
                          "the entity named before; only with a model trained so")))
class RelationScorer:
    """Scores entity pairs within sentences and adds the relations the model is sure of to the rules'."""

    def __init__(self, resources: Resources, *, model: str | None = None, threshold: float | None = None,
                 max_gap: int = MAX_GAP, cross_sentence: bool = CROSS,
                 anaphora: bool = ANAPHORA) -> None:
        path = Path(model) if model else SHIPPED
        self.model: RelationModel = resources.shared(f"relation_model:{path}", lambda: load_model(path))
        self.lexicons: Lexicons = resources.shared("relation_model:lexicons", lambda: Lexicons.from_kb(resources.kb))
        self.thresholds = (np.full(len(self.model.types), threshold, dtype=np.float32) if threshold is not None
                           else self.model.thresholds)
        self.max_gap = max_gap
        self.cross = cross_sentence
        self.anaphora = anaphora

    def __call__(self, analysis: Analysis) -> Analysis:
        claims = claim_index(analysis.claims)  # a relation inside a reported statement is that claim's report
        analysis.relations = merged(analysis.relations, self.added(analysis),
                                    lambda pos: narrowest_claim(claims, pos))
        return analysis

    def added(self, analysis: Analysis) -> list[tuple[str, str, str, float, tuple[int, int]]]:
        """The relations the model adds to those already in `analysis` (type, head, tail, p, evidence)."""
        mentions = MENTIONS.get(analysis)
        types = {e.id: e.type for e in analysis.entities}
        ctx = ArticleContext.of(analysis, (m.first for m in mentions if m.entity))
        cands, feats = candidates_and_features(analysis.tokens, mentions, types, ctx, self.lexicons,
                                               self.max_gap, self.cross, self.anaphora)
        if not cands:
            return []
        masks = np.array([mask_of(c, self.model.types) for c in cands], dtype=np.float32)
        probs = self.model.probabilities(feats, masks)
        return model_relations(cands, probs, self.model.types, self.thresholds, analysis.relations)

