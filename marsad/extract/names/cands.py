"""Candidate mentions and the hints that rules leave for the relation layer."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Cand:
    """A candidate mention over tokens [first, last] and offsets [start, end).

    `kb_ids` lists knowledge-base candidates (empty for a name the KB does not know, which then has
    `type` and `name`). `outer` marks a descriptive mention that may contain other mentions
    («القوات المتواجدة بمنطقة ورشفانة» contains the place «منطقة ورشفانة»).
    """

    first: int
    last: int
    start: int
    end: int
    kb_ids: list[str] = field(default_factory=list)
    type: str | None = None
    name: str | None = None
    source: str = "kb"
    stance: str | None = None
    outer: bool = False
    confidence: float = 1.0
    entity: str | None = None

    @property
    def kb_id(self) -> str | None:
        """The knowledge-base id once the candidate is resolved to one, else None."""
        return self.kb_ids[0] if len(self.kb_ids) == 1 else None


@dataclass(slots=True)
class Hint:
    """A relation the entity rules read off a name's structure, for the relations component.

    `head` and `tail` are candidates (resolved to entity ids later); `start`/`end` the evidence.
    """

    type: str
    head: Cand
    tail: Cand
    start: int
    end: int
    title: str | None = None
