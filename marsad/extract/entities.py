"""The `entities` component (placeholder until its issue lands: assigns an empty layer)."""

from __future__ import annotations

from marsad.model import Analysis
from marsad.pipeline import register


@register("entities", requires=("tokens",), assigns=("entities",))
class EntitiesLayer:
    """Fills `analysis.entities` (empty for now)."""

    def __call__(self, analysis: Analysis) -> Analysis:
        analysis.entities = []
        return analysis
