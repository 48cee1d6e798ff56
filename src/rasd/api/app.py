"""The FastAPI application: REST endpoints under /api, the dashboard under /, one process.

Security defaults: read-only unless a write token was given at start-up; request bodies are capped;
errors never carry stack traces to clients; no CORS headers (same-origin only).
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractContextManager, asynccontextmanager, nullcontext
from importlib import resources
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from rasd.api import THREADS
from rasd.api.cache import ResponseCache
from rasd.api.guard import Guard
from rasd.errors import RasdError, StorageFault
from rasd.store import Filters, Page, Store, open_store
from rasd.store.facts import EventFacts

log = logging.getLogger("rasd.api")
MAX_BODY_BYTES = 5 * 1024 * 1024
STATIC_DIR = Path(__file__).resolve().parents[1] / "web" / "static"


SUMMARY_MEMO = 256  # event summaries kept per server process (each a few KB)
FACTS_REFRESH = 30.0  # seconds between reloads of the in-memory event columns while the store changes


class Settings:
    """What the app was started with: the store, the optional write token, the body limit.

    Opened from a path or URL, each server thread reads through its own connection (SQLite and
    PostgreSQL both answer concurrent readers); a ``Store`` object handed in is shared and guarded
    by a lock. Writes always take the lock: one writer per process.
    """

    def __init__(self, db: str | Path | Store, token: str | None, max_body: int) -> None:
        self.url = str(db) if isinstance(db, str | Path) else None
        self.shared: Store | None = None if self.url else db  # type: ignore[assignment]
        self.token = token
        self.max_body = max_body
        self.lock = threading.Lock()
        self._local = threading.local()
        self.summaries: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()  # see remembered()
        self._summaries_lock = threading.Lock()
        self._facts: tuple[tuple[Any, ...], float, EventFacts] | None = None  # see facts()
        self._facts_lock = threading.Lock()
        if self.url:
            _ = self.store  # open now: a bad URL or schema fails at start-up, migrations run once

    @property
    def store(self) -> Store:
        if self.shared is not None:
            return self.shared
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.url)
        return store

    @store.setter
    def store(self, value: Store) -> None:
        self.shared = value

    def reading(self) -> AbstractContextManager[object]:
        """Guard for a read: nothing for per-thread connections, the lock for a shared store."""
        return self.lock if self.shared is not None else nullcontext()

    def remembered(self, key: tuple[Any, ...], compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """An answer kept for ``key`` (the request plus the store's change token), so a dashboard's
        repeated summaries over an archive that did not change cost two index look-ups; the newest
        ``SUMMARY_MEMO`` answers are kept."""
        with self._summaries_lock:
            if key in self.summaries:
                self.summaries.move_to_end(key)
                return self.summaries[key]
        value = compute()
        with self._summaries_lock:
            self.summaries[key] = value
            while len(self.summaries) > SUMMARY_MEMO:
                self.summaries.popitem(last=False)
        return value

    def summary(self, store: Store, filters: Filters, top: int) -> dict[str, Any]:
        """The events summary for ``filters``: remembered per store state; computed from the in-memory
        event columns when they answer these filters (the store's own GROUP BY queries otherwise)."""
        token = store.change_token()

        def compute() -> dict[str, Any]:
            facts = self.facts(store, token) if EventFacts.covers(filters) else None
            return facts.summary(filters, top) if facts is not None else store.event_summary(filters, top)

        return self.remembered((repr(filters), top, token), compute)

    def events(self, store: Store, filters: Filters, page: Page) -> list[dict[str, Any]]:
        """A page of events, as ``Store.events`` lists it; chosen from the in-memory event columns when
        they answer these filters (the store's query otherwise)."""
        facts = self.facts(store, store.change_token()) if EventFacts.covers(filters) else None
        if facts is None:
            return store.events(filters, page)
        return store.events_at(facts.page(filters, page.offset, page.limit))

    def facts(self, store: Store, token: tuple[Any, ...]) -> EventFacts | None:
        """The event columns for store state ``token``: loaded on first use, again after a change — but
        not more often than every ``FACTS_REFRESH`` seconds while an ingest keeps changing the store (in
        between, None: the store answers)."""
        with self._facts_lock:
            held = self._facts
            if held is not None and held[0] == token:
                return held[2]
            if held is not None and time.monotonic() - held[1] < FACTS_REFRESH:
                return None
            facts = EventFacts(store.event_facts())
            if store.change_token() != token:  # written to while loading: not this state's columns
                return None
            self._facts = (token, time.monotonic(), facts)
            return facts

    def warm(self) -> None:
        """Load the event columns now (at start-up) rather than on the first summary asked for."""
        with self.reading():
            store = self.store
            self.facts(store, store.change_token())

    def fresh_store(self) -> Store:
        """A connection of its own, for long streams (exports) that outlive one request thread."""
        return open_store(self.url) if self.url else self.store

    def token_ok(self, given: str | None) -> bool:
        """Constant-time comparison on bytes, so any header (non-ASCII included) is just a wrong token."""
        if not self.token or given is None:
            return False
        return secrets.compare_digest(given.encode("utf-8", "surrogateescape"), self.token.encode("utf-8"))


# The API reference: Swagger UI's files from the fastapi-offline wheel (MIT; Swagger UI itself Apache-2.0),
# served by this server (no CDN) and started by /static/api-docs.js (no inline script), so the page
# renders under the same Content-Security-Policy as every other one.
SWAGGER_UI_DIR = str(resources.files("fastapi_offline").joinpath("static"))
API_DOCS_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>rasd API</title>
<link rel="icon" href="/static/favicon.svg">
<link rel="stylesheet" href="/static/swagger-ui/swagger-ui.css">
</head><body><div id="swagger-ui"></div>
<script src="/static/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/static/api-docs.js"></script>
</body></html>
"""


def create_app(
    db: str | Path | Store, *, token: str | None = None, max_body: int = MAX_BODY_BYTES, cache: bool = True,
    threads: int = THREADS,
) -> FastAPI:
    """Build the app over a store (a path/URL or an open ``Store``); ``token`` enables write endpoints;
    ``cache`` keeps responses for repeated requests until the store changes (``api.cache``); ``threads``
    is how many requests compute at once (see ``THREADS``)."""
    if threads < 1:
        raise ValueError("threads must be at least 1")

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # the limiter belongs to the running event loop: set it once the loop runs
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="rasd API",
        description="Arabic news archive and PLOVER/CAMEO events: search, articles, events, actors, exports.",
        version="1",
        docs_url=None,  # served below from vendored Swagger UI: FastAPI's page loads it from a CDN
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = Settings(db, token, max_body)

    app.add_middleware(Guard, max_body=max_body)  # inside the cache: a remembered answer keeps its headers

    @app.exception_handler(RasdError)
    async def user_error(_request: Request, exc: RasdError) -> JSONResponse:
        # a storage fault (disk full, read-only, locked) is the server's state, not the request's fault
        return JSONResponse({"detail": str(exc)}, status_code=503 if isinstance(exc, StorageFault) else 400)

    @app.exception_handler(RequestValidationError)
    async def bad_params(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for e in exc.errors():
            where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body"))
            problems.append(f"{where}: {e.get('msg', 'invalid')}")
        return JSONResponse({"detail": "; ".join(problems) or "invalid request"}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def internal(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error", exc_info=exc)
        return JSONResponse({"detail": "internal error"}, status_code=500)

    from rasd.api.routes import router
    from rasd.web.pages import router as pages

    @app.get("/api/docs", include_in_schema=False)
    async def api_docs() -> HTMLResponse:
        return HTMLResponse(API_DOCS_HTML)

    def store_state() -> tuple[Any, ...]:
        settings = app.state.settings
        with settings.reading():
            return settings.store.change_token()

    app.add_middleware(ResponseCache, token=store_state, enabled=cache)  # outermost: keeps the final headers
    app.include_router(router)
    app.include_router(pages)
    app.mount("/static/swagger-ui", StaticFiles(directory=SWAGGER_UI_DIR), name="swagger-ui")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def app_from_env() -> FastAPI:
    """App factory for multi-process serving (``rasd serve --workers N``): settings from RASD_DB, RASD_TOKEN,
    RASD_MAX_BODY, RASD_CACHE and RASD_THREADS."""
    max_body = int(os.environ.get("RASD_MAX_BODY") or MAX_BODY_BYTES)
    app = create_app(os.environ.get("RASD_DB", "rasd.db"), token=os.environ.get("RASD_TOKEN") or None,
                     max_body=max_body, cache=os.environ.get("RASD_CACHE", "1") != "0",
                     threads=int(os.environ.get("RASD_THREADS") or THREADS))
    app.state.settings.warm()
    return app
