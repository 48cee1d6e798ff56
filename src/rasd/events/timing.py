"""When an event happened: the date expressions of its sentence, found and resolved by the project's
one date parser (``rasd.dates.parse``: Gregorian with Levantine and Maghrebi month names, Hijri,
relative expressions) against the article's publication date.

The raw expression is always kept (``date_text``); the event's date is ISO ``YYYY-MM-DD``, or
``YYYY-MM`` / ``YYYY`` when the text is no more precise than that (a week is dated by its Monday).
Without a publication date only absolute dates resolve; relative ones keep their text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date

from rasd.dates.parse import DateMatch, find_dates

_STAND_IN = "2000-01-03"  # finds relative expressions when there is no publication date (their date stays None)


@dataclass
class When:
    date: str | None
    text: str
    start: int
    end: int
    kind: str  # the precision: day, week, month, year, hour, minute
    latest: str | None = None  # the last day the expression allows (a week's Sunday), for is_past


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def sentence_dates(text: str, start: int, end: int, published: str | None) -> list[When]:
    """Date expressions in ``text[start:end]`` with their resolved dates and original offsets."""
    pub = parse_published(published)
    out = []
    for m in find_dates(text[start:end], pub or _STAND_IN):
        day = None if pub is None and m.relative else _event_date(m)
        latest = day
        if day and m.precision == "week":
            latest = (date.fromisoformat(day) + dt.timedelta(days=6)).isoformat()
        out.append(When(day, m.text, start + m.start, start + m.end, m.precision, latest))
    return out


def _event_date(m: DateMatch) -> str:
    """The date an event record carries: a week by its Monday, a time by its day."""
    if m.precision == "week":
        year, week = m.date.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1).isoformat()
    return m.date[:10]


def nearest(dates: list[When], offset: int) -> When | None:
    """The date expression closest to a trigger offset (ties: the one after it, Arabic puts time after the verb)."""
    if not dates:
        return None
    return min(dates, key=lambda w: (min(abs(w.start - offset), abs(w.end - offset)), w.start < offset))


def is_past(resolved: str | None, published: str | None, days: int = 7) -> bool:
    """True when a resolved date lies more than ``days`` before publication (history, not news)."""
    pub = parse_published(published)
    if not resolved or pub is None:
        return False
    if len(resolved) == 4:
        return int(resolved) < pub.year
    if len(resolved) == 7:
        y, m = map(int, resolved.split("-"))
        return (y, m) < (pub.year, pub.month) and (pub - date(y, m, 28)).days > days
    try:
        return (pub - date.fromisoformat(resolved)).days > days
    except ValueError:
        return False
