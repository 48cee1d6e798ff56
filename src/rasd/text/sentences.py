"""Sentence boundaries for Arabic news text, as character spans of the original.

Splits after . ؟ ? ! ؛ and at newlines; not after an ellipsis (.. ... …, which Arabic news uses
as a pause), not after ؛ when a reason follows (؛ لأن، ؛ إذ، ؛ وذلك ...); not inside numbers (10.5,
3.000); not after abbreviations (single letters such as د. or أ., dotted initials such as ر.س or
U.S.; but 2015 م. and 1436 هـ. close a date and may end a sentence); not after list markers at the
start of a line (1. 2) أ-); and not inside «...», “...” or "..." quotations. Closing quotes and
brackets after a terminator stay with the sentence they close. A full stop glued between two
Arabic words (``انتهى.ثم``, common in scraped text) is still a boundary.
"""

from __future__ import annotations

import re

TERMINATORS = ".؟?!؛…"
CLOSERS = "»\"”’)]』›'"
_OPEN_CLOSE = {"«": "»", "“": "”", "(": ")"}
_ABBREV_LATIN = {"dr", "mr", "mrs", "ms", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "no", "u.s", "u.k"}
_LIST_MARKER = re.compile(r"^\s*(?:[0-9\u0660-\u0669]{1,3}|[a-zA-Z]|[\u0621-\u064a])\s*[.)\-]\s+")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_ERA = {"م", "هـ", "ه"}  # Gregorian / Hijri year markers: 2015م، 1436هـ
_ERA_BEFORE = re.compile(r"[0-9\u0660-\u0669]\s*$")
_AR_LETTER = re.compile(r"[\u0621-\u064a]")
_DOMAINS = {"كوم", "نت", "اورج", "أورج", "أورغ", "اورغ"}
# After ؛ these open the reason or purpose of what precedes (الفاصلة المنقوطة قبل التعليل): the
# semicolon then joins one sentence, it does not end one.
_CAUSAL = re.compile(r"\s*(?:لأن|لان|إذ\b|اذ\b|كي\b|لكي\b|حيث\b|وذلك\b|مما\b)")
_MAX_QUOTE = 300  # a quote longer than this is more likely an unclosed mark than a quotation
# The only characters the splitter acts on; everything between them is skipped in one regex step.
_INTEREST = re.compile("[\n" + re.escape(TERMINATORS + CLOSERS + "".join(_OPEN_CLOSE)) + "]")


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isalpha():
        if word in _ERA and _ERA_BEFORE.search(text, max(0, dot - 8), m.start()):
            return False  # 2015 م. / 1436 هـ. closes a date, often the sentence
        return True  # د. أ. م. J.
    if word in _ERA and _ERA_BEFORE.search(text, max(0, dot - 8), m.start()):
        return False
    if len(word) == 2 and word[0] == "و" and _AR_LETTER.match(word[1]):
        return True  # ود. / وم. : "and Dr." / "and Eng."
    parts = word.rstrip(".").split(".")
    if len(parts) > 1 and all(len(p) == 1 and p.isalpha() for p in parts):
        return True  # ر.س (riyal), ص.ب (P.O. box), ق.م (BC), U.S
    return word.lower().rstrip(".") in _ABBREV_LATIN


def _glued_sentence(text: str, i: int, end: int) -> bool:
    """``انتهى.ثم بدأ``: scraped Arabic often loses the space after a full stop between two words."""
    if i + 2 >= end or not _AR_LETTER.match(text[i + 1]):
        return False
    before = _WORD_BEFORE.search(text, max(0, i - 12), i)
    after = re.match(r"[\u0621-\u064a]{2,}", text[i + 1 : i + 20])
    if not (before and after) or "." in before.group(1) or len(before.group(1)) < 3 or len(after.group(0)) < 3:
        return False  # short pieces are transliterated initials: بي.بي، جيه.بي (BP, JP)
    if after.group(0) in _DOMAINS:
        return False  # بيت.كوم
    if i + 1 + after.end() < end and text[i + 1 + after.end()] == ".":
        return False  # a dotted acronym: إيه.بي.سي (ABC), آي.أو.بي.إي
    return bool(_AR_LETTER.fullmatch(before.group(1)[-1]))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences in ``text[start:end]``, whitespace trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    sent_start = start
    quote_close: list[tuple[str, int]] = []
    straight_open = -1
    line_start = start
    i = start
    while i < end:
        found = _INTEREST.search(text, i, end)
        if found is None:
            break  # nothing but ordinary characters up to the end
        i = found.start()
        ch = text[i]
        if ch == "\n":
            _emit(text, sent_start, i, spans)
            sent_start = i + 1
            line_start = i + 1
            quote_close.clear()
            straight_open = -1
            i += 1
            continue
        if ch in _OPEN_CLOSE:
            quote_close.append((_OPEN_CLOSE[ch], i))
        elif quote_close and ch == quote_close[-1][0]:
            quote_close.pop()
        elif ch == '"':
            straight_open = -1 if straight_open >= 0 else i
        if ch in TERMINATORS:
            if ch == "." and _no_split_at_dot(text, i, line_start, end):
                i += 1
                continue
            j = i + 1
            while j < end and text[j] in TERMINATORS:
                j += 1
            marks = text[i:j]
            if _is_ellipsis(marks) or (marks == "؛" and _CAUSAL.match(text, j, min(end, j + 12))):
                i = j
                continue
            while j < end and text[j] in CLOSERS:
                if text[j] == '"':
                    straight_open = -1
                if quote_close and text[j] == quote_close[-1][0]:
                    quote_close.pop()
                j += 1
            in_quote = (quote_close and i - quote_close[-1][1] < _MAX_QUOTE) or (
                straight_open >= 0 and i - straight_open < _MAX_QUOTE
            )
            glued = ch == "." and j == i + 1 and _glued_sentence(text, i, end)
            if in_quote or (j < end and not text[j].isspace() and not glued):
                i = j
                continue
            _emit(text, sent_start, j, spans)
            sent_start = j
            i = j
            continue
        i += 1
    _emit(text, sent_start, end, spans)
    return spans


def _is_ellipsis(marks: str) -> bool:
    """``..``, ``...`` and ``…`` suspend a sentence in Arabic news (المستقبل.. وباب واسع), not end it."""
    return (len(marks) >= 2 and set(marks) == {"."}) or (bool(marks) and set(marks) <= {".", "…"} and "…" in marks)


def _no_split_at_dot(text: str, i: int, line_start: int, end: int) -> bool:
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < end else ""
    if prev.isdigit() and nxt.isdigit():
        return True  # 10.5
    if i - line_start <= 4 and _LIST_MARKER.match(text[line_start : i + 2]):
        return True  # "1. " at the start of a line
    return _is_abbreviation(text, i)


def _emit(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a and any(ch.isalnum() for ch in text[a:b]):
        spans.append((a, b))
    elif b > a and spans and spans[-1][1] <= a:
        # stray punctuation: attach it to the previous sentence
        spans[-1] = (spans[-1][0], b)
