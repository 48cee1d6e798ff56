"""WARC reader: HTML responses become documents, other records are counted; truncated files."""

from __future__ import annotations

import gzip
from pathlib import Path

from rasd.readers import RawDoc, ReadError, read_any
from rasd.readers.warc import WarcStats, read_warc

DATA = Path(__file__).parent / "data" / "readers"


def test_html_response_read_others_counted() -> None:
    stats = WarcStats()
    docs = list(read_warc(DATA / "pages.warc.gz", stats))
    assert len(docs) == 1 and isinstance(docs[0], RawDoc)
    doc = docs[0]
    assert doc.source.url == "https://news.example.sa/2015/07/21/riyadh-amman.html"
    assert doc.meta["title"] == "الرياض وعمّان تبحثان العلاقات الثنائية"
    assert doc.meta["crawled"] == "2015-07-21T12:00:00Z"
    assert doc.meta["extractor"] == "trafilatura"
    assert stats.documents == 1
    assert dict(stats.skipped) == {"warcinfo": 1, "request": 1, "not HTML": 1, "HTTP 404": 1}


def test_uncompressed_warc(tmp_path: Path) -> None:
    plain = tmp_path / "pages.warc"
    plain.write_bytes(gzip.decompress((DATA / "pages.warc.gz").read_bytes()))
    assert [type(d) for d in read_warc(plain)] == [RawDoc]
    cut = tmp_path / "cut.warc"
    cut.write_bytes(plain.read_bytes()[:2500])
    out = list(read_warc(cut))
    assert isinstance(out[-1], ReadError) and "truncated" in out[-1].reason


def test_truncated_gzip_reports_after_good_records() -> None:
    out = list(read_warc(DATA / "truncated.warc.gz"))
    assert isinstance(out[0], RawDoc)
    assert isinstance(out[-1], ReadError) and "truncated" in out[-1].reason


def test_stats_through_read_any() -> None:
    stats: dict = {}
    docs = [d for d in read_any([DATA / "pages.warc.gz"], stats=stats) if isinstance(d, RawDoc)]
    assert len(docs) == 1
    assert stats["warc_documents"] == 1 and stats["warc_skipped"]["not HTML"] == 1


def test_not_a_warc(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"this is not a warc file\n" * 3)
    out = list(read_warc(bad))
    assert len(out) == 1 and isinstance(out[0], ReadError)
