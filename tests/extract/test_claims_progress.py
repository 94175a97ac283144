"""The claims scan always moves forward: a step that answers a token before the one it started on (a
source named before the cue) must not send it back, which once looped for ever on a corpus article."""

from __future__ import annotations

import gzip
import json
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

import marsad
from marsad.extract.claims.finder import Finder
from marsad.model import Document


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail the test instead of hanging when the scan does not end within 20 s."""
    def stop(*_: object) -> None:
        raise TimeoutError("the claims scan did not end")
    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def test_a_step_answering_an_earlier_token_does_not_send_the_scan_back(monkeypatch, deadline) -> None:
    seen: list[int] = []
    real = Finder._cue

    def backwards(self: Finder, i: int, cue: object) -> int:
        seen.append(i)
        real(self, i, cue)
        return 0           # as a source found before the cue once made a step answer

    monkeypatch.setattr(Finder, "_cue", backwards)
    marsad.analyze("قال المتحدث باسم الجيش إن القوات تقدمت نحو البلدة. وأضاف أن الاشتباكات توقفت مساء أمس.")
    assert len(seen) == 2 and seen == sorted(seen)          # each cue read once, in text order


def test_the_corpus_article_that_looped_is_analysed(shared: Path, deadline) -> None:
    corpus = shared / "datasets" / "corpus-ant-2018.jsonl.gz"
    if not corpus.is_file():
        pytest.skip("the shared corpus is absent")
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        record = next((json.loads(line) for line in fh if '"CN-middleEast-171-20180304"' in line), None)
    assert record is not None
    doc = Document(id="x", source_id="x", text=record["text"], title=record.get("title"), published="2018-03-04")
    a = marsad.analyze(doc)
    assert a.claims and all(c.content.start < c.content.end for c in a.claims)
