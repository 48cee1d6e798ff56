"""HTML pages: main-content extraction with a fallback chain, plus title, date, author and site.

trafilatura first (it also reads the metadata, the date through htmldate); when its body is empty
or too short, readability-lxml, then jusText with a stoplist for the page's language (Arabic
for Arabic pages). ``meta["extractor"]`` records which one produced the text. Paragraphs are kept
one per line so that leaked boilerplate (share widgets, comment prompts) goes through the same
line classifier as plain text in the structure step.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.errors import InputError
from rasd.model import DATE_HINTS, Source
from rasd.readers.base import MAX_BYTES, RawDoc, ReadError
from rasd.text.decode import clean_text, decode_bytes

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
MIN_CHARS = 250  # a body shorter than this is a failed extraction, not an article (about 40 words)
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_BLANKS = re.compile(r"\n\s*\n+")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)

for _name in ("trafilatura", "htmldate", "readability", "justext", "charset_normalizer"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class ExtractOptions:
    """How hard trafilatura filters: precision mode drops more boilerplate, sometimes body too."""

    favor_precision: bool = True
    min_chars: int = MIN_CHARS
    fallback: bool = True


def _tidy(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return _BLANKS.sub("\n", "\n".join(line for line in lines if line)).strip()


def _trafilatura(html: str, url: str | None, opts: ExtractOptions) -> tuple[str, dict[str, Any]]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=opts.favor_precision,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
    )
    if doc is None:
        return "", {}
    meta = {
        "title": doc.title,
        "date": doc.date,
        "author": doc.author,
        "site": doc.sitename,
        "url": doc.url,
        "language": doc.language,
    }
    return _tidy(doc.text or ""), {k: v for k, v in meta.items() if v}


def _readability(html: str) -> tuple[str, str | None]:
    import lxml.html
    from readability import Document as Readable

    readable = Readable(html)
    summary = readable.summary(html_partial=True)
    if not summary:
        return "", None
    tree = lxml.html.fromstring(summary)
    for br in tree.iter("br"):
        br.tail = "\n" + (br.tail or "")
    parts = []
    for el in tree.iter("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "td"):
        text = el.text_content().strip()
        if text:
            parts.append(text)
    text = "\n".join(parts) if parts else tree.text_content()
    title = readable.short_title() or None
    return _tidy(text), title


def _justext(html: str) -> str:
    import justext

    language = "Arabic" if len(_ARABIC.findall(html)) > 200 else "English"
    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist(language), encoding="utf-8")
    return _tidy("\n".join(p.text for p in paragraphs if not p.is_boilerplate))


def extract_html(
    html: str, url: str | None = None, options: ExtractOptions | None = None
) -> tuple[str, dict[str, Any]]:
    """Body text and metadata of one page; ``meta["extractor"]`` names the tool that gave the body.

    Raises ``ValueError`` when no extractor finds any text.
    """
    opts = options or ExtractOptions()
    text, meta = "", {}
    try:
        text, meta = _trafilatura(html, url, opts)
    except Exception as exc:  # noqa: BLE001 - third-party parsers fail in many ways on broken pages
        meta = {"trafilatura_error": type(exc).__name__}
    meta["extractor"] = "trafilatura"
    if opts.fallback and len(text) < opts.min_chars:
        candidates = [(text, "trafilatura", None)]
        try:
            body, title = _readability(html)
            candidates.append((body, "readability", title))
        except Exception:  # noqa: BLE001
            pass
        if max(len(c[0]) for c in candidates) < opts.min_chars:
            try:
                candidates.append((_justext(html), "justext", None))
            except Exception:  # noqa: BLE001
                pass
        best = max(candidates, key=lambda c: len(c[0]))
        if best[1] != "trafilatura":
            text = best[0]
            meta["extractor"] = best[1]
            if best[2] and not meta.get("title"):
                meta["title"] = best[2]
    if not text.strip():
        raise ValueError("no article text found in the page")
    return text, meta


def html_to_rawdoc(
    data: bytes | str,
    *,
    path: str | None = None,
    url: str | None = None,
    reference: str | None = None,
    options: ExtractOptions | None = None,
) -> RawDoc:
    """One page (bytes or text) to a ``RawDoc``; raises ``ValueError`` with a one-line reason."""
    html = decode_html(data) if isinstance(data, bytes) else data
    if not html.strip():
        raise ValueError("empty page")
    text, meta = extract_html(html, url, options)
    text = _drop_title_line(clean_text(text), meta.get("title"))
    if not text:
        raise ValueError("no article text found in the page (only a title)")
    page_url = url or meta.get("url")
    date = meta.pop("date", None)
    meta[DATE_HINTS] = {"metadata": date, "url": page_url, "crawled": reference}
    if page_url:
        meta["url"] = page_url
    return RawDoc(text, Source(path=path, url=page_url, site=meta.get("site")), meta)


def _drop_title_line(text: str, title: str | None) -> str:
    """The body without a first line that repeats the headline (the title lives in meta["title"])."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    return rest.strip() if " ".join(first.split()) == " ".join(title.split()) else text


def decode_html(data: bytes) -> str:
    """Decode a page by its declared charset, else by our Arabic-aware detector; ``ValueError`` if neither works."""
    if not data.strip():
        raise ValueError("empty page")
    m = _CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    try:
        return decode_bytes(data)[0]
    except InputError as exc:
        raise ValueError(str(exc)) from None


def read_html_file(path: Path, max_bytes: int = MAX_BYTES) -> RawDoc | ReadError:
    """One HTML file (``.html`` or ``.html.gz``) to a document or a ``ReadError``."""
    import gzip

    try:
        if path.stat().st_size > max_bytes:
            return ReadError(str(path), f"file too large (limit {max_bytes:,} bytes)")
        data = path.read_bytes()
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
            if len(data) > max_bytes:
                return ReadError(str(path), f"page too large once decompressed (limit {max_bytes:,} bytes)")
    except (OSError, EOFError) as exc:
        return ReadError(str(path), f"cannot read: {exc}")
    try:
        return html_to_rawdoc(data, path=str(path))
    except ValueError as exc:
        return ReadError(str(path), str(exc))


def read_html_paths(paths: Iterable[str | Path]) -> Iterator[RawDoc | ReadError]:
    """Each path an HTML page."""
    for p in paths:
        yield read_html_file(Path(p))
