"""The REST API against the real app and a real SQLite store built by `marsad ingest`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from server_articles import HOSTILE, PASTED


def _error(resp, status: int) -> dict:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["code"], str) and body["error"]["message"]
    return body["error"]


def test_analyse_returns_the_analysis_json_with_arabic_as_is(client) -> None:
    resp = client.post("/api/analyse", json={"text": PASTED})
    assert resp.status_code == 200
    data = resp.json()
    assert data["schema"] == "marsad.analysis/1"
    assert data["document"]["text"] == PASTED
    assert data["document"]["published"] == "2019-08-01"
    names = {e["name"] for e in data["entities"]}
    assert any("طرابلس" in n for n in names)
    assert "tokens" not in data
    for ent in data["entities"]:
        for m in ent["mentions"]:
            assert PASTED[m["start"]:m["end"]] == m["text"]
    assert "طرابلس".encode() in resp.content and b"\\u0637" not in resp.content
    assert "tokens" in client.post("/api/analyse?tokens=true", json={"text": PASTED}).json()


def test_analyse_takes_metadata_and_html(client) -> None:
    resp = client.post("/api/analyse", json={"text": "اجتمع خليفة حفتر مع وفد في بنغازي.", "title": "لقاء",
                                               "published": "2019-03-02", "outlet": "وكالة اختبار"})
    doc = resp.json()["document"]
    assert (doc["title"], doc["published"], doc["outlet"]) == ("لقاء", "2019-03-02", "وكالة اختبار")
    html = ("<html><head><title>لقاء في بنغازي</title></head><body><article><p>اجتمع خليفة حفتر مع وفد من "
            "قبيلة العبيدات في بنغازي يوم الأحد، وبحث الطرفان الوضع الأمني في المدينة.</p></article></body></html>")
    data = client.post("/api/analyse", json={"text": html, "format": "html"}).json()
    assert "<p>" not in data["document"]["text"] and "بنغازي" in data["document"]["text"]
    _error(client.post("/api/analyse", json={"text": PASTED, "published": "someday"}), 400)


def test_hostile_text_is_returned_as_text(client) -> None:
    data = client.post("/api/analyse", json={"text": HOSTILE}).json()
    assert data["document"]["text"] == HOSTILE


def test_every_error_has_one_shape(client) -> None:
    err = _error(client.post("/api/analyse", json={"txt": "x"}), 422)
    assert err["code"] == "invalid_request" and "text" in err["message"] and err["details"]
    _error(client.post("/api/analyse", content=b"{not json", headers={"content-type": "application/json"}), 422)
    _error(client.post("/api/analyse", json={"text": ""}), 422)
    assert "empty" in _error(client.post("/api/analyse", json={"text": " \n "}), 400)["message"]
    assert "in the store" in _error(client.get("/api/actors/نبيل الفلاني"), 404)["message"]
    _error(client.get("/api/events/99999"), 404)
    _error(client.get("/api/no-such-thing"), 404)
    _error(client.delete("/api/analyse"), 405)
    _error(client.get("/api/events", params={"near": "north"}), 400)
    _error(client.get("/api/events", params={"source_kind": "rumour"}), 422)
    _error(client.post("/api/corrections", json={"target": "event", "id": "1", "action": "edit",
                                                  "set": {"type": "PICNIC"}}), 400)


def test_request_size_limits(store_copy: Path) -> None:
    from fastapi.testclient import TestClient

    from marsad.server import ServerConfig, create_app

    app = create_app(config=ServerConfig(db=str(store_copy), max_body=2000))
    with TestClient(app) as c:
        err = _error(c.post("/api/analyse", json={"text": "س" * 5000}), 413)
        assert "2000 bytes" in err["message"]

        def chunks():  # no Content-Length: the limit holds while the body streams in
            for _ in range(10):
                yield b"x" * 500

        _error(c.post("/api/analyse", content=chunks(), headers={"content-type": "application/json"}), 413)
        assert c.post("/api/analyse", json={"text": PASTED}).status_code == 200
    big = {"text": "ق" * 200_001}
    with TestClient(create_app(config=ServerConfig(db=str(store_copy)))) as c:
        assert "text" in _error(c.post("/api/analyse", json=big), 422)["message"]


def test_token_guards_the_writes_only(store_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from marsad.server import create_app

    monkeypatch.setenv("MARSAD_TOKEN", "s3cret-token")
    with TestClient(create_app(str(store_copy))) as c:
        article = {"articles": [{"text": PASTED}]}
        err = _error(c.post("/api/ingest", json=article), 401)
        assert "token" in err["message"]
        _error(c.post("/api/ingest", json=article, headers={"Authorization": "Bearer wrong"}), 403)
        _error(c.post("/api/corrections", json={"target": "event", "id": "1", "action": "reject"}), 401)
        assert c.get("/api/health").json()["token_required"] is True
        assert c.post("/api/analyse", json={"text": PASTED}).status_code == 200   # reading needs no token
        assert c.get("/api/events").status_code == 200
        ok = c.post("/api/ingest", json=article, headers={"Authorization": "Bearer s3cret-token"})
        assert ok.status_code == 200 and ok.json()["stored"] == 1
        again = c.post("/api/ingest", json=article, headers={"X-Marsad-Token": "s3cret-token"})
        assert again.json()["duplicates"] == 1


def test_ingest_articles_and_analyses(client) -> None:
    before = client.get("/api/stats").json()
    analysis = client.post("/api/analyse", json={"text": HOSTILE}).json()
    resp = client.post("/api/ingest", json={"articles": [{"text": PASTED, "source_id": "pasted"}, {"text": "   "}],
                                            "analyses": [analysis, {"schema": "nonsense"}]})
    body = resp.json()
    assert body["stored"] == 2
    assert [f["item"] for f in body["failed"]] == ["articles[1]", "analyses[1]"]
    assert "empty" in body["failed"][0]["reason"]
    after = client.get("/api/stats").json()
    assert after["articles"] == before["articles"] + 2
    _error(client.post("/api/ingest", json={}), 400)


def test_search_normalises_arabic(client) -> None:
    for query in ("أحمد المسماري", "احمد المسماري", "المسمارى", "مطار القرضابيه", "حفتر"):
        found = client.get("/api/actors", params={"q": query}).json()
        assert found, query
    assert client.get("/api/actors", params={"q": "احمد المسماري"}).json()[0]["name"] == "أحمد المسماري"
    place = client.get("/api/actors", params={"q": "مطار القرضابيه"}).json()[0]
    assert place["type"] == "LOCATION" and place["geo"]
    assert client.get("/api/actors", params={"q": "زحل المريخي"}).json() == []


def test_search_by_any_term_finds_claims_and_events_in_any_spelling(client) -> None:
    for query in ("طائرة مسيرة", "طايره مسيره", "طائره"):
        found = client.get("/api/search", params={"q": query}).json()
        assert [c["content"] for c in found["claims"]] == ["طائرة مسيرة قصفت مواقع في مصراتة"], query
    found = client.get("/api/search", params={"q": "اشتباكات"}).json()
    assert {e["type"] for e in found["events"]} == {"ARMED_CLASH"}
    assert client.get("/api/search", params={"q": "احمد المسماري"}).json()["actors"][0]["name"] == "أحمد المسماري"
    for query in ("%", "_", "\\", "زحل"):
        assert client.get("/api/search", params={"q": query}).json() == {"actors": [], "claims": [], "events": []}


def test_profile_events_claims_and_provenance(client) -> None:
    prof = client.get("/api/actors/حفتر").json()
    assert prof["name"] and prof["relations"] and "claims_about" in prof
    events = client.get("/api/events").json()
    assert events and all("type" in e for e in events)
    clashes = client.get("/api/events", params={"type": "ARMED_CLASH"}).json()
    assert clashes and all(e["type"] == "ARMED_CLASH" for e in clashes)
    assert client.get("/api/events", params={"to": "2019-04-30"}).json()
    assert len(client.get("/api/events", params={"from": "2019-06-01"}).json()) < len(events)
    shown = client.get(f"/api/events/{events[0]['id']}").json()
    assert shown["evidence"] and shown["evidence"][0]["sentence"]
    claims = client.get("/api/claims").json()
    kinds = {c["source_kind"] for c in claims}
    assert "anonymous" in kinds and "named_person" in kinds
    assert any(c["about"] for c in claims)
    anon = client.get("/api/claims", params={"source_kind": "anonymous"}).json()
    assert anon and all(c["source_kind"] == "anonymous" for c in anon)
    one = client.get(f"/api/claims/{claims[0]['id']}").json()
    assert one["content"] == claims[0]["content"]
    rel = prof["relations"][0]
    assert client.get(f"/api/relations/{rel['id']}").json()["evidence"]


def test_graph_at_a_date_and_the_dates(client) -> None:
    dates = client.get("/api/dates").json()["dates"]
    assert dates[0] == "2019-04-10" and dates[-1] >= "2019-07-15"
    first = client.get("/api/graph", params={"at": dates[0]}).json()
    last = client.get("/api/graph").json()
    assert 0 < len(first["edges"]) < len(last["edges"])
    assert first["at"] == dates[0] and last["at"] is None
    assert any(e["type"] == "DEFECTED_FROM" for e in last["edges"])
    assert not any(e["type"] == "DEFECTED_FROM" for e in first["edges"])
    tl = client.get("/api/timeline").json()
    assert tl["events"] and any(c["type"] == "DEFECTED_FROM" for c in tl["changes"])


def test_corrections_are_stored_and_shown_at_once(client) -> None:
    events = client.get("/api/events").json()
    target = events[0]
    resp = client.post("/api/corrections", json={"target": "event", "id": str(target["id"]), "action": "reject",
                                                 "note": "لم يحدث", "author": "محلل"})
    assert resp.status_code == 201
    assert target["id"] not in {e["id"] for e in client.get("/api/events").json()}
    rel = client.get("/api/graph").json()["edges"][0]
    client.post("/api/corrections", json={"target": "relation", "id": str(rel["relation"]), "action": "edit",
                                          "set": {"type": "SUPPORTS"}})
    edited = client.get(f"/api/relations/{rel['relation']}").json()
    assert edited["type"] == "SUPPORTS"
    a = client.get("/api/actors", params={"q": "احمد المسماري"}).json()[0]
    b = client.get("/api/actors", params={"q": "خليفة حفتر"}).json()[0]
    client.post("/api/corrections", json={"target": "actor", "id": str(a["id"]), "action": "merge", "into": str(b["id"])})
    assert client.get(f"/api/actors/{a['id']}").json()["id"] == b["id"]
    listed = client.get("/api/corrections").json()
    assert [c["action"] for c in listed] == ["merge", "edit", "reject"]
    assert listed[-1]["note"] == "لم يحدث" and listed[-1]["author"] == "محلل"
    _error(client.post("/api/corrections", json={"target": "actor", "id": "1", "action": "merge"}), 400)
    _error(client.post("/api/corrections", json={"target": "event", "id": "424242", "action": "confirm"}), 404)


@pytest.mark.parametrize("fmt", ["acled", "plover", "graphml", "gexf", "geojson", "jsonl"])
def test_exports(client, fmt: str) -> None:
    resp = client.get(f"/api/export/{fmt}")
    assert resp.status_code == 200
    assert f"marsad-{fmt}" in resp.headers["content-disposition"]
    if fmt == "geojson":
        data = resp.json()
        assert data["type"] == "FeatureCollection" and data["features"]
    elif fmt == "jsonl":
        lines = resp.text.splitlines()
        assert len(lines) == 4 and json.loads(lines[0])["schema"] == "marsad.analysis/1"
    elif fmt == "acled":
        assert resp.text.startswith("event_id_cnty,") and "ARMED" not in resp.text.splitlines()[0]
    elif fmt in ("graphml", "gexf"):
        assert resp.text.lstrip().startswith("<?xml") and "حفتر" in resp.text
    _error(client.get("/api/export/xlsx"), 422)


def test_cors_is_off_by_default_and_can_be_opened(client, store_copy: Path) -> None:
    from fastapi.testclient import TestClient

    from marsad.server import ServerConfig, create_app

    origin = {"Origin": "http://elsewhere.example"}
    assert "access-control-allow-origin" not in client.get("/api/stats", headers=origin).headers
    pre = client.options("/api/analyse", headers={**origin, "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in pre.headers
    app = create_app(config=ServerConfig(db=str(store_copy), cors_origins=["http://elsewhere.example"]))
    with TestClient(app) as c:
        assert c.get("/api/stats", headers=origin).headers["access-control-allow-origin"] == "http://elsewhere.example"


def test_pages_docs_and_vendor_files_are_served_locally(client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and 'dir="rtl"' in page.text and 'lang="ar"' in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert page.headers["x-content-type-options"] == "nosniff"
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/vendor/swagger-ui-bundle.js" in docs.text
    for text in (page.text, docs.text):
        assert "http://" not in text and "https://" not in text and "//cdn" not in text
    schema = client.get("/openapi.json").json()
    for path in ("/api/analyse", "/api/ingest", "/api/graph", "/api/corrections", "/api/export/{fmt}"):
        assert path in schema["paths"]
    assert client.get("/ui/app.js").headers["content-type"].startswith("text/javascript")
    _error(client.get("/ui/../server/app.py"), 404)
    _error(client.get("/ui/%2e%2e/app.py"), 404)
    _error(client.get("/vendor/not-a-package.js"), 404)


def test_vendor_files_come_from_node_modules(client) -> None:
    from marsad.server.assets import missing_vendor

    if missing_vendor():
        from server_helpers import frontend_missing

        frontend_missing()
    for name in ("cytoscape.min.js", "leaflet.js", "vis-timeline.min.js", "countries-50m.json", "swagger-ui-bundle.js"):
        resp = client.get(f"/vendor/{name}")
        assert resp.status_code == 200 and len(resp.content) > 1000, name


def test_serve_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    from marsad.cli import main

    with pytest.raises(SystemExit) as done:
        main(["serve", "--help"])
    assert done.value.code == 0
    assert "--port" in capsys.readouterr().out
    assert main(["serve", "--port", "70000"]) == 2
    assert "--port" in capsys.readouterr().err


def test_serve_runs_several_workers_over_one_store(store_copy: Path) -> None:
    import json as json_
    import urllib.request

    from server_browser import Server

    server = Server(store_copy, env={"MARSAD_TOKEN": "tok"}, args=("--workers", "2"))
    try:
        for _ in range(4):
            with urllib.request.urlopen(f"{server.url}/api/stats", timeout=30) as resp:
                assert json_.load(resp)["articles"] == 4
        with urllib.request.urlopen(f"{server.url}/api/health", timeout=30) as resp:
            assert json_.load(resp)["token_required"] is True
    finally:
        server.stop()


def test_alerts_of_the_watch_rules_for_articles_ingested_through_the_api(store_copy: Path) -> None:
    from fastapi.testclient import TestClient

    from marsad.server import ServerConfig, create_app
    from marsad.store import Store
    from marsad.watch.rules import Rule, add_rule

    with Store(str(store_copy)) as store:
        add_rule(store, Rule("defections", relations=("DEFECTED_FROM",)))
    article = ("انشقاق جديد في طرابلس\n2019-09-03\nأعلنت كتيبة الصمود انشقاقها عن حكومة الوفاق الوطني "
               "وانضمامها إلى الجيش الوطني الليبي، بحسب بيان نشرته الكتيبة مساء الثلاثاء.\n")
    with TestClient(create_app(config=ServerConfig(db=str(store_copy)))) as c:
        assert c.get("/api/alerts").json() == []
        assert c.post("/api/ingest", json={"articles": [{"text": article}]}).json()["stored"] == 1
        alerts = c.get("/api/alerts").json()
        assert alerts and alerts[0]["rule"] == "defections"
        assert any("الصمود" in (e.get("sentence") or "") for e in alerts[0]["evidence"])
        assert c.get("/api/alerts", params={"rule": "nothing"}).json() == []


def test_503_when_the_front_end_packages_are_not_installed(client, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.server import app as app_module

    monkeypatch.setattr(app_module, "vendor_file", lambda name: None)   # as before `npm ci`
    err = _error(client.get("/vendor/cytoscape.min.js"), 503)
    assert err["code"] == "unavailable" and "npm ci" in err["message"]
    _error(client.get("/vendor/not-a-package.js"), 404)                 # unknown names stay 404


def test_503_when_the_store_cannot_be_reached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil as shutil_

    from fastapi.testclient import TestClient

    from marsad.server import ServerConfig, create_app

    monkeypatch.delenv("MARSAD_TOKEN", raising=False)
    folder = tmp_path / "disk"
    folder.mkdir()
    app = create_app(config=ServerConfig(db=str(folder / "store.db")))
    with TestClient(app) as c:
        assert c.get("/api/stats").status_code == 200
        app.state.store.engine.dispose()      # the store's disk goes away while the server runs
        shutil_.rmtree(folder)
        err = _error(c.get("/api/stats"), 503)
        assert err["code"] == "unavailable" and "store.db" in err["message"]
        assert "cannot reach the database" in err["message"]
        assert c.get("/api/health").status_code == 200     # the server itself still answers
