"""Resolution within one article: which mentions are the same actor, and who that actor is.

* spelling variants meet through ``normalize_word`` (إردوغان / أردوغان / اردوغان → اردوغان);
* a partial name joins the full name it ends or starts (الكاظمي → مصطفى الكاظمي);
* a title before a name gives the person's role, sector and country:
  ``السفير التركي الجديد لدى العراق علي رضا كوناي`` → ambassador, TUR (not the host, IRQ), GOV;
* a group noun with a country adjective is a state actor: ``القوات الأميركية`` → USA MIL,
  ``الحكومة العراقية`` → IRQ GOV;
* ``بلده`` / ``بلاده`` refer to the country of the person last named before them.

Ids are stable across documents: a knowledge-base id where the actor is known, else a hash of the
type and the normalized full name (or of the code, for state actors).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rasd.entities.gazetteer import Gazetteer, proclitic_variants
from rasd.model import Token
from rasd.text.normalize import normalize_word

# Role words (normalized) → PLOVER sector. Used when the actor knowledge base offers none.
ROLES: dict[str, str] = {
    normalize_word(k): v
    for k, v in {
        "رئيس الوزراء": "GOV",
        "رئيس وزراء": "GOV",
        "رئيس الحكومة": "GOV",
        "رئيس حكومة": "GOV",
        "الرئيس": "GOV",
        "رئيس": "GOV",
        "نائب الرئيس": "GOV",
        "الملك": "GOV",
        "ملك": "GOV",
        "ولي العهد": "GOV",
        "الأمير": "GOV",
        "أمير": "GOV",
        "المرشد الأعلى": "GOV",
        "وزير الخارجية": "GOV",
        "وزير خارجية": "GOV",
        "وزير الدفاع": "GOV",
        "وزير دفاع": "GOV",
        "وزير الداخلية": "GOV",
        "وزير داخلية": "GOV",
        "وزير": "GOV",
        "الوزير": "GOV",
        "السفير": "GOV",
        "سفير": "GOV",
        "القائم بالأعمال": "GOV",
        "المبعوث": "GOV",
        "مبعوث": "GOV",
        "القنصل": "GOV",
        "المتحدث باسم الحكومة": "GOV",
        "المستشار": "GOV",
        "قائد": "MIL",
        "القائد": "MIL",
        "رئيس أركان": "MIL",
        "رئيس هيئة الأركان": "MIL",
        "اللواء": "MIL",
        "العميد": "MIL",
        "العقيد": "MIL",
        "الفريق": "MIL",
        "الجنرال": "MIL",
        "النائب": "LEG",
        "رئيس البرلمان": "LEG",
        "رئيس مجلس النواب": "LEG",
        "القاضي": "JUD",
        "النائب العام": "JUD",  # the public prosecutor, not a deputy (LEG)
        "المدعي العام": "JUD",
        # the officials around a minister and the commercial service of an embassy (added 2026-12-07, third
        # sitting): مساعد وزير الاستثمار، الوزير المفوض التجاري، السكرتير الثاني التجاري
        "مساعد وزير": "GOV",
        "مساعدة وزير": "GOV",
        "مستشار وزير": "GOV",
        "مستشارة وزير": "GOV",
        "نائب وزير": "GOV",
        "نائبة وزير": "GOV",
        "وكيل وزارة": "GOV",
        "وكيل أول وزارة": "GOV",
        "الوزير المفوض": "GOV",
        "الوزير المفوض التجاري": "GOV",
        "الملحق التجاري": "GOV",
        "السكرتير الأول": "GOV",
        "السكرتير الثاني": "GOV",
        "السكرتير الثالث": "GOV",
        "السكرتير الأول التجاري": "GOV",
        "السكرتير الثاني التجاري": "GOV",
        "السكرتير الثالث التجاري": "GOV",
        # Morocco's secretaries of state and delegate ministers, a king's advisers, a Saudi region's deputy
        # governor and mayor, envoys to international bodies (added 2026-12-07, sixth sitting)
        "كاتب الدولة": "GOV",
        "عضو مجلس الوزراء": "GOV",  # وزير الدولة عضو مجلس الوزراء (a Saudi minister of state)
        "كاتبة الدولة": "GOV",
        "الوزير المنتدب": "GOV",
        "الوزيرة المنتدبة": "GOV",
        "مستشار جلالته": "GOV",
        "مستشار الملك": "GOV",
        "وكيل الإمارة": "GOV",
        "أمين المنطقة": "GOV",
        "أمين منطقة": "GOV",
        "مندوب": "GOV",
        "المندوب الدائم": "GOV",
        "نائب مندوب": "GOV",
        "رئيس بلدية": "GOV",
        "رئيس البلدية": "GOV",
        "عمدة": "GOV",
        # titles of persons outside the state (added 2026-12-07)
        "رجل الأعمال": "BUS",
        "رجلي الأعمال": "BUS",
        "السيناتور": "LEG",
        "النائب البرلماني": "LEG",
        "البرلماني": "LEG",
        "الإذاعية": "JRN",
        "الإذاعي": "JRN",
        "المعلمة": "EDU",
        "معلمة": "EDU",
        "الطالبة": "EDU",
        # researchers and academics, critics and columnists (added 2026-12-08; a body named after the
        # title decides first: الباحث الاقتصادي بإدارة … is the state's)
        "الطالب": "EDU",
        "الباحث": "EDU",
        "الباحثة": "EDU",
        "باحث": "EDU",
        "باحثة": "EDU",
        "الأكاديمي": "EDU",
        "الأكاديمية": "EDU",
        "الأستاذ الجامعي": "EDU",
        "عالم الاجتماع": "EDU",
        "عالمة الاجتماع": "EDU",
        "الناقد الرياضي": "JRN",
        "الكاتب الصحفي": "JRN",
        "الكاتبة الصحفية": "JRN",
        "سيدة الأعمال": "BUS",
        "المستثمر": "BUS",
        "الخبير المصرفي": "BUS",
        "العضو المنتدب": "BUS",
        # a chief executive heads a firm unless the body named after the title is the state's (الرئيس
        # التنفيذي للهيئة العامة للاستثمار: the head noun decides first)
        "الرئيس التنفيذي": "BUS",
        "الرئيسة التنفيذية": "BUS",
        "المدير التنفيذي": "BUS",
        "المديرة التنفيذية": "BUS",
        "الزميل": "JRN",  # a paper's "colleague" is a fellow journalist
        "الزميلة": "JRN",
        "الصحفي": "JRN",
        "الصحافي": "JRN",
        "الصحفية": "JRN",
        "الإعلامي": "JRN",
        "الإعلامية": "JRN",
        "المراسل": "JRN",
        "رئيس التحرير": "JRN",
        "مدير التحرير": "JRN",
        "نائب رئيس التحرير": "JRN",
        "مساعد رئيس التحرير": "JRN",
        "سكرتير التحرير": "JRN",
        # a party's organs (the Moroccan press: عضو المكتب السياسي، عضو الديوان السياسي للحزب)
        "عضو المكتب السياسي": "PTY",
        "عضوي المكتب السياسي": "PTY",
        "عضو الديوان السياسي": "PTY",
        "عضوة المكتب السياسي": "PTY",
        "عضو مكتبه السياسي": "PTY",
        "عضوة مكتبه السياسي": "PTY",
        "عضو مكتبها السياسي": "PTY",
        "الطبيب": "MED",
        "الطبيبة": "MED",
        # religious offices (شيخ الأزهر الإمام الأكبر أحمد الطيب، مفتي الجمهورية)
        "شيخ الأزهر": "REL",
        "الإمام الأكبر": "REL",
        "مفتي الجمهورية": "REL",
        "المفتي العام": "REL",
        "مفتي": "REL",
        "المفتي": "REL",
        # a state's representative at a negotiation or body (ممثل نيوزيلندا تيم غروزر); not الممثل, an actor
        "ممثل": "GOV",
        "ممثلة": "GOV",
        # the head of a party's list of candidates (X وكيل لائحة فيدرالية اليسار)
        "وكيل لائحة": "PTY",
        "وكيلة لائحة": "PTY",
        "وكيل اللائحة": "PTY",
        "وكيلة اللائحة": "PTY",
        # a Moroccan party's member named by its adjective (الاستقلالي جمال بن ربيعة، التجمعي حسن بنعمر):
        # Istiqlal, PAM, PJD, RNI, the Popular Movement
        **dict.fromkeys(
            "الاستقلالي الاستقلالية البامي البامية البيجيدي البيجيدية التجمعي التجمعية الحركي الحركية".split(), "PTY"
        ),
    }.items()
}
# Group nouns that, with a country adjective, name a state actor.
GROUPS: dict[str, str] = {
    normalize_word(k): v
    for k, v in {
        "القوات": "MIL",
        "قوات": "MIL",
        "الجيش": "MIL",
        "جيش": "MIL",
        "الحكومة": "GOV",
        "حكومة": "GOV",
        "السلطات": "GOV",
        "الخارجية": "GOV",
        "الرئاسة": "GOV",
        "الشرطة": "COP",
        "قوات الأمن": "COP",
        "الأجهزة الأمنية": "COP",
        "الأمن": "COP",
        "الاستخبارات": "SPY",
        "المخابرات": "SPY",
        "البرلمان": "LEG",
        "القضاء": "JUD",
        "المعارضة": "OPP",
        "البحرية": "MIL",
        "الطيران": "MIL",
        "سلاح الجو": "MIL",
        "الدبلوماسية": "GOV",
    }.items()
}
GROUP_FIRST = frozenset(k.split()[0] for k in GROUPS)
ROLE_WORDS = frozenset(w for k in ROLES for w in k.split())
MODIFIERS = frozenset(
    normalize_word(w)
    for w in "الجديد الجديدة السابق السابقة الأسبق الحالي المؤقت المكلف المنتخب العام الدائم الدائمة".split()
)
HOST_PREPS = frozenset(normalize_word(w) for w in ("لدى", "في", "الى", "إلى", "لدي"))
COUNTRY_REFS = frozenset(
    normalize_word(w)
    for w in ("بلده", "بلاده", "لبلده", "لبلاده", "وبلاده", "وبلده", "ببلاده", "ببلده", "دولته", "لدولته")
)
_MAX_ROLE_WORDS = 4


@dataclass
class Title:
    """What the words before a name say about the person."""

    role: str  # the role words as written, proclitics trimmed (السفير، رئيس الوزراء)
    sector: str | None
    country: str | None  # ISO-3 of the person's country (from a demonym or an idafa country)
    host: str | None = None  # ISO-3 after لدى/في: where the person serves, not whose
    start: int = 0  # offset where the title begins


@dataclass
class PersonMention:
    start: int
    end: int
    words: tuple[str, ...]  # normalized words of the name
    title: Title | None = None
    kb: str | None = None  # knowledge-base id when the name is a known person


@dataclass
class PersonCluster:
    mentions: list[PersonMention] = field(default_factory=list)

    @property
    def full(self) -> PersonMention:
        """The longest mention (first among equals): the name the cluster goes by."""
        return max(self.mentions, key=lambda m: (len(m.words), -m.start))

    @property
    def kb(self) -> str | None:
        return next((m.kb for m in self.mentions if m.kb), None)

    @property
    def title(self) -> Title | None:
        """The richest title any mention carries (one with a country beats one without)."""
        titles = [m.title for m in self.mentions if m.title]
        return max(titles, key=lambda t: (t.country is not None, len(t.role)), default=None)


def stable_id(kind: str, key: str) -> str:
    """An id that is the same in every document for the same kind and normalized key."""
    return f"{kind}:{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


def role_before(
    toks: Sequence[Token],
    i: int,
    text: str,
    gaz: Gazetteer,
    roles: Callable[[str], str | None] | None = None,
) -> Title | None:
    """Parse the title that ends just before word ``i``, reading backwards.

    Shape: ROLE [COUNTRY-NAME | DEMONYM] [MODIFIER ...] [لدى/في PLACE] NAME, e.g.
    ``السفير التركي الجديد لدى العراق``, ``رئيس الوزراء العراقي``, ``وزير خارجية تركيا``.
    ``roles`` maps a normalized phrase to a sector (the knowledge base's role words); the built-in
    table is used where it says nothing.
    """
    byline = _byline(toks, i - 1)
    if byline is not None:  # بقلم: المختار لغزيوي، كتب - محمد وراق: the writer of the piece
        return Title(text[toks[byline].start : toks[byline].end], "JRN", None, None, toks[byline].start)
    title = _title_before(toks, i, text, gaz, roles)
    gap = _past_honorifics(toks, i - 1, text)  # السفير المصري لدى المغرب، السيد أحمد: the comma before السيد
    if title is None and gap >= 1 and toks[gap].norm in _APPOSITION_GAPS:
        # مستشار الرئيس الأمريكي، جيسون غرينبلات: a title and a comma before the name, when it names a
        # country or a minister (وزيرة التضامن والأسرة والمساواة والتنمية الاجتماعية، بسيمة الحقاوي)
        title = _title_before(toks, gap, text, gaz, roles)
        if title is not None and (
            title.country is not None or title.host is not None or _ministerial_title(title.role) or _governor_title(title)
            or (title.sector == "PTY" and " " in title.role)  # عضو مكتبه السياسي، كريم التاج: a party's officer
        ):
            return title
        return None
    return title


def _title_before(
    toks: Sequence[Token], i: int, text: str, gaz: Gazetteer, roles: Callable[[str], str | None] | None
) -> Title | None:
    """:func:`role_before` without bylines: the title ending right before word ``i``."""
    j = _past_honorifics(toks, i - 1, text)
    honored = j < i - 1
    if j >= 1 and toks[j - 1].norm in _CHARGED and toks[j].norm.startswith("ب"):
        j -= 2  # كاتب الدولة المكلف بالنقل، الوزيرة المنتدبة المكلفة بالبيئة: the portfolio after the title
    # محافظ قنا: a governor and his town; وزير الشؤون الخارجية: a role ending in a modifier
    whole = _governor_of_a_place(toks, j, text, gaz) or _role_ending_in_modifier(toks, j, text)
    if whole is not None:
        return whole
    country = None
    host, j = _host_before(toks, j, gaz)
    while j >= 0 and (
        toks[j].norm in MODIFIERS or (toks[j].norm in _ACCLAIM and j >= 1 and gaz.demonym_at(toks[j - 1].norm))
    ):
        j -= 1  # النجم المصري العالمي عمر الشريف: praise after the demonym
    demonym_end = None
    d = -1  # the demonym's word
    o = j - (j >= 0 and toks[j].norm in _APPOSITION_GAPS)  # البريطانية ذات الأصول الباكستانية، ريهام خان
    origin = o >= 1 and toks[o - 1].norm in _ORIGIN_NOUNS and toks[o].norm.startswith("ال")
    if origin:  # ... ذات الأصول اليهودية جيميما غولدسميث: the origin is not the nationality before it
        j = o - 2
        j -= j >= 0 and toks[j].norm in _ORIGIN_LINKS
    before_country = j
    if j >= 0:
        dem = gaz.demonym_at(toks[j].norm)
        if dem:
            country, demonym_end, d = dem[0], toks[j].end, j
            j -= 1
        else:
            for n in (2, 1):
                k = j - n + 1
                if k > 0:
                    m = gaz.match_at([t.norm for t in toks[k : j + 1]], 0)
                    if m and m[0] == n and m[2] == 0:
                        iso = country_of(gaz, m[1])
                        division = None if iso else _division_country(toks, k, gaz, m[1])
                        if iso or division:  # a division's noun goes with it: رئيس [جمهورية الشيشان]
                            country, j = iso or division, k - (2 if division else 1)
                            if iso and j >= 0 and toks[j].norm in _STATE_NOUNS:
                                j -= 1  # سفير [جمهورية] البوسنة والهرسك: the state's noun before its name
                            break
    while j >= 0 and toks[j].norm in MODIFIERS:
        j -= 1
    for n in range(min(_MAX_ROLE_WORDS, j + 1), 0, -1):
        k = j - n + 1
        for first, cut in proclitic_variants(toks[k].norm):
            phrase = " ".join([first, *(t.norm for t in toks[k + 1 : j + 1])])
            sector = (roles(phrase) if roles else None) or ROLES.get(phrase)
            if sector is None and first in _PLAIN_TITLES and _complements(toks, k + 1, j):
                sector = "GOV"  # وزير العدل والحريات، محافظ الاحتياطي الفيدرالي: a ministry's or bank's name
            if sector:
                start = toks[k].start + orig_cut(text, toks[k].start, cut)
                if country is None:  # العاهل الأردني الراحل الملك حسين: the country before a second title
                    country = _country_before(toks, k, gaz)
                return Title(text[start : toks[j].end], sector, country, host, start)
    if country is not None and demonym_end is None and j >= 0 and (toks[j].norm in _TEAM_WORDS or toks[j].norm in _SPORT_ROLES):
        # قائد منتخب إيطاليا السابق فابيو كانافارو، مدرب المكسيك ميغيل هيريرا: the team's country
        return Title(text[toks[j].start : toks[i - 1].end], None, country, host, toks[j].start)
    if host is None and (country is None or demonym_end is None):
        office = _office_title(toks, j if country is None else before_country, text, honored, country)
        if office is not None:
            return office
    if demonym_end is not None and j >= 0 and (_definite_noun(toks[j].norm) or _side_of(toks, j)):
        # a noun no role table knows, with a country: اللاعب الغاني مونتاري, الفنانة المصرية ليلى علوي
        return Title(text[toks[j].start : demonym_end], None, country, host, toks[j].start)
    if demonym_end is not None and (origin or (_next_to(toks, d, i) and _demonym_as_noun(toks, d))):
        # the demonym is the noun: مدربه البرتغالي جوزيه مورينيو، والإيطالي ماتيو دارميان، ، الغاني مونتاري
        return Title(text[toks[d].start : demonym_end], None, country, host, toks[d].start)
    return None


_DIVISION_NOUNS = frozenset(normalize_word(w) for w in "جمهورية إقليم ولاية مقاطعة".split())


def _division_country(toks: Sequence[Token], k: int, gaz: Gazetteer, key: str) -> str | None:
    """The country of a first-level division named after its noun (رئيس جمهورية الشيشان، رئيس إقليم
    كردستان، حاكم ولاية تكساس): the title's country; the noun is read with it."""
    if k < 1 or toks[k - 1].norm not in _DIVISION_NOUNS:
        return None
    if not any(p.feature == "admin" for p, strength in gaz.candidates(key) if strength > 0):
        return None
    return place_country(gaz, key)


def _host_before(toks: Sequence[Token], j: int, gaz: Gazetteer) -> tuple[str | None, int]:
    """The country a title's لدى/في PLACE ending at word ``j`` names (where the person serves, not whose),
    and the word before the preposition; else (None, ``j``)."""
    for n in (4, 3, 2, 1):
        k = j - n + 1
        if k - 1 >= 0 and toks[k - 1].norm in HOST_PREPS:
            if " ".join(t.norm for t in toks[k : j + 1]) in _IGO_HOSTS:
                return None, k - 2  # مندوب السودان لدى الأمم المتحدة: the envoy is his country's
            if n == 4:
                continue
            m = gaz.match_at([t.norm for t in toks[k : j + 1]], 0)
            if m and m[0] == n:
                return country_of(gaz, m[1]), k - 2
            dem = gaz.demonym_at(toks[j].norm) if n == 2 and toks[k].norm in _STATE_NOUNS else None
            if dem:  # لدى المملكة المغربية، في الجمهورية التونسية
                return dem[0], k - 2
    # بـ PLACE after an envoy's title, where they serve: سفيرة الاتحاد الأوروبي بالمغرب، السفير الأمريكي
    # بالرياض (one word: a country or a city), سفير جمهورية البوسنة والهرسك بالمملكة العربية السعودية
    for n in (4, 3, 2, 1):
        k = j - n + 1
        first = toks[k].norm if k >= 1 else ""
        if not (first.startswith("بال" if n == 1 else "ب") and _HOST_TITLES & {t.norm for t in toks[max(0, k - 6) : k]}):
            continue
        words = [first[1:], *(t.norm for t in toks[k + 1 : j + 1])]
        m = gaz.match_at(words, 0) if n > 1 else None
        iso = (country_of(gaz, m[1]) if m and m[0] == n and m[2] == 0 else None) if n > 1 else (
            country_of(gaz, words[0]) or place_country(gaz, words[0])
        )
        if iso:
            return iso, k - 1
    return None, j


_HOST_TITLES = frozenset(normalize_word(w) for w in "سفير سفيرة السفير السفيرة وسفير وسفيرة ممثل ممثلة مبعوث".split())
# international bodies an envoy is posted to (… لدى الأمم المتحدة): no country of their own to host him
_IGO_HOSTS = frozenset(
    " ".join(normalize_word(w) for w in p.split())
    for p in (
        "الأمم المتحدة", "الامم المتحدة", "منظمة الأمم المتحدة", "الجامعة العربية", "جامعة الدول العربية",
        "الاتحاد الأوروبي", "الاتحاد الأوربي", "الاتحاد الإفريقي", "الاتحاد الأفريقي", "مجلس الأمن",
        "حلف الناتو", "حلف شمال الأطلسي", "الناتو", "منظمة التعاون الإسلامي", "اليونسكو", "اليونيسكو",
        "منظمة التجارة العالمية", "مجلس حقوق الإنسان", "الوكالة الدولية للطاقة الذرية", "مجلس التعاون الخليجي",
    )
)
# a state's noun before its name or demonym (لدى المملكة المغربية، سفير جمهورية البوسنة والهرسك)
_STATE_NOUNS = frozenset(
    normalize_word(w) for w in "المملكة الجمهورية الدولة دولة سلطنة الإمارات جمهورية مملكة إمارة".split()
)


def _governor_of_a_place(toks: Sequence[Token], j: int, text: str, gaz: Gazetteer) -> Title | None:
    """A governor's title completed by the town or province ending at word ``j`` (محافظ قنا، عامل عمالة سلا،
    والي الخرطوم): GOV, of the place's country where it has one."""
    for n in (2, 1):
        k = j - n + 1
        if k <= 0:
            continue
        m = gaz.match_at([t.norm for t in toks[k : j + 1]], 0)
        if m and m[0] == n and m[2] == 0 and country_of(gaz, m[1]) is None:
            g = _local_governor_start(toks, k - 1)
            if g is not None:
                return Title(text[toks[g].start : toks[j].end], "GOV", place_country(gaz, m[1]), None, toks[g].start)
    return None


def _local_governor_start(toks: Sequence[Token], j: int) -> int | None:
    """The first word of a town's or province's governor's title (محافظ، والي، عامل إقليم، رئيس بلدية)
    ending at word ``j``, which a place name completes; None when the words there are no such title."""
    for n in (5, 2, 1):
        k = j - n + 1
        if k < 0:
            continue
        first = [form for form, _cut in proclitic_variants(toks[k].norm)]
        rest = " ".join(t.norm for t in toks[k + 1 : j + 1])
        if any(" ".join(filter(None, (f, rest))) in _LOCAL_GOVERNORS for f in first):
            return k
    return None


def _governor_title(title: Title) -> bool:
    """Whether a title is a town's or province's governor's with its place (عامل عمالة سلا، محافظ قنا)."""
    words = title.role.split()
    return title.sector == "GOV" and len(words) >= 2 and normalize_word(words[0]) in _GOVERNOR_FIRST


_GOVERNOR_FIRST = frozenset(normalize_word(w) for w in "محافظ المحافظ والي الوالي عامل عاملة".split())
_LOCAL_GOVERNORS = frozenset(
    " ".join(normalize_word(w) for w in phrase.split())
    for phrase in ("محافظ", "المحافظ", "محافظة", "والي", "الوالي", "عامل عمالة", "عامل إقليم", "عاملة إقليم",
                   "رئيس بلدية", "عمدة", "والي ولاية", "عامل صاحب الجلالة على عمالة", "عامل صاحب الجلالة على إقليم")
)


def _past_honorifics(toks: Sequence[Token], j: int, text: str) -> int:
    """The last word at or before ``j`` that is no honorific: وزير الثقافة والإعلام الدكتور عادل الطريفي،
    رئيس الهيئة د. أحمد مجاهد، المهندس/ علي، مدير عام الشركة م. سفيان الهادي (the point or slash after
    one is a word of its own; م, the engineer, only with its point)."""
    if j >= 1 and toks[j].text in _OPENING_QUOTES:
        j -= 1  # الرئيس البوسني "ملادن إيفانيش": the name in quotes after its title
    while j >= 0:
        if toks[j].text in _HONORIFIC_MARKS and j >= 1 and (toks[j - 1].norm in HONORIFICS or toks[j - 1].norm in MARKED_HONORIFICS):
            j -= 1
        elif toks[j].norm in HONORIFICS and text[toks[j].end : toks[j + 1].start].strip() in ("", "/", "."):
            j -= 1
        elif toks[j].norm in MARKED_HONORIFICS and j + 1 < len(toks) and toks[j + 1].text == ".":
            j -= 1
        else:
            return j
    return j


def _role_ending_in_modifier(toks: Sequence[Token], j: int, text: str) -> Title | None:
    """A two-word role whose second word is otherwise a modifier the title parser skips, ending at word
    ``j`` (النائب العام, the public prosecutor, is not النائب, a deputy)."""
    if j < 1 or toks[j].norm not in MODIFIERS:
        return None
    for first, cut in proclitic_variants(toks[j - 1].norm):
        sector = ROLES.get(f"{first} {toks[j].norm}")
        if sector:
            start = toks[j - 1].start + orig_cut(text, toks[j - 1].start, cut)
            return Title(text[start : toks[j].end], sector, None, None, start)
    return None


def _office_title(toks: Sequence[Token], j: int, text: str, honored: bool, country: str | None) -> Title | None:
    """A head and the body it names ending at word ``j`` (:func:`_office_before`) as a title: نائب وزير
    الصحة للشؤون الصحية الدكتور …، رئيس الهيئة العامة للكتاب د. …; with ``country``, a country's name
    that ended the body's name (الأمين العام لحركة نداء تونس: the body's sector, that state)."""
    office = _office_before(toks, j, honored)
    if office is None:
        return None
    start = toks[office[1]].start
    head = toks[office[1]].norm
    if head.startswith("و") and head not in _VAGUE_HEADS and head not in _AIDE_HEADS and head not in _MINISTER_WORDS:
        start += 1  # ووكيل وزارة …، ووزير الصحة: the title without the conjunction
    return Title(text[start : toks[j].end], office[0], country, None, start)


def _title_chain(words: Sequence[Token]) -> bool:
    """Whether the words after a vague head are a title's: definite nouns, up to a body named by its head
    noun, bare or with the genitive لـ, and that body's name (عضو المكتب السياسي لحزب الحركة الشعبية، رئيس
    مجلس إدارة شركة …، الأمين العام لحركة نداء تونس), a list's or a branch's noun right before the head
    (وكيل لائحة حزب العدالة والتنمية)."""
    heads = [_body_head(t.norm) for t in words]
    first = next((n for n, h in enumerate(heads) if h), len(words))
    if words and words[-1].norm == "و":
        return False  # الرئيس التنفيذي لجهاز تنمية المشروعات و[ماجد شوقي]: a list, the next name is another's
    # the words after the body's head noun are its name, whatever they are (الأمين العام لحركة نداء تونس)
    return all(
        _definite_noun(t.norm) or (t.norm in _CONSTRUCT_NOUNS and n + 1 < len(words) and heads[n + 1])
        or (n == 0 and t.norm == _GENERAL)  # مدير عام التطوير السياحي بإمارة المنطقة: the head is مدير عام
        for n, t in enumerate(words[:first])
    )


_GENERAL = normalize_word("عام")


def family_name_after(head: str, demonym: str) -> bool:
    """Whether a definite demonym right after a body's head noun without the article is the genitive of
    a family name, not an adjective (مجموعة السويدي، لشركة السويدي: the Sewedy family's; an adjective of
    a bare noun would be bare too: شركة سويدية)."""
    return demonym.startswith("ال") and _body_head(head)


def _body_head(norm: str) -> bool:
    """An organisation's head noun without the article, bare or after ل/ب/و (حزب، لحزب، لشركة، بوزارة)."""
    return any(not form.startswith("ال") and org_head_sector(form) for form, _cut in proclitic_variants(norm))


# nouns that head a part of a body in a title (وكيل لائحة حزب …، رئيس فرع شركة …، عضو مكتب حزب …)
_CONSTRUCT_NOUNS = frozenset(normalize_word(w) for w in "لائحة قائمة فرع مكتب".split())


def _side_of(toks: Sequence[Token], j: int) -> bool:
    """``عن الجانب`` / ``من الجانب`` at word ``j``: the side (of talks) a person speaks for (وعن الجانب
    البرازيلي وليم ديب), which the demonym after it names; الجانب alone is no person's noun."""
    return toks[j].norm in _SIDE_NOUNS and j >= 1 and toks[j - 1].norm in _SIDE_PREPS


_SIDE_NOUNS = frozenset(normalize_word(w) for w in "الجانب الطرف".split())
_SIDE_PREPS = frozenset(normalize_word(w) for w in "عن وعن من ومن".split())


def _ministry_words(words: Sequence[Token]) -> bool:
    """Whether words name a ministry (الوظيفة العمومية و تحديث الإدارة، الأوقاف والشؤون الإسلامية): definite
    nouns, a conjunction standing alone and the noun right after it."""
    return bool(words) and all(
        _definite_noun(t.norm) or t.norm == "و" or (n > 0 and words[n - 1].norm == "و") for n, t in enumerate(words)
    )


def _ministerial_title(role: str) -> bool:
    """Whether a title is a minister's (or the aide's of one): its first or second word is وزير, or it is
    a (Moroccan) secretary of state's, كاتب الدولة."""
    words = [normalize_word(w) for w in role.split()]
    return any(_minister(w) for w in words[:2]) or tuple(words[:2]) in _SECRETARY_OF_STATE


_SECRETARY_OF_STATE = frozenset(tuple(normalize_word(w) for w in p.split()) for p in ("كاتب الدولة", "كاتبة الدولة"))


def _minister(norm: str) -> bool:
    """وزير، الوزيرة، ووزير: a minister's title word, with the article or a conjunction."""
    return any(form.removeprefix("ال") in _MINISTER_WORDS for form, _cut in proclitic_variants(norm))


def _office_before(toks: Sequence[Token], j: int, honored: bool) -> tuple[str, int] | None:
    """A head (مدير، رئيس، نائب، مساعد …) up to eight words before word ``j`` (nine after a courtesy
    title; a conjunction written apart not counted) whose words name a body or a minister
    (:func:`_head_of`): (sector, the head's word). The words between must be a title's: after
    an honorific (الدكتور، المهندس، د.) any title words, else definite nouns only. A minister's title
    (وزير الوظيفة العمومية و تحديث الإدارة) takes any title words: they name the ministry."""
    reach = 9 if honored else 8  # مدير عام فرع وزارة العمل بمنطقة مكة المكرمة …، … المهندس: a courtesy title ends it
    for k in range(j - 1, -1, -1):
        tok = toks[k]
        if tok.norm == "و":
            continue  # وزيرة الأسرة و التضامن و المساواة: a conjunction written apart takes no room
        reach -= 1
        if reach < 0:
            return None
        if not _title_word(tok) or tok.norm in _NOUN_PREPS:
            return None
        if _minister(tok.norm):
            return ("GOV", k) if _ministry_words(toks[k + 1 : j + 1]) else None
        if _vague_head(tok.norm):
            if not honored and not _title_chain(toks[k + 1 : j + 1]):
                return None
            head = _head_of(toks, k, j - k + 1)
            return (head[0], k) if head else None
    return None


_POSSESSIVE = ("ه", "ها", "هم")
# a national team, and the sports roles that name one (مدرب المكسيك X، X المدير الفني للمنتخب الإنجليزي)
_TEAM_WORDS = frozenset(normalize_word(w) for w in "منتخب المنتخب لمنتخب للمنتخب بمنتخب".split())
_SPORT_ROLES = frozenset(
    normalize_word(w)  # المدير: المدير الفني
    for w in "مدرب المدرب مدربة المدير لاعب اللاعب مهاجم المهاجم مدافع المدافع حارس الحارس قائد نجم".split()
)
# words that sign a piece (بقلم: X، كتب: X، إعداد - X)
_BYLINE_WORDS = frozenset(normalize_word(w) for w in "بقلم قلم كتب كتبت كتبه إعداد اعداد متابعة حوار تصوير عدسة".split())
_BYLINE_VERBS = frozenset(normalize_word(w) for w in "كتب كتبت كتبه".split())


def _byline(toks: Sequence[Token], j: int) -> int | None:
    """The word that signs a piece when it ends right before the name (after a colon or dash, or
    none): ``بقلم: X``، ``كتب - X``."""
    signed = j >= 0 and toks[j].kind == "punct" and toks[j].text in ":-–/"
    j -= signed
    if j >= 0 and toks[j].norm in _BYLINE_WORDS and (signed or toks[j].norm not in _BYLINE_VERBS):
        return j  # كتب محمد مقالا: a verb signs only with its colon
    return None


# praise between a demonym and a name (النجم المصري العالمي، نجمه البلجيكي الدولي)
_ACCLAIM = frozenset(
    normalize_word(w)
    for w in "العالمي العالمية الدولي الدولية الشهير الشهيرة الكبير الكبيرة البديل الأساسي الشاب الشابة المخضرم الواعد".split()
)
# verbs a subject follows (انخرط الفنزويلي أوروزكو، الذي نفذه الكندي بيسونيت): a demonym right after one
# is no adjective (an adjective agrees with a definite noun before it) but the person
_SUBJECT_VERBS = frozenset(
    normalize_word(w)
    for w in (
        "قال أكد أوضح أشار أضاف صرح اعتبر رأى يرى سجل أحرز انضم انخرط شارك قاد تألق أعلن كشف فاز خسر حقق "
        "غادر وصل رفض طالب نفذه نفذها ارتكبه ارتكبها قتله قتلها اعترف وقع يلعب لعب دافع هاجم انتقد "
        "قام ضم يضم استعاد أعار"
    ).split()
)
_PERSON_CONSTRUCTS = frozenset(
    normalize_word(w) for w in "مفاوضات صفقة انتقال رحيل عودة إصابة غياب تعاقد ضم تجديد عقد".split()
)
_ORIGIN_NOUNS = frozenset(normalize_word(w) for w in "الأصول أصول الأصل أصل".split())
_ORIGIN_LINKS = frozenset(normalize_word(w) for w in "ذات ذو ذوي من".split())


def _definite_noun(norm: str) -> bool:
    """A definite noun, a proclitic allowed (اللاعب، للفنان، والأكاديمي), that can stand for a person."""
    return any(form.startswith("ال") and form not in _NOT_PERSON_NOUNS for form, _cut in proclitic_variants(norm))


# courtesy titles between a role and a name (وزير التموين الدكتور شريف فاروق), which say nothing of either
HONORIFICS = frozenset(
    normalize_word(w) for w in "الدكتور الدكتورة د المهندس المهندسة السيد السيدة الأستاذ الأستاذة".split()
)


_HONORIFIC_MARKS = frozenset({".", "/"})
MARKED_HONORIFICS = frozenset({normalize_word("م")})  # م. (مهندس) in Saudi papers; a bare م is a year's or a metre's
_OPENING_QUOTES = frozenset({'"', "«", "“"})
_CHARGED = frozenset(normalize_word(w) for w in "المكلف المكلفة".split())


def _complements(toks: Sequence[Token], a: int, b: int) -> bool:
    """Whether words ``a..b`` (one to three) all complete a title as definite nouns (العدل والحريات،
    الشؤون الاجتماعية، الاحتياطي الفيدرالي): no name, verb or preposition among them."""
    return 0 < b - a + 1 <= 3 and all(t.norm.startswith(("ال", "وال")) for t in toks[a : b + 1])


def _country_before(toks: Sequence[Token], k: int, gaz: Gazetteer) -> str | None:
    """A demonym ending a title right before the title at word ``k`` (past الراحل, السابق ...)."""
    j = k - 1
    while j >= 0 and (toks[j].norm in MODIFIERS or toks[j].norm in _LATE):
        j -= 1
    if j < 1 or j == k - 1:
        return None
    dem = gaz.demonym_at(toks[j].norm)
    return dem[0] if dem and dem[1] == 0 else None


_LATE = frozenset(normalize_word(w) for w in "الراحل الراحلة الفقيد الراحلين".split())


def _next_to(toks: Sequence[Token], d: int, i: int) -> bool:
    """The demonym at ``d`` is right before the name at ``i``, or only praise stands between."""
    return all(toks[x].norm in _ACCLAIM for x in range(d + 1, i))


def _demonym_as_noun(toks: Sequence[Token], d: int) -> bool:
    """Whether the demonym at word ``d``, right before a name, stands for a person: it opens the clause
    (start, after a comma or dash, or joined by و to a list of such), follows a verb its person is the
    subject or object of (انخرط الفنزويلي …، ضم التونسي …) or a noun with a possessive (مدربه، لاعبها)."""
    dem, j = toks[d], d - 1
    if dem.norm.startswith(("وال", "فال", "لل", "بال")):
        return True  # خلفا للتونسي X، بالمغربي X: a preposition on the demonym makes it a noun
    if j < 0 or toks[j].text in _CLAUSE_MARKS:
        return True  # المدرب: الفرنسي X، وقال، البرتغالي X (every mark is a token of its own)
    if toks[j].norm in _NOUN_PREPS:  # تعاقد مع الفرنسي X: right after a preposition the demonym is a noun
        return True
    if any(form in _SUBJECT_VERBS for form, _cut in proclitic_variants(toks[j].norm)):
        return True
    prev = toks[j].norm
    if len(prev) > 4 and prev.endswith(_POSSESSIVE) and not prev.startswith("ال") and prev not in _NOT_PERSON_NOUNS:
        return True
    # an indefinite noun of the transfer news in construct with it (مفاوضات الغاني X، صفقة البرازيلي X): an
    # adjective would agree with it in definiteness, so the demonym is the noun
    return any(form in _PERSON_CONSTRUCTS for form, _cut in proclitic_variants(prev))


_APPOSITION_GAPS = frozenset({"،", ","})
DASHES = frozenset({"-", "–", "—"})  # عبد العزيز الشريف – وكيل أول الوزارة: a title in apposition
_CLAUSE_MARKS = _APPOSITION_GAPS | DASHES | {":"}
_NOUN_PREPS = frozenset(
    normalize_word(w) for w in "مع من إلى الى على عن لدى ضد بين أمام امام أمثال امثال مثل ومثل بينهم منهم ومنهم".split()
)  # أمثال الألماني مسعود أوزيل: "such as", "among them" before a list of persons


def _title_word(tok: Token) -> bool:
    """A word that can be part of a title after a name: no punctuation mark, no preposition (في مصر is
    where, لدى العراق the host country)."""
    return tok.norm[:1].isalpha() and tok.norm not in HOST_PREPS


def title_start(toks: Sequence[Token], j: int) -> int:
    """The word where a title after the name ending at word ``j`` begins: past one comma or dash, or
    past the post a decree names (تعيين X على وظيفة ( وزير مفوض ) بوزارة الخارجية، X في منصب …)."""
    k = j + 1
    if k + 1 < len(toks) and (toks[k].norm, toks[k + 1].norm) in _POSTED:
        k += 2
        return k + (k < len(toks) and toks[k].text == "(")
    return k + (k < len(toks) and toks[k].norm in _APPOSITION_GAPS | DASHES)


_POSTED = frozenset(
    tuple(normalize_word(w) for w in p.split()) for p in ("على وظيفة", "على منصب", "في منصب", "في وظيفة")
)


def team_title_after(toks: Sequence[Token], j: int, text: str, gaz: Gazetteer) -> Title | None:
    """A sports role after the name that names a national team (X المدير الفني للمنتخب الإنجليزي، X مدرب
    منتخب مصر، X لاعب المنتخب المغربي): the team's country."""
    k = title_start(toks, j)
    if k >= len(toks) or toks[k].norm not in _SPORT_ROLES:
        return None
    for t in range(k + 1, min(k + 4, len(toks) - 1)):
        if toks[t].norm not in _TEAM_WORDS:
            continue
        nxt = toks[t + 1].norm
        dem = gaz.demonym_at(nxt)
        iso = dem[0] if dem and dem[1] == 0 else country_of(gaz, nxt)
        if iso:
            return Title(text[toks[k].start : toks[t + 1].end], None, iso, None, toks[k].start)
        return None
    return None


def role_after(
    toks: Sequence[Token],
    j: int,
    text: str,
    gaz: Gazetteer,
    roles: Callable[[str], str | None] | None = None,
    sectors: Callable[[Sequence[str]], str | None] | None = None,
) -> Title | None:
    """The title in apposition after a name that ends at word ``j``: ``صلاح الدين مزوار وزير الخارجية
    المغربي`` → MAR GOV, ``... وزير خارجية تركيا`` → TUR GOV; after a comma, a title of the state
    without a country too (``رانيا المشاط، وزيرة التخطيط`` → GOV; ``sectors`` gives the sector of the
    knowledge base's role words).

    Without a comma a title must name a country (after a name it may as well begin the next phrase),
    but for a minister's, a governor's or an envoy's (شريف فاروق وزير التموين). Vague heads (رئيس،
    مدير، نائب: of a club, a firm, a council) need a country either way. The caller
    checks that no other name follows the title (``استقبل X وزير الخارجية الأمريكي جون كيري``: Kerry
    is the minister)."""
    k = title_start(toks, j)
    comma = k > j + 1  # صلاح الدين مزوار، وزير الخارجية المغربي
    words = 0  # the words in a row from k (a punctuation mark or a preposition ends the title)
    while k + words < len(toks) and words < _MAX_ROLE_WORDS + 3 and _title_word(toks[k + words]):
        words += 1
    for n in range(min(_MAX_ROLE_WORDS, words), 0, -1):
        phrase = " ".join(t.norm for t in toks[k : k + n])
        sector = (roles(phrase) if roles else None) or ROLES.get(phrase)
        if sector is None and sectors is not None:  # محافظ، وزيرة: role words of the state, no office
            found = sectors([t.norm for t in toks[k : k + n]])
            sector = found if found in _STATE_TITLE_SECTORS else None
        if sector and n == 1 and toks[k].norm in _DEPUTY and k + 1 < len(toks) and toks[k + 1].norm in _DEPUTY_OF:
            sector = None  # نائب مدير مطار عدن: a deputy director, no member of parliament
        if sector:
            break
    else:
        n, sector = 0, None
    # the country: a demonym or a country's name right after the role, its modifiers or up to two
    # words that complete it (وزير [الصناعة] المصري، رئيس [هيئة الاستثمار] المصرية، وزير خارجية تركيا)
    # (four words for a ministry's long name: وزير الطاقة والثروة المعدنية الأردني)
    for e in range(k + n, min(k + n + (4 if toks[k].norm in _PLAIN_TITLES else 3), k + words)) if sector else ():
        if e > k + n and org_head_sector(toks[e - 1].norm):
            break  # رئيس الجامعة الأمريكية: the demonym is the body's, whose head noun says the sector (below)
        dem = gaz.demonym_at(toks[e].norm)
        if dem and dem[1] == 0 and not (e > k and family_name_after(toks[e - 1].norm, toks[e].norm)):
            return Title(text[toks[k].start : toks[e].end], sector, dem[0], None, toks[k].start)
        m = gaz.match_at([t.norm for t in toks[e : min(e + 2, k + words)]], 0)
        country = place_country(gaz, m[1]) if m and m[2] == 0 else None  # وزير خارجية تركيا، محافظ قنا
        if country:
            return Title(text[toks[k].start : toks[e + m[0] - 1].end], sector, country, None, toks[k].start)
    for e in range(k + n, min(k + words, k + _MAX_ROLE_WORDS + 3) - 1) if sector else ():
        if toks[e].norm in _OF_STATE:  # وزيرة الاقتصاد والابتكار لجمهورية ألبانيا: the state named at the end
            m = gaz.match_at([t.norm for t in toks[e + 1 : min(e + 3, k + words)]], 0)
            country = place_country(gaz, m[1]) if m and m[2] == 0 else None
            if country:
                return Title(text[toks[k].start : toks[e + m[0]].end], sector, country, None, toks[k].start)
    head = _head_of(toks, k, words, sectors) if words else None
    if head is not None:  # رئيس هيئة السلامة الملاحية، الرئيس التنفيذي لجهاز تنمية المشروعات
        # رئيس مجلس إدارة مؤسسة الغرير الإماراتية: a demonym a few words after the body's noun places it
        end, country = head[1], None
        for e in range(head[1] + 1, min(head[1] + 4, k + words)):
            dem = gaz.demonym_at(toks[e].norm)
            if dem and dem[1] == 0 and not family_name_after(toks[e - 1].norm, toks[e].norm):
                end, country = e, dem[0]
                break
        if head[0] == "EDU" and country and end + 1 < len(toks) and toks[end + 1].norm.startswith("ب"):
            # رئيس الجامعة الأمريكية بالقاهرة: a university named after a nation stands where it says
            seat = place_country(gaz, toks[end + 1].norm[1:])
            country = seat or country
        return Title(text[toks[k].start : toks[end].end], head[0], country, None, toks[k].start)
    # a role of several words (رئيس التحرير، العضو المنتدب، مساعد وزير الاستثمار) is a title whatever its head
    specific = sector is not None and n >= 2
    if not words or (
        not specific and (toks[k].norm in _VAGUE_HEADS or not (comma or toks[k].norm in _PLAIN_TITLES))
    ):
        return None  # without a comma only a minister's, a governor's or an envoy's title: شريف فاروق وزير التموين
    if sector in _STATE_TITLE_SECTORS or (sector and (comma or specific)):
        # محمد الجوسقي، مساعد وزير الاستثمار؛ علي الدكروري، رجل الأعمال: a title, no country
        return Title(text[toks[k].start : toks[k + n - 1].end], sector, None, None, toks[k].start)
    for n in range(min(_MAX_ROLE_WORDS, words), 0, -1):
        found = sectors([t.norm for t in toks[k : k + n]]) if sectors else None
        if found in _STATE_TITLE_SECTORS:
            return Title(text[toks[k].start : toks[k + n - 1].end], found, None, None, toks[k].start)
    return None


_ACTING = normalize_word("بالنيابة")
_DEPUTY = frozenset(normalize_word(w) for w in "نائب النائب".split())
_DEPUTY_OF = frozenset(normalize_word(w) for w in "مدير رئيس وزير محافظ أمين قائد المدير الرئيس الوزير".split())


# "of the Republic / State / Kingdom of": a title's state named after the office (… لجمهورية ألبانيا)
_OF_STATE = frozenset(normalize_word(w) for w in "لجمهورية بجمهورية لدولة بدولة لمملكة بمملكة لسلطنة بسلطنة".split())


# heads of titles that say nothing of the state until a country is named (رئيس نادي، مدير شركة)
_VAGUE_HEADS = frozenset(
    normalize_word(w) for w in "رئيس الرئيس رئيسة مدير المدير مديرة نائب أمين الأمين عضو المستشار مستشار قائد القائد عميد عميدة".split()
)  # عميد كلية …: a dean (العميد, with the article, is a brigadier's rank)
_STATE_TITLE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# head nouns of organisations (without the article) and the sector they give: the name's own head
# (الهيئة العامة للاستثمار → GOV, البنك الأهلي → BUS) and the body a vague title heads (رئيس هيئة …،
# الرئيس التنفيذي لشركة …، رئيس قطاع … بوزارة …)
ORG_HEADS = {
    normalize_word(w): sector
    for words, sector in (
        ("هيئة وزارة مجلس سلطة سلطات مصلحة جهاز ديوان رئاسة حكومة إدارة مديرية بلدية أمانة دائرة إمارة صندوق جمرك", "GOV"),
        ("بنك مصرف شركة مجموعة مؤسسة غرفة", "BUS"),
        ("جامعة كلية أكاديمية مدرسة معهد", "EDU"),
        ("محكمة نيابة", "JUD"),
        ("شرطة", "COP"),
        ("صحيفة جريدة مجلة", "JRN"),
        ("حزب حركة تيار ائتلاف تحالف جبهة تجمع", "PTY"),
        ("نقابة", "LAB"),
        ("مستشفى مستوصف", "MED"),
    )
    for w in words.split()
}
# heads a vague title passes over to the body it names (رئيس مجلس إدارة شركة … → the firm)
PASSED_HEADS = frozenset(normalize_word(w) for w in "مجلس إدارة مؤسسة سلطة سلطات حكومة رئاسة".split())


def org_head_sector(word: str) -> str | None:
    """The sector an organisation's head noun gives, with or without the article (البنك، بنك → BUS)."""
    return ORG_HEADS.get(word[2:] if word.startswith("ال") else word)


def _head_of(
    toks: Sequence[Token], k: int, words: int, sectors: Callable[[Sequence[str]], str | None] | None = None
) -> tuple[str, int] | None:
    """A vague head at word ``k`` (رئيس، مدير، الرئيس التنفيذي، نائب) of an organisation named by its head
    noun within the next five title words: (sector, the word of that noun). A party the knowledge base's
    role words name there (``sectors``: عضو الكتابة الجهوية للعدالة والتنمية) makes it a party's officer."""
    if not _vague_head(toks[k].norm):
        return None
    office = None  # مدير عام الإدارة العامة للفتاوى: an office of the state, unless a body follows
    for e in range(k + 1, min(k + words, k + 6)):
        if toks[e].norm == _ACTING:
            continue  # مديرة المركز الوطني بالنيابة: "acting", no public prosecution
        # (a party named with the genitive ل: للعدالة والتنمية; most title words are not, and skip the look-ups)
        for n in (3, 2) if sectors is not None and toks[e].norm.startswith("ل") else ():
            if e + n <= k + words and any(
                sectors([form, *(t.norm for t in toks[e + 1 : e + n])]) == "PTY"
                for form, _cut in proclitic_variants(toks[e].norm)
            ):
                return "PTY", e + n - 1
        for form, _cut in proclitic_variants(toks[e].norm):  # لجهاز، بوزارة، للهيئة
            bare = form.removeprefix("ال")
            if bare in _MINISTERIAL:  # مستشار وزير الاتصالات، وكيل أول الوزارة: the state's
                return "GOV", e
            if bare in PASSED_HEADS:  # رئيس مجلس إدارة شركة …: the firm
                if bare == _OFFICE and office is None and not toks[e - 1].norm.endswith("مجلس"):
                    office = ("GOV", e)
                elif office is None and org_head_sector(form) == "BUS":
                    office = ("BUS", e)  # رئيس مجلس إدارة مؤسسة الغرير: the foundation, unless a body follows
                continue
            sector = org_head_sector(form)
            if sector is None and bare in _BUSINESS_PEOPLE and (bare != _MEN or (
                e + 1 < k + words and toks[e + 1].norm == _BUSINESS
            )):
                sector = "BUS"  # رئيس لجنة السياحة بجمعية رجال الأعمال، عضو اتحاد المستثمرين: business people's body
            if sector == "BUS" and any(t.norm in CENTRAL_BANK_WORDS for t in toks[e + 1 : e + 3]):
                sector = "GOV"  # عضو البنك الاحتياطي الفيدرالي: a central bank is the state's
            if sector and sector != "PTY" and any(
                form.removeprefix("ال") == _PARTY for t in toks[e + 1 : min(e + 4, k + words)]
                for form, _cut in proclitic_variants(t.norm) if form != t.norm  # لحزب، للحزب: "of the party"
            ):
                sector = "PTY"  # عضو الأمانة العامة لحزب الاستقلال: an organ of the party
            if sector:
                return sector, e
    return office


def _vague_head(norm: str) -> bool:
    """A vague or aide's head (:data:`_VAGUE_HEADS`, :data:`_AIDE_HEADS`), bare or after و (ومدير عام
    صندوق التنمية العقارية، ووكيل وزارة الإسكان: a list's next title)."""
    return any(
        w in _VAGUE_HEADS or w in _AIDE_HEADS
        for w in (norm, norm[1:] if norm.startswith("و") and len(norm) > 3 else "")
    )


# heads of titles of a body's officers and aides (المشرف العام على …، الناطق الإعلامي لأمانة …، مساعد
# وزير …): like the vague heads, the body they name says the sector
_AIDE_HEADS = frozenset(
    normalize_word(w)
    for w in "المشرف المشرفة الناطق الناطقة المتحدث المتحدثة مساعد مساعدة وكيل وكيلة مستشارة الكاتب العضو ممثلا ممثلة ممثل المؤسس مؤسس الشريك الباحث الباحثة باحث باحثة".split()
)
# the members a business people's association or union is named after (جمعية رجال الأعمال، اتحاد
# المستثمرين، جمعية المصدرين): its officers are BUS
_MEN, _BUSINESS = normalize_word("رجال"), normalize_word("الأعمال")
_PARTY = normalize_word("حزب")
_BUSINESS_PEOPLE = frozenset(
    normalize_word(w).removeprefix("ال") for w in "رجال المستثمرين المصدرين المصنعين المستوردين الصناعات".split()
)
# a minister or a ministry named within a title makes it a title of the state
_MINISTER_WORDS = frozenset(normalize_word(w) for w in "وزير وزيرة".split())
_MINISTERIAL = _MINISTER_WORDS | {normalize_word("وزارة")}
_OFFICE = normalize_word("إدارة")
# words that make a bank a central bank (البنك المركزي، الاحتياطي الفيدرالي): of the state, not a firm
CENTRAL_BANK_WORDS = frozenset(normalize_word(w) for w in "المركزي الاحتياطي الفيدرالي الاتحادي".split())


# titles that follow a name without a comma and are the name's (apposition), not the start of a phrase
_PLAIN_TITLES = frozenset(normalize_word(w) for w in "وزير وزيرة محافظ محافظة سفير سفيرة".split())


# nouns before a demonym that describe no person (الدوري المصري محمد صلاح: the league is Egyptian)
_NOT_PERSON_NOUNS = frozenset(
    normalize_word(w) for w in "الدوري المنتخب النادي الفريق الجيش الشعب الجانب الطرف الاقتصاد السوق".split()
)


BIG_PLACE = 100_000  # a geonames place (not a curated name) must be a city of this size to say a country


def place_country(gaz: Gazetteer, key: str) -> str | None:
    """ISO-3 of the country a place name is in, when its strongest readings agree on one: a country, a
    curated name, or a geonames city of ``BIG_PLACE`` people; weak names (also ordinary words) never."""
    ranked = [(s, p) for p, s in gaz.candidates(key) if s > 0 and p.country]
    top = max((s for s, _p in ranked), default=0)
    places = {p.country for s, p in ranked if s == top and (s >= 2 or p.feature == "country" or p.population >= BIG_PLACE)}
    return places.pop() if len(places) == 1 else None


def country_of(gaz: Gazetteer, key: str) -> str | None:
    """ISO-3 when the place name is a country."""
    for place, strength in gaz.candidates(key):
        if place.feature == "country" and strength > 0:
            return place.country
    return None


def orig_cut(text: str, start: int, letters: int) -> int:
    """Offset, relative to ``start``, after ``letters`` normalized letters of the original word."""
    if letters == 0:
        return 0
    seen = 0
    i = start
    while i < len(text):
        if normalize_word(text[i]):
            seen += 1
            if seen > letters:
                return i - start
        i += 1
    return i - start


def cluster_persons(mentions: Sequence[PersonMention]) -> list[PersonCluster]:
    """Group mentions of the same person: same normalized words, or a partial name.

    Names the knowledge base knows are grouped by their id first; then full names; a shorter name
    joins the cluster whose full name ends with it (الكاظمي → مصطفى الكاظمي) or starts with it,
    preferring the most recent such person before it.
    """
    clusters: list[PersonCluster] = []
    by_words: dict[tuple[str, ...], PersonCluster] = {}
    by_kb: dict[str, PersonCluster] = {}
    for m in sorted(mentions, key=lambda m: (m.kb is None, -len(m.words), m.start)):
        c = (by_kb.get(m.kb) if m.kb else None) or by_words.get(m.words)
        if c is None and len(m.words) < 3:
            c = _partial_match(m, clusters)
        if c is None:
            c = PersonCluster()
            clusters.append(c)
        c.mentions.append(m)
        by_words.setdefault(m.words, c)
        if m.kb:
            by_kb.setdefault(m.kb, c)
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
    clusters.sort(key=lambda c: c.mentions[0].start)
    return clusters


def _partial_match(m: PersonMention, clusters: list[PersonCluster]) -> PersonCluster | None:
    best: tuple[int, int] | None = None
    found: PersonCluster | None = None
    for c in clusters:
        full = c.full.words
        if len(full) <= len(m.words):
            continue
        if full[-len(m.words) :] == m.words:
            rank = 0  # a surname is the usual short form
        elif full[: len(m.words)] == m.words and len(m.words) == 1:
            rank = 1
        else:
            continue
        before = [x.start for x in c.mentions if x.start < m.start]
        distance = m.start - max(before) if before else 10**9
        key = (rank, distance)
        if best is None or key < best:
            best, found = key, c
    return found


def group_actor(toks: Sequence[Token], i: int, gaz: Gazetteer) -> tuple[int, str, str, str] | None:
    """A state actor starting at word ``i``: GROUP-NOUN [ADJ] DEMONYM (القوات الاميركية القتالية ...).

    Returns (index of the demonym word, ISO-3, sector, group-noun key) or None.
    """
    for first, _cut in proclitic_variants(toks[i].norm):
        if first not in GROUP_FIRST:
            continue
        for n in (2, 1):
            phrase = " ".join([first, *(t.norm for t in toks[i + 1 : i + n])])
            sector = GROUPS.get(phrase) if i + n <= len(toks) else None
            if not sector:
                continue
            for gap in (0, 1):
                d = i + n + gap
                if d < len(toks):
                    dem = gaz.demonym_at(toks[d].norm)
                    if dem and dem[1] == 0:
                        return d, dem[0], sector, phrase
            return None
    return None
