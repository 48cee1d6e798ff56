"""Who did it to whom, and where: source, target and location of a trigger.

With entities (``Document.entities`` filled by the entities step) the arguments are entity
mentions picked by simple Arabic argument patterns: the subject right after a VSO verb or the
nearest actor before an SVO one, ``مع X`` for a CONSULT partner, ``على/ضد X`` or the object for
ASSAULT/COERCE, ``لـ X`` for a SUPPORT/AID recipient, the genitive after a verbal noun
(``مساندة تركيا``). Where the entities step did not run, a short noun chunk of the text stands in
for the actor (a word-order guess); after it, an actor is a named mention or a group noun only.

Generic actors (``generic_mentions``): group nouns of the actor knowledge base's role words
(مسلحون، الجنود، الشرطة، المتظاهرون، عشرة أشخاص) with the sector the noun fixes and the country of a
demonym after it. They fill a side (source or target) that no entity mention fills.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from rasd.actors import code as actor_code
from rasd.events.cues import PREPS, PURPOSE, TIME_WORDS, bare, is_boundary
from rasd.events.profiles import NEXT_MENTION, profile
from rasd.model import Actor, Document, Entity, Token
from rasd.text.normalize import normalize_word
from rasd.text.tokenize import light_stem

PLACE_KINDS = frozenset(
    {"city", "region", "province", "town", "village", "place", "site", "district", "area"}
)
ACTOR_KINDS = frozenset({"country", "state"})
ARG_PREPS = PREPS | frozenset(
    {"امام", "حتي"}
)  # prepositions that name an argument (أمام السفارة، حتى السفارة)
STOP = (
    PREPS | TIME_WORDS | frozenset({"و", "او", "ثم", "قد", "كان", "كانت", "الذي", "التي", "ان", "انه", "ما"})
)


@dataclass(frozen=True)
class Generic:
    """What a group noun tells about its actor: sector, country (a demonym after it), grammatical case."""

    sector: str | None
    country: str | None
    case: str | None  # "acc": accusative/genitive form or counted (قتل 15 شخصا); "nom"; None: unmarked
    counted: bool = False  # a cardinal number before it (عشرة أشخاص)
    office: bool = False  # a title (السفير، رئيس الوزراء): a person's name may follow it


@dataclass
class ArgMention:
    """One mention usable as an argument: token range, original span, the entity (or None)."""

    first: int
    last: int
    start: int
    end: int
    entity: Entity | None
    text: str
    generic: Generic | None = None

    @property
    def is_place(self) -> bool:
        e = self.entity
        if e is None or not e.is_place:
            return False
        return (e.kind or "") not in ACTOR_KINDS

    def actor(self) -> Actor:
        e = self.entity
        if e is None and self.generic is not None:
            g = self.generic
            return Actor(
                entity=None,
                name=self.text,
                code=actor_code(g.country, g.sector),
                country=g.country,
                sector=g.sector,
                start=self.start,
                end=self.end,
            )
        if e is None:
            return Actor(entity=None, name=self.text, start=self.start, end=self.end)
        return Actor(
            entity=e.id,
            name=e.name,
            code=e.code,
            country=e.country,
            sector=e.sector,
            start=self.start,
            end=self.end,
            basis=e.actor.basis if e.actor else None,
        )


MentionIndex = list[tuple[int, int, int, Entity]]


def mention_index(doc: Document) -> MentionIndex:
    """Every entity mention of ``doc`` as ``(start, end, rank, entity)`` in text order (rank: its place
    in entity order). Built once per document by the events step, so that finding a sentence's
    mentions is a lookup and coding a document costs time linear in its length."""
    mentions = ((m.start, m.end, e) for e in doc.entities for m in e.mentions)
    return sorted(((a, b, k, e) for k, (a, b, e) in enumerate(mentions)), key=lambda x: x[:3])


def sentence_mentions(index: MentionIndex, text: str, tokens: list[Token], start: int, end: int) -> list[ArgMention]:
    """Entity mentions inside ``[start, end)`` of ``text`` (from :func:`mention_index`) mapped onto
    token indexes."""
    ranked: list[tuple[int, ArgMention]] = []
    tok_starts = [t.start for t in tokens]
    for k in range(bisect_left(index, (start,)), len(index)):
        m_start, m_end, rank, e = index[k]
        if m_start >= end:
            break
        if m_end > end:
            continue
        # tokens overlapping the mention: from the last one starting before its end, back while they reach into it
        last = bisect_left(tok_starts, m_end) - 1
        first = last
        while first >= 0 and tokens[first].end > m_start:
            first -= 1
        if first < last:
            ranked.append((rank, ArgMention(first + 1, last, m_start, m_end, e, text[m_start:m_end])))
    ranked.sort(key=lambda r: r[0])  # entity order, then the longest first at each token
    out = sorted((a for _r, a in ranked), key=lambda a: (a.first, -(a.last - a.first)))
    dedup: list[ArgMention] = []
    for a in out:  # nested mentions: keep the longest
        if dedup and a.first <= dedup[-1].last:
            continue
        dedup.append(a)
    return dedup


NUMBER_WORDS = frozenset(
    normalize_word(w)
    for w in (
        "واحد اثنان اثنين اثنتان اثنتين ثلاثة ثلاث أربعة أربع خمسة خمس ستة ست سبعة سبع ثمانية ثماني ثمان تسعة"
        " تسع عشرة عشر أحد إحدى عشرون عشرين ثلاثون ثلاثين أربعون أربعين خمسون خمسين ستون ستين سبعون سبعين"
        " ثمانون ثمانين تسعون تسعين مئة مائة مئتين مئتي ألف ألفين"
    ).split()
)
# Role words of the knowledge base that in running text name a topic, an institution or a place more
# often than an acting group (الأمن "security", النظام "system", المستشفى): not generic actors.
NOT_GENERIC = frozenset(
    normalize_word(w)
    for w in (
        "الأمن أمن النظام نظام الدولة دولة السلطة سلطة الإدارة إدارة الشعب شعب الجمهور القناة قناة التلفزيون"
        " الصحافة المستشفى مستشفى المستشفيات الجامعة جامعة الجامعات المدارس الكنيسة الأزهر البنك المصرف"
        " الوزارة وزارة السفارة سفارة القنصلية الحزب حزب البحرية شركة الشركة المحكمة محكمة القضاء"
        " أمام"  # = إمام once hamza is folded; in news nearly always "in front of"
    ).split()
)
# Words before a group noun that make it a place or a part of something, not an actor.
PLACE_BEFORE = frozenset(
    normalize_word(w) for w in "في داخل قرب أمام امام نحو عند مقر مبنى سيارة سيارات حافلة مركز دورية".split()
)

# Nouns an adjective such as انتحاري or مسلح describes (هجوم انتحاري، عملية انتحارية، هجوم مسلح): after
# them the word is an adjective of the act, not the group that did it.
ACT_BEFORE = frozenset(
    normalize_word(w)
    for w in (
        "هجوم الهجوم هجمات الهجمات تفجير التفجير تفجيرات التفجيرات عملية العملية عمليات العمليات اعتداء"
        " الاعتداء اعتداءات هجوما تفجيرا حزام حزاما الحزام سطو السطو اشتباك اشتباكات الاشتباكات"
    ).split()
)

QUANTITY_BEFORE = frozenset(
    normalize_word(w) for w in "عشرات مئات آلاف الاف الآلاف المئات العشرات من".split()
)


def _case(norm: str, counted: bool, prev: str | None = None) -> str | None:
    """Grammatical case a group noun shows: ـين/ـا (or a count before it) accusative/genitive, ـون
    nominative; after مئات/آلاف (من) the ـين is a genitive that says nothing of the noun's role."""
    if prev in QUANTITY_BEFORE:
        return None
    if counted or norm.endswith("ين") or (norm.endswith("ا") and not norm.endswith("يا") and len(norm) > 3):
        return "acc"
    if norm.endswith("يا") and len(norm) > 4:
        return "acc"  # جنديا، أميركيا
    if norm.endswith("ون"):
        return "nom"
    return None


