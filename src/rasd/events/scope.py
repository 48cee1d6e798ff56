"""Is a trigger a political event at all, or a homograph, a business/sports/administrative act, or
the content of a law?

The annotation guidelines (``docs/event-annotation.md`` v2, and ``docs/event-devset.md``, "What counts") code political actors only:
a ministry approving a project, a club signing a player or a company agreeing to invest are not
events, and a word spelled like a trigger (تعد "is counted", يحتل المركز "ranks") is not one either.
These rules were written from the guidelines, the PLOVER manual and the false positives of the dev
set's tune part (index % 3 != 0); each names its reason. They are word lists, not fitted weights.

* **homograph** — the imperfect of وعد (يعد، تعد) is far more often عُدّ "is counted/considered" or
  أعدّ "prepared"; وعدن is "and Aden"; يوافق + a number is "falls on (a date)"; تبعد + a distance
  and أبعد ما are "far", not deportation.
* **business_sports** — AGREE, CONSULT, SUPPORT, REJECT, REQUEST, COERCE or RETREAT (a coach's or
  a club president's resignation) in a sentence about companies, markets, clubs, teams or players.
* **administrative** — AGREE whose object (after على) is an appointment, a nomination, a project or
  a listing: an internal approval with no political counterpart.
* **ranking** — احتل/يحتل with a rank or place in a list (المركز، المرتبة، الصدارة، العناوين).
* **inspection** — ضبط of workers, goods or violations (municipal and labour inspections) or of
  budgets (ضبط النفقات): enforcement of regulations, not a political arrest.
* **law_content** — an imperfect ban verb right after a law noun (قانون يحظر، قوانين تحظر): what a
  law says, not an act.
* **lifted** — sanctions named after a word that lifts or eases them (رفع، تخفيف، تعليق، إلغاء
  العقوبات): lifting sanctions is a concession, not a sanction. The lexicon has no CONCEDE entry for
  it yet: in the dev set's tune part "رفع العقوبات" is nearly always the promised term of the nuclear
  deal (not asserted), and such an entry only added false positives.
* **homograph** (more) — حقق/تحقيق "achieved/achieving" (تحقيق أرباح، حقق مفاجأة) unless an
  investigation's في/مع/بشأن follows; توقع/يتوقع "expected", not تُوقّع "signs".
* **anonymity** — طالبا عدم الكشف عن هويته: a source asking not to be named, not a demand.
* **not_a_meeting** — a visit or reception (زار، استقبل) of a place, a thing or a crowd rather than a
  political counterpart: زار متحف/معرض/المعالم، زار المرضى، استقبل وثائق/طائرات/زائر/المهنئين,
  or by tourists (سائح): the guidelines' "visits to museums or patients".
* **disaster** — forces put on alert or deployed for a storm, a fire or a flood (العاصفة، حرائق،
  السيول): the manual codes mobilizing for disaster relief as AID, not MOBILIZE.
* **truce_topic** — the nouns هدنة / وقف إطلاق النار with no word of a truce taking effect in the
  clause (بدأ، سريان، سرت، دخل حيز التنفيذ، أعلن): a truce discussed, demanded, respected or broken is a
  topic, not the RETREAT of a truce that starts (the guidelines' CONCEDE vs RETREAT note).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rasd.errors import ConfigError
from rasd.events.cues import _set
from rasd.events.lexicon import TriggerMatch
from rasd.events.profiles import profile, profiles_of
from rasd.model import Token
from rasd.resources import Resources, checked, current

ENABLED = True  # off only to measure the rules
OFF: set[str] = set()  # reason names switched off (measurement only)

VAAD = "V:وعد/يعد"
BUSINESS_SPORTS = _set(
    "شركه شركات الشركه الشركات شركتين البورصه بورصه الاسهم اسهم المساهمين المساهمون الارباح ارباح "
    "استثمار باستثمار الاستثمار الاسواق المستثمرين نادي النادي الاندية اللاعب لاعب اللاعبين لاعبي "
    "الملاعب الملعب البطوله مباراه المباراه الرياضه الرياضي فنادق فندق "
    "الدوري مدرب المدرب فيفا الفيفا"
)
ADMIN_OBJECT = _set(
    "تعيين تعيينات تكليف ترشيح ترقيه ترقيات مشروع مشاريع قيد ترخيص تراخيص لائحه ميزانيه صرف منح "
    "استخدام استخدامه تفويض"
)
RANK = _set("مركز المركز المركزين المرتبه مرتبه الصداره صداره العناوين المقدمه المراتب منصب المنصب")
INSPECTED = _set(
    "عامل عاملا عمال العمال عماله مخالفه مخالفات مخالفين مخالفه مواد سلع بضائع اغذيه كتله نفقات "
    "اسعار الاسعار محلات"
)
LAW = _set("قانون قانونا قوانين القانون القوانين تشريع تشريعات لائحه نظام")
DISTANCE = _set("نحو حوالي قرابه ما")
LIFT = _set(
    "رفع برفع لرفع ورفع رفعت يرفع ترفع ترفعه ترفعها تخفيف بتخفيف لتخفيف خفف خففت يخفف تعليق بتعليق "
    "لتعليق علق علقت الغاء بالغاء لالغاء الغت يلغي تلغي استثناء الافلات"
)
NOT_COUNTERPART = _set(
    "متحف المتحف متاحف معرض المعرض معارض المعالم معالم مستشفي المستشفي مستشفيات المرضي مرضي مصنع المصنع "
    "مصانع وثائق طلبات طلب طائرات طائره زائر زوار الزوار الحجاج حجاج المعتمرين معتمرين المهنئين جموع "
    "اجواء سائح سياح السياح المصطافين مهرجان المهرجان الجناح جناح المطعم مطعم المساعدات مساعدات"
)
VISIT_WORDS = ("زار", "استقبل")
INQUIRY_NEXT = _set("في فيه فيها مع بشان حول ضد بحق")
EXPECT = _set("توقع يتوقع توقعت تتوقع يتوقعون توقعوا نتوقع اتوقع المتوقع متوقع")
IDENTITY = _set("هويته هويتها هويتهم هويتهما اسمه اسمها اسمائهم اسميهما")
DISASTER = _set(
    "العاصفه عاصفه الاعصار اعصار الحرائق حرائق حريق الحريق السيول سيول الفيضانات فيضانات الزلزال زلزال "
    "الامطار امطار الغبار"
)
TRUCE_ONSET = _set(
    "بدا بدات بدء ببدء يبدا تبدا سريان بسريان سرت يسري تسري سرى دخل دخلت يدخل تدخل حيز دخول بدخول "
    "صمدت صامده تطبيق اعلن اعلنت يعلن تعلن اعلان باعلان ابتداء اعتبارا"
)


def _word(e_words: tuple[str, ...], spec: str) -> bool:
    return spec in e_words


def out_of_scope(
    tokens: list[Token], bares: list[str], m: TriggerMatch, clause: tuple[int, int]
) -> str | None:
    """Why the trigger ``m`` is not a political event (a reason name), or None."""
    if not ENABLED:
        return None
    why = _why(tokens, bares, m, clause)
    return None if why in OFF else why


@dataclass(frozen=True)
class _Trigger:
    """What a scope rule reads of one trigger: its sentence's tokens and bare forms, the match, its
    clause, and the (bare form, token) of up to four words after it."""

    tokens: list[Token]
    bares: list[str]
    m: TriggerMatch
    clause: tuple[int, int]
    nxt: list[tuple[str, Token]]

    @property
    def head(self) -> int:
        return self.m.head

    @property
    def last(self) -> int:
        return self.m.tokens[-1]

    @property
    def w(self) -> str:
        return self.bares[self.m.head]


def _why(tokens: list[Token], bares: list[str], m: TriggerMatch, clause: tuple[int, int]) -> str | None:
    """The first reason among the scope rules of the trigger's type (data/events/types.tsv)."""
    names = profile(m.entry.type).scope
    if not names:
        return None
    last = m.tokens[-1]
    nxt = [(bares[k], tokens[k]) for k in range(last + 1, min(len(tokens), last + 5)) if tokens[k].kind != "punct"]
    t = _Trigger(tokens, bares, m, clause, nxt)
    for name in names:
        why = RULES[name](t)
        if why:
            return why
    return None


