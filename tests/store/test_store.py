"""The store on SQLite and PostgreSQL: merging, time, corrections, queries, provenance."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from marsad.errors import StoreError
from marsad.store import Reader, Store, add_correction, changes, graph_at
from marsad.store import schema as t

from story import articles


def _counts(store: Store) -> dict[str, int]:
    with store.connect() as conn:
        return {name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in t.metadata.tables.items()}


@pytest.fixture
def store(db_url: str):  # type: ignore[no-untyped-def]
    with Store(db_url) as s:
        for a in articles():
            s.add(a)
        yield s


def test_ingesting_the_same_articles_again_changes_nothing(store: Store) -> None:
    before = _counts(store)
    assert before["articles"] == 6
    again = [store.add(a) for a in articles()]
    assert all(s.duplicate for s in again)
    assert _counts(store) == before


def test_one_actor_per_real_world_actor_across_articles_and_spellings(store: Store) -> None:
    with store.connect() as conn:
        r = Reader(conn)
        hits = r.find_actors("كتيبة الفرسان")
        assert [h["name"] for h in hits][:1] == ["كتيبة الفرسان"]
        assert conn.execute(select(func.count()).select_from(t.mentions)
                            .where(t.mentions.c.actor_id == hits[0]["id"])).scalar_one() == 6
        # hamza and alef forms, and a part of the name, find the same government
        gov = r.find_actors("حكومة الانقاذ")
        assert len({g["id"] for g in gov if g["type"] == "ORGANIZATION"}) == 1
        assert r.find_actors("الإنقاذ")[0]["id"] == gov[0]["id"]
        assert r.find_actors("كلمة لا تظهر") == []


def test_reports_of_one_event_merge_and_relays_count_once(store: Store) -> None:
    with store.connect() as conn:
        r = Reader(conn)
        clashes = r.events(type="ARMED_CLASH")
        assert len(clashes) == 1
        clash = r.show("event", clashes[0]["id"])
        assert len(clash["evidence"]) == 3
        # the agency's own report and the channel relaying it count once: two independent sources
        assert clash["sources"] == 2
        assert {e["source_kind"] for e in clash["evidence"]} == {"narrator", "anonymous", "media"}
        assert clash["date"] == "2016-03-09" and clash["place_name"] == "سرت"


def test_relations_carry_first_and_last_seen_and_their_sources(store: Store) -> None:
    with store.connect() as conn:
        r = Reader(conn)
        fursan = r.resolve_actor("كتيبة الفرسان")
        rels = {(x["type"], x["tail_name"]): x for x in r.relations(fursan)}
        assert rels[("LOYAL_TO", "حكومة الإنقاذ")]["first_seen"] == "2016-01-05"
        assert rels[("DEFECTED_FROM", "حكومة الإنقاذ")]["first_seen"] == "2016-06-01"
        spokes = r.relations(r.resolve_actor("عادل المنصوري"), types=("SPOKESPERSON_OF",))
        assert spokes[0]["outlets"] == ["وكالة الأفق"]


def test_the_network_at_a_date_replays_allegiances_and_control(store: Store) -> None:
    with store.connect() as conn:
        r = Reader(conn)
        early = graph_at(r, "2016-02-01")
        types = {d["type"] for _, _, d in early.edges(data=True)}
        assert types == {"LOYAL_TO", "BASED_IN"}
        late = graph_at(r, "2016-12-31")
        status = {(late.nodes[u]["name"], d["type"], late.nodes[v]["name"]): d["status"]
                  for u, v, d in late.edges(data=True)}
        assert status[("كتيبة الفرسان", "LOYAL_TO", "حكومة الإنقاذ")] == "ended"
        assert status[("كتيبة الفرسان", "LOYAL_TO", "المجلس الرئاسي")] == "active"
        assert status[("كتيبة الفرسان", "CONTROLS", "ميناء سرت")] == "lost"
        assert status[("قوات الدرع", "CONTROLS", "ميناء سرت")] == "active"


def test_changes_of_an_actor_in_a_window(store: Store) -> None:
    with store.connect() as conn:
        r = Reader(conn)
        found = changes(r, "كتيبة الفرسان", "2016-05-01", "2016-12-31")
        kinds = {(c["kind"], c["type"]) for c in found}
        assert ("relation", "DEFECTED_FROM") in kinds and ("event", "DEFECTION") in kinds
        assert ("event", "TERRITORY_CONTROL") in kinds           # the port it held changed hands
        assert all("2016-05-01" <= c["date"] <= "2016-12-31" for c in found)
        assert all(c["evidence"]["sentence"] for c in found)


def test_event_filters(store: Store) -> None:
    with store.connect() as conn:
        r = Reader(conn)
        assert {e["type"] for e in r.events(actor="قوات الدرع")} == {"ARMED_CLASH", "TERRITORY_CONTROL"}
        assert [e["type"] for e in r.events(min_sources=2)] == ["ARMED_CLASH"]
        assert len(r.events(date_from="2016-03-10", date_to="2016-07-01")) == 2
        assert {e["type"] for e in r.events(near=(31.2, 16.6, 20))} == {"ARMED_CLASH", "TERRITORY_CONTROL"}
        assert r.events(near=(32.9, 13.2, 20)) == []
        assert [e["type"] for e in r.events(source_kind="anonymous")] == ["ARMED_CLASH"]
        assert len(r.events(place="ميناء سرت")) == 2


def test_claims_by_speaker_and_those_resting_on_anonymous_sources(store: Store) -> None:
    with store.connect() as conn:
        r = Reader(conn)
        said = r.claims(speaker="عادل المنصوري")
        assert [c["content"] for c in said] == ["الكتيبة سيطرت على ميناء سرت"]
        # the local sources' report of the clash is also stated by a named outlet the same day; the
        # military source's words are not
        anon = r.claims(anonymous_only=True)
        assert [c["source_text"] for c in anon] == ["مصدر عسكري"]
        assert len(r.claims(source_kind="anonymous")) == 2
        profile = r.profile("كتيبة الفرسان")
        assert "anonymous" in profile["claims_about"] and "media" in profile["claims_about"]
        assert "الفرسان" in " ".join(profile["aliases"])


def test_corrections_win_and_survive_reingest(store: Store) -> None:
    with store.connect() as conn:
        r = Reader(conn)
        rel = r.relations(r.resolve_actor("عادل المنصوري"))[0]
        clash = r.events(type="ARMED_CLASH")[0]
        add_correction(conn, "relation", rel["id"], "reject", note="not in the article")
        add_correction(conn, "event", clash["id"], "edit", payload={"type": "ATTACK"}, author="analyst")
        duru = r.resolve_actor("قوات الدرع")
        fursan = r.resolve_actor("كتيبة الفرسان")
        add_correction(conn, "actor", duru, "merge", payload={"into": fursan})
        conn.commit()
    for a in articles():  # re-ingest: nothing stored again, corrections untouched
        store.add(a)
    with store.connect() as conn:
        r = Reader(conn)
        assert r.relations(r.resolve_actor("عادل المنصوري")) == []
        assert r.events(type="ARMED_CLASH") == []
        assert r.events(type="ATTACK")[0]["status"] == "machine"
        assert r.resolve_actor("قوات الدرع") == r.resolve_actor("كتيبة الفرسان")
        assert "قوات الدرع" in r.aliases(r.resolve_actor("كتيبة الفرسان"))
        add_correction(conn, "event", r.events(type="ATTACK")[0]["id"], "confirm")
        conn.commit()
        assert Reader(conn).events(type="ATTACK")[0]["status"] == "confirmed"


@pytest.mark.parametrize("args, message", [
    (("relation", 999, "reject"), "no relation '999'"),
    (("actor", 1, "merge"), "needs the actor to merge into"),
    (("event", 1, "edit", {"type": "PICNIC"}), "must be one of"),
    (("event", 1, "edit", {"colour": "red"}), "cannot be edited"),
    (("event", 1, "shout"), "unknown correction"),
    (("place", 1, "reject"), "unknown correction target"),
])
def test_bad_corrections_are_refused(store: Store, args: tuple, message: str) -> None:  # type: ignore[type-arg]
    with store.connect() as conn:
        payload = args[3] if len(args) > 3 else None
        with pytest.raises(StoreError, match=message):
            add_correction(conn, *args[:3], payload=payload)


def test_show_gives_provenance(store: Store) -> None:
    with store.connect() as conn:
        r = Reader(conn)
        rel = r.relations(r.resolve_actor("عادل المنصوري"))[0]
        shown = r.show("relation", rel["key"])
        assert shown["evidence"][0]["sentence"].startswith("اندلعت اشتباكات")
        assert shown["evidence"][0]["outlet"] == "وكالة الأفق"
        with pytest.raises(StoreError, match="no event"):
            r.show("event", 12345)
        with pytest.raises(StoreError, match="no actor named"):
            r.resolve_actor("اسم غير موجود إطلاقا")
