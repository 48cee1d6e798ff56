"""One entry point for every input: files, directories, archives and URLs, dispatched by kind.

The kind comes from the extension and, where that says nothing, from the first bytes (an RSS root,
``<html``, ``WARC/1.``, a zip or gzip signature). Every reader yields ``RawDoc`` or ``ReadError``
items; nothing raises for bad input, so a batch always goes on.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from rasd.errors import InputError
from rasd.limits import DEFAULT_LIMITS, Limits
from rasd.model import Source
from rasd.readers.archives import ArchiveLimits, is_archive, read_tar, read_zip
from rasd.readers.base import MAX_BYTES, RawDoc, ReadError, guarded
from rasd.readers.feeds import FEED_SUFFIXES, fetch, looks_like_feed, parse_feed, read_feed_file
from rasd.readers.html import HTML_SUFFIXES, html_to_rawdoc, read_html_file
from rasd.readers.jsonl import (
    DEFAULT_MAP,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    FieldMap,
    parse_json,
    parse_jsonl,
    read_json_path,
)
from rasd.readers.sgml import SGML_SUFFIXES, looks_like_sgml, parse_sgml, read_sgml
from rasd.readers.text import iter_files, read_text_file
from rasd.readers.warc import WarcStats, parse_warc, read_warc
from rasd.text.decode import decode_bytes


def kind_of(name: str, head: bytes = b"") -> str:
    """``warc``, ``zip``, ``tar``, ``html``, ``json``, ``jsonl``, ``feed`` or ``text`` for a file name and its first bytes."""
    low = name.lower()
    if low.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")):
        return "warc"
    if low.endswith(".zip"):
        return "zip"
    if is_archive(low):
        return "tar"
    base = low[:-3] if low.endswith(".gz") else low
    suffix = Path(base).suffix
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in SGML_SUFFIXES:
        return "sgml"
    return _sniff(head) or "text"


def _sniff(head: bytes) -> str | None:
    if looks_like_sgml(head):
        return "sgml"
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    sample = head[:2048].lstrip().lower()
    if looks_like_feed(sample):
        return "feed"
    if sample.startswith((b"<!doctype html", b"<html")) or b"<html" in sample[:512]:
        return "html"
    return None


def _gunzip(data: bytes, limit: int) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
        out = fh.read(limit + 1)
    if len(out) > limit:
        raise InputError(f"too large once decompressed (limit {limit:,} bytes)")
    return out


def read_bytes(
    name: str,
    data: bytes,
    where: str,
    *,
    mapping: FieldMap = DEFAULT_MAP,
    stats: dict[str, Any] | None = None,
) -> Iterator[RawDoc | ReadError]:
    """Documents from an in-memory file (an archive member): dispatched by name and content."""
    kind = kind_of(name, data[:2048])
    if kind in ("zip", "tar"):
        yield ReadError(where, "nested archive not opened")
        return
    if kind == "warc":
        warc_stats = WarcStats()
        yield from parse_warc(io.BytesIO(data), where, warc_stats)
        _merge_warc(stats, warc_stats)
        return
    try:
        if name.lower().endswith(".gz"):
            data = _gunzip(data, MAX_BYTES)
    except (OSError, EOFError, InputError) as exc:
        yield ReadError(where, f"bad gzip data ({exc})")
        return
    if kind == "sgml":
        yield from parse_sgml(io.BytesIO(data), where, _skipped(stats, "sgml_skipped"), MAX_BYTES)
    elif kind == "json":
        yield from parse_json(data, where, mapping)
    elif kind == "jsonl":
        yield from parse_jsonl(data.splitlines(), where, mapping)
    elif kind == "feed":
        yield from parse_feed(data, where)
    elif kind == "html":
        try:
            yield html_to_rawdoc(data, path=where)
        except ValueError as exc:
            yield ReadError(where, str(exc))
    else:
        try:
            text, encoding = decode_bytes(data)
        except InputError as exc:
            yield ReadError(where, str(exc))
            return
        yield RawDoc(text, Source(path=where), {"encoding": encoding})


def _merge_warc(stats: dict[str, Any] | None, warc_stats: WarcStats) -> None:
    if stats is None:
        return
    skipped = stats.setdefault("warc_skipped", {})
    for reason, n in warc_stats.skipped.items():
        skipped[reason] = skipped.get(reason, 0) + n
    stats["warc_documents"] = stats.get("warc_documents", 0) + warc_stats.documents


def read_file(
    path: Path,
    *,
    mapping: FieldMap = DEFAULT_MAP,
    stats: dict[str, Any] | None = None,
    limits: ArchiveLimits | None = None,
    sizes: Limits = DEFAULT_LIMITS,
) -> Iterator[RawDoc | ReadError]:
    """Documents of one file, whatever its kind; ``sizes.max_file_bytes`` bounds what is read whole
    (a file, an archive member, a WARC record, a JSON line or ``<DOC>``)."""
    cap = sizes.max_file_bytes
    head = b""
    if path.suffix.lower() not in _KNOWN_BY_SUFFIX:  # .txt too: it may hold SGML or HTML
        try:
            with path.open("rb") as fh:
                head = fh.read(2048)
        except OSError as exc:
            yield ReadError(str(path), f"cannot read: {exc.strerror or exc}")
            return
    if head.startswith(b"\x1f\x8b"):  # sniff a gzip file by what it holds (Gigaword's afp_arb_200001.gz)
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 2048)
        except zlib.error:
            pass
    kind = kind_of(path.name, head)
    if kind in ("sgml", "html", "feed") and path.suffix.lower() in (".txt", ".text"):
        _warn(stats, f"{path}: a .txt file that holds {kind.upper()} markup; read as {kind}")
    elif kind == "text" and _looks_like_markup(head):
        _warn(stats, f"{path}: looks like markup, not plain text; read as text (rename it to its real extension)")
    archive = limits or ArchiveLimits(max_member_bytes=cap)

    def member(name: str, data: bytes, where: str) -> Iterator[RawDoc | ReadError]:
        return read_bytes(name, data, where, mapping=mapping, stats=stats)

    if kind == "zip":
        yield from read_zip(path, member, archive)
    elif kind == "tar":
        yield from read_tar(path, member, archive)
    elif kind == "warc":
        warc_stats = WarcStats()
        yield from read_warc(path, warc_stats, max_bytes=cap)
        _merge_warc(stats, warc_stats)
    elif kind == "sgml":
        yield from read_sgml(path, _skipped(stats, "sgml_skipped"), cap)
    elif kind == "html":
        yield read_html_file(path, cap)
    elif kind in ("json", "jsonl") and not path.name.lower().endswith(".gz"):
        yield from read_json_path(path, mapping, cap)
    elif kind == "feed" and not path.name.lower().endswith(".gz"):
        yield from read_feed_file(path, cap)
    elif kind == "text":
        try:
            yield read_text_file(path, cap)
        except InputError as exc:
            yield ReadError(str(path), str(exc))
    else:  # gzip-compressed json/jsonl/feed
        try:
            if path.stat().st_size > cap:
                yield ReadError(str(path), f"file too large ({path.stat().st_size:,} bytes; limit {cap:,})")
                return
            data = path.read_bytes()
        except OSError as exc:
            yield ReadError(str(path), f"cannot read: {exc.strerror or exc}")
            return
        yield from read_bytes(path.name, data, str(path), mapping=mapping, stats=stats)


_KNOWN_BY_SUFFIX = {".json", ".jsonl", ".zip", ".html", ".htm"}
_MARKUP = re.compile(rb"^\s*<(?:[a-zA-Z][\w:-]*|!--|\?xml)[^>]{0,500}>")


def _looks_like_markup(head: bytes) -> bool:
    """Whether a plain-text file starts like markup (``<tag ...>``), which the text reader would
    keep as words."""
    return bool(_MARKUP.match(head.lstrip(b"\xef\xbb\xbf"))) and head.count(b"<") >= 3


def _warn(stats: dict[str, Any] | None, line: str) -> None:
    if stats is not None:
        stats.setdefault("warnings", []).append(line)


def _skipped(stats: dict[str, Any] | None, key: str) -> Counter[str]:
    if stats is None:
        return Counter()
    return stats.setdefault(key, Counter())


def read_url(url: str, *, timeout: float = 15.0, max_bytes: int = MAX_BYTES) -> Iterator[RawDoc | ReadError]:
    """A feed or a page fetched over HTTP(S), told apart by its content."""
    try:
        data = fetch(url, timeout=timeout, max_bytes=max_bytes)
    except ValueError as exc:
        yield ReadError(url, str(exc))
        return
    if looks_like_feed(data[:2048].lstrip().lower()):
        yield from parse_feed(data, url, feed_url=url)
        return
    try:
        yield html_to_rawdoc(data, url=url)
    except ValueError as exc:
        yield ReadError(url, str(exc))


def read_any(
    paths_or_urls: Iterable[str | Path],
    *,
    mapping: FieldMap = DEFAULT_MAP,
    stats: dict[str, Any] | None = None,
    timeout: float = 15.0,
    sizes: Limits = DEFAULT_LIMITS,
) -> Iterator[RawDoc | ReadError]:
    """Documents from files, directories (recursive), archives, feeds, WARCs, JSON and URLs.

    ``stats``, when given, collects counters the readers keep (WARC records skipped by reason).
    """
    for item in paths_or_urls:
        if isinstance(item, str) and item.lower().startswith(("http://", "https://")):
            yield from guarded(read_url(item, timeout=timeout, max_bytes=sizes.max_file_bytes), item)
            continue
        for path in iter_files([item]):
            if isinstance(path, ReadError):
                yield path
            else:
                yield from guarded(read_file(path, mapping=mapping, stats=stats, sizes=sizes), str(path))
