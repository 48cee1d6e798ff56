"""JSON and JSON Lines records with a field mapping.

The default mapping reads SaudiNewsNet (``{source, url, date_extracted, title, author, content}``)
and the common spellings of other scrapes (text/body/articleBody, headline, link, published ...).
A ``.json`` file may hold one record, a list of records, or an object with the list under
``articles``/``items``/``data``/``records``. A line that is not JSON, or a record without text,
is one ``ReadError``; the other records are still read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.model import DATE_HINTS, Source
from rasd.readers.base import MAX_BYTES, RawDoc, ReadError, bounded_lines
from rasd.text.decode import clean_text

JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}
_LIST_KEYS = ("articles", "items", "data", "records", "documents")


_ISO3 = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class FieldMap:
    """Which record fields hold what; each a tuple of names tried in order (first non-empty wins)."""

    text: tuple[str, ...] = ("content", "text", "body", "articleBody", "article", "maintext")
    title: tuple[str, ...] = ("title", "headline")
    url: tuple[str, ...] = ("url", "link", "source_url")
    site: tuple[str, ...] = ("source", "site", "sitename", "source_domain", "domain")
    author: tuple[str, ...] = ("author", "authors", "byline")
    published: tuple[str, ...] = (
        "published",
        "date_published",
        "datePublished",
        "pubDate",
        "date_publish",
        "date",
    )
    crawled: tuple[str, ...] = ("date_extracted", "date_download", "crawled", "crawl_date", "date_crawled")
    country: tuple[str, ...] = ("country", "source_country")  # the outlet's country (ISO-3), when the corpus says

    @classmethod
    def parse(cls, spec: str) -> FieldMap:
        """``text=body,title=headline`` → a mapping with those fields replaced (CLI option syntax)."""
        values: dict[str, tuple[str, ...]] = {}
        for part in filter(None, (p.strip() for p in spec.split(","))):
            key, _, names = part.partition("=")
            if key not in cls.__dataclass_fields__ or not names:
                raise ValueError(
                    f"bad field mapping {part!r}: use FIELD=name with FIELD in {', '.join(cls.__dataclass_fields__)}"
                )
            values[key] = tuple(n for n in names.split("|") if n)
        return cls(**values)


DEFAULT_MAP = FieldMap()


def _first(record: dict[str, Any], names: Iterable[str]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if value not in (None, ""):
            return str(value)
    return None


def record_to_rawdoc(
    record: Any, where: str, mapping: FieldMap = DEFAULT_MAP, path: str | None = None
) -> RawDoc | ReadError:
    """One JSON record to a document, or a ``ReadError`` saying what is missing."""
    if not isinstance(record, dict):
        return ReadError(where, f"record is a JSON {type(record).__name__}, not an object")
    text = _first(record, mapping.text)
    if not text or not text.strip():
        return ReadError(where, f"record has no text (looked for {', '.join(mapping.text)})")
    url = _first(record, mapping.url)
    meta: dict[str, Any] = {"reader": "json"}
    for key, names in (("title", mapping.title), ("author", mapping.author)):
        value = _first(record, names)
        if value:
            meta[key] = value.strip()
    crawled = _first(record, mapping.crawled)
    if crawled:
        meta["crawled"] = crawled
    country = (_first(record, mapping.country) or "").strip().upper()
    if _ISO3.fullmatch(country):
        meta["country"] = country
    text = clean_text(text).strip()
    meta[DATE_HINTS] = {"metadata": _first(record, mapping.published), "url": url, "crawled": crawled, "crawl_fallback": True}
    return RawDoc(text, Source(path=path, url=url, site=_first(record, mapping.site)), meta)


def _loads(data: bytes | str) -> Any:
    """``json.loads``, with what it raises on hostile input (numbers of thousands of digits, nesting
    deeper than the stack) turned into ``ValueError`` like any other bad JSON."""
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _why(exc: ValueError) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}"
    if isinstance(exc, UnicodeDecodeError):
        return "invalid UTF-8"
    text = str(exc)
    return "a number too long" if "digits" in text else text.split(";")[0][:80]


def parse_jsonl(
    lines: Iterable[bytes | str | None], where: str, mapping: FieldMap = DEFAULT_MAP, max_bytes: int = MAX_BYTES
) -> Iterator[RawDoc | ReadError]:
    """Records of a JSON Lines stream; blank lines skipped, bad lines reported by line number
    (``None`` stands for a line that was too long to read, see ``bounded_lines``)."""
    for lineno, line in enumerate(lines, 1):
        at = f"{where}:{lineno}"
        if line is None:
            yield ReadError(at, f"line too long (limit {max_bytes:,} bytes)")
            continue
        if isinstance(line, bytes):
            line = line.decode("utf-8", errors="replace")
        if not line.strip():
            continue
        try:
            record = _loads(line)
        except ValueError as exc:
            yield ReadError(at, f"not JSON ({_why(exc)})")
            continue
        yield safe_record(record, at, mapping, path=where)


def safe_record(record: Any, where: str, mapping: FieldMap = DEFAULT_MAP, path: str | None = None) -> RawDoc | ReadError:
    """:func:`record_to_rawdoc`, with any failure on a strange record as that record's one line."""
    try:
        return record_to_rawdoc(record, where, mapping, path=path)
    except Exception as exc:  # noqa: BLE001 - one record must not stop the file
        return ReadError(where, f"bad record ({type(exc).__name__}: {str(exc)[:80]})")


def parse_json(
    data: bytes | str, where: str, mapping: FieldMap = DEFAULT_MAP
) -> Iterator[RawDoc | ReadError]:
    """Records of one JSON document (an object, a list, or an object holding the list)."""
    try:
        doc = _loads(data)
    except ValueError as exc:
        # perhaps JSON Lines saved as .json
        text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if len(lines) > 1 and lines[0].lstrip().startswith("{"):
            yield from parse_jsonl(lines, where, mapping)
            return
        yield ReadError(where, f"not JSON ({_why(exc)})")
        return
    if isinstance(doc, dict):
        for key in _LIST_KEYS:
            if isinstance(doc.get(key), list):
                doc = doc[key]
                break
    records = doc if isinstance(doc, list) else [doc]
    if not records:
        yield ReadError(where, "empty JSON list")
    for i, record in enumerate(records):
        yield safe_record(
            record, f"{where}[{i}]" if isinstance(doc, list) else where, mapping, path=where
        )


def read_json_path(
    path: Path, mapping: FieldMap = DEFAULT_MAP, max_bytes: int = MAX_BYTES
) -> Iterator[RawDoc | ReadError]:
    """A ``.json`` or ``.jsonl`` file (JSON Lines is read line by line: the limit is per line)."""
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as fh:
                yield from parse_jsonl(bounded_lines(fh, max_bytes), str(path), mapping, max_bytes)
            return
        if path.stat().st_size > max_bytes:
            yield ReadError(
                str(path), f"file too large (limit {max_bytes:,} bytes); use JSON Lines for big dumps"
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from parse_json(data, str(path), mapping)
