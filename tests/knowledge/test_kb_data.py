"""Validation of the shipped knowledge files (places, lexicons and the actors as they are when tests run)."""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from pathlib import Path

import pytest

from marsad.knowledge import DATA_DIR, KnowledgeBase, load_kb, name_key, problems
from marsad.knowledge.model import (
    ENTITY_TYPES, EVENT_TYPES, MODALITY_CUES, PLACE_KINDS, PLACE_TYPES, RELATION_TYPES, STANCES, TITLE_KINDS,
)
from marsad.knowledge.readers import LEXICON_COLUMNS


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="module")
def found(kb: KnowledgeBase) -> list[str]:
    return problems(kb)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def test_loads_fast() -> None:
    best = min(_timed_load() for _ in range(3))
    assert best < 1.0, f"loading the shipped knowledge took {best:.2f} s (target 0.3 s)"


def _timed_load() -> float:
    t0 = time.perf_counter()
    KnowledgeBase([DATA_DIR]).names()
    return time.perf_counter() - t0


def test_ids_unique_across_files() -> None:
    ids: Counter[str] = Counter()
    for path in DATA_DIR.glob("actors/*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                ids[json.loads(line)["id"]] += 1
    for path in DATA_DIR.glob("places/*.tsv"):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            if line.strip() and not line.startswith("#") and not line.startswith("id\t"):
                ids[line.split("\t", 1)[0]] += 1
    assert [i for i, n in ids.items() if n > 1] == []


def test_vocabularies(kb: KnowledgeBase) -> None:
    assert {a.type for a in kb.actors.values()} <= set(ENTITY_TYPES)
    assert {f.type for a in kb.actors.values() for f in a.affiliations} <= set(RELATION_TYPES)
    assert {x.stance for a in kb.actors.values() for x in a.aliases} <= {None, *STANCES}
    assert {p.type for p in kb.places.values()} <= set(PLACE_TYPES)
    assert {p.kind for p in kb.places.values()} <= set(PLACE_KINDS)


def test_place_coordinates(kb: KnowledgeBase) -> None:
    for p in kb.places.values():
        assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180, p.id
        if p.country == "LY":  # Libya's bounding box
            assert 19.4 <= p.lat <= 33.3 and 9.3 <= p.lon <= 25.2, f"{p.id} at {p.lat}, {p.lon} is outside Libya"


def test_cities_lie_near_their_country(kb: KnowledgeBase) -> None:
    far = []
    for p in kb.places.values():
        country = kb.places.get(f"place:{p.country.lower()}")
        if country is not None and country.kind != "country":
            continue  # place:xz, international waters and regions, has no centre to lie near
        if p.kind != "country" and country is not None and p.country not in {"RU", "US", "CA", "CN", "AU", "BR"}:
            if km(p.lat, p.lon, country.lat, country.lon) > 1500:
                far.append(p.id)
    assert far == []


def test_every_country_is_there(kb: KnowledgeBase) -> None:
    countries = {p.id for p in kb.places.values() if p.kind == "country"}
    assert len(countries) >= 195
    assert {"place:ly", "place:eg", "place:tn", "place:dz", "place:sd", "place:td", "place:ne", "place:ru",
            "place:us", "place:tr", "place:ps", "place:il", "place:eh"} <= countries


@pytest.mark.parametrize("name, place_id, lat, lon, tolerance", [
    ("ليبيا", "place:ly", 27.0, 17.0, 150),
    ("الجنوب الليبي", "place:ly/south", 26.0, 14.5, 150),
    ("جنوب ليبيا", "place:ly/south", 26.0, 14.5, 150),
    ("الغرب الليبي", "place:ly/west", 31.5, 12.5, 150),
    ("شرق ليبيا", "place:ly/east", 31.0, 22.0, 150),
    ("الهلال النفطي", "place:ly/oil-crescent", 30.5, 18.6, 150),
    ("موانئ النفط", "place:ly/oil-crescent", 30.5, 18.6, 150),
    ("ورشفانة", "place:ly/warshefana", 32.7, 12.9, 150),
    ("منطقة ورشفانة", "place:ly/warshefana", 32.7, 12.9, 150),
    ("طرابلس", "place:ly/tripoli", 32.8872, 13.1913, 50),
    ("مصر", "place:eg", 26.8, 30.8, 150),
    ("روسيا", "place:ru", 61.5, 105.3, 150),
    ("دولة روسيا", "place:ru", 61.5, 105.3, 150),
    ("الولايات المتحدة الأميركية", "place:us", 39.8, -98.6, 150),
    ("الولايات المتحدة الأمريكية", "place:us", 39.8, -98.6, 150),
    ("رأس لانوف", "place:ly/ras-lanuf", 30.50, 18.55, 50),
    ("راس لانوف", "place:ly/ras-lanuf", 30.50, 18.55, 50),
    ("اجدابيا", "place:ly/ajdabiya", 30.76, 20.23, 50),
    ("بنغازي", "place:ly/benghazi", 32.12, 20.07, 50),
    ("مصراتة", "place:ly/misrata", 32.38, 15.09, 50),
    ("سبها", "place:ly/sabha", 27.04, 14.43, 50),
    ("الكفرة", "place:ly/kufra", 24.18, 23.28, 50),
    ("السدرة", "place:ly/sidra-port", 30.63, 18.35, 50),
    ("معيتيقة", "place:ly/mitiga-airport", 32.89, 13.28, 50),
    ("الوطية", "place:ly/watiya-base", 32.47, 11.90, 50),
    ("راس اجدير", "place:ly/ras-ajdir-crossing", 33.15, 11.56, 50),
    ("طرابلس", "place:lb/tripoli", 34.44, 35.83, 50),
])
def test_named_places_resolve_near_the_truth(kb: KnowledgeBase, name: str, place_id: str, lat: float, lon: float,
                                             tolerance: float) -> None:
    ids = {e.kb_id for e in kb.names() if e.norm == name_key(name)}
    assert place_id in ids
    place = kb.places[place_id]
    assert km(place.lat, place.lon, lat, lon) <= tolerance


def test_washington_is_not_a_name_of_the_united_states(kb: KnowledgeBase) -> None:
    assert "place:us" not in {e.kb_id for e in kb.names() if e.norm == name_key("واشنطن")}


def test_towns_in_both_gazetteers_appear_once(kb: KnowledgeBase) -> None:
    for name in ("بنغازي", "مصراتة", "سبها", "طبرق", "درنة", "الزاوية", "سرت"):
        towns = [e.kb_id for e in kb.names() if e.norm == name_key(name)
                 and kb.places.get(e.kb_id) is not None and kb.places[e.kb_id].kind in {"city", "town", "capital"}]
        assert len(towns) == 1, (name, towns)


def test_every_affiliation_target_exists(found: list[str]) -> None:
    assert [p for p in found if "target" in p or "place '" in p] == []


def test_no_name_shared_by_two_actors_without_context(found: list[str]) -> None:
    assert [p for p in found if "without a context rule" in p] == []


def test_state_actors_have_places(found: list[str]) -> None:
    assert [p for p in found if "state actor" in p] == []


def test_other_cross_file_checks(found: list[str]) -> None:
    assert [p for p in found if "ends before" in p or "country" in p or "gentilics" in p] == []


# ------------------------------------------------------------------ lexicons

def test_shipped_lexicons_have_their_columns(kb: KnowledgeBase) -> None:
    assert set(LEXICON_COLUMNS) <= set(kb.lexicon_names())
    for name, columns in LEXICON_COLUMNS.items():
        rows = kb.lexicon(name)
        assert rows, name
        assert all(set(columns) <= set(r) for r in rows), name


@pytest.mark.parametrize("name, minimum", [
    ("titles", 100), ("unit_heads", 50), ("gentilics", 300), ("place_cues", 40), ("stance", 50),
    ("reporting_verbs", 80), ("anonymous_sources", 30), ("event_triggers", 200), ("modality", 40), ("claim_cues", 250),
    ("claim_words", 90),
])
def test_lexicons_are_rich(kb: KnowledgeBase, name: str, minimum: int) -> None:
    assert len(kb.lexicon(name)) >= minimum


def test_event_triggers_cover_every_event_type(kb: KnowledgeBase) -> None:
    assert {r["event_type"] for r in kb.lexicon("event_triggers")} == set(EVENT_TYPES)


def test_modality_covers_every_cue(kb: KnowledgeBase) -> None:
    assert {r["modality"] for r in kb.lexicon("modality")} == set(MODALITY_CUES) - {"asserted"}


def test_title_kinds(kb: KnowledgeBase) -> None:
    assert {r["kind"] for r in kb.lexicon("titles")} == set(TITLE_KINDS)


def lookup(kb: KnowledgeBase, name: str, column: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in kb.lexicon(name):
        out.setdefault(name_key(r["term"]), set()).add(r[column])
    return out


@pytest.mark.parametrize("lexicon, column, term, value", [
    ("titles", "relation", "الناطق باسم", "SPOKESPERSON_OF"),
    ("titles", "relation", "المتحدث الرسمي باسم", "SPOKESPERSON_OF"),
    ("titles", "relation", "قائد", "COMMANDS"),
    ("titles", "relation", "آمر", "COMMANDS"),
    ("titles", "relation", "زعيم", "LEADS"),
    ("titles", "kind", "المشير", "rank"),
    ("titles", "kind", "العقيد", "rank"),
    ("titles", "kind", "الشيخ", "honorific"),
    ("unit_heads", "type", "قوات", "ARMED_GROUP"),
    ("unit_heads", "type", "غرفة عمليات", "ARMED_GROUP"),
    ("unit_heads", "type", "مجلس شورى", "ARMED_GROUP"),
    ("unit_heads", "type", "قبيلة", "TRIBE"),
    ("unit_heads", "type", "وزارة", "ORGANIZATION"),
    ("unit_heads", "type", "بعثة", "ORGANIZATION"),
    ("unit_heads", "type", "صحيفة", "MEDIA"),
    ("gentilics", "place", "الليبيين", "place:ly"),
    ("gentilics", "place", "المصرية", "place:eg"),
    ("gentilics", "place", "الأميركي", "place:us"),
    ("gentilics", "place", "الروس", "place:ru"),
    ("place_cues", "kind", "ميناء", "port"),
    ("place_cues", "kind", "قاعدة", "base"),
    ("place_cues", "kind", "حقل", "oilfield"),
    ("stance", "stance", "الانقلاب", "hostile"),
    ("stance", "stance", "المرتزقة", "hostile"),
    ("stance", "stance", "المتقاعد", "hostile"),
    ("stance", "stance", "ما يسمى", "hostile"),
    ("stance", "stance", "الأبطال", "favorable"),
    ("stance", "stance", "الشرعي", "favorable"),
    ("reporting_verbs", "lemma", "قالت", "قال"),
    ("reporting_verbs", "lemma", "أكد", "أكد"),
    ("reporting_verbs", "lemma", "يؤكد", "أكد"),
    ("reporting_verbs", "lemma", "كشف", "كشف"),
    ("reporting_verbs", "lemma", "وفقا ل", "بحسب"),
    ("event_triggers", "event_type", "انشقاق", "DEFECTION"),
    ("event_triggers", "event_type", "انشقاقات", "DEFECTION"),
    ("event_triggers", "event_type", "سيطر", "TERRITORY_CONTROL"),
    ("event_triggers", "event_type", "طرد", "EXPULSION"),
    ("event_triggers", "event_type", "قصف", "ATTACK"),
    ("event_triggers", "event_type", "التقى", "MEETING"),
    ("event_triggers", "event_type", "اتفاق", "AGREEMENT"),
    ("event_triggers", "event_type", "عقوبات", "SANCTION"),
    ("event_triggers", "event_type", "مظاهرة", "PROTEST"),
    ("event_triggers", "event_type", "اعتقال", "ARREST"),
    ("event_triggers", "event_type", "تدريب", "MOBILIZATION"),
    ("modality", "modality", "حاول", "attempted"),
    ("modality", "modality", "باءت بالفشل", "failed"),
    ("modality", "modality", "نفى", "denied"),
    ("modality", "modality", "يعتزم", "planned"),
    ("modality", "modality", "يرجح", "possible"),
    ("modality", "modality", "لم", "negation"),
])
def test_lexicon_entries(kb: KnowledgeBase, lexicon: str, column: str, term: str, value: str) -> None:
    assert value in lookup(kb, lexicon, column).get(name_key(term), set())


def test_anonymous_sources(kb: KnowledgeBase) -> None:
    terms = {name_key(r["term"]) for r in kb.lexicon("anonymous_sources")}
    assert {name_key(t) for t in ("مصدر", "مصادر", "مسؤول", "شهود عيان", "مراقبون", "مصادر مطلعة")} <= terms


def test_libya_places_are_rebuilt_identically(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("build_places", DATA_DIR.parent.parent / "scripts" / "build_places.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "build_places", module)
    spec.loader.exec_module(module)
    text = module.build(shared)
    assert text == (DATA_DIR / "places" / "libya.tsv").read_text(encoding="utf-8"), "run scripts/build_places.py"
