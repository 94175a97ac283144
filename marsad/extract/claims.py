"""The `claims` component (placeholder until its issue lands: assigns an empty layer)."""

from __future__ import annotations

from marsad.model import Analysis
from marsad.pipeline import register


@register("claims", requires=("tokens", "entities"), assigns=("claims",))
class ClaimsLayer:
    """Fills `analysis.claims` (empty for now)."""

    def __call__(self, analysis: Analysis) -> Analysis:
        analysis.claims = []
        return analysis