def generic_mentions(
    tokens: list[Token], text: str, taken: list[ArgMention] | None = None
) -> list[ArgMention]:
    """Group nouns usable as arguments (مسلحون، عشرة أشخاص، جنود أميركيين، والشرطة), outside ``taken``.

    The noun and its sector come from the actor knowledge base's role words (users extend them in
    ``roles.yaml``); a cardinal number right before the noun and a demonym right after it belong to
    the span, and the demonym gives the country. A clitic (و، ف، ب، ل، لل) is left out of the span,
    as for entity mentions, so ``_prep_before`` still reads it.
    """
    from rasd.actors import get_kb

    kb = get_kb()
    busy = {i for m in taken or () for i in range(m.first, m.last + 1)}
    # a one-word mention that is only a demonym (الافغاني، عراقيا) can still be the adjective of a group
    # noun before it: جنديا عراقيا، القنصل الافغاني are one actor (IRQMIL, AFGGOV), not two
    adjectives = {m.first for m in taken or () if m.first == m.last and _demonym(tokens[m.first].norm)}
    out: list[ArgMention] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.kind != "word" or i in busy:
            i += 1
            continue
        window = []
        for t in tokens[i : i + kb.max_role]:
            if t.kind != "word":
                break
            window.append(t.text)
        hit = kb.role_at(window) if window else None
        if hit is None:
            i += 1
            continue
        size, rw, cut = hit
        last = i + size - 1
        if any(k in busy for k in range(i, last + 1)) or (size == 1 and bare(tok) in NOT_GENERIC):
            i = last + 1
            continue
        prev = tokens[i - 1] if i > 0 else None
        if prev is not None and prev.kind == "word" and bare(prev) in PLACE_BEFORE | ACT_BEFORE:
            i = last + 1
            continue
        first = i
        counted = False
        if prev is not None and (prev.kind == "num" or (prev.kind == "word" and prev.norm in NUMBER_WORDS)):
            if i - 1 not in busy:
                first, counted = i - 1, True
        country = None
        nxt = last + 1
        if (
            nxt < n
            and tokens[nxt].kind == "word"
            and (nxt not in busy or nxt in adjectives)
            and not tokens[nxt].norm.startswith("و")
        ):
            country = _demonym(tokens[nxt].norm)
            if country is not None:
                last = nxt
        start = tokens[first].start if first < i else tok.start + cut
        before = bare(prev) if prev is not None and prev.kind == "word" else None
        g = Generic(
            rw.sector,
            country,
            _case(tokens[i + size - 1].norm, counted, before),
            counted,
            rw.office is not None,
        )
        out.append(ArgMention(first, last, start, tokens[last].end, None, text[start : tokens[last].end], g))
        i = last + 1
    return out


