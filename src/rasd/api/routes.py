"""REST endpoints: articles, one article, events, actors, stats, exports, coding sentences, ingest.

Every parameter is typed and bounded, so bad input is a clear 4xx (FastAPI validation) before any
store call. Store access is serialised by a lock: one SQLite connection serves the process.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from enum import Enum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import AfterValidator, BaseModel, Field
from starlette.concurrency import run_in_threadpool

from rasd.actors import get_kb
from rasd.export import EXPORT_FORMATS, stream_rows
from rasd.model import PLOVER_TYPES
from rasd.store import Filters, Page
from rasd.store.types import EVENT_STATUSES

router = APIRouter(prefix="/api")

DATE = r"^\d{4}-\d{2}-\d{2}$"
DOC_ID = r"^[0-9a-f]{16}$"
EventType = Enum("EventType", {t: t for t in PLOVER_TYPES}, type=str)  # type: ignore[misc]


def _real_date(value: str | None) -> str | None:
    """A YYYY-MM-DD that is a day of the calendar (2015-13-45 and 2015-02-30 are refused: 422)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not a real date") from None


RealDate = AfterValidator(_real_date)
Since = Annotated[str | None, Query(pattern=DATE, description="first publication/event date, YYYY-MM-DD"), RealDate]
Until = Annotated[str | None, Query(pattern=DATE, description="last date, YYYY-MM-DD (inclusive)"), RealDate]
PageNo = Annotated[int, Query(ge=1, le=10_000, description="page number, from 1")]
Size = Annotated[int, Query(ge=1, le=200, description="results per page")]


def _store(request: Request):  # noqa: ANN202 - Store protocol
    return request.app.state.settings.store


def _reading(request: Request):  # noqa: ANN202 - a context manager
    return request.app.state.settings.reading()


def _writing(request: Request):  # noqa: ANN202 - a context manager
    return request.app.state.settings.lock


class ArticleHit(BaseModel):
    id: str
    title: str | None
    published: str | None
    source: str | None
    score: float
    snippet: str
    highlights: list[tuple[int, int]] = Field(description="(start, end) spans of the snippet to highlight")


class ArticleList(BaseModel):
    page: int
    size: int
    items: list[ArticleHit]
    more: bool
    total: int | None = Field(None, description="every matching article (with total=true)")


class IngestText(BaseModel):
    text: str = Field(min_length=1, max_length=2_000_000)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    published: Annotated[str | None, Field(default=None, pattern=DATE), RealDate] = None


class CodeSentence(BaseModel):
    id: str | None = Field(default=None, max_length=200, description="your id; default: the position, from 1")
    text: str = Field(min_length=1, max_length=5_000)


class CodeRequest(BaseModel):
    sentences: list[CodeSentence] = Field(min_length=1, max_length=100)
    published: Annotated[
        str | None, Field(default=None, pattern=DATE, description="resolves relative dates (أمس)"), RealDate
    ] = None


def _json(data: Any) -> Response:
    """Plain JSON of data that is JSON already (store rows, documents): skips FastAPI's re-encoding."""
    return Response(json.dumps(data, ensure_ascii=False), media_type="application/json")


def _check_dates(since: str | None, until: str | None) -> None:
    if since and until and since > until:
        raise HTTPException(422, "since must not be after until")


@router.get("/articles", response_model=ArticleList, summary="Search articles (Arabic-aware)")
def articles(
    request: Request,
    q: Annotated[str, Query(max_length=500, description="words, \"a phrase\"; Arabic variants match")] = "",
    since: Since = None,
    until: Until = None,
    source: Annotated[str | None, Query(max_length=200)] = None,
    entity: Annotated[str | None, Query(max_length=100, description="actor code, e.g. IRQGOV")] = None,
    event_type: EventType | None = None,
    page: PageNo = 1,
    size: Size = 20,
    total: Annotated[bool, Query(description="also count every matching article (costs a second query)")] = False,
) -> ArticleList:
    _check_dates(since, until)
    filters = Filters(since=since, until=until, source=source, event_type=event_type.value if event_type else None)
    if entity:
        filters.entity = entity  # type: ignore[attr-defined]
    with _reading(request):
        hits = _store(request).search(q, filters, Page(limit=size + 1, offset=(page - 1) * size)) if q.strip() else _latest(request, filters, page, size)
    items = [
        ArticleHit(id=h.doc_id, title=h.title, published=h.published, source=h.source, score=h.score,
                   snippet=h.snippet, highlights=list(h.highlights))
        for h in hits[:size]
    ]
    count = None
    if total:
        with _reading(request):
            count = _store(request).count_articles(q, filters)
    return ArticleList(page=page, size=size, items=items, more=len(hits) > size, total=count)


