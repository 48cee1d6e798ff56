"""The PySpark runner with ``local[2]``: its output on a SaudiNewsNet sample equals what ``rasd ingest``
stores (documents, entities, events and every duplicate link), the readers work from local paths and
Hadoop URIs, and the result loads into PostgreSQL."""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from rasd.cli import app
from rasd.dedup.minhash import NEAR
from rasd.ingest import ingest
from rasd.readers import read_any
from rasd.store import Filters
from rasd.store.sqlite import SQLiteStore

pytestmark = pytest.mark.spark  # `pytest -m 'not spark'` skips these locally; CI runs them
pyspark = pytest.importorskip("pyspark", reason="PySpark is not installed (pip install 'rasd[spark]')")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java (17) on PATH", allow_module_level=True)

from rasd.spark.dedup import band_keys  # noqa: E402
from rasd.spark.job import run, session  # noqa: E402

READERS = Path(__file__).resolve().parent / "data" / "readers"
SAMPLE_DAY = "2015-07-21.zip"
N_ORIGINAL = 150


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    s = session("local[2]", "rasd-tests", {"spark.sql.shuffle.partitions": "4", "spark.default.parallelism": "2"})
    yield s
    s.stop()


def _sample(shared: Path, path: Path) -> Path:
    """The first articles of one SaudiNewsNet day, plus wire copies (same text, other url) and edited
    copies (the last tenth cut), so both exact and near-duplicate links are exercised."""
    with zipfile.ZipFile(shared / "news" / "saudinewsnet" / SAMPLE_DAY) as zf:
        records = json.loads(zf.read(zf.namelist()[0]))
    records = [r for r in records if (r.get("content") or "").strip()][:N_ORIGINAL]
    longer = [r for r in records if len(r["content"].split()) > 150]
    copies = [{**r, "url": f"https://copy.example/{i}", "source": "copy"} for i, r in enumerate(longer[:8])]
    edited = []
    for i, r in enumerate(longer[8:20]):
        words = r["content"].split()
        edited.append({**r, "url": f"https://edited.example/{i}", "source": "edited",
                       "content": " ".join(words[: int(len(words) * 0.9)])})
    mixed = records[:80] + copies + records[80:] + edited
    path.write_text(json.dumps(mixed, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def outputs(spark: Any, shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("spark")
    sample = _sample(shared_data, tmp / "sample.json")
    store = SQLiteStore(tmp / "single.db")
    single = ingest(read_any([str(sample)]), store, batch_size=50)
    report = run([str(sample)], str(tmp / "out"), spark=spark, partitions=4)
    return {"single": single, "store": store, "report": report, "out": tmp / "out"}


def _table(spark: Any, out: Path, name: str) -> list[Any]:
    return spark.read.parquet(str(out / name)).collect()


def test_counts_match_single_process(outputs: dict[str, Any]) -> None:
    single, report = outputs["single"], outputs["report"]
    assert report.exact > 0 and report.near > 0, "the sample must exercise both duplicate layers"
    assert (report.read, report.new, report.exact, report.near, report.story, report.failed) == (
        single.read, single.new, single.exact, single.near, single.story, single.failed)


def test_documents_equal_single_process(spark: Any, outputs: dict[str, Any]) -> None:
    store: SQLiteStore = outputs["store"]
    expected = {d["id"]: d for d in store.export("documents")}
    rows = _table(spark, outputs["out"], "documents")
    got = {r.id: json.loads(r.json) for r in rows}
    assert got.keys() == expected.keys()
    assert got == expected
    by_id = {r.id: r for r in rows}
    for doc_id, near_of, story in store.db.execute("SELECT id, near_of, story FROM documents"):
        assert (by_id[doc_id].near_of, by_id[doc_id].story) == (near_of, story)
    # the partition column comes back as a date (Spark infers the type of pub_date=YYYY-MM-DD)
    assert all((str(r.pub_date) if r.pub_date else None) == (r.published[:10] if r.published else None) for r in rows)


def test_entities_and_events_equal_single_process(spark: Any, outputs: dict[str, Any]) -> None:
    store: SQLiteStore = outputs["store"]
    names = ("doc_id", "entity_id", "type", "name", "code", "country", "sector", "office", "kind", "kb_id", "mentions")
    expected = sorted(tuple(e[n] for n in names) for e in store.export("entities"))
    got = sorted(tuple(r[n] for n in names) for r in _table(spark, outputs["out"], "entities"))
    assert got == expected and expected
    # the same events in the same clusters (the number of reports is the store's count, not a column)
    ev_expected = sorted(json.dumps({k: v for k, v in e.items() if k != "reports"}, sort_keys=True, ensure_ascii=False)
                         for e in store.export("events"))
    ev_got = sorted(json.dumps({**json.loads(r.json), "doc_id": r.doc_id, "cluster": r.cluster}, sort_keys=True,
                               ensure_ascii=False) for r in _table(spark, outputs["out"], "events"))
    assert ev_got == ev_expected


def test_duplicate_links_equal_single_process(spark: Any, outputs: dict[str, Any]) -> None:
    store: SQLiteStore = outputs["store"]
    expected = sorted((x["kind"], x["doc_id"], x["original_id"], round(x["similarity"], 6), x["source"])
                      for x in store.export("duplicates"))
    got = sorted((r.kind, r.doc_id, r.original_id, round(r.similarity, 6), r.source)
                 for r in _table(spark, outputs["out"], "duplicates"))
    assert got == expected


def test_band_keys_match_when_band_values_match() -> None:
    rng = np.random.default_rng(0)
    a = rng.integers(0, 2**32, NEAR.num_perm, dtype=np.uint64).astype("<u4")
    b = a.copy()
    b[NEAR.rows :] = rng.integers(0, 2**32, NEAR.num_perm - NEAR.rows, dtype=np.uint64)  # only band 0 shared
    ka, kb = band_keys(a.tobytes(), NEAR), band_keys(b.tobytes(), NEAR)
    assert len(ka) == NEAR.bands and ka[0] == kb[0] and sum(x == y for x, y in zip(ka, kb, strict=True)) == 1


def test_text_jsonl_warc_from_paths_and_uris(spark: Any, tmp_path: Path) -> None:
    (tmp_path / "txt").mkdir()
    (tmp_path / "txt" / "a.txt").write_text("وصل وزير الخارجية إلى الرياض اليوم في زيارة رسمية تستمر يومين.", "utf-8")
    (tmp_path / "txt" / "b.txt").write_text("أعلنت وزارة الصحة عن حملة تطعيم جديدة في المدارس الحكومية.", "utf-8")
    lines = [json.dumps({"url": f"https://x.example/{i}", "title": f"خبر {i}", "date_extracted": "2015-07-2{i} 10:00:00",
                         "content": f"قال المتحدث باسم الحكومة في البيان رقم {i} إن الاجتماع سيعقد الأسبوع المقبل."},
                        ensure_ascii=False) for i in range(3)]
    (tmp_path / "news.jsonl").write_text("\n".join([*lines, "{not json"]) + "\n", "utf-8")
    remote = tmp_path / "remote"
    remote.mkdir()
    shutil.copy(READERS / "pages.warc.gz", remote / "pages.warc.gz")
    (remote / "more.jsonl").write_text(json.dumps({"url": "https://y.example/1", "content": "نص خبر بعيد عن المؤتمر الصحفي للوزير."},
                                                  ensure_ascii=False) + "\n", "utf-8")
    inputs = [str(tmp_path / "txt"), str(tmp_path / "news.jsonl"), str(READERS / "pages.warc.gz"), f"file://{remote}"]
    report = run(inputs, str(tmp_path / "out"), spark=spark, partitions=2)
    expected = [d for d in read_any(inputs[:3] + [str(remote)]) if not hasattr(d, "reason")]
    assert len(expected) == 8  # 2 texts, 3 JSON lines, the WARC's one page twice, 1 remote JSON line
    # the WARC page met twice has one source (its url) both times: re-read, not an exact duplicate
    assert (report.read, report.new, report.exact, report.failed) == (8, 7, 0, 1)
    assert "news.jsonl:4" in report.errors[0]
    paths = {r.source_path or r.source_url for r in _table(spark, tmp_path / "out", "documents")}
    assert any(p.startswith("file:") and p.endswith("more.jsonl") for p in paths if p)
    assert str(tmp_path / "txt" / "a.txt") in paths


def test_load_into_postgres(spark: Any, tmp_path: Path) -> None:
    from tests.test_postgres import _SCHEMAS, _server_url, fresh_url

    server = _server_url()
    url = fresh_url(server)
    lines = [json.dumps({"url": f"https://z.example/{i}", "content": f"اجتمع مجلس الوزراء في جلسته رقم {i} وناقش ملفات الاقتصاد والتعليم."},
                        ensure_ascii=False) for i in range(4)]
    (tmp_path / "z.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    report = run([str(tmp_path / "z.jsonl")], str(tmp_path / "out"), spark=spark, partitions=2, db=url)
    from rasd.store import open_store

    store = open_store(url)
    try:
        assert store.stats()["documents"] == report.new == report.loaded
        rows = _table(spark, tmp_path / "out", "documents")
        assert {h.doc_id for h in store.search("الوزراء", Filters(duplicates=True))} == {r.id for r in rows}
        # the four differ only by a number: Spark's near-duplicate links went into the database
        assert {h.doc_id for h in store.search("الوزراء")} == {r.id for r in rows if r.near_of is None}
        assert store.stats()["near_duplicates"] == report.near > 0
    finally:
        store.close()
        import psycopg

        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {_SCHEMAS.pop()} CASCADE")


def test_cli_refuses_a_sqlite_db_in_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["spark", str(tmp_path), "--output", str(tmp_path / "o"), "--db", "x.db"])
    assert result.exit_code == 2
    assert "postgresql://" in result.output and "Traceback" not in result.output
    bad = CliRunner().invoke(app, ["spark", str(tmp_path), "--output", str(tmp_path / "o"), "--master", "nonsense"])
    assert bad.exit_code == 2 and "--master" in bad.output and "Traceback" not in bad.output
