"""Is a PROTEST or ASSAULT trigger a specific, real occurrence, or only a word for one?

News names protests and attacks far more often than it reports a new one: as background (بعد
تفجيرات سامراء، الذي اغتيل عام 2005), as a topic (ظاهرة العمليات الانتحارية، وقف إطلاق الصواريخ),
as the object of a reaction (أدان الهجوم، تعليقا على اغتيال — PLOVER codes the condemnation as
ACCUSE, not a second attack), figuratively (فجّر أزمة، شن هجوما حادا على الحكومة, انفجرت الفقاعة)
or as details of a protest already told (وهتف المتظاهرون، ورفعوا شعارات). The PLOVER manual asks
for events, and the OEDA annotators accept a sentence only when it reports the occurrence itself.

These rules are written from the manual and from reading the kinds of sentences annotators reject;
they are linguistic cues, not fitted weights:

* **concreteness** — a real occurrence is told with at least one concrete detail: casualties
  (قتل، جرحى، مصرع), a count or crowd size (آلاف، 35، عشرات), or a recent time (أمس، اليوم، فجر
  الاثنين). Commentary and background rarely carry any of these.
* **the trigger is the clause's own predication** — a finite verb outside a relative clause, or a
  verbal noun that is the subject/object of an occurrence verb (وقع انفجار، شن غارة، اندلعت
  مظاهرات، أسفر الهجوم عن) or the cause named after a casualty report (قتل ... في هجوم، بانفجار).
* **protest participants** (المتظاهرون، محتجون) are people, not an event: they make a PROTEST only
  as the subject of a gathering or movement verb (تجمع، خرج، توجه، احتشد، اقتحم).
* **references** — a verbal noun right after بعد، عقب، إثر، منذ، ذكرى، خلفية، تعليقا على، or inside
  the clause of a condemnation verb (أدان، استنكر، ندد) names an event told elsewhere.
* **figurative objects** — انفجر/فجّر/شن with أزمة، خلاف، جدل، غضب، هجوما حادا/لاذعا/إعلاميا.
* **background** — a relative clause (الذي اغتيل), a temporal clause (بعد أن خطف، عندما), a year
  (في عام 2005), a habit (يخطفون، يوميا; an imperfect verb without a count or a recent time), or a
  mention 25+ tokens into a long sentence, where the sentence's own news is elsewhere.

* **told elsewhere, supposed, or no act** (``_told_elsewhere``) — weapons seized or defused, gas
  explosions, hedges (من الممكن، ما يشبه), purpose (لتقتل), first-person commentary, relative and
  attributive clauses (على يمنيين خطفا), object pronouns after أنه (أنه خطفهما), months or years
  ago, هاجم + على (criticism); crowds of vehicles, roads closed by the police.

``not_specific`` names the reason; the detector caps such candidates below the reporting threshold.
"""

from __future__ import annotations

from rasd.events.cues import PREPS, _set, bare
from rasd.model import Token

ENABLED = True  # off only for the benchmark's ablation

