"""Arabic date expressions: a table of expressions with their resolved dates, spans and precision.

Reference date for relative expressions: Tuesday 21 July 2015, 10:00 (5 Shawwal 1436).
"""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.dates import date_from_url, find_dates, parse_date, parse_iso_like, publication_date

REF = dt.datetime(2015, 7, 21, 10, 0)

# (text, expected ISO date, expected precision, expected matched text)
TABLE = [
    # Gregorian, Egyptian/Gulf month names
    ("وقع الاتفاق في 21 يوليو 2015 بالرياض", "2015-07-21", "day", "21 يوليو 2015"),
    ("الثلاثاء 21 يوليو 2015م", "2015-07-21", "day", "الثلاثاء 21 يوليو 2015م"),
    ("في 3 إبريل 2014", "2014-04-03", "day", "3 إبريل 2014"),
    ("في 3 أبريل 2014", "2014-04-03", "day", "3 أبريل 2014"),
    ("في 3 ابريل 2014", "2014-04-03", "day", "3 ابريل 2014"),
    ("يوم 9 يونيه 2013", "2013-06-09", "day", "9 يونيه 2013"),
    ("1 يناير عام 2016", "2016-01-01", "day", "1 يناير عام 2016"),
    ("15 من أغسطس 2015", "2015-08-15", "day", "15 من أغسطس 2015"),
    ("30 ديسمبر، 2014", "2014-12-30", "day", "30 ديسمبر، 2014"),
    ("في 21 يولـيو 2015", "2015-07-21", "day", "21 يولـيو 2015"),
    # Levantine / Iraqi month names and double forms
    ("في ٢١ تموز ٢٠١٥", "2015-07-21", "day", "٢١ تموز ٢٠١٥"),
    ("5 كانون الثاني 2015", "2015-01-05", "day", "5 كانون الثاني 2015"),
    ("12 تشرين الأول 2013", "2013-10-12", "day", "12 تشرين الأول 2013"),
    ("1 كانون الأول 2014", "2014-12-01", "day", "1 كانون الأول 2014"),
    ("7 آذار 2011", "2011-03-07", "day", "7 آذار 2011"),
    ("14 آب 2015", "2015-08-14", "day", "14 آب 2015"),
    ("21 يوليو/تموز 2015", "2015-07-21", "day", "21 يوليو/تموز 2015"),
    ("21 تموز (يوليو) 2015", "2015-07-21", "day", "21 تموز (يوليو) 2015"),
    ("كانون الثاني/يناير 2016", "2016-01", "month", "كانون الثاني/يناير 2016"),
    # Maghrebi month names
    ("يوم 5 جانفي 2015", "2015-01-05", "day", "5 جانفي 2015"),
    ("في 14 فيفري 2011", "2011-02-14", "day", "14 فيفري 2011"),
    ("في 20 أفريل 2015", "2015-04-20", "day", "20 أفريل 2015"),
    ("في 1 جوان 2015", "2015-06-01", "day", "1 جوان 2015"),
    ("في 5 جويلية 1962", "1962-07-05", "day", "5 جويلية 1962"),
    ("20 أوت 1955", "1955-08-20", "day", "20 أوت 1955"),
    ("شهر ماي 2015", "2015-05", "month", "شهر ماي 2015"),
    # Moroccan
    ("30 يوليوز 2015", "2015-07-30", "day", "30 يوليوز 2015"),
    ("في 9 شتنبر 2014", "2014-09-09", "day", "9 شتنبر 2014"),
    # Arabic-Indic / Persian digits, numeric forms
    ("بتاريخ ٢٠١٥/٠٧/٢١", "2015-07-21", "day", "٢٠١٥/٠٧/٢١"),
    ("بتاريخ 21/07/2015", "2015-07-21", "day", "21/07/2015"),
    ("بتاريخ 21-7-2015", "2015-07-21", "day", "21-7-2015"),
    ("نشر في 2015-07-21", "2015-07-21", "day", "2015-07-21"),
    ("۲۱ يوليو ۲۰۱۵", "2015-07-21", "day", "۲۱ يوليو ۲۰۱۵"),
    # ordinal days
    ("في الأول من يناير 2015", "2015-01-01", "day", "الأول من يناير 2015"),
    ("الحادي والعشرين من يوليو 2015", "2015-07-21", "day", "الحادي والعشرين من يوليو 2015"),
    ("الخامس عشر من أغسطس 2015", "2015-08-15", "day", "الخامس عشر من أغسطس 2015"),
    # month and year precision
    ("في يوليو 2015", "2015-07", "month", "يوليو 2015"),
    ("في شهر مارس من عام 2011", "2011-03", "month", "شهر مارس من عام 2011"),
    ("في عام 2003", "2003", "year", "في عام 2003"),
    ("منذ عام 1948", "1948", "year", "عام 1948"),
    ("نهاية عام 2014", "2014-12", "month", "نهاية عام 2014"),
    # Hijri
    ("الثلاثاء 5 شوال 1436 هـ", "2015-07-21", "day", "الثلاثاء 5 شوال 1436 هـ"),
    ("5 شوال 1436هـ", "2015-07-21", "day", "5 شوال 1436هـ"),
    ("1 رمضان 1436", "2015-06-18", "day", "1 رمضان 1436"),
    (
        "10 ذي الحجة 1436 هـ",
        "2015-09-23",
        "day",
        "10 ذي الحجة 1436 هـ",
    ),  # Umm al-Qura table (sighting put Eid on the 24th)
    ("1 محرم 1437هـ", "2015-10-14", "day", "1 محرم 1437هـ"),
    ("15 جمادى الأولى 1436", "2015-03-06", "day", "15 جمادى الأولى 1436"),
    ("٥/١٠/١٤٣٦هـ", "2015-07-21", "day", "٥/١٠/١٤٣٦هـ"),
    ("الخامس عشر من شهر رمضان", "2015-07-02", "day", "الخامس عشر من شهر رمضان"),
    ("عام 1436هـ", "2015", "year", "عام 1436هـ"),
    # relative days
    ("قال اليوم إن", "2015-07-21", "day", "اليوم"),
    ("اليوم (الاثنين)", "2015-07-20", "day", "اليوم (الاثنين)"),
    ("وقال أمس إن", "2015-07-20", "day", "أمس"),
    ("صرح بالأمس", "2015-07-20", "day", "الأمس"),
    ("مساء أمس الأول", "2015-07-20", "day", "مساء أمس"),
    ("مساء أول من أمس", "2015-07-19", "day", "مساء أول من أمس"),
    ("أول أمس", "2015-07-19", "day", "أول أمس"),
    ("في روما الليلة الماضية", "2015-07-20", "day", "الليلة الماضية"),
    ("ليلة أمس", "2015-07-20", "day", "ليلة أمس"),
    ("يعقد غداً", "2015-07-22", "day", "غداً"),
    ("بعد غد", "2015-07-23", "day", "بعد غد"),
    ("صباح يوم أمس", "2015-07-20", "day", "صباح يوم أمس"),
    ("الاثنين الماضي", "2015-07-20", "day", "الاثنين الماضي"),
    ("الثلاثاء الماضي", "2015-07-14", "day", "الثلاثاء الماضي"),
    ("الجمعة الماضية", "2015-07-17", "day", "الجمعة الماضية"),
    ("الخميس المقبل", "2015-07-23", "day", "الخميس المقبل"),
    ("يوم الأحد", "2015-07-19", "day", "يوم الأحد"),
    ("يوم السبت القادم", "2015-07-25", "day", "يوم السبت القادم"),
    ("(الأربعاء)", "2015-07-15", "day", "الأربعاء"),
    # time ago
    ("منذ ساعتين", "2015-07-21T08:00", "hour", "منذ ساعتين"),
    ("منذ 3 ساعات", "2015-07-21T07:00", "hour", "منذ 3 ساعات"),
    ("قبل ساعة", "2015-07-21T09:00", "hour", "قبل ساعة"),
    ("منذ ١٠ دقائق", "2015-07-21T09:50", "minute", "منذ ١٠ دقائق"),
    ("منذ يومين", "2015-07-19", "day", "منذ يومين"),
    ("قبل ثلاثة أيام", "2015-07-18", "day", "قبل ثلاثة أيام"),
    ("منذ أسبوعين", "2015-W28", "week", "منذ أسبوعين"),
    ("قبل شهرين", "2015-05", "month", "قبل شهرين"),
    ("منذ ثلاث سنوات", "2012", "year", "منذ ثلاث سنوات"),
    ("قبل عام", "2014", "year", "قبل عام"),
    # periods
    ("الأسبوع الماضي", "2015-W29", "week", "الأسبوع الماضي"),
    ("الأسبوع المقبل", "2015-W31", "week", "الأسبوع المقبل"),
    ("هذا الأسبوع", "2015-W30", "week", "هذا الأسبوع"),
    ("الشهر الماضي", "2015-06", "month", "الشهر الماضي"),
    ("الشهر الجاري", "2015-07", "month", "الشهر الجاري"),
    ("العام الماضي", "2014", "year", "العام الماضي"),
    ("السنة الماضية", "2014", "year", "السنة الماضية"),
    ("العام المقبل", "2016", "year", "العام المقبل"),
    ("هذا العام", "2015", "year", "هذا العام"),
    ("نهاية العام الماضي", "2014-12", "month", "نهاية العام الماضي"),
    ("مطلع العام الجاري", "2015-01", "month", "مطلع العام الجاري"),
    # month names with modifiers / no year (nearest to the reference)
    ("في يونيو الماضي", "2015-06", "month", "يونيو الماضي"),
    ("في يوليو الماضي", "2014-07", "month", "يوليو الماضي"),
    ("في أغسطس المقبل", "2015-08", "month", "أغسطس المقبل"),
    ("شهر رمضان", "2015-07", "month", "شهر رمضان"),  # 18 Jun-16 Jul 2015: reported by its middle day
    ("في 14 يوليو", "2015-07-14", "day", "14 يوليو"),
    ("في 2 يناير", "2016-01-02", "day", "2 يناير"),
    ("10 ديسمبر الماضي", "2014-12-10", "day", "10 ديسمبر الماضي"),
]


