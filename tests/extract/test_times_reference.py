"""The `times` layer on the reference article and the TimeML benchmark's reader (need ../shared)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from marsad.ingest import document_from_text
from marsad.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.shared
def test_reference_article_has_exactly_the_two_gold_times(reference_article: Path) -> None:
    text = reference_article.read_text(encoding="utf-8")
    doc = document_from_text(text, str(reference_article), published="2016-10-11T13:10")
    times = Pipeline(components=("sentences", "tokens", "times"))(doc).times
    assert [(t.text, t.value, t.precision) for t in times] == [
        ("الثلاثاء 11 أكتوبر 2016 01:10 م", "2016-10-11T13:10", "minute"),
        ("ليلة أمس، الأحد", "2016-10-09", "day"),
    ]
    assert "weekday_conflict" in times[1].flags
    for t in times:
        assert text[t.start:t.end] == t.text


@pytest.mark.shared
def test_timeml_benchmark_reads_the_gold_spans(shared: Path, missing_data) -> None:  # type: ignore[no-untyped-def]
    folder = shared / "datasets" / "timeml"
    files = sorted(folder.glob("*.tml"))
    if not files:
        missing_data(f"{folder}/*.tml")
    spec = importlib.util.spec_from_file_location("eval_timeml", ROOT / "benchmarks" / "eval_timeml.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_timeml", mod)
    spec.loader.exec_module(mod)
    total = 0
    for path in files:
        text, golds = mod.read_tml(path)
        total += len(golds)
        for g in golds:
            assert 0 <= g.start < g.end <= len(text)
            assert text[g.start:g.end].strip()
    assert total > 200