CASUALTY = _set(
    "قتل قتلت قتلوا قتلا قتلي قتيل قتيلا قتيلان قتيلين مقتل جرحي جريح جريحا جرح جرحوا اصابه اصابات "
    "اصيب اصيبت اصيبوا مصرع ضحايا ضحيه استشهاد استشهد استشهدوا شهيد شهداء شهيدا سقوط مصابين مصابا "
    "مقتلهم مقتله جثث جثه حصيله دمر دمرت تدمير"
)
QUANTITY = _set(
    "الاف آلاف مئات عشرات الف مليون الالاف المئات العشرات اثنين اثنان ثلاثه اربعه خمسه سته سبعه "
    "ثمانيه تسعه عشره عشرين ثلاثين اربعين خمسين مئه مائه مئتي مائتي حشود حشد حاشده نحو حوالي"
)
# the vocabulary of incident reports: weapons, armed and security forces, what they hit
INCIDENT = _set(
    "عبوه عبوات قنبله قنابل قذيفه قذائف صاروخ صواريخ رصاص الرصاص رصاصه مفخخه ناسفه ناسف انتحاري "
    "انتحاريه انتحاريا مسلح مسلحين مسلحون المسلحين المسلحون مجهولين مجهولون جنود الجنود جندي دوريه "
    "قافله حافله موكب نقطه تفتيش حاجز ثكنه مقر مركز دبابه دبابات مروحيه مروحيات طائره طائرات "
    "الشرطه شرطه الجيش قوات القوات عناصر شرطيا شرطيين مدنيين المدنيين اطفال نساء الامن امني "
    "الهاون هاون مدفعيه قوه حشود الحشود شعارات لافتات الطرقات الشوارع شوارع ميدان ساحه امام "
    "طيران الطيران مقاتلات ميليشيات مليشيات الميليشيات مواقع موقع متمردين المتمردين مقاتلين المقاتلين"
)
RECENT = _set(
    "امس اليوم الليله صباح مساء فجر ظهر ليل ليله عصر الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت "
    "الاحد صباحا مساء امسيه"
)
# verbs of whose subject or object a verbal noun reports an occurrence: وقع انفجار، شن غارة
OCCUR = _set(
    "وقع وقعت يقع تقع شن شنت شنوا يشن تشن نفذ نفذت نفذوا ينفذ اندلع اندلعت تندلع تعرض تعرضت تعرضوا "
    "يتعرض شهد شهدت يشهد تشهد خرج خرجت خرجوا يخرج نظم نظمت نظموا ينظم تجدد تجددت تواصل تواصلت "
    "تتواصل عم عمت تعم انطلق انطلقت جرت جري اقيم اقيمت تصاعد تصاعدت استمر استمرت هز هزت استهدف "
    "استهدفت استهدفا استهدفوا اسفر اسفرت ادي ادت اوقع اوقعت خلف خلفت حصد حصدت راح سقط سقطت ضرب "
    "ضربت يضرب بدا بدات نجم قام قامت قاموا تم اوقعا اعلن اعلنت افاد افادت"
)
# after a casualty report, the cause: قتل خمسة في هجوم، أصيبوا بانفجار، جراء قصف
CAUSE_PREPS = _set("في جراء اثر بسبب خلال بفعل نتيجه اثناء")
PLACE_PREPS = _set("في خلال اثناء")
REFERENCE = _set(
    "بعد عقب اثر منذ ذكري الذكري لذكري لمناسبه بمناسبه خلفيه تعليقا ضحايا منفذي منفذ مرتكبي وراء "
    "حول بشان مسؤوليه ملف قضيه التحقيق تحقيق التحقيقات تحقيقات ظاهره اتهام اتهامات بتهمه تهمه "
    "جرائم جريمه ارتكاب بارتكاب"
)
CONDEMN = _set(
    "ادان ادانت يدين تدين ادانه استنكر استنكرت يستنكر استنكار ندد نددت يندد تنديد شجب شجبت يشجب دان دانت "
    "اتهم اتهمت اتهموا يتهم تتهم"  # X accused Y of the attack: PLOVER's ACCUSE, the attack told elsewhere
)
# weapons found, seized or defused are not used: ضبط 22 قذيفة هاون، تفكيك عبوة ناسفة، العثور على صواريخ
SEIZE = _set(
    "ضبط ضبطت ضبطوا يضبط تضبط مضبوطات صادر صادرت مصادره عثر عثرت عثروا العثور فكك فككت تفكيك ابطال "
    "ابطلت مخزن مخازن مخبا مستودع ضبطها تهريب بتهريب حيازه بحيازه"
)
# an explosion with no attacker: gas cylinders, pipelines, short circuits, volcanoes
ACCIDENT = _set("اسطوانه اسطوانات غاز الغاز انبوب انابيب بركان ماس كهربائي تسرب مفاعل")
# hedges: the speaker compares or supposes (من الممكن أن نقتل، ما يشبه مذبحة)
HEDGE = _set("ممكن الممكن يشبه تشبه بمثابه اشبه كانه كانها")
# months and years ago: قبل عدة أشهر، منذ سنوات، العام الماضي (days ago are still news: قبل خمسة أيام)
LONG_AGO = _set("اشهر شهور سنوات سنين اعوام عام سنه فتره عقود عقد")
LAST_PERIOD = _set("العام السنه الشهر")
AUTHORITY = _set("الشرطه شرطه قوات القوات السلطات الجيش الامن الحكومه")
ROAD_WORDS = ("طريق", "طرق", "شوارع")
ENCLITIC = ("هما", "هم", "هن", "ها", "ه")
OBJECT_AFTER = _set("انه انها انهم ان بانه بانها لانه")
VEHICLES = _set("سيارات السيارات شاحنات الشاحنات حافلات الحافلات مركبات المركبات الطيور السحب الغيوم")
VERBAL_ATTACK = _set("هاجم هاجمت هاجموا يهاجم تهاجم يهاجمون")  # هاجم الحكومة على/بسبب: criticised
CRITICISM = _set("علي بسبب منتقدا منتقده لانتقاد واصفا متهما")
FIGURATIVE = _set(
    "ازمه الازمه ازمات خلاف الخلاف خلافات جدل الجدل غضب الغضب فقاعه الفقاعه قضيه الموقف الوضع "
    "مفاجاه فضيحه ثوره حادا حاد لاذعا لاذع شديدا عنيفا اعلاميا كلاميا سياسيا مضادا معاكسا وجود كيان "
    "الكيان مشروع"
)
HABITUAL = _set("يوميا عاده غالبا دائما احيانا عاده باستمرار")
SUBORDINATE = _set("بعدما قبلما عندما حينما لما منذ عقب اثر بعد قبل حين")
RELATIVE = _set("الذي التي الذين اللذين اللتين اللذان اللتان ممن")
PARTICIPANT_STEMS = ("متظاهر", "محتج", "معتصم")
# gathering and marching verbs; what the crowd then does (قطع، رشق، هتف) details a protest already told
GATHER = _set(
    "تجمع تجمعت تجمعوا يتجمع يتجمعون خرج خرجت خرجوا يخرج يخرجون توجه توجهت توجهوا يتوجه يتوجهون "
    "احتشد احتشدت احتشدوا يحتشد يحتشدون تدفق تدفقت تدفقوا جاب جابت جابوا يجوب ساروا سار يسير يسيرون "
    "زحف زحفت زحفوا نزل نزلت نزلوا ينزل اعتصم اعتصمت اعتصموا يعتصم يعتصمون تظاهر تظاهرت تظاهروا "
    "يتظاهر يتظاهرون تجمهر تجمهروا"
)


