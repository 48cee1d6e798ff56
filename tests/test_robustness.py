"""Hostile and unusual inputs: one bad record never stops a batch, sizes are bounded on every path,
files that are not files are skipped, storage faults are one line, and the web edges hold.

Each class of case in docs/robustness.md names the test here that shows it.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from dated import dated
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from rasd.api.app import create_app
from rasd.cli import app
from rasd.errors import StorageFault
from rasd.ingest import ingest
from rasd.limits import MIB, Limits
from rasd.readers import RawDoc, ReadError, read_any
from rasd.readers.base import bounded_lines
from rasd.store.sqlite import SQLiteStore

TOKEN = "robust-token"
PLACES = "الرياض جدة القاهرة بغداد عمان بيروت تونس الرباط الجزائر دمشق الخرطوم صنعاء الدوحة".split()
TOPICS = "التعليم الصحة الطاقة النقل الزراعة المياه السياحة الإسكان التجارة الصناعة الثقافة".split()


def good_records(n: int = 31) -> list[dict[str, str]]:
    """``n`` distinct short articles (no two near-duplicates)."""
    out = []
    for i in range(n):
        place, topic = PLACES[i % len(PLACES)], TOPICS[(i * 7) % len(TOPICS)]
        text = (
            f"{place} - أعلنت وزارة {topic} اليوم عن خطة جديدة رقم {i * 37 + 11} لتطوير قطاع {topic} في {place}. "
            f"وقال المتحدث باسم الوزارة إن الخطة تشمل {i + 3} مشاريع تنفذ خلال {i % 5 + 2} سنوات بتكلفة {i * 13 + 5} مليون."
        )
        out.append({"title": f"خطة {topic} {i}", "content": text, "url": f"https://example.org/a/{i}"})
    return out


def bad_lines() -> list[str]:
    """Five records that once stopped a whole batch (or would): each must be one failure line."""
    return [
        '{"content": "x", "n": ' + "9" * 5000 + "}",  # an integer over Python's 4,300-digit limit
        '{"content": "x", "a": ' + "[" * 1000 + "]" * 1000 + "}",  # nested deeper than the stack
        '{"content": ',  # cut short
        '["a list, not an object"]',
        '{"title": "no text here"}',
    ]


def batch_file(root: Path) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in good_records()]
    for k, bad in enumerate(bad_lines()):
        lines.insert(5 + 6 * k, bad)
    path = root / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _count(db: Path, table: str = "documents") -> int:
    with sqlite3.connect(db) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# --- per-record isolation ------------------------------------------------------------------------------


def test_31_good_5_bad_cli_stores_all_good_and_exits_1(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    result = CliRunner().invoke(app, ["ingest", str(batch_file(tmp_path)), "--db", str(db), "-q", "--workers", "1"])
    assert result.exit_code == 1, result.output
    assert _count(db) == 31
    assert _count(db, "ingest_log") == 5
    assert "a number too long" in result.output and "nested too deeply" in result.output
    assert "Traceback" not in result.output


def test_31_good_5_bad_api_upload(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "api.db", token=TOKEN))
    data = batch_file(tmp_path).read_bytes()
    r = client.post("/api/ingest/file", files={"file": ("batch.jsonl", data, "application/json")},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 207, r.text
    body = r.json()
    assert (body["new"], body["failed"]) == (31, 5)
    failed = [rec for rec in body["records"] if rec["status"] == "failed"]
    assert len(failed) == 5 and all(rec["reason"] for rec in failed)
    assert client.get("/api/stats").json()["documents"] == 31


def test_api_upload_of_nothing_readable_is_422_not_500(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "api.db", token=TOKEN), raise_server_exceptions=False)
    for name, data in (("x.json", b"[" * 5000), ("x.warc", b"WARC/1.0\r\n\r\n"), ("x.zip", b"PK\x03\x04broken"),
                       ("x.jsonl", b'{"n": ' + b"1" * 6000 + b"}\n")):
        r = client.post("/api/ingest/file", files={"file": (name, data, "application/octet-stream")},
                        headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 422, (name, r.status_code, r.text)
        assert r.json()["failed"] >= 1 or r.json()["detail"]


def test_warc_record_without_target_uri_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    def record(uri: str | None, body: str) -> bytes:
        html = f"<html><head><title>t</title></head><body><article><p>{body}</p></article></body></html>".encode()
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
        head = f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{len(body)}>\r\n"
        if uri:
            head += f"WARC-Target-URI: {uri}\r\n"
        head += "WARC-Date: 2020-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        return (head + f"Content-Length: {len(http)}\r\n\r\n").encode() + http + b"\r\n\r\n"

    texts = [r["content"] for r in good_records(3)]
    path = tmp_path / "x.warc"
    path.write_bytes(record(None, texts[0]) + record("https://a.example/1", texts[1])
                     + record("https://a.example/2", texts[2]))
    stats: dict = {}
    items = list(read_any([path], stats=stats))
    docs = [d for d in items if isinstance(d, RawDoc)]
    assert [d.source.url for d in docs] == ["https://a.example/1", "https://a.example/2"]
    assert stats["warc_skipped"]["response without a target URI"] == 1


def test_a_reader_that_raises_is_one_line_and_the_next_file_is_read(tmp_path: Path, monkeypatch) -> None:
    import rasd.readers.dispatch as dispatch

    (tmp_path / "a.txt").write_text("نص أول للاختبار في هذا الملف", encoding="utf-8")
    (tmp_path / "b.txt").write_text("نص ثان للاختبار في هذا الملف", encoding="utf-8")
    real = dispatch.read_text_file

    def broken(path: Path, cap: int) -> RawDoc:
        if path.name == "a.txt":
            raise KeyError("surprise")
        return real(path, cap)

    monkeypatch.setattr(dispatch, "read_text_file", broken)
    items = list(read_any([tmp_path]))
    assert isinstance(items[0], ReadError) and "reading failed: KeyError" in items[0].reason
    assert isinstance(items[1], RawDoc)


def test_a_document_that_breaks_a_step_fails_alone(tmp_path: Path, monkeypatch) -> None:
    from rasd.pipeline import Pipeline

    class Exploding(Pipeline):
        def process_text(self, text, source=None, meta=None):  # noqa: ANN001, ANN201
            if "رقم 11" in text:
                raise IndexError("step bug")
            return super().process_text(text, source, meta)

    raws = [RawDoc(r["content"], __import__("rasd.model", fromlist=["Source"]).Source(url=r["url"]), {})
            for r in good_records(4)]
    store = SQLiteStore(tmp_path / "s.db")
    report = ingest(raws, store, pipeline=Exploding())
    assert (report.new, report.failed) == (3, 1)
    assert "processing failed: IndexError" in report.errors[0]
    assert store.ingest_log()[0]["reason"].startswith("processing failed")


def test_a_record_the_store_refuses_fails_alone(tmp_path: Path) -> None:
    from rasd.model import Source

    raws = [RawDoc(r["content"], Source(url=r["url"]), {}) for r in good_records(3)]
    raws[1].source.url = "https://example.org/\udcff"  # a lone surrogate cannot be encoded for SQLite
    store = SQLiteStore(tmp_path / "s.db")
    report = ingest(raws, store)
    assert report.new == 2 and report.failed == 1
    assert "cannot be stored" in report.errors[0]


# --- sizes ---------------------------------------------------------------------------------------------


def test_bounded_lines_reads_past_a_long_line() -> None:
    data = b"short\n" + b"x" * 100_000 + b"\nafter\n"
    assert list(bounded_lines(io.BytesIO(data), 1000)) == [b"short\n", None, b"after\n"]


def test_size_limits_on_every_reader_path(tmp_path: Path) -> None:
    small = Limits(max_file_bytes=50_000, max_doc_bytes=20_000)
    big = "كلمة " * 20_000  # 200 KB
    (tmp_path / "big.txt").write_text(big, encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({"content": big}, ensure_ascii=False) + "\n" + json.dumps({"content": "نص قصير مقبول"}) + "\n",
        encoding="utf-8",
    )
    with zipfile.ZipFile(tmp_path / "m.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.txt", big)
        zf.writestr("ok.txt", "نص قصير مقبول في الأرشيف")
    items = {str(i.where if isinstance(i, ReadError) else i.source.path): i for i in read_any([tmp_path], sizes=small)}
    assert "file too large" in items[str(tmp_path / "big.txt")].reason
    assert "line too long" in items[f"{tmp_path / 'lines.jsonl'}:1"].reason
    assert isinstance(items[str(tmp_path / "lines.jsonl")], RawDoc)  # the line after it is read
    assert "member too large" in items[f"{tmp_path / 'm.zip'}!big.txt"].reason
    # a text under the file limit but over the document limit fails at processing, with its reason
    assert "document too large" in Limits(max_doc_bytes=1000).doc_too_large("ن" * 1000)
    assert Limits().doc_too_large("ن" * 1000) is None


def test_document_limit_in_ingest_and_code(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("كلمة " * 5000, encoding="utf-8")  # 50 KB
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "doc.txt"), "--db", str(tmp_path / "x.db"),
                                      "-q", "--max-doc-mb", "0.01"])
    assert result.exit_code == 1 and "document too large to process" in result.output
    lines = tmp_path / "s.txt"
    lines.write_text("قال الوزير إن الجيش انسحب من المدينة\n" + "ن" * 50_000 + "\nأدان الرئيس الهجوم\n", encoding="utf-8")
    coded = CliRunner().invoke(app, ["code", str(lines), "--max-doc-mb", "0.01"])
    assert coded.exit_code == 1
    assert len(coded.stdout.splitlines()) == 2 and "s.txt:2: line too long" in coded.output


def test_code_rejects_an_impossible_published_date(tmp_path: Path) -> None:
    lines = tmp_path / "s.txt"
    lines.write_text("قال الوزير\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(lines), "--published", "2015-13-45"])
    assert result.exit_code == 2 and "must be a date as YYYY-MM-DD" in result.output


# --- files that are not files --------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_socket_device_and_symlink_loop_are_skipped(tmp_path: Path) -> None:
    import socket

    os.mkfifo(tmp_path / "pipe")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock"))
    os.symlink(tmp_path / "loop2", tmp_path / "loop1")
    os.symlink(tmp_path / "loop1", tmp_path / "loop2")
    (tmp_path / "ok.txt").write_text("نص عادي يقرأ كما هو", encoding="utf-8")
    try:
        items = list(read_any([tmp_path, "/dev/null"]))  # a FIFO opened for reading would block here
    finally:
        sock.close()
    reasons = {Path(i.where).name: i.reason for i in items if isinstance(i, ReadError)}
    assert "FIFO" in reasons["pipe"] and "socket" in reasons["sock"]
    assert reasons["loop1"] == "symlink loop" and "character device" in reasons["null"]
    assert [Path(d.source.path).name for d in items if isinstance(d, RawDoc)] == ["ok.txt"]


# --- SGML ----------------------------------------------------------------------------------------------

GIGAWORD = """<DOC id="AFP_ARB_20000103.0007" type="story" >
<HEADLINE>
مصر &amp; السودان تبحثان مياه النيل
</HEADLINE>
<DATELINE>
القاهرة 3-1 (اف ب)
</DATELINE>
<TEXT>
<P>
بحث وزير الخارجية المصري مع نظيره السوداني اليوم في القاهرة ملف مياه النيل.
</P>
<P>
وقال المتحدث إن الجانبين اتفقا على &quot;مواصلة التشاور&quot;.
</P>
</TEXT>
</DOC>
<DOC id="AFP_ARB_20000103.0008" type="advis" >
<HEADLINE>
تنبيه للمحررين
</HEADLINE>
<TEXT>
<P>برنامج اليوم</P>
</TEXT>
</DOC>
<DOC>
<DOCNO> NHR_ARB_19950512.0003 </DOCNO>
<TEXT>
غادر رئيس الوزراء اللبناني بيروت متوجها إلى دمشق.
</TEXT>
</DOC>
"""


def test_sgml_gigaword_and_trec(tmp_path: Path) -> None:
    path = tmp_path / "afp_arb_200001.gz"
    path.write_bytes(gzip.compress(GIGAWORD.encode("utf-8")))
    stats: dict = {}
    docs = list(read_any([path], stats=stats))
    assert all(isinstance(d, RawDoc) for d in docs) and len(docs) == 2
    first, trec = docs
    assert first.meta["title"] == "مصر & السودان تبحثان مياه النيل"
    assert dated(first)["published"] == "2000-01-03" and first.meta["doc_id"] == "AFP_ARB_20000103.0007"
    assert first.text.startswith("القاهرة 3-1 (اف ب)\n\nبحث وزير الخارجية")
    assert '"مواصلة التشاور"' in first.text and "<P>" not in first.text
    assert dated(trec)["published"] == "1995-05-12" and trec.text.startswith("غادر رئيس الوزراء")
    assert stats["sgml_skipped"]["not a story"] == 1


def test_sgml_broken_docs_are_one_line_each(tmp_path: Path) -> None:
    path = tmp_path / "x.sgml"
    path.write_text('<DOC id="A_1">\n<TEXT>\nنص\n<DOC id="A_2">\n<TEXT>\n<P>نص ثان كامل</P>\n</TEXT>\n</DOC>\n'
                    '<DOC id="A_3">\n<HEADLINE>بلا نص</HEADLINE>\n</DOC>\n<DOC id="A_4">\n<TEXT>\nمقطوع', encoding="utf-8")
    items = list(read_any([path]))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["ReadError", "RawDoc", "ReadError", "ReadError"]
    assert "not closed" in items[0].reason and "without <TEXT>" in items[2].reason and "truncated" in items[3].reason


def test_txt_holding_sgml_is_read_as_sgml_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "corpus.txt").write_text(GIGAWORD, encoding="utf-8")
    result = CliRunner().invoke(app, ["process", str(tmp_path / "corpus.txt"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert result.stdout.count('"id"') >= 2 and "<DOC" not in result.stdout.split("\n")[0][:200]
    assert "holds SGML markup" in result.output
    (tmp_path / "page.txt").write_text("<div><span>نص</span><b>آخر</b></div>", encoding="utf-8")
    other = CliRunner().invoke(app, ["process", str(tmp_path / "page.txt"), "--format", "jsonl"])
    assert "looks like markup" in other.output


# --- storage faults ------------------------------------------------------------------------------------


def test_full_database_is_one_line_exit_3_and_nothing_half_written(tmp_path: Path) -> None:
    db = tmp_path / "full.db"
    SQLiteStore(db).close()
    with sqlite3.connect(db) as con:  # a fault-injecting limit: SQLite answers SQLITE_FULL as on a full disk
        pages = con.execute("PRAGMA page_count").fetchone()[0]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in good_records(31)), encoding="utf-8")
    code = (
        "import sqlite3, sys\n"
        "from rasd.store import sqlite as s\n"
        "real = sqlite3.connect\n"
        "def capped(*a, **k):\n"
        f"    c = real(*a, **k); c.execute('PRAGMA max_page_count={pages + 2}'); return c\n"
        "s.sqlite3.connect = capped\n"
        "from rasd.cli import app\n"
        f"sys.argv = ['rasd', 'ingest', {str(src)!r}, '--db', {str(db)!r}, '-q', '--workers', '1']\n"
        "app()\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert run.returncode == 3, run.stderr
    assert "disk (or the database's size limit) is full" in run.stderr
    assert "Traceback" not in run.stderr and "cannot rollback" not in run.stderr
    assert _count(db) == 0  # the batch was rolled back whole


def test_store_add_on_full_database_raises_storage_fault(tmp_path: Path) -> None:
    from rasd.ingest import prepare

    store = SQLiteStore(tmp_path / "f.db")
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count={pages}")
    from rasd.model import Source

    raws = [RawDoc(r["content"], Source(url=r["url"]), {}) for r in good_records(5)]
    with pytest.raises(StorageFault, match="full"):
        ingest(raws, store)
    assert not store.db.in_transaction
    store.db.execute(f"PRAGMA max_page_count={pages * 1000}")  # room again: the same batch now goes in
    assert ingest([r for r in raws], store).new == 5
    assert prepare(raws[0]) is not None


def test_read_only_database_is_searched_and_ingest_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "ro.db"
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in good_records(3)), encoding="utf-8")
    assert CliRunner().invoke(app, ["ingest", str(src), "--db", str(db), "-q"]).exit_code == 0
    store = SQLiteStore(db, read_only=True)
    assert store.stats()["documents"] == 3 and store.search("التعليم")
    with pytest.raises(StorageFault, match="read-only"):
        store.add([], [])
    store.close()


def _mount_ok() -> bool:
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True, timeout=30)
    return probe.returncode == 0


needs_mount = pytest.mark.skipif(not _mount_ok(), reason="needs root and mount namespaces (unshare -m)")


@needs_mount
def test_disk_full_on_a_small_filesystem(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in good_records(31) * 3), encoding="utf-8")
    rasd = [sys.executable, "-m", "rasd.cli"]
    script = (f"mount -t tmpfs -o size=200k tmpfs /mnt && {' '.join(rasd)} ingest {src} --db /mnt/x.db -q "
              "--workers 1 --batch-size 5; echo rc=$?")
    run = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=600)
    assert "rc=3" in run.stdout, run.stdout + run.stderr
    assert "full" in run.stderr and "Traceback" not in run.stderr


@needs_mount
def test_database_on_a_read_only_mount_can_be_searched_and_served(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in good_records(3)), encoding="utf-8")
    assert CliRunner().invoke(app, ["ingest", str(src), "--db", str(folder / "x.db"), "-q"]).exit_code == 0
    py = sys.executable
    script = (
        f"mount --bind {folder} {folder} && mount -o remount,ro,bind {folder} && "
        f"{py} -m rasd.cli search التعليم --db {folder}/x.db -f jsonl && echo search-ok && "
        f"{py} -c \"from fastapi.testclient import TestClient; from rasd.api.app import create_app; "
        f"c = TestClient(create_app('{folder}/x.db')); print('api', c.get('/api/stats').json()['documents'])\"; "
        f"{py} -m rasd.cli ingest {src} --db {folder}/x.db -q; echo rc=$?"
    )
    run = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=300)
    assert "search-ok" in run.stdout and "api 3" in run.stdout, run.stdout + run.stderr
    assert "rc=3" in run.stdout and "read-only" in run.stderr


# --- web edges -----------------------------------------------------------------------------------------


@pytest.fixture()
def web(tmp_path: Path) -> TestClient:
    from rasd.model import Source
    from rasd.store import open_store

    store = open_store(tmp_path / "w.db")
    rec = good_records(1)[0]
    ingest([RawDoc(rec["content"], Source(url=rec["url"]), {"title": "عنوان \u202eمقلوب\u202c هنا"})], store)
    store.close()
    return TestClient(create_app(tmp_path / "w.db", token=TOKEN), raise_server_exceptions=False)


def test_malformed_tokens_are_401(web: TestClient) -> None:
    for header in ("Bearer توكن", "Bearer \u00ff\u00fe", "Bearer ", "Basic abc", "bearer"):
        r = web.post("/api/ingest", json={"text": "نص"}, headers={"Authorization": header.encode("utf-8")})
        assert r.status_code == 401, (header, r.status_code)


def test_frame_ancestors_none_on_every_page(web: TestClient) -> None:
    for url in ("/", "/events", "/ingest", "/api/stats", "/article/0000000000000000", "/nope"):
        r = web.get(url)
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"], url
        assert r.headers["x-frame-options"] == "DENY"


def test_bidi_overrides_are_removed_from_displayed_titles(web: TestClient) -> None:
    page = web.get("/").text
    assert "\u202e" not in page and "<bdi>عنوان مقلوب هنا</bdi>" in page


def test_query_length_and_impossible_dates_are_clear_errors(web: TestClient, tmp_path: Path) -> None:
    assert web.get("/api/articles", params={"q": "ن" * 600}).status_code == 422
    for params in ({"since": "2015-13-45"}, {"until": "2015-02-30"}):
        r = web.get("/api/events", params=params)
        assert r.status_code == 422 and "not a real date" in r.json()["detail"]
    r = web.post("/api/ingest", json={"text": "نص", "published": "2015-13-45"},
                 headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422
    long = CliRunner().invoke(app, ["search", "ن" * 100_000, "--db", str(tmp_path / "w.db")])
    assert long.exit_code == 2 and "query too long" in long.output


# --- memory stays linear -------------------------------------------------------------------------------


def test_ner_decodes_a_long_text_in_bounded_parts_with_the_same_tags() -> None:
    from rasd.entities.ner import _GRID_CELLS, _parts
    from rasd.entities.taggers import default_tagger

    tagger = default_tagger()
    sentences = [f"قال وزير الخارجية المصري سامح شكري في القاهرة رقم {i}".split() * (1 + i % 7) for i in range(900)]
    parts = list(_parts(sentences))
    assert len(parts) > 1 and sum(map(len, parts)) == len(sentences)
    assert all(max(map(len, p)) * len(p) <= _GRID_CELLS or len(p) == 1 for p in parts)
    assert tagger.tag_many(sentences) == [tagger.tag(s) for s in sentences]


def test_limits_are_mib() -> None:
    assert Limits().max_doc_bytes == 2 * MIB and Limits().max_file_bytes == 20 * MIB


def test_locked_database_is_one_line(tmp_path: Path) -> None:
    from rasd.model import Source

    store = SQLiteStore(tmp_path / "l.db")
    store.db.execute("PRAGMA busy_timeout=200")  # the default waits 10 s for the other writer
    other = sqlite3.connect(tmp_path / "l.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageFault, match="locked by another process"):
            ingest([RawDoc(good_records(1)[0]["content"], Source(url="https://example.org/l"), {})], store)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not store.db.in_transaction


def test_parquet_without_pyarrow_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """pyarrow is an optional part ([parquet]); asking for Parquet without it says how to get it."""
    import importlib.util

    from rasd.errors import ConfigError
    from rasd.export.stream import stream_rows

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name, *a))
    with pytest.raises(ConfigError, match=r"rasd\[parquet\]"):
        stream_rows([], "parquet", "events")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["events", "--type", "PROTESTS"], "not a PLOVER event type; one of: AGREE"),
        (["export", "events", "--type", "riot"], "not a PLOVER event type"),
        (["events", "--since", "2015-13-45"], "--since must be a date"),
    ],
)
def test_unknown_filter_values_are_errors_that_list_what_is_valid(
    tmp_path: Path, args: list[str], needle: str
) -> None:
    """`rasd events --type PROTESTS` used to return nothing with exit 0: an unknown value is exit 2."""
    db = tmp_path / "x.db"
    SQLiteStore(db).close()
    result = CliRunner().invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 2 and needle in result.output.replace("\n", " ")


def test_missing_article_page_is_404_with_a_page_that_says_so(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from rasd.api.app import create_app

    db = tmp_path / "x.db"
    SQLiteStore(db).close()
    r = TestClient(create_app(db)).get("/article/0123456789abcdef?lang=en")
    assert r.status_code == 404 and "0123456789abcdef" in r.text and "<html" in r.text


def test_train_ner_never_overwrites_the_shipped_model() -> None:
    """`rasd train ner` needs --out, and refuses the packaged model's directory (exit 2, files untouched)."""
    from importlib import resources

    shipped = Path(str(resources.files("rasd.data").joinpath("ner")))
    before = {p.name: p.stat().st_mtime_ns for p in shipped.iterdir()}
    missing = CliRunner().invoke(app, ["train", "ner"])
    assert missing.exit_code == 2 and "--out" in missing.output
    refused = CliRunner().invoke(app, ["train", "ner", "--out", str(shipped)])
    assert refused.exit_code == 2 and "RASD_NER_MODEL" in refused.output
    assert {p.name: p.stat().st_mtime_ns for p in shipped.iterdir()} == before


