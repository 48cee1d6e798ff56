"""Rebuild the reader fixtures in this folder (small files written by us; run from the repo root).

.venv/bin/python tests/data/readers/make_fixtures.py
"""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

PARAS = [
    "أعلنت وزارة الخارجية السعودية اليوم (الثلاثاء) أن وزير الخارجية سيلتقي نظيره الأردني في الرياض لبحث "
    "العلاقات الثنائية والتطورات الإقليمية، وذلك في إطار التنسيق المستمر بين البلدين الشقيقين في مختلف "
    "الملفات السياسية والاقتصادية.",
    "وقال المتحدث باسم الوزارة في مؤتمر صحفي إن اللقاء سيتناول الأوضاع في اليمن وسوريا والعراق، إضافة إلى "
    "جهود مكافحة الإرهاب وتجفيف منابع تمويله، مؤكدا أن المملكة ماضية في دعم الاستقرار والأمن في المنطقة "
    "وفي العالم.",
    "وأضاف أن الجانبين سيوقعان عددا من مذكرات التفاهم في مجالات الطاقة والنقل والتعليم، مشيرا إلى أن حجم "
    "التبادل التجاري بين البلدين ارتفع خلال العام الماضي بنسبة كبيرة مقارنة بالأعوام السابقة، وأن "
    "اللجنة المشتركة ستجتمع قريبا.",
]

ARTICLE_HTML = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>الرياض وعمّان تبحثان العلاقات الثنائية | صحيفة الاختبار</title>
<meta property="og:title" content="الرياض وعمّان تبحثان العلاقات الثنائية">
<meta property="og:site_name" content="صحيفة الاختبار">
<meta property="article:published_time" content="2015-07-21T09:30:00+03:00">
<meta name="author" content="سعيد الراوي">
<link rel="canonical" href="https://news.example.sa/2015/07/21/riyadh-amman.html">
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/sport">رياضة</a></li><li><a href="/eco">اقتصاد</a></li></ul></nav>
<div class="share">شارك على تويتر | شارك على فيسبوك</div>
<article><h1>الرياض وعمّان تبحثان العلاقات الثنائية</h1>
<p class="byline">سعيد الراوي</p>
{"".join(f"<p>{p}</p>" for p in PARAS)}
</article>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/a">خبر آخر</a></li><li><a href="/b">خبر ثالث</a></li></ul></aside>
<footer>جميع الحقوق محفوظة © 2015 صحيفة الاختبار</footer>
</body></html>
"""

# Unclosed paragraphs and divs, stray end tags, a table cut off, no </body></html>.
BROKEN_HTML = f"""<html><head><title>صفحة معطوبة</title><body><div class="x"><p>{PARAS[0]}<p>{PARAS[1]}</span>
<div><b>{PARAS[2]}</i></div></div></div><table><tr><td>خلية"""

EMPTY_HTML = "<html><head><title></title></head><body>   </body></html>"

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>أخبار الاختبار</title><link>https://news.example.sa/</link>
<description>آخر الأخبار</description>
<item><title>الرياض وعمّان تبحثان العلاقات</title><link>https://news.example.sa/a/1</link>
<description>&lt;p&gt;أعلنت وزارة الخارجية &lt;b&gt;السعودية&lt;/b&gt; أن الوزير سيلتقي نظيره الأردني.&lt;/p&gt;</description>
<pubDate>Tue, 21 Jul 2015 09:30:00 +0300</pubDate><guid>https://news.example.sa/a/1</guid></item>
<item><title>ارتفاع أسعار النفط</title><link>https://news.example.sa/a/2</link>
<description>ارتفعت أسعار النفط أمس في الأسواق العالمية.</description>
<pubDate>Mon, 20 Jul 2015 18:00:00 +0300</pubDate></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>موقع أتوم</title><id>urn:test:feed</id>
<updated>2015-07-22T10:00:00Z</updated>
<entry><title>قمة خليجية في الدوحة</title><id>urn:test:1</id>
<link href="https://atom.example.qa/2015/07/22/summit"/>
<updated>2015-07-22T10:00:00Z</updated><published>2015-07-22T08:00:00Z</published>
<author><name>مراسل الدوحة</name></author>
<content type="html">&lt;p&gt;تنطلق في الدوحة قمة خليجية.&lt;/p&gt;&lt;p&gt;ويشارك فيها القادة.&lt;/p&gt;</content></entry>
<entry><title>خبر بلا تاريخ</title><id>urn:test:2</id><link href="https://atom.example.qa/b"/>
<summary>ملخص قصير للخبر الثاني.</summary></entry>
</feed>
"""

