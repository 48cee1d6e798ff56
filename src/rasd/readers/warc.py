"""WARC and WARC.gz files (Common Crawl News): HTML responses extracted, other records counted.

Each HTML ``response`` record goes through the HTML reader with the record's target URI and its
WARC-Date as the reference for relative dates. Requests, metadata, non-HTML responses and failed
responses are skipped and counted in a ``WarcStats`` the caller may pass. A truncated or corrupt
file yields one ``ReadError`` after the records that could be read.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from rasd.readers.base import MAX_BYTES, RawDoc, ReadError
from rasd.readers.html import html_to_rawdoc

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


@dataclass
class WarcStats:
    """What a WARC reader saw: records read as documents, and skipped records by reason."""

    documents: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


def _is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def parse_warc(
    stream: IO[bytes], where: str, stats: WarcStats | None = None, max_bytes: int = MAX_BYTES
) -> Iterator[RawDoc | ReadError]:
    """Documents from the HTML responses of one WARC stream (gzip detected by warcio)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    stats = stats if stats is not None else WarcStats()
    n = 0
    start = stream.tell() if stream.seekable() else None
    last = None
    try:
        records = ArchiveIterator(stream)
        records.loader = _tolerant_loader()
        for record in records:
            if _cut_short(last):
                break
            last = record
            n += 1
            if n == 1 and record.format.startswith("arc") and record.rec_type != "warcinfo":
                # warcio reads any text as a headerless ARC record; a real ARC starts with filedesc://
                yield ReadError(where, "not a WARC or ARC file")
                return
            if record.rec_type != "response":
                stats.skipped[record.rec_type or "unknown"] += 1
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            http = record.http_headers
            if not uri:
                stats.skipped["response without a target URI"] += 1
                continue
            if http is None:
                stats.skipped["response without HTTP headers"] += 1
                continue
            status = http.get_statuscode() or ""
            if not status.startswith("2"):
                stats.skipped[f"HTTP {status or '?'}"] += 1
                continue
            ctype = (http.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                stats.skipped["not HTML"] += 1
                continue
            body = record.content_stream().read(max_bytes + 1)
            at = f"{where}#{n} {uri}"
            if len(body) > max_bytes:
                stats.skipped["too large"] += 1
                yield ReadError(at, f"page too large (limit {max_bytes:,} bytes)")
                continue
            crawled = record.rec_headers.get_header("WARC-Date")
            try:
                doc = html_to_rawdoc(
                    body, path=where, url=uri, reference=crawled.rstrip("Z") if crawled else None
                )
            except ValueError as exc:
                stats.skipped["no text"] += 1
                yield ReadError(at, str(exc))
                continue
            if crawled:
                doc.meta["crawled"] = crawled
            doc.meta["warc_record_id"] = record.rec_headers.get_header("WARC-Record-ID")
            stats.documents += 1
            yield doc
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        yield ReadError(
            where, f"corrupt or truncated WARC after {n} records ({type(exc).__name__}: {exc})".strip()
        )
        return
    if n == 0:
        yield ReadError(where, "no WARC records (not a WARC file?)")
        return
    if _cut_short(last) or (start is not None and not _gzip_complete(stream, start)):
        yield ReadError(where, f"truncated WARC: records after the first {n} are lost")


def _tolerant_loader() -> object:
    """warcio's record loader, made to pass over one bad record instead of ending the file: a response
    without a target URI, or with HTTP headers that do not parse, is read as a record without HTTP
    headers (skipped and counted) and the records after it are still read."""
    from warcio.recordloader import ArcWarcRecordLoader
    from warcio.statusandheaders import StatusAndHeadersParserException

    class Tolerant(ArcWarcRecordLoader):
        def load_http_headers(self, rec_type, uri, stream, length):  # type: ignore[no-untyped-def]
            if not uri:
                return None
            try:
                return super().load_http_headers(rec_type, uri, stream, length)
            except (StatusAndHeadersParserException, EOFError, ValueError):
                return None

    return Tolerant(verify_http=False, arc2warc=False)


def _cut_short(record: object) -> bool:
    """Whether a record, once read to its end, held fewer bytes than its Content-Length promised."""
    raw = getattr(record, "raw_stream", None)
    return raw is not None and getattr(raw, "limit", 0) > 0


def _gzip_complete(stream: IO[bytes], start: int) -> bool:
    """Whether a (multi-member) gzip stream ends cleanly; an uncompressed stream counts as complete.

    warcio stops quietly at a truncated gzip member, so this second pass (zlib, fast next to HTML
    extraction) is what tells a cut-off download from a complete one.
    """
    stream.seek(start)
    if stream.read(2) != b"\x1f\x8b":
        return True
    stream.seek(start)
    d = zlib.decompressobj(wbits=47)
    while True:
        chunk = d.unused_data or stream.read(1 << 20)
        if not chunk:
            return d.eof
        if d.eof:
            d = zlib.decompressobj(wbits=47)
        try:
            while chunk:
                d.decompress(chunk, 1 << 20)
                chunk = d.unconsumed_tail
        except zlib.error:
            return False


def read_warc(path: Path, stats: WarcStats | None = None, max_bytes: int = MAX_BYTES) -> Iterator[RawDoc | ReadError]:
    """Documents of a ``.warc`` / ``.warc.gz`` file."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield ReadError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        yield from parse_warc(fh, str(path), stats, max_bytes)
