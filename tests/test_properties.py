"""Property-based tests (Hypothesis) of the text layer and of each extractor on hostile text.

Random Unicode, mixed scripts, digits of every script, superscripts, lone surrogates, very long
lines, unbalanced quotes and brackets, runs of marks, mixed with words of the shipped knowledge
files so that the extractors fire: never an exception, every offset inside the text, every output
valid against the schema.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import marsad
import marsad.errors
from marsad.extract.spanindex import ByKey, LastBefore, Stabbing
from marsad.ingest.clean import replace_surrogates
from marsad.model import Analysis, Document
from marsad.pipeline import DEFAULT_COMPONENTS, Pipeline
from marsad.schema import validate_analysis
from marsad.text.normalise import normalise, normalise_with_map
from marsad.text.sentences import split_sentences
from marsad.text.tokens import tokenize

DATA = Path(marsad.__file__).parent / "data"
PROPS = settings(max_examples=60, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@lru_cache(maxsize=1)
def vocabulary() -> list[str]:
    """Arabic words of the shipped lexicons and actor files (names, cues, triggers)."""
    words: set[str] = set()
    for path in [*DATA.glob("lexicons/*.tsv"), *DATA.glob("actors/*.jsonl")]:
        words.update(re.findall(r"[\u0600-\u06FF]{2,}", path.read_text(encoding="utf-8")))
    return sorted(words)


ODD = ("\u00b2", "\u00b3", "\u00b9", "\u2074", "\u0660", "\u06f5", "\u0966", "\uff13", "\U0001d7d9",
       "\u064e", "\u0651", "\u0670", "\u0640", "\u200f", "\u202e", "\ufeff", "\ufffd", "\x00", "\x85",
       "\u2028", "\ud800", "\udfff", "\ufefb", "«", "»", "“", "”", '"', "(", ")", "[", "]", ".", "؟", "،",
       "...", "\n", "\n\n", "\r\n", "\t")
PIECE = st.one_of(
    st.builds(lambda w: w + " ", st.sampled_from(vocabulary())),
    st.sampled_from(ODD),
    st.text(st.characters(categories=("Nd",)), min_size=1, max_size=5),
    st.text(max_size=8),
    st.builds(lambda c, n: c * n, st.sampled_from(ODD), st.integers(2, 60)),
)
HOSTILE = st.lists(PIECE, max_size=120).map("".join)
LONG_LINE = st.builds(lambda ws, n: " ".join(ws) * n, st.lists(st.sampled_from(vocabulary()), min_size=1,
                                                                   max_size=10), st.integers(1, 60))
TEXTS = st.one_of(HOSTILE, LONG_LINE)


@PROPS
@given(TEXTS)
def test_analyze_never_fails_on_hostile_text(text: str) -> None:
    try:
        analysis = marsad.analyze(text=text)
    except marsad.errors.InputError as exc:  # the one refusal: mostly control characters
        assert "binary" in exc.reason
        return
    assert validate_analysis(analysis.to_dict()) == []
    analysis.to_json().encode("utf-8")


# -- the text layer ------------------------------------------------------------------------------

@PROPS
@given(TEXTS)
def test_normalised_offsets_map_back_inside_the_text(text: str) -> None:
    view = normalise_with_map(text)
    assert view.norm == normalise(text)
    for i in range(0, len(view.norm) + 1, max(1, len(view.norm) // 50)):
        assert 0 <= view.to_original(i) <= len(text)
        assert 0 <= view.to_norm(min(i, len(text))) <= len(view.norm)


@PROPS
@given(TEXTS)
def test_sentences_are_ordered_and_inside_the_text(text: str) -> None:
    sentences = split_sentences(text)
    prev_end = 0
    for s in sentences:
        assert prev_end <= s.start < s.end <= len(text)
        prev_end = s.end


@PROPS
@given(TEXTS)
def test_tokens_carry_their_own_text(text: str) -> None:
    for tok in tokenize(text, split_sentences(text)):
        assert 0 <= tok.start < tok.end <= len(text)
        assert text[tok.start:tok.end] == tok.text
        assert tok.start <= tok.stem_start <= tok.end


# -- each extractor ------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def pipeline_upto(name: str) -> Pipeline:
    """The default pipeline cut after component `name`."""
    keep = DEFAULT_COMPONENTS[:DEFAULT_COMPONENTS.index(name) + 1]
    return Pipeline(disable=[c for c in DEFAULT_COMPONENTS if c not in keep])


@pytest.mark.parametrize("component", DEFAULT_COMPONENTS)
@PROPS
@given(text=TEXTS)
def test_each_extractor_gives_valid_output(component: str, text: str) -> None:
    # the extractors see any text, even one the readers would refuse as binary (surrogates are
    # replaced by every reader, so they are here too)
    doc = Document(id="p", source_id="property", text=replace_surrogates(text)[0])
    analysis = pipeline_upto(component)(Analysis(document=doc))
    assert validate_analysis(analysis.to_dict()) == []
    analysis.to_json().encode("utf-8")


# -- the indexes that keep the extractors linear give the answers of a full scan -----------------

SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda p: (p[0], p[0] + p[1])), max_size=40)


@settings(max_examples=200, deadline=None, database=None)
@given(SPANS, st.integers(-2, 85))
def test_indexes_answer_as_a_full_scan(spans: list[tuple[int, int]], pos: int) -> None:
    items = [(s, e, n) for n, (s, e) in enumerate(spans)]
    assert Stabbing(items, lambda x: (x[0], x[1])).at(pos) == [x for x in items if x[0] <= pos < x[1]]
    assert list(ByKey(items, lambda x: x[0]).between(pos, pos + 7)) == \
        sorted((x for x in items if pos <= x[0] < pos + 7), key=lambda x: x[0])
    last = None
    for x in items:
        if x[1] <= pos:
            last = x
    assert LastBefore(items, lambda x: x[1]).at_most(pos) == last
