"""Classify each line of a scraped Arabic article: title, subtitle, dateline, body, crosshead, caption,
boilerplate.

No library does this for plain text: extractors work on HTML trees. The rules here read the signals
an editor leaves in a scraped page: calls to action and share widgets, datelines (``إيلاف من لندن:``,
``الرياض - واس``, ``(أ ف ب)``), short unpunctuated lines before the body (headline, subheadline) and
inside it (crossheads), short descriptive lines with a credit in parentheses (captions).
Measured against the hand-annotated lines in ``tests/data/structure_lines.tsv`` (docs/benchmarks.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.text.normalize import normalize_word

# Calls to action, widgets, related links, copyright and comment prompts. Matched on the shadow form.
_STRONG = [
    r"(ا|إ)?ضغط هنا", r"انقر هنا", r"(لل|ل)(ا|إ)شتراك", r"^اشترك", r"اشترك (الان|في|ب)", r"حمل تطبيق", r"حمل التطبيق",
    r"تحميل التطبيق", r"تابعونا", r"تابعوا (اخر|اخبار|قناه|حساب|صفح)", r"^(اقرا|إقرا) ايضا", r"^اقرا المزيد",
    r"^ذات صله", r"^مواضيع ذات", r"^اخبار ذات", r"جميع الحقوق محفوظه", r"حقوق (النشر|الطبع)", r"^©", r"copyright",
    r"^(اضف|اترك|اكتب) تعليق", r"^التعليقات", r"^تعليقات", r"^شارك(ها|ه)? (علي|عبر)", r"^مشاركه",
    r"^طباعه", r"^(ارسل|إرسال) (الي|لصديق)", r"^(المصدر|رابط المصدر)\s*:?$", r"متابعه اخر الاخبار",
    r"^(قناه|حساب|صفحه) .{0,20} (علي|عبر) (تلغرام|تليغرام|تيليجرام|تويتر|فيسبوك|يوتيوب|انستغرام|واتساب)",
    r"^(تويتر|فيسبوك|واتساب|تلغرام|يوتيوب|انستغرام|لينكد ان)$", r"^(tweet|share|print|email)$",
    r"^(الصفحه الرئيسيه|الرئيسيه)\s*[>»/]", r"^(شاهد|شاهدوا) (ايضا|الفيديو)", r"^للمزيد",
]
_WEAK = [r"تلغرام|تليغرام|تيليجرام|تلجرام|واتساب|تويتر|فيسبوك|انستغرام|يوتيوب|نشره (اخبار|بريديه)",
         r"مجانا", r"(حمل|نزل)", r"اشترك|الاشتراك"]
STRONG_RE = re.compile("|".join(f"(?:{p})" for p in _STRONG))
WEAK_RE = re.compile("|".join(f"(?:{p})" for p in _WEAK))

_AGENCIES = (
    r"أ ف ب|أ\.ف\.ب|ا ف ب|فرانس برس|رويترز|واس|الأناضول|الاناضول|د ب أ|د\.ب\.أ|يو بي آي|يو بي اي|أ ب|أسوشيتد برس|"
    r"كونا|وام|بنا|قنا|سانا|وفا|واع|سبأ|ومع|وات|العمانية|أنا|إرنا|ارنا|شينخوا|سبوتنيك|تاس|الشرق الأوسط|إيلاف|"
    r"الجزيرة|العربية|سكاي نيوز|بي بي سي|CNN|AFP|Reuters|AP|SPA|WAM|KUNA|QNA|BNA"
)
# "إيلاف من لندن:" — source من place:
DATELINE_FROM = re.compile(r"^\s*(?P<source>[^\s:،,.]+(?: [^\s:،,.]+){0,2}) من (?P<place>[^\s:،,.]+(?: [^\s:،,.]+){0,2})\s*:\s*")
# "الرياض - واس:" / "بيروت – (أ ف ب):" / "لندن: فلان" handled elsewhere
DATELINE_DASH = re.compile(
    rf"^\s*(?P<place>[^\s:،,.()\-–—]+(?: [^\s:،,.()\-–—]+){{0,2}})\s*[-–—]\s*\(?(?P<source>{_AGENCIES})\)?\s*[:\-–—]?\s*"
)
# "بيروت (رويترز) -" / "القاهرة (أ ف ب):"
DATELINE_PAREN = re.compile(
    rf"^\s*(?P<place>[^\s:،,.()\-–—]+(?: [^\s:،,.()\-–—]+){{0,2}})\s*\((?P<source>{_AGENCIES})\)\s*[:\-–—]?\s*"
)
# "(أ ف ب) -" at the start, or "واس -"
DATELINE_AGENCY = re.compile(rf"^\s*\(?(?P<source>{_AGENCIES})\)?\s*[:\-–—]\s*")
# Credit in parentheses at the end of a caption: "(مكتبه)", "(أ ف ب)", "(رويترز)", "(صورة: فلان)"
CAPTION_CREDIT = re.compile(r"\((?:[^()]{1,40})\)\s*$")
CAPTION_START = re.compile(r"^\s*(?:صورة|الصورة|صوره|الصوره|photo|image)\s*[:(\-–]", re.I)
_TERMINAL = ".؟?!:…\"»”"


@dataclass
class LineInfo:
    start: int
    end: int
    text: str
    norm: str
    words: int
    terminal: bool


@dataclass
class DatelineMatch:
    end: int  # offset within the line where the dateline ends (colon/dash included)
    source: str | None
    place: str | None


def match_dateline(line: str) -> DatelineMatch | None:
    """Find a dateline at the start of a line; returns where it ends and its source and place."""
    m = DATELINE_FROM.match(line)
    if m and len(line) > m.end() + 10:
        return DatelineMatch(m.end(), m.group("source"), m.group("place"))
    for regex in (DATELINE_PAREN, DATELINE_DASH):
        m = regex.match(line)
        if m and len(line) > m.end() + 10:
            return DatelineMatch(m.end(), m.group("source"), m.group("place"))
    m = DATELINE_AGENCY.match(line)
    if m and len(line) > m.end() + 10:
        return DatelineMatch(m.end(), m.group("source"), None)
    return None


def is_boilerplate(info: LineInfo) -> bool:
    if info.words <= 30 and STRONG_RE.search(info.norm):
        return True
    return info.words <= 16 and len(WEAK_RE.findall(info.norm)) >= 2


def is_caption(info: LineInfo) -> bool:
    if info.words > 40:
        return False
    if CAPTION_START.match(info.text):
        return True
    stripped = info.text.rstrip()
    return bool(CAPTION_CREDIT.search(stripped)) and not stripped[:-1].rstrip().endswith(".") and info.words >= 3


def _is_heading(info: LineInfo, max_words: int) -> bool:
    return info.words <= max_words and not info.terminal


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
        out.append(LineInfo(a, b, line, normalize_word(line), len(line.split()), line[-1] in _TERMINAL))
    return out


def classify_lines(text: str, *, has_title: bool = False) -> list[tuple[LineInfo, str, DatelineMatch | None]]:
    """Label every non-empty line; ``has_title`` when the title is known from metadata (feeds, JSON)."""
    lines = split_lines(text)
    labels: list[str] = []
    datelines: list[DatelineMatch | None] = []
    seen_body = False
    seen_title = has_title
    for i, info in enumerate(lines):
        label = "body"
        dl = None
        if is_boilerplate(info):
            label = "boilerplate"
        elif not seen_body and (dl := match_dateline(info.text)):
            label = "body"
            seen_body = True
        elif is_caption(info):
            label = "caption"
        elif not seen_body and _is_heading(info, 25):
            if not seen_title:
                label, seen_title = "title", True
            elif i + 1 < len(lines) or has_title:
                label = "subtitle"
        elif seen_body and _is_heading(info, 14) and i + 1 < len(lines):
            label = "crosshead"
        else:
            seen_body = True
        if label == "body" and not seen_body:
            seen_body = True
        labels.append(label)
        datelines.append(dl)
    return list(zip(lines, labels, datelines, strict=True))