def _agree(t: _Trigger) -> str | None:
    e, w, nxt = t.m.entry, t.w, t.nxt
    if _word(e.words, VAAD) and (t.m.hits[0].imperfect or w.endswith("عدن") or w.startswith("اعد")):
        return "homograph"
    if t.m.hits[0].imperfect and "وافق" in e.words[0] and nxt and nxt[0][1].kind == "num":
        return "homograph"
    rest = [
        b
        for b, tok in zip(t.bares[t.last + 1 : t.clause[1]], t.tokens[t.last + 1 : t.clause[1]], strict=True)
        if tok.kind != "punct"
    ]
    on = next((i for i, b in enumerate(rest) if b in ("علي", "عليه", "عليها")), None)
    if on is not None and on + 1 < len(rest) and rest[on + 1] in ADMIN_OBJECT:
        return "administrative"
    return None


def _accuse_investigate(t: _Trigger) -> str | None:
    e, w, nxt = t.m.entry, t.w, t.nxt
    if e.mode != "investigate" or len(e.words) != 1:
        return None
    plain = w[1:] if w[:1] in "لب" and len(w) > 5 else w
    inquiry = bool(nxt) and nxt[0][0] in INQUIRY_NEXT
    if t.m.verbal:  # حققت النيابة العامة مع ...: a definite subject between; an indefinite object ends it
        for b, _ in nxt:
            if b in INQUIRY_NEXT:
                inquiry = True
                break
            if not b.startswith("ال"):
                break
    if (t.m.verbal or plain == "تحقيق") and not inquiry:
        return "homograph"  # حقق مفاجأة، تحقيق أرباح، لتحقيق الأمن: achieving
    return None


