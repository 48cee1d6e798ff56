"""The reference input: every part of the Elaph seed article must come out right, in every encoding."""

from __future__ import annotations

import codecs

import pytest

from rasd.pipeline import Pipeline
from rasd.text.decode import decode_bytes

TITLE = "إردوغان يؤكد مساندة جهود العراق لمواجهة الإرهاب"
SUBTITLE = "الكاظمي يبحث الدعم الأمني والاستخباري الأميركي لبلده"
CROSSHEAD = "إردوغان يؤكد مساندة العراق في مواجهة الإرهاب"


def _encodings(text: str) -> dict[str, bytes]:
    return {
        "utf-8": text.encode("utf-8"),
        "utf-8-bom": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf-16": text.encode("utf-16"),
        "cp1256": text.encode("cp1256"),
    }


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-bom", "utf-16", "cp1256"])
def test_seed_blocks(seed_text: str, encoding: str) -> None:
    text, _ = decode_bytes(_encodings(seed_text)[encoding])
    assert text == seed_text.replace("\r\n", "\n")
    doc = Pipeline().process_text(text)
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert doc.title == TITLE
    assert doc.subtitle == SUBTITLE
    assert doc.language == "ar"
    boiler = [t for k, t in kinds if k == "boilerplate"]
    assert len(boiler) == 2 and "تلغرام" in boiler[0] and "للإشتراك" in boiler[1]
    assert doc.dateline is not None
    assert (doc.dateline.source, doc.dateline.place) == ("إيلاف", "لندن")
    assert [t for k, t in kinds if k == "crosshead"] == [CROSSHEAD]
    captions = [t for k, t in kinds if k == "caption"]
    assert len(captions) == 1 and captions[0].startswith("الكاظمي خلال اجتماعه")
    body = [t for k, t in kinds if k == "body"]
    assert body[0].startswith("بحث رئيس الوزراء العراقي")  # the paragraph after the colon stays body
    assert len(body) == 8
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
    for sent in doc.sentences:
        assert doc.blocks[sent.block].start <= sent.start < sent.end <= doc.blocks[sent.block].end


def test_same_document_id_for_every_encoding(seed_text: str) -> None:
    ids = {Pipeline().process_text(decode_bytes(raw)[0]).id for raw in _encodings(seed_text).values()}
    assert len(ids) == 1