@pytest.mark.parametrize("command", [["ingest", "{seed}", "--db", "{db}"], ["process", "{seed}"], ["code", "{seed}", "--articles"]])
def test_malformed_user_actor_file_stops_before_any_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """A broken RASD_ACTORS file is one line naming the file and line, exit 2, before any input is read;
    it used to fail every document of the batch, one by one."""
    bad = tmp_path / "mine.yaml"
    bad.write_text("persons:\n  - id: x\n    names: [فلان\n", encoding="utf-8")
    seed = tmp_path / "in.txt"
    seed.write_text("قال وزير الخارجية إن الاجتماع عقد في بغداد.", encoding="utf-8")
    db = tmp_path / "x.db"
    monkeypatch.setenv("RASD_ACTORS", str(bad))  # new settings: nothing loaded before is reused
    args = [a.format(seed=seed, db=db) for a in command]
    result = CliRunner().invoke(app, args)
    text = result.output.replace("\n", " ")
    assert result.exit_code == 2 and f"{bad}:4" in text and "processing failed" not in text
    assert not db.exists() or SQLiteStore(db).stats()["documents"] == 0


def test_train_ner_takes_silver_sentences_beside_weighted_gold(tmp_path: Path) -> None:
    """`rasd train ner --silver FILE --gold-copies N`: the CRF trains on N copies of the ANERcorp sentences
    and the machine-labelled ones (what scripts/silver_ner.py writes); meta.json counts them all and says
    what they were."""
    import json

    from rasd.train.ner import corpus_paths

    data = Path(__file__).resolve().parents[2] / "shared" / "data"
    if not corpus_paths(data)["anercorp_train"].is_file():
        pytest.skip("ANERcorp-clean train not found in ../shared/data")
    silver = tmp_path / "silver.conll"
    silver.write_text("قال O\nأوباما B-PER\n. O\n\nزار B-PER\nبغداد B-LOC\n\n", encoding="utf-8")
    out = tmp_path / "model"
    args = ["train", "ner", "--data", str(data), "--out", str(out), "--limit", "30", "--gold-copies", "2",
            "--silver", str(silver), "--max-iterations", "5", "--no-score"]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["sentences"] == 30 * 2 + 2
    assert meta["data"] == {"anercorp_train": 30, "gold_copies": 2, "extra": [],
                            "silver": [{"file": "silver.conll", "sentences": 2}]}
    args[args.index("--silver") + 1] = str(tmp_path / "none.conll")
    missing = CliRunner().invoke(app, args)
    assert missing.exit_code == 2 and "none.conll" in missing.output