def _latest(request: Request, filters: Filters, page: int, size: int) -> list[Any]:
    """Without a query: the newest articles (the store's document listing)."""
    return _store(request).latest(filters, Page(limit=size + 1, offset=(page - 1) * size))


@router.get("/articles/{doc_id}", summary="One article: structure, entities, events",
            response_description="The document as in docs/schema.md")
def article(request: Request, doc_id: Annotated[str, Path(pattern=DOC_ID)]) -> Response:
    with _reading(request):
        doc = _store(request).get(doc_id)
    if doc is None:
        raise HTTPException(404, f"no article {doc_id}")
    return _json(doc.to_dict())


Status = Enum("Status", {t: t for t in (*EVENT_STATUSES, "all")}, type=str)  # type: ignore[misc]


class Reports(str, Enum):
    one = "one"
    all = "all"


class Actors(str, Enum):
    all = "all"
    named = "named"


def _event_filters(
    type: EventType | None = None,
    quad_class: Annotated[int | None, Query(ge=0, le=4)] = None,
    actor: Annotated[
        str | None, Query(max_length=100, description="actor code or its start, either side: TUR finds TURGOV, TURMIL")
    ] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Z]{3}$")] = None,
    place: Annotated[str | None, Query(max_length=200)] = None,
    status: Annotated[
        Status, Query(description="asserted (the default), negated, hypothetical, background, or all")
    ] = Status.asserted,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    reports: Annotated[
        Reports, Query(description="one: one record per event (its first report, with the number of reports); all: every report")
    ] = Reports.one,
    actors: Annotated[
        Actors,
        Query(description="all, or named: only events none of whose actors has a country guessed from its article or outlet"),
    ] = Actors.all,
    since: Since = None,
    until: Until = None,
) -> Filters:
    """The event filters every events endpoint takes (one set: listing, summary, export)."""
    _check_dates(since, until)
    return Filters(
        since=since, until=until, event_type=type.value if type else None, quad_class=quad_class, actor=actor,
        country=country, place=place, status=None if status.value == "all" else status.value, min_confidence=min_confidence,
        copies=reports is Reports.all, named_actors=actors is Actors.named,
    )


