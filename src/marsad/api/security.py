"""The API's guard rails: security headers, a request-body limit, a last-resort error, the token.

:class:`Guard` is plain ASGI middleware wrapped around everything else, so every response
(static files, 404s, 413s and 500s included) carries the security headers.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Sequence
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad.api.errors import error_response

log = logging.getLogger("marsad.api")

MAX_BODY_BYTES = 2 * 1024 * 1024


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body larger than {limit} bytes")


def content_security_policy(img_sources: Sequence[str] = ()) -> str:
    """Scripts and styles only from this server; images also from ``img_sources`` (a tile server)."""
    images = " ".join(("'self'", "data:", *img_sources))
    return ("default-src 'none'; script-src 'self'; style-src 'self'; "
            f"img-src {images}; connect-src 'self'; font-src 'self'; "
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def security_headers(img_sources: Sequence[str] = ()) -> list[tuple[bytes, bytes]]:
    headers = {
        "content-security-policy": content_security_policy(img_sources),
        "x-content-type-options": "nosniff",
        "x-frame-options": "DENY",
        "referrer-policy": "no-referrer",
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-resource-policy": "same-origin",
        "permissions-policy": "geolocation=(), camera=(), microphone=()",
    }
    return [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]


def tile_origin(url: str | None) -> str | None:
    """``scheme://host[:port]`` of a tile URL template (for the CSP), None without one."""
    if not url:
        return None
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class Guard:
    """Adds the security headers, enforces the body limit, and turns a crash into a JSON 500."""

    def __init__(self, app: ASGIApp, *, max_body: int = MAX_BODY_BYTES, img_sources: Sequence[str] = ()) -> None:
        self.app = app
        self.max_body = max_body
        self.headers = security_headers(img_sources)
        self.names = frozenset(name for name, _ in self.headers)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                # ours replace any of the same name (the app's names are lower case, as ASGI has them)
                kept = [(k, v) for k, v in message.get("headers", ()) if k.lower() not in self.names]
                message["headers"] = [*kept, *self.headers]
            await send(message)

        declared = Headers(scope=scope).get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            too_big = error_response(413, f"request body larger than {self.max_body} bytes")
            await too_big(scope, receive, send_with_headers)
            return
        try:
            await self.app(scope, self._limited(receive), send_with_headers)
        except BodyTooLarge as exc:
            if not started:
                await error_response(413, str(exc.detail))(scope, receive, send_with_headers)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await error_response(500, "internal error; the server log has the details")(
                    scope, receive, send_with_headers)

    def _limited(self, receive: Receive) -> Receive:
        """``receive`` that fails once more than ``max_body`` bytes have arrived (chunked uploads)."""
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        return limited


def check_bearer(authorization: str | None, token: str | None) -> None:
    """Accept ``Authorization: Bearer <token>``; 403 when no token is set, 401 when it is missing or wrong."""
    if not token:
        raise HTTPException(403, "adding articles over the API is disabled: start the server with MARSAD_TOKEN set")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})
