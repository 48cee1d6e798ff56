"""Calendar arithmetic the date parser needs: Hijri conversion, month shifts, ISO strings by precision."""

from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """Umm al-Qura conversion (hijridate); ``None`` outside its range (1343-1500 AH) or for a bad day."""
    try:
        return Hijri(year, month, day, validate=True).to_gregorian()
    except (ValueError, OverflowError):
        return None


def gregorian_to_hijri(day: dt.date) -> tuple[int, int, int] | None:
    """The Hijri (year, month, day) of ``day``; ``None`` outside hijridate's range."""
    try:
        h = Gregorian(day.year, day.month, day.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year, h.month, h.day


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) shifted by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A ``date`` or ``None`` when the triple is not a real day (31 June, month 13 ...)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def iso(value: dt.date | dt.datetime, precision: str) -> str:
    """ISO 8601 text for ``value`` cut to ``precision`` (year, month, week, day, hour, minute)."""
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    if precision == "week":
        y, w, _ = value.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if precision in ("hour", "minute") and isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    day = value.date() if isinstance(value, dt.datetime) else value
    return day.isoformat()
