"""JSON / JSON Lines reader: the SaudiNewsNet mapping, custom mappings, bad lines and records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dated import dated

from rasd.readers import FieldMap, RawDoc, ReadError
from rasd.readers.jsonl import parse_json, read_json_path

DATA = Path(__file__).parent / "data" / "readers"


def test_jsonl_bad_line_is_one_error_rest_read() -> None:
    out = list(read_json_path(DATA / "records.jsonl"))
    kinds = [type(x).__name__ for x in out]
    assert kinds == ["RawDoc", "ReadError", "ReadError", "RawDoc"]
    assert out[1].where.endswith("records.jsonl:2") and "not JSON" in out[1].reason
    assert out[2].where.endswith("records.jsonl:4") and "no text" in out[2].reason


def test_saudinewsnet_fields_out_of_the_box() -> None:
    first, second = read_json_path(DATA / "records.json")
    assert isinstance(first, RawDoc) and isinstance(second, RawDoc)
    assert first.source.site == "spa" and first.source.url.startswith("http://www.spa.gov.sa/")
    assert first.meta["title"] == "خادم الحرمين يستقبل وزير الخارجية" and first.meta["author"] == "واس"
    assert first.meta["crawled"] == "2015-07-21 02:51:32"
    # "اليوم (الثلاثاء)" in the text, resolved against the crawl date
    assert (dated(first)["published"], dated(first)["published_text"]) == ("2015-07-21", "اليوم (الثلاثاء)")
    # the URL's date beats the text; an empty author is left out
    assert dated(second)["published"] == "2015-07-20" and dated(second)["published_from"] == "url"
    assert "author" not in second.meta


def test_custom_mapping_and_wrapped_list() -> None:
    data = json.dumps(
        {
            "items": [
                {
                    "headline": "عنوان",
                    "body": "نص الخبر",
                    "link": "https://x.example/1",
                    "published": "2015-07-19",
                }
            ]
        },
        ensure_ascii=False,
    )
    (doc,) = parse_json(data, "mem.json")
    assert doc.text == "نص الخبر" and doc.meta["title"] == "عنوان" and dated(doc)["published"] == "2015-07-19"
    mapping = FieldMap.parse("text=story,title=name")
    (doc,) = parse_json('{"story": "قصة", "name": "اسم"}', "one.json", mapping)
    assert doc.text == "قصة" and doc.meta["title"] == "اسم"
    with pytest.raises(ValueError):
        FieldMap.parse("nonsense=x")


@pytest.mark.parametrize(
    ("data", "reason"), [("[1, 2", "not JSON"), ("[]", "empty JSON list"), ('["x"]', "not an object")]
)
def test_bad_json(data: str, reason: str) -> None:
    out = list(parse_json(data, "bad.json"))
    assert isinstance(out[0], ReadError) and reason in out[0].reason


def test_a_record_that_gives_its_outlets_country_keeps_it() -> None:
    """``"country": "EGY"`` (the shared corpora say where each outlet is) reaches the document's meta;
    anything but an ISO-3 code is left out."""
    from rasd.readers.jsonl import record_to_rawdoc

    doc = record_to_rawdoc({"text": "خبر", "source": "Youm7", "country": "egy"}, "t:1")
    assert isinstance(doc, RawDoc) and doc.meta["country"] == "EGY" and doc.source.site == "Youm7"
    odd = record_to_rawdoc({"text": "خبر", "country": "Egypt"}, "t:2")
    assert isinstance(odd, RawDoc) and "country" not in odd.meta
