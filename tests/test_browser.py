"""The dashboard in a real browser: Playwright driving Debian's Chromium, headless.

search → open an article → entities highlighted → events explorer with its charts and map; no
console errors anywhere; an article carrying <script> and onerror= stays inert. Screenshots of each
page go to docs/screenshots/ (look at them).
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api_fixtures import build_db

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (CI installs it)")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    import uvicorn

    from rasd.api.app import create_app

    path = tmp_path_factory.mktemp("browser") / "browser.db"
    ids = build_db(path)
    port = _free_port()
    config = uvicorn.Config(create_app(path, token="browser-token"), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "server did not start"
    yield f"http://127.0.0.1:{port}", ids
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: object) -> Iterator[tuple[object, list[str]]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg, errors
    context.close()


def test_search_article_events_map(server: tuple[str, dict[str, str]], page: tuple[object, list[str]]) -> None:
    base, ids = server
    pg, errors = page
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.goto(base + "/")
    pg.fill("#q", "اردوغان")
    pg.click("#go")
    pg.wait_for_selector(".result-title")
    assert pg.locator("mark").count() >= 1
    pg.screenshot(path=str(SHOTS / "search.png"), full_page=True)
    pg.click(".result-title")
    pg.wait_for_selector("#article")
    assert pg.locator(".block-title").inner_text().startswith("إردوغان يؤكد")
    assert pg.locator(".block-boilerplate").count() == 2
    assert pg.locator(".block-caption").count() == 1
    pg.screenshot(path=str(SHOTS / "article-seed.png"), full_page=True)

    pg.goto(f"{base}/article/{ids['coded']}")
    ents = pg.locator(".ent[data-entity]")
    assert ents.count() >= 3
    assert "TURMIL" in (pg.locator(".ent-ORG[data-entity]").first.get_attribute("title") or "")
    pg.click(".card .evidence >> nth=0")
    assert pg.evaluate("location.hash").startswith("#s-")
    pg.screenshot(path=str(SHOTS / "article-entities-events.png"), full_page=True)

    pg.click("#nav-events")
    pg.wait_for_selector("body[data-ready='1']", timeout=20_000)
    assert pg.locator("#events-table tbody tr").count() >= 2
    for chart in ("#timeline", "#network", "#map"):
        assert pg.locator(f"{chart} canvas").count() >= 1, f"{chart} did not draw"
    pg.select_option("#f-type", "ASSAULT")
    pg.click("#event-filters button")
    # a locator assertion polls in Playwright's own world: the page's CSP forbids the eval that wait_for_function needs
    playwright_api.expect(pg.locator("#events-table tbody tr")).to_have_count(1, timeout=20_000)
    pg.screenshot(path=str(SHOTS / "events.png"), full_page=True)
    assert errors == []


def test_xss_article_rendered_inert(server: tuple[str, dict[str, str]], page: tuple[object, list[str]]) -> None:
    base, ids = server
    pg, errors = page
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.goto(f"{base}/article/{ids['xss']}")
    pg.wait_for_selector("#article")
    assert pg.evaluate("window.__xss === undefined")
    assert "<script>" in pg.locator(".block-title").inner_text()
    assert pg.locator("#article img").count() == 0
    pg.goto(f"{base}/?q=الانتخابات")
    assert pg.evaluate("window.__xss === undefined")
    pg.screenshot(path=str(SHOTS / "xss-inert.png"), full_page=True)
    assert dialogs == [] and errors == []


def test_ingest_page(server: tuple[str, dict[str, str]], page: tuple[object, list[str]]) -> None:
    base, _ = server
    pg, errors = page
    pg.goto(base + "/ingest?lang=en")
    pg.fill("#i-title", "اختبار الإدخال")
    pg.fill("#i-text", "التقى وزير الخارجية السعودي نظيره الأردني في عمان اليوم وبحثا العلاقات الثنائية.")
    pg.fill("#i-token", "browser-token")
    pg.click("#i-submit")
    pg.wait_for_selector("#ingest-link:not([hidden])")
    pg.screenshot(path=str(SHOTS / "ingest.png"), full_page=True)
    pg.click("#ingest-link")
    pg.wait_for_selector("#article")
    assert pg.locator(".block-title").inner_text() == "اختبار الإدخال"
    assert errors == []


def test_api_docs_render_offline_under_the_security_policy(
    server: tuple[str, dict[str, str]], page: tuple[object, list[str]]
) -> None:
    """/api/docs: Swagger UI served by rasd (no CDN), started from a static file, under the same CSP; every
    endpoint of the OpenAPI document is listed and nothing is blocked or fails."""
    import json
    import urllib.request

    base, _ = server
    pg, errors = page
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.goto(base + "/api/docs")
    pg.wait_for_selector(".opblock", timeout=15000)
    with urllib.request.urlopen(base + "/api/openapi.json") as resp:
        spec = json.loads(resp.read())
    operations = sum(len(methods) for methods in spec["paths"].values())
    assert pg.locator(".opblock").count() == operations >= 5
    assert "rasd API" in pg.locator(".title").first.inner_text()
    assert all(url.startswith(base) for url in requests)  # nothing fetched from elsewhere
    pg.screenshot(path=str(SHOTS / "api-docs.png"), full_page=False)
    assert errors == []


def test_event_filters_live_in_the_url_and_the_export_matches_the_total(
    server: tuple[str, dict[str, str]], page: tuple[object, list[str]]
) -> None:
    """Set filters through the UI, reload the URL: the same filters and total; the CSV export behind the
    page's link has as many rows as the page's total and the API's summary."""
    import csv
    import io
    import json
    import urllib.request

    base, _ = server
    pg, errors = page
    pg.goto(base + "/events?lang=en")
    pg.wait_for_selector("body[data-ready='1']", timeout=20_000)
    asserted = int(pg.locator("#event-count").get_attribute("data-count"))  # the default: asserted events
    with urllib.request.urlopen(base + "/api/events/summary?status=asserted") as resp:
        assert json.loads(resp.read())["total"] == asserted
    pg.select_option("#f-status", "all")
    pg.fill("#f-conf", "0.3")
    pg.click("#event-filters button")
    playwright_api.expect(pg).to_have_url(re.compile(r"status=all.*min_confidence=0\.3|min_confidence=0\.3.*status=all"))
    pg.wait_for_selector("body[data-ready='1']", timeout=20_000)
    url = pg.url
    pg.reload()
    pg.wait_for_selector("body[data-ready='1']", timeout=20_000)
    assert pg.url == url and pg.locator("#f-status").input_value() == "all"
    assert pg.locator("#f-conf").input_value() == "0.3"
    total = int(pg.locator("#event-count").get_attribute("data-count"))
    href = pg.locator("#export-csv").get_attribute("href")
    assert "status=all" in href and "min_confidence=0.3" in href
    with urllib.request.urlopen(base + href) as resp:
        rows = list(csv.DictReader(io.StringIO(resp.read().decode("utf-8-sig"))))
    with urllib.request.urlopen(base + "/api/events/summary?status=all&min_confidence=0.3") as resp:
        api_total = json.loads(resp.read())["total"]
    assert len(rows) == total == api_total and 0 < asserted <= total
    assert "lang=ar" in pg.locator("#lang-toggle").get_attribute("href")
    assert "status=all" in pg.locator("#lang-toggle").get_attribute("href")  # the switch keeps the filters
    pg.screenshot(path=str(SHOTS / "events-filtered.png"), full_page=True)
    # a link that spells out the default shows it selected, not a blank list
    pg.goto(base + "/events?lang=en&status=asserted")
    pg.wait_for_selector("body[data-ready='1']", timeout=20_000)
    assert pg.locator("#f-status option:checked").inner_text() == "asserted"
    assert int(pg.locator("#event-count").get_attribute("data-count")) == asserted
    assert errors == []


