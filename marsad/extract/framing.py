"""The `framing` component (placeholder until its issue lands: assigns an empty layer)."""

from __future__ import annotations

from marsad.model import Analysis
from marsad.pipeline import register


@register("framing", requires=("entities",), assigns=("framing",))
class FramingLayer:
    """Fills `analysis.framing` (empty for now)."""

    def __call__(self, analysis: Analysis) -> Analysis:
        analysis.framing = []
        return analysis
