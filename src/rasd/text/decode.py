"""Bytes to clean text: encoding detection for Arabic news, mojibake repair, control characters, NFC.

Arabic news files come as UTF-8 (with or without BOM), UTF-16, Windows-1256 or ISO-8859-6, and
scraped text is often double-encoded (UTF-8 read as cp1256 or latin-1). General detectors guess
badly on short Arabic text, so the choice here is scored on what Arabic text looks like.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from rasd.errors import InputError

MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive",
    b"\x1f\x8b": "a gzip file",
    b"\x7fELF": "an executable",
    b"RIFF": "a RIFF media file",
    b"SQLite format 3": "an SQLite database",
}

# Characters that are common in Arabic text: their share tells a right decoding from a wrong one.
_COMMON_AR = set("اليمونرتبهةعفكدسقأإآحجشصطذخضظثزغءئؤى ،.\n")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff\ufffe]")
# Typical mojibake of Arabic UTF-8: lead bytes D8-DB seen through cp1256 (ط ظ ع غ) or latin-1 (Ø Ù Ú Û).
_MOJIBAKE_CP1256 = re.compile(r"[طظعغ][\u0080-\u00ff\u2018-\u203a\u0152-\u0192\u02c6-\u02dc\u067e-\u06d2\u0600-\u06ff\u200c-\u200f€‚ƒ„…†‡ˆ‰‹Œ‘’“”•–—˜™š›œŸ]")
_MOJIBAKE_LATIN = re.compile(r"[ØÙÚÛ][\u0080-\u00bf\u2018-\u203a\u0152-\u0192\u02c6\u02dc€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


def _score(text: str) -> float:
    """Share of characters typical of Arabic text (or plain ASCII), penalising controls and U+FFFD."""
    if not text:
        return 0.0
    good = sum(1 for ch in text if ch in _COMMON_AR or ("\x20" <= ch <= "\x7e"))
    bad = sum(1 for ch in text if ch == "\ufffd" or (ch < "\x20" and ch not in "\n\r\t"))
    return (good - 5 * bad) / len(text)


def _junk_share(text: str) -> float:
    """Share of controls (not tab/newline), U+FFFD, unassigned, private-use and surrogate characters."""
    sample = text[:20000]
    if not sample:
        return 0.0
    junk = sum(
        1
        for ch in sample
        if (ch < "\x20" and ch not in "\n\r\t") or ch == "\ufffd" or unicodedata.category(ch) in ("Cn", "Co", "Cs")
    )
    return junk / len(sample)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: one byte column holds high bytes 00-06 (Latin, Greek, Cyrillic, Hebrew,
    Arabic), the other the varied low bytes."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_high = sum(1 for b in even if b <= 6) / max(1, len(even))
    odd_high = sum(1 for b in odd if b <= 6) / max(1, len(odd))
    even_nul = even.count(0) / max(1, len(even))
    odd_nul = odd.count(0) / max(1, len(odd))
    if odd_high > 0.6 and even_nul < 0.1 and even_high < 0.3:
        return "utf-16-le"
    if even_high > 0.6 and odd_nul < 0.1 and odd_high < 0.3:
        return "utf-16-be"
    return None


def _encode_legacy(text: str, enc: str) -> bytes:
    """Bytes ``text`` came from when UTF-8 was shown through ``enc``.

    For cp1252 the five bytes it leaves undefined (81 8D 8F 90 9D) come back as C1 controls from
    browsers (WHATWG windows-1252), so those map through latin-1.
    """
    if enc != "cp1252":
        return text.encode(enc)
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                raise
            out.append(ord(ch))
    return bytes(out)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as cp1256 or latin-1/cp1252: whole text, else word by word.

    The word-by-word pass repairs partially garbled text (a garbled paragraph pasted into a clean
    one) and leaves runs that do not re-encode into valid UTF-8 as they are.
    """
    for pattern, encodings in ((_MOJIBAKE_CP1256, ("cp1256",)), (_MOJIBAKE_LATIN, ("cp1252", "latin-1"))):
        hits = len(pattern.findall(text))
        if hits < 2:
            continue
        for enc in encodings:
            try:
                fixed = _encode_legacy(text, enc).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                fixed = _repair_runs(text, enc, pattern)
            if fixed != text and _score(fixed) > _score(text):
                return fixed
    return text


_RUN = re.compile(r"[^\x00-\x7f]+")
_AR_RANGE = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u200c-\u200f\u00a0«»“”‘’–—…]+")


def _repair_runs(text: str, enc: str, pattern: re.Pattern[str]) -> str:
    """Repair only the runs of non-ASCII characters that look garbled and re-encode into Arabic."""

    def fix(match: re.Match[str]) -> str:
        run = match.group(0)
        if not pattern.search(run):
            return run
        try:
            fixed = _encode_legacy(run, enc).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return run
        return fixed if _AR_RANGE.fullmatch(fixed) else run

    return _RUN.sub(fix, text)


def clean_text(text: str) -> str:
    """NFC, newlines unified, NUL and control characters dropped (tabs and newlines kept)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def detect_encoding(data: bytes) -> str:
    """Name the encoding of ``data``; raises ``InputError`` for binary or undecodable bytes."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        return "utf-32"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"binary file ({what}), not text")
    utf16 = _looks_utf16(data)
    if utf16:
        return utf16
    if data.count(0) > max(2, len(data) // 100):
        raise InputError("binary file (contains NUL bytes), not text")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: dict[str, tuple[float, str]] = {}
    for enc in ("cp1256", "iso-8859-6"):
        try:
            decoded = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates[enc] = (_score(decoded), decoded)
    best, best_score = None, -1.0
    for enc, (score, _) in candidates.items():
        if score > best_score + 1e-9:
            best, best_score = enc, score
    if len(candidates) == 2 and abs(candidates["cp1256"][0] - candidates["iso-8859-6"][0]) < 0.05:
        # Short texts: both readings are Arabic letters; the one whose words are known wins.
        hits = {enc: _known_words(dec) for enc, (_, dec) in candidates.items()}
        if hits["iso-8859-6"] > hits["cp1256"]:
            best, best_score = "iso-8859-6", candidates["iso-8859-6"][0]
    if best is None or best_score < 0.5:
        raise InputError("undecodable bytes: not UTF-8, UTF-16, Windows-1256 or ISO-8859-6 text")
    return best


def _known_words(text: str) -> int:
    """How many Arabic words of ``text`` the corpus lexicon knows (breaks cp1256/ISO-8859-6 ties)."""
    from rasd.text.normalize import normalize
    from rasd.text.tokenize import WORD_RE, lexicon

    lex = lexicon()
    return sum(1 for m in WORD_RE.finditer(text[:5000]) if m.lastgroup == "ar" and normalize(m.group(0)) in lex)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode raw bytes to clean text; returns ``(text, encoding)``.

    Raises ``InputError`` for empty, binary or undecodable input.
    """
    if not data or not data.strip():
        raise InputError("empty file")
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding, errors="strict")
    except UnicodeDecodeError as exc:
        raise InputError(f"undecodable bytes: invalid {encoding} at byte {exc.start}") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    raw_text = text
    text = clean_text(repair_mojibake(text))
    if not text.strip():
        raise InputError("empty file (no text after decoding)")
    if encoding in ("cp1256", "iso-8859-6") and _score(text) < 0.4:
        raise InputError(f"undecodable bytes: decoded as {encoding} the file does not look like text")
    if _junk_share(raw_text) > 0.1:
        raise InputError(f"binary file: decoded as {encoding} it is mostly control or unassigned characters")
    return text, encoding
