"""Words around a trigger that change what it means: negation, intent, requests, conditionals,
questions, reported speech, background and clause boundaries.

All word lists are normalized (``normalize_word``: hamza on alef folded, ى→ي, ة→ه) and matched
after stripping a leading و/ف, so ``ولم`` is ``لم`` and ``فيما`` stays ``فيما``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from rasd.limits import WORD_MEMO
from rasd.model import Token
from rasd.text.normalize import normalize_word

if TYPE_CHECKING:
    from rasd.events.lexicon import Lexicon


def _set(words: str) -> frozenset[str]:
    return frozenset(normalize_word(w) for w in words.split())


NEGATORS = _set("لم لن لا ما ليس ليست ليسوا لما")  # right before a verb
NOUN_NEGATORS = _set("عدم دون بدون بلا لا غياب")  # right before a verbal noun
DENIALS = _set("نفى نفت نفوا ينفي تنفي نفي ونفى ونفت انكر انكرت ينكر انكار انكرت انكروا")
INTENT = _set(
    "سوف يعتزم تعتزم يعتزمون اعتزام ينوي تنوي ينوون نيه يخطط تخطط يخططون خطط يستعد تستعد يستعدون "
    "عزم عزمت يعتزمان المقرر المتوقع المنتظر يتوقع توقع يرتقب يامل تامل يريد تريد "
    "يرغب ترغب يسعي تسعي يسعون سعي وعد وعدت تعهد تعهدت يتعهد "
    "للقيام لتنفيذ لشن للتخطيط التخطيط بهدف لاستهداف ينويان "
    "ستبدا سيبدا ستعقد سيعقد ستجري سيجري ستستانف سيستانف ستنطلق سينطلق تاجلت تاجل تاجيل ارجاء"
)
PREVENT = _set(
    "منع يمنع تمنع لمنع منعت احبط احبطت يحبط احباط لاحباط التصدي للتصدي ردع لردع افشال "
    "مكافحه لمكافحه محاربه لمحاربه مواجهه لمواجهه وقف لوقف ايقاف لايقاف انهاء لانهاء"
)
# a purpose clause: what follows is what the actors aim at, not a party to their act
PURPOSE = _set("لمواجهه لمكافحه لمحاربه للتصدي لصد لمنع لردع لاحباط بهدف اجل لحمايه لضمان لتعزيز لدعم")
AFTER_INTENT = _set("المرتقب المرتقبه المقبل المقبله المزمع المزمعه المرتقبين القادم القادمه")
HYPOTHETICAL = _set(
    "اذا لو لولا حال حاله يمكن يمكنه ربما احتمال احتمالات محتمل محتمله امكانيه امكان خشيه مخاوف "
    "مخاوفه تخوف تخوفا يخشي تخشي يخشون خطر خطورة لئلا كي لكي شان شانه شانها شانهم يجب ينبغي"
)
QUESTION_WORDS = _set("هل ماذا لماذا كيف متي اين ايه اي")
SPEECH = _set(
    "قال قالت قالوا يقول تقول اعلن اعلنت يعلن تعلن اكد اكدت يوكد يؤكد توكد تؤكد افاد افادت يفيد تفيد "
    "ذكر ذكرت يذكر تذكر اوضح اوضحت يوضح توضح اشار اشارت يشير تشير اضاف اضافت يضيف تضيف صرح صرحت "
    "نقل نقلت كشف كشفت يكشف زعم زعمت يزعم اعتبر اعتبرت يعتبر راي رات يري اعلنوا افادوا ذكروا اكدوا "
    "شدد شددت يشدد لفت لفتت تابع تابعت يتابع ابلغ ابلغت بين بينت اقر اقرت اعترف اعترفت نفي "
    "حسب بحسب وفق وفقا نقلا طبقا"
)
COMPLEMENTIZERS = _set("ان انه انها انهم انهما بان بانه بانها")
BACKGROUND = _set("يشار يذكر تجدر سبق سبقه سبقت سابق سابقا منذ")
PLUPERFECT = _set("كان كانت كانوا")
CLAUSE_WORDS = _set("فيما بينما حيث كما لكن لكنه لكنها حين عندما بعدما الذي التي الذين")
PREPS = _set("مع علي ضد الي في من عن لدي نحو بين تجاه بحق حيال")
# words after which a bare past form (قتل، حظر، طلب) reads as a verbal noun, not a verb
NOUN_CONTEXT = PREPS | _set("بعد قبل خلال اثناء عقب حول بشان ضمن منذ عدم اجل بسبب جراء اثر")
FUNCTION = _set(
    "و ف ثم قد لقد كما حيث حين عندما بعدما لما ان انه انها انهم بانه وان فان كان كانت كانوا الذي التي "
    "الذين اذ اذا لو لم لن لا ما اليوم امس اول وقد فقد بل لكن لكنه كذلك ايضا ذلك جانبه جانبها جهته "
    "جهتها بدوره بدورها ناحيته ناحيتها فيما بينما حينها عندها هل متي اين لماذا كيف"
)
TIME_WORDS = _set(
    "امس اليوم غدا مساء صباح فجر ظهر ليل ليله الليله يوم الاسبوع الشهر العام السنه الاثنين الثلاثاء "
    "الاربعاء الخميس الجمعه السبت الاحد الماضي الجاري الحالي اول قبل بعد خلال منذ"
)
PUNCT_BOUNDARY = frozenset('،,؛;.:!؟?()«»"')


def bare(token: Token) -> str:
    """Normalized token with a leading و/ف stripped (when what remains is still a word)."""
    return _bare(token.norm)


@lru_cache(maxsize=WORD_MEMO)
def _bare(n: str) -> str:
    if n in _WHOLE or n in CLAUSE_WORDS or n in FUNCTION or n in PREPS:
        return n  # فيما، فقد، وفق are words of their own
    if len(n) > 2 and n[0] in "وف" and n[1:] not in ("ي", "ا"):
        return n[1:]
    return n


_WHOLE = _set("فيما فقط فوق فور فان وفق وفقا وراء وسط وضع")


def noun_reading(tokens: list[Token], i: int) -> bool:
    """A bare past form read as a verbal noun: after a preposition or in a construct after a noun
    (``أوامر اعتقال``، ``فرض حظر``، ``طالب جامعي``); a verb opens its clause or follows a particle."""
    if i == 0 or is_boundary(tokens[i - 1]):
        return False
    prev = tokens[i - 1]
    if prev.kind != "word":
        return prev.kind == "num"
    if prev.norm.lstrip("وفبل").startswith("ال") or prev.norm.startswith("لل"):
        return False  # a definite noun is not the first term of a construct: الجثث تظاهر أهالي القرية
    return bare(prev) not in FUNCTION


def is_boundary(token: Token, bare_form: str | None = None) -> bool:
    """Clause punctuation or a clause word (فيما، حيث، الذي ...); ``bare_form`` if already known."""
    if token.kind == "punct":
        return token.text in PUNCT_BOUNDARY or token.text in "-–—"
    return (bare_form if bare_form is not None else bare(token)) in CLAUSE_WORDS


def clause_of(tokens: list[Token], i: int) -> tuple[int, int]:
    """Token range [a, b) of the clause holding token ``i``, between boundary tokens."""
    a = i
    while a > 0 and not is_boundary(tokens[a - 1]):
        a -= 1
    b = i + 1
    while b < len(tokens) and not is_boundary(tokens[b]):
        b += 1
    return a, b


def negated(tokens: list[Token], head: int, verbal: bool, clause_start: int) -> bool:
    """Is the trigger at ``head`` negated: لم يهاجم، لن يزور، عدم الانسحاب، نفى أن ..."""
    prev = [bare(tokens[k]) for k in range(max(clause_start, head - 2), head)]
    if (
        verbal
        and prev
        and (prev[-1] in NEGATORS or (len(prev) > 1 and prev[-2] in NEGATORS and prev[-1] == "قد"))
    ):
        return True
    if not verbal and prev and prev[-1] in NOUN_NEGATORS | NEGATORS:
        return True
    if not verbal and len(prev) > 1 and prev[-2] in ("من",) and prev[-1] == "دون":
        return True
    # X denied that Y attacked: a denial verb before the trigger with a complementizer between them
    for k in range(head - 1, -1, -1):
        w = bare(tokens[k])
        if w in DENIALS:
            return any(bare(tokens[j]) in COMPLEMENTIZERS for j in range(k + 1, head))
    return False


def prevented(tokens: list[Token], head: int, clause_start: int) -> bool:
    """The act was stopped or is being fought: أحبط هجوما، منع الجماعات من تهديد، مكافحة الإرهاب."""
    window = [bare(tokens[k]) for k in range(max(clause_start, head - 4), head)]
    if any(w in PREVENT for w in window):
        return True
    return any(a == "حال" and b == "دون" for a, b in zip(window, window[1:], strict=False))  # حال دون


def modality(
    tokens: list[Token], head: int, last: int, clause_start: int, future: bool, imperfect: bool = False
) -> str | None:
    """intent (سيزور، يعتزم، المرتقبة), hypothetical (إذا، لو، في حال، قد يهاجم، مخاوف من) or None.

    ``قد`` before an imperfect is "may" (hypothetical); before a past tense it is "has" (asserted).
    """
    if future:
        return "intent"
    if imperfect and head > 0 and bare(tokens[head - 1]) == "قد":
        return "hypothetical"
    window = [bare(tokens[k]) for k in range(max(clause_start, head - 10), head)]
    after = [bare(tokens[k]) for k in range(last + 1, min(len(tokens), last + 3))]
    if any(w in AFTER_INTENT for w in after):
        return "intent"
    for w in reversed(window):
        if w in HYPOTHETICAL:
            return "hypothetical"
        if w in INTENT or w.startswith("سي") and len(w) > 4 and w[2:] in INTENT:
            return "intent"
    if "حال" in window and "في" in window:
        return "hypothetical"
    return None


EXPERIENCE = _set("تعرض تعرضت تعرضوا يتعرض تتعرض يتعرضون خضع خضعت يخضع تخضع اخضاع")
PRICE = _set("مقابل بمقابل شرط بشرط")


def purpose(lex: Lexicon, tokens: list[Token], head: int) -> str | None:
    """A verbal noun as an aim (لإطلاق سراحه، للإفراج عن: "in order to") → ``intent``, or as the price of
    a deal (مقابل الإفراج عن) → ``hypothetical``; ``تعرض لـ``/``خضع لـ`` (underwent) is no aim."""
    prev = bare(tokens[head - 1]) if head > 0 and tokens[head - 1].kind == "word" else ""
    if prev in PRICE:
        return "hypothetical"
    if any(bare(tokens[k]) in EXPERIENCE for k in range(max(0, head - 4), head)):
        return None  # تعرض الصحفيون لاعتقال: underwent it
    w = tokens[head].text
    if len(w) > 4 and w[0] in "وف":
        w = w[1:]
    if w.startswith("لل") and len(w) > 4:
        rest = "ال" + w[2:]
    elif w.startswith("ل") and len(w) > 4:
        rest = w[1:]
    else:
        return None
    return "intent" if any(h.kind == "N" for h in lex.surface_hits(rest)) else None


def is_question(tokens: list[Token]) -> bool:
    """A question mark outside quotes (a quoted chant or remark may ask one), or a question word first."""
    depth = 0
    for t in tokens:
        if t.text in ("«", "“"):
            depth += 1
        elif t.text in ("»", "”"):
            depth = max(0, depth - 1)
        elif t.text in ("؟", "?") and depth == 0:
            return True
    words = [t for t in tokens if t.kind != "punct"]
    return bool(words) and bare(words[0]) in QUESTION_WORDS


def speech_before(tokens: list[Token], head: int) -> tuple[int, int] | None:
    """(speech verb index, complementizer index) of reported speech governing ``head``, if any.

    ``قال مصدر أمني إن مسلحين هاجموا`` → the speaker lies between the two indexes, the event after.
    """
    comp = None
    for k in range(head - 1, -1, -1):
        w = bare(tokens[k])
        if comp is None and (w in COMPLEMENTIZERS or tokens[k].text in ("«", '"', ":")):
            comp = k
        if w in SPEECH:
            if comp is None and w not in ("حسب", "بحسب", "وفق", "وفقا", "نقلا", "طبقا"):
                continue
            return k, comp if comp is not None else k
    return None


def background(tokens: list[Token], head: int, clause_start: int) -> bool:
    """History mentioned as context: يشار إلى أن، وكان ... قد، سبق أن، بعد أسابيع من انسحاب ..."""
    sent = [bare(t) for t in tokens[:head]]
    if sent and sent[0] in BACKGROUND:
        return True
    window = [bare(tokens[k]) for k in range(max(0, clause_start), head)]
    if any(w in PLUPERFECT for w in window) and "قد" in window:
        return True
    if any(w in ("سبق", "سبقه", "سبقت") for w in window):
        return True
    # "ويأتي هذا الاجتماع بعد ثلاثة أسابيع من انسحاب ..." : an event named after بعد/قبل ... من
    if (
        head >= 2
        and bare(tokens[head - 1]) in ("من",)
        and any(w in ("بعد", "قبل", "منذ") for w in window[-6:])
    ):
        return True
    return False


def anaphoric(tokens: list[Token], head: int) -> bool:
    """``هذا الاجتماع``, ``تلك الزيارة``: an event already told, named again."""
    return head > 0 and bare(tokens[head - 1]) in ("هذا", "هذه", "ذلك", "تلك", "هذان", "هاتان")