def _demonym(word: str) -> str | None:
    """The country of a demonym adjective in any form (العراقية، عراقيا، الأفغان), else None."""
    from rasd.actors import get_kb

    find = get_kb().country_from_adjective
    return find(word) or (find(word[:-1]) if word.endswith("يا") else None)


def _demonym_word(norm: str) -> bool:
    """بريطاني، ليبيون: a demonym whose first letter is its own, not a clitic ب/ل."""
    return _demonym(norm) is not None and _demonym(norm[1:]) is None


def argument_pool(
    tokens: list[Token], mentions: list[ArgMention], generics: list[ArgMention]
) -> list[ArgMention]:
    """Entity mentions and group nouns as one pool of candidate arguments, in text order.

    A group noun right before a person's name (an adjective between; for an office, a prepositional
    phrase too) is that person's title (السفير الأميركي ماثيو تولر,
    رئيس الوزراء العراقي مصطفى الكاظمي): the person is the actor, so the title goes. A demonym mention
    that a group noun took in (جنديا [عراقيا]) is part of that actor, so the mention goes.
    """
    persons = {m.first for m in mentions if m.entity is not None and m.entity.type == "PER"}

    def titles_a_person(g: ArgMention) -> bool:
        """السفير التركي الجديد علي رضا كوناي: an adjective between; a title (an office) may also have a
        prepositional phrase between (السفير التركي الجديد لدى العراق علي رضا كوناي)."""
        office = g.generic is not None and g.generic.office
        for k in range(g.last + 1, min(g.last + (7 if office else 3), len(tokens))):
            if k in persons:
                return True
            t = tokens[k]
            if (
                t.kind != "word"
                or t.norm.startswith("و")
                or (bare(t) in STOP and not (office and bare(t) in PREPS))
            ):
                return False
        return False

    kept = [g for g in generics if not titles_a_person(g)]
    named = [m for m in mentions if not any(g.first <= m.first and m.last <= g.last for g in kept)]
    return sorted(named + kept, key=lambda x: x.first)


