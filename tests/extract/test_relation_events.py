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
