"""The `relations` component (placeholder until its issue lands: assigns an empty layer)."""

from __future__ import annotations

from marsad.model import Analysis
from marsad.pipeline import register


@register("relations", requires=("entities", "events", "claims"), assigns=("relations",))
class RelationsLayer:
    """Fills `analysis.relations` (empty for now)."""

    def __call__(self, analysis: Analysis) -> Analysis:
        analysis.relations = []
        return analysis
