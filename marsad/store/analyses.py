"""Reading analyses already made (`marsad.analysis/1` JSON or JSON Lines) for the store."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.model import SCHEMA_ID, Analysis
from marsad.schema import validate_analysis

ANALYSIS_SUFFIXES = (".json", ".jsonl", ".jsonl.gz", ".ndjson")


@dataclass(slots=True)
class AnalysisItem:
    """One analysis read from a file, or the reason it could not be used (item names file:line)."""

    item: str
    analysis: Analysis | None = None
    error: str | None = None


def _check(obj: object, item: str) -> AnalysisItem:
    if not isinstance(obj, dict):
        return AnalysisItem(item, error=f"an analysis must be a JSON object, not {type(obj).__name__}")
    schema = obj.get("schema")
    if schema != SCHEMA_ID:
        return AnalysisItem(item, error=f"unknown schema version {schema!r} (this store reads {SCHEMA_ID})")
    problems = validate_analysis(obj)
    if problems:
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        return AnalysisItem(item, error=f"not a valid analysis: {problems[0]}{more}")
    return AnalysisItem(item, analysis=Analysis.from_dict(obj))


def looks_like_analyses(path: Path) -> bool:
    """Whether a JSON or JSON Lines file holds analyses (its first record names the analysis schema)."""
    if not path.name.endswith(ANALYSIS_SUFFIXES) or not path.is_file():
        return False
    try:
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
            head = fh.read(4096)
    except (OSError, EOFError):
        return False
    return '"schema"' in head and "marsad.analysis/" in head


def read_analyses(path: Path) -> Iterator[AnalysisItem]:
    """Every analysis in a JSON file (one object or a list) or a JSON Lines file (one per line)."""
    name = str(path)
    try:
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as fh:
            if name.endswith(".json"):
                data = json.load(fh)
                items = data if isinstance(data, list) else [data]
                for i, obj in enumerate(items, 1):
                    yield _check(obj, name if len(items) == 1 else f"{name}[{i}]")
                return
            for line_no, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except (json.JSONDecodeError, RecursionError) as exc:
                    yield AnalysisItem(f"{name}:{line_no}", error=f"not valid JSON ({exc})")
                    continue
                yield _check(obj, f"{name}:{line_no}")
    except (json.JSONDecodeError, RecursionError) as exc:
        yield AnalysisItem(name, error=f"not valid JSON ({exc})")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        yield AnalysisItem(name, error=f"cannot read ({exc})")
