"""The Python API: `analyze()` for one article, `build_pipeline()` for batches."""

from __future__ import annotations

import dataclasses
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.ingest import document_from_text, read_path
from marsad.ingest.dates import parse_date
from marsad.model import Analysis, Document
from marsad.pipeline import DEFAULT_COMPONENTS, Pipeline
from marsad.settings import Settings


def build_pipeline(settings: Settings | None = None, *, disable: tuple[str, ...] | list[str] = (),
                   **replace: Any) -> Pipeline:
    """A pipeline configured from settings plus explicit `disable` names and replacements."""
    settings = settings or Settings.load()
    off = tuple(dict.fromkeys([*settings.disable, *disable]))
    return Pipeline(DEFAULT_COMPONENTS, disable=off, replace={**settings.replace, **replace},
                    options=settings.component_options, kb=settings.kb)


@lru_cache(maxsize=8)
def _cached_pipeline(disable: tuple[str, ...], kb: tuple[str, ...]) -> Pipeline:
    return build_pipeline(Settings.load(disable=disable or None, kb=kb or None))


def _looks_like_path(value: str) -> bool:
    return "\n" not in value and len(value) < 4096 and os.path.isfile(value)


def analyze(text_or_path: str | os.PathLike[str] | Document, *, disable: tuple[str, ...] | list[str] = (),
            kb: tuple[str, ...] | list[str] = (), source_id: str | None = None,
            published: str | None = None, pipeline: Pipeline | None = None) -> Analysis:
    """Analyse one article: a `Document`, a path to a file, or the article's text itself.

    `disable` names components to skip, `kb` adds knowledge overlays, `published` anchors relative
    dates when the text carries no date line. Raises `InputError` when a file cannot be read.
    """
    if isinstance(text_or_path, Document):  # a copy: the caller's Document is left as it was
        doc = dataclasses.replace(text_or_path, warnings=list(text_or_path.warnings))
    elif isinstance(text_or_path, os.PathLike) or (isinstance(text_or_path, str) and _looks_like_path(text_or_path)):
        results = list(read_path(Path(text_or_path)))
        docs = [r.document for r in results if r.document is not None]
        if not docs:
            err = next((r.error for r in results if r.error), None)
            raise err or InputError(str(text_or_path), "no article could be read")
        doc = docs[0]
    elif isinstance(text_or_path, str):
        doc = document_from_text(text_or_path, source_id or "<text>")
    else:
        raise TypeError(f"analyze() takes text, a path or a Document, not {type(text_or_path).__name__}")
    if source_id is not None:
        doc.source_id = source_id
    if published is not None and doc.published is None:
        parsed = parse_date(published)
        if parsed is None:
            raise InputError("published", f"not a date: {published!r} (use ISO 8601, e.g. 2016-10-11)")
        doc.published = parsed.value
    pipe = pipeline or _cached_pipeline(tuple(disable), tuple(kb))
    return pipe(doc)