def test_actor_page(server: tuple[str, dict[str, str]], page: tuple[object, list[str]]) -> None:
    base, _ = server
    pg, errors = page
    pg.goto(base + "/actor/IRQGOV?lang=en")
    pg.wait_for_selector("#actor")
    assert "Iraq · government" in pg.locator("h1").inner_text()
    assert pg.locator("#actor-holders tbody tr").count() >= 2
    pg.click("#actor-counterparts a >> nth=0")
    pg.wait_for_selector("#actor")
    assert "/actor/" in pg.url
    pg.goto(base + "/actor/IRQGOV")
    pg.screenshot(path=str(SHOTS / "actor.png"), full_page=False)
    assert errors == []


def test_ingest_page_shows_a_table_of_records(
    server: tuple[str, dict[str, str]], page: tuple[object, list[str]], tmp_path: Path
) -> None:
    """Uploading a JSON Lines file with good and bad records: one line of counts and a row per record
    (stored, linking to the article, or failed with its reason), not raw JSON."""
    upload = tmp_path / "batch.jsonl"
    good = [{"title": f"خبر {i}", "content": f"وصل وزير الخارجية إلى عمان في زيارة رقم {i} لبحث العلاقات."} for i in range(3)]
    upload.write_text("\n".join([*(json.dumps(g, ensure_ascii=False) for g in good), "{not json", "[1, 2]"]) + "\n", encoding="utf-8")
    base, _ = server
    pg, errors = page
    pg.goto(base + "/ingest?lang=en")
    pg.set_input_files("#i-file", str(upload))
    pg.fill("#i-token", "browser-token")
    pg.click("#i-submit")
    pg.wait_for_selector("#ingest-records:not([hidden])")
    assert "new 3" in pg.locator("#ingest-result").inner_text() and "failed 2" in pg.locator("#ingest-result").inner_text()
    assert pg.locator("#ingest-records tr.record-stored").count() == 3
    assert pg.locator("#ingest-records tr.record-failed").count() == 2
    assert pg.locator("#ingest-records tr.record-stored a").first.get_attribute("href").startswith("/article/")
    pg.screenshot(path=str(SHOTS / "ingest-records.png"), full_page=True)
    assert errors == []