def _prep_before(tokens: list[Token], text: str, a: ArgMention) -> str | None:
    """The preposition governing a mention: a separate word (مع، على ...) or a clitic (لـ، بـ)."""
    word = tokens[a.first]
    lead = text[word.start : a.start] if word.start < a.start else ""
    if lead and lead[-1] in "لب":
        return lead[-1]
    if a.start == word.start and word.norm[:1] in "لب" and a.entity is not None:
        ent = a.entity.name
        if ent and not ent.startswith(word.text[:1]) and not _demonym_word(word.norm):
            return word.norm[0]
    k = a.first - 1
    while k >= 0 and tokens[k].kind == "word" and bare(tokens[k]) in ("السفير", "الرئيس", "رئيس", "وزير"):
        k -= 1
    if k == a.first - 1 and k > 0 and _adjective_mention(tokens, a) and bare(tokens[k]) not in STOP:
        k -= 1  # أمام القنصلية [اليونانية]: the preposition governs the noun the demonym describes
    if k >= 0 and tokens[k].kind == "word" and bare(tokens[k]) in ARG_PREPS:
        if bare(tokens[k]) in ("نحو", "حوالي") and tokens[a.first].kind == "num":
            return None  # نحو 15 شخصا: "about", not "towards"
        return bare(tokens[k])
    if k >= 0 and tokens[k].kind == "word" and tokens[k].norm[:1] == "ل" and len(tokens[k].norm) > 3:
        return "ل_np"  # لجهود العراق: the recipient is the genitive of a ل-noun
    return None


@dataclass
class Arguments:
    source: list[ArgMention]
    target: list[ArgMention]
    location: ArgMention | None


