"""Reading and validating gold files; resolving the article they name."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from marsad.errors import GoldError
from marsad.eval.gold import load_gold, parse_gold, resolve_article


def test_parses_quotes_offsets_and_defaults(gold_data: dict[str, Any]) -> None:
    gold = parse_gold(gold_data, "g.json")
    assert [e.key for e in gold.entities][:2] == ["warfalli", "nasr"]
    assert gold.entity("libya").core is False and gold.entity("nasr").core is True
    assert gold.entity("zueitina").geo == (30.85, 20.06)
    assert isinstance(gold.relations[0].evidence, str)
    assert isinstance(gold.relations[1].evidence, tuple)
    assert isinstance(gold.dates[1].text, tuple)
    assert gold.published == "2017-03-05" and gold.article is None
    assert gold.claims[1].speaker is None


@pytest.mark.parametrize("published", ["2016", "2016-10", "2016-10-11", "2016-10-11T13:10", "2016-10-11T13:10:00+02:00"])
def test_published_accepts_iso_forms(published: str) -> None:
    assert parse_gold({"published": published}).published == published


def test_entity_mentions_as_offsets_stand_for_the_name() -> None:
    gold = parse_gold({"entities": [{"key": "a", "type": "PERSON", "mentions": [{"start": 0, "end": 3}, "x"]}]})
    assert gold.entities[0].mentions == [(0, 3), "x"]
    assert gold.entities[0].name == ""


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["entities"][0].update(type="HERO"), "entities[0]: unknown type 'HERO'"),
    (lambda d: d["entities"][1].update(key="warfalli"), "duplicate entity key(s): warfalli"),
    (lambda d: d["entities"][0].pop("name"), "entities[0]: 'name' must be a non-empty string"),
    (lambda d: d["relations"][0].update(head="nobody"), "relations[0]: head 'nobody' is not the key"),
    (lambda d: d["relations"][0].update(type="LIKES"), "relations[0]: unknown type 'LIKES'"),
    (lambda d: d["events"][0].update(agents="nasr"), "events[0]: 'agents' must be a list"),
    (lambda d: d["claims"][0].update(source_kind="rumour"), "claims[0]: unknown source_kind 'rumour'"),
    (lambda d: d["dates"][0].pop("text"), "dates[0].text: must be a quote"),
    (lambda d: d["framing"][0].update(stance="neutral"), "framing[0]: unknown stance 'neutral'"),
    (lambda d: d["relations"][1].update(evidence={"start": 5, "end": 2}), "relations[1].evidence: offsets must"),
    (lambda d: d["entities"][2].update(geo={"lat": 130, "lon": 2}), "entities[2]: 'geo' must be"),
    (lambda d: d["entities"][0].update(core="yes"), "'core' must be true or false"),
    (lambda d: d.update(events={"type": "ATTACK"}), "events: must be a list"),
    (lambda d: d.update(published="11/10/2016"), "'published' must be an ISO date"),
])
def test_malformed_gold_is_named_precisely(gold_data: dict[str, Any], mutate: Any, message: str) -> None:
    mutate(gold_data)
    with pytest.raises(GoldError) as info:
        parse_gold(gold_data, "bad.gold.json")
    assert str(info.value).startswith("bad.gold.json: ")
    assert message in str(info.value)


def test_an_analysis_is_not_a_gold_file() -> None:
    with pytest.raises(GoldError, match="this is an analysis"):
        parse_gold({"schema": "marsad.analysis/1", "entities": []}, "a.json")


@pytest.mark.parametrize("content, message", [
    ("{not json", "not valid JSON (line 1"),
    ("[1, 2]", "must be a JSON object, not list"),
])
def test_load_gold_reports_unreadable_files(tmp_path: Path, content: str, message: str) -> None:
    p = tmp_path / "x.gold.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=re.escape(message)):
        load_gold(p)


def test_load_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="gold file not found"):
        load_gold(tmp_path / "none.gold.json")


def test_article_relative_to_the_gold_folder(tmp_path: Path, gold_data: dict[str, Any]) -> None:
    (tmp_path / "sub").mkdir()
    gold_data["article"] = "../a.txt"
    p = tmp_path / "sub" / "a.gold.json"
    p.write_text(json.dumps(gold_data), encoding="utf-8")
    assert load_gold(p).article_path() == (tmp_path / "sub" / ".." / "a.txt")


def test_shared_article_resolves_against_the_shared_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "datasets").mkdir()
    monkeypatch.setenv("MARSAD_SHARED", str(tmp_path))
    assert resolve_article("shared:datasets/articles/dev/001.txt", Path("/elsewhere"), "g") == \
        tmp_path / "datasets" / "articles" / "dev" / "001.txt"


def test_shared_article_without_shared_folder_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("marsad.eval.gold.shared_dir", lambda: None)
    with pytest.raises(GoldError, match="set MARSAD_SHARED"):
        resolve_article("shared:datasets/x.txt", Path("."), "g.gold.json")
