"""The Python API: `analyze(text)` for an article's text, `analyze_file(path)` for a file holding one
article, `analyze_many(paths)` for files, folders and JSON Lines corpora, `build_pipeline()` for the rest.

A string given to `analyze` is always the article's text, never a path: files are read only by
`analyze_file` and `analyze_many`. Arguments of the wrong type raise a `TypeError` naming the argument.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from marsad.errors import InputError
from marsad.ingest import document_from_text, read_path
from marsad.ingest.dates import parse_date
from marsad import limits
from marsad.model import Analysis, Document
from marsad.pipeline import DEFAULT_COMPONENTS, Pipeline
from marsad.settings import Settings

Names = str | Sequence[str]
Folders = str | os.PathLike[str] | Sequence[str | os.PathLike[str]]


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


def _names(value: Any, arg: str) -> tuple[str, ...]:
    """A tuple of strings from one string or a list of them; a TypeError naming `arg` otherwise."""
    if isinstance(value, (str, os.PathLike)):
        return (os.fspath(value),)
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"{arg} must be a string or a list of strings, not {type(value).__name__}")
    out = []
    for item in value:
        if not isinstance(item, (str, os.PathLike)):
            raise TypeError(f"{arg} must hold strings, not {type(item).__name__} ({item!r})")
        out.append(os.fspath(item))
    return tuple(out)


def _published(value: Any) -> str | None:
    """`published` as an ISO date string: a string is parsed, a date or datetime converted."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if not isinstance(value, str):
        raise TypeError(f"published must be a date string such as '2016-10-11' (or a datetime.date), "
                        f"not {type(value).__name__} ({value!r})")
    parsed = parse_date(value)
    if parsed is None:
        raise InputError("published", f"not a date: {value!r} (use ISO 8601, e.g. 2016-10-11)")
    return parsed.value


def _pipeline(pipeline: Any, disable: Any, kb: Any) -> Pipeline:
    """The pipeline to use: the caller's, else a cached one for these `disable` and `kb` values."""
    off, overlays = _names(disable, "disable"), _names(kb, "kb")
    if pipeline is None:
        return _cached_pipeline(off, overlays)
    if not isinstance(pipeline, Pipeline):
        raise TypeError(f"pipeline must be a marsad.Pipeline, not {type(pipeline).__name__}")
    return pipeline


def _finish(doc: Document, source_id: Any, published: Any) -> Document:
    """Apply the caller's `source_id` and `published` to a document."""
    if source_id is not None:
        if not isinstance(source_id, str):
            raise TypeError(f"source_id must be a string, not {type(source_id).__name__} ({source_id!r})")
        doc.source_id = source_id
    date = _published(published)
    if date is not None and doc.published is None:
        doc.published = date
    return doc


def _run(pipe: Pipeline, doc: Document, seconds_per_100kb: float | None) -> Analysis:
    """Run the pipeline under the per-article time limit (`TimeLimitError` when it is exceeded)."""
    per = Settings.load().time_limit if seconds_per_100kb is None else seconds_per_100kb
    with limits.time_limit(limits.limit_for(len(doc.text), per), doc.source_id):
        return pipe(doc)


def analyze(text: str | Document, *, disable: Names = (), kb: Folders = (), source_id: str | None = None,
            published: str | dt.date | None = None, pipeline: Pipeline | None = None,
            time_limit: float | None = None) -> Analysis:
    """Analyse one article given as its text (a `str`, always read as text) or as a `Document`.

    `disable` names components to skip, `kb` adds knowledge overlay folders, `published` anchors
    relative dates when the text carries no date line, `time_limit` overrides the setting (seconds per
    100 kB). Raises `InputError` for text that is binary data, `TimeLimitError` when time runs out.
    """
    if isinstance(text, os.PathLike):
        warnings.warn("analyze(Path) is deprecated: use marsad.analyze_file(path) to read a file",
                      DeprecationWarning, stacklevel=2)
        return analyze_file(text, disable=disable, kb=kb, source_id=source_id, published=published,
                            pipeline=pipeline, time_limit=time_limit)
    if isinstance(text, Document):  # a copy: the caller's Document is left as it was
        doc = dataclasses.replace(text, warnings=list(text.warnings))
    elif isinstance(text, str):
        if "\n" not in text and 0 < len(text) < 4096 and os.path.isfile(text):
            warnings.warn(f"analyze() reads its argument as the article's text; {text!r} names a file: "
                          "use marsad.analyze_file() to read it", UserWarning, stacklevel=2)
        doc = document_from_text(text, "<text>")
    else:
        raise TypeError(f"text must be the article's text (str) or a marsad.model.Document, "
                        f"not {type(text).__name__}; use marsad.analyze_file(path) to read a file")
    pipe = _pipeline(pipeline, disable, kb)
    return _run(pipe, _finish(doc, source_id, published), time_limit)


def analyze_file(path: str | os.PathLike[str], *, disable: Names = (), kb: Folders = (),
                 source_id: str | None = None, published: str | dt.date | None = None,
                 pipeline: Pipeline | None = None, time_limit: float | None = None) -> Analysis:
    """Analyse the one article of a file (text, HTML, or JSON / JSON Lines holding one record).

    Raises `InputError` naming the file when it cannot be read, is a folder, or holds several
    articles (read those with `analyze_many`).
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a file path (str or os.PathLike), not {type(path).__name__}")
    name = os.fspath(path)
    if os.path.isdir(name):
        raise InputError(name, "is a folder; use marsad.analyze_many() to analyse the articles in it")
    docs: list[Document] = []
    for result in read_path(name, Settings.load()):
        if result.error is not None:
            raise result.error
        if result.document is not None:
            docs.append(result.document)
        if len(docs) > 1:
            raise InputError(name, "holds more than one article; use marsad.analyze_many() to analyse each")
    if not docs:
        raise InputError(name, "no article could be read")
    pipe = _pipeline(pipeline, disable, kb)
    return _run(pipe, _finish(docs[0], source_id, published), time_limit)


def analyze_many(sources: str | os.PathLike[str] | Iterable[str | os.PathLike[str] | Document], *,
                 disable: Names = (), kb: Folders = (), pipeline: Pipeline | None = None,
                 on_error: Callable[[InputError], None] | None = None,
                 time_limit: float | None = None) -> Iterator[Analysis]:
    """One analysis per article of every source: files, folders (recursive), JSON Lines, `Document`s.

    An item that cannot be read or analysed in time raises its `InputError`, or, when `on_error` is
    given, is passed to it and skipped so that the rest goes on.
    """
    if isinstance(sources, (str, os.PathLike, Document)):
        sources = [sources]
    elif not isinstance(sources, Iterable):
        raise TypeError(f"sources must be a path or an iterable of paths and Documents, not {type(sources).__name__}")
    pipe = _pipeline(pipeline, disable, kb)
    settings = Settings.load()
    per = settings.time_limit if time_limit is None else time_limit
    for source in sources:
        for doc, error in _documents(source, settings):
            if doc is not None:
                try:
                    yield _run(pipe, doc, per)
                    continue
                except InputError as exc:
                    error = exc
            if error is None:
                continue
            if on_error is None:
                raise error
            on_error(error)


def _documents(source: Any, settings: Settings) -> Iterator[tuple[Document | None, InputError | None]]:
    """The documents of one source of `analyze_many`, or the errors that kept them from being read."""
    if isinstance(source, Document):
        yield dataclasses.replace(source, warnings=list(source.warnings)), None
        return
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(f"sources must hold paths (str or os.PathLike) or Documents, not {type(source).__name__}")
    for result in read_path(os.fspath(source), settings):
        yield result.document, result.error

