"""The loader: overlays (replace, remove, add lexicon rows), names, caching and malformed files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.errors import KnowledgeError
from marsad.knowledge import KnowledgeBase, load_kb, name_key, problems

PLACE_HEADER = "id\ttype\tkind\tname\tname_en\tlat\tlon\tcountry\tadmin\tpopulation\taliases\tsource\n"


def write_layer(root: Path, actors: list[dict] | None = None, places: list[str] | None = None,
                lexicons: dict[str, str] | None = None) -> Path:
    """A knowledge folder under `root` with the given actor objects, place rows and lexicon texts."""
    if actors is not None:
        (root / "actors").mkdir(parents=True, exist_ok=True)
        lines = [json.dumps(a, ensure_ascii=False) for a in actors]
        (root / "actors" / "test.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if places is not None:
        (root / "places").mkdir(parents=True, exist_ok=True)
        (root / "places" / "test.tsv").write_text(PLACE_HEADER + "".join(r + "\n" for r in places), encoding="utf-8")
    for name, text in (lexicons or {}).items():
        (root / "lexicons").mkdir(parents=True, exist_ok=True)
        (root / "lexicons" / f"{name}.tsv").write_text(text, encoding="utf-8")
    return root


BASE_ACTORS = [
    {"id": "alpha", "type": "PERSON", "name": "سالم الأول", "name_en": "Salem I", "aliases": ["الأول"],
     "affiliations": [{"type": "COMMANDS", "target": "brigade", "from": "2015", "to": None}]},
    {"id": "brigade", "type": "ARMED_GROUP", "name": "كتيبة النجمة",
     "aliases": [{"text": "كتيبة الغدر", "stance": "hostile"}, {"text": "الكتيبة", "context": ["النجمة"]}]},
    {"id": "sudan", "type": "GPE", "name": "السودان", "country": "SD"},
]
BASE_PLACES = [
    "place:sd\tGPE\tcountry\tالسودان\tSudan\t15.5\t30.0\tSD\t\t\t\tmarsad",
    "place:sd/khartoum\tGPE\tcapital\tالخرطوم\tKhartoum\t15.59\t32.53\tSD\tKhartoum\t\tالخرطوم العاصمة\tmarsad",
]


@pytest.fixture()
def base(tmp_path: Path) -> Path:
    return write_layer(tmp_path / "base", BASE_ACTORS, BASE_PLACES,
                       {"titles": "term\tkind\trelation\nقائد\trole\tCOMMANDS\n"})


def test_reads_a_layer(base: Path) -> None:
    kb = KnowledgeBase([base])
    assert kb.actors["alpha"].name_en == "Salem I"
    assert kb.actors["alpha"].affiliations[0].target == "brigade"
    assert kb.actors["alpha"].affiliations[0].start == "2015"
    assert kb.places["place:sd/khartoum"].lat == pytest.approx(15.59)
    assert kb.places["place:sd/khartoum"].country == "SD"
    assert kb.places["place:sd"].geo == {"lat": 15.5, "lon": 30.0, "precision": "country"}
    assert kb.get("brigade").type == "ARMED_GROUP"
    assert kb.get("place:sd").kind == "country"
    assert kb.get("nobody") is None
    assert kb.lexicon("titles") == [{"term": "قائد", "kind": "role", "relation": "COMMANDS"}]
    assert problems(kb) == []


def test_names_cover_actors_and_places(base: Path) -> None:
    kb = KnowledgeBase([base])
    entries = {(e.text, e.kb_id): e for e in kb.names()}
    assert entries[("كتيبة الغدر", "brigade")].stance == "hostile"
    assert entries[("الكتيبة", "brigade")].context == ("النجمة",)
    assert entries[("سالم الأول", "alpha")].norm == "سالم الاول"
    assert ("الخرطوم العاصمة", "place:sd/khartoum") in entries
    assert ("السودان", "place:sd") in entries and ("السودان", "sudan") in entries


def test_lookup_by_any_spelling(base: Path) -> None:
    kb = KnowledgeBase([base])
    assert [e.kb_id for e in kb.lookup("سالم  الأوّل")] == ["alpha"]
    assert [e.kb_id for e in kb.lookup("السودان")] == ["sudan", "place:sd"]
    assert kb.lookup("لا أحد") == []


def test_state_actor_and_its_place(base: Path) -> None:
    kb = KnowledgeBase([base])
    assert kb.place_for_actor("sudan").id == "place:sd"
    assert kb.actor_for_place("place:sd").id == "sudan"
    assert kb.place_for_actor("alpha") is None
    assert kb.place_for_actor("unknown") is None


def test_overlay_replaces_removes_and_adds(base: Path, tmp_path: Path) -> None:
    over = write_layer(
        tmp_path / "over",
        [{"id": "alpha", "type": "PERSON", "name": "سالم الثاني"}, {"id": "brigade", "remove": True},
         {"id": "beta", "type": "TRIBE", "name": "قبيلة الوادي"}],
        ["place:sd/khartoum\tremove", "place:sd/omdurman\tGPE\tcity\tأم درمان\tOmdurman\t15.64\t32.48\tSD\t\t\t\tmine"],
        {"titles": "term\tkind\trelation\nآمر\trole\tCOMMANDS\n", "mine": "term\tnote\nكلمة\tشيء\n"},
    )
    kb = KnowledgeBase([base, over])
    assert kb.actors["alpha"].name == "سالم الثاني"
    assert kb.actors["alpha"].affiliations == ()
    assert "brigade" not in kb.actors and "beta" in kb.actors
    assert "place:sd/khartoum" not in kb.places and kb.places["place:sd/omdurman"].source == "mine"
    assert [r["term"] for r in kb.lexicon("titles")] == ["قائد", "آمر"]
    assert kb.lexicon("mine") == [{"term": "كلمة", "note": "شيء"}]
    assert not any(e.kb_id == "brigade" for e in kb.names())


def test_load_kb_with_overlay_keeps_shipped_and_is_cached_without(tmp_path: Path) -> None:
    over = write_layer(tmp_path / "over", [{"id": "zz_test_actor", "type": "MEDIA", "name": "صحيفة التجربة"}])
    kb = load_kb(overlays=[over])
    assert "zz_test_actor" in kb.actors
    assert load_kb() is load_kb()
    assert "zz_test_actor" not in load_kb().actors
    assert len(kb.places) == len(load_kb().places)


def test_missing_overlay_folder(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="not found"):
        load_kb([tmp_path / "nowhere"])


def test_removing_an_unknown_id_is_a_warning(base: Path, tmp_path: Path) -> None:
    over = write_layer(tmp_path / "over", [{"id": "ghost", "remove": True}])
    kb = KnowledgeBase([base, over])
    assert any("ghost" in w for w in kb.warnings)


def test_unknown_lexicon_name_raises(base: Path) -> None:
    with pytest.raises(KnowledgeError, match="no lexicon named 'titels'"):
        KnowledgeBase([base]).lexicon("titels")


@pytest.mark.parametrize("text, norm", [
    ("رأس  لانوف", "راس لانوف"), ("إجدابيا", "اجدابيا"), ("مُصراتة", "مصراته"), (" الكُفرة\t", "الكفره"),
])
def test_name_key(text: str, norm: str) -> None:
    assert name_key(text) == norm


# ------------------------------------------------------------------ malformed files

BAD_ACTOR_LINES = [
    ('{"id": "x", "type": "PERSON", "name": "س"', "not valid JSON"),
    ('["id", "x"]', "one JSON object"),
    ('{"id": "X-1", "type": "PERSON", "name": "س"}', "slug"),
    ('{"id": "x", "type": "HERO", "name": "س"}', "unknown type 'HERO'"),
    ('{"id": "x", "type": "PERSON"}', "missing 'name'"),
    ('{"id": "x", "type": "PERSON", "name": "س", "aliases": "ص"}', "'aliases' must be a list"),
    ('{"id": "x", "type": "PERSON", "name": "س", "aliases": [{"text": "ص", "stance": "angry"}]}', "unknown stance"),
    ('{"id": "x", "type": "PERSON", "name": "س", "aliases": [{"txt": "ص"}]}', "unknown alias key"),
    ('{"id": "x", "type": "PERSON", "name": "س", "affiliations": [{"type": "LIKES", "target": "y"}]}',
     "unknown affiliation type"),
    ('{"id": "x", "type": "PERSON", "name": "س", "affiliations": [{"type": "MEMBER_OF", "target": "y", "from": "10/2016"}]}',
     "ISO date"),
    ('{"id": "x", "type": "PERSON", "name": "س", "country": "Libya"}', "alpha-2"),
]


@pytest.mark.parametrize("line, problem", BAD_ACTOR_LINES)
def test_bad_actor_line_names_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    (tmp_path / "actors").mkdir()
    path = tmp_path / "actors" / "bad.jsonl"
    path.write_text('# a comment\n\n{"id": "ok", "type": "PERSON", "name": "سليم"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        KnowledgeBase([tmp_path])
    assert f"{path}:4:" in str(err.value)
    assert problem in str(err.value)


BAD_PLACE_ROWS = [
    ("place:sd/x\tGPE\ttown\tس\t\t15.5\t200\tSD\t\t\t\t", "bad coordinates"),
    ("place:sd/x\tGPE\ttown\tس\t\tnorth\t30\tSD\t\t\t\t", "bad coordinates"),
    ("place:sd/x\tGPE\tmegacity\tس\t\t15\t30\tSD\t\t\t\t", "unknown kind"),
    ("place:sd/x\tSTATE\ttown\tس\t\t15\t30\tSD\t\t\t\t", "unknown type"),
    ("Sudan/x\tGPE\ttown\tس\t\t15\t30\tSD\t\t\t\t", "place id"),
    ("place:sd/x\tGPE\ttown\tس\t\t15\t30\tSD\t\tmany\t\t", "population"),
    ("place:sd/x\tGPE\ttown\t\t\t15\t30\tSD\t\t\t\t", "empty 'name'"),
    ("place:sd/x\tGPE\ttown\tس\t\t15\t30\tSD\t\t\t\t\textra", "fields but the header"),
]


@pytest.mark.parametrize("row, problem", BAD_PLACE_ROWS)
def test_bad_place_row_names_file_and_line(tmp_path: Path, row: str, problem: str) -> None:
    (tmp_path / "places").mkdir()
    path = tmp_path / "places" / "bad.tsv"
    path.write_text(PLACE_HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        KnowledgeBase([tmp_path])
    assert f"{path}:2:" in str(err.value) and problem in str(err.value)


def test_place_header_missing_a_column(tmp_path: Path) -> None:
    (tmp_path / "places").mkdir()
    path = tmp_path / "places" / "bad.tsv"
    path.write_text("id\ttype\tkind\tname\tlat\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"bad\.tsv:1: the header lacks the column\(s\) lon"):
        KnowledgeBase([tmp_path])


@pytest.mark.parametrize("name, text, problem", [
    ("titles", "term\tkind\nقائد\trole\n", "lacks the column(s) relation"),
    ("titles", "term\tkind\trelation\nقائد\tboss\tCOMMANDS\n", "unknown kind 'boss'"),
    ("event_triggers", "term\tevent_type\nقصف\tBOMBING\n", "unknown event_type"),
    ("modality", "term\tmodality\nربما\tmaybe\n", "unknown modality"),
    ("stance", "term\tstance\n\thostile\n", "empty 'term'"),
])
def test_bad_lexicon(tmp_path: Path, name: str, text: str, problem: str) -> None:
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / f"{name}.tsv").write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        KnowledgeBase([tmp_path])
    assert f"{name}.tsv:" in str(err.value) and problem in str(err.value)


def test_duplicate_id_within_a_layer(tmp_path: Path) -> None:
    write_layer(tmp_path, [{"id": "a", "type": "PERSON", "name": "س"}, {"id": "a", "type": "PERSON", "name": "ص"}])
    with pytest.raises(KnowledgeError, match=r"test\.jsonl:2: id 'a' already defined at .*test\.jsonl:1"):
        KnowledgeBase([tmp_path])


def test_problems_finds_broken_links_and_shared_names(tmp_path: Path) -> None:
    write_layer(tmp_path, [
        {"id": "a", "type": "PERSON", "name": "سالم", "aliases": ["أبو علي"],
         "affiliations": [{"type": "MEMBER_OF", "target": "missing"}], "place": "place:zz"},
        {"id": "b", "type": "PERSON", "name": "علي", "aliases": ["ابو علي"]},
        {"id": "c", "type": "PERSON", "name": "عمر", "aliases": [{"text": "سالم", "context": ["عمر"]}]},
        {"id": "d", "type": "GPE", "name": "بلد"},
    ], [], {"gentilics": "term\tplace\nزيزي\tplace:zz\n"})
    found = "\n".join(problems(KnowledgeBase([tmp_path])))
    assert "target 'missing'" in found
    assert "place 'place:zz' is not a known place" in found
    assert "'ابو علي' points to a, b" in found
    assert "'سالم'" not in found  # shared, but one side has a context rule
    assert "state actor 'd'" in found
    assert "unknown place 'place:zz'" in found
