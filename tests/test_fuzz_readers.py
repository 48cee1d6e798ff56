"""Fuzzing every reader and the API upload (hypothesis, bounded in time): whatever the bytes, a
reader yields documents or one-line errors and never raises, and the API answers 200/207/422, never 500.

The inputs are mutations of small valid files of each kind (so the fuzzer reaches past the first
byte check) plus raw bytes. ``RASD_FUZZ_EXAMPLES`` raises the example count for a longer local run.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tarfile
import zipfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is in the [dev] extra")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from rasd.readers import RawDoc, ReadError, read_any  # noqa: E402

EXAMPLES = int(os.environ.get("RASD_FUZZ_EXAMPLES", "60"))
RANDOM = os.environ.get("RASD_FUZZ_RANDOM") == "1"  # a new search each run, for local hunting
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not RANDOM,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

ARTICLE = "الرياض - واس: أعلنت وزارة الصحة اليوم عن حملة تطعيم جديدة في المدارس."


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _tar(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _warc() -> bytes:
    html = f"<html><head><title>t</title></head><body><p>{ARTICLE}</p></body></html>".encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/\r\n"
            b"WARC-Date: 2020-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % len(http)) + http + b"\r\n\r\n"


SEEDS: dict[str, bytes] = {
    "a.txt": ARTICLE.encode(),
    "a.html": f"<html><head><title>عنوان</title></head><body><article><p>{ARTICLE}</p></article></body></html>".encode(),
    "a.json": json.dumps([{"title": "t", "content": ARTICLE, "date": "2020-01-02"}], ensure_ascii=False).encode(),
    "a.jsonl": (json.dumps({"content": ARTICLE}, ensure_ascii=False) + "\n").encode() * 2,
    "a.rss": (f'<?xml version="1.0"?><rss version="2.0"><channel><title>c</title><item><title>t</title>'
              f"<link>https://a.example/1</link><description>{ARTICLE}</description>"
              "<pubDate>Tue, 21 Jul 2015 10:00:00 GMT</pubDate></item></channel></rss>").encode(),
    "a.warc": _warc(),
    "a.sgml": f'<DOC id="AFP_ARB_20000101.0001" type="story">\n<HEADLINE>ع</HEADLINE>\n<TEXT>\n<P>{ARTICLE}</P>\n</TEXT>\n</DOC>\n'.encode(),
    "a.zip": _zip({"x.txt": ARTICLE.encode(), "y.json": json.dumps({"content": ARTICLE}).encode()}),
    "a.tar.gz": _tar({"x.txt": ARTICLE.encode()}),
    "a.jsonl.gz": gzip.compress((json.dumps({"content": ARTICLE}) + "\n").encode()),
}


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A seed file of some kind with bytes flipped, cut, repeated or spliced in."""
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name])
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "dup", "truncate"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "insert":
            data[at:at] = draw(st.sampled_from([b"\x00", b"<", b"[" * 50, b"\xff\xfe", b"&amp;", b"\n", b"\"",
                                                b"9" * 40, b"<DOC>", b"WARC/1.0\r\n", b"PK\x03\x04", b"\x1f\x8b"]))
        elif op == "dup":
            data[at:at] = data[at : at + draw(st.integers(1, 200))]
        elif op == "truncate":
            del data[at:]
    return name, bytes(data)


def _read_all(path: Path) -> list[RawDoc | ReadError]:
    items = list(read_any([path]))
    for item in items:
        assert isinstance(item, RawDoc | ReadError)
        if isinstance(item, ReadError):
            assert item.reason and "\n" not in item.reason.strip()
        else:
            assert isinstance(item.text, str)
    return items


@FUZZ
@given(case=mutated())
def test_readers_never_raise_on_mutated_files(tmp_path_factory: pytest.TempPathFactory, case: tuple[str, bytes]) -> None:
    name, data = case
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(data)
    _read_all(path)


@FUZZ
@given(data=st.binary(max_size=4096), name=st.sampled_from(sorted(SEEDS) + ["noext", "b.xml", "c.ndjson"]))
def test_readers_never_raise_on_random_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes, name: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(data)
    _read_all(path)


@pytest.fixture(scope="module")
def upload_client(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    from fastapi.testclient import TestClient

    from rasd.api.app import create_app

    db = tmp_path_factory.mktemp("fuzzapi") / "f.db"
    return TestClient(create_app(db, token="fuzz"), raise_server_exceptions=False)


@settings(max_examples=max(10, EXAMPLES // 3), deadline=None, derandomize=not RANDOM,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(case=mutated())
def test_api_upload_never_500(upload_client, case: tuple[str, bytes]) -> None:  # noqa: ANN001
    name, data = case
    r = upload_client.post("/api/ingest/file", files={"file": (name, data, "application/octet-stream")},
                           headers={"Authorization": "Bearer fuzz"})
    assert r.status_code in (200, 207, 413, 422), (name, r.status_code, r.text[:300])
    assert "Traceback" not in r.text
