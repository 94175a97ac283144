"""Where alerts go: the terminal, a JSON Lines file, a webhook (HTTP POST of the alert as JSON).
Every alert is also stored in the database (see `marsad.watch.alerts.list_alerts`)."""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path
from typing import Any, Protocol, TextIO

import httpx

from marsad.errors import MarsadError


class Sink(Protocol):
    """Something an alert can be sent to."""

    def send(self, alert: dict[str, Any]) -> None:
        """Deliver one alert; MarsadError when it cannot be delivered."""


def alert_text(alert: dict[str, Any], *, evidence: int = 2) -> str:
    """An alert for a person: the rule and the change, then its first evidence sentences and sources."""
    lines = [f"alert #{alert.get('id')} [{alert['rule']}] {alert.get('date') or '?'}  {alert['summary']}"]
    change = alert.get("change", {})
    for label, key in (("ends", "ends"), ("before", "before"), ("previously held by", "previous_holders")):
        if change.get(key):
            lines.append(f"  {label}: {'; '.join(change[key])}")
    for ev in alert.get("evidence", [])[:evidence]:
        who = ev.get("speaker") or ev.get("source_kind") or "narrator"
        lines.append(f"  «{ev['sentence']}» — {ev.get('outlet') or '?'}, {ev.get('date') or '?'} ({who})")
    more = len(alert.get("evidence", [])) - evidence
    if more > 0:
        lines.append(f"  … and {more} more report(s)")
    origin = alert.get("origin") or {}
    if origin.get("credibility"):
        lines.append(f"  source note: {origin['credibility']}")
    if (alert.get("article") or {}).get("url"):
        lines.append(f"  {alert['article']['url']}")
    return "\n".join(lines)


class TerminalSink:
    """Alerts printed for a person (standard output by default)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream

    def send(self, alert: dict[str, Any]) -> None:
        """Print the alert."""
        out = self.stream or sys.stdout
        out.write(alert_text(alert) + "\n")
        out.flush()


class JsonlSink:
    """Alerts appended to a JSON Lines file, one object a line."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.lock = threading.Lock()

    def send(self, alert: dict[str, Any]) -> None:
        """Append the alert."""
        try:
            with self.lock, open(self.path, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(alert, ensure_ascii=False) + "\n")
        except OSError as exc:
            raise MarsadError(f"{self.path}: cannot write alerts ({exc.strerror or exc})") from None


class WebhookSink:
    """Alerts POSTed as JSON to a URL, tried up to three times."""

    def __init__(self, url: str, *, timeout: float = 10.0, tries: int = 3, pause: float = 1.0) -> None:
        self.url = url
        self.timeout = timeout
        self.tries = tries
        self.pause = pause

    def send(self, alert: dict[str, Any]) -> None:
        """POST the alert; MarsadError after the last failed try."""
        error = ""
        for attempt in range(self.tries):
            try:
                resp = httpx.post(self.url, json=alert, timeout=self.timeout,
                                  headers={"User-Agent": "marsad-alerts"})
                if resp.status_code < 300:
                    return
                error = f"HTTP {resp.status_code}"
                if resp.status_code < 500:
                    break
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            if attempt + 1 < self.tries:
                time.sleep(self.pause * (2 ** attempt))
        raise MarsadError(f"webhook {self.url}: {error}")