LATE = 25  # tokens; chosen by reading scores (GSR tune rows: 20, 25, 30, 40 tried)


DAWN_NEXT = _set("امس اليوم اول يوم الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد الجمعه")
YEAR_WORDS = _set("عام العام سنه السنه في منذ")


def _years_ago(tokens: list[Token], bares: list[str], a: int, b: int) -> bool:
    """A year named in the clause (عام 2005، في 1996): news of the day names days, history names years."""
    for k in range(max(1, a), b):
        t = tokens[k]
        if t.kind == "num" and len(t.text) == 4 and t.text[:2] in ("19", "20", "١٩", "٢٠"):
            if bares[k - 1] in YEAR_WORDS:
                return True
    return False


def _is_participant(norm: str) -> bool:
    return any(s in norm for s in PARTICIPANT_STEMS)


def concrete(bares: list[str], tokens: list[Token]) -> bool:
    """Casualties, a count, a recent time or incident vocabulary anywhere in the sentence."""
    for w, t in zip(bares, tokens, strict=True):
        if t.kind == "num" or w in CASUALTY or w in QUANTITY or w in RECENT or w in INCIDENT:
            return True
        # ب/ل written onto the word: بمقتل، لمقتل، بعبوة، بالرصاص
        if len(w) > 4 and w[0] in "بل" and (w[1:] in CASUALTY or w[1:] in RECENT or w[1:] in INCIDENT):
            return True
    return False


def recent(bares: list[str], tokens: list[Token]) -> bool:
    """A count or a recent time: what makes an imperfect verb a report rather than a habit."""
    return any(t.kind == "num" or w in RECENT or w in QUANTITY for w, t in zip(bares, tokens, strict=True))


def _attributive(tokens: list[Token], bares: list[str], head: int) -> bool:
    """A verb right after an indefinite genitive/accusative plural describes that noun (a جملة الصفة):
    على يمنيين خطفا سياحا، بين الشرطة ومتظاهرين يحتجون. After إن/أن the noun is the verb's subject."""
    k = head - 1
    if k < 0 or not bares[k].endswith("ين") or bares[k].startswith("ال") or tokens[k].kind != "word":
        return False
    while k >= 0 and tokens[k].kind == "word" and bares[k].endswith("ين") and not bares[k].startswith("ال"):
        k -= 1
    first = tokens[k + 1].norm
    if first.startswith(("ب", "ل", "وب", "ول")) or (first.startswith("و") and first[1:] == bares[k + 1]):
        return True  # بحزامين، ومتظاهرين: genitive or conjoined, never the verb's subject
    return k >= 0 and tokens[k].kind == "word" and bares[k] in PREPS


