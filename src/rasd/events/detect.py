"""Event detection per sentence: triggers, their status (negated, intent, request ...), arguments,
date, scores and confidence.

The coder reads the Arabic itself: a trigger from the lexicon, the cue words around it, entity
mentions (when the entities step ran) for source/target/location, and the publication date for
relative dates. Each event keeps its evidence: the sentence span, the trigger span and, in
``Coded.spans``, the argument spans.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from rasd.events import arguments as args_mod
from rasd.events import cues, profiles, scope, specific, tables, timing
from rasd.events.lexicon import TriggerMatch, load
from rasd.model import Actor, Block, Document, Event, Sentence, Span, Token
from rasd.text.normalize import normalize_word
from rasd.text.tokenize import doc_words

SKIP_BLOCKS = frozenset({"boilerplate", "dateline"})
HEADLINE_BLOCKS = frozenset({"title", "subtitle", "crosshead", "caption"})


@dataclass
class Coded:
    """An event with the evidence that is not part of the shared Event shape."""

    event: Event
    block_kind: str = "body"
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # source/target/verb → spans
    verbal: bool = True
    features: dict[str, float] = field(default_factory=dict)


def _tokens(doc: Document, s: Sentence) -> list[Token]:
    """The sentence's words, from the document's one tokenization (shared with the entities step)."""
    return doc_words(doc).between(s.start, s.end)


QUANTITY = frozenset(
    normalize_word(w) for w in "آلاف الاف مئات عشرات ألف الف مليون الآلاف المئات العشرات".split()
)
CASUALTY = frozenset(
    normalize_word(w)
    for w in "قتل قتلى قتيل قتيلا جرحى جريح جريحا مقتل إصابة اصابة أصيب اصيب أصيبوا مصرع ضحايا".split()
)
RELATIVE = frozenset(normalize_word(w) for w in "الذي التي الذين اللذين اللتين".split())


def threshold(ptype: str | None = None) -> float:
    """The confidence at or above which an event is reported (one rule threshold for all types)."""
    return PRIOR_THRESHOLD


PRIOR_THRESHOLD = 0.6


def prior(feats: dict[str, float]) -> float:
    """Rule prior for types without gold data: a verb or phrase, a named source, a date or place."""
    c = 0.55 + 0.15 * feats["verbal"] + 0.1 * feats["phrase"] + 0.1 * feats["source"] + 0.05 * feats["date"]
    c += 0.1 * feats.get("decided", 0.0)
    c -= 0.1 * feats["relative"]
    return round(max(0.05, min(0.95, c)), 3)


def features(
    tokens: list[Token],
    m: TriggerMatch,
    matches: list[TriggerMatch],
    clause: tuple[int, int],
    has_date: bool,
    has_source: bool,
    speaker: bool,
    bares: list[str] | None = None,
) -> dict[str, float]:
    """Type-independent evidence that a trigger reports a real, specific event."""
    head = m.head
    bares = bares if bares is not None else [cues.bare(t) for t in tokens]
    a, b = clause
    same = sum(1 for o in matches if o is not m and o.entry.type == m.entry.type)
    lead = [w for w in bares[a:head] if w not in ("قد", "ثم")]
    return {
        "verbal": float(m.verbal),
        "phrase": float(len(m.tokens) > 1),
        "density": float(min(same, 3)),
        "date": float(has_date),
        "quantity": float(
            any(w in QUANTITY or t.kind == "num" for w, t in zip(bares[a:b], tokens[a:b], strict=True))
        ),
        "casualty": float(any(w in CASUALTY for w in bares)),
        "source": float(has_source),
        "clause_initial": float(m.verbal and len(lead) == 0),
        "relative": float(any(w in RELATIVE for w in bares[max(0, head - 3) : head])),
        "generic_noun": float(not m.verbal and tokens[head].norm.lstrip("وفبل").startswith("ال")),
        "long": float(len(tokens) > 40),
        "reported": float(speaker),
        # a verbal noun a decision verb governs (قرر العفو عن، أعلن الإفراج عن، أمر بالإفراج): the act decided
        "decided": float(not m.verbal and any(w in DECISION for w in bares[max(a, head - 2) : head])),
    }


def confidence(feats: dict[str, float], ptype: str | None = None) -> float:
    """Rule confidence: the prior, capped below the threshold for a PROTEST/ASSAULT word that does
    not report a specific occurrence (``rasd.events.specific``)."""
    c = prior(feats)
    if ptype is not None and profiles.has(ptype, "material") and specific.ENABLED:
        c = max(c, SPECIFIC) if feats.get("specific", 1.0) else min(c, LOW)
    return c


DECISION = cues._set("قرر قررت يقرر تقرر اعلن اعلنت يعلن تعلن اصدر اصدرت يصدر امر امرت يامر")
LOW = 0.3  # below the threshold: a word for a protest or attack, not a report of one
SPECIFIC = 0.65  # a specific occurrence reaches the threshold even as a bare verbal noun


def _governed_by_request(
    matches: list[TriggerMatch], m: TriggerMatch, tokens: list[Token], clause_start: int
) -> bool:
    """The act is what someone asks for: دعا إلى الانسحاب، طالب بوقف ..."""
    for other in matches:
        if other is m or other.entry.type != "REQUEST":
            continue
        if clause_start <= other.head < m.head and m.head - other.tokens[-1] <= 6:
            return True
    # دعا الرئيس اليمني مبعوث الأمم المتحدة في الرياض إلى زيارة عدن: إلى right before the act, the call
    # verb further back in the clause than the lexicon's phrase gap
    if m.head > 0 and cues.bare(tokens[m.head - 1]) == "الي":
        for k in range(m.head - 2, max(clause_start, m.head - 16) - 1, -1):
            if cues.bare(tokens[k]) in CALL_VERBS:
                return True
    return False


def _after_name(mentions: list[args_mod.ArgMention], head: int) -> bool:
    """The word before ``head`` ends a named entity or a group noun (يهوديا متشددا طعن): an SVO subject,
    not the first term of a construct."""
    return any(
        x.last == head - 1
        and (x.generic is not None or (x.entity is not None and x.entity.type in ("PER", "ORG", "GPE")))
        for x in mentions
    )


CALL_VERBS = cues._set("دعا دعت دعوا يدعو تدعو يدعون ودعا")


def _governed_by_threat(matches: list[TriggerMatch], m: TriggerMatch) -> bool:
    for other in matches:
        if other is not m and other.entry.type == "THREATEN" and 0 < m.head - other.tokens[-1] <= 3:
            return True
    return False


class _View:
    """One sentence as the coder reads it: tokens, bare forms, trigger matches, and its mentions and
    dates, computed on first use (most sentences with a trigger need neither)."""

    def __init__(self, doc: Document, s: Sentence, tokens: list[Token], bares: list[str],
                 matches: list[TriggerMatch], mentions_ok: bool, index: args_mod.MentionIndex | None) -> None:
        self.doc, self.s, self.tokens, self.bares, self.matches = doc, s, tokens, bares, matches
        self.question = cues.is_question(tokens)
        self.dateline_place = doc.dateline.place if doc.dateline else None
        self.tagged = any(st.name == "entities" for st in doc.steps)
        self._mentions_ok, self._index = mentions_ok, index
        self._mentions: list[args_mod.ArgMention] | None = None
        self._generics: list[args_mod.ArgMention] | None = None
        self._dates: list[timing.When] | None = None
        self.is_concrete: bool | None = None

    def mentions(self) -> list[args_mod.ArgMention]:
        if self._mentions is None:
            doc, s = self.doc, self.s
            if doc.entities and self._mentions_ok:
                found = self._index if self._index is not None else args_mod.mention_index(doc)
                self._mentions = args_mod.sentence_mentions(found, doc.text, self.tokens, s.start, s.end)
            else:
                self._mentions = []
        return self._mentions

    def generics(self) -> list[args_mod.ArgMention]:
        if self._generics is None:
            self._generics = args_mod.generic_mentions(self.tokens, self.doc.text, self.mentions())
        return self._generics

    def dates(self) -> list[timing.When]:
        if self._dates is None:
            self._dates = timing.sentence_dates(self.doc.text, self.s.start, self.s.end, self.doc.published)
        return self._dates


@dataclass
class _Args:
    """The arguments found for one trigger, with their spans."""

    spans: dict[str, list[tuple[int, int]]]
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    location: dict[str, Any] | None = None
    speaker: Actor | None = None
    has_source: bool = False


def detect_sentence(
    doc: Document, s: Sentence, mentions_ok: bool = True, index: args_mod.MentionIndex | None = None
) -> list[Coded]:
    """All events of one sentence, each with its status, arguments and evidence; ``index`` is the
    document's :func:`~rasd.events.arguments.mention_index` (made here when not given)."""
    block: Block | None = doc.blocks[s.block] if 0 <= s.block < len(doc.blocks) else None
    kind = block.kind if block else "body"
    if kind in SKIP_BLOCKS:
        return []
    lex = load()
    tokens = _tokens(doc, s)
    if not lex.has_trigger_word(tokens):
        return []  # most sentences: no trigger word at all, so no cues, mentions or dates needed
    bares = [cues.bare(t) for t in tokens]  # once per sentence; the cues below index into it
    boundaries = {i for i, t in enumerate(tokens) if cues.is_boundary(t, bares[i])}
    matches = lex.match(tokens, boundaries)
    if not matches:
        return []
    view = _View(doc, s, tokens, bares, matches, mentions_ok, index)
    out: list[Coded] = []
    for m in matches:
        clause, speaker_range = _clause(tokens, m.head)
        if _not_an_event(view, m, clause):
            continue
        out.append(_code(view, m, clause, speaker_range, kind))
    return out


