"""Component registry and the Pipeline that runs components over an `Analysis`.

Each component is registered by name with the layers it requires, the layers it assigns (every
layer is declared in `marsad.layers`) and the options it takes (`marsad.options.Option`). The
pipeline checks the chain when it is built and reports every gap at once; it builds each component
with `factory(resources, **options)`, where `resources` holds what components share (the knowledge
base and its lexicons, the NER taggers). A component can be disabled or replaced by name
(`Pipeline(disable=[...], replace={...})` or the config file). See docs/components.md.
"""

from __future__ import annotations

import importlib
import inspect
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from marsad.errors import ConfigError, PipelineError
from marsad.layers import get_layer
from marsad.model import Analysis, Document
from marsad.options import Option, resolve_options
from marsad.resources import Resources

log = logging.getLogger(__name__)


class Component(Protocol):
    """A pipeline step: reads the layers it requires and sets the layers it assigns."""

    def __call__(self, analysis: Analysis) -> Analysis: ...


#: How a component is built: `factory(resources, **options)`.
Factory = Callable[..., Component]


@dataclass(frozen=True, slots=True)
class ComponentSpec:
    """A component: its name, the layers it needs and provides, its options and how to build it."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    factory: Factory
    doc: str = ""
    options: tuple[Option, ...] = ()


_REGISTRY: dict[str, ComponentSpec] = {}

#: The default order of the pipeline; each name is a registered component.
DEFAULT_COMPONENTS: tuple[str, ...] = (
    "sentences", "tokens", "entities", "times", "claims", "events", "relations", "relation_model", "framing",
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
    "relation_model": "marsad.extract.relmodel.component",
    "framing": "marsad.extract.framing",
}


def register(name: str, *, requires: Sequence[str] = (), assigns: Sequence[str] = (),
             options: Sequence[Option] = (), doc: str = "") -> Callable[[Factory], Factory]:
    """Decorator registering a component factory under `name` (a later registration replaces it).

    Every layer named must be declared in `marsad.layers`; the factory must take the resources as
    its first argument and every declared option as a keyword argument.
    """

    def deco(factory: Factory) -> Factory:
        _REGISTRY[name] = make_spec(name, factory, requires=requires, assigns=assigns, options=options, doc=doc)
        return factory

    return deco


def make_spec(name: str, factory: Factory, *, requires: Sequence[str] = (), assigns: Sequence[str] = (),
              options: Sequence[Option] = (), doc: str = "") -> ComponentSpec:
    """A checked `ComponentSpec` (for `register`, or to pass as a replacement without registering)."""
    for layer in (*requires, *assigns):
        get_layer(layer)
    _check_factory(name, factory, options)
    return ComponentSpec(name, tuple(requires), tuple(assigns), factory,
                         doc or (factory.__doc__ or "").strip().split("\n")[0], tuple(options))


def _check_factory(name: str, factory: Factory, options: Sequence[Option]) -> None:
    """The factory takes the resources and every declared option (a `PipelineError` otherwise)."""
    try:
        params = inspect.signature(factory).parameters
    except (TypeError, ValueError):  # a builtin or C callable: nothing to check
        return
    takes_any = any(p.kind is p.VAR_KEYWORD for p in params.values())
    missing = [o.name for o in options if o.name not in params and not takes_any]
    positional = [p for p in params.values() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if not positional and not any(p.kind is p.VAR_POSITIONAL for p in params.values()):
        raise PipelineError(f"component {name!r}: its factory must take the shared resources as first argument "
                            "(factory(resources, **options))")
    if missing:
        raise PipelineError(f"component {name!r}: its factory does not take the declared option(s) {', '.join(missing)}")


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

    `disable` drops components by name. `replace` maps a name to another registered component name,
    to a `ComponentSpec` (see `make_spec`) or to a bare factory, which then promises the layers of
    the component it replaces (checked when it runs). `options` gives component options by
    component name (validated against their declarations). `kb` adds knowledge overlay folders
    (or is a ready `KnowledgeBase`); `resources` shares already loaded resources between pipelines.
    A component that a disabled one feeds is dropped too only if `strict=False`; by default the gap
    is reported as an error.
    """

    components: Sequence[str] = DEFAULT_COMPONENTS
    disable: Sequence[str] = ()
    replace: Mapping[str, str | ComponentSpec | Factory] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    strict: bool = True
    kb: Sequence[str | os.PathLike[str]] | Any = ()
    resources: Resources | None = None

    def __post_init__(self) -> None:
        unknown = [n for n in self.disable if n not in self.components]
        if unknown:
            raise PipelineError(f"cannot disable unknown component(s): {', '.join(unknown)} "
                                f"(pipeline has: {', '.join(self.components)})")
        self._bare: set[str] = set()
        specs = [self._spec(name) for name in self.components if name not in self.disable]
        gaps = check_chain(specs)
        if gaps and self.strict:
            raise PipelineError("the pipeline's chain is broken:\n  " + "\n  ".join(gaps))
        if gaps:
            specs = self._prune(specs)
        self.specs: list[ComponentSpec] = specs
        opts = self._options(specs)
        if self.resources is None:
            self.resources = Resources(self.kb)
        elif self.kb:
            raise PipelineError("give the pipeline either knowledge overlays (kb) or ready resources, not both")
        log.info("pipeline: %s", " -> ".join(s.name for s in specs))
        for s in specs:
            log.debug("component %s: requires %s; assigns %s; options %s", s.name, ", ".join(s.requires) or "-",
                      ", ".join(s.assigns) or "-", opts[s.name] or "-")
        self._steps: list[tuple[ComponentSpec, Component, list[Any]]] = [
            (s, s.factory(self.resources, **opts[s.name]), [get_layer(n) for n in s.assigns]) for s in specs
        ]

    def _spec(self, name: str) -> ComponentSpec:
        """The spec that runs in `name`'s place: the registered one or its replacement."""
        spec = get_spec(name)
        repl = self.replace.get(name)
        if isinstance(repl, str):
            return get_spec(repl)
        if isinstance(repl, ComponentSpec):
            return repl
        if repl is not None:
            _check_factory(name, repl, ())
            self._bare.add(name)
            return ComponentSpec(name, spec.requires, spec.assigns, repl, "replacement")
        return spec

    def _options(self, specs: Sequence[ComponentSpec]) -> dict[str, dict[str, Any]]:
        """Every running component's options, validated; options for an unknown component are an error."""
        if not isinstance(self.options, Mapping):
            raise ConfigError(f"component options must map component names to tables, not {self.options!r}")
        known = set(registered()) | {s.name for s in specs}
        unknown = sorted(n for n in self.options if n not in known)
        if unknown:
            raise ConfigError(f"options given for unknown component(s) {', '.join(map(repr, unknown))} "
                              f"(components: {', '.join(sorted(known))})")
        running = {s.name: s for s in specs}
        for name, given in self.options.items():  # a disabled component's options are checked too
            if name not in running and name in _REGISTRY:
                resolve_options(name, _REGISTRY[name].options, given)
        out: dict[str, dict[str, Any]] = {}
        for s in specs:
            if s.name in self._bare:
                out[s.name] = dict(self.options.get(s.name) or {})  # a bare factory takes what it is given
            else:
                out[s.name] = resolve_options(s.name, s.options, self.options.get(s.name))
        return out

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
        timed = log.isEnabledFor(logging.DEBUG)
        for spec, comp, assigns in self._steps:
            started = time.perf_counter() if timed else 0.0
            analysis = comp(analysis)
            if timed:
                log.debug("%s: %s took %.1f ms", analysis.document.source_id, spec.name,
                          (time.perf_counter() - started) * 1000)
            for layer in assigns:
                if not layer.is_set(analysis):
                    raise PipelineError(f"component {spec.name!r} declares that it assigns layer {layer.name!r} "
                                        "but did not set it")
                problem = layer.check(layer.get(analysis))
                if problem:
                    raise PipelineError(f"component {spec.name!r}: {problem}")
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