def _long_ago(bares: list[str], a: int, b: int) -> bool:
    """Months or years ago named in the clause: قبل عدة أشهر، منذ فترة، العام الماضي."""
    for k in range(a, b):
        w = bares[k]
        if w in ("قبل", "منذ") and any(x in LONG_AGO for x in bares[k + 1 : min(b, k + 4)]):
            return True
        if w in LAST_PERIOD and k + 1 < b and bares[k + 1] == "الماضي":
            return True
    return False


def _cause_referenced(bares: list[str], a: int, head: int) -> bool:
    """The casualty report that names the attack as its cause is itself a reference (بعد ... من مقتل)."""
    for k in range(head - 1, -1, -1):
        if bares[k] in CASUALTY:
            return any(w in REFERENCE for w in bares[max(0, k - 4) : k])
    return False


def _told_elsewhere(
    tokens: list[Token],
    bares: list[str],
    head: int,
    last: int,
    verbal: bool,
    clause: tuple[int, int],
    imperfect: bool,
    ptype: str,
) -> str | None:
    """Cues that the words name an act told elsewhere, supposed, or not an act at all."""
    a, b = clause
    if ptype == "ASSAULT" and any(w in SEIZE for w in bares[max(0, head - 4) : head]):
        return "seized"  # weapons found or defused, not used
    blast = any(
        w in ACCIDENT and "انفجار" in bares[k - 1] for k, w in enumerate(bares[head:b], head) if k > 0
    )
    if ptype == "ASSAULT" and (blast or any(w in ACCIDENT for w in bares[last + 1 : last + 4])):
        return "accident"  # انفجار اسطوانة غاز، قتل شخصان في انفجار اسطوانة غاز
    if ptype == "PROTEST" and any(w in VEHICLES for w in bares[last + 1 : last + 3]):
        return "not_people"  # تجمعت مئات السيارات: traffic, not a crowd
    if any(w in HEDGE for w in bares[max(a, head - 4) : head]):
        return "hedge"  # من الممكن أن نقتل، ما يشبه مذبحة
    if verbal and imperfect and bares[head][:1] == "ل":
        return "purpose"  # لتقتل، ليهاجموا: what the act is for, not what happened
    if verbal and imperfect and bares[head][:1] == "ن":
        return "first_person"  # نقتل، نخطف: the speaker's own commentary
    consequence = a > 1 and bares[a - 2] in ("الامر", "مما", "ما")  # الأمر الذي أدى إلى مقتل: a result
    if (
        0 < a <= head
        and bares[a - 1] in RELATIVE
        and head - a <= 4
        and bares[head - 1] != "عن"
        and not consequence
    ):
        return "reference"  # الذين نفذوا الاعتداء بسيارة مفخخة: a relative clause about known people
    if (
        verbal
        and head == last
        and head > 0
        and bares[head - 1] in OBJECT_AFTER
        and tokens[head].norm.endswith(ENCLITIC)
    ):
        return "reference"  # أنه خطفهما، إن خطفه: the victims named before, the act told before
    # the window (8 before, 10 after) was chosen on GSR tune rows over ±5 and the whole clause
    if _long_ago(bares, max(a, head - 8), min(b, last + 10)):
        return "history"  # قبل عدة أشهر، منذ فترة، العام الماضي: told as background
    if (
        ptype == "PROTEST"
        and last > head
        and bares[last].endswith(ROAD_WORDS)
        and any(w in AUTHORITY for w in bares[max(0, head - 3) : last + 3])
    ):
        return "authority"  # أغلقت الشرطة الطريق: a road closed by the state, not by protesters
    if verbal and _attributive(tokens, bares, head):
        return "attributive"
    if verbal and bares[head] in VERBAL_ATTACK and any(w in CRITICISM for w in bares[last + 1 : last + 6]):
        return "criticism"  # هاجم السلطات على التعامل: attacked in words
    return None


