"""The readers on the shared material: the reference article and the ANT corpus export."""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import pytest

from marsad.ingest import read_path
from marsad.ingest.dates import parse_date
from marsad.ingest.jsonl import read_jsonl_stream
from marsad.settings import Settings

pytestmark = pytest.mark.shared


def test_reference_article(reference_article: Path) -> None:
    [result] = read_path(reference_article, Settings())
    doc = result.document
    assert result.error is None and doc is not None
    assert doc.title == "انشقاقات وتمرد في صفوف جيش حفتر"
    assert doc.published == "2016-10-11T13:10:00"
    assert doc.warnings == []
    assert doc.text == reference_article.read_text(encoding="utf-8")
    assert doc.source_id == str(reference_article)
    again = next(read_path(reference_article, Settings())).document
    assert again.id == doc.id


def test_first_200_corpus_records(shared: Path, missing_data) -> None:  # type: ignore[no-untyped-def]
    path = shared / "datasets" / "corpus-ant-2018.jsonl.gz"
    if not path.is_file():
        missing_data(str(path))
    with gzip.open(path, "rb") as fh:
        raw = [json.loads(line) for line in itertools.islice(fh, 200)]
    with gzip.open(path, "rb") as fh:
        results = list(itertools.islice(read_jsonl_stream(fh, str(path), Settings().max_bytes), 200))
    assert len(results) == 200
    for record, result in zip(raw, results):
        assert result.error is None, result.error
        doc = result.document
        assert doc.source_id == record["id"]
        assert doc.text == record["text"] and doc.title == record["title"]
        assert doc.outlet == record["outlet"] and doc.url == record["url"]
        assert doc.published == parse_date(record["published"]).value
        assert doc.published.startswith(("2016", "2017", "2018"))
        assert doc.warnings == []
    first = results[0].document
    assert first.published == "2018-02-18T18:10:45+04:00"
    assert len({r.document.id for r in results}) >= 195  # distinct texts, distinct ids
