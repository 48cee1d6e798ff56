"""Line structure of scraped articles: each class on its own, the structure step, and the annotated set."""

from __future__ import annotations

import pytest

from rasd.eval.structure import GOLD, load_gold, score
from rasd.pipeline import Pipeline
from rasd.structure.lines import LABELS, classify_lines, match_byline, match_dateline

BODY = (
    "بحث رئيس الوزراء اليوم مع وفد رسمي سبل تعزيز التعاون الاقتصادي بين البلدين في مختلف المجالات، "
    "وأكد الجانبان أهمية تطوير العلاقات الثنائية."
)
BODY2 = "وأضاف المسؤول أن الحكومة ستواصل العمل على تنفيذ الاتفاقات الموقعة خلال الأشهر المقبلة في إطار الخطة."


def labels(text: str) -> list[str]:
    return [label for _, label, _ in classify_lines(text)]


@pytest.mark.parametrize(
    ("line", "source", "place"),
    [
        ("إيلاف من لندن: " + BODY, "إيلاف", "لندن"),
        ("الرياض - واس: " + BODY, "واس", "الرياض"),
        ("بيروت – (أ ف ب): " + BODY, "أ ف ب", "بيروت"),
        ("القاهرة (رويترز) - " + BODY, "رويترز", "القاهرة"),
        ("أنقرة (الأناضول) - " + BODY, "الأناضول", "أنقرة"),
        ("(أ ف ب) - " + BODY, "أ ف ب", None),
        ("واس- جدة: " + BODY, "واس", "جدة"),
        ("محمد الأحمد - سبق - بللحمر: " + BODY, "سبق", "بللحمر"),
        ("سبق – الرياض: " + BODY, "سبق", "الرياض"),
        ("حوار: فهد العلي، تصوير: سعد الحربي- سبق- الرياض: " + BODY, "سبق", "الرياض"),
    ],
)
def test_paragraph_datelines(line: str, source: str, place: str | None) -> None:
    m = match_dateline(line)
    assert m is not None
    assert (m.source, m.place) == (source, place)
    assert line[m.end :].startswith("بحث رئيس الوزراء")  # the paragraph after the dateline stays whole


@pytest.mark.parametrize(
    ("line", "source", "place"),
    [
        ("الرياض - واس", "واس", "الرياض"),
        ("عين اليوم – الدوحة", "عين اليوم", "الدوحة"),
        ("جدة ـ نجيب الجداوي", "نجيب الجداوي", "جدة"),
        ("ماجد هود ـ جدة", "ماجد هود", "جدة"),
        ("سارة العلي – عين اليوم", "عين اليوم", None),
        ("Next Previous عين اليوم – جدة (تصوير: علي الزهراني)", "عين اليوم", "جدة"),
        ("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس", "واس", "الرياض"),
    ],
)
def test_byline_lines(line: str, source: str, place: str | None) -> None:
    m = match_byline(line)
    assert m is not None and m.end == len(line)
    assert (m.source, m.place) == (source, place)


@pytest.mark.parametrize(
    "line",
    [
        "وقال الحارثي: طلابنا هم سفراء مملكتنا في الخارج",
        "ميسي ونيمار وسواريز .. الأحق",
        "التعاون الأمني - الاقتصادي",
    ],
)
def test_not_datelines(line: str) -> None:
    assert match_dateline(line) is None and match_byline(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "يمكنكم الآن متابعة آخر الأخبار مجاناً من خلال تطبيق تلغرام",
        "إضغط هنا للإشتراك",
        "تابعونا على تويتر وفيسبوك",
        "انضم إلى قناتنا على واتساب",
        "حمّل تطبيق الصحيفة على هاتفك",
        "اقرأ أيضاً: الحكومة تقر الميزانية الجديدة",
        "شارك هذا المقال",
        "طباعة",
        "جميع الحقوق محفوظة © 2022",
        "أضف تعليقك",
        "رابط الخبر بصحيفة الوئام: إلزام مديري التعليم بتخصيص مواعيد ثابتة",
        "// انتهى //",
        "11:58 ت م",
        "http://www.example.com/article/1",
    ],
)
def test_boilerplate(line: str) -> None:
    assert labels(f"عنوان الخبر\n{BODY}\n{line}\n{BODY2}")[2] == "boilerplate"


def test_footer_lines_after_a_call_to_action_are_boilerplate() -> None:
    text = f"عنوان\n{BODY}\nللتواصل مع الكاتب ارسل رسالة SMS\nتبدأ بالرمز (136) ثم مسافة\n88591 - Stc"
    assert labels(text)[2:] == ["boilerplate"] * 3