def _clause(tokens: list[Token], head: int) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """The clause of the trigger, and the sayer's tokens when the event is told after a speech verb
    and its complementizer (the clause then starts after the complementizer)."""
    clause = cues.clause_of(tokens, head)
    speaker_range = None
    speech = cues.speech_before(tokens, head)
    if speech is not None:
        sv, comp = speech
        if comp > sv:
            clause = (max(clause[0], comp + 1), clause[1])
            speaker_range = (sv + 1, comp - 1) if comp > sv + 1 else None
    return clause, speaker_range


def _not_an_event(view: _View, m: TriggerMatch, clause: tuple[int, int]) -> bool:
    """Is this trigger no event at all: a noun of an earlier mention, a noun spelled like a verb, a
    homograph or non-political act (scope), a topic governed by another verb, a prevented act?"""
    tokens, e, head, last, verbal = view.tokens, m.entry, m.head, m.tokens[-1], m.verbal
    if not verbal and cues.anaphoric(tokens, head):
        return True
    if verbal and head > 0 and cues.bare(tokens[head - 1]) in cues.NOUN_CONTEXT:
        return True  # من سجن، على منع، بعد بحث: a noun spelled like a verb
    if (
        verbal
        and m.hits[0].bare
        and cues.noun_reading(tokens, head)
        and not _after_name(view.mentions() + view.generics(), head)
    ):
        return True  # فرض حظر، أوامر اعتقال، طالب جامعي (but تنظيم داعش هدد، أوباما زار: a name, then its verb)
    if e.type == "CONSULT" and last + 1 < len(tokens) and cues.bare(tokens[last + 1]) == "عن":
        return True  # بحث عن: searched for
    if scope.out_of_scope(tokens, view.bares, m, clause):
        return True  # a homograph, or not a political act (scope.py names the reason)
    if "soft" in e.flags and not verbal and not (e.type == "SUPPORT" and len(m.tokens) > 1):
        governed = any(clause[0] <= o.head < head and o.verbal for o in view.matches if o is not m)
        prev_speech = any(w in cues.SPEECH for w in (cues.bare(t) for t in tokens[clause[0] : head]))
        if governed or prev_speech:
            return True
    return cues.prevented(tokens, head, clause[0])  # منع الجماعات من تهديد، لمكافحة الإرهاب: prevented or fought


