"""Find Arabic date expressions in text and resolve them to ISO dates.

Matching runs on the shadow form (``rasd.text.normalize``: hamza, alef maqsura, tatweel, harakat and
Arabic-Indic digits folded) and every span is mapped back to offsets in the original text, so the
event coder can use ``find_dates`` on sentences of ``Document.text`` directly. Relative expressions
(اليوم، أمس، الاثنين الماضي، منذ ساعتين، الأسبوع الماضي ...) are resolved against a reference
date (crawl or file date) and are skipped when there is none. Our own code rather than dateparser:
dateparser knows few Arabic month series, no Hijri dates and misplaces spans in running text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from rasd.dates.calendar import add_months, gregorian_to_hijri, hijri_to_gregorian, iso, safe_date
from rasd.dates.lexicon import (
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    NUMBER_WORDS,
    ORDINAL_DAYS,
    WEEKDAYS,
    alternation,
    lookup,
)
from rasd.text.normalize import DROPPED_SET, normalize, normalize_with_offsets


@dataclass(frozen=True)
class DateMatch:
    """One date expression: the resolved ISO date, the raw text and its span in the original text.

    ``precision`` is one of minute, hour, day, week, month, year; ``date`` is cut to it
    (``2015-07-21``, ``2015-W29``, ``2015-07``, ``2015``, ``2015-07-21T10:00``).
    """

    date: str
    text: str
    start: int
    end: int
    precision: str
    calendar: str = "gregorian"
    relative: bool = False


Reference = dt.date | dt.datetime | str | None

# --- pattern pieces (shadow form) ---------------------------------------------------------------
_B = r"(?:(?<!\w)|(?<=(?<!\w)[وفبل]))"  # word start, allowing one attached proclitic
_E = r"(?!\w)"
_MON_G = alternation(GREGORIAN_MONTHS)
_MON_H = alternation(HIJRI_MONTHS)
_MON = f"(?:{_MON_H}|{_MON_G})"
_DUAL = rf"(?:\s*[/(\-–]\s*(?:{_MON_G})\s*\)?)?"  # يوليو/تموز, تموز (يوليو)
_WD = alternation(WEEKDAYS)
_ORD = alternation(ORDINAL_DAYS)
_MOD = r"الماضي[ةه]?|المنصرم[ةه]?|الفائت[ةه]?|السابق[ةه]?|المقبل[ةه]?|القادم[ةه]?|الجاري[ةه]?|الحالي[ةه]?"
_ERA = r"(?:\s*(?P<era>م(?!\w)|ميلادي[ةه]?|للميلاد|ه(?!\w)|هجري[ةه]?|للهجر[ةه]))?"
_YEAR_CUE = r"(?:(?:من\s+)?(?:عام|العام|سنة|لعام|لسنة)\s+)?"
_PART = r"نهاي[ةه]|اواخر|اخر|اوائل|مطلع|بداي[ةه]|مستهل|منتصف|اواسط|اول"
_WD_PREFIX = rf"(?:(?:يوم\s+)?(?:{_WD})\s*[،,]?\s*)?"
_TOD = r"(?:(?:صباح|مساء|ظهر|ظهيرة|عصر|فجر|ليل[ةه]?|منتصف\s+ليل[ةه]?|صبيح[ةه]|نهار)\s+)?"

_P_DMY = re.compile(
    rf"{_B}{_WD_PREFIX}(?:(?P<d>[0-3]?\d)(?!\d)|(?P<od>{_ORD}))(?:\s+من)?(?:\s+شهر)?\s*(?P<m>{_MON}){_E}{_DUAL}"
    rf"(?:\s*[،,]?\s*{_YEAR_CUE}(?P<y>\d{{4}})(?!\d){_ERA})?(?:\s+(?P<mod>{_MOD}))?"
)
_P_MY = re.compile(
    rf"{_B}(?:(?P<part>{_PART})\s+)?(?:شهر\s+)?(?P<m>{_MON}){_E}{_DUAL}\s*[،,]?\s*{_YEAR_CUE}(?P<y>\d{{4}})(?!\d){_ERA}"
)
_P_MMOD = re.compile(
    rf"{_B}(?:(?P<part>{_PART})\s+)?(?P<shahr>شهر\s+)?(?P<m>{_MON}){_E}{_DUAL}(?:\s+(?P<mod>{_MOD}))?"
)
_P_YEAR = re.compile(
    rf"{_B}(?:(?P<part>{_PART})\s+)?(?P<cue>(?:في\s+)?(?:عام|العام|سنة|لعام|لسنة)\s+)?(?P<y>\d{{4}})(?!\d){_ERA}"
)
_P_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
_P_NUM_DMY = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})[-/.](?P<m>\d{{1,2}})[-/.](?P<y>\d{{4}})(?!\d){_ERA}")
_P_REL_DAY = re.compile(
    rf"{_B}{_TOD}(?:يوم\s+)?(?P<rel>اول\s+من\s+امس|اول\s+امس|بعد\s+غد|الليل[ةه]\s+الماضي[ةه]|امس|الامس|البارحة|اليوم|غدا|الغد|غد){_E}"
    rf"(?:\s*[(\[]\s*(?P<wd1>{_WD})\s*[)\]]|\s*[،,]?\s*(?P<wd2>{_WD}){_E})?"
)
_P_WEEKDAY = re.compile(rf"{_B}{_TOD}(?P<yawm>يوم\s+)?(?P<wd>{_WD}){_E}(?:\s+(?P<mod>{_MOD}))?")
_UNITS = {
    "دقيقة": ("minute", 1),
    "دقيقه": ("minute", 1),
    "دقيقتين": ("minute", 2),
    "دقيقتان": ("minute", 2),
    "دقائق": ("minute", 0),
    "ساعة": ("hour", 1),
    "ساعه": ("hour", 1),
    "ساعتين": ("hour", 2),
    "ساعتان": ("hour", 2),
    "ساعات": ("hour", 0),
    "يوم": ("day", 1),
    "يومين": ("day", 2),
    "يومان": ("day", 2),
    "ايام": ("day", 0),
    "اسبوع": ("week", 1),
    "اسبوعين": ("week", 2),
    "اسبوعان": ("week", 2),
    "اسابيع": ("week", 0),
    "شهر": ("month", 1),
    "شهرين": ("month", 2),
    "شهران": ("month", 2),
    "اشهر": ("month", 0),
    "شهور": ("month", 0),
    "عام": ("year", 1),
    "سنة": ("year", 1),
    "سنه": ("year", 1),
    "عامين": ("year", 2),
    "عامان": ("year", 2),
    "سنتين": ("year", 2),
    "سنتان": ("year", 2),
    "اعوام": ("year", 0),
    "سنوات": ("year", 0),
    "سنين": ("year", 0),
}
_P_AGO = re.compile(
    rf"{_B}(?:منذ|قبل)\s+(?:(?P<n>\d{{1,3}}|{alternation(NUMBER_WORDS)})\s+)?(?P<unit>{alternation(list(_UNITS))}){_E}"
    rf"(?!\s*\d)(?!\s+(?:{_MON}){_E})"
)
_P_PERIOD = re.compile(
    rf"{_B}(?:(?P<part>{_PART})\s+)?(?:(?P<this>هذا|هذه)\s+)?(?P<unit>الاسبوع|الشهر|العام|السنة){_E}"
    rf"(?:\s+(?P<mod>{_MOD}))?"
)
# "اليوم" alone is also "the day" in names and phrases: اليوم الوطني، اليوم التالي ...
_NOT_TODAY = re.compile(
    r"\s+(?:الوطني|العالمي|الدولي|التالي|السابق|الذي|الاول|الثاني|الثالث|الرابع|الاخير|الواحد|نفسه|ذاته|"
    r"المفتوح|الدراسي|الموعود|المشهود|الاخر)(?!\w)"
)
_PAST = ("الماضي", "المنصرم", "الفائت", "السابق")
_FUTURE = ("المقبل", "القادم")
_YEAR_PART_MONTH = {
    "نهاي": 12,
    "اواخر": 12,
    "اخر": 12,
    "اوائل": 1,
    "مطلع": 1,
    "بداي": 1,
    "مستهل": 1,
    "اول": 1,
    "منتصف": 6,
    "اواسط": 6,
}


@dataclass
class _Ref:
    moment: dt.datetime
    has_time: bool

    @property
    def day(self) -> dt.date:
        return self.moment.date()


def _reference(reference: Reference) -> _Ref | None:
    if reference is None:
        return None
    if isinstance(reference, dt.datetime):
        return _Ref(reference.replace(tzinfo=None), True)
    if isinstance(reference, dt.date):
        return _Ref(dt.datetime.combine(reference, dt.time()), False)
    text = str(reference).strip().replace("Z", "")
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return _Ref(moment.replace(tzinfo=None), len(text) > 10)


def _mod_kind(mod: str | None) -> str | None:
    if not mod:
        return None
    if mod.startswith(_PAST):
        return "past"
    if mod.startswith(_FUTURE):
        return "future"
    return "current"


def _part_month(part: str | None) -> int | None:
    if not part:
        return None
    for key, month in _YEAR_PART_MONTH.items():
        if part.startswith(key):
            return month
    return None


# Each handler returns (iso date, precision, calendar, relative) or None when the match is not a date.
_Resolved = tuple[str, str, str, bool] | None


def _nearest_year_for(month: int, day: int, ref: _Ref, mod: str | None) -> dt.date | None:
    kind = _mod_kind(mod)
    candidates = [
        d for y in (ref.day.year - 1, ref.day.year, ref.day.year + 1) if (d := safe_date(y, month, day))
    ]
    if kind == "past":
        candidates = [d for d in candidates if d < ref.day]
        return max(candidates) if candidates else None
    if kind == "future":
        candidates = [d for d in candidates if d > ref.day]
        return min(candidates) if candidates else None
    return min(candidates, key=lambda d: abs((d - ref.day).days)) if candidates else None


def _hijri_nearest(month: int, day: int, ref: _Ref, mod: str | None) -> dt.date | None:
    h = gregorian_to_hijri(ref.day)
    if h is None:
        return None
    candidates = [g for y in (h[0] - 1, h[0], h[0] + 1) if (g := hijri_to_gregorian(y, month, day))]
    kind = _mod_kind(mod)
    if kind == "past":
        candidates = [d for d in candidates if d < ref.day]
        return max(candidates) if candidates else None
    if kind == "future":
        candidates = [d for d in candidates if d > ref.day]
        return min(candidates) if candidates else None
    return min(candidates, key=lambda d: abs((d - ref.day).days)) if candidates else None


def _is_hijri(m: re.Match[str], month_word: str) -> bool:
    era = m.groupdict().get("era") or ""
    return " ".join(month_word.split()) in HIJRI_MONTHS or era.startswith(("ه", "للهجر"))


def _h_dmy(m: re.Match[str], ref: _Ref | None) -> _Resolved:
    day = int(m["d"]) if m["d"] else lookup(ORDINAL_DAYS, m["od"])
    word = " ".join(m["m"].split())
    hijri = word in HIJRI_MONTHS
    if _is_hijri(m, word) != hijri:
        return None  # a Gregorian month with هـ: not a date we can trust
    month = HIJRI_MONTHS[word] if hijri else GREGORIAN_MONTHS[word]
    if word == "صفر" and not m["y"] and "شهر" not in m.group(0):
        return None  # "فاز 3 صفر": a score, not the month of Safar
    if m["y"]:
        year = int(m["y"])
        date = hijri_to_gregorian(year, month, day) if hijri else safe_date(year, month, day)
        return (date.isoformat(), "day", "hijri" if hijri else "gregorian", False) if date else None
    if ref is None:
        return None
    date = (
        _hijri_nearest(month, day, ref, m["mod"]) if hijri else _nearest_year_for(month, day, ref, m["mod"])
    )
    return (date.isoformat(), "day", "hijri" if hijri else "gregorian", True) if date else None


def _hijri_month_span(year: int, month: int) -> dt.date | None:
    """The Gregorian day in the middle of a Hijri month: a month-precision Hijri date is reported by it."""
    return hijri_to_gregorian(year, month, 15)


def _h_my(m: re.Match[str], ref: _Ref | None) -> _Resolved:
    year = int(m["y"])
    if _is_hijri(m, m["m"]):
        if " ".join(m["m"].split()) not in HIJRI_MONTHS:
            return None
        mid = _hijri_month_span(year, lookup(HIJRI_MONTHS, m["m"]))
        return (iso(mid, "month"), "month", "hijri", False) if mid else None
    if not 1000 <= year <= 2200:
        return None
    return f"{year:04d}-{lookup(GREGORIAN_MONTHS, m['m']):02d}", "month", "gregorian", False


def _h_mmod(m: re.Match[str], ref: _Ref | None) -> _Resolved:
    if ref is None or not (m["mod"] or m["shahr"]):
        return None  # a bare month name (مارس is also a verb) is not taken as a date
    word = " ".join(m["m"].split())
    kind = _mod_kind(m["mod"])
    if word in HIJRI_MONTHS:
        date = _hijri_nearest(HIJRI_MONTHS[word], 15, ref, m["mod"])
        return (iso(date, "month"), "month", "hijri", True) if date else None
    month = GREGORIAN_MONTHS[word]
    year = ref.day.year
    if kind == "past" and month >= ref.day.month:
        year -= 1
    elif kind == "future" and month <= ref.day.month:
        year += 1
    elif kind is None:
        # "شهر يوليو" without a modifier: the occurrence nearest the reference
        diff = month - ref.day.month
        year += -1 if diff > 6 else (1 if diff < -6 else 0)
    return f"{year:04d}-{month:02d}", "month", "gregorian", True


def _h_year(m: re.Match[str], ref: _Ref | None) -> _Resolved:
    year = int(m["y"])
    era = m["era"] or ""
    if not (m["cue"] or era):
        return None  # a bare four-digit number is not a year
    if era.startswith(("ه", "للهجر")):
        mid = hijri_to_gregorian(year, 7, 1)
        return (iso(mid, "year"), "year", "hijri", False) if mid else None
    if not 1000 <= year <= 2200:
        return None
    month = _part_month(m["part"])
    if month:
        return f"{year:04d}-{month:02d}", "month", "gregorian", False
    return f"{year:04d}", "year", "gregorian", False


def _h_iso(m: re.Match[str], ref: _Ref | None) -> _Resolved:
    date = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (date.isoformat(), "day", "gregorian", False) if date and 1000 <= date.year <= 2200 else None


def _h_num_dmy(m: re.Match[str], ref: _Ref | None) -> _Resolved:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    era = m["era"] or ""
    if era.startswith(("ه", "للهجر")) or 1300 <= year <= 1500:
        date = hijri_to_gregorian(year, month, day)
        return (date.isoformat(), "day", "hijri", False) if date else None
    date = safe_date(year, month, day)
    return (date.isoformat(), "day", "gregorian", False) if date and 1000 <= year <= 2200 else None


def _weekday_before(ref: dt.date, weekday: int, *, strict: bool) -> dt.date:
    back = (ref.weekday() - weekday) % 7
    if back == 0 and strict:
        back = 7
    return ref - dt.timedelta(days=back)


def _weekday_after(ref: dt.date, weekday: int) -> dt.date:
    ahead = (weekday - ref.weekday()) % 7 or 7
    return ref + dt.timedelta(days=ahead)


def _h_rel_day(m: re.Match[str], ref: _Ref | None) -> _Resolved:
    if ref is None:
        return None
    rel = " ".join(m["rel"].split())
    if rel.startswith("الليل"):
        rel = "امس"  # الليلة الماضية: last night
    offsets = {
        "اليوم": 0,
        "امس": -1,
        "الامس": -1,
        "البارحة": -1,
        "اول امس": -2,
        "اول من امس": -2,
        "غدا": 1,
        "الغد": 1,
        "غد": 1,
        "بعد غد": 2,
    }
    if rel == "غد" and not m.group(0).startswith(("يوم", "بعد")):
        return None
    day = ref.day + dt.timedelta(days=offsets[rel])
    named = m["wd1"] or m["wd2"]
    if named:
        # "اليوم (الاثنين)" in an article crawled early on Tuesday: the weekday the writer named wins
        weekday = lookup(WEEKDAYS, named)
        if day.weekday() != weekday:
            back = _weekday_before(day, weekday, strict=False)
            if (day - back).days <= 2:
                day = back
    return day.isoformat(), "day", "gregorian", True


def _h_weekday(m: re.Match[str], ref: _Ref | None) -> _Resolved:
    if ref is None:
        return None
    kind = _mod_kind(m["mod"])
    weekday = lookup(WEEKDAYS, m["wd"])
    if kind == "past":
        date = _weekday_before(ref.day, weekday, strict=True)
    elif kind == "future":
        date = _weekday_after(ref.day, weekday)
    else:
        # news reports what happened: a plain weekday is the latest one on or before the reference
        date = _weekday_before(ref.day, weekday, strict=False)
    return date.isoformat(), "day", "gregorian", True


def _h_ago(m: re.Match[str], ref: _Ref | None) -> _Resolved:
    if ref is None:
        return None
    unit, count = _UNITS[m["unit"]]
    if m["n"]:
        n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"]]
    elif count:
        n = count
    else:
        return None  # "منذ أيام": too vague to resolve
    if unit in ("minute", "hour"):
        delta = dt.timedelta(minutes=n) if unit == "minute" else dt.timedelta(hours=n)
        if ref.has_time:
            return iso(ref.moment - delta, unit), unit, "gregorian", True
        # a reference without a time of day: "two hours ago" is that day (or the one before, past 24 h)
        return (
            (ref.day - dt.timedelta(days=delta // dt.timedelta(days=1))).isoformat(),
            "day",
            "gregorian",
            True,
        )
    if unit == "day":
        return (ref.day - dt.timedelta(days=n)).isoformat(), "day", "gregorian", True
    if unit == "week":
        return iso(ref.day - dt.timedelta(weeks=n), "week"), "week", "gregorian", True
    if unit == "month":
        y, mo = add_months(ref.day.year, ref.day.month, -n)
        return f"{y:04d}-{mo:02d}", "month", "gregorian", True
    return f"{ref.day.year - n:04d}", "year", "gregorian", True


def _h_period(m: re.Match[str], ref: _Ref | None) -> _Resolved:
    if ref is None or not (m["mod"] or m["this"]):
        return None
    kind = _mod_kind(m["mod"]) or "current"
    step = {"past": -1, "future": 1}.get(kind, 0)
    unit = m["unit"]
    if unit == "الاسبوع":
        return iso(ref.day + dt.timedelta(weeks=step), "week"), "week", "gregorian", True
    if unit == "الشهر":
        y, mo = add_months(ref.day.year, ref.day.month, step)
        return f"{y:04d}-{mo:02d}", "month", "gregorian", True
    year = ref.day.year + step
    month = _part_month(m["part"])
    if month:
        return f"{year:04d}-{month:02d}", "month", "gregorian", True
    return f"{year:04d}", "year", "gregorian", True


# Each pattern with the cheap search that must succeed before it is worth running (most sentences
# have no month name, weekday or relative word, and the full patterns are slow to fail).
_G_NUM = re.compile(r"\d[-/.]\d")
_G_MON = re.compile(_MON)
_G_YEAR = re.compile(r"\d{4}")
_G_REL = re.compile(r"امس|اليوم|البارحة|غد|الليل")
_G_WD = re.compile(_WD)
_G_AGO = re.compile(r"منذ|قبل")
_G_PERIOD = re.compile(r"الاسبوع|الشهر|العام|السنة")
_PATTERNS: list[
    tuple[re.Pattern[str], re.Pattern[str], Callable[[re.Match[str], _Ref | None], _Resolved]]
] = [
    (_G_NUM, _P_ISO, _h_iso),
    (_G_NUM, _P_NUM_DMY, _h_num_dmy),
    (_G_MON, _P_DMY, _h_dmy),
    (_G_MON, _P_MY, _h_my),
    (_G_MON, _P_MMOD, _h_mmod),
    (_G_YEAR, _P_YEAR, _h_year),
    (_G_REL, _P_REL_DAY, _h_rel_day),
    (_G_WD, _P_WEEKDAY, _h_weekday),
    (_G_AGO, _P_AGO, _h_ago),
    (_G_PERIOD, _P_PERIOD, _h_period),
]


def _shadow(text: str) -> tuple[str, list[int] | None]:
    """Shadow form and, only when lengths differ, the map back to original offsets."""
    norm = normalize(text)
    if DROPPED_SET.isdisjoint(text):
        if len(norm) == len(text):
            return norm, None
    else:
        kept = [i for i, ch in enumerate(text) if ch not in DROPPED_SET]
        if len(kept) == len(norm):  # only deletions: the kept positions are the map
            return norm, kept
    return normalize_with_offsets(text)


def _weekday_ok(m: re.Match[str], norm: str) -> bool:
    """A plain weekday is a date only with يوم, a time of day, a modifier or in brackets: الاثنين is also 'the two'."""
    if m["mod"] or m["yawm"] or m.group(0) != m["wd"]:
        return True
    before = norm[: m.start()].rstrip()
    after = norm[m.end() :].lstrip()
    return before.endswith(("(", "[")) and after.startswith((")", "]"))


_ANCHORS = frozenset(
    [k.split()[0] for k in (*GREGORIAN_MONTHS, *HIJRI_MONTHS, *WEEKDAYS)]
    + "امس الامس اليوم البارحة غد غدا الغد منذ قبل الاسبوع الشهر العام السنة الليلة الليله".split()
)
_WORD = re.compile(r"\w+")
_DIGIT_ANCHOR = re.compile(r"\d{4}|\d[-/.]\d")
_REACH = 45  # characters a date expression may extend either side of its anchor word
_SPACE = re.compile(r"\s")


def _windows(norm: str) -> list[tuple[int, int]]:
    """Stretches of text around anchor words (digits, months, weekdays, relative words), merged.

    The full patterns run only there: most of a sentence cannot hold a date, and the patterns are
    slow to fail. Window edges are moved out to whitespace so no word is cut.
    """
    anchors = []
    for word in _ANCHORS:  # str.find runs in C; most sentences hold none of these words
        i = norm.find(word)
        while i != -1:
            j = i + len(word)
            if (j == len(norm) or not norm[j].isalnum()) and (
                i == 0
                or not norm[i - 1].isalnum()
                or (norm[i - 1] in "وفبل" and (i == 1 or not norm[i - 2].isalnum()))
            ):
                anchors.append((i, j))
            i = norm.find(word, j)
    anchors += [m.span() for m in _DIGIT_ANCHOR.finditer(norm)]
    anchors.sort()
    spans: list[tuple[int, int]] = []
    for a, b in anchors:
        lo, hi = max(0, a - _REACH), min(len(norm), b + _REACH)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    out = []
    for lo, hi in spans:
        while lo > 0 and not norm[lo - 1].isspace():
            lo -= 1
        m = _SPACE.search(norm, hi)
        out.append((lo, m.start() if m else len(norm)))
    return out


def _collect(
    pattern: re.Pattern[str],
    handler: Callable[[re.Match[str], _Ref | None], _Resolved],
    norm: str,
    lo: int,
    hi: int,
    ref: _Ref | None,
    found: list[tuple[int, int, tuple[str, str, str, bool]]],
) -> None:
    for m in pattern.finditer(norm, lo, hi):
        if m.end() == m.start():
            continue
        if pattern is _P_REL_DAY and m["rel"] == "اليوم" and not (m["wd1"] or m["wd2"]):
            if _NOT_TODAY.match(norm, m.end()):
                continue
        if pattern is _P_WEEKDAY and not _weekday_ok(m, norm):
            continue
        resolved = handler(m, ref)
        if resolved and (m.start(), m.end(), resolved) not in found:
            found.append((m.start(), m.end(), resolved))


def find_dates(text: str, reference: Reference = None) -> list[DateMatch]:
    """All date expressions in ``text``, left to right, without overlaps (the longest wins).

    Offsets are into ``text`` as given. Relative expressions need ``reference`` (a date, datetime
    or ISO string); without it they are left out.
    """
    if not text:
        return []
    norm, offsets = _shadow(text)
    ref = _reference(reference)
    found: list[tuple[int, int, tuple[str, str, str, bool]]] = []
    for lo, hi in _windows(norm):
        window = norm[lo:hi]
        for gate, pattern, handler in _PATTERNS:
            if gate.search(window) is None:
                continue
            _collect(pattern, handler, norm, lo, hi, ref, found)
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))

    taken: list[tuple[int, int, tuple[str, str, str, bool]]] = []
    for item in found:
        if all(item[1] <= t[0] or item[0] >= t[1] for t in taken):
            taken.append(item)
    taken.sort()
    out = []
    for start, end, (date, precision, calendar, relative) in taken:
        a, b = (start, end) if offsets is None else (offsets[start], offsets[end - 1] + 1)
        while b < len(text) and text[b] in DROPPED_SET:
            b += 1
        out.append(DateMatch(date, text[a:b], a, b, precision, calendar, relative))
    return out


def parse_date(text: str, reference: Reference = None) -> DateMatch | None:
    """The first date expression in ``text`` (resolved against ``reference``), or ``None``."""
    found = find_dates(text, reference)
    return found[0] if found else None
