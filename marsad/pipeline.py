"""Component registry and the Pipeline that runs components over an `Analysis`.

Each component is registered by name with the layers it requires and the layers it assigns. The
pipeline checks the chain when it is built and reports every gap at once. A component can be
disabled or replaced by name (`Pipeline(disable=[...], replace={...})` or the config file).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from marsad.errors import PipelineError
from marsad.model import Analysis, Document


class Component(Protocol):
    """A pipeline step: reads the analysis and adds one layer to it."""

    def __call__(self, analysis: Analysis) -> Analysis: ...


@dataclass(frozen=True, slots=True)
class ComponentSpec:
    """A registered component: its name, what it needs, what it provides and how to build it."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    factory: Callable[..., Component]
    doc: str = ""


_REGISTRY: dict[str, ComponentSpec] = {}

#: The default order of the pipeline; each name is a registered component.
DEFAULT_COMPONENTS: tuple[str, ...] = (
    "sentences", "tokens", "entities", "times", "claims", "events", "relations", "framing",
)

#: Where each default component lives; imported lazily so that start-up stays cheap and the
#: registry does not depend on import order.
_HOMES: dict[str, str] = {
    "sentences": "marsad.text.components",
    "tokens": "marsad.text.components",
    "entities": "marsad.extract.entities",
    "times": "marsad.extract.times",
    "claims": "marsad.extract.claims",
    "events": "marsad.extract.events",
    "relations": "marsad.extract.relations",
    "framing": "marsad.extract.framing",
}


def register(name: str, *, requires: Sequence[str] = (), assigns: Sequence[str] = (),
             doc: str = "") -> Callable[[Callable[..., Component]], Callable[..., Component]]:
    """Decorator registering a component factory under `name` (a later registration replaces it)."""

    def deco(factory: Callable[..., Component]) -> Callable[..., Component]:
        _REGISTRY[name] = ComponentSpec(name, tuple(requires), tuple(assigns), factory,
                                        doc or (factory.__doc__ or "").strip().split("\n")[0])
        return factory

    return deco


def get_spec(name: str) -> ComponentSpec:
    """The registered spec for `name`, importing its home module if needed."""
    if name not in _REGISTRY and name in _HOMES:
        importlib.import_module(_HOMES[name])
    if name not in _REGISTRY:
        known = ", ".join(sorted(set(_REGISTRY) | set(_HOMES)))
        raise PipelineError(f"unknown component {name!r} (known: {known})")
    return _REGISTRY[name]


def registered() -> dict[str, ComponentSpec]:
    """All components known so far (the defaults are imported first)."""
    for name in _HOMES:
        get_spec(name)
    return dict(_REGISTRY)


def check_chain(specs: Sequence[ComponentSpec], provided: Iterable[str] = ()) -> list[str]:
    """Every unmet requirement of the chain, in order, as readable messages (empty when sound)."""
    have = set(provided)
    gaps: list[str] = []
    for spec in specs:
        missing = [layer for layer in spec.requires if layer not in have]
        for layer in missing:
            makers = [s.name for s in _REGISTRY.values() if layer in s.assigns]
            hint = f" (provided by: {', '.join(makers)})" if makers else ""
            gaps.append(f"component {spec.name!r} requires layer {layer!r}, which no earlier component assigns{hint}")
        have.update(spec.assigns)
    return gaps


@dataclass
class Pipeline:
    """An ordered, checked chain of components.

    `disable` drops components by name; `replace` maps a name to another registered component name
    or to a factory; `options` passes keyword options to component factories by component name.
    A component that a disabled one feeds is disabled too only if `strict=False`; by default the
    gap is reported as an error.
    """

    components: Sequence[str] = DEFAULT_COMPONENTS
    disable: Sequence[str] = ()
    replace: dict[str, str | Callable[..., Component]] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    strict: bool = True

    def __post_init__(self) -> None:
        unknown = [n for n in self.disable if n not in self.components]
        if unknown:
            raise PipelineError(f"cannot disable unknown component(s): {', '.join(unknown)} "
                                f"(pipeline has: {', '.join(self.components)})")
        specs: list[ComponentSpec] = []
        for name in self.components:
            if name in self.disable:
                continue
            spec = get_spec(name)
            repl = self.replace.get(name)
            if isinstance(repl, str):
                spec = get_spec(repl)
            elif repl is not None:
                spec = ComponentSpec(name, spec.requires, spec.assigns, repl, "replacement")
            specs.append(spec)
        gaps = check_chain(specs)
        if gaps and self.strict:
            raise PipelineError("the pipeline's chain is broken:\n  " + "\n  ".join(gaps))
        if gaps:
            specs = self._prune(specs)
        self.specs: list[ComponentSpec] = specs
        self._steps: list[tuple[ComponentSpec, Component]] = [
            (s, s.factory(**self.options.get(s.name, {}))) for s in specs
        ]

    @staticmethod
    def _prune(specs: list[ComponentSpec]) -> list[ComponentSpec]:
        """Drop every component whose requirements are not met (non-strict mode)."""
        have: set[str] = set()
        kept = []
        for s in specs:
            if all(r in have for r in s.requires):
                kept.append(s)
                have.update(s.assigns)
        return kept

    @property
    def names(self) -> list[str]:
        """Names of the components that will run, in order."""
        return [s.name for s in self.specs]

    def __call__(self, doc: Document | Analysis) -> Analysis:
        """Run every component over one document."""
        analysis = doc if isinstance(doc, Analysis) else Analysis(document=doc)
        for spec, comp in self._steps:
            analysis = comp(analysis)
            analysis.layers.update(spec.assigns)
        return analysis

    def pipe(self, docs: Iterable[Document | Analysis], batch_size: int = 64) -> Iterator[Analysis]:
        """Analyse documents lazily, `batch_size` at a time; results come in input order."""
        if batch_size < 1:
            raise PipelineError(f"batch_size must be at least 1, not {batch_size}")
        batch: list[Document | Analysis] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from (self(d) for d in batch)
                batch = []
        yield from (self(d) for d in batch)
