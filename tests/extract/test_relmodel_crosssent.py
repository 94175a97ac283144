"""Cross-sentence candidates of the relation model (a light coreference step).

Every sentence here is invented for these tests.
"""

from __future__ import annotations

import pytest

from marsad.extract.relmodel.candidates import generate
from marsad.extract.relmodel.crosssent import candidates_and_features, generate_cross
from marsad.extract.relmodel.data import prepare
from marsad.extract.relmodel.features import ArticleContext, Lexicons
from marsad.layers import MENTIONS
from marsad.model import Analysis
from marsad.pipeline import Pipeline


def _run(pipe: Pipeline, text: str) -> Analysis:
    from marsad.api import analyze
    return analyze(text, pipeline=pipe)


def _cross(a: Analysis) -> list:
    types = {e.id: e.type for e in a.entities}
    near = {frozenset((c.head, c.tail)) for c in generate(a.tokens, MENTIONS.get(a), types)}
    return generate_cross(a.tokens, MENTIONS.get(a), types, near)


def _id(a: Analysis, name: str) -> str:
    return next(e.id for e in a.entities if name in e.name)


def test_an_anaphor_sentence_pairs_with_the_entities_of_the_sentence_before(rules: Pipeline) -> None:
    a = _run(rules, "وصلت كتيبة ثوار طرابلس إلى المنطقة أمس. وأكد قائدها أن قواته تنتشر في مدينة سبها.")
    cands = _cross(a)
    brigade, sabha = _id(a, "طرابلس"), _id(a, "سبها")
    got = [c for c in cands if (c.head, c.tail) == (brigade, sabha)]
    assert got and got[0].cross == "prev1" and got[0].sentence == 1
    start, end = got[0].evidence
    assert "سبها" in a.text[start:end] and "كتيبة" not in a.text[start:end]  # the anaphor's clause


def test_pairs_that_share_a_sentence_are_not_paired_again(rules: Pipeline) -> None:
    a = _run(rules, "اشتبكت كتيبة ثوار طرابلس مع قوات حفتر قرب سبها. وقالت مصادر إن الهدوء عاد.")
    assert not any({c.head, c.tail} == {_id(a, "طرابلس"), _id(a, "سبها")} for c in _cross(a))


def test_the_main_actor_reaches_sentences_further_down(rules: Pipeline, lex: Lexicons) -> None:
    a = _run(rules, "أعلنت قوات حفتر بدء عملية جديدة. وقال شهود إن الوضع هادئ. "
                    "وأضاف المصدر أنها دخلت مدينة سبها فجرا.")
    lna, sabha = _id(a, "حفتر"), _id(a, "سبها")
    got = [c for c in _cross(a) if (c.head, c.tail) == (lna, sabha)]
    assert got and got[0].cross == "main"
    mentions = MENTIONS.get(a)
    ctx = ArticleContext.of(a, (m.first for m in mentions if m.entity))
    cands, feats = candidates_and_features(a.tokens, mentions, {e.id: e.type for e in a.entities}, ctx, lex, 12, cross=True)
    f = set(feats[cands.index(got[0])])
    assert "xs" in f and "xs|s0=wa" in f and "xs|ant=head" in f       # «وأضاف»: no subject of its own
    assert any(x.startswith("xs|pro=") for x in f)                    # «أنها» points back
    assert all(x.startswith("xs") for x in f)                         # weighed apart from one-sentence pairs


def test_cross_sentence_pairs_can_be_switched_off(rules: Pipeline, lex: Lexicons) -> None:
    a = _run(rules, "وصلت كتيبة ثوار طرابلس إلى المنطقة أمس. وأكد قائدها أن قواته تنتشر في مدينة سبها.")
    assert any(c.cross for c in prepare("t", a, lex, cross=True).candidates)
    assert not any(c.cross for c in prepare("t", a, lex, cross=False).candidates)
    assert not any(c.cross for c in prepare("t", a, lex).candidates)  # off by default (no gain measured)


@pytest.fixture(scope="module")
def no_nominals() -> Pipeline:
    """The rules pipeline without the entity layer's own nominal coreference (which leaves the relation
    model's anaphora step nothing to add)."""
    from marsad.pipeline import DEFAULT_COMPONENTS

    return Pipeline(DEFAULT_COMPONENTS, disable=("relation_model",), options={"entities": {"nominal_coref": False}})


def test_a_bare_definite_head_word_is_a_mention_of_the_entity_named_before(no_nominals: Pipeline) -> None:
    from marsad.extract.relmodel.anaphora import anaphor_mentions

    a = _run(no_nominals, "تبنى تنظيم داعش الهجوم على الحاجز. وقال التنظيم إن عناصره دخلوا مدينة سرت. "
                    "وأكد شهود أن تنظيما آخر لم يشارك.")
    types = {e.id: e.type for e in a.entities}
    got = anaphor_mentions(a.tokens, MENTIONS.get(a), types)
    daesh = _id(a, "داعش")
    assert [(a.tokens[m.first].text, m.entity) for m in got] == [("التنظيم", daesh)]  # «تنظيما» is indefinite


def test_anaphor_mentions_form_marked_pairs_of_one_sentence(no_nominals: Pipeline, rules: Pipeline,
                                                           lex: Lexicons) -> None:
    text = "تبنى تنظيم داعش الهجوم على الحاجز. وقال التنظيم إن عناصره دخلوا مدينة سرت."
    a = _run(no_nominals, text)
    art = prepare("t", a, lex, cross=False, anaphora=True)
    daesh, sirte = _id(a, "داعش"), _id(a, "سرت")
    i = next(i for i, c in enumerate(art.candidates) if (c.head, c.tail) == (daesh, sirte))
    assert art.candidates[i].cross == "anaphor" and art.candidates[i].sentence == 1
    assert "ana" in art.features[i] and "ana=head|ARMED_GROUP>GPE" in art.features[i]
    plain = prepare("t", a, lex, cross=False, anaphora=False)
    assert not any((c.head, c.tail) == (daesh, sirte) for c in plain.candidates)
    # with the entity layer's nominal coreference, «التنظيم» is an ordinary mention: an ordinary pair
    b = _run(rules, text)
    daesh, sirte = _id(b, "داعش"), _id(b, "سرت")
    own = prepare("t", b, lex, cross=False, anaphora=False)
    assert any((c.head, c.tail) == (daesh, sirte) and not c.cross for c in own.candidates)


def test_cross_sentence_pairs_may_be_held_to_some_types(rules: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.extract.relmodel import crosssent
    from marsad.extract.relmodel.data import mask_of
    from marsad.extract.relmodel.schema import RELATION_TYPES

    a = _run(rules, "وصلت كتيبة ثوار طرابلس إلى المنطقة أمس. وأكد قائدها أن قواته تقاتل قوات حفتر.")
    c = next(c for c in _cross(a) if {c.head, c.tail} == {_id(a, "طرابلس"), _id(a, "حفتر")})
    assert sum(mask_of(c)) > 1
    monkeypatch.setattr(crosssent, "CROSS_TYPES", frozenset({"OPPOSES"}))
    assert [t for t, ok in zip(RELATION_TYPES, mask_of(c)) if ok] == ["OPPOSES"]
