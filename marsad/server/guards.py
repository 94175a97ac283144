"""Request guards: the body-size limit (a pure ASGI middleware), token authentication for writes,
and security headers on every response."""

from __future__ import annotations

import hmac
import json
from typing import Any

from fastapi import Request
from starlette.exceptions import HTTPException

from marsad.server.errors import ApiError, error_body

#: Headers on every response: no sniffing, no referrer, and a page may load only from this server.
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
     b"connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
     b"form-action 'self'"),
]


class BodyTooLarge(HTTPException):
    """A request body went past the limit while it was read (an HTTP 413, so that FastAPI passes it on)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {limit} bytes")


class Guard:
    """ASGI middleware: refuses bodies over `max_body` bytes (by Content-Length, and while streaming)
    with the one error shape, and adds the security headers to every response."""

    def __init__(self, app: Any, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await self._refuse(send)
            return
        received = 0
        started = False

        async def limited() -> dict[str, Any]:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        async def secured(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers") or [])
                names = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, limited, secured)
        except BodyTooLarge:
            if not started:
                await self._refuse(secured)

    async def _refuse(self, send: Any) -> None:
        body = json.dumps(error_body(413, f"the request body is larger than {self.max_body} bytes")).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
                    + SECURITY_HEADERS})
        await send({"type": "http.response.body", "body": body})


def require_token(request: Request) -> None:
    """Dependency of the write endpoints: when the server has a token, the request must carry it
    (`Authorization: Bearer TOKEN` or `X-Marsad-Token: TOKEN`)."""
    token: str | None = request.app.state.config.token
    if not token:
        return
    given = request.headers.get("x-marsad-token") or ""
    auth = request.headers.get("authorization") or ""
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given:
        raise ApiError(401, "this endpoint writes to the store: send the server's token "
                            "(Authorization: Bearer TOKEN)")
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiError(403, "the token is not the server's token")
