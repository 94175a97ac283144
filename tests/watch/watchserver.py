"""A real HTTP server on loopback for the observatory's tests: routes written by the tests, with
conditional GET (ETag, Last-Modified), and misbehaving routes (slow, 500, redirect loop, huge)."""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Route:
    """What a path answers."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0            # seconds before answering (a slow server)
    redirect: str | None = None   # answer 302 to this path
    validators: bool = True       # send ETag / Last-Modified and honour conditional GET
    mtime: float = field(default_factory=time.time)


class Site:
    """A loopback web site; `hits[path]` counts requests, `conditional[path]` the 304s answered."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.not_modified: dict[str, int] = {}
        self.posted: list[bytes] = []
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                with site.lock:
                    site.posted.append(self.rfile.read(length))
                self.send_response(204)
                self.end_headers()

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                with site.lock:
                    site.hits[path] = site.hits.get(path, 0) + 1
                route = site.routes.get(path)
                if route is None:
                    self.send_error(404)
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.redirect:
                    self.send_response(302)
                    self.send_header("Location", route.redirect)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.status != 200:
                    self.send_response(route.status)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                etag = '"' + hashlib.sha1(route.body).hexdigest()[:12] + '"'
                modified = formatdate(route.mtime, usegmt=True)
                if route.validators and (self.headers.get("If-None-Match") == etag
                                         or self.headers.get("If-Modified-Since") == modified):
                    with site.lock:
                        site.not_modified[path] = site.not_modified.get(path, 0) + 1
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                if route.validators:
                    self.send_header("ETag", etag)
                    self.send_header("Last-Modified", modified)
                self.end_headers()
                try:
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base(self) -> str:
        """http://127.0.0.1:PORT"""
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        """The absolute URL of a path."""
        return self.base + path

    def put(self, path: str, body: str | bytes, **kw: Any) -> None:
        """Serve `body` at `path` (replacing what was there: a new ETag and date)."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, mtime=time.time() + len(self.routes), **kw)

    def start(self) -> "Site":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def page(title: str, body: str, *, published: str, site_name: str = "صحيفة الاختبار") -> str:
    """An article page in Arabic with Open Graph metadata."""
    paras = "\n".join(f"<p>{p}</p>" for p in body.strip().split("\n") if p.strip())
    return f"""<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title} | {site_name}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site_name}">
<meta property="article:published_time" content="{published}">
</head><body>
<nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav>
<article><h1>{title}</h1>
{paras}
</article>
<footer>جميع الحقوق محفوظة</footer>
</body></html>"""


def rss(base: str, items: list[tuple[str, str, str]], *, title: str = "أخبار الاختبار") -> str:
    """An RSS 2.0 feed of (path, title, RFC 822 date) items."""
    entries = "".join(f"<item><title>{t}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
                      f"<pubDate>{d}</pubDate></item>" for p, t, d in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>{base}/</link><description>اختبار</description>{entries}</channel></rss>")


def atom(base: str, items: list[tuple[str, str, str]]) -> str:
    """An Atom feed of (path, title, ISO date) items."""
    entries = "".join(f'<entry><title>{t}</title><link href="{base}{p}"/><id>{base}{p}</id>'
                      f"<updated>{d}</updated></entry>" for p, t, d in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>أخبار</title><id>{base}/</id><updated>2017-03-12T10:00:00Z</updated>{entries}</feed>")


def sitemap(base: str, paths: list[str]) -> str:
    """A sitemap urlset of the paths."""
    urls = "".join(f"<url><loc>{base}{p}</loc><lastmod>2017-03-12</lastmod></url>" for p in paths)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
