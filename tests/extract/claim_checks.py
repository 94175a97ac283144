"""What the claims tests read of an analysis: a claim's content, its speaker's name, the claim holding
some words."""

from __future__ import annotations

from marsad.model import Analysis, Claim
from marsad.text.normalise import normalise


def content(a: Analysis, c: Claim) -> str:
    """The claim's reported content as it stands in the text."""
    return a.text[c.content.start:c.content.end]


def speaker_name(a: Analysis, c: Claim) -> str:
    """The name of the claim's speaker, "" when it has none."""
    return a.entity(c.speaker).name if c.speaker else ""


def claim_with(a: Analysis, words: str) -> Claim:
    """The first claim whose content holds `words` (normalised); the test fails, listing the claims, when none does."""
    hits = [c for c in a.claims if normalise(words) in normalise(content(a, c))]
    assert hits, f"no claim holds «{words}»: {[(content(a, c), c.source_kind) for c in a.claims]}"
    return hits[0]
