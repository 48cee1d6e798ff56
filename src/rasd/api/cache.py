"""Whole responses kept for the store state they were computed from.

An archive is read far more often than it is written: the same search, events page or actor page is
asked for again and again between two ingests. This ASGI middleware keeps the complete response (status,
headers, body) of a GET on the listed paths, keyed by the request (path, query, cookies, language
header) and the store's change token, which every committed write bumps; a request for the same thing in
the same store state is answered from memory. Bounded by bytes (least recently used first out); a
response that sets a cookie, is not 200, or streams is never kept.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

CACHED_PATHS = ("/api/articles", "/api/events", "/api/actors", "/api/stats", "/actor/", "/article/")
MAX_BYTES = 64 * 1024 * 1024  # per server process
MAX_ITEM = 2 * 1024 * 1024  # larger responses are computed each time

Scope = dict[str, Any]
Message = dict[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]


class ResponseCache:
    """ASGI middleware: answers repeated GETs of ``CACHED_PATHS`` from memory while the store is unchanged.

    ``token`` returns the store's change token (``Store.change_token``); ``enabled`` can turn the cache
    off (``rasd serve --no-cache``, benchmarks).
    """

    def __init__(self, app: ASGIApp, token: Callable[[], tuple[Any, ...]], max_bytes: int = MAX_BYTES,
                 enabled: bool = True) -> None:
        self.app = app
        self.token = token
        self.max_bytes = max_bytes
        self.enabled = enabled
        self.items: OrderedDict[tuple[Any, ...], tuple[Message, bytes]] = OrderedDict()
        self.size = 0
        self.state: tuple[Any, ...] | None = None  # the store state the kept responses belong to

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if not self.enabled or scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(CACHED_PATHS):
            await self.app(scope, receive, send)
            return
        state = self.token()
        if state != self.state:  # the store changed: nothing kept is right any more
            self.clear()
            self.state = state
        headers = dict(scope.get("headers") or [])
        key = (scope["path"], scope.get("query_string", b""), headers.get(b"cookie"), headers.get(b"accept-language"))
        held = self.items.get(key)
        if held is not None:
            self.items.move_to_end(key)
            start, body = held
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        start_msg: Message = {}
        chunks: list[bytes] = []
        keep = True

        async def capture(message: Message) -> None:
            nonlocal keep, start_msg
            if message["type"] == "http.response.start":
                start_msg = message
                keep = message["status"] == 200 and not any(k.lower() == b"set-cookie" for k, _ in message.get("headers", []))
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                if sum(map(len, chunks)) > MAX_ITEM:
                    keep = False
                    chunks.clear()
                elif not message.get("more_body", False):
                    self._put(key, start_msg, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)

    def _put(self, key: tuple[Any, ...], start: Message, body: bytes) -> None:
        if key in self.items:
            return
        self.items[key] = (start, body)
        self.size += len(body)
        while self.size > self.max_bytes and self.items:
            _, (_, old) = self.items.popitem(last=False)
            self.size -= len(old)

    def clear(self) -> None:
        self.items.clear()
        self.size = 0