def _status(view: _View, m: TriggerMatch, clause: tuple[int, int]) -> tuple[bool, str | None]:
    """(negated, modality) of the trigger: a question, a cue word, a purpose, or another trigger
    (a request or a threat) governing it."""
    tokens, e, head, last, verbal = view.tokens, m.entry, m.head, m.tokens[-1], m.verbal
    neg = cues.negated(tokens, head, verbal, clause[0])
    mod = (
        "question"
        if view.question
        else cues.modality(tokens, head, last, clause[0], m.hits[0].future, m.hits[0].imperfect)
    )
    if mod is None and not verbal and "purpose" in e.flags:
        mod = cues.purpose(load(), tokens, head)
    if mod is None and e.type != "REQUEST" and _governed_by_request(view.matches, m, tokens, clause[0]):
        mod = "request"
    if mod is None and e.type != "THREATEN" and _governed_by_threat(view.matches, m):
        mod = "intent"
    return neg, mod


def _named_arguments(view: _View, m: TriggerMatch, clause: tuple[int, int], speaker_range: tuple[int, int] | None,
                     args: _Args) -> None:
    """Arguments among the sentence's entity mentions (and group nouns, read together with them)."""
    doc, tokens, e, verbal = view.doc, view.tokens, m.entry, m.verbal
    mentions, generics = view.mentions(), view.generics()
    picked = args_mod.pick(doc, tokens, mentions, e.type, m.tokens, verbal, clause, view.dateline_place)
    # the prior's "source" feature reads named arguments only, as before generic actors
    args.has_source = any(x.entity for x in picked.source) or (verbal and bool(picked.source))
    if generics:  # the arguments: named mentions and group nouns read together, in word order
        both = args_mod.argument_pool(tokens, mentions, generics)
        picked = args_mod.pick(doc, tokens, both, e.type, m.tokens, verbal, clause, view.dateline_place)
    args.source = [x.actor() for x in picked.source]
    args.target = [x.actor() for x in picked.target]
    args.spans["source"] = [(x.start, x.end) for x in picked.source]
    args.spans["target"] = [(x.start, x.end) for x in picked.target]
    if picked.location is not None:
        loc = picked.location
        geo = loc.entity.geo if loc.entity else None
        place = dataclasses.asdict(geo) if geo else {}
        args.location = {
            "entity": loc.entity.id if loc.entity else None,
            "name": loc.entity.name if loc.entity else loc.text,
            "start": loc.start,
            "end": loc.end,
        }
        args.location.update({k: v for k, v in place.items() if k != "reporting"})
    if speaker_range:
        sp = [x for x in mentions if speaker_range[0] <= x.first <= speaker_range[1]]
        if sp:
            args.speaker = sp[0].actor()
            if verbal and _speaker_is_subject(tokens, speaker_range, m.head, "hostile" in e.flags):
                # قالت حركة نداء تونس إنها ترفض ...، أعلن الجيش أنه قتل ...: the pronoun on the
                # complementizer is the verb's subject, and it is the speaker
                args.source = [args.speaker]
                args.spans["source"] = [(sp[0].start, sp[0].end)]
                keep = [k for k, span in enumerate(args.spans["target"]) if span != (sp[0].start, sp[0].end)]
                args.target = [args.target[k] for k in keep]
                args.spans["target"] = [args.spans["target"][k] for k in keep]
                args.has_source = True


