"""Which reported statement a finding belongs to: the narrowest claim whose content holds a position.

Events and relations both carry the claim that reports them (None when the narrator states them);
both ask the same question of the same index, answered here once.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.extract.spanindex import Stabbing
from marsad.model import Claim


def claim_index(claims: Sequence[Claim]) -> Stabbing[Claim]:
    """An index of claims by the span of their content."""
    return Stabbing(claims, lambda c: (c.content.start, c.content.end))


def narrowest_claim(index: Stabbing[Claim], pos: int) -> str | None:
    """The id of the narrowest claim whose content holds character `pos` (the first of equals), or None."""
    best = None
    for c in index.at(pos):
        if best is None or (c.content.end - c.content.start) < (best.content.end - best.content.start):
            best = c
    return best.id if best else None