def pick(
    doc: Document,
    tokens: list[Token],
    mentions: list[ArgMention],
    ptype: str,
    trigger: list[int],
    verbal: bool,
    clause: tuple[int, int],
    dateline_place: str | None = None,
) -> Arguments:
    """Source, target and location of the trigger spelled by tokens ``trigger`` in ``clause``.

    In a phrase trigger (``أكد السفير تولر دعم``) the words between the trigger's words are the
    subject, so mentions there are arguments too.
    """
    a, b = clause
    head, last = trigger[0], trigger[-1]
    prof = profile(ptype)
    crowd = "crowd" in prof.flags  # no object: a group noun right after the trigger takes part
    own = set(trigger)
    inside = [
        m for m in mentions if m.first >= a and m.last < b and not own & set(range(m.first, m.last + 1))
    ]
    text = doc.text
    location, actors = _location_and_actors(tokens, text, inside, head, dateline_place)
    purpose = next((k for k in range(last + 1, b) if bare(tokens[k]) in PURPOSE), b)
    actors = [(m, p) for m, p in actors if not last < m.first > purpose]  # لمواجهة خطر داعش: not a party
    within = [m for m, p in actors if head < m.first and m.last < last and p is None]
    after = [(m, p) for m, p in actors if m.first > last]
    before = [(m, p) for m, p in actors if m.last < head]

    target: list[ArgMention] = []
    free_after = [m for m, p in after if p is None]
    pool = [m for m, _ in actors]

    # a counted group noun before the verb is the subject of a passive (ان 15 شخصا قتلوا), not its agent;
    # the ـين/ـا of a noun before the verb is only the case إن/أن gives it (ان انتحاريا فجر نفسه)
    victims = [m for m, _ in before if m.generic is not None and m.generic.counted]
    if not verbal:  # قتل جنديا عراقيا في هجوم: an accusative group noun before a noun trigger is a victim
        victims += [
            m for m, _ in before
            if m not in victims and _object(m) and not (m.first > 0 and bare(tokens[m.first - 1]) in ("ان", "انه"))
        ]  # fmt: skip
    before = [(m, p) for m, p in before if m not in victims]
    source = _source(tokens, trigger, verbal, crowd, before, within, free_after, pool, b)
    if not source and crowd:  # متظاهرون فلسطينيون خرجوا: the crowd word is trigger and actor
        source = [m for m in mentions if m.generic is not None and own & set(range(m.first, m.last + 1))][:1]
    if source and before and source[0] is before[-1][0]:
        source = _coordinated(tokens, [m for m, _ in before], source[0])
    free_after = [m for m in free_after if m not in source]

    def first_with(preps: tuple[str, ...]) -> ArgMention | None:
        return next((m for m, p in after if p in preps and m not in source), None)

    nxt = free_after[0] if free_after else None
    # where the type's target is looked for (data/events/types.tsv): preposition groups in order, "*"
    # the next free mention; a crowd's target only by preposition (never a bare object)
    groups = prof.target
    if "symmetric" in prof.flags and len(source) > 1:
        groups = groups[:1]  # تركيا والعراق يتعاونان: reciprocal, both are the actor (PLOVER)
    t = None
    for group in groups:
        t = nxt if group == NEXT_MENTION else first_with(group)
        if t is not None:
            break
    if t is None and victims and not crowd:  # 200 شخص تظاهروا: a counted crowd is the protest's actor
        t = victims[-1]
    if t is not None:
        t = _refine(t, pool)
        if t not in source:
            target = [t]
    taken = {k for m in pool for k in range(m.first, m.last + 1)} | own
    source = [_with_head(tokens, text, m, taken) for m in source]
    target = [_with_head(tokens, text, m, taken) for m in target]
    return Arguments(source, target, location)


def _location_and_actors(
    tokens: list[Token], text: str, inside: list[ArgMention], head: int, dateline_place: str | None
) -> tuple[ArgMention | None, list[tuple[ArgMention, str | None]]]:
    """The event's place (the nearest place mention that is not the reporting place or the dateline's)
    and the other mentions with the preposition that governs each."""
    location = None
    actors: list[tuple[ArgMention, str | None]] = []
    for m in inside:
        prep = _prep_before(tokens, text, m)
        if m.is_place or (prep == "في" and m.entity is not None and m.entity.is_place):
            reporting = bool(m.entity.geo and m.entity.geo.reporting) if m.entity else False
            if not reporting and (
                dateline_place is None or m.entity is None or m.entity.name != dateline_place
            ):
                if location is None or abs(m.first - head) < abs(location.first - head):
                    location = m
            continue
        actors.append((m, prep))
    return location, actors


def _refine(m: ArgMention, pool: list[ArgMention]) -> ArgMention:
    """``رئيس الوزراء العراقي مصطفى الكاظمي``: the person, not the country of the adjective."""
    if m.entity is None or (m.entity.kind or "") not in ACTOR_KINDS:
        return m
    for n in pool:
        if n.first > m.last and n.first - m.last <= 6 and n.entity is not None and n.entity.type == "PER":
            return n
        if n.first - m.last > 6:
            break
    return m