def _unnamed_arguments(view: _View, m: TriggerMatch, clause: tuple[int, int], speaker_range: tuple[int, int] | None,
                       args: _Args) -> None:
    """No entity mention in the sentence: group nouns, else (no entities step ran) word order."""
    doc, tokens, e, verbal = view.doc, view.tokens, m.entry, m.verbal
    generics = view.generics()
    src, tgt = args_mod.fallback(tokens, e.type, m.head, m.tokens[-1], verbal, clause)
    args.has_source = verbal and src is not None
    alt = (
        args_mod.pick(doc, tokens, generics, e.type, m.tokens, verbal, clause, view.dateline_place)
        if generics
        else None
    )
    for role, rng, bucket in (("source", src, args.source), ("target", tgt, args.target)):
        found = getattr(alt, role) if alt is not None else []
        if found:  # a group noun (مسلحون، الشرطة) rather than a word-order guess
            bucket.extend(x.actor() for x in found)
            args.spans[role] = [(x.start, x.end) for x in found]
        elif rng is not None and not view.tagged:
            # a word-order guess only where no entities step ran (a bare sentence): after NER,
            # a sentence without a name or a group noun has no actor we can name
            a, b = tokens[rng[0]].start, tokens[rng[1]].end
            bucket.append(Actor(entity=None, name=doc.text[a:b], start=a, end=b))
            args.spans[role] = [(a, b)]
    if speaker_range and speaker_range[0] <= speaker_range[1]:
        a, b = tokens[speaker_range[0]].start, tokens[speaker_range[1]].end
        args.speaker = Actor(entity=None, name=doc.text[a:b], start=a, end=b)


