"""The dashboard's pages: search, article, events explorer, ingest. Server-rendered, right-to-left.

Article text is untrusted: it only ever reaches the page through Jinja2's autoescaping (and the
charts' data through JSON fetched by a same-origin script that writes text, never HTML).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from rasd.model import Document
from rasd.store import Filters, Page
from rasd.web.i18n import LANGS, labels

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
# embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): in a title or name they can
# reorder what follows on the page ("Trojan source"); the letters' own direction needs none of them
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def bidi_safe(value: object) -> str:
    """Text for display with bidi controls removed (shown inside ``<bdi>`` by the templates)."""
    return _BIDI_CONTROLS.sub("", "" if value is None else str(value))


TEMPLATES.env.filters["bidi"] = bidi_safe
router = APIRouter(include_in_schema=False)
PAGE_SIZE = 20
_DATE = r"^(\d{4}-\d{2}-\d{2})?$"


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get("lang") or "ar"
    return lang if lang in LANGS else "ar"


def _render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    lang = _lang(request)
    # the language switch keeps the page's query (search, filters), changing only the language
    query = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    switch_query = urlencode([*query, ("lang", "en" if lang == "ar" else "ar")])
    response = TEMPLATES.TemplateResponse(
        request, name,
        {"t": labels(lang), "lang": lang, "dir": "rtl" if lang == "ar" else "ltr", "switch_query": switch_query, **context},
        status_code=status_code,
    )
    if request.query_params.get("lang") in LANGS:
        response.set_cookie("lang", lang, samesite="strict", httponly=True)
    return response


def _store(request: Request):  # noqa: ANN202 - Store protocol
    return request.app.state.settings.store


def snippet_pieces(snippet: str, highlights: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """Split a snippet into (text, highlighted) pieces; the template escapes each piece."""
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for a, b in sorted(highlights):
        a, b = max(a, pos), min(b, len(snippet))
        if a >= b:
            continue
        if a > pos:
            pieces.append((snippet[pos:a], False))
        pieces.append((snippet[a:b], True))
        pos = b
    if pos < len(snippet):
        pieces.append((snippet[pos:], False))
    return pieces


def article_view(doc: Document) -> list[dict[str, Any]]:
    """Blocks → sentences → pieces, each piece plain text or an entity mention (for highlighting)."""
    mentions = sorted(
        ((m.start, m.end, e) for e in doc.entities for m in e.mentions), key=lambda x: (x[0], -x[1])
    )
    evented = {ev.sentence.start for ev in doc.events}
    # each event's trigger, marked in its sentence: (start, end, type, the event's index among the cards)
    triggers = sorted((ev.trigger.start, ev.trigger.end, ev.type, k) for k, ev in enumerate(doc.events))
    blocks = []
    for i, block in enumerate(doc.blocks):
        spans = [(s.start, s.end) for s in doc.sentences if s.block == i] or [(block.start, block.end)]
        parts = []
        pos = block.start
        for a, b in spans:
            if a > pos:
                parts.append({"sentence": None, "pieces": [{"text": doc.text[pos:a]}]})
            pieces = _marked(doc.text, _pieces(doc.text, a, b, mentions), a, triggers)
            parts.append({"sentence": a, "event": a in evented, "pieces": pieces})
            pos = b
        if pos < block.end:
            parts.append({"sentence": None, "pieces": [{"text": doc.text[pos:block.end]}]})
        blocks.append({"kind": block.kind, "parts": parts})
    return blocks


def _marked(
    text: str, pieces: list[dict[str, Any]], start: int, triggers: list[tuple[int, int, str, int]]
) -> list[dict[str, Any]]:
    """Split the plain pieces of a sentence (starting at ``start``) at its events' triggers, which
    become pieces of their own with the event's type and index (an entity piece is left whole)."""
    out: list[dict[str, Any]] = []
    pos = start
    for piece in pieces:
        end = pos + len(piece["text"])
        if piece.get("type"):
            out.append(piece)
        else:
            at = pos
            for a, b, etype, k in triggers:
                if a < at or b > end or a >= b:
                    continue
                if a > at:
                    out.append({"text": text[at:a]})
                out.append({"text": text[a:b], "trigger": etype, "event": k})
                at = b
            if at < end:
                out.append({"text": text[at:end]})
        pos = end
    return out


