"""Exports of the store, each loaded back by a tool that reads the format."""

from __future__ import annotations

import csv
import io
import json

import geojson
import networkx as nx
import pytest

from marsad.export import export
from marsad.export.acled import COLUMNS
from marsad.schema import validate_analysis
from marsad.store import Reader, Store

from story import articles


@pytest.fixture
def reader(db_url: str):  # type: ignore[no-untyped-def]
    with Store(db_url) as store:
        for a in articles():
            store.add(a)
        with store.connect() as conn:
            yield Reader(conn)


def test_acled_csv_has_acled_columns_and_mapped_types(reader: Reader) -> None:
    out = io.StringIO()
    n = export("acled", reader, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == COLUMNS and len(rows) == n == 4
    clash = next(r for r in rows if r["sub_event_type"] == "Armed clash")
    assert (clash["event_type"], clash["event_date"], clash["time_precision"]) == ("Battles", "2016-03-09", "1")
    assert {clash["actor1"], clash["actor2"]} <= {"كتيبة الفرسان", "قوات الدرع", ""}
    assert clash["source"] == "; ".join(sorted({"وكالة الأفق", "صحيفة المرصد", "قناة النهار"}))
    assert float(clash["latitude"]) == pytest.approx(31.2)
    defection = next(r for r in rows if r["event_type"] == "Strategic developments")
    assert defection["sub_event_type"] == "Change to group/activity" and defection["geo_precision"] == "3"


def test_geojson_validates_and_places_events(reader: Reader) -> None:
    out = io.StringIO()
    n = export("geojson", reader, out)
    data = geojson.loads(out.getvalue())
    assert data.is_valid and n == 3
    assert {f["properties"]["type"] for f in data["features"]} == {"ARMED_CLASH", "TERRITORY_CONTROL"}
    assert data["features"][0]["geometry"]["coordinates"][1] == pytest.approx(31.2, abs=0.05)


@pytest.mark.parametrize("name, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_exports_load_in_networkx(reader: Reader, name: str, read) -> None:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    n = export(name, reader, out, at="2016-12-31")
    out.seek(0)
    graph = read(out)
    assert graph.number_of_edges() == n >= 6
    names = {d.get("name") or d.get("label") for _, d in graph.nodes(data=True)}
    assert {"كتيبة الفرسان", "ميناء سرت"} <= names
    text = out.getvalue().decode("utf-8")
    assert "كتيبة الفرسان" in text and "first_seen" in text


def test_plover_and_jsonl(reader: Reader) -> None:
    out = io.StringIO()
    assert export("plover", reader, out) == 4
    events = json.loads(out.getvalue())
    assert {e["event"] for e in events} == {"ASSAULT", "REJECT"}
    assert all(e["reports"] and e["date"] for e in events)
    out = io.StringIO()
    assert export("jsonl", reader, out) == 6
    lines = out.getvalue().splitlines()
    assert all(validate_analysis(json.loads(line)) == [] for line in lines)
    assert json.loads(lines[0])["document"]["published"] == "2016-01-05"