def _support_expect(t: _Trigger) -> str | None:
    return "homograph" if t.w in EXPECT else None  # توقع حدوث ...: expected


def _request_anonymity(t: _Trigger) -> str | None:
    return "anonymity" if any(b in IDENTITY for b, _ in t.nxt[:4]) else None


def _consult_visit(t: _Trigger) -> str | None:
    if any(v in t.m.entry.words[0] for v in VISIT_WORDS):
        around = t.bares[max(t.clause[0], t.head - 3) : min(t.clause[1], t.last + 9)]
        if any(b in NOT_COUNTERPART for b in around):
            return "not_a_meeting"
    return None


def _mobilize_disaster(t: _Trigger) -> str | None:
    return "disaster" if any(b in DISASTER for b in t.bares) else None


def _sanction_lifted(t: _Trigger) -> str | None:
    if t.m.verbal:
        return None
    before = [t.bares[k] for k in range(max(t.clause[0], t.head - 3), t.head) if t.tokens[k].kind != "punct"]
    return "lifted" if any(b in LIFT for b in before[-2:]) else None


def _retreat_truce(t: _Trigger) -> str | None:
    if t.m.entry.cameo != "0871" or t.m.verbal:
        return None
    window = t.bares[max(t.clause[0], t.head - 6) : min(t.clause[1], t.last + 6)]
    return None if any(b in TRUCE_ONSET for b in window) else "truce_topic"


def _business_sports(t: _Trigger) -> str | None:
    return "business_sports" if any(b in BUSINESS_SPORTS for b in t.bares) else None


def _coerce(t: _Trigger) -> str | None:
    e, w, nxt, m = t.m.entry, t.w, t.nxt, t.m
    if "احتل" in e.words[0] and any(b in RANK for b, _ in nxt):
        return "ranking"
    if "ضبط" in e.words[0] and nxt and (any(b in INSPECTED for b, _ in nxt) or nxt[0][1].kind == "num"):
        return "inspection"
    if "ابعد" in e.words[0] and (
        w == "ابعد" and nxt and nxt[0][0] == "ما" or m.hits[0].imperfect and nxt and nxt[0][0] in DISTANCE
    ):
        return "homograph"
    if m.hits[0].imperfect and t.head > 0 and t.bares[t.head - 1] in LAW:
        return "law_content"
    return None


# The scope rules by the name types.tsv gives them; each returns a reason name or None.
RULES: dict[str, Callable[[_Trigger], str | None]] = {
    "agree": _agree,
    "accuse_investigate": _accuse_investigate,
    "support_expect": _support_expect,
    "request_anonymity": _request_anonymity,
    "consult_visit": _consult_visit,
    "mobilize_disaster": _mobilize_disaster,
    "sanction_lifted": _sanction_lifted,
    "retreat_truce": _retreat_truce,
    "business_sports": _business_sports,
    "coerce": _coerce,
}


def check_profiles() -> None:
    """Every scope rule a type profile names exists (a ConfigError naming the type otherwise)."""
    current().get(scope_rules_of)


@checked
def scope_rules_of(res: Resources) -> bool:
    """The check of ``Resources``: every scope rule the settings' type profiles name exists."""
    for p in res.get(profiles_of).values():
        unknown = [r for r in p.scope if r not in RULES]
        if unknown:
            raise ConfigError(f"types.tsv: type {p.type} names unknown scope rule(s) {unknown}; known: {sorted(RULES)}")
