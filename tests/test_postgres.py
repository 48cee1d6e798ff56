"""The PostgreSQL backend against a real server: the SQLite search cases and API tests run unchanged
over it (imported from their modules, with the store fixtures replaced), plus schema versioning,
idempotent re-ingest, and two concurrent ingesting processes that must not store a document twice.

The server comes from ``RASD_TEST_PG_URL`` or, when unset, from ``.ci/pg.env`` written by
``.ci/services.sh`` (which CI sources); without either the tests are skipped. Each module works in a
schema of its own, dropped at the end.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from rasd.errors import StoreError
from rasd.ingest import ingest
from rasd.model import Actor, Document, Entity, EntityActor, Event, Mention, Source, Span
from rasd.pipeline import new_document
from rasd.readers.base import RawDoc
from rasd.store import DupLink, Filters, NewDoc, Page, Store, open_store
from rasd.store.pg_migrations import LATEST
from rasd.store.search import parse_query
from tests import test_api as api_cases
from tests import test_event_clusters as cluster_cases
from tests import test_search as search_cases
from tests.api_fixtures import build_db
from tests.test_search import DOCS, HOSTILE, found

# The search cases of tests/test_search.py, run here over PostgreSQL (through this module's ``store``).
test_variants_meet = search_cases.test_variants_meet
test_phrase_query_needs_adjacent_words = search_cases.test_phrase_query_needs_adjacent_words
test_or_and_exclusion_and_prefix = search_cases.test_or_and_exclusion_and_prefix
test_filters = search_cases.test_filters
test_snippet_is_original_text_with_highlights = search_cases.test_snippet_is_original_text_with_highlights
test_hostile_queries_never_break_syntax = search_cases.test_hostile_queries_never_break_syntax
test_hostile_terms_are_searched_as_text = search_cases.test_hostile_terms_are_searched_as_text

# The API tests of tests/test_api.py over PostgreSQL (through this module's ``db``), in their order:
# the read-only ones count the three fixture documents before the ingest ones add more.
client = api_cases.client
readonly = api_cases.readonly
test_stats = api_cases.test_stats
test_search_variants_and_highlights = api_cases.test_search_variants_and_highlights
test_search_filters_and_listing = api_cases.test_search_filters_and_listing
test_articles_bad_parameters = api_cases.test_articles_bad_parameters
test_hostile_queries_never_break = api_cases.test_hostile_queries_never_break
test_article = api_cases.test_article
test_events_filters = api_cases.test_events_filters
test_actors = api_cases.test_actors
test_exports = api_cases.test_exports
test_xss_article_is_inert = api_cases.test_xss_article_is_inert
test_no_cors_and_security_headers = api_cases.test_no_cors_and_security_headers
test_dashboard_pages_render = api_cases.test_dashboard_pages_render
test_ingest_needs_token = api_cases.test_ingest_needs_token
test_ingest_file_upload = api_cases.test_ingest_file_upload

# The event-cluster and in-memory-columns cases of tests/test_event_clusters.py over PostgreSQL (``new_store``).
test_one_record_per_event_and_its_number_of_reports = cluster_cases.test_one_record_per_event_and_its_number_of_reports
test_reprocessing_the_leading_report_hands_the_lead_on = cluster_cases.test_reprocessing_the_leading_report_hands_the_lead_on
test_change_token_moves_with_every_write = cluster_cases.test_change_token_moves_with_every_write
test_in_memory_columns_answer_as_the_store = cluster_cases.test_in_memory_columns_answer_as_the_store

ROOT = Path(__file__).resolve().parents[1]
ENV_FILE = ROOT / ".ci" / "pg.env"
SEED = ROOT / "examples" / "000_28742d43d5eb80df.txt"


def _server_url() -> str:
    url = os.environ.get("RASD_TEST_PG_URL")
    from_file = False
    if not url and ENV_FILE.is_file():
        for line in ENV_FILE.read_text().splitlines():
            if line.startswith("RASD_TEST_PG_URL="):
                url, from_file = line.split("=", 1)[1].strip(), True
    if not url:
        pytest.skip("no PostgreSQL server: set RASD_TEST_PG_URL or run `source .ci/services.sh` (CI does)")
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'rasd[postgres]')")
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.OperationalError as exc:
        message = f"PostgreSQL at {url} is not reachable ({str(exc).strip().splitlines()[0]})"
        if from_file:  # a stale file from an earlier run: say so, but do not fail
            pytest.skip(message + "; rerun `source .ci/services.sh`")
        pytest.fail(message)
    return url


_SCHEMAS: list[str] = []  # made by fresh_url, dropped when the session ends


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    url = _server_url()
    yield url
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        for schema in _SCHEMAS:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def fresh_url(pg_server: str) -> str:
    """A URL whose connections work in a new empty schema (dropped at the end of the session)."""
    import psycopg

    schema = f"rasd_test_{uuid.uuid4().hex[:12]}"
    _SCHEMAS.append(schema)
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in pg_server else "?"
    return f"{pg_server}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture()
def new_store(pg_server: str) -> Iterator[Callable[[], Store]]:
    opened: list[Store] = []

    def make() -> Store:
        opened.append(open_store(fresh_url(pg_server)))
        return opened[-1]

    yield make
    for s in opened:
        s.close()


@pytest.fixture()
def empty(pg_server: str) -> Iterator[Store]:
    s = open_store(fresh_url(pg_server))
    yield s
    s.close()


# --- the search cases of tests/test_search.py ------------------------------------------------------
@pytest.fixture(scope="module")
def store(pg_server: str) -> Iterator[Store]:
    db = open_store(fresh_url(pg_server))
    raws = [
        RawDoc(text, Source(path=f"{key}.txt", site=site), {"published": date, "title": key})
        for key, (text, date, site) in DOCS.items()
    ]
    assert ingest(raws, db, batch_size=3).new == len(DOCS)
    yield db
    db.close()


def test_store_is_postgres(store: Store) -> None:
    from rasd.store.postgres import PostgresStore

    assert isinstance(store, PostgresStore) and isinstance(store, Store)


def test_ranking_prefers_more_matches_and_titles(empty: Store) -> None:
    ingest(
        [
            RawDoc("النفط في الأسواق اليوم مع أخبار أخرى كثيرة عن الطقس والرياضة والفن", Source(path="once"), {"title": "once"}),
            RawDoc("النفط النفط وأسعار النفط ترتفع وصادرات النفط تزيد", Source(path="many"), {"title": "many"}),
            RawDoc("أخبار الطقس اليوم: أمطار على الساحل وحديث عابر عن النفط", Source(path="t"), {"title": "النفط والطقس"}),
        ],
        empty,
    )
    hits = empty.search("النفط")
    assert [h.title for h in hits][:2] == ["many", "النفط والطقس"]  # four matches; then one in the title
    assert hits[0].score >= hits[1].score >= hits[2].score
    # the total the search page shows: every match, as many as the pages hold
    assert empty.count_articles("النفط") == len(hits) == 3
    assert empty.count_articles("الطقس") == len(empty.search("الطقس")) == 2
    assert empty.count_articles("") == 3 and empty.count_articles("غائبة") == 0


def test_every_parsed_query_is_a_valid_tsquery(store: Store) -> None:
    from rasd.store.postgres import to_tsquery

    for query in [*HOSTILE, "غزة OR", "OR غزة", "a OR b -c d*", "\\", "'", "''", "a\\'b", '"غزة أردوغان"*']:
        parsed = parse_query(query)
        if parsed is not None:
            store.conn.execute("SELECT %s::tsquery", (to_tsquery(parsed),)).fetchone()  # type: ignore[attr-defined]


def test_phrase_does_not_run_from_title_into_body(empty: Store) -> None:
    ingest([RawDoc("الوزراء اجتمعوا اليوم في المقر", Source(path="x"), {"title": "رئيس"})], empty)
    assert found(empty, "رئيس الوزراء") == {"رئيس"}
    assert found(empty, '"رئيس الوزراء"') == set()


# --- schema, idempotence, concurrency ----------------------------------------------------------------
def test_schema_versioned_and_newer_refused(pg_server: str) -> None:
    url = fresh_url(pg_server)
    s = open_store(url)
    count = s.conn.execute("SELECT count(*), max(version) FROM schema_version").fetchone()  # type: ignore[attr-defined]
    assert tuple(count) == (LATEST, LATEST)
    s.close()
    again = open_store(url)  # re-opening runs no migration twice
    assert again.conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == LATEST  # type: ignore[attr-defined]
    again.conn.execute("INSERT INTO schema_version VALUES (%s)", (LATEST + 1,))  # type: ignore[attr-defined]
    again.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(url)


def test_search_vectors_are_kept_in_the_rows(empty: Store) -> None:
    """Ranking reads the vector of every matching document: the schema keeps the vectors compressed in
    the documents' own rows (storage MAIN, rows up to a page), not out of line in the TOAST table."""
    conn = empty.conn  # type: ignore[attr-defined]
    storage = conn.execute(
        "SELECT attstorage FROM pg_attribute WHERE attrelid = 'documents'::regclass AND attname = 'search'"
    ).fetchone()[0]
    options = conn.execute("SELECT reloptions FROM pg_class WHERE oid = 'documents'::regclass").fetchone()[0]
    assert storage == "m" and "toast_tuple_target=8160" in options


