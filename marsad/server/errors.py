"""One JSON shape for every error: {"error": {"status", "code", "message", "details"?}}."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad.errors import MarsadError, StoreError

log = logging.getLogger("marsad.server")

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         409: "conflict", 413: "too_large", 415: "unsupported_media_type", 422: "invalid_request",
         500: "internal_error", 503: "unavailable"}


class ApiError(Exception):
    """An error to answer with: HTTP status, a short code and a message for a person."""

    def __init__(self, status: int, message: str, code: str | None = None, details: Any = None) -> None:
        super().__init__(message)
        self.status, self.message, self.code, self.details = status, message, code or CODES.get(status, "error"), details


def error_body(status: int, message: str, code: str | None = None, details: Any = None) -> dict[str, Any]:
    """The JSON body of an error response."""
    err: dict[str, Any] = {"status": status, "code": code or CODES.get(status, "error"), "message": message}
    if details is not None:
        err["details"] = details
    return {"error": err}


def error_response(status: int, message: str, code: str | None = None, details: Any = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    """A JSON error response in the one shape."""
    return JSONResponse(error_body(status, message, code, details), status_code=status, headers=headers)


def status_of(exc: MarsadError) -> int:
    """The HTTP status for a library error: 404 for a missing fact, 503 for an unusable database, else 400."""
    text = str(exc)
    if isinstance(exc, StoreError):
        if text.startswith("no ") and "in the store" in text:
            return 404
        if "://" in text.split(" ", 1)[0]:
            return 503
    return 400   # ConfigError, InputError, other StoreErrors: the request asked for something wrong


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""

    @app.exception_handler(ApiError)
    async def _api(_req: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(exc.status, exc.message, exc.code, exc.details, headers)

    @app.exception_handler(MarsadError)
    async def _marsad(_req: Request, exc: MarsadError) -> JSONResponse:
        return error_response(status_of(exc), str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_req: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "error")
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_req: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
                   for e in exc.errors()]
        first = details[0] if details else {"where": "", "problem": "invalid request"}
        return error_response(422, f"{first['where']}: {first['problem']}", details=details)

    @app.exception_handler(Exception)
    async def _unexpected(_req: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected error: %s: %s", type(exc).__name__, exc, exc_info=exc)
        return error_response(500, f"internal error ({type(exc).__name__})")


class JSON(JSONResponse):
    """A JSON response with Arabic kept as is, written straight from plain data (no re-encoding pass
    over large results)."""

    def render(self, content: Any) -> bytes:
        import json

        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
