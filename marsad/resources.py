"""The shared resources a pipeline hands to every component factory (as spaCy hands `nlp`).

One `Resources` per pipeline: the knowledge base (actors, places and the lexicons every component
reads) and the NER taggers, each loaded on first use and then shared by all components. A component
never loads them itself and never finds them in another component's output.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Sequence
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from marsad.errors import InputError

if TYPE_CHECKING:
    from marsad.knowledge import KnowledgeBase

log = logging.getLogger(__name__)


class Resources:
    """The knowledge base and NER taggers shared by the components of one pipeline.

    `kb` is a list of overlay folders added to the shipped knowledge, or a ready `KnowledgeBase`.
    """

    def __init__(self, kb: Sequence[str | os.PathLike[str]] | KnowledgeBase = ()) -> None:
        self._kb_source = kb
        self._kb: KnowledgeBase | None = None
        self._taggers: dict[str, Any] = {}
        self._shared: dict[str, Any] = {}

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base (shipped plus overlays), loaded once; its lexicons via `kb.lexicon(name)`."""
        if self._kb is None:
            from marsad.knowledge import KnowledgeBase, load_kb

            src = self._kb_source
            started = time.perf_counter()
            self._kb = src if isinstance(src, KnowledgeBase) else load_kb(tuple(src))
            log.info("knowledge base: %r (%.0f ms)", self._kb, (time.perf_counter() - started) * 1000)
        return self._kb

    def ner_tagger(self, model: str | None = None) -> Any:
        """The NER tagger `model` ("crf", "neural" or a model file), loaded once per pipeline.

        With no `model`, the pipeline's default one, or None when it is not shipped or cannot load
        (the entity component then works without it). A `model` named by the user that cannot be
        read is an `InputError`.
        """
        key = model or ""
        if key not in self._taggers:
            started = time.perf_counter()
            tagger = self._taggers[key] = _load_tagger(model)
            if tagger is not None:
                log.info("NER model %s: %s (%.0f ms)", model or "(default)", type(tagger).__name__,
                         (time.perf_counter() - started) * 1000)
        return self._taggers[key]


    def shared(self, key: str, load: Callable[[], Any]) -> Any:
        """A resource other than the KB and the taggers (a model file …), loaded by `load()` once per pipeline."""
        if key not in self._shared:
            started = time.perf_counter()
            self._shared[key] = load()
            log.info("resource %s loaded (%.0f ms)", key, (time.perf_counter() - started) * 1000)
        return self._shared[key]


def _load_tagger(model: str | None) -> Any:
    try:
        from marsad.ner import load_model
        from marsad.ner.shipped import PIPELINE_MODEL
    except ImportError as exc:
        if model:
            raise InputError(model, f"the NER model cannot be used here ({exc})") from None
        log.warning("the NER model cannot be used here (%s); entities come from the knowledge base and rules only", exc)
        return None
    if model:
        return load_model(model)
    try:
        return load_model(PIPELINE_MODEL)
    except Exception as exc:  # noqa: BLE001 - a missing or broken default model only disables the net
        log.warning("the default NER model could not be loaded (%s); entities come from the knowledge base "
                    "and rules only", exc)
        return None
