"""Relations the `relations` component draws beyond its pattern table (from the events layer; a capital
standing for its state), on sentences written for these tests."""

from __future__ import annotations

import pytest

import marsad
from marsad.model import Analysis


def _relations(text: str) -> set[tuple[str, str | None, str | None]]:
    a: Analysis = marsad.analyze(text, disable=["relation_model"])
    key = {e.id: (e.kb_id or e.name) for e in a.entities}
    return {(r.type, key.get(r.head), key.get(r.tail)) for r in a.relations}


@pytest.mark.parametrize("text, head, tail", [
    ("وشنت قوات حفتر غارات على معاقل تنظيم الدولة الإسلامية في سرت.", "lna", "isis"),
    ("وقصفت قوات حفتر تمركزات مجلس شورى ثوار بنغازي في المدينة.", "lna", "bric"),
])
def test_an_attack_on_a_groups_positions_opposes_it(text: str, head: str, tail: str) -> None:
    found = _relations(text)
    assert ("OPPOSES", head, tail) in found or ("OPPOSES", tail, head) in found, found


def test_no_hostility_without_an_owner_of_the_positions() -> None:
    found = _relations("وقصفت قوات حفتر مواقع قرب سرت.")
    assert not any(t == "OPPOSES" for t, _, _ in found), found


def test_a_capital_named_as_an_actor_stands_for_its_state() -> None:
    found = _relations("وتقدمت الفصائل الموالية لأنقرة نحو البلدة، وقالت تركيا إنها ستواصل دعمها.")
    assert any(t == "LOYAL_TO" and tail == "turkey" for t, _, tail in found), found


def test_a_capital_stays_a_place_for_a_seat() -> None:
    found = _relations("وقالت تركيا إن المؤسسة الوطنية للنفط التي يوجد مقرها في أنقرة ستفتح مكتبا.")
    assert not any(t == "BASED_IN" and tail == "turkey" for t, _, tail in found), found



def test_an_arrest_opposes_the_captor_and_the_captive() -> None:
    found = _relations("واعتقلت قوات حفتر عناصر من تنظيم الدولة الإسلامية في مدينة بنغازي.")
    assert ("OPPOSES", "lna", "isis") in found or ("OPPOSES", "isis", "lna") in found, found


def test_the_force_an_attack_strikes_is_based_where_it_is_struck() -> None:
    found = _relations("وشنت قوات حفتر غارات على معاقل تنظيم الدولة الإسلامية في مدينة سرت أمس.")
    assert ("BASED_IN", "isis", "place:ly/sirte") in found, found
    assert ("BASED_IN", "lna", "place:ly/sirte") not in found, found  # the attacker is not based there


def test_a_body_in_a_country_is_based_there_but_a_force_is_not() -> None:
    assert ("BASED_IN", "hcs", "libya") in _relations("وأعلن المجلس الأعلى للدولة في ليبيا رفضه للمبادرة.")
    assert not any(t == "BASED_IN" and tail == "libya" for t, _, tail in _relations("وتقاتل قوات حفتر في ليبيا منذ سنوات."))
