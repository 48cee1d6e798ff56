"""The publication date of an article, from the best evidence available.

Order of trust: the page's own metadata (or the feed's pubDate), then a date in the URL
(``/2015/07/21/``), then the first day-precision date near the top of the text (the dateline area).
The raw expression is kept beside the resolved date so a reader of the archive can check it.

Readers know nothing of dates: they hand over the strings they saw as ``meta["date_hints"]`` and
:func:`resolve_published` turns them into the date when a document is made, so a text that is already
stored (found by its id before any processing) costs no date parsing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rasd.dates.calendar import safe_date
from rasd.dates.parse import Reference, find_dates
from rasd.model import DATE_HINTS
from rasd.text.normalize import normalize

_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[/_-]?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?!\d)"
)
_URL_DATE_LOOSE = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$)")
TEXT_WINDOW = 600  # characters at the top of an article where its own date may stand
DATELINE_WINDOW = 200  # without a crawl date, only the dateline area is trusted
MAX_AGE_DAYS = 7  # a news crawl fetches an article within days of its publication


@dataclass(frozen=True)
class Published:
    """A resolved publication date (ISO), the raw expression it came from and where it was found."""

    date: str
    text: str
    origin: str  # metadata | feed | url | text


def parse_iso_like(value: str) -> str | None:
    """An ISO day (or datetime) from metadata strings: ISO 8601, ``2015-07-21 02:51:32``, RFC 822."""
    value = value.strip()
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return moment.date().isoformat()
    except ValueError:
        pass
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    found = find_dates(value)
    if found and found[0].precision == "day":
        return found[0].date
    return _dateparser(value)


def _dateparser(value: str) -> str | None:
    """Last resort for metadata in other languages ("July 21, 2015"): dateparser, absolute dates only."""
    if len(value) > 64 or not any(ch.isdigit() for ch in value):
        return None
    import dateparser

    parsed = dateparser.parse(
        value,
        settings={"STRICT_PARSING": True, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return parsed.date().isoformat() if parsed else None


def date_from_url(url: str) -> Published | None:
    """A date written in the URL path: ``/2015/07/21/``, ``/20150721/``, ``2015-07-21``."""
    for pattern in (_URL_DATE_LOOSE, _URL_DATE):
        for m in pattern.finditer(url):
            day = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
            if day:
                return Published(day.isoformat(), m.group(0).strip("/"), "url")
    return None


def date_from_text(text: str, reference: Reference = None, window: int = TEXT_WINDOW) -> Published | None:
    """The first day-precision date near the top of the text that can be the article's own date.

    With a reference (crawl date) the date must fall within ``MAX_AGE_DAYS`` before it: older
    dates near the top are the events the article recalls (ثورة 25 يناير 2011), not its date.
    Without one only the dateline area (``DATELINE_WINDOW`` characters) is trusted.
    """
    ref_day = _ref_day(reference)
    if ref_day is None:
        window = min(window, DATELINE_WINDOW)
    for match in find_dates(text[:window], reference):
        if match.precision != "day":
            continue
        if match.relative and "اليوم" not in normalize(match.text):
            continue  # "أمس", "الاثنين الماضي" date the event, not the article
        if ref_day is not None:
            day = dt.date.fromisoformat(match.date)
            if not 0 <= (ref_day - day).days <= MAX_AGE_DAYS:
                continue
        return Published(match.date, match.text, "text")
    return None


def _ref_day(reference: Reference) -> dt.date | None:
    if reference is None:
        return None
    if isinstance(reference, dt.datetime):
        return reference.date()
    if isinstance(reference, dt.date):
        return reference
    day = parse_iso_like(str(reference))
    return dt.date.fromisoformat(day) if day else None


def publication_date(
    *,
    metadata: str | None = None,
    feed: str | None = None,
    url: str | None = None,
    text: str | None = None,
    reference: Reference = None,
) -> Published | None:
    """The publication date from metadata, feed pubDate, URL, then text, in that order of trust."""
    for value, origin in ((metadata, "metadata"), (feed, "feed")):
        if value:
            day = parse_iso_like(value)
            if day:
                return Published(day, value, origin)
    if url:
        found = date_from_url(url)
        if found:
            return found
    if text:
        return date_from_text(text, reference)
    return None


def apply_published(meta: dict, found: Published | None) -> None:
    """Put a found date into a reader's meta as the pipeline expects (published, published_text)."""
    if found:
        meta["published"] = found.date
        meta["published_text"] = found.text
        meta["published_from"] = found.origin


def resolve_published(meta: dict, text: str) -> None:
    """Resolve a reader's ``meta["date_hints"]`` (removed) into ``published``, ``published_text`` and
    ``published_from``, unless ``meta`` already has a date. The hints, all strings or absent:

    - ``metadata``: the page's or record's own date; a list gives candidates in order;
    - ``feed`` and ``feed_text``: a feed entry's day and its raw string;
    - ``url``: the article's URL; ``crawled``: when it was fetched (bounds a date found in the text);
    - ``text``: ``False`` when the text must not be searched for a date (feeds, SGML);
    - ``crawl_fallback``: ``True`` when the crawl day stands in if nothing else is found.
    """
    hints = meta.pop(DATE_HINTS, None)
    if not hints or meta.get("published"):
        return
    crawled = hints.get("crawled")
    reference = crawled.replace(" ", "T") if crawled and parse_iso_like(crawled) else None
    candidates = hints.get("metadata")
    found = None
    for value in candidates if isinstance(candidates, list) else [candidates]:
        found = publication_date(
            metadata=value,
            feed=hints.get("feed"),
            url=hints.get("url"),
            text=text if hints.get("text", True) else None,
            reference=reference,
        )
        if found:
            break
    apply_published(meta, found)
    if found and found.origin == "feed" and hints.get("feed_text"):
        meta["published_text"] = hints["feed_text"]
    if not found and reference and hints.get("crawl_fallback"):
        # no date in metadata, URL or text: the crawl date is the best bound we have (said in published_from)
        meta["published"] = reference[:10]
        meta["published_from"] = "crawl"
