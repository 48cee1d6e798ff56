"""When an event happened: Arabic relative date expressions resolved against the publication date.

``اليوم الاثنين``, ``أمس``, ``أول من أمس``, ``الأسبوع الماضي``, ``نهاية العام الماضي``, ``14 يناير``,
``عام 2005`` ... The raw expression is always kept (``date_text``); the resolved date is ISO
(``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when the text is no more precise than that). Without a
publication date only absolute dates resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from rasd.text.normalize import normalize, normalize_with_offsets

WEEKDAYS = {
    "الاثنين": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "الجمعة": 4,
    "السبت": 5,
    "الاحد": 6,
}
MONTHS = {
    "يناير": 1, "كانون الثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "اذار": 3, "ابريل": 4, "نيسان": 4,
    "مايو": 5, "ايار": 5, "يونيو": 6, "حزيران": 6, "يوليو": 7, "تموز": 7, "اغسطس": 8, "اب": 8,
    "سبتمبر": 9, "ايلول": 9, "اكتوبر": 10, "تشرين الاول": 10, "نوفمبر": 11, "تشرين الثاني": 11,
    "ديسمبر": 12, "كانون الاول": 12,
}  # fmt: skip
_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
_B = r"(?<![\u0621-\u064a])"  # no Arabic letter before (a clitic و/ب/ل may be)
_E = r"(?![\u0621-\u064a])"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("year_end_last", re.compile(rf"(?:نهايه|اواخر|اخر){_E}\s+(?:العام|السنه){_E}\s+الماضي{_E}")),
    (
        "year_start_this",
        re.compile(rf"(?:مطلع|بدايه|اوائل){_E}\s+(?:العام|السنه){_E}\s+(?:الجاري|الحالي){_E}"),
    ),
    ("day_month", re.compile(rf"{_B}(\d{{1,2}})\s+(?:من\s+)?({_MON}){_E}(?:\s+(\d{{4}}))?")),
    ("year", re.compile(rf"(?:عام|العام|سنه){_E}\s+(\d{{4}})")),
    ("before_yesterday", re.compile(rf"{_B}اول\s+(?:من\s+)?امس{_E}")),
    ("yesterday", re.compile(rf"{_B}(?:ب|ل)?امس{_E}(?:\s+({_WD}){_E})?|{_B}الليله\s+الماضيه{_E}")),
    ("today", re.compile(rf"{_B}اليوم{_E}(?:\s+({_WD}){_E})?")),
    ("tomorrow", re.compile(rf"{_B}غدا{_E}")),
    ("last_week", re.compile(rf"{_B}(?:ال)?اسبوع\s+الماضي{_E}")),
    ("last_month", re.compile(rf"{_B}(?:ال)?شهر\s+الماضي{_E}")),
    ("last_year", re.compile(rf"(?:العام|السنه){_E}\s+الماضي{_E}")),
    ("weekday", re.compile(rf"{_B}(?:يوم\s+)?({_WD}){_E}(?:\s+(الماضي|المقبل|القادم){_E})?")),
]


@dataclass
class When:
    date: str | None
    text: str
    start: int
    end: int
    kind: str


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match[str], pub: date | None) -> str | None:
    if kind == "day_month":
        day, month = int(m.group(1)), MONTHS[m.group(2)]
        year = int(m.group(3)) if m.group(3) else (pub.year if pub else None)
        if year is None:
            return None
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        if pub and not m.group(3) and d > pub + timedelta(days=7):
            d = d.replace(year=year - 1)  # "14 December" read in January is last year's
        return d.isoformat()
    if kind == "year":
        return m.group(1)
    if pub is None:
        return None
    if kind == "today":
        wd = m.group(1) if m.lastindex else None
        if wd and WEEKDAYS[wd] != pub.weekday():
            return (pub - timedelta(days=(pub.weekday() - WEEKDAYS[wd]) % 7)).isoformat()
        return pub.isoformat()
    if kind == "yesterday":
        return (pub - timedelta(days=1)).isoformat()
    if kind == "before_yesterday":
        return (pub - timedelta(days=2)).isoformat()
    if kind == "tomorrow":
        return (pub + timedelta(days=1)).isoformat()
    if kind == "last_week":
        return (pub - timedelta(days=7)).isoformat()
    if kind == "last_month":
        first = pub.replace(day=1) - timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}"
    if kind == "last_year":
        return f"{pub.year - 1:04d}"
    if kind == "year_end_last":
        return f"{pub.year - 1:04d}-12-31"
    if kind == "year_start_this":
        return f"{pub.year:04d}-01-01"
    if kind == "weekday":
        wd, rel = WEEKDAYS[m.group(1)], m.group(2)
        if rel in ("المقبل", "القادم"):
            return (pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)).isoformat()
        back = (pub.weekday() - wd) % 7
        if rel == "الماضي" and back == 0:
            back = 7
        return (pub - timedelta(days=back)).isoformat()
    return None


# every pattern above needs a digit or one of these words: sentences without any are skipped cheaply
_ANCHOR = re.compile(r"\d|امس|اليوم|الليله|غدا|اسبوع|شهر|العام|السنه|عام|سنه|" + _WD)


def find_dates(text: str, start: int, end: int, published: str | None) -> list[When]:
    """Date expressions in ``text[start:end]`` with their resolved dates and original offsets."""
    if not _ANCHOR.search(normalize(text[start:end], taa=True)):
        return []
    norm, offsets = normalize_with_offsets(text[start:end], taa=True)
    pub = parse_published(published)
    taken: list[tuple[int, int]] = []
    out: list[When] = []
    for kind, pat in PATTERNS:
        for m in pat.finditer(norm):
            a, b = m.span()
            if any(a < y and x < b for x, y in taken):
                continue
            taken.append((a, b))
            s = start + offsets[a]
            e = start + offsets[b - 1] + 1
            out.append(When(_resolve(kind, m, pub), text[s:e], s, e, kind))
    out.sort(key=lambda w: w.start)
    return out


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
