"""One JSON shape for every error: ``{"error": {"code": "...", "message": "..."}}``.

Handlers turn HTTP errors, validation errors and Marsad's own errors into that shape;
anything else is caught by :class:`marsad.api.security.Guard` and becomes a 500 with a
generic message (the traceback goes to the server log, never to the client).
"""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad.errors import InputError, MarsadError, StoreError

#: error codes by HTTP status (others: the status phrase in snake case)
CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         413: "payload_too_large", 415: "unsupported_media_type", 422: "invalid_request",
         500: "internal_error", 503: "unavailable"}


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def error_response(status: int, message: str, code: str | None = None,
                   headers: Mapping[str, str] | None = None) -> JSONResponse:
    """A JSON error response of ``status``."""
    return JSONResponse(error_body(code or status_code(status), message), status_code=status,
                        headers=dict(headers) if headers else None)


def status_code(status: int) -> str:
    """The error code of an HTTP status (``404`` → ``not_found``)."""
    if status in CODES:
        return CODES[status]
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return "error"


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    return error_response(exc.status_code, message, headers=exc.headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, validation_message(exc.errors()))


async def _marsad_error(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, StoreError):
        return error_response(503, "the event store is not available now; try again later")
    if isinstance(exc, InputError):
        return error_response(422, exc.problem)
    return error_response(400, str(exc))


def validation_message(errors: Any) -> str:
    """One line naming each invalid parameter and why (values are not echoed back)."""
    parts = []
    for error in list(errors)[:10]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "body", "path", "header"))
        message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(MarsadError, _marsad_error)
