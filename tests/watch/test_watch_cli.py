"""The observatory's commands end to end: add, list, rule, run --once, alerts, remove, brief."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.store import Store
from marsad.watch import Watcher, add_source
from marsad.watch.fetch import FetchSettings

from stories import DEFECTION, MEETING, feed_items, serve
from watchserver import Site, rss


def test_watch_commands(site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "m.db")
    serve(site, DEFECTION, MEETING)
    site.put("/rss.xml", rss(site.base, feed_items(DEFECTION, MEETING)))
    assert main(["watch", "add", site.url("/rss.xml"), "--outlet", "وكالة", "--interval", "600",
                 "--credibility", "يُنقل عنها كثيراً", "--db", db]) == 0
    assert "following" in capsys.readouterr().err
    assert main(["watch", "add", site.url("/rss.xml"), "--db", db]) == 2
    assert "already followed" in capsys.readouterr().err
    assert main(["watch", "rule", "add", "sides", "--relation", "defected_from", "--actor", "قوات حفتر", "--db", db]) == 0
    assert main(["watch", "rule", "add", "bad", "--event", "PARTY", "--db", db]) == 2
    assert "unknown event type" in capsys.readouterr().err
    assert main(["watch", "rule", "list", "--db", db]) == 0
    assert "sides: relations DEFECTED_FROM, involving قوات حفتر" in capsys.readouterr().out
    jsonl = tmp_path / "alerts.jsonl"
    assert main(["watch", "run", "--once", "--per-host-delay", "0", "--timeout", "2", "--jsonl", str(jsonl),
                 "--db", db]) == 0
    captured = capsys.readouterr()
    assert "2 new item(s), 2 stored" in captured.err and "1 alert(s)" in captured.err
    assert "DEFECTED_FROM: فرج البرعصي → الجيش الوطني الليبي" in captured.out
    assert len(jsonl.read_text(encoding="utf-8").splitlines()) == 1
    assert main(["watch", "list", "--json", "--db", db]) == 0
    [source] = json.loads(capsys.readouterr().out)
    assert source["failures"] == 0 and source["etag"] and source["credibility"] == "يُنقل عنها كثيراً"
    assert main(["watch", "alerts", "--db", db]) == 0
    assert "انشقاقه" in capsys.readouterr().out
    out = tmp_path / "brief"
    assert main(["brief", "--actor", "قوات حفتر", "--out", str(out), "--no-pdf", "--db", db]) == 0
    assert (tmp_path / "brief.html").exists()
    assert main(["brief", "--actor", "أحد لا يعرفه أحد", "--out", str(out), "--no-pdf", "--db", db]) == 2
    assert "no actor named" in capsys.readouterr().err
    assert main(["watch", "remove", site.url("/rss.xml"), "--db", db]) == 0
    assert main(["watch", "remove", site.url("/rss.xml"), "--db", db]) == 2


def test_a_brief_of_a_missing_store_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "--actor", "x", "--db", str(tmp_path / "none.db"), "--no-pdf"]) == 2
    assert "no such store" in capsys.readouterr().err


def test_the_long_lived_loop_stops_when_asked(site: Site, tmp_path: Path) -> None:
    serve(site, DEFECTION)
    site.put("/rss.xml", rss(site.base, feed_items(DEFECTION)))
    with Store(tmp_path / "m.db") as store:
        add_source(store, site.url("/rss.xml"), kind="feed")
        stop = threading.Event()
        watcher = Watcher(store, fetch=FetchSettings(per_host_delay=0, timeout=2))
        timer = threading.Timer(3.0, stop.set)
        timer.start()
        rounds = watcher.run_forever(stop, tick=0.2)
        timer.cancel()
        assert rounds == 1 and site.hits["/rss.xml"] == 1   # polled once; not due again for 15 minutes