def _pieces(text: str, a: int, b: int, mentions: list[tuple[int, int, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    pos = a
    for start, end, ent in mentions:
        if start < pos or start >= b:
            continue
        end = min(end, b)
        if start > pos:
            out.append({"text": text[pos:start]})
        hover = " · ".join(x for x in (ent.code, ent.office, ent.kind, ent.name) if x)
        out.append({"text": text[start:end], "type": ent.type, "hover": hover, "entity": ent.id})
        pos = end
    if pos < b:
        out.append({"text": text[pos:b]})
    return out


@router.get("/", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    since: Annotated[str, Query(pattern=_DATE)] = "",
    until: Annotated[str, Query(pattern=_DATE)] = "",
    source: Annotated[str, Query(max_length=200)] = "",
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> HTMLResponse:
    filters = Filters(since=since or None, until=until or None, source=source or None)
    window = Page(limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
    store = _store(request)
    with request.app.state.settings.reading():
        hits = store.search(q, filters, window) if q.strip() else store.latest(filters, window)
        stats = store.stats()
        total = store.count_articles(q, filters)  # "1,234 articles · showing 21–40"
    results = [
        {"hit": h, "pieces": snippet_pieces(h.snippet, list(h.highlights))} for h in hits[:PAGE_SIZE]
    ]
    first = (page - 1) * PAGE_SIZE + 1
    return _render(
        request, "search.html", q=q, since=since, until=until, source=source, page=page,
        results=results, more=len(hits) > PAGE_SIZE, stats=stats, total=total,
        shown=f"{first:,}–{first + len(results) - 1:,}" if results else "0",
    )


@router.get("/article/{doc_id}", response_class=HTMLResponse)
def article_page(request: Request, doc_id: str) -> HTMLResponse:
    with request.app.state.settings.reading():
        doc = _store(request).get(doc_id) if len(doc_id) == 16 else None
    if doc is None:
        return _render(request, "missing.html", status_code=404, doc_id=doc_id)  # a page that says so, and 404
    return _render(request, "article.html", doc=doc, blocks=article_view(doc))


_CODE = re.compile(r"[A-Z]{3}[A-Z0-9]{0,9}")  # an actor code: country or international actor, then sectors


@router.get("/actor/{code}", response_class=HTMLResponse)
def actor_page(request: Request, code: str) -> HTMLResponse:
    """An actor code: its names in both languages, who held its offices when, and its events as source
    and as target (per type and over time) with its main counterparts."""
    from rasd.actors import get_kb

    code = code.upper()
    known = get_kb().describe_code(code) if _CODE.fullmatch(code) else None
    sides = {}
    if _CODE.fullmatch(code):
        settings = request.app.state.settings
        with settings.reading():
            store = _store(request)
            for side in ("source", "target"):
                sides[side] = settings.summary(store, Filters(actor=code, actor_side=side, status="asserted", copies=False), 10)
    if known is None and not any(v["total"] for v in sides.values()):
        return _render(request, "missing.html", status_code=404, doc_id=code)
    months: dict[str, dict[str, int]] = {}
    for side, summary in sides.items():
        for row in summary["timeline"]:
            months.setdefault(row["date"][:7], {"source": 0, "target": 0})[side] += row["count"]
    counterparts: dict[str, int] = {}
    for side, other in (("source", "target"), ("target", "source")):
        for pair in sides[side]["pairs"]:
            for c in pair[other].split(";"):
                if c and not c.startswith(code):
                    counterparts[c] = counterparts.get(c, 0) + pair["count"]
    return _render(
        request, "actor.html", code=code, known=known, sides=sides, months=sorted(months.items()),
        counterparts=sorted(counterparts.items(), key=lambda kv: (-kv[1], kv[0]))[:10],
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    return _render(request, "events.html")


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request) -> HTMLResponse:
    return _render(request, "ingest.html", writable=bool(request.app.state.settings.token))


@router.get("/favicon.ico")
def favicon() -> RedirectResponse:
    return RedirectResponse("/static/favicon.svg")
