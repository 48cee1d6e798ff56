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
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff\ufffe]")
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


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    # Arabic in UTF-16 has 0x06 high bytes, ASCII has NUL high bytes.
    even_06 = sample[0::2].count(6) / max(1, len(sample[0::2]))
    odd_06 = sample[1::2].count(6) / max(1, len(sample[1::2]))
    if odd_nul + odd_06 > 0.6 and even_nul < 0.1:
        return "utf-16-le"
    if even_nul + even_06 > 0.6 and odd_nul < 0.1:
        return "utf-16-be"
    return None


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as cp1256 or latin-1/cp1252 (whole text, else run by run)."""
    for pattern, encodings in ((_MOJIBAKE_CP1256, ("cp1256",)), (_MOJIBAKE_LATIN, ("cp1252", "latin-1"))):
        hits = len(pattern.findall(text))
        if hits < 2:
            continue
        for enc in encodings:
            try:
                fixed = text.encode(enc).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                fixed = _repair_runs(text, enc)
            if fixed != text and _score(fixed) > _score(text):
                return fixed
    return text


def _repair_runs(text: str, enc: str) -> str:
    """Repair only the runs of non-ASCII characters that re-encode into valid UTF-8."""

    def fix(match: re.Match[str]) -> str:
        run = match.group(0)
        try:
            return run.encode(enc).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return run

    return re.sub(r"[^\x00-\x7f]+(?:[ \t]+[^\x00-\x7f]+)*", fix, text)


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
    best, best_score = None, -1.0
    for enc in ("cp1256", "iso-8859-6"):
        try:
            score = _score(data.decode(enc))
        except UnicodeDecodeError:
            continue
        if score > best_score:
            best, best_score = enc, score
    if best is None or best_score < 0.5:
        raise InputError("undecodable bytes: not UTF-8, UTF-16, Windows-1256 or ISO-8859-6 text")
    return best


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode raw bytes to clean text; returns ``(text, encoding)``.

    Raises ``InputError`` for empty, binary or undecodable input.
    """
    if not data or not data.strip():
        raise InputError("empty file")
    encoding = detect_encoding(data)
    text = data.decode(encoding, errors="strict")
    if text.startswith("\ufeff"):
        text = text[1:]
    text = clean_text(repair_mojibake(text))
    if not text.strip():
        raise InputError("empty file (no text after decoding)")
    if _score(text) < 0.4:
        raise InputError(f"undecodable bytes: decoded as {encoding} the file does not look like text")
    return text, encoding
