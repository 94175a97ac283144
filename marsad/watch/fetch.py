"""Fetching for the observatory: conditional GET, a polite per-host rate limit, timeouts, a size cap,
and retries with exponential back-off, over httpx (http, https) or the file system (file:// and paths).

    fetcher = Fetcher(FetchSettings(per_host_delay=1.0))
    page = fetcher.get("https://example.org/feed.xml", etag=old_etag, last_modified=old_lm)
    if page.not_modified: ...
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from marsad import __version__
from marsad.errors import MarsadError

log = logging.getLogger(__name__)

USER_AGENT = f"marsad/{__version__} (news observatory; polite polling)"


class FetchError(MarsadError):
    """A URL could not be fetched; `transient` says whether trying again later may help."""

    def __init__(self, url: str, reason: str, *, transient: bool = True) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.transient = transient


@dataclass(slots=True)
class FetchSettings:
    """How the observatory fetches: every limit in one place, with its default."""

    timeout: float = 20.0          # seconds to connect, and between two bytes read
    total_timeout: float = 60.0    # seconds for one whole response
    retries: int = 2               # extra tries after a transient failure (time-out, 5xx, 429)
    backoff: float = 2.0           # seconds before the first retry, doubled each time
    per_host_delay: float = 1.0    # at least this many seconds between two requests to one host
    max_bytes: int = 5_000_000     # a bigger response is refused
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    robots: bool = True            # leave alone the article pages a site's robots.txt disallows


@dataclass(slots=True)
class Fetched:
    """A response: the final URL (after redirects), status, body and validators."""

    url: str
    status: int
    content: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    seconds: float = 0.0

    @property
    def not_modified(self) -> bool:
        """True for 304 Not Modified (nothing new since the validators sent)."""
        return self.status == 304


def is_local(target: str) -> bool:
    """Whether a source names a file (file:// URL or a path) rather than an http(s) URL."""
    return not target.lower().startswith(("http://", "https://"))


def local_path(target: str) -> Path:
    """The file a file:// URL or a path names."""
    if target.lower().startswith("file://"):
        return Path(unquote(urlsplit(target).path))
    return Path(target).expanduser()


class _HostGate:
    """The per-host rate limit: each request to a host waits its turn, `delay` seconds apart."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.lock = threading.Lock()
        self.next_at: dict[str, float] = {}

    def wait(self, host: str) -> None:
        """Block until this host may be asked again."""
        with self.lock:
            now = time.monotonic()
            at = max(now, self.next_at.get(host, 0.0))
            self.next_at[host] = at + self.delay
        if at > now:
            time.sleep(at - now)


class Fetcher:
    """Fetches URLs and files politely; one instance is shared by every polling thread."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        self.settings = settings or FetchSettings()
        s = self.settings
        self.client = httpx.Client(
            timeout=httpx.Timeout(s.timeout), follow_redirects=True, max_redirects=s.max_redirects,
            headers={"User-Agent": s.user_agent, "Accept-Language": "ar,en;q=0.5"})
        self.gate = _HostGate(s.per_host_delay)
        self._robots: dict[str, RobotFileParser | None] = {}
        self._robots_lock = threading.Lock()

    def close(self) -> None:
        """Close the HTTP connections."""
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets marsad fetch this URL (yes when there is none, when it
        cannot be read, for files, or when `robots` is off)."""
        if not self.settings.robots or is_local(url):
            return True
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        with self._robots_lock:
            if site not in self._robots:
                self._robots[site] = self._read_robots(site)
            rules = self._robots[site]
        return rules is None or rules.can_fetch(self.settings.user_agent, url)

    def _read_robots(self, site: str) -> RobotFileParser | None:
        try:
            fetched = self._once(site + "/robots.txt", {})
        except FetchError as exc:
            log.debug("%s/robots.txt: %s (taken as no rules)", site, exc.reason)
            return None
        rules = RobotFileParser()
        rules.parse(fetched.content.decode("utf-8", "replace").splitlines())
        return rules

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET a URL (or read a file), conditionally when validators are given; FetchError on failure
        after the retries."""
        if is_local(url):
            return self._file(url, last_modified)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                return self._once(url, headers)
            except FetchError as exc:
                if not exc.transient or attempt >= self.settings.retries:
                    raise
                pause = self.settings.backoff * (2 ** attempt)
                log.info("%s: %s; trying again in %.1f s", url, exc.reason, pause)
                time.sleep(pause)
                attempt += 1

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        self.gate.wait(urlsplit(url).hostname or "")
        started = time.monotonic()
        s = self.settings
        try:
            with self.client.stream("GET", url, headers=headers) as resp:
                if resp.status_code == 304:
                    return Fetched(str(resp.url), 304, etag=resp.headers.get("etag") or headers.get("If-None-Match"),
                                   last_modified=resp.headers.get("last-modified") or headers.get("If-Modified-Since"),
                                   seconds=time.monotonic() - started)
                if resp.status_code >= 400:
                    transient = resp.status_code >= 500 or resp.status_code in (408, 429)
                    raise FetchError(url, f"HTTP {resp.status_code} {resp.reason_phrase}".strip(), transient=transient)
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > s.max_bytes:
                    raise FetchError(url, f"response too large ({int(declared):,} bytes; the limit is "
                                          f"{s.max_bytes:,})", transient=False)
                chunks, size = [], 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > s.max_bytes:
                        raise FetchError(url, f"response too large (over the limit of {s.max_bytes:,} bytes)",
                                         transient=False)
                    if time.monotonic() - started > s.total_timeout:
                        raise FetchError(url, f"too slow (no complete answer in {s.total_timeout:g} s)")
                    chunks.append(chunk)
                return Fetched(str(resp.url), resp.status_code, b"".join(chunks), resp.headers.get("etag"),
                               resp.headers.get("last-modified"), resp.headers.get("content-type"),
                               time.monotonic() - started)
        except httpx.TooManyRedirects:
            raise FetchError(url, f"too many redirects (more than {s.max_redirects}; a redirect loop?)",
                             transient=False) from None
        except httpx.TimeoutException:
            raise FetchError(url, f"timed out (no answer in {s.timeout:g} s)") from None
        except httpx.UnsupportedProtocol as exc:
            raise FetchError(url, f"unsupported URL ({exc})", transient=False) from None
        except httpx.TransportError as exc:
            raise FetchError(url, f"cannot connect ({type(exc).__name__}: {exc or 'no detail'})") from None

    def _file(self, target: str, last_modified: str | None) -> Fetched:
        path = local_path(target)
        try:
            stat = path.stat()
            stamp = formatdate(stat.st_mtime, usegmt=True)
            if last_modified and _same_time(last_modified, stat.st_mtime):
                return Fetched(target, 304, last_modified=stamp)
            if stat.st_size > self.settings.max_bytes:
                raise FetchError(target, f"file too large ({stat.st_size:,} bytes; the limit is "
                                         f"{self.settings.max_bytes:,})", transient=False)
            with open(path, "rb") as fh:
                content = fh.read()
        except FileNotFoundError:
            raise FetchError(target, "no such file") from None
        except OSError as exc:
            raise FetchError(target, f"cannot read ({exc.strerror or exc})") from None
        return Fetched(target, 200, content, last_modified=stamp)


def _same_time(header: str, mtime: float) -> bool:
    try:
        return int(parsedate_to_datetime(header).timestamp()) == int(mtime)
    except (TypeError, ValueError):
        return False


def file_url(path: str | os.PathLike[str]) -> str:
    """The file:// URL of a local path (absolute)."""
    return Path(path).expanduser().resolve().as_uri()
