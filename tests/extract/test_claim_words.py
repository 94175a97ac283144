"""The claims layer's word sets live in lexicons/claim_words.tsv and anonymous_sources.tsv; a --kb overlay
reaches them.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import marsad
from marsad.cli import main
from marsad.errors import KnowledgeError
from marsad.extract.claims.cues import (
    ANONYMOUS_SOURCES_FILE, ClaimWords, anonymous_heads, claim_words, cue_table, shipped_claim_words,
)
from marsad.knowledge import load_kb
from marsad.knowledge.model import CLAIM_WORDS
from marsad.knowledge.readers import read_lexicon
from marsad.text.normalise import normalise


def _overlay(tmp_path: Path, name: str, text: str) -> str:
    (tmp_path / "lexicons").mkdir(exist_ok=True)
    (tmp_path / "lexicons" / f"{name}.tsv").write_text(text, encoding="utf-8")
    return str(tmp_path)


def test_the_closed_list_is_the_sets_the_layer_reads() -> None:
    fields = set(ClaimWords.__dataclass_fields__) - {"according_first"}
    assert fields == set(CLAIM_WORDS)


def test_every_set_of_the_closed_list_has_shipped_words() -> None:
    words = shipped_claim_words()
    for name in CLAIM_WORDS:
        assert getattr(words, name), f"no shipped words for the claim word set {name!r}"


@pytest.mark.parametrize("name, word", [
    ("opener", "بأن"), ("document_head", "التقرير"), ("media_head", "إذاعة"), ("said_to", "مقابلة"),
    ("member_head", "قيادي"), ("unnamed_spokesman", "متحدثة"), ("spokesman_anaphor", "الناطق"),
    ("led_by", "بزعامة"), ("led_by", "على"), ("name_word", "هويتها"), ("calling", "ناشد"),
])
def test_shipped_words_are_normalised(name: str, word: str) -> None:
    assert normalise(word) in getattr(shipped_claim_words(), name)


def test_attribution_phrases_keep_their_lemma() -> None:
    words = claim_words([
        {"term": "وفق", "set": "according", "lemma": "وفقاً"},
        {"term": "نقلا عن", "set": "according", "lemma": ""},
        {"term": "وفق", "set": "according", "lemma": "طبقا"},  # the first row of a phrase wins
        {"term": "شيء", "set": "not_a_set", "lemma": ""},
    ])
    assert words.according == {(normalise("وفق"),): normalise("وفقاً"), ("نقلا", "عن"): "نقلا عن"}
    assert words.according_first == {normalise("وفق"), "نقلا"}
    assert not words.opener


def test_anonymous_heads_are_the_first_words_of_the_shipped_lexicon() -> None:
    heads = anonymous_heads(read_lexicon(ANONYMOUS_SOURCES_FILE))
    for word in ("مصدر", "مسعفون", "أحد", "منتقدوها", "شهود", "طلب"):
        assert normalise(word) in heads
    assert normalise("عيان") not in heads  # only the head of «شهود عيان»


def test_overlay_anonymous_head_makes_an_anonymous_claim(tmp_path: Path) -> None:
    text = "وقال صيادون في الميناء إن الأمواج أغرقت ثلاثة قوارب ليلة أمس."
    assert not any(c.source_kind == "anonymous" for c in marsad.analyze(text).claims)
    a = marsad.analyze(text, kb=[_overlay(tmp_path, "anonymous_sources", "term\nصيادون\n")])
    assert [c.source_kind for c in a.claims] == ["anonymous"], [(c.source_kind, c.source_text) for c in a.claims]
    assert (a.claims[0].source_text or "").startswith("صيادون")


def test_overlay_member_head_makes_an_anonymous_claim(tmp_path: Path) -> None:
    text = "وقال مندوب في اللجنة إن الاجتماع تأجل إلى الأسبوع المقبل."
    assert not any(c.source_kind == "anonymous" for c in marsad.analyze(text).claims)
    a = marsad.analyze(text, kb=[_overlay(tmp_path, "claim_words", "term\tset\nمندوب\tmember_head\n")])
    assert [c.source_kind for c in a.claims] == ["anonymous"], [(c.source_kind, c.source_text) for c in a.claims]


def test_overlay_words_reach_the_cue_table_of_that_kb_only(tmp_path: Path) -> None:
    kb = load_kb([_overlay(tmp_path, "claim_words", "term\tset\tlemma\nتبعا\taccording\tوفقا\nمندوب\tmember_head\n")])
    table = cue_table(kb)
    assert table.words.according[(normalise("تبعا"),)] == normalise("وفقا")
    assert normalise("مندوب") in table.words.member_head
    assert normalise("بحسب") in table.words.according_first  # the shipped rows stay
    assert normalise("مندوب") not in cue_table(load_kb()).words.member_head


@pytest.mark.parametrize("text, problem", [
    ("term\tset\nمندوب\tmember_head\nمبعوث\tspeaker\n", r"claim_words\.tsv:3: unknown set 'speaker'"),
    ("term\tkind\nمندوب\tmember_head\n", r"claim_words\.tsv:1: the header lacks the column\(s\) set"),
    ("term\tset\n\tmember_head\n", r"claim_words\.tsv:2: empty 'term'"),
])
def test_a_malformed_row_names_file_and_line(tmp_path: Path, text: str, problem: str) -> None:
    with pytest.raises(KnowledgeError, match=problem):
        load_kb([_overlay(tmp_path, "claim_words", text)])


def test_a_malformed_row_is_a_clear_error_on_the_command_line(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = _overlay(tmp_path, "claim_words", "term\tset\nمبعوث\tspeaker\n")
    article = tmp_path / "a.txt"
    article.write_text("وقال مبعوث إن الهدنة صامدة منذ أيام.", encoding="utf-8")
    code = main(["analyze", str(article), "--kb", folder, "-q"])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert "claim_words.tsv:2: unknown set 'speaker' (one of according, " in err
