"""Every layer that passes between pipeline components, declared once with its type.

A component names the layers it reads (`requires`) and the layers it fills (`assigns`) when it is
registered (`marsad.pipeline.register`); the pipeline checks the chain when it is built. Two kinds:

- public layers are fields of `Analysis` and go into the JSON output (`entities`, `events` …);
- working layers are handed from one component to the next and never serialised (`norm`,
  `mentions`, `hints`). They live in `Analysis.work`; read them with `MENTIONS.get(analysis)`, which
  raises a `PipelineError` naming the layer when no component set it, never an empty default.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from marsad.errors import PipelineError
from marsad.extract.names.cands import Cand, Hint
from marsad.model import Analysis, Claim, Entity, Event, Framing, Relation, Sentence, Time, Token
from marsad.text.normalise import NormText

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Layer(Generic[T]):
    """A named layer: its container type, the type of its items (lists) and what it holds."""

    name: str
    type: type
    doc: str
    item: type | None = None
    public: bool = True

    def get(self, analysis: Analysis) -> T:
        """The layer's value in `analysis`; a working layer no component set is a `PipelineError`."""
        if self.public:
            return getattr(analysis, self.name)  # type: ignore[no-any-return]
        try:
            return analysis.work[self.name]  # type: ignore[no-any-return]
        except KeyError:
            raise PipelineError(f"layer {self.name!r} is not set: no component that assigns it has run "
                                f"(see marsad.layers)") from None

    def set(self, analysis: Analysis, value: T) -> None:
        """Store `value` as this layer of `analysis`, checking its declared type."""
        problem = self.check(value)
        if problem:
            raise PipelineError(problem)
        if self.public:
            setattr(analysis, self.name, value)
        else:
            analysis.work[self.name] = value

    def is_set(self, analysis: Analysis) -> bool:
        """Whether a working layer has been set (public layers always exist)."""
        return self.public or self.name in analysis.work

    def check(self, value: Any) -> str | None:
        """Why `value` does not fit the layer's declared type, or None when it does."""
        if not isinstance(value, self.type):
            return f"layer {self.name!r} must be a {self.type.__name__}, not {type(value).__name__}"
        if self.item is not None and isinstance(value, list) and value and not isinstance(value[0], self.item):
            return f"layer {self.name!r} must hold {self.item.__name__} items, not {type(value[0]).__name__}"
        return None


SENTENCES: Layer[list[Sentence]] = Layer("sentences", list, "the article's sentences with offsets", Sentence)
TOKENS: Layer[list[Token]] = Layer("tokens", list, "tokens with offsets, normalised forms and proclitics", Token)
ENTITIES: Layer[list[Entity]] = Layer("entities", list, "actors and places, linked to the knowledge base", Entity)
TIMES: Layer[list[Time]] = Layer("times", list, "dates, times and periods, anchored on the publication date", Time)
CLAIMS: Layer[list[Claim]] = Layer("claims", list, "reported speech with its source, content and relays", Claim)
EVENTS: Layer[list[Event]] = Layer("events", list, "what happened, to whom, where, when and how surely", Event)
RELATIONS: Layer[list[Relation]] = Layer("relations", list, "typed links between actors", Relation)
FRAMING: Layer[list[Framing]] = Layer("framing", list, "hostile and favourable namings of actors", Framing)

NORM: Layer[NormText] = Layer("norm", NormText, "the normalised text with a map back to the original offsets",
                              public=False)
MENTIONS: Layer[list[Cand]] = Layer("mentions", list, "every entity mention (a Cand, sorted, with its entity id)",
                                    Cand, public=False)
HINTS: Layer[list[Hint]] = Layer("hints", list, "relations read off names (spokesman of, commander of, based in …)",
                                 Hint, public=False)

#: Every declared layer by name.
LAYERS: dict[str, Layer[Any]] = {layer.name: layer for layer in (
    SENTENCES, TOKENS, ENTITIES, TIMES, CLAIMS, EVENTS, RELATIONS, FRAMING, NORM, MENTIONS, HINTS)}


def declare(layer: Layer[T]) -> Layer[T]:
    """Add a layer of your own (for a new component); a name already declared is a `PipelineError`."""
    known = LAYERS.get(layer.name)
    if known is not None and known != layer:
        raise PipelineError(f"layer {layer.name!r} is already declared (as {known.doc!r})")
    LAYERS[layer.name] = layer
    return layer


def get_layer(name: str) -> Layer[Any]:
    """The declared layer `name`; an unknown name is a `PipelineError` listing the known ones."""
    try:
        return LAYERS[name]
    except KeyError:
        raise PipelineError(f"unknown layer {name!r} (declared layers: {', '.join(sorted(LAYERS))})") from None
