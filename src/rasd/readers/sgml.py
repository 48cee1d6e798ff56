"""LDC Gigaword and TREC-style SGML: many ``<DOC>`` articles in one (often gzipped) file.

The classic Arabic research corpora (Arabic Gigaword: AFP, Al-Hayat, An-Nahar, Xinhua ...) come as
``<DOC id="AFP_ARB_20000101.0001" type="story">`` with ``<HEADLINE>``, ``<DATELINE>`` and ``<TEXT>``
of ``<P>`` paragraphs; TREC files name the article in ``<DOCNO>``. The file is read line by line and
one ``<DOC>`` at a time, so a corpus file of any size costs the memory of its largest article. Only
``story`` documents (and untyped ones) are articles: advisories, summaries (``multi``) and ``other``
are skipped and counted. A ``<DOC>`` that is too large or never closed is one ``ReadError``.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from rasd.model import DATE_HINTS, Source
from rasd.readers.base import MAX_BYTES, RawDoc, ReadError, bounded_lines

SGML_SUFFIXES = {".sgml", ".sgm"}
_OPEN = re.compile(rb"^\s*<DOC[\s>]", re.I)
_CLOSE = re.compile(rb"</DOC>\s*$", re.I)
_ATTR = re.compile(r'\b(id|type)\s*=\s*"([^"]*)"', re.I)
_DOCNO = re.compile(r"<DOCNO>\s*(.*?)\s*</DOCNO>", re.I | re.S)
_PART = {name: re.compile(rf"<{name}\b[^>]*>(.*?)</{name}>", re.I | re.S) for name in ("HEADLINE", "DATELINE", "TEXT")}
_DATE_TAG = re.compile(r"<DATE(?:_TIME)?>\s*(.*?)\s*</DATE(?:_TIME)?>", re.I | re.S)
_PARA = re.compile(r"<P>(.*?)(?=</P>|<P>|$)", re.I | re.S)
_TAG = re.compile(r"<[^>]{1,200}>")
_ID_DATE = re.compile(r"(?:^|[_.-])((?:19|20)\d{6})(?:[_.-]|$)")
_SPACES = re.compile(r"[ \t\r\f\v]*\n[ \t\r\f\v\n]*")


def looks_like_sgml(head: bytes) -> bool:
    """Whether the first bytes of a file open a ``<DOC>`` (Gigaword or TREC)."""
    return bool(_OPEN.match(head.lstrip(b"\xef\xbb\xbf")))


def _clean(fragment: str) -> str:
    """Text of an SGML fragment: tags removed, entities (``&amp;``) resolved, lines trimmed."""
    text = html.unescape(_TAG.sub(" ", fragment))
    return _SPACES.sub("\n", text).strip()


def _date_strings(doc_id: str, tagged: str | None) -> list[str]:
    """Where the publication day may be read: a ``<DATE>`` tag, then the document id
    (``AFP_ARB_20000101.0001``); resolved later by the project's date parser."""
    out = [tagged] if tagged else []
    if m := _ID_DATE.search(doc_id):
        out.append(m.group(1))
    return out


def sgml_to_rawdoc(block: str, where: str, path: str) -> RawDoc | ReadError | None:
    """One ``<DOC> ... </DOC>`` as a document; ``None`` for a non-story document (skipped)."""
    open_tag = block[: block.find(">") + 1]
    attrs = {k.lower(): v for k, v in _ATTR.findall(open_tag)}
    doc_type = attrs.get("type", "").lower()
    if doc_type and doc_type != "story":
        return None
    docno = _DOCNO.search(block)
    doc_id = attrs.get("id") or (docno.group(1).strip() if docno else "")
    at = f"{where}#{doc_id}" if doc_id else where
    parts = {name: rx.search(block) for name, rx in _PART.items()}
    body = parts["TEXT"].group(1) if parts["TEXT"] else None
    if body is None:
        return ReadError(at, "<DOC> without <TEXT>")
    paras = [_clean(p) for p in _PARA.findall(body)] if re.search(r"<P>", body, re.I) else [_clean(body)]
    paras = [p for p in paras if p]
    if not paras:
        return ReadError(at, "<DOC> with empty <TEXT>")
    dateline = _clean(parts["DATELINE"].group(1)) if parts["DATELINE"] else ""
    if dateline and not paras[0].startswith(dateline[:20]):
        paras.insert(0, dateline)  # the dateline leads the body, as the structure step expects
    meta: dict[str, object] = {"reader": "sgml"}
    if doc_id:
        meta["doc_id"] = doc_id
    if doc_type:
        meta["doc_type"] = doc_type
    headline = _clean(parts["HEADLINE"].group(1)) if parts["HEADLINE"] else ""
    if headline:
        meta["title"] = headline
    tagged = _DATE_TAG.search(block)
    dates = _date_strings(doc_id, tagged.group(1) if tagged else None)
    if dates:
        meta[DATE_HINTS] = {"metadata": dates, "text": False}
    site = doc_id.split("_")[0] if "_" in doc_id else None
    return RawDoc("\n\n".join(paras), Source(path=path, site=site), meta)


def parse_sgml(
    stream: IO[bytes], where: str, skipped: Counter[str] | None = None, max_bytes: int = MAX_BYTES
) -> Iterator[RawDoc | ReadError]:
    """Documents of an SGML stream, one ``<DOC>`` at a time."""
    held: list[bytes] = []
    size = 0
    n = 0
    too_large = False
    for line in bounded_lines(stream, max_bytes):
        if line is None:
            too_large = bool(held)
            continue
        if not held and not _OPEN.match(line):
            continue  # text between documents
        if _OPEN.match(line) and held:  # a <DOC> never closed: report it, start the next
            n += 1
            yield ReadError(f"{where}#{n}", "<DOC> not closed before the next <DOC>")
            held, size, too_large = [], 0, False
        size += len(line)
        if size > max_bytes:
            too_large = True
        if not too_large:
            held.append(line)
        else:
            held = [held[0] if held else line]
        if _CLOSE.search(line):
            n += 1
            if too_large:
                yield ReadError(f"{where}#{n}", f"<DOC> too large (limit {max_bytes:,} bytes)")
            else:
                doc = sgml_to_rawdoc(b"".join(held).decode("utf-8", "replace"), where, where)
                if doc is None and skipped is not None:
                    skipped["not a story"] += 1
                elif doc is not None:
                    yield doc
            held, size, too_large = [], 0, False
    if held:
        yield ReadError(f"{where}#{n + 1}", "file ends inside a <DOC> (truncated?)")
    elif n == 0:
        yield ReadError(where, "no <DOC> found")


def read_sgml(path: Path, skipped: Counter[str] | None = None, max_bytes: int = MAX_BYTES) -> Iterator[RawDoc | ReadError]:
    """Documents of an SGML file, gzip-compressed or not."""
    import gzip

    try:
        with path.open("rb") as raw:
            gz = raw.read(2) == b"\x1f\x8b"
            raw.seek(0)
            stream: IO[bytes] = gzip.GzipFile(fileobj=raw) if gz else raw  # type: ignore[assignment]
            try:
                yield from parse_sgml(stream, str(path), skipped, max_bytes)
            except (OSError, EOFError) as exc:
                yield ReadError(str(path), f"corrupt or truncated file ({exc})")
    except OSError as exc:
        yield ReadError(str(path), f"cannot read: {exc.strerror or exc}")