@pytest.mark.parametrize(("text", "date", "precision", "raw"), TABLE, ids=[t[0] for t in TABLE])
def test_date_table(text: str, date: str, precision: str, raw: str) -> None:
    found = find_dates(text, REF)
    assert len(found) == 1, found
    m = found[0]
    assert (m.date, m.precision, m.text) == (date, precision, raw)
    assert text[m.start : m.end] == m.text


def test_table_is_big_enough() -> None:
    assert len(TABLE) >= 50


@pytest.mark.parametrize(
    "text",
    [
        "اليوم الوطني السعودي",  # a name, not today
        "في اليوم التالي",  # the day after some event
        "بين الاثنين",  # "the two"
        "مارس الرئيس ضغوطا",  # a verb
        "بلغ العدد 2015 شخصا",  # a bare number
        "منذ أيام",  # too vague
        "فاز الهلال 3 صفر",  # a score, not the month of Safar
        "لا تاريخ هنا",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, REF) == []


def test_relative_needs_reference_absolute_does_not() -> None:
    assert find_dates("وقال أمس إن") == []
    assert find_dates("في 21 يوليو") == []  # no year, no reference: unresolvable
    m = parse_date("في 21 يوليو 2015")
    assert m is not None and m.date == "2015-07-21" and not m.relative


def test_hour_without_time_of_reference_gives_the_day() -> None:
    m = parse_date("منذ ساعتين", dt.date(2015, 7, 21))
    assert (m.date, m.precision) == ("2015-07-21", "day")
    m = parse_date("منذ 11 ساعة", "2015-07-21T05:00")
    assert (m.date, m.precision) == ("2015-07-20T18:00", "hour")


def test_offsets_in_a_sentence_with_diacritics_and_several_dates() -> None:
    text = "أعلنَ الوزيرُ أمسِ (الإثنين) أن الاتفاق الموقع في ٥ شوال ١٤٣٦هـ الموافق 21 يوليو 2015م سيُنفذ الشهر المقبل."
    found = find_dates(text, REF)
    assert [m.text for m in found] == ["أمسِ (الإثنين)", "٥ شوال ١٤٣٦هـ", "21 يوليو 2015م", "الشهر المقبل"]
    assert [m.date for m in found] == ["2015-07-20", "2015-07-21", "2015-07-21", "2015-08"]
    for m in found:
        assert text[m.start : m.end] == m.text
    assert found[1].calendar == "hijri" and found[2].calendar == "gregorian"
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_weekday_named_with_today_wins_over_the_crawl_day() -> None:
    # SaudiNewsNet: written on Monday, crawled at 02:51 on Tuesday
    m = parse_date("قال اليوم (الاثنين)، إن", "2015-07-21 02:51:32")
    assert m.date == "2015-07-20"


def test_date_from_url() -> None:
    assert date_from_url("http://example.com/news/2015/07/21/story.html").date == "2015-07-21"
    assert (
        date_from_url("http://www.okaz.com.sa/new/Issues/20150720/Con20150720781233.htm").date == "2015-07-20"
    )
    assert date_from_url("http://example.com/2015-07-19-title").date == "2015-07-19"
    assert date_from_url("http://example.com/article/410826/title") is None


def test_publication_date_order_of_trust() -> None:
    url = "http://example.com/2015/07/19/x"
    text = "الرياض - 20 يوليو 2015: قال الوزير أمس"
    assert publication_date(metadata="2015-07-18T09:00:00+03:00", url=url, text=text).origin == "metadata"
    assert publication_date(feed="Sat, 18 Jul 2015 09:00:00 GMT", url=url).date == "2015-07-18"
    assert publication_date(url=url, text=text).date == "2015-07-19"
    found = publication_date(text=text, reference="2015-07-21")
    assert (found.date, found.text, found.origin) == ("2015-07-20", "20 يوليو 2015", "text")
    # "أمس" dates the event, not the article: not taken as the publication date
    assert publication_date(text="قال الوزير أمس إن", reference="2015-07-21") is None
    assert publication_date(text="قال الوزير اليوم إن", reference="2015-07-21").date == "2015-07-21"


def test_old_dates_near_the_top_are_events_not_the_publication_date() -> None:
    text = "القاهرة: قال الوزير إن الاقتصاد تأثر بعد ثورة 25 يناير (كانون الثاني) 2011 التي أطاحت بالنظام"
    assert publication_date(text=text, reference="2015-07-21 02:00:00") is None
    assert publication_date(text="الرياض 19 يوليو 2015: قال", reference="2015-07-21").date == "2015-07-19"
    # no crawl date: only the dateline area counts
    assert publication_date(text="الرياض 19 يوليو 2015: قال").date == "2015-07-19"
    assert publication_date(text="ا" * 300 + " في 19 يوليو 2015") is None


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2015-07-21T09:30:00+03:00", "2015-07-21"),
        ("2015-07-21 02:51:32", "2015-07-21"),
        ("Tue, 21 Jul 2015 09:30:00 +0300", "2015-07-21"),
        ("الثلاثاء 21 يوليو 2015", "2015-07-21"),
        ("July 21, 2015 10:00 AM", "2015-07-21"),  # dateparser, the last resort
        ("nonsense 12", None),
    ],
)
def test_metadata_dates(value: str, day: str | None) -> None:
    assert parse_iso_like(value) == day
