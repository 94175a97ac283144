"""Running the real server and Debian's headless chromium for the browser tests.

The server runs as `marsad serve` in a subprocess on a free loopback port; the browser is
/usr/bin/chromium (never a downloaded one) driven by Playwright, and every request that would leave
the machine is aborted and recorded, so that a test can assert that none was tried."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def screenshot_dir() -> Path:
    """Where screenshots go: $MARSAD_SCREENSHOTS, else test-artefacts/screenshots (gitignored)."""
    path = Path(os.environ.get("MARSAD_SCREENSHOTS") or ROOT / "test-artefacts" / "screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


class Server:
    """`marsad serve` on a free loopback port, stopped by `stop()`."""

    def __init__(self, db: Path, env: dict[str, str] | None = None, args: tuple[str, ...] = ()) -> None:
        self.db = db
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = db.parent / f"server-{self.port}.log"
        full_env = {k: v for k, v in os.environ.items() if k != "MARSAD_TOKEN"}
        full_env.update({"PYTHONPATH": str(ROOT), **(env or {})})
        self.proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--db", str(db), "--port",
                                      str(self.port), *args], stdout=self.log.open("w"), stderr=subprocess.STDOUT,
                                     env=full_env, cwd=str(ROOT))
        self._wait()

    def _wait(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"marsad serve exited: {self.log.read_text(encoding='utf-8')}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/health", timeout=2) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"marsad serve did not answer in {timeout:.0f} s")

    def stop(self) -> None:
        """Stop the server (terminate, then kill)."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def is_local(url: str) -> bool:
    """Whether a request stays on this machine (loopback, or a data:/blob: URL)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return (parts.hostname or "") in LOOPBACK


def guard_network(context: object, outside: list[str]) -> None:
    """Abort and record every request of a browser context that would leave the machine."""

    def handle(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if is_local(url):
            route.continue_()  # type: ignore[attr-defined]
        else:
            outside.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", handle)  # type: ignore[attr-defined]
