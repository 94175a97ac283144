"""The `times` component (placeholder until its issue lands: assigns an empty layer)."""

from __future__ import annotations

from marsad.model import Analysis
from marsad.pipeline import register


@register("times", requires=("tokens",), assigns=("times",))
class TimesLayer:
    """Fills `analysis.times` (empty for now)."""

    def __call__(self, analysis: Analysis) -> Analysis:
        analysis.times = []
        return analysis
