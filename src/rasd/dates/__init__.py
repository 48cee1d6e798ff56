"""Arabic date expressions (Gregorian in all month series, Hijri, relative) and publication dates."""

from rasd.dates.parse import DateMatch, find_dates, parse_date
from rasd.dates.published import Published, date_from_url, parse_iso_like, publication_date

__all__ = [
    "DateMatch",
    "Published",
    "date_from_url",
    "find_dates",
    "parse_date",
    "parse_iso_like",
    "publication_date",
]
