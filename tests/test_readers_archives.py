"""Archive reader: zip and tar.gz members dispatched by extension; corrupt archives and bombs."""

from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path

from rasd.readers import RawDoc, ReadError, read_any
from rasd.readers.archives import ArchiveLimits, read_zip
from rasd.readers.dispatch import read_bytes

DATA = Path(__file__).parent / "data" / "readers"


def _member(name: str, data: bytes, where: str):  # noqa: ANN202 - a MemberReader
    return read_bytes(name, data, where)


def test_zip_members_by_extension() -> None:
    out = list(read_any([DATA / "bundle.zip"]))
    docs = {x.source.path.split("!")[1]: x for x in out if isinstance(x, RawDoc)}
    assert set(docs) == {"news/one.txt", "news/page.html", "news/records.jsonl"}
    assert docs["news/page.html"].meta["extractor"] == "trafilatura"
    assert docs["news/records.jsonl"].meta["title"] == "خادم الحرمين يستقبل وزير الخارجية"
    errors = [x for x in out if isinstance(x, ReadError)]
    assert len(errors) == 1 and errors[0].where.endswith("nested.zip") and "nested" in errors[0].reason


def test_tar_gz() -> None:
    out = list(read_any([DATA / "bundle.tar.gz"]))
    assert [type(x) for x in out] == [RawDoc, RawDoc, RawDoc]
    assert out[0].source.path.endswith("bundle.tar.gz!a/one.txt")
    assert out[1].meta["title"] == "خادم الحرمين يستقبل وزير الخارجية"


def test_corrupt_zip() -> None:
    (err,) = read_any([DATA / "corrupt.zip"])
    assert isinstance(err, ReadError) and "corrupt zip" in err.reason


def test_truncated_tar_gz(tmp_path: Path) -> None:
    cut = tmp_path / "cut.tar.gz"
    data = (DATA / "bundle.tar.gz").read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    out = list(read_any([cut]))
    assert isinstance(out[-1], ReadError) and "truncated" in out[-1].reason


def test_zip_bomb_and_size_limits(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("zeros.txt", b"0" * (8 * 1024 * 1024))
        z.writestr("ok.txt", "نص قصير".encode())
    out = list(read_zip(bomb, _member))
    assert isinstance(out[0], ReadError) and "zip bomb" in out[0].reason
    assert isinstance(out[1], RawDoc)  # the rest of the archive still goes in
    out = list(read_zip(bomb, _member, ArchiveLimits(max_member_bytes=1000, max_ratio=1e9)))
    assert isinstance(out[0], ReadError) and "too large" in out[0].reason


def test_tar_bomb(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.tar.gz"
    with tarfile.open(bomb, "w:gz") as t:
        raw = b"0" * (4 * 1024 * 1024)
        info = tarfile.TarInfo("zeros.txt")
        info.size = len(raw)
        t.addfile(info, io.BytesIO(raw))
    (err,) = read_any([bomb])
    assert isinstance(err, ReadError) and "too much data" in err.reason
