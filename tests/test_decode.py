"""Decoding: every encoding Arabic news arrives in, mojibake repair, cleaning, and bad bytes."""

from __future__ import annotations

import codecs
import os
import random
import unicodedata

import pytest

from rasd.errors import InputError
from rasd.text.decode import clean_text, decode_bytes, detect_encoding, repair_mojibake

SHORT = "قال الرئيس إن الحكومة ستعمل على مواجهة الإرهاب."
WORDS = ["مرحبا", "العراق", "وزارة الخارجية"]


def _seed(seed_text: str) -> str:
    return seed_text.replace("\r\n", "\n")


ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-bom": lambda t: t.encode("utf-16"),
    "utf-16-le": lambda t: t.encode("utf-16-le"),
    "utf-16-be": lambda t: t.encode("utf-16-be"),
    "cp1256": lambda t: t.encode("cp1256"),
    "iso-8859-6": lambda t: t.encode("iso-8859-6"),
}


@pytest.mark.parametrize("name", list(ENCODINGS))
def test_seed_in_every_encoding(seed_text: str, name: str) -> None:
    text = _seed(seed_text)
    if name == "iso-8859-6":
        # ISO-8859-6 has no Latin-1 punctuation the seed uses (« »); keep what it can hold.
        text = text.encode("iso-8859-6", errors="ignore").decode("iso-8859-6")
    decoded, _ = decode_bytes(ENCODINGS[name](text))
    assert decoded == text


@pytest.mark.parametrize("name", list(ENCODINGS))
@pytest.mark.parametrize("text", [SHORT, *WORDS])
def test_short_texts_in_every_encoding(name: str, text: str) -> None:
    decoded, _ = decode_bytes(ENCODINGS[name](text))
    assert decoded == text


def test_encoding_names() -> None:
    assert detect_encoding(codecs.BOM_UTF8 + SHORT.encode()) == "utf-8-sig"
    assert detect_encoding(SHORT.encode("utf-16-le")) == "utf-16-le"
    assert detect_encoding(SHORT.encode("utf-16-be")) == "utf-16-be"
    assert detect_encoding(SHORT.encode("cp1256")) == "cp1256"
    assert detect_encoding("مرحبا".encode("iso-8859-6")) == "iso-8859-6"


@pytest.mark.parametrize("enc", ["utf-8", "utf-16-le", "utf-16-be", "utf-16"])
def test_non_arabic_text_is_kept(enc: str) -> None:
    """Other languages are decoded as they are (language identification flags them later)."""
    for text in ("Hello world, this is English.", "Привет мир, это новости.", "Bonjour à tous", "שלום עולם"):
        assert decode_bytes(text.encode(enc))[0] == text


@pytest.mark.parametrize("enc", ["cp1256", "latin-1"])
def test_mojibake_whole_text(seed_text: str, enc: str) -> None:
    text = _seed(seed_text)
    garbled = text.encode("utf-8").decode(enc)
    assert garbled != text
    assert repair_mojibake(garbled) == text
    assert decode_bytes(garbled.encode("utf-8"))[0] == text


def _as_browser_cp1252(text: str) -> str:
    """UTF-8 bytes shown as windows-1252 the way browsers do (undefined bytes become C1 controls)."""
    return "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in text.encode())


def test_mojibake_cp1252(seed_text: str) -> None:
    text = _seed(seed_text)
    assert repair_mojibake(_as_browser_cp1252(text)) == text


@pytest.mark.parametrize(
    "garble", [lambda t: t.encode().decode("cp1256"), lambda t: t.encode().decode("latin-1"), _as_browser_cp1252]
)
def test_partially_garbled_text(garble) -> None:  # noqa: ANN001
    clean = "هذا نص سليم. "
    mixed = clean + garble(SHORT) + " ونص سليم آخر"
    assert repair_mojibake(mixed) == clean + SHORT + " ونص سليم آخر"


def test_clean_arabic_is_not_touched(seed_text: str) -> None:
    text = _seed(seed_text)
    assert repair_mojibake(text) == text
    # Arabic letters followed by Arabic punctuation re-encode to valid UTF-8 in places; must stay.
    assert repair_mojibake("طع، ظلم؟ غد؛") == "طع، ظلم؟ غد؛"


def test_controls_dropped_and_nfc() -> None:
    raw = "قال\x00 الرئيس\x07\x1b إن\r\nالحكومة\u200b\x85ستعمل\tكذا"
    assert clean_text(raw) == "قال الرئيس إن\nالحكومةستعمل\tكذا"
    decomposed = unicodedata.normalize("NFD", "آمن Café")
    assert decomposed != "آمن Café"
    assert decode_bytes(decomposed.encode())[0] == "آمن Café"
    line = "قال الرئيس إن الحكومة ستعمل على مواجهة الإرهاب"
    assert decode_bytes(f"{line}\x00 {line}\x00".encode())[0] == f"{line} {line}"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t\r\n  ", "empty"),
        (codecs.BOM_UTF8 + b"  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        (b"%PDF-1.4\n" + bytes(range(256)), "PDF"),
        (b"\x00\x00\x00\x01" * 100, "binary"),
    ],
)
def test_bad_input(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        decode_bytes(data)


def test_random_bytes_are_rejected() -> None:
    rng = random.Random(7)
    for size in (64, 1000, 5000):
        for _ in range(5):
            with pytest.raises(InputError):
                decode_bytes(bytes(rng.randrange(256) for _ in range(size)))
    with pytest.raises(InputError):
        decode_bytes(os.urandom(4096))


def test_truncated_utf16_is_an_input_error() -> None:
    with pytest.raises(InputError):
        decode_bytes(codecs.BOM_UTF16_LE + SHORT.encode("utf-16-le") + b"\x41")
