"""Claims: reporting cues, sources and contents (the `claims` component lives in `component`)."""

from marsad.extract.claims.component import ClaimFinder

__all__ = ["ClaimFinder"]