@pytest.mark.parametrize(
    "line",
    [
        "الكاظمي خلال اجتماعه مع السفير التركي الجديد في بغداد (مكتبه)",
        "الممثلة خلال مشاركتها في حفل فني في بيفرلي هيلز (أ ف ب)",
        "صورة جماعية للمشاركين في الملتقى",
        "(تصوير: قاسم العنزي)",
        "تصوير: المحرر",
        "(رويترز)",
    ],
)
def test_captions(line: str) -> None:
    assert labels(f"عنوان الخبر\n{BODY}\n{line}\n{BODY2}")[2] == "caption"


def test_body_line_with_parentheses_is_not_a_caption() -> None:
    line = "وأوضح أن الشركة حققت أرباحاً خلال الربع الثاني من العام الجاري (2015)."
    assert labels(f"عنوان الخبر\n{BODY}\n{line}\n{BODY2}")[2] == "body"


@pytest.mark.parametrize("line", ["اقتصاد المعرفة", "مشكلة النوم في الحرم:", "أسباب الفوز"])
def test_crossheads(line: str) -> None:
    assert labels(f"عنوان الخبر\n{BODY}\n{line}\n{BODY2}")[2] == "crosshead"


def test_list_items_stay_body() -> None:
    text = f"عنوان\n{BODY}\nومن أبرز النصائح:\n- تجنب التعرض للشمس\n- شرب الماء بكثرة\n{BODY2}"
    assert labels(text) == ["title", "body", "body", "body", "body", "body"]


def test_title_subtitle_and_headline_punctuation() -> None:
    text = f"روحاني: لولا طهران لسقطت بغداد!!\nالرئيس الإيراني يهاجم خصومه في خطاب مطول\n{BODY}\n{BODY2}"
    assert labels(text) == ["title", "subtitle", "body", "body"]


def test_byline_then_subtitle() -> None:
    text = f"7 ملايين تقرب اللاعب للنصر\nالرياضي ـ الرياض\nالشباب قدم عرضاً رسمياً واللاعب يريد العالمي\n{BODY}"
    assert labels(text) == ["title", "dateline", "subtitle", "body"]


def test_bullets_between_title_and_dateline_are_subtitles() -> None:
    text = (
        "فيديوهات التحرش.. أساليب للتسلية\n- خبير: النشر فيه إشاعة. - محام: الأحكام تتفاوت.\nسارة العلي- سبق- الرياض: "
        + BODY
    )
    assert labels(text) == ["title", "subtitle", "dateline"]


def test_text_without_title() -> None:
    assert labels(f"الرياض - واس: {BODY}\n{BODY2}") == ["dateline", "body"]
    assert labels(f"{BODY}\n{BODY2}") == ["body", "body"]


def test_known_title_from_metadata() -> None:
    assert [k for _, k, _ in classify_lines(f"عين اليوم – الدوحة\n{BODY}", has_title=True)] == [
        "dateline",
        "body",
    ]


def test_step_cuts_dateline_and_whole_line_bylines() -> None:
    text = f"عنوان الخبر\nعين اليوم – الدوحة\n{BODY}"
    doc = Pipeline().process_text(text)
    assert [b.kind for b in doc.blocks] == ["title", "dateline", "body"]
    assert doc.dateline is not None and (doc.dateline.source, doc.dateline.place) == ("عين اليوم", "الدوحة")
    doc = Pipeline().process_text(f"عنوان الخبر\nالرياض - واس: {BODY}")
    assert [b.kind for b in doc.blocks] == ["title", "dateline", "body"]
    assert doc.blocks[2].text == BODY
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text


def test_annotation_file_is_well_formed() -> None:
    gold = load_gold(GOLD)
    assert len(gold) >= 400
    assert {g.label for g in gold} <= set(LABELS)
    assert {g.split for g in gold} == {"dev", "test"}
    for doc in {g.doc for g in gold}:
        assert len({g.split for g in gold if g.doc == doc}) == 1  # split by document


# Floor for the held-out split: below the dev score (macro F1 1.00, accuracy 1.00 when set), low enough
# for honest variation between pages, high enough that a broken rule family shows.
TEST_MACRO_F1_FLOOR = 0.80
TEST_ACCURACY_FLOOR = 0.95


def test_held_out_split_reaches_floor() -> None:
    s = score([g for g in load_gold(GOLD) if g.split == "test"], "test")
    assert s.macro_f1 >= TEST_MACRO_F1_FLOOR
    assert s.accuracy >= TEST_ACCURACY_FLOOR
