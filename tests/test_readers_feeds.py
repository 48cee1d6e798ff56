"""RSS/Atom reader: entries from files and from a local HTTP server; bad feeds."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from dated import dated

from rasd.readers import RawDoc, ReadError, read_any
from rasd.readers.feeds import read_feed_file, read_feed_url, strip_html

DATA = Path(__file__).parent / "data" / "readers"


def test_rss_entries() -> None:
    docs = list(read_feed_file(DATA / "feed.rss"))
    assert [type(d) for d in docs] == [RawDoc, RawDoc]
    first = docs[0]
    assert first.meta["title"] == "الرياض وعمّان تبحثان العلاقات"
    assert first.text == "أعلنت وزارة الخارجية السعودية أن الوزير سيلتقي نظيره الأردني."  # HTML stripped
    assert first.source.url == "https://news.example.sa/a/1"
    assert first.source.site == "أخبار الاختبار"
    assert (dated(first)["published"], dated(first)["published_text"]) == (
        "2015-07-21",
        "Tue, 21 Jul 2015 09:30:00 +0300",
    )


def test_atom_entries() -> None:
    docs = list(read_feed_file(DATA / "feed.atom"))
    assert len(docs) == 2
    assert docs[0].text == "تنطلق في الدوحة قمة خليجية.\nويشارك فيها القادة."
    assert docs[0].meta["author"] == "مراسل الدوحة" and dated(docs[0])["published"] == "2015-07-22"
    assert docs[1].text == "ملخص قصير للخبر الثاني." and "published" not in dated(docs[1])


@pytest.mark.parametrize(
    ("name", "reason"), [("empty_feed.xml", "no entries"), ("not_a_feed.rss", "not an RSS")]
)
def test_bad_feeds(name: str, reason: str) -> None:
    out = list(read_feed_file(DATA / name))
    assert len(out) == 1 and isinstance(out[0], ReadError) and reason in out[0].reason


def test_strip_html() -> None:
    assert strip_html("<p>أ &amp; ب</p><p>ج<br>د</p>") == "أ & ب\nج\nد"


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server API
        if self.path == "/feed.rss":
            body = (DATA / "feed.rss").read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
        elif self.path == "/big":
            body = b"<rss>" + b" " * 5000
            self.send_response(200)
        else:
            body = b"nope"
            self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_feed_from_url(server: str) -> None:
    docs = list(read_any([f"{server}/feed.rss"]))
    assert len(docs) == 2 and all(isinstance(d, RawDoc) for d in docs)
    assert docs[1].source.url == "https://news.example.sa/a/2"


def test_url_errors(server: str) -> None:
    (err,) = read_feed_url(f"{server}/missing")
    assert isinstance(err, ReadError) and "404" in err.reason
    (err,) = read_feed_url(f"{server}/big", max_bytes=1000)
    assert isinstance(err, ReadError) and "too large" in err.reason
    # a port nobody listens on: refused quickly, reported, not raised
    (err,) = read_feed_url("http://127.0.0.1:9/feed", timeout=2)
    assert isinstance(err, ReadError)
