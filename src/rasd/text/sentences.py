"""Sentence boundaries for Arabic news text, as character spans of the original.

Splits after . ؟ ? ! ؛ … and at newlines; not inside numbers (10.5, 3.000), not after
abbreviations (single letters such as د. or أ., Latin ones such as U.S.), not after list markers
at the start of a line (1. 2) أ-), and not inside «...», “...” or "..." quotations. Closing quotes and
brackets after a terminator stay with the sentence they close.
"""

from __future__ import annotations

import re

TERMINATORS = ".؟?!؛…"
CLOSERS = "»\"”’)]』›'"
_OPEN_CLOSE = {"«": "»", "“": "”", "(": ")"}
_ABBREV_LATIN = {"dr", "mr", "mrs", "ms", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "no", "u.s", "u.k"}
_LIST_MARKER = re.compile(r"^\s*(?:[0-9\u0660-\u0669]{1,3}|[a-zA-Z]|[\u0621-\u064a])\s*[.)\-]\s+")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_MAX_QUOTE = 300  # a quote longer than this is more likely an unclosed mark than a quotation


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isalpha():
        return True  # د. أ. م. J.
    return word.lower().rstrip(".") in _ABBREV_LATIN


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
            in_quote = (quote_close and i - quote_close[-1][1] < _MAX_QUOTE) or (
                straight_open >= 0 and i - straight_open < _MAX_QUOTE
            )
            if ch == "." and _no_split_at_dot(text, i, line_start, end):
                i += 1
                continue
            j = i + 1
            while j < end and text[j] in TERMINATORS:
                j += 1
            while j < end and text[j] in CLOSERS:
                if text[j] == '"':
                    straight_open = -1
                if quote_close and text[j] == quote_close[-1][0]:
                    quote_close.pop()
                j += 1
            in_quote = (quote_close and i - quote_close[-1][1] < _MAX_QUOTE) or (
                straight_open >= 0 and i - straight_open < _MAX_QUOTE
            )
            if in_quote or (j < end and not text[j].isspace()):
                i = j
                continue
            _emit(text, sent_start, j, spans)
            sent_start = j
            i = j
            continue
        i += 1
    _emit(text, sent_start, end, spans)
    return spans


def _no_split_at_dot(text: str, i: int, line_start: int, end: int) -> bool:
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < end else ""
    if prev.isdigit() and nxt.isdigit():
        return True  # 10.5
    if _LIST_MARKER.match(text[line_start : i + 2]) and i - line_start <= 4:
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
