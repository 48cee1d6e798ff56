"""Scope rules (rasd.events.scope): homographs and non-political acts are dropped, political ones kept."""

from __future__ import annotations

import pytest

from rasd.events.detect import threshold
from rasd.events.step import code_text


def _asserted(text: str, ptype: str) -> bool:
    return any(
        c.event.type == ptype and not c.event.negated and c.event.modality is None
        and c.event.confidence >= threshold(ptype)
        for c in code_text(text)[1]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "ptype", "expected"),
    [
        # homograph: تعد "is counted", وعد "promised"
        ("وتعد المدينة من أكبر المراكز التجارية في المنطقة.", "AGREE", False),
        ("وعد الرئيس الفرنسي نظيره اللبناني بتقديم الدعم للجيش.", "AGREE", True),
        # business/sports context
        ("ووافقت الشركة على شراء حصة في مصنع للإسمنت بقيمة مليار ريال.", "AGREE", False),
        ("ووافقت الحكومة الأردنية على استقبال وفد من المعارضة السورية.", "AGREE", True),
        # administrative approval
        ("ووافق وزير التعليم على تكليف مدير جديد لإدارة التعليم في المحافظة.", "AGREE", False),
        # ranking: يحتل المركز
        ("واحتل المنتخب المركز الثالث في الترتيب العام.", "COERCE", False),
        ("واحتلت القوات الإسرائيلية قرية في جنوب لبنان.", "COERCE", True),
        # inspection of workers or goods
        ("وضبطت البلدية مخالفات في عدد من المطاعم بالحي.", "COERCE", False),
        ("وضبطت الشرطة خلية إرهابية في ضواحي العاصمة.", "COERCE", True),
        # what a law says
        ("وأقر البرلمان قانونا يحظر التدخين في الأماكن العامة.", "COERCE", False),
        ("وحظرت السلطات المصرية نشاط الجماعة في البلاد.", "COERCE", True),
        # a coach's resignation is sports, a minister's is politics
        ("وأعلن مدرب الفريق استقالته بعد الخسارة في الدوري.", "RETREAT", False),
        ("وأعلن وزير الداخلية اللبناني استقالته من الحكومة أمس.", "RETREAT", True),
        # a truce as a topic, and a truce that takes effect
        ("وبحث الوفدان قضايا السلطة والثروة ووقف إطلاق النار.", "RETREAT", False),
        ("واتهمت الحكومة المتمردين بخرق الهدنة في المدينة.", "RETREAT", False),
        ("وبدأ أمس سريان هدنة إنسانية في اليمن لمدة خمسة أيام.", "RETREAT", True),
        # حقق "achieved", توقع "expected", طالبا عدم الكشف عن هويته "asking not to be named"
        ("وحقق المنتخب مفاجأة كبيرة في نصف النهائي.", "ACCUSE", False),
        ("وتسعى الشركة إلى تحقيق أرباح في السوق الآسيوية.", "ACCUSE", False),
        ("وحققت النيابة العامة المصرية مع وزير الزراعة السابق أمس.", "ACCUSE", True),
        ("كما توقع حدوث ارتباك لدى منتقدي الاتفاق النووي.", "SUPPORT", False),
        ("وقال مسؤول طالبا عدم الكشف عن هويته إن الميناء توقف عن العمل.", "REQUEST", False),
        ("وطالب الرئيس اليمني الحوثيين بالانسحاب من المدن.", "REQUEST", True),
        # a meeting that will start or was postponed is not asserted
        ("وقالت الحكومة إن أثينا ستبدأ محادثات مع دائنيها غدا.", "CONSULT", False),
        ("وتأجلت مفاوضات حزمة الإنقاذ بين اليونان ودائنيها.", "CONSULT", False),
        # a visit called for from further back in the clause is requested, not made
        ("ودعا الرئيس اليمني اليوم مبعوث الأمم المتحدة إسماعيل ولد الشيخ في الرياض الى زيارة محافظة عدن.", "CONSULT", False),
        # a city receiving aid is not a meeting
        ("وأكد هادي أن مدينة عدن تستقبل المساعدات الإنسانية القادمة من المنظمات الدولية.", "CONSULT", False),
        # من شأن ... أن: what something would do
        ("ومن شأن تبني قرار مماثل أن يمنع الرئيس من تعليق العقوبات.", "COERCE", False),
        # احتل منصبا: held a post
        ("وكان أول سياسي اشتراكي يحتل هذا المنصب في المقاطعة.", "COERCE", False),
        # forces on alert for a storm: disaster relief (AID in the manual), not MOBILIZE
        ("ووضع الجيش عشرات الآلاف من الجنود في حالة تأهب مع اقتراب العاصفة.", "MOBILIZE", False),
        ("ووضع الجيش عشرات الآلاف من الجنود في حالة تأهب على الحدود.", "MOBILIZE", True),
        # a visit to a museum or by tourists is not a meeting
        ("وزار الوفد الصيني متحف المدينة وتجول في المعالم التاريخية.", "CONSULT", False),
        ("وزار وزير الخارجية الأردني الرياض أمس والتقى نظيره السعودي.", "CONSULT", True),
        # lifted sanctions are not a sanction
        ("وينص الاتفاق على تخفيف العقوبات المفروضة على إيران تدريجيا.", "SANCTION", False),
        ("وفرض الاتحاد الأوروبي عقوبات جديدة على روسيا أمس.", "SANCTION", True),
        # a verbal noun as an aim or a price is not the deed
        ("وطالبت الجماعة بالإفراج عن خمس نساء مقابل إطلاق سراح ثلاثة جنود.", "RETREAT", False),
        ("ويعمل الوسطاء مع السلطات المحلية لإطلاق سراح الرهائن.", "RETREAT", False),
        ("وتعرض عشرات الصحفيين للاعتقال على يد الشرطة أمس.", "COERCE", True),
    ],
)
def test_scope(text: str, ptype: str, expected: bool) -> None:
    assert _asserted(text, ptype) is expected