def _source(
    tokens: list[Token],
    trigger: list[int],
    verbal: bool,
    crowd: bool,
    before: list[tuple[ArgMention, str | None]],
    within: list[ArgMention],
    free_after: list[ArgMention],
    pool: list[ArgMention],
    end: int,
) -> list[ArgMention]:
    """The source by the first rule that applies (a mention taken from ``free_after`` is removed)."""
    head, last = trigger[0], trigger[-1]
    agent = _agent(tokens, pool, last, end)
    if agent is not None:
        return [agent]  # هجوم شنه مسلحون، قتل على يد الشرطة، من قبل الجيش: the agent is named
    if within:
        return [_refine(within[0], pool)]  # أكد السفير تولر دعم ...
    if verbal and before and before[-1][1] is None and before[-1][0].last == head - 1:
        return [before[-1][0]]  # SVO with the subject right before the verb: الكاظمي يبحث ...
    near = free_after[0] if free_after else None
    if verbal and len(trigger) == 1 and near and near.first - last <= 4 and not _object(near):
        return [_refine(free_after.pop(0), pool)]  # VSO: بحث رئيس الوزراء ...
    if (
        not verbal
        and near
        and near.first - last == 1
        and not _object(near)
        and light_stem(tokens[last].text) not in PATIENT_NOUNS
    ):
        return [free_after.pop(0)]  # the genitive agent: مساندة تركيا، هجوم المسلحين
    if crowd and near and near.first - last <= 4 and _crowd(tokens, near):
        return [free_after.pop(0)]  # تجمع مئات المتظاهرين: the crowd after a protest word is its actor
    if before:
        return [before[-1][0]]  # SVO: إردوغان يؤكد ...
    return []


def _adjective_mention(tokens: list[Token], m: ArgMention) -> bool:
    """A one-word mention that is a demonym, not the country's name: اليونانية، الأميركي، عراقيا."""
    e = m.entity
    if e is None or m.first != m.last or normalize_word(e.name) == tokens[m.first].norm:
        return False
    return _demonym(tokens[m.first].norm) is not None


def _with_head(tokens: list[Token], text: str, m: ArgMention, taken: set[int]) -> ArgMention:
    """A demonym standing for its noun (الجانب [التركي]، موظف [بريطاني]): the argument's span takes the
    noun in, so the evidence names the actor as the text does; the code stays the country's."""
    if m.first == 0 or m.first - 1 in taken or not _adjective_mention(tokens, m):
        return m
    prev = tokens[m.first - 1]
    if prev.kind != "word" or bare(prev) in STOP or bare(prev) != prev.norm:
        return m  # no plain noun before the adjective
    return ArgMention(m.first - 1, m.last, prev.start, m.end, m.entity, text[prev.start : m.end], m.generic)


AGENT_VERBS = frozenset(
    normalize_word(w)
    for w in "شنه شنها شنته شنتها نفذه نفذها نفذته نفذتها تبناه تبنته تبنتها تبناها ارتكبه ارتكبها ارتكبته".split()
)


def _agent(tokens: list[Token], pool: list[ArgMention], last: int, end: int) -> ArgMention | None:
    """The actor an agent phrase after the trigger names: هجوم شنه مسلحون، على يد الشرطة، من قبل الجيش."""
    for k in range(last + 1, min(end, last + 12)):
        w = bare(tokens[k])
        cue = w in AGENT_VERBS or (
            k > 0
            and ((w == "يد" and bare(tokens[k - 1]) == "علي") or (w == "قبل" and bare(tokens[k - 1]) == "من"))
        )
        if cue:
            return next((m for m in pool if k < m.first <= k + 3), None)
    return None


# Verbal nouns whose genitive is what was done to (مقتل 43 مدنيا، اغتيال الرئيس، اعتقال الناشط): the target.
PATIENT_NOUNS = frozenset(
    light_stem(w)
    for w in "مقتل اغتيال اعتقال اختطاف خطف اعدام احتجاز ترحيل تعذيب اغتصاب توقيف سجن تصفية".split()
)


def _crowd(tokens: list[Token], m: ArgMention) -> bool:
    """A group noun, or people named by a demonym after a quantity (مئات الفلسطينيين): a crowd."""
    if m.generic is not None:
        return True
    return m.entity is not None and m.first > 0 and bare(tokens[m.first - 1]) in QUANTITY_BEFORE