EMPTY_FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>فارغ</title></channel></rss>"""

RECORDS = [
    {
        "source": "spa",
        "url": "http://www.spa.gov.sa/viewstory.php?newsid=1",
        "date_extracted": "2015-07-21 02:51:32",
        "title": "خادم الحرمين يستقبل وزير الخارجية",
        "author": "واس",
        "content": PARAS[0],
    },
    {
        "source": "okaz",
        "url": "http://www.okaz.com.sa/new/Issues/20150720/Con20150720781233.htm",
        "date_extracted": "2015-07-21 03:00:00",
        "title": "ارتفاع أسعار النفط",
        "author": "",
        "content": "ارتفعت أسعار النفط أمس في الأسواق العالمية بعد إعلان الاتفاق.",
    },
]


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record("test.warc.gz", {"software": "rasd tests"}))
        url = "https://news.example.sa/2015/07/21/riyadh-amman.html"
        req = StatusAndHeaders(
            "GET /2015/07/21/riyadh-amman.html HTTP/1.1", [("Host", "news.example.sa")], is_http_request=True
        )
        writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
        for target, status, ctype, body in (
            (url, "200 OK", "text/html; charset=utf-8", ARTICLE_HTML.encode("utf-8")),
            ("https://news.example.sa/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
            (
                "https://news.example.sa/missing",
                "404 Not Found",
                "text/html",
                b"<html><body>not found</body></html>",
            ),
        ):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                target,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2015-07-21T12:00:00Z"},
            )
            writer.write_record(rec)


def main() -> None:
    (HERE / "article_ar.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (HERE / "broken.html").write_text(BROKEN_HTML, encoding="utf-8")
    (HERE / "empty.html").write_text(EMPTY_HTML, encoding="utf-8")
    (HERE / "feed.rss").write_text(RSS, encoding="utf-8")
    (HERE / "feed.atom").write_text(ATOM, encoding="utf-8")
    (HERE / "empty_feed.xml").write_text(EMPTY_FEED, encoding="utf-8")
    (HERE / "not_a_feed.rss").write_text("هذا ليس ملف RSS { ] <<", encoding="utf-8")
    lines = [
        json.dumps(RECORDS[0], ensure_ascii=False),
        "{not json at all",
        "",
        json.dumps({"source": "x", "title": "بلا نص"}, ensure_ascii=False),
        json.dumps(RECORDS[1], ensure_ascii=False),
    ]
    (HERE / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (HERE / "records.json").write_text(json.dumps(RECORDS, ensure_ascii=False, indent=1), encoding="utf-8")
    _warc(HERE / "pages.warc.gz")
    data = (HERE / "pages.warc.gz").read_bytes()
    (HERE / "truncated.warc.gz").write_bytes(data[: len(data) * 2 // 3])
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("x.txt", "نص")
    with zipfile.ZipFile(HERE / "bundle.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("news/one.txt", PARAS[1])
        z.writestr("news/page.html", ARTICLE_HTML)
        z.writestr("news/records.jsonl", "\n".join(lines[:1]) + "\n")
        z.writestr("news/nested.zip", inner.getvalue())
        z.writestr("__MACOSX/._one.txt", "junk")
    with tarfile.open(HERE / "bundle.tar.gz", "w:gz") as t:
        for name, text in (("a/one.txt", PARAS[2]), ("a/day.json", json.dumps(RECORDS, ensure_ascii=False))):
            raw = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(raw)
            t.addfile(info, io.BytesIO(raw))
    (HERE / "corrupt.zip").write_bytes(b"PK\x03\x04" + b"\x00garbage" * 20)


if __name__ == "__main__":
    main()