def not_specific(
    tokens: list[Token],
    bares: list[str],
    head: int,
    last: int,
    verbal: bool,
    clause: tuple[int, int],
    is_concrete: bool,
    imperfect: bool = False,
    ptype: str = "ASSAULT",
) -> str | None:
    """Why a PROTEST/ASSAULT trigger is not a specific occurrence (``None`` when it is one)."""
    a, b = clause
    # the relative pronoun opens the trigger's clause, so look just before the clause too
    before = bares[max(0, min(a, head) - 1, head - 2) : head]
    after = bares[last + 1 : min(b, last + 3)]
    if any(w in RELATIVE for w in before):
        return "reference"  # الذي اغتيل، الذين هتفوا: a relative clause about someone already named
    lead = bares[max(0, min(a, head) - 1, head - 4) : head]
    if verbal and any(w in SUBORDINATE for w in lead):
        return "subordinate"  # بعد أن خطف، عندما قتلوا: the background of the sentence's own news
    if any(w in FIGURATIVE for w in after + [t.norm for t in tokens[last + 1 : min(b, last + 3)]]):
        return "figurative"  # فجر أزمة، شن هجوما حادا
    if any(w in CONDEMN for w in bares[:head]):
        return "reaction"  # أدان الهجوم: an ACCUSE about an attack, not a new one
    why = _told_elsewhere(tokens, bares, head, last, verbal, clause, imperfect, ptype)
    if why:
        return why
    head_norm = bares[head]
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if (
        tokens[head].norm in ("فجر", "وفجر")
        and nxt is not None
        and (nxt.kind == "num" or bare(nxt) in DAWN_NEXT)
    ):
        return "time"  # فجر أمس، فجر الاثنين: dawn, not "detonated"; «فجر 5»: a rocket's name
    if _years_ago(tokens, bares, a, b):
        return "history"  # في عام 2005، في 1996: history told as background
    if head > LATE:
        return "late"  # deep in a long sentence: a side mention, not the sentence's news
    if any(w in HABITUAL for w in bares[a:b]):
        return "habitual"  # تنفجر في العراق يوميا
    if verbal and imperfect and not recent(bares, tokens):
        return "habitual"  # يقتل، يخطفون، تستهدف: what someone does, not what happened
    if not verbal and _is_participant(head_norm) and last == head:
        # participants are an event only as the subject of a gathering verb: وتجمع مئات المتظاهرين
        window = bares[max(a, head - 8) : head] + bares[last + 1 : min(b, last + 4)]
        gather = [w for w in window if w in GATHER]
        if not gather:
            return "participant"
        if all(w.startswith("ي") for w in gather) and not recent(bares, tokens):
            return "habitual"  # يخرج المتظاهرين، يسيرون: what crowds do, not a protest that happened
        if any(w in RELATIVE for w in bares[max(0, a - 1) : head]):
            return "reference"  # المقر الذي تجمع في محيطه المتظاهرون
        return None
    elif not verbal:
        if any(w in REFERENCE for w in bares[max(a, head - 2) : head]):
            return "reference"
        near = bares[max(a, head - 6) : head] + bares[last + 1 : min(b, last + 5)]
        occurs = any(w in OCCUR or (len(w) > 3 and w[0] == "و" and w[1:] in OCCUR) for w in near)
        prev = bares[head - 1] if head > a else ""
        caused = (
            ptype == "ASSAULT"
            and (prev in CAUSE_PREPS or tokens[head].norm.startswith(("ب", "وب")))
            and any(w in CASUALTY for w in bares[:head])
        )
        dated = any(w in RECENT for w in bares[last + 1 : min(b, last + 3)])  # هجمات الأمس، تفجيرات أمس
        # خرجوا إلى الشوارع في مظاهرات، تجمع العشرات احتجاجا على: the crowd's gathering is the event
        gathered = ptype == "PROTEST" and any(w in GATHER for w in near)
        occurs = occurs or gathered
        if caused and _cause_referenced(bares, a, head):
            return "reference"  # بعد يوم من مقتل 16 شخصا في هجوم: the casualties of an earlier attack
        if prev in PLACE_PREPS and not (caused or gathered):
            return "setting"  # في مظاهرة أقيمت، خلال مظاهرات عمت: the scene of another event
        if not (occurs or caused or dated):
            return "topic"  # the verbal noun is talked about, not reported as happening
    if not is_concrete and last == head and not (verbal and ptype == "PROTEST"):
        return "unspecific"  # a phrase (شن غارات، أطلق النار، عبوة ناسفة) is concrete by itself
    return None
