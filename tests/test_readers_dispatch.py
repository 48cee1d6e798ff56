"""read_any: one entry point for directories, files of every kind and SaudiNewsNet's daily zips."""

from __future__ import annotations

from pathlib import Path

from dated import dated

from rasd.readers import RawDoc, ReadError, read_any
from rasd.readers.dispatch import kind_of

DATA = Path(__file__).parent / "data" / "readers"


def test_kind_of() -> None:
    assert kind_of("a.warc.gz") == "warc" and kind_of("a.tgz") == "tar" and kind_of("a.html.gz") == "html"
    assert kind_of("a.ndjson") == "jsonl" and kind_of("a.atom") == "feed" and kind_of("a.txt") == "text"
    assert kind_of("noext", b"<?xml version='1.0'?><rss version='2.0'>") == "feed"
    assert kind_of("noext", b"<!DOCTYPE html><html>") == "html"
    assert kind_of("noext", b"WARC/1.0\r\n") == "warc"


def test_directory_walk_never_raises() -> None:
    out = list(read_any([DATA, DATA / "nope.txt"]))
    docs = [x for x in out if isinstance(x, RawDoc)]
    errors = [x for x in out if isinstance(x, ReadError)]
    assert len(docs) >= 15
    assert any(e.where.endswith("nope.txt") for e in errors)
    assert {d.meta.get("extractor") for d in docs} >= {"trafilatura"}
    assert all(d.text.strip() for d in docs)


def test_saudinewsnet_daily_zip(shared_data: Path) -> None:
    path = shared_data / "news" / "saudinewsnet" / "2015-07-21.zip"
    docs, errors = [], []
    for x in read_any([str(path)]):
        (docs if isinstance(x, RawDoc) else errors).append(x)
    assert len(docs) > 2000
    assert all(e.where.startswith(f"{path}!2015-07-21.json[") for e in errors)  # records, not the file
    first = docs[0]
    assert first.source.site == "aawsat" and first.meta["title"].startswith("بريطانيا")
    assert first.meta["crawled"] == "2015-07-21 02:51:32"
    assert dated(first)["published"] == "2015-07-20"  # "اليوم (الاثنين)" written the day before the crawl
