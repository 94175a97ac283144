"""The relation model's cue, prefix and knowledge-base features, symmetric labels, the decision when the
rules already hold a pair's best type, and thresholds chosen per type on held-out folds.

Every sentence here is invented for these tests.
"""

from __future__ import annotations

import numpy as np
import pytest

from marsad.eval.gold import parse_gold
from marsad.eval.score import relation_scorer, score_analysis
from marsad.extract.relmodel.candidates import Candidate
from marsad.extract.relmodel.crossval import per_type_thresholds, score_probabilities
from marsad.extract.relmodel.data import gold_examples, prepare
from marsad.extract.relmodel.decide import model_relations
from marsad.extract.relmodel.features import Lexicons
from marsad.model import Analysis, Offsets, Relation
from marsad.pipeline import Pipeline


def _run(pipe: Pipeline, text: str) -> Analysis:
    from marsad.api import analyze
    return analyze(text, pipeline=pipe)


def _ids(a: Analysis) -> dict[str, str]:
    return {e.kb_id or e.name: e.id for e in a.entities}


def test_relation_cues_and_word_starts_are_features_with_the_pair_types(rules: Pipeline, lex: Lexicons) -> None:
    a = _run(rules, "وصلت قوات حفتر المدعومة من مصر إلى أطراف المدينة.")
    art = prepare("t", a, lex)
    ids = _ids(a)
    i = next(i for i, c in enumerate(art.candidates) if (c.head, c.tail) == (ids["lna"], ids["egypt"]))
    feats = set(art.features[i])
    assert "brc=backed" in feats                      # «المدعومة» is a cue of relation_cues.tsv
    assert "bp=مدعو" in feats                         # its first four letters, whatever its ending
    assert "brc=backed|ARMED_GROUP>GPE|h<t" in feats  # the cue read with the pair's types and order
    assert "brc=backed|GPE>ARMED_GROUP|t<h" in set(art.features[next(
        j for j, c in enumerate(art.candidates) if (c.head, c.tail) == (ids["egypt"], ids["lna"]))])


def test_the_knowledge_base_affiliations_of_a_pair_are_features(rules: Pipeline, lex: Lexicons) -> None:
    a = _run(rules, "وأكد خليفة حفتر أن قوات حفتر مستعدة لكل الاحتمالات.")
    art = prepare("t", a, lex)
    ids = _ids(a)
    fwd = next(f for c, f in zip(art.candidates, art.features) if (c.head, c.tail) == (ids["haftar"], ids["lna"]))
    rev = next(f for c, f in zip(art.candidates, art.features) if (c.head, c.tail) == (ids["lna"], ids["haftar"]))
    assert "kb=COMMANDS:fwd" in fwd and "kb=COMMANDS:rev" in rev
    assert not any(f.startswith("kb=") for c, feats in zip(art.candidates, art.features)
                   for f in feats if not {c.head, c.tail} & {ids["haftar"], ids["lna"]})


_TEXT = "واندلعت اشتباكات عنيفة بين قوات حفتر ومجلس شورى ثوار بنغازي قرب المدينة أمس."


def _clash_gold(order: tuple[str, str]) -> dict:
    return {
        "published": "2016-05-02",
        "entities": [
            {"key": "lna", "type": "ARMED_GROUP", "name": "قوات حفتر", "aliases": [], "core": True},
            {"key": "shura", "type": "ARMED_GROUP", "name": "مجلس شورى ثوار بنغازي", "aliases": [], "core": True},
        ],
        "relations": [{"type": "OPPOSES", "head": order[0], "tail": order[1], "modality": "asserted",
                       "source": "narrator", "evidence": "اشتباكات عنيفة بين قوات حفتر ومجلس شورى ثوار بنغازي"}],
        "events": [], "claims": [], "dates": [], "framing": [],
    }


@pytest.mark.parametrize("order", [("lna", "shura"), ("shura", "lna")])
def test_an_unordered_gold_relation_labels_the_pair_both_ways(rules: Pipeline, lex: Lexicons,
                                                              order: tuple[str, str]) -> None:
    a = _run(rules, _TEXT)
    art = prepare("t", a, lex, parse_gold(_clash_gold(order), "t"))
    pair = {next(e.id for e in a.entities if word in e.name) for word in ("حفتر", "شورى")}
    examples = [e for c, e in zip(art.candidates, gold_examples(art)) if {c.head, c.tail} <= pair]
    assert len(examples) == 2 and all("OPPOSES" in e.labels for e in examples)


def _cand(head: str = "e1", tail: str = "e2") -> Candidate:
    return Candidate(head, tail, "ARMED_GROUP", "GPE", (0, 0), (2, 2), 0, (0, 10))


def test_the_model_adds_the_next_type_when_the_rules_hold_the_best_one() -> None:
    types = ("CONTROLS", "BASED_IN")
    probs = np.array([[0.9, 0.6]], dtype=np.float32)
    th = np.array([0.5, 0.5], dtype=np.float32)
    assert [r[0] for r in model_relations([_cand()], probs, types, th, [])] == ["CONTROLS"]
    ruled = [Relation("r1", "CONTROLS", "e1", "e2", Offsets(0, 10))]
    assert [r[0] for r in model_relations([_cand()], probs, types, th, ruled)] == ["BASED_IN"]
    low = np.array([[0.9, 0.4]], dtype=np.float32)  # the next type below its threshold: nothing
    assert model_relations([_cand()], low, types, th, ruled) == []


def test_relation_scorer_counts_as_the_whole_scorer_does(rules: Pipeline) -> None:
    a = _run(rules, _TEXT)
    gold = parse_gold(_clash_gold(("lna", "shura")), "t")
    score = relation_scorer(a, gold)
    for rels in (a.relations, [], a.relations[:1]):
        kept = a.relations
        a.relations = list(rels)
        whole = score_analysis(a, gold).layers["relations"].counts
        a.relations = kept
        assert score(rels).counts.to_dict() == whole.to_dict()


def test_per_type_thresholds_move_only_where_the_score_gains(rules: Pipeline, lex: Lexicons) -> None:
    a = _run(rules, _TEXT)
    a.relations = []  # the rules' reading aside: the model alone decides
    art = prepare("t", a, lex, parse_gold(_clash_gold(("lna", "shura")), "t"))
    types = ("OPPOSES", "ALLIED_WITH")
    pair = {next(e.id for e in a.entities if word in e.name) for word in ("حفتر", "شورى")}
    probs = {"t": np.array([[0.3, 0.2] if {c.head, c.tail} == pair else [0.0, 0.0] for c in art.candidates],
                           dtype=np.float32)}
    grid = (0.1, 0.25, 0.5)
    assert score_probabilities([art], probs, types, np.full(2, 0.5, dtype=np.float32)).counts.matched_gold == 0
    th = per_type_thresholds([art], probs, types, grid, start=0.5)
    assert th[0] == pytest.approx(0.25)  # the highest value that lets the true OPPOSES in
    assert th[1] == pytest.approx(0.5)   # ALLIED_WITH would only add a false relation
    assert score_probabilities([art], probs, types, th).counts.f1 == 1.0
