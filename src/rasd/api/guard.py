"""Request-size limits and security headers, as plain ASGI middleware.

Every response gets the same headers (no sniffing, no referrer, a strict Content-Security-Policy, no
framing); a request whose declared body is over the limit is refused before it is read (413), a bad
Content-Length is 400, and a chunked upload without a length is 411. Plain ASGI rather than Starlette's
``BaseHTTPMiddleware``: that one runs every request through a task group and memory streams, which costs
more than a remembered answer itself.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none';"
     b" frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
    (b"x-frame-options", b"DENY"),
]
_SET = {name for name, _ in SECURITY_HEADERS}


class Guard:
    """ASGI middleware: refuses oversized or unmeasured bodies, adds ``SECURITY_HEADERS`` to every answer."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _SET]
                message = {**message, "headers": kept + SECURITY_HEADERS}
            await send(message)

        refusal = self.refusal(scope)
        if refusal is not None:
            status, detail = refusal
            body = json.dumps({"detail": detail}).encode()
            await with_headers({"type": "http.response.start", "status": status, "headers": [
                (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, with_headers)

    def refusal(self, scope: Scope) -> tuple[int, str] | None:
        """(status, reason) for a request refused on its headers alone; None to serve it."""
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_body
            except ValueError:
                return 400, "bad Content-Length header"
            return (413, f"request body over {self.max_body:,} bytes") if too_big else None
        if scope["method"] in ("POST", "PUT", "PATCH") and b"chunked" in headers.get(b"transfer-encoding", b""):
            return 411, "a Content-Length header is required"
        return None
