"""Every REST endpoint, its bad parameters, the write token, escaping and error hygiene."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from rasd.api.app import create_app
from tests.api_fixtures import XSS_TITLE, build_db

TOKEN = "test-token-123"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("api") / "api.db"
    return path, build_db(path)


@pytest.fixture()
def client(db: tuple[Path, dict[str, str]]) -> TestClient:
    return TestClient(create_app(db[0], token=TOKEN))


@pytest.fixture()
def readonly(db: tuple[Path, dict[str, str]]) -> TestClient:
    return TestClient(create_app(db[0]))


def test_stats(client: TestClient) -> None:
    body = client.get("/api/stats").json()
    assert body["documents"] == 3
    assert body["events"] >= 2


@pytest.mark.parametrize("query", ["اردوغان", "أردوغان", "إردوغان", "والكاظمي"])
def test_search_variants_and_highlights(client: TestClient, db: tuple[Path, dict[str, str]], query: str) -> None:
    body = client.get("/api/articles", params={"q": query}).json()
    assert [item["id"] for item in body["items"]] == [db[1]["seed"]]
    item = body["items"][0]
    assert item["highlights"], "a hit must say what to highlight"
    for a, b in item["highlights"]:
        assert 0 <= a < b <= len(item["snippet"])


def test_search_filters_and_listing(client: TestClient, db: tuple[Path, dict[str, str]]) -> None:
    assert client.get("/api/articles", params={"q": "الكاظمي", "since": "2022-02-01"}).json()["items"] == []
    listing = client.get("/api/articles", params={"size": 2}).json()
    assert len(listing["items"]) == 2 and listing["more"] is True
    page2 = client.get("/api/articles", params={"size": 2, "page": 2}).json()
    assert len(page2["items"]) == 1 and page2["more"] is False
    with_assault = client.get("/api/articles", params={"event_type": "ASSAULT"}).json()["items"]
    assert [i["id"] for i in with_assault] == [db[1]["coded"]]
    with_pkk = client.get("/api/articles", params={"entity": "PKKREB"}).json()["items"]
    assert [i["id"] for i in with_pkk] == [db[1]["coded"]]
    only_evil = client.get("/api/articles", params={"source": "evil"}).json()["items"]
    assert [i["id"] for i in only_evil] == [db[1]["xss"]]
    # total=true counts every match, as the search page shows it; without it the total is not computed
    assert listing["total"] is None
    assert client.get("/api/articles", params={"size": 2, "total": "true"}).json()["total"] == 3
    kazimi = client.get("/api/articles", params={"q": "الكاظمي", "total": "true"}).json()
    assert kazimi["total"] == len(kazimi["items"]) >= 1
    page = client.get("/", params={"q": "الكاظمي"}).text
    assert f'data-count="{kazimi["total"]}"' in page


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"since": "yesterday"}, "since"),
        ({"size": 0}, "size"),
        ({"size": 10_000}, "size"),
        ({"page": 0}, "page"),
        ({"event_type": "PICNIC"}, "event_type"),
        ({"since": "2022-02-01", "until": "2022-01-01"}, "since must not be after until"),
        ({"q": "x" * 600}, "q"),
    ],
)
def test_articles_bad_parameters(client: TestClient, params: dict, fragment: str) -> None:
    r = client.get("/api/articles", params=params)
    assert r.status_code == 422
    assert fragment in r.json()["detail"]


def test_hostile_queries_never_break(client: TestClient) -> None:
    for q in ['"', "*", "NEAR(", "'); DROP TABLE documents; --", "OR AND NOT", "^", "a:b", "(((", "\\"]:
        assert client.get("/api/articles", params={"q": q}).status_code == 200
    assert client.get("/api/stats").json()["documents"] == 3


def test_article(client: TestClient, db: tuple[Path, dict[str, str]]) -> None:
    doc = client.get(f"/api/articles/{db[1]['coded']}").json()
    assert doc["id"] == db[1]["coded"]
    assert {(e["actor"] or {}).get("code") for e in doc["entities"]} >= {"TURMIL", "PKKREB"}
    assert [e["type"] for e in doc["events"]] == ["ASSAULT", "CONSULT"]
    assert client.get("/api/articles/0123456789abcdef").status_code == 404
    bad = client.get("/api/articles/not-an-id")
    assert bad.status_code == 422 and "doc_id" in bad.json()["detail"]


def test_events_filters(client: TestClient) -> None:
    all_events = client.get("/api/events").json()["items"]
    assert {e["type"] for e in all_events} >= {"ASSAULT", "CONSULT"}
    assault = client.get("/api/events", params={"type": "ASSAULT"}).json()["items"]
    assert assault and all(e["type"] == "ASSAULT" for e in assault)
    quad4 = client.get("/api/events", params={"quad_class": 4}).json()["items"]
    assert quad4 and all(e["quad_class"] == 4 for e in quad4)
    by_actor = client.get("/api/events", params={"actor": "PKKREB"}).json()["items"]
    assert [e["type"] for e in by_actor] == ["ASSAULT"]
    by_country = client.get("/api/events", params={"country": "IRQ"}).json()["items"]
    assert by_country and all("IRQ" in json.dumps(e) for e in by_country)
    in_range = client.get("/api/events", params={"since": "2022-01-25", "until": "2022-01-25"}).json()["items"]
    assert in_range and all(e["date"] == "2022-01-25" for e in in_range)
    for params in ({"quad_class": 9}, {"country": "iraq"}, {"type": "HUG"}, {"size": 0}):
        r = client.get("/api/events", params=params)
        assert r.status_code == 422 and r.json()["detail"]


def test_actors(client: TestClient) -> None:
    items = client.get("/api/actors").json()["items"]
    codes = {i["code"] for i in items}
    assert {"TURMIL", "PKKREB"} <= codes
    assert all(i["documents"] >= 1 for i in items)
    by_code = {i["code"]: i for i in items}
    assert by_code["PKKREB"]["events"] == 1 and by_code["TURMIL"]["events"] == 1
    assert {i["code"] for i in client.get("/api/actors", params={"q": "pkk"}).json()["items"]} == {"PKKREB"}


def test_exports(client: TestClient) -> None:
    jsonl = client.get("/api/export/events", params={"format": "jsonl"})
    assert jsonl.status_code == 200
    rows = [json.loads(line) for line in jsonl.text.splitlines()]
    assert {r["type"] for r in rows} >= {"ASSAULT", "CONSULT"}
    text = client.get("/api/export/events", params={"format": "csv"}).content.decode("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text)))
    assert len(table) == len(rows)
    parquet = pq.read_table(io.BytesIO(client.get("/api/export/events", params={"format": "parquet"}).content))
    assert parquet.num_rows == len(rows)
    only_assault = client.get("/api/export/events", params={"format": "jsonl", "type": "ASSAULT"}).text.splitlines()
    assert [json.loads(line)["type"] for line in only_assault] == ["ASSAULT"]
    by_actor = client.get("/api/export/events", params={"format": "jsonl", "actor": "PKKREB"}).text.splitlines()
    assert [json.loads(line)["type"] for line in by_actor] == ["ASSAULT"]
    assert {json.loads(line)["type"] for line in client.get(
        "/api/export/events", params={"format": "jsonl", "quad_class": 4}).text.splitlines()} == {"ASSAULT"}
    plover = client.get("/api/export/events", params={"format": "plover"}).json()
    assert {p["event"][0] for p in plover} >= {"ASSAULT", "CONSULT"}
    docs = pq.read_table(io.BytesIO(client.get("/api/export/documents", params={"format": "parquet"}).content))
    assert docs.num_rows == 3 and "title" in docs.column_names
    assert client.get("/api/export/documents", params={"format": "plover"}).status_code == 422
    assert client.get("/api/export/secrets").status_code == 422
    assert client.get("/api/export/events", params={"format": "xlsx"}).status_code == 422


def test_ingest_needs_token(client: TestClient, readonly: TestClient) -> None:
    body = {"text": "وصل وزير الخارجية المصري إلى عمان اليوم في زيارة رسمية.", "title": "زيارة"}
    assert readonly.post("/api/ingest", json=body).status_code == 403
    assert client.post("/api/ingest", json=body).status_code == 401
    assert client.post("/api/ingest", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200, ok.text
    assert ok.json()["new"] == 1
    doc_id = ok.json()["ids"][0]
    assert client.get(f"/api/articles/{doc_id}").json()["title"] == "زيارة"
    again = client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert again["new"] == 0  # idempotent
    empty = client.post("/api/ingest", json={"text": ""}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert empty.status_code == 422


def test_ingest_file_upload(client: TestClient) -> None:
    data = "عنوان الخبر\nالرياض - واس: أعلنت وزارة الصحة اليوم عن حملة تطعيم جديدة في المدارس.".encode("cp1256")
    r = client.post("/api/ingest/file", files={"file": ("news.txt", data, "text/plain")},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    assert r.json()["new"] == 1
    doc = client.get(f"/api/articles/{r.json()['ids'][0]}").json()
    assert doc["dateline"]["source"] == "واس"


def test_request_threads_are_limited_as_asked(db: tuple[Path, dict[str, str]]) -> None:
    import anyio.to_thread

    for threads in (1, 3):
        with TestClient(create_app(db[0], threads=threads)) as c:
            assert c.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens) == threads
            assert c.get("/api/stats").status_code == 200
    with pytest.raises(ValueError, match="threads"):
        create_app(db[0], threads=0)


def test_upload_ingest_leaves_the_event_loop_free(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file being processed runs in a request thread: the event loop is not the thread doing it."""
    import threading

    import rasd.api.ingest as ingest_mod

    seen: list[str] = []
    real = ingest_mod.ingest_upload

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        seen.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest_mod, "ingest_upload", spy)
    data = "خبر آخر\nجدة - واس: افتتح أمير المنطقة اليوم مستشفى جديدا في المدينة.".encode()
    with client:
        loop_thread = client.portal.call(lambda: threading.current_thread().name)
        r = client.post("/api/ingest/file", files={"file": ("more.txt", data, "text/plain")},
                        headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    assert seen and seen[0] != loop_thread


def test_request_size_limit(db: tuple[Path, dict[str, str]]) -> None:
    small = TestClient(create_app(db[0], token=TOKEN, max_body=1000))
    r = small.post("/api/ingest", json={"text": "ن" * 5000}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413


def test_xss_article_is_inert(client: TestClient, db: tuple[Path, dict[str, str]]) -> None:
    page = client.get(f"/article/{db[1]['xss']}").text
    assert "<script>window.__xss" not in page
    assert "&lt;script&gt;" in page
    assert '<img src=x onerror="window' not in page
    search = client.get("/", params={"q": "الانتخابات"}).text
    assert "<img src=x" not in search
    api = client.get(f"/api/articles/{db[1]['xss']}").json()
    assert api["title"] == XSS_TITLE  # the API returns the text as it is; the pages escape it


def test_internal_errors_hide_details(db: tuple[Path, dict[str, str]]) -> None:
    app = create_app(db[0])

    class Broken:
        def stats(self) -> dict:
            raise RuntimeError("secret path /etc/passwd")

    app.state.settings.store = Broken()
    r = TestClient(app, raise_server_exceptions=False).get("/api/stats")
    assert r.status_code == 500
    assert r.json() == {"detail": "internal error"}


def test_no_cors_and_security_headers(client: TestClient) -> None:
    r = client.get("/api/stats", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in {k.lower() for k in r.headers}
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_security_headers_on_every_kind_of_answer(client: TestClient) -> None:
    for path, status in (("/api/stats", 200), ("/api/articles/" + "0" * 16, 404), ("/static/favicon.svg", 200),
                         ("/api/events?type=NOPE", 422), ("/", 200)):
        r = client.get(path)
        assert r.status_code == status, path
        assert r.headers["x-frame-options"] == "DENY" and r.headers["referrer-policy"] == "no-referrer", path
        assert r.headers.get_list("content-security-policy") == [r.headers["content-security-policy"]], path


@pytest.mark.parametrize(("headers", "status", "fragment"), [
    ({"content-length": "abc"}, 400, "Content-Length"),
    ({"content-length": "999999999"}, 413, "over"),
    ({"transfer-encoding": "chunked"}, 411, "Content-Length"),
])
def test_request_bodies_refused_on_their_headers(headers: dict[str, str], status: int, fragment: str) -> None:
    import asyncio

    from rasd.api.guard import Guard

    called = []

    async def inner(scope, receive, send):  # noqa: ANN001, ANN202 - ASGI
        called.append(scope["path"])

    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    async def receive() -> dict:
        return {"type": "http.request", "body": b""}

    scope = {"type": "http", "method": "POST", "path": "/api/ingest",
             "headers": [(k.encode(), v.encode()) for k, v in headers.items()]}
    asyncio.run(Guard(inner, max_body=1000)(scope, receive, send))
    assert not called
    assert sent[0]["status"] == status and (b"x-frame-options", b"DENY") in sent[0]["headers"]
    assert fragment in json.loads(sent[1]["body"])["detail"]


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for p in ("/api/articles", "/api/articles/{doc_id}", "/api/events", "/api/actors", "/api/stats",
              "/api/export/{kind}", "/api/ingest", "/api/ingest/file"):
        assert p in paths


def test_dashboard_pages_render(client: TestClient, db: tuple[Path, dict[str, str]]) -> None:
    home = client.get("/")
    assert home.status_code == 200 and 'dir="rtl"' in home.text
    english = client.get("/", params={"lang": "en"})
    assert 'dir="ltr"' in english.text and "Search" in english.text
    article = client.get(f"/article/{db[1]['coded']}").text
    assert 'class="ent ent-ORG"' in article and "TURMIL" in article
    assert 'href="#s-' in article
    assert client.get("/events").status_code == 200
    assert 'id="missing"' in client.get("/article/0123456789abcdef").text
    assert 'id="read-only"' not in client.get("/ingest").text


def test_ingest_page_says_read_only(readonly: TestClient) -> None:
    assert 'id="read-only"' in readonly.get("/ingest").text


def test_code_sentences_gives_the_rasd_code_shape(readonly: TestClient) -> None:
    body = {"sentences": [{"id": "a", "text": "اعتقلت الشرطة ثلاثة مشتبهين أمس"}, {"text": "لم يهاجم الجيش القرية"}],
            "published": "2022-01-24"}  # fmt: skip
    res = readonly.post("/api/code", json=body)  # read-only servers code too: nothing is stored
    assert res.status_code == 200, res.text
    first, second = res.json()
    assert (first["id"], second["id"]) == ("a", "2")
    (ev,) = [e for e in first["events"] if e["type"] == "COERCE"]
    assert ev["date"] == "2022-01-23" and ev["date_text"] == "أمس"
    assert first["text"][ev["trigger"]["start"] : ev["trigger"]["end"]] == ev["trigger_text"]
    assert all(e["negated"] for e in second["events"])
    assert readonly.post("/api/code", json={"sentences": []}).status_code == 422


def test_api_docs_are_served_from_the_package(client: TestClient) -> None:
    """/api/docs loads Swagger UI (the fastapi-offline wheel's files) and its starter from this server, never a CDN, under the CSP."""
    r = client.get("/api/docs")
    assert r.status_code == 200 and "script-src 'self'" in r.headers["content-security-policy"]
    scripts = re.findall(r'<script src="([^"]+)"', r.text)
    assert scripts == ["/static/swagger-ui/swagger-ui-bundle.js", "/static/api-docs.js"]
    assert "<script>" not in r.text and "http" not in r.text.replace("http-equiv", "")
    for path in [*scripts, "/static/swagger-ui/swagger-ui.css"]:
        assert client.get(path).status_code == 200
    assert client.get("/api/openapi.json").json()["info"]["title"] == "rasd API"


def test_events_summary_totals_match_listing_and_export(client: TestClient) -> None:
    """The summary counts every matching event; the listing pages through the same set and the export
    carries the same filters (status and confidence included)."""
    for params in ({}, {"status": "asserted"}, {"type": "CONSULT"}, {"min_confidence": "0.5"}, {"actors": "named"}):
        summary = client.get("/api/events/summary", params=params).json()
        listed = client.get("/api/events", params={**params, "size": 1000}).json()["items"]
        exported = client.get("/api/export/events", params={**params, "format": "jsonl"}).text.splitlines()
        assert summary["total"] == len(listed) == len(exported), params
        assert sum(t["count"] for t in summary["by_type"]) == summary["total"]
    assert client.get("/api/events/summary", params={"status": "maybe"}).status_code == 422
    assert client.get("/api/events/summary", params={"min_confidence": "2"}).status_code == 422
    assert client.get("/api/events/summary", params={"actors": "some"}).status_code == 422


def test_events_summary_is_remembered_until_the_store_changes(tmp_path: Path) -> None:
    """A repeated summary is answered from the process's memo; an ingest changes the store's change
    token, so the next summary counts the new events."""
    db = tmp_path / "s.db"
    build_db(db)
    app = create_app(db, token=TOKEN)
    client = TestClient(app)
    first = client.get("/api/events/summary").json()
    assert client.get("/api/events/summary").json() == first and len(app.state.settings.summaries) == 1
    body = {"text": "هاجم مسلحون دورية للشرطة في بغداد اليوم وقتلوا ثلاثة جنود.", "title": "هجوم", "published": "2022-01-26"}
    assert client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).json()["new"] == 1
    after = client.get("/api/events/summary").json()
    assert after["total"] > first["total"] and after["documents"] == first["documents"] + 1
    assert len(app.state.settings.summaries) == 2


def test_actor_page_and_labels(client: TestClient) -> None:
    """/actor/CODE: names in both languages, office holders with dates, events as source and as target,
    counterparts; an unknown code is a 404 page; /api/actors labels every code from the knowledge base."""
    page = client.get("/actor/IRQGOV?lang=en")
    assert page.status_code == 200
    assert "Iraq · government" in page.text and "العراق · الحكومة" in page.text
    assert "مصطفى الكاظمي" in page.text and 'id="actor-holders"' in page.text  # office holders, with dates
    assert re.search(r"as source \((\d+)\) · as target \((\d+)\)", page.text)
    src = client.get("/api/events", params={"actor": "IRQGOV", "size": 1000}).json()["items"]
    n_src = sum(1 for e in src if any((a.get("code") or "").startswith("IRQGOV") for a in e["source"]))
    assert f"as source ({n_src})" in page.text
    assert 'href="/actor/' in page.text  # counterparts link to their pages
    assert client.get("/actor/ZZZGOV").status_code == 404
    assert client.get("/actor/not-a-code").status_code == 404
    items = client.get("/api/actors").json()["items"]
    irq = next(r for r in items if r["code"] == "IRQGOV")
    assert irq["label_en"] == "Iraq · government" and irq["label_ar"] == "العراق · الحكومة"
    assert any(r["code"] == "IRQGOV" for r in client.get("/api/actors", params={"q": "iraq"}).json()["items"])


def test_article_page_marks_each_event_in_its_sentence(client: TestClient, db: tuple[Path, dict[str, str]]) -> None:
    """Each event's trigger is marked inside its sentence, linking to its card (and the card back)."""
    doc_id = db[1]["coded"]
    doc = client.get(f"/api/articles/{doc_id}").json()
    html = client.get(f"/article/{doc_id}").text
    for k, ev in enumerate(doc["events"]):
        trigger = doc["text"][ev["trigger"]["start"] : ev["trigger"]["end"]]
        assert f'href="#ev-{k}" title="{ev["type"]}" data-event="{k}"><mark>{trigger}</mark>' in html
        assert f'id="ev-{k}"' in html


def test_repeated_requests_are_answered_from_memory_until_the_store_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A repeated GET costs no store query while the store is unchanged; the next write is seen at once;
    a response that sets a cookie is never kept; ``cache=False`` computes every request."""
    from rasd.store.sqlite import SQLiteStore

    path = tmp_path / "cache.db"
    build_db(path)
    client = TestClient(create_app(path, token=TOKEN))
    first = client.get("/api/articles", params={"q": "الرياض"}).json()
    calls = []
    real = SQLiteStore.search
    monkeypatch.setattr(SQLiteStore, "search", lambda self, *a, **k: calls.append(1) or real(self, *a, **k))
    assert client.get("/api/articles", params={"q": "الرياض"}).json() == first and calls == []
    r = client.post("/api/ingest", json={"text": "الرياض - واس: افتتح أمير الرياض اليوم معرضا جديدا للكتاب."},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and r.json()["new"] == 1
    again = client.get("/api/articles", params={"q": "الرياض"}).json()
    assert calls == [1] and len(again["items"]) == len(first["items"]) + 1
    page = client.get("/actor/IRQ", params={"lang": "en"})
    assert "set-cookie" in page.headers
    assert "set-cookie" in client.get("/actor/IRQ", params={"lang": "en"}).headers  # computed again, not replayed
    uncached = TestClient(create_app(path, cache=False))
    uncached.get("/api/articles", params={"q": "الرياض"})
    uncached.get("/api/articles", params={"q": "الرياض"})
    assert calls == [1, 1, 1]


def test_events_list_the_cluster_and_its_reports(client: TestClient) -> None:
    items = client.get("/api/events", params={"reports": "all"}).json()["items"]
    assert items and all(len(e["cluster"]) == 16 and e["reports"] >= 1 for e in items)
    one = client.get("/api/events").json()["items"]
    assert len({e["cluster"] for e in one}) == len(one)  # one record per event by default
