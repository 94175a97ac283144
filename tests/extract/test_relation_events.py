"""Relations the `relations` component reads off the events layer, on sentences written for these tests."""

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
