"""HTML reader: main content, metadata, the fallback chain and bad pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from dated import dated

from rasd.readers import RawDoc, ReadError
from rasd.readers import html as html_reader
from rasd.readers.html import html_to_rawdoc, read_html_file

DATA = Path(__file__).parent / "data" / "readers"


def test_article_body_title_and_metadata() -> None:
    doc = read_html_file(DATA / "article_ar.html")
    assert isinstance(doc, RawDoc)
    assert doc.meta["extractor"] == "trafilatura"
    assert doc.meta["title"] == "الرياض وعمّان تبحثان العلاقات الثنائية"
    assert doc.meta["author"] == "سعيد الراوي"
    assert doc.source.site == "صحيفة الاختبار"
    assert doc.source.url == "https://news.example.sa/2015/07/21/riyadh-amman.html"
    assert dated(doc)["published"] == "2015-07-21" and dated(doc)["published_from"] == "metadata"
    assert doc.text.startswith("أعلنت وزارة الخارجية السعودية")
    assert "حجم التبادل التجاري" in doc.text
    # navigation, share widget, sidebar and footer stay out; the headline lives in meta only
    for junk in ("الرئيسية", "شارك على تويتر", "الأكثر قراءة", "جميع الحقوق محفوظة"):
        assert junk not in doc.text
    assert not doc.text.startswith(doc.meta["title"])
    assert len(doc.text.splitlines()) == 3  # one paragraph a line, for the line classifier


def test_broken_markup_still_read() -> None:
    doc = read_html_file(DATA / "broken.html")
    assert isinstance(doc, RawDoc)
    assert doc.text.startswith("أعلنت وزارة الخارجية") and "مكافحة الإرهاب" in doc.text
    assert "<" not in doc.text and doc.meta["title"] == "صفحة معطوبة"


def test_empty_page_is_one_error() -> None:
    err = read_html_file(DATA / "empty.html")
    assert isinstance(err, ReadError) and "no article text" in err.reason
    assert isinstance(read_html_file(DATA / "missing.html"), ReadError)


def test_fallback_to_readability_then_justext(monkeypatch: pytest.MonkeyPatch) -> None:
    page = (DATA / "article_ar.html").read_text(encoding="utf-8")
    monkeypatch.setattr(html_reader, "_trafilatura", lambda *a: ("", {}))
    doc = html_to_rawdoc(page)
    assert doc.meta["extractor"] == "readability"
    assert "مذكرات التفاهم" in doc.text
    monkeypatch.setattr(html_reader, "_readability", lambda *a: ("", None))
    doc = html_to_rawdoc(page)
    assert doc.meta["extractor"] == "justext"  # Arabic stoplist: the Arabic paragraphs are kept
    assert "مذكرات التفاهم" in doc.text and "جميع الحقوق محفوظة" not in doc.text


def test_declared_charset_is_honoured() -> None:
    page = (
        (DATA / "article_ar.html")
        .read_text(encoding="utf-8")
        .replace('charset="utf-8"', 'charset="windows-1256"')
    )
    doc = html_to_rawdoc(page.encode("cp1256"))
    assert "وزارة الخارجية" in doc.text
