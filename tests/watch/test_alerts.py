"""Alerts end to end: a new article on a followed feed raises the expected alert with its evidence and
sources, delivered to the terminal, a JSON Lines file and a webhook on loopback; a re-poll raises none."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from marsad.errors import ConfigError
from marsad.store import Store
from marsad.watch import (JsonlSink, Rule, TerminalSink, Watcher, WebhookSink, add_rule, add_source,
                          attach_alerts, list_alerts, list_rules, remove_rule)
from marsad.watch.fetch import FetchSettings

from stories import ANONYMOUS, DEFECTION, MEETING, PORT_TAKEN, feed_items, serve
from watchserver import Site, rss


def _follow(site: Site, store: Store, *stories: tuple[str, str, str, str]) -> None:
    serve(site, *stories)
    site.put("/rss.xml", rss(site.base, feed_items(*stories)))
    add_source(store, site.url("/rss.xml"), kind="feed", outlet="وكالة الاختبار",
               credibility="close to the eastern camp")


def _watch(store: Store, fast: FetchSettings, sinks: list) -> tuple[Watcher, object]:
    listener = attach_alerts(store, sinks)
    return Watcher(store, fetch=fast, origin=listener.set_origin), listener


def test_a_defection_raises_one_alert_with_its_evidence_everywhere(site: Site, any_store: Store, fast: FetchSettings,
                                                                   tmp_path: Path) -> None:
    store = any_store
    add_rule(store, Rule("haftar-sides", relations=("DEFECTED_FROM", "LOYAL_TO"), actors=("قوات حفتر",),
                         webhook=site.url("/hook")))
    add_rule(store, Rule("arrests", events=("ARREST",)))            # matches nothing here
    _follow(site, store, MEETING)
    terminal, jsonl = io.StringIO(), tmp_path / "alerts.jsonl"
    watcher, listener = _watch(store, fast, [TerminalSink(terminal), JsonlSink(jsonl)])
    watcher.run_once()
    assert list_alerts(store) == []                                 # the meeting is not a change of side
    site.put("/rss.xml", rss(site.base, feed_items(MEETING, DEFECTION)))
    serve(site, DEFECTION)
    watcher.run_once(force=True)
    alerts = list_alerts(store)
    assert len(alerts) == 1
    alert = alerts[0]
    assert (alert["rule"], alert["kind"], alert["type"]) == ("haftar-sides", "relation", "DEFECTED_FROM")
    assert alert["change"]["head"] == "فرج البرعصي" and alert["change"]["new"] is True
    sentence = alert["evidence"][0]
    assert "انشقاقه عن قوات خليفة حفتر" in sentence["sentence"] and sentence["this_article"]
    assert alert["sources"] == ["وكالة الاختبار"] and alert["date"] == "2017-03-12"
    assert alert["origin"]["credibility"] == "close to the eastern camp"
    assert alert["article"]["url"] == site.url(DEFECTION[0])
    # delivered: terminal, JSON Lines, and the rule's webhook (a real POST on loopback)
    assert "DEFECTED_FROM: فرج البرعصي → الجيش الوطني الليبي" in terminal.getvalue()  # the KB's neutral name
    assert "close to the eastern camp" in terminal.getvalue()
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["id"] for x in lines] == [alert["id"]]
    assert [json.loads(b)["id"] for b in site.posted] == [alert["id"]]
    # a re-poll (and a forced one) raises nothing new
    watcher.run_once(force=True)
    assert len(list_alerts(store)) == 1 and len(jsonl.read_text(encoding="utf-8").splitlines()) == 1
    assert listener.count == 1


def test_territory_control_at_a_place_names_its_earlier_holder(site: Site, any_store: Store,
                                                               fast: FetchSettings) -> None:
    store = any_store
    add_rule(store, Rule("ras-lanuf", events=("TERRITORY_CONTROL",), relations=("CONTROLS",),
                         places=("ميناء راس لانوف",)))
    _follow(site, store, PORT_TAKEN)
    watcher, _ = _watch(store, fast, [])
    watcher.run_once()
    first = list_alerts(store, newest_first=False)
    assert {a["type"] for a in first} == {"TERRITORY_CONTROL", "CONTROLS"}
    site.put("/rss.xml", rss(site.base, feed_items(PORT_TAKEN, DEFECTION)))
    serve(site, DEFECTION)
    watcher.run_once(force=True)
    later = [a for a in list_alerts(store) if a["article"]["url"] == site.url(DEFECTION[0])]
    control = next(a for a in later if a["type"] == "CONTROLS")
    assert control["change"]["head"] == "الجيش الوطني الليبي"
    assert any("سرايا الدفاع عن بنغازي" in h for h in control["change"]["previous_holders"])
    assert any("راس لانوف" in e["sentence"] for e in control["evidence"])


def test_a_claim_resting_only_on_anonymous_sources(site: Site, store: Store, fast: FetchSettings) -> None:
    add_rule(store, Rule("anon-haftar", actors=("قوات حفتر",), anonymous_only=True))
    _follow(site, store, ANONYMOUS, MEETING)
    watcher, _ = _watch(store, fast, [])
    watcher.run_once()
    alerts = list_alerts(store)
    assert len(alerts) == 1 and alerts[0]["kind"] == "claim"
    assert alerts[0]["evidence"][0]["source_kind"] == "anonymous"
    assert "قوات حفتر تستعد لهجوم" in alerts[0]["evidence"][0]["sentence"]
    assert "الجيش الوطني الليبي" in alerts[0]["change"]["about"]


def test_rules_are_checked_listed_and_removed(store: Store) -> None:
    with pytest.raises(ConfigError, match="unknown relation type"):
        add_rule(store, Rule("x", relations=("DEFECTS",)))
    with pytest.raises(ConfigError, match="claims"):
        add_rule(store, Rule("x", events=("ARREST",), anonymous_only=True))
    with pytest.raises(ConfigError, match="webhook"):
        add_rule(store, Rule("x", webhook="ftp://nowhere"))
    rule = add_rule(store, Rule("x", relations=("defected_from",)))
    assert rule.relations == ("DEFECTED_FROM",) and "DEFECTED_FROM" in rule.describe()
    with pytest.raises(ConfigError, match="exists already"):
        add_rule(store, Rule("x"))
    assert [r.name for r in list_rules(store)] == ["x"]
    remove_rule(store, "x")
    assert list_rules(store) == []


def test_a_webhook_that_fails_is_logged_and_the_ingest_goes_on(site: Site, store: Store, fast: FetchSettings,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    add_rule(store, Rule("all-defections", relations=("DEFECTED_FROM",)))
    _follow(site, store, DEFECTION)
    dead = WebhookSink("http://127.0.0.1:9/none", timeout=0.5, tries=2, pause=0.01)
    watcher, _ = _watch(store, fast, [dead])
    summary = watcher.run_once()
    assert summary.stored == 1 and len(list_alerts(store)) == 1
    assert any("not delivered" in r.getMessage() for r in caplog.records)


def test_marsad_ingest_also_evaluates_the_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from marsad.cli import main

    db = str(tmp_path / "m.db")
    assert main(["watch", "rule", "add", "sides", "--relation", "DEFECTED_FROM", "--db", db]) == 0
    article = tmp_path / "a.txt"
    path, title, published, body = DEFECTION
    article.write_text(f"{title}\n\nبنغازي - 12 مارس 2017\n\n{body}\n", encoding="utf-8")
    assert main(["ingest", str(article), "--db", db, "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "alert #1 [sides]" in err and "DEFECTED_FROM" in err
    assert main(["watch", "alerts", "--db", db, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 1 and data[0]["rule"] == "sides"
