"""RSS and Atom feeds, from files or URLs: each entry becomes one document.

The entry's title goes to ``meta["title"]``, its content (or summary) stripped of HTML is the text,
its link the source URL, its pubDate the publication date. URLs are fetched with httpx under a
timeout and a size limit; a feed that is not a feed is one ``ReadError``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html as htmllib
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

from rasd.model import DATE_HINTS, Source
from rasd.readers.base import MAX_BYTES, RawDoc, ReadError
from rasd.text.decode import clean_text

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
TIMEOUT_S = 15.0
MAX_FEED_BYTES = 10 * 1024 * 1024
_TAG = re.compile(r"<[^>]+>")
_BLOCK_TAG = re.compile(r"(?i)<\s*(?:br|/p|/div|/li|/h[1-6]|/blockquote)\b[^>]*>")


def strip_html(fragment: str) -> str:
    """Text of an HTML fragment: block ends become newlines, tags dropped, entities decoded."""
    text = _BLOCK_TAG.sub("\n", fragment or "")
    text = htmllib.unescape(_TAG.sub(" ", text))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def fetch(url: str, *, timeout: float = TIMEOUT_S, max_bytes: int = MAX_FEED_BYTES) -> bytes:
    """GET ``url`` with a timeout and a size cap; raises ``ValueError`` with a one-line reason."""
    import httpx

    try:
        with httpx.Client(
            timeout=timeout, follow_redirects=True, headers={"User-Agent": "rasd/0.1"}
        ) as client:
            with client.stream("GET", url) as resp:
                if resp.status_code >= 400:
                    raise ValueError(f"HTTP {resp.status_code}")
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise ValueError(f"response too large ({int(declared):,} bytes; limit {max_bytes:,})")
                chunks, size = [], 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise ValueError(f"response too large (over {max_bytes:,} bytes)")
                    chunks.append(chunk)
                return b"".join(chunks)
    except httpx.TimeoutException:
        raise ValueError(f"timed out after {timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise ValueError(f"cannot fetch: {type(exc).__name__}: {exc}") from None


def _entry_date(entry: dict) -> tuple[str | None, str | None]:
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            day = dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC).date().isoformat()
            return day, entry.get(key)
        if entry.get(key):
            return None, entry.get(key)
    return None, None


def parse_feed(data: bytes, where: str, *, feed_url: str | None = None) -> Iterator[RawDoc | ReadError]:
    """Entries of one feed document; a document that is not a feed yields one ``ReadError``."""
    import feedparser

    if not data.strip():
        yield ReadError(where, "empty feed")
        return
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        yield ReadError(
            where, f"not an RSS or Atom feed ({type(reason).__name__ if reason else 'no entries'})"
        )
        return
    site = parsed.feed.get("title") or (urlparse(feed_url).netloc if feed_url else None)
    if not parsed.entries:
        yield ReadError(where, "feed has no entries")
        return
    for i, entry in enumerate(parsed.entries):
        body = ""
        if entry.get("content"):
            body = "\n".join(strip_html(c.get("value", "")) for c in entry.content)
        if not body.strip():
            body = strip_html(entry.get("summary", ""))
        title = strip_html(entry.get("title", ""))
        link = entry.get("link")
        if not body.strip() and not title:
            yield ReadError(f"{where}#{i + 1}", "feed entry has neither title nor text")
            continue
        meta: dict = {"title": title or None, "feed": site, "entry_id": entry.get("id"), "reader": "feed"}
        if entry.get("author"):
            meta["author"] = entry.get("author")
        day, raw = _entry_date(entry)
        meta = {k: v for k, v in meta.items() if v is not None}
        meta[DATE_HINTS] = {"feed": day, "feed_text": raw, "url": link, "text": False}
        text = clean_text(body.strip() or title)
        yield RawDoc(text, Source(path=None if feed_url else where, url=link, site=site), meta)


def read_feed_file(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[RawDoc | ReadError]:
    """Entries of a feed file."""
    try:
        if path.stat().st_size > max_bytes:
            yield ReadError(str(path), f"file too large (limit {max_bytes:,} bytes)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from parse_feed(data, str(path))


def read_feed_url(
    url: str, *, timeout: float = TIMEOUT_S, max_bytes: int = MAX_FEED_BYTES
) -> Iterator[RawDoc | ReadError]:
    """Entries of a feed fetched from ``url``."""
    try:
        data = fetch(url, timeout=timeout, max_bytes=max_bytes)
    except ValueError as exc:
        yield ReadError(url, str(exc))
        return
    yield from parse_feed(data, url, feed_url=url)


def looks_like_feed(head: bytes) -> bool:
    """Sniff the first bytes of a document for an RSS/Atom root element."""
    sample = head[:2048].lower()
    return b"<rss" in sample or b"<feed" in sample or b"<rdf:rdf" in sample
