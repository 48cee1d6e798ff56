"""Classify each line of a scraped Arabic article: title, subtitle, dateline, body, crosshead, caption,
boilerplate.

No library does this for plain text: extractors work on HTML trees. The rules here read the signals
an editor leaves in a scraped page: calls to action and share widgets, datelines and bylines
(``إيلاف من لندن:``, ``الرياض - واس``, ``(أ ف ب)``, ``فلان - سبق - جدة:``, ``عين اليوم – الدوحة``,
the SPA form ``الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس``), short unpunctuated lines before
the body (headline, subheadline) and inside it (crossheads), short descriptive lines with a credit in
parentheses or a photo credit (captions). Everything is a precompiled regex or a set lookup: the
structure step must keep the text layer above 1,000 articles/s on one core.
Measured against the hand-annotated lines in ``tests/data/structure_lines.tsv``
(``python bench/structure_eval.py``; guidelines in docs/structure-annotation.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.text.normalize import normalize_word

LABELS = ("title", "subtitle", "dateline", "body", "crosshead", "caption", "boilerplate")

# Calls to action, widgets, related links, copyright, comment prompts, wire-copy furniture.
# Matched on the shadow form (hamza folded, ة → ه, ى → ي, lower case).
_STRONG = [
    r"(ا)?ضغط هنا",
    r"انقر هنا",
    r"\b(لل|ل)اشتراك\b",
    r"^اشترك",
    r"اشترك (الان|في|ب|معنا)",
    r"حمل (ال)?تطبيق",
    r"(تحميل|نزل|نزلوا) (ال)?تطبيق",
    r"تابعونا",
    r"^تابعنا",
    r"تابعوا (اخر|اخبار|قناه|حساب|صفح)",
    r"(انضم|انضموا) (الي|ل)(ي)? ?(قناتنا|قناه|مجموعه|حساب)",
    r"^(اقرا|طالع) (ايضا|كذلك|المزيد)",
    r"^اقرا المزيد",
    r"^ذات صله",
    r"^(مواضيع|اخبار|مقالات) (ذات صله|متعلقه|اخري)",
    r"^الاكثر (قراءه|مشاهده|تداولا)",
    r"جميع الحقوق محفوظه",
    r"حقوق (النشر|الطبع)",
    r"^©",
    r"copyright",
    r"all rights reserved",
    r"^(اضف|اترك|اكتب|شاركنا) (تعليق|رايك)",
    r"^(التعليقات|تعليقات|تعليقك)",
    r"^شارك(ها|ه)? (علي|عبر|من خلال)",
    r"^(شارك|مشاركه) (الخبر|المقال|هذا)",
    r"^مشاركه$",
    r"^طباعه",
    r"^(ارسل|ارسال) (الي|لصديق)",
    r"^(المصدر|رابط المصدر)\s*:?$",
    r"متابعه اخر الاخبار",
    r"^رابط (الخبر|المقال|المصدر)",
    r"^(https?://|www\.)\S+$",
    r"^(قناه|حساب|صفحه) .{0,20} (علي|عبر) (تلغرام|تليغرام|تيليجرام|تويتر|فيسبوك|يوتيوب|انستغرام|واتساب)",
    r"^(تويتر|فيسبوك|واتساب|تلغرام|يوتيوب|انستغرام|لينكد ان)$",
    r"^(tweet|share|print|email|next|previous)$",
    r"^next previous$",
    r"^(الكلمات (الدلاليه|المفتاحيه)|كلمات (دلاليه|مفتاحيه)|وسوم|tags)\s*:",
    r"^(الصفحه الرئيسيه|الرئيسيه)\s*[>»/]",
    r"^(شاهد|شاهدوا) (ايضا|الفيديو)",
    r"^للمزيد",
    r"للتواصل مع (الكاتب|الكاتبه|المحرر)",
    r"^/+\s*انتهي\s*/+$",
    r"^\S+@\S+\.[a-z]{2,}$",
    r"^\d{1,2}:\d{2}\s*(ت م|ص|م|gmt)?$",
]
_WEAK = [
    r"تلغرام|تليغرام|تيليجرام|تلجرام|واتساب|تويتر|فيسبوك|انستغرام|يوتيوب|نشره (اخبار|بريديه)",
    r"\bمجانا\b",
    r"\b(حمل|نزل|حملوا|نزلوا)\b",
    r"\b(اشترك|اشتركوا|الاشتراك|للاشتراك)\b",
]
# Anchored patterns are tried at the start only, the rest anywhere: one scan per line, not one per pattern.
STRONG_START_RE = re.compile("|".join(f"(?:{p[1:]})" for p in _STRONG if p.startswith("^")))
STRONG_ANY_RE = re.compile("|".join(f"(?:{p})" for p in _STRONG if not p.startswith("^")))
WEAK_RE = re.compile("|".join(f"(?:{p})" for p in _WEAK))

_AGENCIES = (
    r"أ ف ب|أ\.ف\.ب|ا ف ب|فرانس برس|رويترز|واس|الأناضول|الاناضول|د ب أ|د\.ب\.أ|يو بي آي|يو بي اي|أ ب|أسوشيتد برس|"
    r"كونا|وام|بنا|قنا|سانا|وفا|واع|سبأ|ومع|وات|العمانية|أنا|إرنا|ارنا|شينخوا|سبوتنيك|تاس|الشرق الأوسط|إيلاف|"
    r"الجزيرة|العربية|سكاي نيوز|بي بي سي|CNN|AFP|Reuters|AP|SPA|WAM|KUNA|QNA|BNA"
)
# Agencies and outlets that sign datelines and bylines (shadow forms, spaces removed).
_SOURCES = (
    "اف ب|فرانس برس|رويترز|واس|الاناضول|د ب ا|يو بي اي|ا ب|اسوشيتد برس|كونا|وام|بنا|قنا|سانا|وفا|واع|سبا|ومع|"
    "العمانيه|ارنا|شينخوا|سبوتنيك|تاس|الشرق الاوسط|ايلاف|الجزيره|العربيه|سكاي نيوز|بي بي سي|cnn|afp|reuters|ap|"
    "spa|wam|kuna|qna|bna|وكالات|سبق|عين اليوم|الرياضي|الرياضيه|الوئام|عكاظ|الوطن|اليوم|الاقتصاديه|الحياه|"
    "المدينه|النهار|الخليج|البيان|القبس|الراي|الاهرام|المصري اليوم|الشروق|الانباء|الدستور|الغد|المرصد"
)
SOURCES = frozenset(s.replace(" ", "") for s in _SOURCES.split("|"))
# Byline words that name neither a source nor a place ("عين اليوم – متابعات").
_NEUTRAL = frozenset({"متابعات", "خاص", "متابعه", "تقرير", "ترجمه"})
# Places that open datelines: Saudi cities and regions, Arab and world capitals, big news cities.
_PLACES = (
    "الرياض|جده|مكه|مكه المكرمه|المدينه المنوره|الدمام|الخبر|الظهران|الاحساء|الهفوف|القطيف|الجبيل|الطائف|ابها|"
    "خميس مشيط|جازان|جيزان|نجران|تبوك|حائل|بريده|القصيم|عنيزه|الرس|الباحه|عرعر|سكاكا|الجوف|القريات|ينبع|رابغ|"
    "القنفذه|الليث|بيشه|محايل|عسير|الخرج|المجمعه|الزلفي|الدوادمي|وادي الدواسر|شروره|صامطه|حفر الباطن|الخفجي|"
    "راس تنوره|بقيق|العلا|الوجه|ضباء|املج|تيماء|رفحاء|طريف|القويعيه|عفيف|شقراء|الدرعيه|بللحمر|بارق|النماص|"
    "تنومه|سراه عبيده|ظهران الجنوب|احد رفيده|المخواه|بلجرشي|المندق|الحد الجنوبي|المنطقه الشرقيه|الشرقيه|"
    "القاهره|الاسكندريه|دبي|ابوظبي|ابو ظبي|الشارقه|الدوحه|الكويت|المنامه|مسقط|صنعاء|عدن|تعز|بغداد|البصره|الموصل|"
    "اربيل|دمشق|حلب|حمص|بيروت|طرابلس|عمان|القدس|رام الله|غزه|الخرطوم|تونس|الجزائر|الرباط|الدار البيضاء|نواكشوط|"
    "مقديشو|جيبوتي|بنغازي|لندن|باريس|واشنطن|نيويورك|موسكو|بكين|طوكيو|برلين|روما|مدريد|برشلونه|جنيف|فيينا|بروكسل|"
    "انقره|اسطنبول|طهران|كابول|اسلام اباد|نيودلهي|مومباي|نيروبي|ابوجا|باماكو|سيدني|كراتشي|لاهور|جاكرتا|"
    "كوالالمبور|اثينا|ستوكهولم|اوسلو|كوبنهاغن|لوزان|ميونيخ|ميلانو|امستردام|لاهاي|وارسو|كييف|مينسك|بودابست|براغ|"
    "لشبونه|دبلن|اوتاوا|تورونتو|لوس انجلوس|شيكاغو|هونغ كونغ|سيول|بانكوك|مانيلا|دكا|اديس ابابا|لاغوس|كيب تاون|"
    "جوهانسبرغ|بريتوريا|كانبرا|ويلينغتون|بوينس ايرس|برازيليا|ريو دي جانيرو|سانتياغو|ليما|بوغوتا|كاراكاس|مكسيكو|"
    "هافانا|الامم المتحده|نيقوسيا|فاليتا|الرباط|فاس|مراكش|وهران|صفاقس|اللاذقيه|درعا|الرقه|كركوك|النجف|كربلاء|"
    "الفلوجه|الرمادي|المكلا|الحديده|مارب|اسوان|الاقصر|بورسعيد|السويس|العقبه|اربد|الزرقاء|نابلس|الخليل|جنين"
)
PLACES = frozenset(p.replace(" ", "") for p in _PLACES.split("|"))

_DASHES = "-–—"
# A dash between dateline parts; a tatweel only with white space on both sides ("جدة ـ فلان", not "لـ").
SEP_RE = re.compile(r"\s*[-–—]+\s*|\s+ـ+\s+")
# Widget text that scrapers glue in front of the first line ("Next Previous عين اليوم – جدة").
NOISE_PREFIX = re.compile(r"^\s*(?:next\s+previous|previous\s+next)\s*", re.I)
# Credits that ride along with a byline: "(تصوير: فلان)", "رصد وتصوير:", "حوار: فلان، تصوير: فلان".
PHOTO_CREDIT = re.compile(r"\(\s*(?:تصوير|عدسة|الصورة|صورة)\s*:?[^()]{0,40}\)\s*$")
CREDIT_PREFIX = re.compile(r"^(?:(?:حوار|تصوير|رصد|رصد وتصوير|كتب|كتبت|تقرير|إعداد|متابعة|ترجمة)\s*:\s*)+")
CREDIT_ITEM = re.compile(r"^[^،,]{0,40}[،,]\s*(?:تصوير|عدسة)\s*:\s*")

# "إيلاف من لندن:" — source من place:
DATELINE_FROM = re.compile(
    r"^\s*(?P<source>[^\s:،,.]+(?: [^\s:،,.]+){0,2}) من (?P<place>[^\s:،,.]+(?: [^\s:،,.]+){0,2})\s*:\s*"
)
# "الرياض - واس:" / "بيروت – (أ ف ب):"
DATELINE_DASH = re.compile(
    rf"^\s*(?P<place>[^\s:،,.()\-–—]+(?: [^\s:،,.()\-–—]+){{0,2}})\s*[-–—]\s*\(?(?P<source>{_AGENCIES})\)?\s*[:\-–—]?\s*"
)
# "بيروت (رويترز) -" / "القاهرة (أ ف ب):"
DATELINE_PAREN = re.compile(
    rf"^\s*(?P<place>[^\s:،,.()\-–—]+(?: [^\s:،,.()\-–—]+){{0,2}})\s*\((?P<source>{_AGENCIES})\)\s*[:\-–—]?\s*"
)
# "(أ ف ب) -" at the start, or "واس -"
DATELINE_AGENCY = re.compile(rf"^\s*\(?(?P<source>{_AGENCIES})\)?\s*[:\-–—]\s*")
# SPA wire copy: "الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس" (the whole line).
DATELINE_DATED = re.compile(
    rf"^\s*(?P<place>[^\d:،,.()]{{2,30}}?)\s+\d{{1,2}}\s.{{0,70}}?\s\(?(?P<source>{_AGENCIES})\)?\s*$"
)
# "فيصل مجرشي (جدة)": a reporter and the place in brackets.
BYLINE_PAREN = re.compile(r"^(?P<source>[^()\d]{3,30}?)\s*\((?P<place>[^()\d]{2,20})\)$")
# The head of a "فلان - سبق - جدة: ..." paragraph: dash-separated parts closed by a colon.
HEAD_RE = re.compile(r"(?P<head>[^:(\n]{2,100}?)\s*:\s*")

PAREN_CREDIT = re.compile(r"\(\s*(?:تصوير|عدسة)[^()]{0,40}\)\s*")

# Credit in parentheses at the end of a caption: "(مكتبه)", "(أ ف ب)", "(رويترز)", "(صورة: فلان)"
CAPTION_CREDIT = re.compile(r"\S+\s+\S+\s+\S+.*\((?:[^()\d]{1,40})\)\s*$")
CAPTION_START = re.compile(r"^\s*(?:صورة|الصورة|صوره|الصوره|لقطة|photo|image)\s*[:(\-–]", re.I)
# "صورة جماعية للمشاركين" / "جانب من الحفل" / "(تصوير: فلان)" / "تصوير: المحرر" / "من اليمين: ..."
CAPTION_PHOTO = re.compile(r"^\s*(?:صورة|الصورة|لقطة|من اليمين|من اليسار|جانب من)\s")
CAPTION_CREDIT_LINE = re.compile(r"^\s*\(?\s*(?:تصوير|عدسة|الصورة|صورة|photo)\s*:\s*[^()]{1,40}\)?\s*$", re.I)
CAPTION_AGENCY_LINE = re.compile(rf"^\s*\((?:{_AGENCIES}|[^()]{{1,25}}/[^()]{{1,25}})\)\s*$")
MAX_BOILER_WORDS = 30
BULLET = re.compile(r"^\s*(?:[-–•*▪·]|\d{1,2}[-.)/])\s*")
_TERMINAL = '.؟?!:…"»”)'


@dataclass
class LineInfo:
    """One non-empty line: its span in the text, the text, its shadow form (lines of at most
    MAX_BOILER_WORDS words; empty for longer ones), its word count and whether it ends a sentence."""

    start: int
    end: int
    text: str
    norm: str
    words: int
    terminal: bool


@dataclass
class DatelineMatch:
    end: int  # offset within the line where the dateline ends (colon/dash included); len(line) = whole line
    source: str | None
    place: str | None


def _key(part: str) -> str:
    return normalize_word(part).strip(" ()«»\"'").replace(" ", "")


def _assign(parts: list[str]) -> tuple[str | None, str | None] | None:
    """Source and place of dash-separated dateline parts; None when the parts do not read as a dateline.

    A known agency or outlet is the source, a known place the place; a part left over is the reporter
    (taken as source only when no outlet is named) — or the place, when it is a single word after
    the outlet ("فلان - سبق - بللحمر") or before an agency at the end ("أبوجا - رويترز").
    """
    keys = [_key(p) for p in parts]
    src_i = next((i for i, k in enumerate(keys) if k in SOURCES and k not in PLACES), None)
    place_i = next((i for i, k in enumerate(keys) if k in PLACES and i != src_i), None)
    if src_i is None and place_i is None:
        return None
    rest = [
        i for i, k in enumerate(keys) if i not in (src_i, place_i) and k not in _NEUTRAL and k not in SOURCES
    ]
    if place_i is None and src_i is not None:
        single = [i for i in rest if len(parts[i].split()) == 1 and (i > src_i or src_i == len(parts) - 1)]
        if single:
            place_i = single[-1]
            rest.remove(place_i)
    if src_i is None and rest:
        src_i = rest[0]
    source = parts[src_i].strip(" ()") if src_i is not None else None
    place = parts[place_i].strip(" ()") if place_i is not None else None
    return source, place


def _split_parts(head: str) -> list[str] | None:
    head = CREDIT_PREFIX.sub("", head)
    head = CREDIT_ITEM.sub("", head)
    parts = [p for p in SEP_RE.split(head) if p.strip()]
    if not 1 <= len(parts) <= 4 or any(len(p.split()) > 4 for p in parts):
        return None
    return parts


def match_byline(line: str, *, strict: bool = False) -> DatelineMatch | None:
    """A whole line that is a byline/dateline: "عين اليوم – الدوحة", "جدة ـ فلان", "فلان (جدة)", SPA's dated line.

    ``strict`` (inside the body, where a signature may close a letter or a column): two parts only, no
    digits, and the parts must name a known place or source.
    """
    text = NOISE_PREFIX.sub("", line)
    text = PHOTO_CREDIT.sub("", text).strip()
    if not text or len(text.split()) > 16:
        return None
    m = DATELINE_DATED.match(text)
    if m and not strict:
        return DatelineMatch(len(line), m.group("source"), m.group("place").strip())
    if len(text.split()) > (6 if strict else 8) or text[-1] in ".؟?!:":
        return None
    if strict and any(ch.isdigit() for ch in text):
        return None
    m = BYLINE_PAREN.match(text)
    if m and _key(m.group("place")) in PLACES:
        return DatelineMatch(len(line), m.group("source").strip(), m.group("place").strip())
    parts = _split_parts(text)
    if parts is None or len(parts) < 2 or (strict and len(parts) != 2):
        return None
    found = _assign(parts)
    if found is None:
        return None
    return DatelineMatch(len(line), *found)


def match_dateline(line: str) -> DatelineMatch | None:
    """Find a dateline at the start of a paragraph; returns where it ends and its source and place."""
    lead = len(line) - len(NOISE_PREFIX.sub("", line))
    text = line[lead:]
    m = DATELINE_FROM.match(text)
    if m and len(text) > m.end() + 10:
        return DatelineMatch(lead + m.end(), m.group("source"), m.group("place"))
    for regex in (DATELINE_PAREN, DATELINE_DASH):
        m = regex.match(text)
        if m and len(text) > m.end() + 10:
            return DatelineMatch(lead + m.end(), m.group("source"), m.group("place"))
    # "فلان - سبق - جدة: ..." / "حوار: فلان، تصوير: فلان - سبق - الرياض: ..." / "عين اليوم – جازان (تصوير: ..) ..."
    for head, end in _heads(text):
        parts = _split_parts(head)
        if parts and len(parts) >= 2 and (found := _assign(parts)):
            return DatelineMatch(lead + end, *found)
    m = DATELINE_AGENCY.match(text)
    if m and len(text) > m.end() + 10:
        return DatelineMatch(lead + m.end(), m.group("source"), None)
    return None


def _heads(text: str) -> list[tuple[str, int]]:
    """Candidate dateline heads: up to the first or second colon, or up to a photo credit in brackets."""
    out = []
    pos = 0
    for _ in range(3):
        m = HEAD_RE.match(text, pos)
        if not m:
            break
        out.append((text[: m.end("head")], m.end()))
        pos = m.end()
    paren = PAREN_CREDIT.search(text, 0, 120)
    if paren:
        out.append((text[: paren.start()], paren.end()))
    return out


def is_boilerplate(info: LineInfo) -> bool:
    return is_strong_boilerplate(info) or (info.words <= 16 and len(WEAK_RE.findall(info.norm)) >= 2)


def is_strong_boilerplate(info: LineInfo) -> bool:
    """A call to action, widget, related link or wire furniture named outright."""
    if info.words > MAX_BOILER_WORDS:
        return False
    return bool(STRONG_START_RE.match(info.norm) or STRONG_ANY_RE.search(info.norm))


def is_caption(info: LineInfo) -> bool:
    if info.words > 40:
        return False
    if (
        CAPTION_START.match(info.text)
        or CAPTION_CREDIT_LINE.match(info.text)
        or CAPTION_AGENCY_LINE.match(info.text)
    ):
        return True
    if info.words <= 15 and CAPTION_PHOTO.match(info.text) and not info.text.rstrip().endswith("."):
        return True
    stripped = info.text.rstrip()
    if BULLET.match(stripped):
        return False
    return bool(CAPTION_CREDIT.match(stripped)) and not stripped[:-1].rstrip().endswith(".")


def _is_heading(info: LineInfo, max_words: int) -> bool:
    if BULLET.match(info.text):
        return False
    if info.text.endswith(":") and not info.text.endswith("::"):
        return info.words <= 7
    return info.words <= max_words and not info.terminal


def _opens_list(info: LineInfo, nxt: LineInfo) -> bool:
    """ "ومن أبرز النصائح:" followed by bullets introduces a list; it is body, not a crosshead."""
    return info.text.endswith(":") and bool(BULLET.match(nxt.text))


def _is_title(info: LineInfo) -> bool:
    """Headlines may end in ! ? » or a quote, never in a full stop; they are short."""
    if CAPTION_START.match(info.text) or CAPTION_CREDIT_LINE.match(info.text) or BULLET.match(info.text):
        return False
    return info.words <= 30 and not info.text.endswith((".", ":", "،", ","))


def split_lines(text: str) -> list[LineInfo]:
    out = []
    pos = 0
    for raw in text.split("\n"):
        a, b = pos, pos + len(raw)
        pos = b + 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a == b:
            continue
        line = text[a:b]
        words = len(line.split())
        # The shadow form is only read by the boilerplate patterns, which skip long lines.
        norm = normalize_word(line) if words <= MAX_BOILER_WORDS else ""
        out.append(LineInfo(a, b, line, norm, words, line[-1] in _TERMINAL))
    return out


def classify_lines(text: str, *, has_title: bool = False) -> list[tuple[LineInfo, str, DatelineMatch | None]]:
    """Label every non-empty line; ``has_title`` when the title is known from metadata (feeds, JSON).

    A line labelled ``dateline`` carries its match: when ``match.end`` is short of the line, the rest
    of the line is the first body paragraph.
    """
    lines = split_lines(text)
    labels: list[str] = []
    datelines: list[DatelineMatch | None] = []
    seen_body = seen_dateline = False
    seen_title = has_title
    boiler_tail = False  # inside a footer: short lines after a boilerplate line that follows the body
    for i, info in enumerate(lines):
        label = "body"
        dl = None
        last = i + 1 == len(lines)
        if is_boilerplate(info):
            label = "boilerplate"
            boiler_tail = seen_body and is_strong_boilerplate(info)
        elif boiler_tail and info.words <= 12 and not info.text.endswith("."):
            label = "boilerplate"
        elif not seen_dateline and i < 6 and (dl := match_dateline(info.text)):
            label = "dateline"
            seen_body = seen_dateline = True
        elif (i > 0 or has_title) and info.words <= 16 and (dl := match_byline(info.text, strict=seen_body)):
            label = "dateline"
            seen_dateline = True
        elif not seen_body and not seen_title and _is_title(info):
            label, seen_title = "title", True
        elif is_caption(info):
            label = "caption"
        elif not seen_body and _is_heading(info, 25) and (not last or has_title):
            label = "subtitle"
        elif seen_body and _is_heading(info, 14) and not last and not _opens_list(info, lines[i + 1]):
            label = "crosshead"
        if label == "body":
            seen_body = True
            boiler_tail = False
        labels.append(label)
        datelines.append(dl)
    _subtitles_before_dateline(labels)
    _runs_of_headings_are_body(labels)
    return list(zip(lines, labels, datelines, strict=True))


def _runs_of_headings_are_body(labels: list[str]) -> None:
    """Three or more short unpunctuated lines in a row are verse or a list, not (sub)headings."""
    i = 0
    while i < len(labels):
        j = i
        while j < len(labels) and labels[j] in ("subtitle", "crosshead"):
            j += 1
        if j - i >= 3:
            labels[i:j] = ["body"] * (j - i)
        i = max(j, i + 1)


def _subtitles_before_dateline(labels: list[str]) -> None:
    """Lines between the headline and a dateline that opens the body are subheadlines (Sabq's bullets)."""
    try:
        first_dl = labels.index("dateline", 0, 6)
    except ValueError:
        return
    if "title" not in labels[:first_dl]:
        return
    for j in range(labels.index("title") + 1, first_dl):
        if labels[j] == "body":
            labels[j] = "subtitle"