PRONOUN_COMPLEMENTIZERS = cues._set("انه انها انهم انهما بانه بانها")
_PARTICLES = cues._set("قد لم لن سوف لا ما")
_SPEAKER_WORDS = 8  # a speaker phrase longer than this is a clause of its own


def _speaker_is_subject(tokens: list[Token], speaker: tuple[int, int], head: int, hostile: bool) -> bool:
    """A complementizer with a subject pronoun right before the verb (إنها ترفض، أنه قد قتل) after a
    short speaker phrase (no quotation or colon in it: «قال كوتون: هذه الصفقة ... إنه يرفع» is about
    the deal). A hostile verb needs an object after it: «قالت مصادر إنه قتل،» is a passive."""
    comp = speaker[1] + 1
    if not 0 <= comp < head or cues.bare(tokens[comp]) not in PRONOUN_COMPLEMENTIZERS:
        return False
    if speaker[1] - speaker[0] >= _SPEAKER_WORDS or any(t.text in ':«»"' for t in tokens[speaker[0] : comp]):
        return False
    if hostile and (head + 1 >= len(tokens) or tokens[head + 1].kind == "punct"):
        return False
    return head - comp == 1 or (head - comp == 2 and cues.bare(tokens[comp + 1]) in _PARTICLES)


def _code(view: _View, m: TriggerMatch, clause: tuple[int, int], speaker_range: tuple[int, int] | None,
          kind: str) -> Coded:
    """The event of one trigger that is an event: status, arguments, date, confidence."""
    doc, tokens, bares, e = view.doc, view.tokens, view.bares, m.entry
    head, last, verbal = m.head, m.tokens[-1], m.verbal
    neg, mod = _status(view, m, clause)
    trig = Span(tokens[head].start, tokens[last].end)
    args = _Args({"verb": [(trig.start, trig.end)]})
    if view.mentions():
        _named_arguments(view, m, clause, speaker_range, args)
    else:
        _unnamed_arguments(view, m, clause, speaker_range, args)
    # date and background
    dates = view.dates()
    w = timing.nearest([d for d in dates if d.start >= tokens[clause[0]].start - 40], trig.start)
    bg = cues.background(tokens, head, clause[0]) or timing.is_past(w.latest if w else None, doc.published)
    plover = tables.plover_of_cameo(e.cameo) if e.cameo else None
    mode = e.mode or (plover.mode if plover and plover.type == e.type else "") or None
    context = list(e.context) or (list(plover.context) if plover and plover.type == e.type else [])
    feats = features(tokens, m, view.matches, clause, bool(dates), args.has_source, args.speaker is not None, bares)
    if "material" in e.flags:
        if view.is_concrete is None:
            view.is_concrete = bool(dates) or specific.concrete(bares, tokens)
        has_verb = any(h.kind == "V" for h in m.hits)  # طائراته قصفت: a noun + verb phrase
        why = specific.not_specific(
            tokens, bares, head, last, has_verb, clause, view.is_concrete, m.hits[0].imperfect, e.type
        )
        feats["specific"] = float(why is None)
    conf = confidence(feats, e.type)
    if kind in HEADLINE_BLOCKS:
        conf = round(conf * 0.9, 3)
    ev = Event(
        type=e.type,
        sentence=Span(view.s.start, view.s.end),
        trigger=trig,
        mode=mode,
        context=context,
        cameo=e.cameo or None,
        quad_class=tables.quad_class(e.type),
        score=tables.goldstein(e.cameo) if e.cameo else None,
        source=args.source,
        target=args.target,
        location=args.location,
        date=w.date if w else None,
        date_text=w.text if w else None,
        negated=neg,
        modality=mod,
        speaker=args.speaker,
        confidence=conf,
        background=bg,
    )
    return Coded(ev, kind, args.spans, verbal, feats)


def plover_score(event: Event) -> float | None:
    """The PLOVER score of an event's type and mode (the manual's score table)."""
    return tables.plover_score(event.type, event.mode)
