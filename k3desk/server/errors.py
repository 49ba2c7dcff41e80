"""One error shape for every answer: ``{"error": {"code", "message", ...}}``.

Handlers here turn FastAPI's and Starlette's own errors into that shape, map JSON
syntax errors to 400 and other validation errors to 422, and catch anything
unexpected as a logged 500 without a stack trace in the body (a bug, never input).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as SATimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

from k3desk.domain.errors import K3Error, NotFoundError, PermissionDenied

log = logging.getLogger("k3desk.server")

_STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                 405: "method_not_allowed", 409: "conflict", 410: "gone",
                 413: "too_large", 415: "unsupported_media_type", 422: "invalid",
                 429: "throttled", 503: "unavailable"}


class ApiError(Exception):
    """An answer other than 2xx, raised from anywhere below a route."""

    def __init__(self, status: int, code: str, message: str, *,
                 headers: dict[str, str] | None = None, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
        self.extra = extra


def error_response(status: int, code: str, message: str, *,
                   headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    body.update({k: v for k, v in extra.items() if v is not None})
    return JSONResponse({"error": jsonable_encoder(body)}, status_code=status, headers=headers)


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, headers=exc.headers, **exc.extra)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _STATUS_CODES.get(exc.status_code, "error")
    message = exc.detail if isinstance(exc.detail, str) else code
    return error_response(exc.status_code, code, message,
                          headers=getattr(exc, "headers", None))


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return error_response(400, "malformed_json", "the request body is not valid JSON")
    details = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")),
                "type": str(e.get("type", ""))} for e in errors[:20]]
    first = details[0] if details else {"loc": [], "msg": "invalid request"}
    field = ".".join(first["loc"][1:]) or None
    return error_response(422, "invalid", f"{'.'.join(first['loc'])}: {first['msg']}",
                          field=field, details=details)


async def _k3_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, K3Error)
    if isinstance(exc, NotFoundError):
        return error_response(404, "not_found", exc.message)
    if isinstance(exc, PermissionDenied):
        return error_response(403, "forbidden", exc.message)
    return error_response(422, "invalid", exc.message, field=exc.field)


async def _database_unavailable(_request: Request, exc: Exception) -> JSONResponse:
    log.warning("database unavailable: %s", str(exc).splitlines()[0] if str(exc) else exc)
    return error_response(503, "unavailable", "the database is busy or unreachable; retry",
                          headers={"Retry-After": "5"})


async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    return error_response(500, "internal", "internal server error")


class RefuseNul:
    """ASGI middleware: a NUL character in the path or query is a 422, answered before
    any route (PostgreSQL cannot compare or store text holding one)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope.get("type") == "http":
            query = scope.get("query_string", b"")
            path = scope.get("path", "")
            if b"%00" in query or b"\x00" in query or "\x00" in path:
                response = error_response(422, "invalid",
                                          "the address must not contain NUL characters")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(K3Error, _k3_error)
    for db_error in (OperationalError, InterfaceError, SATimeoutError):
        app.add_exception_handler(db_error, _database_unavailable)
    app.add_exception_handler(Exception, _unexpected)
    app.add_middleware(RefuseNul)
