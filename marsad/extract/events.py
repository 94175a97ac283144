"""The `events` component (placeholder until its issue lands: assigns an empty layer)."""

from __future__ import annotations

from marsad.model import Analysis
from marsad.pipeline import register


@register("events", requires=("tokens", "entities", "times", "claims"), assigns=("events",))
class EventsLayer:
    """Fills `analysis.events` (empty for now)."""

    def __call__(self, analysis: Analysis) -> Analysis:
        analysis.events = []
        return analysis
