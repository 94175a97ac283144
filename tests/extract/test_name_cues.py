"""The entity rules' word sets live in lexicons/name_cues.tsv and a --kb overlay reaches them.

Every sentence here is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import marsad
from marsad.errors import KnowledgeError
from marsad.extract.names.lexicon import NameCues, name_cues, rule_lexicon, shipped_name_cues
from marsad.knowledge import load_kb
from marsad.knowledge.model import NAME_CUES
from marsad.model import Analysis
from marsad.text.normalise import normalise


def _overlay(tmp_path: Path, rows: str) -> str:
    (tmp_path / "lexicons").mkdir(exist_ok=True)
    (tmp_path / "lexicons" / "name_cues.tsv").write_text("term\tcue\ttype\n" + rows, encoding="utf-8")
    return str(tmp_path)


def _typed(a: Analysis, etype: str) -> list[str]:
    return [m.text for e in a.entities if e.type == etype for m in e.mentions]


def test_every_cue_of_the_vocabulary_has_shipped_words() -> None:
    cues = shipped_name_cues()
    for cue in NAME_CUES:
        assert getattr(cues, cue), f"no shipped words for the name cue {cue!r}"


@pytest.mark.parametrize("cue, word", [
    ("stop", "التي"), ("named_unit", "كتيبة"), ("tribe_head", "عشيرة"), ("leader_title", "شيخ"),
    ("stationed", "المتمركزة"), ("place_stop", "شمال"), ("time_word", "الخميس"),
])
def test_shipped_words_are_normalised(cue: str, word: str) -> None:
    value = getattr(shipped_name_cues(), cue)
    bare = normalise(word)
    assert bare in value or bare.removeprefix("ال") in value


def test_body_heads_keep_their_type_and_press_heads_their_next_word() -> None:
    cues = name_cues([
        {"term": "حراس", "cue": "body_head", "type": "ARMED_GROUP"},
        {"term": "نشرات الأخبار", "cue": "press", "type": ""},
        {"term": "إذاعات", "cue": "press", "type": ""},
        {"term": "unknown", "cue": "not_a_cue", "type": ""},
    ])
    assert cues.body_head == {normalise("حراس"): "ARMED_GROUP"}
    assert cues.press[normalise("نشرات")] == frozenset({normalise("الأخبار")})
    assert "" in cues.press[normalise("إذاعات")]
    assert isinstance(cues, NameCues) and not cues.stop


def test_overlay_adds_a_unit_head(tmp_path: Path) -> None:
    text = "وقال الشهود إن سرب الصقور نفذ طلعات فوق الوادي."
    assert "سرب الصقور" not in _typed(marsad.analyze(text), "ARMED_GROUP")
    a = marsad.analyze(text, kb=[_overlay(tmp_path, "سرب\tnamed_unit\n")])
    assert "سرب الصقور" in _typed(a, "ARMED_GROUP"), [(e.name, e.type) for e in a.entities]


def test_overlay_adds_a_press_head(tmp_path: Path) -> None:
    text = "ونقلت إذاعات محلية أن الطريق الساحلي أغلق منذ الفجر."
    assert not any(m.startswith("إذاعات") for m in _typed(marsad.analyze(text), "MEDIA"))
    a = marsad.analyze(text, kb=[_overlay(tmp_path, "إذاعات\tpress\n")])
    assert "إذاعات محلية" in _typed(a, "MEDIA"), [(e.name, e.type) for e in a.entities]


def test_overlay_words_reach_the_rule_lexicon_of_that_kb_only(tmp_path: Path) -> None:
    kb = load_kb([_overlay(tmp_path, "حامية\ttribe_head\n")])
    assert normalise("حامية") in rule_lexicon(kb).cues.tribe_head
    assert normalise("حامية") not in rule_lexicon(load_kb()).cues.tribe_head


def test_overlay_with_an_unknown_cue_names_file_and_line(tmp_path: Path) -> None:
    folder = _overlay(tmp_path, "سرب\tnamed_unit\nسرايا\tsquadron\n")
    with pytest.raises(KnowledgeError, match=r"name_cues\.tsv:3: unknown cue 'squadron'"):
        load_kb([folder])


def test_overlay_with_an_unknown_type_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="unknown type 'ARMY'"):
        load_kb([_overlay(tmp_path, "حراس\tbody_head\tARMY\n")])