@router.get("/events", summary="Events with filters")
def events(
    request: Request,
    filters: Annotated[Filters, Depends(_event_filters)],
    page: PageNo = 1,
    size: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Response:
    with _reading(request):
        rows = request.app.state.settings.events(_store(request), filters, Page(limit=size + 1, offset=(page - 1) * size))
    return _json({"page": page, "size": size, "items": rows[:size], "more": len(rows) > size})


@router.get("/events/summary", summary="Counts over all matching events: total, per type, per day, top pairs and places")
def events_summary(
    request: Request,
    filters: Annotated[Filters, Depends(_event_filters)],
    top: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Response:
    with _reading(request):
        return _json(request.app.state.settings.summary(_store(request), filters, top))


@router.get("/actors", summary="Actors with document and event counts")
def actors(
    request: Request,
    q: Annotated[str | None, Query(max_length=100)] = None,
    since: Since = None,
    until: Until = None,
    size: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    _check_dates(since, until)
    with _reading(request):
        rows = _store(request).actors(Filters(since=since, until=until))
    kb = get_kb()
    for row in rows:  # every code labelled in both languages from the knowledge base
        known = kb.describe_code(row["code"]) if row.get("code") else None
        row["label_ar"] = known["label_ar"] if known else None
        row["label_en"] = known["label_en"] if known else None
    if q:
        needle = q.strip().lower()
        rows = [
            r for r in rows
            if any(needle in (r.get(k) or "").lower() for k in ("code", "name", "label_ar", "label_en"))
        ]
    return {"items": rows[:size], "total": len(rows)}


@router.get("/stats", summary="Counts: documents, duplicates, entities, events, sources")
def stats(request: Request) -> dict[str, Any]:
    with _reading(request):
        return _store(request).stats()


@router.get("/export/{kind}", summary="Stream an export (CSV, JSONL, Parquet, PLOVER JSON)")
def export(
    request: Request,
    kind: Annotated[str, Path(pattern=r"^(documents|events|entities|duplicates)$")],
    filters: Annotated[Filters, Depends(_event_filters)],
    format: Annotated[str, Query(pattern="^(" + "|".join(EXPORT_FORMATS) + ")$")] = "jsonl",
) -> StreamingResponse:
    if format == "plover" and kind != "events":
        raise HTTPException(422, "the PLOVER format is for events only")
    # the same filters as /api/events and `rasd events`; the event attributes apply to the events export
    settings = request.app.state.settings
    store = settings.fresh_store()
    own = store is not settings.shared

    def rows() -> Iterator[dict[str, Any]]:
        try:
            it = store.export(kind, filters)
            while True:
                with settings.reading():
                    batch = [row for _, row in zip(range(500), it, strict=False)]
                if not batch:
                    return
                yield from batch
        finally:
            if own:
                store.close()

    cache: dict[str, Any] = {}

    def doc_of(doc_id: str) -> Any:
        if doc_id not in cache:
            cache.clear()  # events come grouped by document: keep only the current one
            with settings.reading():
                cache[doc_id] = store.get(doc_id)
        return cache[doc_id]

    media, body = stream_rows(rows(), format, kind, doc_of)
    ext = {"jsonl": "jsonl", "csv": "csv", "parquet": "parquet", "plover": "json"}[format]
    return StreamingResponse(
        body, media_type=media, headers={"Content-Disposition": f'attachment; filename="rasd-{kind}.{ext}"'}
    )


def _authorize(request: Request, authorization: str | None) -> None:
    settings = request.app.state.settings
    if not settings.token:
        raise HTTPException(403, "read-only server: start `rasd serve --token ...` to allow ingest")
    given = authorization[7:] if authorization and authorization.lower().startswith("bearer ") else None
    if not settings.token_ok(given):
        raise HTTPException(401, "missing or wrong token", headers={"WWW-Authenticate": "Bearer"})


@router.post("/ingest", summary="Process and store one article (needs the write token)")
def ingest_text(
    request: Request, item: IngestText, authorization: Annotated[str | None, Header()] = None
) -> dict[str, Any]:
    _authorize(request, authorization)
    from rasd.api.ingest import ingest_one

    with _writing(request):
        return ingest_one(_store(request), item.text, title=item.title, url=item.url, published=item.published)


@router.post("/ingest/file", summary="Upload a file (text, HTML, JSON/JSONL, feed) to process and store")
async def ingest_file(
    request: Request, file: UploadFile, authorization: Annotated[str | None, Header()] = None
) -> dict[str, Any]:
    _authorize(request, authorization)
    from rasd.api.ingest import ingest_upload

    max_body = request.app.state.settings.max_body
    if file.size is not None and file.size > max_body:
        raise HTTPException(413, f"file too large (limit {max_body:,} bytes)")

    def store_upload() -> dict[str, Any]:
        with _writing(request):
            # the upload is already spooled to disk by the server: read from there, one record at a time
            return ingest_upload(_store(request), file.filename or "upload.txt", file.file)

    # in a request thread: processing a file takes seconds, and the event loop keeps serving readers
    result = await run_in_threadpool(store_upload)
    if not result["read"]:  # nothing in the file could be read as an article
        result.setdefault("detail", "no article could be read from the file")
        return JSONResponse(result, status_code=422)
    return JSONResponse(result, status_code=207 if result["failed"] else 200)


@router.post("/code", summary="Code sentences into PLOVER/CAMEO events, as `rasd code` does (nothing is stored)")
def code_sentences(request: Request, body: CodeRequest) -> Response:
    """One ``{id, text, events}`` per sentence, the events in the one event shape (docs/schema.md)."""
    from rasd.coder import sentence_coder
    from rasd.export.events import event_dict

    coder = sentence_coder()
    out = []
    for n, item in enumerate(body.sentences, 1):
        sid = item.id or str(n)
        doc = coder(item.text, sid, body.published)
        out.append({"id": sid, "text": doc.text, "events": [event_dict(e, doc) for e in doc.events]})
    return _json(out)