def test_unreachable_server_is_one_clear_error() -> None:
    with pytest.raises(StoreError, match="cannot open database postgresql://nobody:\\*\\*\\*@127.0.0.1:1/x"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/x")


def _doc(text: str, path: str = "a.txt") -> Document:
    return new_document(text, Source(path=path, site="site"), {"published": "2015-07-21"})


def test_add_is_idempotent_links_once_and_round_trips(empty: Store) -> None:
    d = _doc("نص الخبر الأول عن الاقتصاد")
    r1 = empty.add([NewDoc(d, "", "نص خبر اول", b"\1" * 512, b"\2" * 256)])
    r2 = empty.add([NewDoc(d, "", "نص خبر اول", b"\1" * 512, b"\2" * 256)])
    assert (r1.new, r2.new, r2.already) == (1, 0, 1)
    assert empty.get(d.id) == d
    assert empty.text_of(d.id) == d.text
    assert list(empty.signatures()) == [(d.id, b"\1" * 512, b"\2" * 256, None, d.id)]
    link = DupLink("exact", d.id, d.id, 1.0, "b.txt")
    assert empty.add([], [link]).exact == 1
    assert (empty.add([], [link]).exact, empty.known([d.id, "nope"])) == (0, {d.id: "a.txt"})
    assert [x["source"] for x in empty.export("duplicates")] == ["b.txt"]
    assert empty.stats()["exact_duplicates"] == 1


def test_batch_is_all_or_nothing(empty: Store) -> None:
    good, bad = _doc("خبر سليم"), _doc("خبر آخر", path="b.txt")
    bad.meta["unserialisable"] = object()
    with pytest.raises(TypeError):
        empty.add([NewDoc(good), NewDoc(bad)])
    assert empty.stats()["documents"] == 0
    assert empty.add([NewDoc(good)]).new == 1


def test_events_actors_stats_and_exports(empty: Store) -> None:
    d = _doc("التقى الرئيس العراقي بوزير الخارجية في بغداد")
    d.entities = [Entity("e1", "PER", "الرئيس العراقي", [Mention(6, 20, "الرئيس العراقي")], actor=EntityActor(code="IRQGOV", country="IRQ"))]
    d.events = [
        Event("CONSULT", Span(0, len(d.text)), Span(0, 5), cameo="040", quad_class=1, score=1.0,
              source=[Actor("e1", "الرئيس العراقي", "IRQGOV", "IRQ", "GOV")], location={"name": "بغداد", "country": "IRQ"},
              date="2015-07-21"),
        Event("ASSAULT", Span(0, len(d.text)), Span(6, 10), quad_class=4, score=-10.0,
              target=[Actor(None, "المسلحين", "IRQREB", "IRQ", "REB")], date="2015-07-25"),
    ]
    empty.add([NewDoc(d)])
    assert [e["type"] for e in empty.events()] == ["ASSAULT", "CONSULT"]  # newest first
    assert all(e["doc_id"] == d.id for e in empty.events())
    assert [e["type"] for e in empty.events(Filters(quad_class=4))] == ["ASSAULT"]
    assert [e["type"] for e in empty.events(Filters(actor="IRQGOV"))] == ["CONSULT"]
    assert [e["type"] for e in empty.events(Filters(actor="IRQ"))] == ["ASSAULT", "CONSULT"]  # IRQ → IRQGOV, IRQREB
    assert [e["type"] for e in empty.events(Filters(actor="GOV"))] == []  # the start of a code, never its middle
    assert [e["type"] for e in empty.events(Filters(actor="IRQR"))] == ["ASSAULT"]
    assert len(empty.events(Filters(country="IRQ"))) == 2
    assert [e["type"] for e in empty.events(Filters(place="بغداد"))] == ["CONSULT"]
    assert [e["type"] for e in empty.events(Filters(since="2015-07-22", until="2015-07-31"))] == ["ASSAULT"]
    assert empty.events(Filters(event_type="PROTEST")) == []
    assert empty.actors() == [{"code": "IRQGOV", "name": "الرئيس العراقي", "documents": 1, "events": 1}]
    assert [e["code"] for e in empty.export("entities")] == ["IRQGOV"]
    assert [e["type"] for e in empty.export("events")] == ["CONSULT", "ASSAULT"]
    assert [x["id"] for x in empty.export("documents")] == [d.id]
    s = empty.stats()
    assert (s["documents"], s["entities"], s["events"], s["sources"]) == (1, 1, 2, {"site": 1})
    with pytest.raises(StoreError):
        list(empty.export("nonsense"))


def test_latest_lists_newest_first(empty: Store) -> None:
    raws = [RawDoc(f"خبر رقم {n} عن موضوع {w}", Source(path=f"{n}.txt", site="s"), {"published": f"2015-08-0{n}"})
            for n, w in ((1, "الاقتصاد"), (3, "السياسة"), (2, "الرياضة"))]
    ingest(raws, empty)
    assert [h.published for h in empty.latest()] == ["2015-08-03", "2015-08-02", "2015-08-01"]
    assert [h.published for h in empty.latest(Filters(until="2015-08-02"), Page(limit=1))] == ["2015-08-02"]


def test_reingest_adds_nothing(empty: Store) -> None:
    raws = [RawDoc(SEED.read_text("utf-8"), Source(path=str(SEED))),
            *(RawDoc(text, Source(path=f"{key}.txt", site=site), {"published": date}) for key, (text, date, site) in DOCS.items())]
    first = ingest(raws, empty, batch_size=4)
    before = empty.stats()
    second = ingest(raws, empty, batch_size=4)
    assert (first.new, second.new, second.already) == (len(raws), 0, len(raws))
    assert empty.stats() == before


_WORKER = """
import json, sys
from rasd.ingest import ingest
from rasd.model import Source
from rasd.readers.base import RawDoc
from rasd.store import open_store
url, path = sys.argv[1], sys.argv[2]
items = json.load(open(path, encoding="utf-8"))
store = open_store(url)
report = ingest([RawDoc(t, Source(path=p)) for p, t in items], store, batch_size=5)
print(json.dumps({"new": report.new, "already": report.already, "exact": report.exact}))
"""


def test_concurrent_ingesters_store_each_document_once(pg_server: str, tmp_path: Path) -> None:
    """Two processes pour the same 60 articles (in different orders) into one new database at once."""
    vocab = sorted(set(SEED.read_text("utf-8").split()))
    rng = random.Random(7)
    items = [(f"doc{i}.txt", " ".join(rng.choice(vocab) for _ in range(40))) for i in range(60)]
    orders = []
    for n in range(2):
        mine = items[:]
        random.Random(n).shuffle(mine)
        (tmp_path / f"in{n}.json").write_text(json.dumps(mine, ensure_ascii=False), encoding="utf-8")
        orders.append(tmp_path / f"in{n}.json")
    url = fresh_url(pg_server)  # neither process finds a schema: both race to create it, too
    procs = [subprocess.Popen([sys.executable, "-c", _WORKER, url, str(p)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for p in orders]
    reports = []
    for p in procs:
        out, errs = p.communicate(timeout=300)
        assert p.returncode == 0, errs[-2000:]
        reports.append(json.loads(out.strip().splitlines()[-1]))
    store = open_store(url)
    try:
        conn = store.conn  # type: ignore[attr-defined]
        assert conn.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone() == (60, 60)
        assert conn.execute("SELECT count(*) FROM signatures").fetchone()[0] == 60
        assert sum(r["new"] for r in reports) == 60
        assert all(r["new"] + r["already"] + r["exact"] == 60 for r in reports)
        assert conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == LATEST
    finally:
        store.close()


# --- the API tests of tests/test_api.py, over PostgreSQL -----------------------------------------------
@pytest.fixture(scope="module")
def db(pg_server: str) -> tuple[str, dict[str, str]]:
    """What tests/test_api.py's ``db`` gives, in PostgreSQL: (url, ids by name)."""
    url = fresh_url(pg_server)
    return url, build_db(url)  # type: ignore[arg-type]  (open_store takes a URL as well as a path)


def test_event_summary_is_the_same_on_both_stores(empty: Store, tmp_path: Path) -> None:
    """The summary's GROUP BY queries are one text for both backends: same counts for every filter."""
    d = _doc("التقى الرئيس التركي قائد الجيش العراقي في أنقرة")
    tur, irq = Actor(None, "الرئيس التركي", "TURGOV", "TUR", "GOV"), Actor(None, "الجيش العراقي", "IRQMIL", "IRQ", "MIL")
    d.events = [
        Event("CONSULT", Span(0, 10), Span(0, 5), quad_class=1, source=[tur], target=[irq],
              location={"name": "أنقرة", "country": "TUR", "lat": 39.9, "lon": 32.9}, date="2015-07-21", confidence=0.9),
        Event("ASSAULT", Span(0, 10), Span(10, 12), quad_class=4, source=[irq], target=[tur], date="2015-07-22",
              negated=True, confidence=0.8),
        Event("AID", Span(0, 10), Span(13, 15), quad_class=2, source=[tur], date="2014-01-01", background=True, confidence=0.7),
    ]
    lite = open_store(tmp_path / "x.db")
    for store in (empty, lite):
        store.add([NewDoc(d)])
    for f in (Filters(), Filters(status="asserted"), Filters(status="negated"), Filters(min_confidence=0.75), Filters(actor="TUR")):
        assert empty.event_summary(f) == lite.event_summary(f), f
    assert empty.event_summary()["total"] == 3


def test_stale_and_replace_on_postgres(empty: Store) -> None:
    """The reprocess pair on PostgreSQL: stale documents by recorded step versions; replace swaps the
    analysis (JSON, rows, search vector) and keeps the document."""
    from rasd.model import Step
    from rasd.store.search import shadow
    from rasd.text import words

    d = _doc("هاجم مسلحون دورية للشرطة في بغداد اليوم")
    d.title, d.steps = "هجوم قديم", [Step("events", "1")]
    d.events = [Event("ASSAULT", Span(0, 10), Span(0, 4), quad_class=4, date="2015-07-21")]
    empty.add([NewDoc(d, title_terms=shadow(words(d.title)), body_terms=shadow(words(d.text)))])
    assert empty.stale({"events": "1"}) == [] and empty.stale({"events": "2"}) == [d.id]
    new = Document.from_json(d.to_json())
    new.title, new.steps = "عنوان جديد", [Step("events", "2")]
    new.events = [Event("PROTEST", Span(0, 10), Span(5, 9), quad_class=3)]
    assert empty.replace(new, shadow(words(new.title)), shadow(words(d.title)))
    assert empty.stale({"events": "2"}) == [] and [e["type"] for e in empty.events()] == ["PROTEST"]
    assert [h.doc_id for h in empty.search("جديد")] == [d.id] and empty.search("قديم") == []