def _object(m: ArgMention) -> bool:
    """A group noun in the accusative or counted (قتل 15 شخصا، خطف جنودا): the verb's object (or the
    subject of a passive), never its agent."""
    return m.generic is not None and m.generic.case == "acc"


def _coordinated(tokens: list[Token], before: list[ArgMention], last: ArgMention) -> list[ArgMention]:
    """``تركيا والعراق``: the mentions joined by و to the subject ending at ``last``, in text order."""
    out = [last]
    for m in reversed(before[:-1] if before and before[-1] is last else before):
        cur = out[0]
        gap = tokens[m.last + 1 : cur.first]
        joined = (not gap and tokens[cur.first].norm.startswith("و")) or (
            len(gap) == 1 and gap[0].norm == "و"
        )
        if not joined or m.entity is None or any(m.entity is o.entity for o in out):
            break
        out.insert(0, m)
    return out


def chunk_after(tokens: list[Token], i: int, limit: int = 4) -> tuple[int, int] | None:
    """A noun chunk starting at token ``i`` (skipping numbers), up to a stop word: a stand-in actor."""
    k = i
    while k < len(tokens) and tokens[k].kind == "num":
        k += 1
    j = k
    while j < len(tokens) and j - k < limit and tokens[j].kind == "word" and bare(tokens[j]) not in STOP:
        j += 1
    return (k, j - 1) if j > k else None


def chunk_before(tokens: list[Token], i: int, limit: int = 3) -> tuple[int, int] | None:
    j = i
    while j >= 0 and i - j < limit and tokens[j].kind == "word" and bare(tokens[j]) not in STOP:
        j -= 1
    return (j + 1, i) if j < i else None


def _skip_time(tokens: list[Token], k: int, end: int) -> int:
    while k < end and tokens[k].kind == "word" and bare(tokens[k]) in TIME_WORDS:
        k += 1
    return k


def fallback(
    tokens: list[Token], ptype: str, head: int, last: int, verbal: bool, clause: tuple[int, int]
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Token ranges standing in for source and target when the document has no entities.

    Word order cues only: a verb with a plural ending (خطفوا، يهاجمون) has its subject before it; a
    verb followed by a number or an accusative (قتل 18 شخصا) has its victim after it; otherwise the
    chunk after a verb is its subject (VSO) and, for hostile types, the next chunk its object.
    """
    a, b = clause
    src = tgt = None
    norm = tokens[head].norm
    plural = verbal and (norm.endswith("وا") or norm.endswith("ون"))
    nxt = _skip_time(tokens, last + 1, b)
    accusative = (
        verbal
        and nxt < b
        and (
            tokens[nxt].kind == "num"
            or (tokens[nxt].norm.endswith("ا") and not tokens[nxt].norm.startswith("ال"))
        )
    )
    if verbal and not plural and not accusative and nxt < b:
        src = chunk_after(tokens, nxt, limit=2)
        if src and src[1] >= b:
            src = None
    if src is None and head - 1 >= a and not is_boundary(tokens[head - 1]):
        src = chunk_before(tokens, head - 1, limit=2)
        if src and src[0] < a:
            src = None
    prof = profile(ptype)
    preps = prof.chunk
    for k in range(last + 1, b - 1):
        if bare(tokens[k]) in preps:
            tgt = chunk_after(tokens, k + 1, limit=3)
            break
    if tgt is None and "hostile" in prof.flags and "crowd" not in prof.flags and verbal:
        if accusative:
            tgt = chunk_after(tokens, nxt, limit=2)
        else:
            k = _skip_time(tokens, (src[1] + 1) if src and src[0] > head else nxt, b)
            if k < b and tokens[k].kind in ("word", "num") and bare(tokens[k]) not in STOP:
                tgt = chunk_after(tokens, k, limit=2)
    if tgt and tgt[1] >= b:
        tgt = None
    return src, tgt
