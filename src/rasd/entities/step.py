"""The ``entities`` pipeline step: a document's persons, organizations and places, resolved.

Evidence comes from three places, strongest first: the actor knowledge base (known names: داعش,
إيلاف, رجب طيب أردوغان ...), the NER model's spans (when the model is shipped), and the gazetteer
(places and demonyms). ``rasd.entities.resolve`` then merges mentions into actors and reads titles;
``rasd.entities.places`` geocodes. Boilerplate blocks are skipped. Every part degrades on its own:
no NER model → knowledge-base, title and gazetteer matches only; no knowledge base → NER, titles
and gazetteer.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from rasd.actors.records import code as actor_code
from rasd.entities.actorindex import actor_index
from rasd.entities.gazetteer import Gazetteer, Place, gazetteer, key_of, proclitic_variants
from rasd.entities.places import PlaceName, geocode, place_geo
from rasd.entities.resolve import (
    CENTRAL_BANK_WORDS,
    COUNTRY_REFS,
    DASHES,
    GROUP_FIRST,
    HONORIFICS,
    MARKED_HONORIFICS,
    ORG_HEADS,
    PASSED_HEADS,
    ROLE_WORDS,
    ROLES,
    PersonCluster,
    PersonMention,
    Title,
    cluster_persons,
    country_of,
    family_name_after,
    group_actor,
    org_head_sector,
    orig_cut,
    place_country,
    role_after,
    role_before,
    stable_id,
    team_title_after,
    title_start,
)
from rasd.entities.taggers import tagger_of  # registers user_model_of with Resources.check
from rasd.limits import WORD_MEMO
from rasd.model import GPE_FEATURES, Block, Document, Entity, EntityActor, Mention, Token
from rasd.resources import Resources, current
from rasd.text.normalize import normalize_word
from rasd.text.tokenize import Words, doc_words, lexicon, normalize_word_cached
from rasd.text.tokenize import words as tokenize_words

VERSION = "1"
log = logging.getLogger(__name__)
# nouns before the name of a first-level division (بالمنطقة الشرقية، محافظة الغربية، جهة الشرق)
_REGION_CUES = frozenset(
    normalize_word(w) for w in "منطقة المنطقة منطقتي مناطق محافظة محافظات محافظتي إقليم الإقليم جهة ولاية".split()
)
_CITY_CUES = frozenset(normalize_word(w) for w in ("مدينة", "العاصمة", "بمدينة", "لمدينة", "ومدينة"))
# nouns after which a name that is also a rarer ordinary word is read as a place all the same (محافظ
# أملج، بلدية سلا، أمانة جدة، بمدينة X): a governor, town hall or town is of a place. Not the region
# nouns: منطقة الساحل is the Sahel, محافظات الصعيد Upper Egypt, neither a town of that name.
_PLACE_CUES = frozenset(normalize_word(w) for w in "مدينة العاصمة محافظ بلدية أمانة بلدة قرية".split())
_CUED_MAX = 1000  # a word seen more often than this in SaudiNewsNet stays a word (الجديدة، أمن، مدينة)
_MAX_NAME_WORDS = 4
_RARE = 50  # a word seen fewer times than this in SaudiNewsNet may be a name after a title
_CLITIC_STARTS = ("و", "لل", "بال", "كال", "فال")
_NOT_NAMES = frozenset(normalize_word(w) for w in "من كان عليه جميع فان عن في إلى أن".split())
_GROUP_CHARS = 65_536  # text tagged in one batch (far above an article)
_COMMON_SURNAME = 1000  # a surname seen more often than this is not searched for on its own


@dataclass
class _Found:
    """Mentions collected from one document before they become entities."""

    persons: list[PersonMention] = field(default_factory=list)
    places: list[tuple[int, int, PlaceName]] = field(default_factory=list)
    demonyms: list[tuple[int, int, str]] = field(default_factory=list)
    currencies: list[tuple[int, int, str]] = field(default_factory=list)  # الريال [السعودي]: a currency's demonym
    groups: dict[tuple[str, str, str], list[tuple[int, int]]] = field(default_factory=dict)
    kb: dict[str, tuple[Any, list[tuple[int, int]]]] = field(default_factory=dict)
    other: dict[tuple[str, str], list[tuple[int, int]]] = field(default_factory=dict)
    refs: list[tuple[int, int]] = field(default_factory=list)
    group_roles: dict[tuple[str, str, str], str] = field(default_factory=dict)
    pending: list[PersonMention] = field(default_factory=list)  # bare common surnames of known persons
    date: str | None = None  # the article's day: of two namesakes, the one in office then


def entities(doc: Document) -> Document:
    """Fill ``doc.entities`` (the pipeline step)."""
    doc.entities = find_entities(doc)
    return doc


def find_entities(doc: Document, gaz: Gazetteer | None = None, tagger: Any = "default") -> list[Entity]:
    """Entities of ``doc``; ``tagger=None`` runs without the NER model."""
    gaz = gaz or gazetteer()
    tagger = _tagger() if tagger == "default" else tagger
    kb = actor_index()
    blocks = [b for b in doc.blocks if b.kind != "boilerplate"] or [Block("body", doc.text, 0, len(doc.text))]
    found = _Found(date=doc.published[:10] if doc.published else None)
    text = doc.text
    reporting_key = key_of(doc.dateline.place) if doc.dateline and doc.dateline.place else None
    dateline = (doc.dateline.start, doc.dateline.end) if doc.dateline else None
    scanned: list[tuple[Block, bytes]] = []  # each block and which of its words a mention took
    words = doc_words(doc)
    for group in _block_groups(blocks):
        # one batched tagger call per group of blocks: its Viterbi costs numpy calls per position of
        # the longest sentence in a call, so per article beats per block (same spans either way); a
        # book-length text is cut into groups so the tagger's working set stays bounded
        if tagger is None:
            spans_of: list = [[] for _ in group]
        elif hasattr(tagger, "entities_many"):
            spans_of = tagger.entities_many(text, [(b.start, b.end) for b in group], words=words)
        else:
            spans_of = [tagger.entities(text, b.start, b.end) for b in group]
        for block, spans in zip(group, spans_of, strict=True):
            toks = words.between(block.start, block.end)
            if not toks:
                continue
            taken = _scan_block(text, toks, spans, dateline, reporting_key, gaz, kb, found, tagger is not None)
            scanned.append((block, bytes(taken)))
    _repeat_names(text, words, scanned, found)
    named = {m.kb for m in found.persons if m.kb}
    found.persons += [m for m in found.pending if m.kb in named]
    return _build(doc, found, gaz)


def _repeat_names(text: str, words: Words, scanned: list[tuple[Block, bytes]], found: _Found) -> None:
    """Later bare mentions of a person already named in full (… ماثيو تولر … مع تولر).

    Only surnames that are not ordinary words are looked for: علي would also match على.
    """
    freq = _folded_lexicon()
    surnames: dict[str, tuple[str, ...]] = {}
    for m in found.persons:
        if len(m.words) >= 2 and freq.get(m.words[-1], 0) < _COMMON_SURNAME:
            surnames.setdefault(m.words[-1], m.words[-1:])
    if not surnames:
        return
    seen = {(m.start, m.end) for m in found.persons}
    for block, taken in scanned:
        for i, t in enumerate(words.between(block.start, block.end)):
            if taken[i]:
                continue
            for form, cut in proclitic_variants(t.norm):
                if form in surnames:
                    a = t.start + orig_cut(text, t.start, cut)
                    if (a, t.end) not in seen:
                        found.persons.append(PersonMention(a, t.end, surnames[form]))
                    break


def _block_groups(blocks: list[Block]) -> Iterator[list[Block]]:
    """Consecutive blocks of at most _GROUP_CHARS characters together (an article is one group)."""
    group: list[Block] = []
    size = 0
    for block in blocks:
        if group and size + block.end - block.start > _GROUP_CHARS:
            yield group
            group, size = [], 0
        group.append(block)
        size += block.end - block.start
    if group:
        yield group


_GROUP, _PLACE, _DEMONYM, _REF = 1, 2, 4, 8


@lru_cache(maxsize=WORD_MEMO)
def _could_start(norm: str, gaz: Gazetteer) -> int:
    """Which gazetteer matches a word could begin (bit flags); most words begin none."""
    flags = _REF if norm in COUNTRY_REFS else 0
    for form, _cut in proclitic_variants(norm):
        if form in GROUP_FIRST:
            flags |= _GROUP
        if form in gaz.names or form in gaz.multi:
            flags |= _PLACE
        if form in gaz.demonyms:
            flags |= _DEMONYM
    return flags


def _scan_block(
    text: str,
    toks: list[Token],
    spans: Sequence[tuple[int, int, str]],
    dateline: tuple[int, int] | None,
    reporting_key: str | None,
    gaz: Gazetteer,
    kb: Any,
    found: _Found,
    model: bool,
) -> list[bool]:
    """Collect the mentions of one block: known names, state actors, NER spans, gazetteer words.

    Returns which words were claimed by a mention."""
    taken = [False] * len(toks)
    norms = [t.norm for t in toks]
    surnames = _kb_names(text, toks, norms, taken, gaz, kb, found, model) if kb is not None else []
    _state_actors(text, toks, norms, taken, gaz, found)
    first_model_person = len(found.persons)
    # a known person's name by itself the model tagged MISC (أردوغان) is left to the knowledge base
    known = frozenset(i for i, _m, listed in surnames if listed)
    _hyphenated_regions(text, toks, norms, taken, gaz, found, dateline, reporting_key, spans)
    ner_places = _ner_spans(text, toks, norms, taken, spans, gaz, kb, found, dateline, reporting_key, known)
    # the model tagged a name the knowledge base lists on its own (أوباما، خامنئي): the known person; a
    # surname that is only the end of a full name (جون، سليمان، كارتر) stays the model's unknown person
    held = {(m.start, m.end): m for _i, m, listed in surnames if listed}
    for p in found.persons[first_model_person:]:
        known = held.get((p.start, p.end))
        if known is not None and p.kb is None:
            p.kb, p.title = known.kb, p.title or known.title
    if kb is not None and (surnames or found.pending):
        _respelled_given_names(found.persons[first_model_person:], [m for _i, m, _l in surnames] + found.pending, kb)
    for i, mention, _listed in surnames:  # a lone known surname the model's spans left free
        if not taken[i]:
            found.persons.append(mention)
            taken[i] = True
    _gazetteer_words(text, toks, norms, taken, gaz, found, ner_places, dateline, reporting_key)
    # 5. without a model: names right after a title (السفير الأميركي ماثيو تولر)
    if not model:
        _titled_names(text, toks, taken, gaz, kb, found)
    return taken


def _kb_names(
    text: str, toks: list[Token], norms: list[str], taken: list[bool], gaz: Gazetteer, kb: Any, found: _Found,
    model: bool,
) -> list[tuple[int, PersonMention, bool]]:
    """Pass 1, knowledge-base names (organizations, persons): known names beat the model's guesses.
    Returns the one-word person names held back for after the model's spans."""
    # a one-word person name (a surname: الكاظمي) waits until the model's spans are in, so it does
    # not cut a longer name the model found (يوسف أيوب)
    surnames: list[tuple[int, PersonMention, bool]] = []  # (word, mention, listed alone in the KB)
    for i, j, rec, cut, kind in kb.matches(toks, found.date):
        if any(taken[i : j + 1]):
            continue
        a, b = toks[i].start + orig_cut(text, toks[i].start, cut), toks[j].end
        if rec.kind == "person" and i == j and _hamza_added(text[a:b], rec):
            continue  # بأول "with the first" is no باول (Powell): a hamza is dropped from names, never added
        if rec.kind == "person" and _another_given_name(text, toks, norms, i, cut, rec):
            continue  # حافظ قائد السبسي is not الباجي قائد السبسي: a family name passes on no office
        if rec.kind == "person":
            words = (norms[i][cut:], *norms[i + 1 : j + 1])
            title = role_before(toks, i, text, gaz, kb.role) or _apposition(toks, j, text, gaz, kb, set())
            mention = PersonMention(a, b, words, title, kb=rec.id)
            if i == j:
                listed = kind == "strong"  # a name the record lists by itself (أوباما), not a bare surname
                if _ambiguous_word(norms[i], words[0], listed) or not (listed or _leader(rec)):
                    # الصدر، العربي، إلا، كبرى (ك + بري): only once the full name is seen
                    found.pending.append(mention)
                elif model:
                    surnames.append((i, mention, listed))
                else:
                    found.persons.append(mention)
                    taken[i] = True
                continue
            found.persons.append(mention)
        else:
            found.kb.setdefault(rec.id, (rec, []))[1].append((a, b))
        for k in range(i, j + 1):
            taken[k] = True
    return surnames


_LEADING_OFFICES = frozenset(
    {"head_of_state", "head_of_government", "crown_prince", "leader", "secretary_general", "foreign_minister"}
)


def _surname_of_a_stranger(c: Any, rec: Any, named: dict[str, int], home: str | None) -> bool:
    """A known leader named by one word only, in an article about another country (``home``) that never
    names theirs: a namesake (المشاط in an Egyptian story is Egypt's minister, not the Houthi leader)."""
    return (
        rec is not None
        and home is not None
        and rec.country != home
        and rec.country not in named
        and all(len(m.words) == 1 for m in c.mentions)
        and not any(m.title and m.title.country for m in c.mentions)
    )


def _namesakes_named_in_full(persons: list[PersonMention], kb: Any) -> list[PersonMention]:
    """A known person's bare surname in an article that names someone else of that family in full is
    that someone (د. الشريف after عبد العزيز الشريف is not Sudan's foreign minister علي يوسف الشريف; الحوثي
    after يحيى بدر الدين الحوثي not Abdul-Malik): the link to the knowledge base is dropped, and the
    surname joins the full name when persons are grouped. Someone else: a full name no record links,
    ending in the surname, starting with a given name that is not the known person's — for people of
    the region only, as in ``_another_given_name`` (رجب طيب إردوغان is a spelling, خلف أوباما "behind
    Obama" no name)."""
    full = [m for m in persons if m.kb is None and len(m.words) >= 2]
    if not full:
        return persons
    out = []
    for m in persons:
        if m.kb and len(m.words) == 1:
            rec = kb.kb.get(m.kb)
            if rec is not None and any(
                f.words[-1] == m.words[0] and _not_their_given_name(f.words[0], rec) for f in full
            ):
                m = replace(m, kb=None)
        out.append(m)
    return out


# words that credit a piece on the lines above it (خاص، تغطية و صور، متابعة، كتب، إعداد)
_CREDIT_WORDS = frozenset(
    normalize_word(w) for w in "خاص تغطية صور تصوير متابعة كتب كتبت إعداد اعداد تقرير حوار بقلم رصد و".split()
)
_TOP = 300  # a byline stands within the first characters of an article
_BYLINE_MAX = 60  # and on a short line


def _reporter(text: str, c: Any, gaz: Gazetteer, kb: Any, own: Any = None) -> bool:
    """Whether a person of the article is its reporter: one of their mentions signs the piece (``own``:
    the outlet's media record, whose short name a byline may use: سبق)."""
    return kb is not None and any(_signs_the_piece(text, m, gaz, kb, own) for m in c.mentions)


def _signs_the_piece(text: str, m: PersonMention, gaz: Gazetteer, kb: Any, own: Any = None) -> bool:
    """Whether a name is an article's byline: near the top, on a short line of its own whose other words
    only credit the piece or name a place or an outlet (محمد كويمن، ع. عسول، تغطية و صور موسى محراز، عمر
    عريبي- سبق- جازان:، عمر إبراهيم – عين اليوم). Scraped pages keep such lines before the body."""
    if m.start > _TOP:
        return False
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    colon = text.find(":", m.end, line_end)
    if colon >= 0 and text.count(":", line_start, m.start) == 0 and colon - line_start <= _BYLINE_MAX:
        line_end = colon  # the byline runs into the body after its place (عمر عريبي - سبق- جازان: تمكنت …)
    if line_end - line_start > _BYLINE_MAX:
        return False
    if any(len(line.strip()) > _BYLINE_MAX for line in text[:line_start].split("\n")):
        return False  # the body has begun
    rest = text[line_start : m.start] + "|" + text[m.end : line_end]
    rest = re.sub(r"(?<!\w)\w\.", " ", rest)  # an initial: ع. عسول
    credited = False
    for part in re.split(r"[|:\-–—ـ()،,/]+", rest):
        words = [normalize_word(w) for w in part.split()]
        credited |= len(words) > 0
        words = [w for w in words if w not in _CREDIT_WORDS]
        if not words:
            continue
        place = gaz.match_at(words, 0)
        if place is not None and place[0] == len(words):
            continue
        if kb.outlet_country(" ".join(part.split())) is not None or _names_outlet(part.strip(), own):
            continue
        return False
    # a name alone on a line is a byline below the page's first line (AHDATH.INF / خاص / محمد كويمن), not
    # an article's title (مونتاري)
    return credited or line_start > 0


_HAMZA_ALEFS = ("أ", "إ")


def _hamza_added(word: str, rec: Any) -> bool:
    """Whether a one-word name is written with a hamza on an alef that no spelling of the known person's
    has (بأول for باول): writers drop hamzas from names, they do not add them, so the word is another."""
    if not any(h in word for h in _HAMZA_ALEFS):
        return False
    key = normalize_word(word)
    spelled = [w for n in (rec.name, *rec.names) for w in n.split() if normalize_word(w) == key]
    return bool(spelled) and not any(h in w for w in spelled for h in _HAMZA_ALEFS)


def _leader(rec: Any) -> bool:
    """Whether a known person led a state, a government or a movement, or their diplomacy: the news names
    such people by surname alone (الكاظمي، أردوغان، لافروف). Anyone else's bare surname (an interior or
    defence minister's: حصاد، خطاب، صقر, often ordinary words or a namesake's) is that person only once
    the article names them in full."""
    return any(r.office in _LEADING_OFFICES for r in rec.roles)


# nouns of places and institutions named after people (مطار الملك خالد، مستشفى الملك فيصل، جائزة الأمير
# سلطان، كأس الملك); not طريق (عن طريق محمد: "through Mohammed")
_NAMED_PLACES = frozenset(
    normalize_word(w)
    for w in (
        "مطار جامعة جسر مستشفى مستشفيات مدينة شارع مركز قاعدة ميناء مسجد جامع كلية مجمع برنامج جائزة"
        " مؤسسة ملعب استاد إستاد قاعة حي كأس صندوق مسرح منتزه واحة"
    ).split()
)


def _in_a_place_name(text: str, m: PersonMention) -> bool:
    """Whether the name (with its title) follows a noun that names a place or institution after it."""
    start = min(m.title.start, m.start) if m.title else m.start  # a title may follow the name
    before = [w.strip("«»\"'()“”") for w in text[max(0, start - 40) : start].split()]
    before = [w for w in before if w]
    if not before:
        return False
    return _any_form_in(normalize_word_cached(before[-1]), _NAMED_PLACES)


def _respelled_given_names(persons: list[PersonMention], surnames: list[PersonMention], kb: Any) -> None:
    """A full name the model found that ends in a known foreigner's surname, its given name spelled
    another way (فيدريكا موغيريني for فيديريكا موغيريني): that person. Arabic spellings of foreign names
    differ mostly in their long vowels, so the given names are compared without them; not for people of
    the region, whose given names differ in just those letters (محمد، محمود)."""
    surname_at = {m.end: m for m in surnames}
    for p in persons:
        m = surname_at.get(p.end)
        if p.kb is not None or m is None or m.start <= p.start or len(p.words) < 2:
            continue
        rec = kb.kb.get(m.kb)
        if rec is None or rec.country in _NAMED_BY_FAMILY:
            continue
        given = {_consonants(normalize_word(n.split()[0])) for n in (rec.name, *rec.names) if len(n.split()) >= 2}
        if _consonants(p.words[0]) in given:
            p.kb = rec.id


def _consonants(word: str) -> str:
    """A word without its long vowels (ا و ي ى): فيدريكا and فيديريكا alike give فدركا."""
    return word.translate(_LONG_VOWELS)


_LONG_VOWELS = str.maketrans("", "", "اويىآأإ")


def _another_given_name(text: str, toks: list[Token], norms: list[str], i: int, cut: int, rec: Any) -> bool:
    """A known person's family name (``قائد السبسي``, ``الأسد``) right after a given name that is not
    theirs names a relative or namesake: حافظ الأسد is not بشار الأسد, متعب بن عبد الله not the king.
    Compound given names count by their first word (سيف الإسلام القذافي, عبد الله). Only for people of
    the region, whose names are built this way (تشي جين بينج is a spelling of Xi, not a relative)."""
    if cut or i == 0 or rec.country not in _NAMED_BY_FAMILY:
        return False  # a clitic on the name (وقائد السبسي) starts a phrase: nothing before it binds
    before = norms[i - 1]
    if before.startswith("ال") and i >= 2 and (before == "الله" or before in _COMPOUND_TAILS):
        before = norms[i - 2]
    elif text[toks[i - 1].start : toks[i - 1].end].endswith("ى"):
        return False  # على غانتس: the preposition, not the name علي
    return _not_their_given_name(before, rec)


def _not_their_given_name(word: str, rec: Any) -> bool:
    """Whether a (normalized) word is a given name, and none of a known person of the region's names
    starts with it: the name before their family name is a relative's or a namesake's."""
    if (
        rec.country not in _NAMED_BY_FAMILY
        or word in _NOT_GIVEN
        or (word not in _first_names() and word != "عبد")
    ):
        return False
    own = set()
    for n in (rec.name, *rec.names):
        parts = n.split()
        if parts:
            own.add(normalize_word(parts[0]))
            if parts[0] == "عبد" and len(parts) > 1:  # عبدالإله، عبدالملك: the compound written as one word
                own.add(normalize_word(parts[0] + parts[1]))
    return word not in own


# second words of compound given names: سيف الإسلام، نور الدين، صلاح الدين، عز الدين
_COMPOUND_TAILS = frozenset({"الاسلام", "الدين"})
# words of the names list that are mostly something else before a name: متحدث باسم (on behalf of),
# أبو (a kunya is a name of its own), أم، أكبر، باب، أمل، بني، عيد، عسير; سي is the Maghreb's "Mr"
# (سي عبد الإله بنكيران)
_NOT_GIVEN = frozenset(normalize_word(w) for w in "باسم أبو أم أكبر باب أمل بني عيد عسير سي".split())
# the Arab League states, Iran and Turkey: family names shared by relatives and namesakes
_NAMED_BY_FAMILY = frozenset(
    "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM IRN TUR".split()
)


def _state_actors(
    text: str, toks: list[Token], norms: list[str], taken: list[bool], gaz: Gazetteer, found: _Found
) -> None:
    """Pass 2, state actors: a group noun with a country adjective (القوات الأميركية → USAMIL)."""
    for i in range(len(toks)):
        if taken[i] or not _could_start(norms[i], gaz) & _GROUP:
            continue
        grp = group_actor(toks, i, gaz)
        if grp and not any(taken[i : grp[0] + 1]):
            d, iso, sector, noun = grp
            found.groups.setdefault((iso, sector, noun), []).append((toks[i].start, toks[d].end))
            found.group_roles.setdefault(
                (iso, sector, noun), text[toks[i].start : toks[i + len(noun.split()) - 1].end]
            )
            for k in range(i, d + 1):
                taken[k] = True


def _ner_spans(
    text: str, toks: list[Token], norms: list[str], taken: list[bool], spans: Sequence[tuple[int, int, str]],
    gaz: Gazetteer, kb: Any, found: _Found, dateline: tuple[int, int] | None, reporting_key: str | None,
    known: frozenset[int] = frozenset(),
) -> list[tuple[int, int, int, int, str]]:
    """Pass 3, the NER model's spans; returns its place spans that are no gazetteer name as a whole.
    ``known``: words that are a known person's name by itself, which a MISC span does not take."""
    starts = {t.start: i for i, t in enumerate(toks)}
    ends = {t.end: i for i, t in enumerate(toks)}
    # a lone demonym (ANERcorp tags العراقية as MISC) is left to the gazetteer pass
    ner_places: list[tuple[int, int, int, int, str]] = []
    person_starts = {s for s, _e, typ in spans if typ == "PER"}
    for s, e, typ in spans:
        i = _tok_index(starts, toks, s)
        j = ends.get(e)
        if i is None or j is None or any(taken[i : j + 1]):
            continue
        if i == j and _could_start(norms[i], gaz) & _DEMONYM and gaz.demonym_at(norms[i]):
            continue
        if typ == "MISC" and i == j and i in known:
            continue
        if _web_name(text, s, e):
            continue  # AHDATH.INFO, the outlet's address at the top of its articles: no actor
        # the model trims a proclitic (والعراق → العراق): the first word is read from the span
        words = (normalize_word_cached(text[s : toks[i].end]), *norms[i + 1 : j + 1])
        if typ == "PER" and _firm_named_after(text, s, clubs=False):
            typ = "ORG"  # مجموعة محمد المعجل، شركة عبد اللطيف جميل: a firm named after its founder
        if typ == "PER":
            joined = _joined_by_wa(words[0])
            if joined:  # وفتيحة بندهري: the model kept the conjunction
                s, words = s + 1, (words[0][1:], *words[1:])
            joined = joined or text[toks[i].start : s] == "و"  # [و]ماجد شوقي: the model trimmed it
            lead = _title_at_edge(toks, i, j, text)
            if lead is not None:  # [السيناتور جيف فليك]: the model took the title into the name
                i, lead_title = lead
                s, words = toks[i].start, tuple(norms[i : j + 1])
            else:
                lead_title = None
            edge = _demonym_at_edge(toks, i, j, gaz)
            if edge is not None:  # [الأوروغوياني خوان رودريغيز]، [بريميرو اغوستو الأنغولي]: the nationality
                a, b, title = edge
                words = tuple(t.norm for t in toks[a : b + 1])
                found.persons.append(PersonMention(toks[a].start, toks[b].end, words, title))
                for k in range(i, j + 1):
                    taken[k] = True
                continue
            # a name joined by و starts a list's next item: the title before is the previous name's
            # (باسل رحمي الرئيس التنفيذي لجهاز تنمية المشروعات وماجد شوقي)
            title = lead_title or (None if joined else role_before(toks, i, text, gaz, _role_fn(kb)))
            if title is None or title.country is None or title.sector is None:
                # السفير أحمد سمير سفير مصر لدى العراق: the title after the name says whose
                after = (
                    _igo_title_after(toks, j, text, kb)
                    or _apposition(toks, j, text, gaz, kb, person_starts)
                    or team_title_after(toks, j, text, gaz)
                )
                if after is not None and (title is None or (title.country is None and after.country is not None)):
                    title = after
                elif after is not None and after.sector is not None and _rank_only(title):
                    # اللواء طارق الشاذلي، محافظ السويس؛ المستشار كريم قلاوي نائب رئيس مجلس الدولة: the
                    # office after the name, not the rank or courtesy title before it
                    title = replace(after, country=after.country or title.country)
                elif after is not None and title.sector is None and after.country in (None, title.country):
                    # وعن الجانب البرازيلي وليم ديب، رئيس الغرفة …: the country before, the sector after
                    title = replace(title, sector=after.sector)
            found.persons.append(PersonMention(s, e, words, title))
        elif typ == "LOC" and (_copa_at(norms, i) or (i > 0 and _copa_at(norms, i - 1))):
            first = i if _copa_at(norms, i) else i - 1
            taken[first] = taken[first + 1] = True  # كوبا أمريكا: the cup, neither Cuba nor the USA
            continue
        elif typ == "LOC" and _continent_at(norms, j):
            end = toks[j + 1].end  # أمريكا الجنوبية: a continent, kept as a place without a country
            found.other.setdefault(("LOC", " ".join(norms[i : j + 2])), []).append((s, end))
            taken[j + 1] = True
        elif typ == "LOC" and _TANWEEN.search(text, s, e):
            continue  # معانٍ "meanings", not Ma'an: a name takes no nunation
        elif typ == "LOC":
            longer = gaz.match_at(norms, i)
            if longer and longer[0] > j - i + 1 and not any(taken[i : i + longer[0]]) and _strong(gaz, longer[1]):
                j = i + longer[0] - 1  # the model stopped short of a name the gazetteer knows (ترينيداد وتوباغو)
                e = toks[j].end
            m = gaz.match_at(norms[i : j + 1], 0)
            if not (m and m[0] == j - i + 1):
                # not a gazetteer name as a whole (الحسكة السورية): the gazetteer pass reads its
                # words, weak names allowed; if it finds nothing the span stays a place
                ner_places.append((i, j, s, e, " ".join(words)))
                continue
            a = toks[i].start + orig_cut(text, toks[i].start, m[2])  # our cut: للعراق stays whole
            j = _past_new_town(norms, taken, j, m[1])
            found.places.append((a, toks[j].end, _place_name(m[1], norms, i, a, dateline, reporting_key, ner=True)))
        else:
            found.other.setdefault((typ, " ".join(words)), []).append((s, e))
        for k in range(i, j + 1):
            taken[k] = True
    return ner_places


def _gazetteer_words(
    text: str, toks: list[Token], norms: list[str], taken: list[bool], gaz: Gazetteer, found: _Found,
    ner_places: list[tuple[int, int, int, int, str]], dateline: tuple[int, int] | None, reporting_key: str | None,
) -> None:
    """Pass 4, gazetteer places, demonyms and country references; then the model's place spans the
    gazetteer did not cover."""
    i = 0
    while i < len(toks):
        if taken[i]:
            i += 1
            continue
        could = _could_start(norms[i], gaz)
        if not could:
            i += 1
            continue
        if _continent_at(norms, i) or _copa_at(norms, i):
            for k in (i, i + 1):  # أمريكا الجنوبية، الأميركي الشمالي: a continent, not the USA; كوبا أمريكا: a cup
                taken[k] = True
            i += 2
            continue
        m = gaz.match_at(norms, i) if could & _PLACE else None
        in_ner = m is not None and any(a <= i and i + m[0] - 1 <= b for a, b, *_ in ner_places)
        if m and m[0] == 1 and m[2] and not in_ner and _word_of_its_own(norms[i], m[1]):
            m = None  # كبيرا is not ك + بيرا (Beira), كبرى not ك + بري
        if m and _TANWEEN.search(toks[i].text):
            m = None  # معانٍ "meanings", not Ma'an: a name takes no nunation
        cued = m is not None and _cued(norms, i, m, gaz)
        if m and not any(taken[i : i + m[0]]) and (in_ner or cued or _strong(gaz, m[1])):
            n, key, cut = m
            a = toks[i].start + orig_cut(text, toks[i].start, cut)
            last = _past_new_town(norms, taken, i + n - 1, key)
            found.places.append(
                (a, toks[last].end, _place_name(key, norms, i, a, dateline, reporting_key, ner=in_ner or cued))
            )
            for k in range(i, last + 1):
                taken[k] = True
            i = last + 1
            continue
        dem = gaz.demonym_at(norms[i]) if could & _DEMONYM else None
        if dem and dem[0] == "QAT" and i > 0 and _any_form_in(norms[i - 1], _COUNTRY_LEVEL_NOUNS):
            dem = None  # المديرة القطرية، المكتب القطري: "country-level", not Qatari
        if dem and i > 0 and _any_form_in(norms[i - 1], _CURRENCY_NOUNS):
            # سعر الريال السعودي في البنك الأهلي: a currency counts once, however often an Egyptian price list
            # quotes it (the story is not in Saudi Arabia); الدرهم المغربي in a story on Casablanca's bourse
            # still names Morocco
            a = toks[i].start + orig_cut(text, toks[i].start, dem[1])
            found.currencies.append((a, toks[i].end, dem[0]))
            dem = None
        if dem and not (i > 0 and _any_form_in(norms[i - 1], _LANGUAGE_NOUNS)):  # باللغة الإنجليزية: a language
            a = toks[i].start + orig_cut(text, toks[i].start, dem[1])
            found.demonyms.append((a, toks[i].end, dem[0]))
        elif norms[i] in COUNTRY_REFS and text[toks[i].end - 1] != "ة":  # بلدة (a town) is not بلده
            found.refs.append((toks[i].start, toks[i].end))
        i += 1
    for i, j, s, e, key in ner_places:
        if not any(taken[i : j + 1]):
            found.places.append((s, e, _place_name(key, norms, i, s, dateline, reporting_key, ner=True)))
            for k in range(i, j + 1):
                taken[k] = True


def _count_currencies_once(found: _Found) -> None:
    """Add each currency's country to the article's demonyms once, at its first mention."""
    firsts = {iso: (a, b, iso) for a, b, iso in reversed(found.currencies)}
    found.demonyms = sorted(found.demonyms + list(firsts.values()))


def _hyphenated_regions(
    text: str, toks: list[Token], norms: list[str], taken: list[bool], gaz: Gazetteer, found: _Found,
    dateline: tuple[int, int] | None, reporting_key: str | None, spans: Sequence[tuple[int, int, str]] = (),
) -> None:
    """Pass 3a, before the model's spans: first-level divisions named by their towns joined with dashes
    (جهة طنجة - تطوان - الحسيمة) are one region each, not three towns; not where the model's organisation
    or person span takes the first town (المكتب الجهوي الدار البيضاء - سطات: the office's name)."""
    if not toks or not any(d in text[toks[0].start : toks[-1].end] for d in DASHES):
        return
    dashes = [k for k, t in enumerate(toks) if t.text in DASHES]
    named = [(s, e) for s, e, typ in spans if typ in ("ORG", "PER")]
    # a chain's first town ends at most four words before a dash: only those words can start one
    starts = sorted({i for d in dashes for i in range(max(0, d - 4), d)})
    free = 0  # the first word not inside a chain found already
    for i in starts:
        if i < free or taken[i] or toks[i].kind != "word" or any(s <= toks[i].start < e for s, e in named):
            continue
        chain = _hyphenated_region(toks, norms, taken, i, gaz)
        if chain is None:
            continue
        last, key, cut = chain
        a = toks[i].start + orig_cut(text, toks[i].start, cut)
        found.places.append((a, toks[last].end, _place_name(key, norms, i, a, dateline, reporting_key, ner=True)))
        for k in range(i, last + 1):
            taken[k] = True
        free = last + 1


def _hyphenated_region(
    toks: list[Token], norms: list[str], taken: list[bool], i: int, gaz: Gazetteer
) -> tuple[int, str, int] | None:
    """A first-level division named by its towns joined with dashes (طنجة - تطوان - الحسيمة، والدار البيضاء -
    سطات، كلميم - واد نون), starting at word ``i``: (its last word, the gazetteer key, the proclitic letters
    before it), or None."""
    words: list[int] = []
    dashes = 0
    for k in range(i, min(len(toks), i + 12)):
        if taken[k]:
            break
        if toks[k].text in DASHES:
            dashes += 1
            continue
        if toks[k].kind != "word":
            break
        words.append(k)
    if not dashes or len(words) < 2:
        return None
    m = gaz.match_at([norms[k] for k in words], 0)
    if not m or m[0] < 2:
        return None
    last = words[m[0] - 1]
    if not any(toks[k].text in DASHES for k in range(i, last)):
        return None  # no dash inside: an ordinary name, read as usual
    places = [p for p, strength in gaz.candidates(m[1]) if strength > 0 and p.feature == "admin"]
    return (last, m[1], m[2]) if places else None


def _past_new_town(norms: list[str], taken: list[bool], j: int, key: str) -> int:
    """The last word of a place name ending at word ``j``, past الجديدة after it: سلا الجديدة، دمياط الجديدة
    are their town's new quarters, not الجديدة (El Jadida) apart; بمدينة الجديدة is El Jadida itself."""
    new_town = j + 1 < len(norms) and not taken[j + 1] and norms[j + 1] in _NEW_TOWN and key not in _CITY_NOUNS
    return j + new_town


_TANWEEN = re.compile("[\u064b-\u064d]")
_NEW_TOWN = frozenset(normalize_word(w) for w in "الجديدة الجديد".split())
_CITY_NOUNS = frozenset(key_of(w) for w in "مدينة المدينة".split())  # بمدينة الجديدة: El Jadida itself
_CONTINENT_TAILS = frozenset(normalize_word(w) for w in "الجنوبية الشمالية اللاتينية الوسطى الجنوبي الشمالي اللاتيني".split())
_AMERICA = frozenset(normalize_word(w) for w in "أمريكا أميركا امريكا الأمريكي الأميركي".split())
_COUNTRY_LEVEL_NOUNS = frozenset(
    normalize_word(w) for w in "المدير المديرة مدير مديرة المكتب مكتب الممثل الممثلة البرنامج المستوى الفريق".split()
)


def _copa_at(norms: list[str], i: int) -> bool:
    """كوبا أمريكا at word ``i``: the Copa América, no Cuba."""
    return norms[i] == "كوبا" and i + 1 < len(norms) and _any_form_in(norms[i + 1], _AMERICA)


_LANGUAGE_NOUNS = frozenset(normalize_word(w) for w in "اللغة لغة حروف الحروف لهجة اللهجة الآداب آداب".split())
# currencies named by a demonym: the price of الريال السعودي in Cairo's banks says nothing of where the story is
_CURRENCY_NOUNS = frozenset(
    normalize_word(w)
    for w in "الريال ريال الدينار دينار الدرهم درهم الجنيه جنيه الدولار دولار الليرة ليرة اليوان يوان الين ين الروبل روبل الروبية روبية الفرنك فرنك الشيكل شيكل".split()
)


def _apposition(
    toks: list[Token], j: int, text: str, gaz: Gazetteer, kb: Any, person_starts: set[int]
) -> Title | None:
    """A title with a country right after a name (``صلاح الدين مزوار وزير الخارجية المغربي``), unless
    another name follows it: then the title is that name's (``استقبل فلان وزير الخارجية الأمريكي جون
    كيري``)."""
    title = role_after(toks, j, text, gaz, _role_fn(kb), kb.sector if kb is not None else None)
    if title is None:
        return None
    end = title.start + len(title.role)
    nxt = next((t for t in toks[j + 1 :] if t.start >= end), None)
    if nxt is not None and not text[end : nxt.start].strip() and (nxt.start in person_starts or _known_person_at(kb, nxt)):
        return None
    return title


# ranks and courtesy titles that go before a name whatever office its bearer holds: a retired general
# governs a province, a judge (المستشار in Egypt) chairs a council
_RANKS = frozenset(normalize_word(w) for w in "اللواء العميد العقيد الفريق المستشار".split())


def _rank_only(title: Title) -> bool:
    """Whether ``title`` is a bare rank or courtesy title (اللواء، المستشار), no body or country named."""
    return title.country is None and title.host is None and normalize_word(title.role) in _RANKS


def _title_at_edge(toks: list[Token], i: int, j: int, text: str) -> tuple[int, Title] | None:
    """A person span of the model that begins with a title of one or two words (السيناتور جيف فليك،
    النائب العام فلان): the first word of the name and the title, which gives the sector. Two name words
    must remain."""
    for n in (2, 1):
        if j - i + 1 - n < 2:
            continue
        phrase = " ".join(t.norm for t in toks[i : i + n])
        sector = ROLES.get(phrase)
        if sector:
            return i + n, Title(text[toks[i].start : toks[i + n - 1].end], sector, None, None, toks[i].start)
    return None


def _demonym_at_edge(toks: list[Token], i: int, j: int, gaz: Gazetteer) -> tuple[int, int, Title] | None:
    """A person span of the model that begins or ends with a demonym (الأوروغوياني خوان رودريغيز،
    بريميرو اغوستو الأنغولي): the name without it (first and last word index) and the demonym as the
    person's title, which gives the country."""
    if j - i < 2:
        return None  # two words: the demonym and one name word are too little to split
    for d, a, b in ((i, i + 1, j), (j, i, j - 1)):
        norm = toks[d].norm
        dem = gaz.demonym_at(norm)
        if not (dem and dem[1] == 0 and norm.startswith("ال")):
            continue
        if d == j and _arab_name([t.norm for t in toks[a : b + 1]]):
            continue  # محمد علي المصري، عبد الله التركي: an Arab name's nisba is a family name
        return a, b, Title(toks[d].text, None, dem[0], None, toks[d].start)
    return None


# heads of the titles of an international body's officials (ممثل منظمة الصحة العالمية، المدير العام لمنظمة
# الأغذية والزراعة، المبعوث الخاص للأمم المتحدة)
_IGO_TITLE_HEADS = frozenset(
    normalize_word(w)
    for w in ("ممثل ممثلة مدير مديرة المدير المديرة رئيس رئيسة الأمين المبعوث مبعوث المتحدث نائب مساعد المفوض خبير "
              "المنسق المنسقة منسق منسقة").split()
)


def _igo_title_after(toks: list[Token], j: int, text: str, kb: Any) -> Title | None:
    """An international body's official named before the title (X، ممثل منظمة الصحة العالمية; X المبعوث
    الخاص للأمم المتحدة): a title whose head is an official's and whose body, within four words, is an
    international organisation of the knowledge base. The person is of that body (IGO), whatever their
    nationality."""
    if kb is None:
        return None
    k = title_start(toks, j)
    if k >= len(toks) or toks[k].norm not in _IGO_TITLE_HEADS:
        return None
    window = toks[k + 1 : k + 5]
    for a, b, rec, _cut, kind in kb.matches(window):
        if kind == "strong" and rec.kind == "igo" and all(t.norm[:1].isalpha() for t in window[: a + 1]):
            end = window[b].end
            return Title(text[toks[k].start : end], None, rec.country, None, toks[k].start)
    return None


def _known_person_at(kb: Any, tok: Token) -> bool:
    return kb is not None and any(rec.kind == "person" for _i, _j, rec, _c, _k in kb.matches([tok]))


def _web_name(text: str, s: int, e: int) -> bool:
    """A span whose first or last word is Latin letters joined by a dot to more of them (AHDATH.INFO,
    sabq.org): an address, not an actor."""
    words = text[s:e].split()
    first, last = words[0], words[-1]
    return (first.isascii() and first.isalpha() and s > 1 and text[s - 1] == "." and text[s - 2].isalpha()) or (
        last.isascii() and last.isalpha() and e + 1 < len(text) and text[e] == "." and text[e + 1].isascii()
        and text[e + 1].isalpha())


def _continent_at(norms: list[str], i: int) -> bool:
    """أمريكا الجنوبية / اللاتينية / الشمالية, الأميركي الشمالي at word ``i``: the Americas, not the USA."""
    return i + 1 < len(norms) and norms[i + 1] in _CONTINENT_TAILS and _any_form_in(norms[i], _AMERICA)


def _any_form_in(norm: str, words: frozenset[str]) -> bool:
    """Whether the word, or the word without a proclitic (وأمريكا، باللغة), is one of ``words``."""
    return any(form in words for form, _cut in proclitic_variants(norm))


def _word_of_its_own(word: str, place: str) -> bool:
    """A word read as clitic + place name that the news uses more often than the place name itself is
    a word of its own (كبيرا 1,845 times in SaudiNewsNet, بيرا never); ببغداد or لسوريا are not."""
    freq = _folded_lexicon()
    seen = freq.get(word, 0)
    return seen >= _WORD_OF_ITS_OWN and seen > freq.get(place, 0)


_WORD_OF_ITS_OWN = 20  # fewer sightings say nothing (والصليف 3 times, the port الصليف never)


def _titled_names(
    text: str, toks: list[Token], taken: list[bool], gaz: Gazetteer, kb: Any, found: _Found
) -> None:
    """Without a model: a run of name-like words right after a person's title is a name.

    Name-like: a first name of ANERGazet or a word rare in SaudiNewsNet; the run must hold at
    least one rare word (رجب طيب alone is not enough), so common words after a title are not taken,
    and must begin with a first name unless the title names a country (السفير الأميركي ماثيو تولر).
    """
    first_names = _first_names()
    freq = _folded_lexicon()
    roleish = [_roleish(t.norm, kb) for t in toks]
    i = 1
    while i < len(toks):
        if not any(roleish[max(0, i - _TITLE_REACH) : i]):
            i += 1
            continue
        if taken[i] or not (toks[i].norm in first_names or _rare(toks[i].norm, freq)):
            i += 1
            continue
        if toks[i].norm.startswith("ال"):
            i += 1
            continue
        title = role_before(toks, i, text, gaz, _role_fn(kb))
        role_end = title.start + len(title.role) if title else 0
        if (
            title is None
            or (title.country is None and toks[i].norm not in first_names)
            or any(taken[k] for k in range(i) if title.start <= toks[k].start < role_end)
        ):
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and j + 1 - i < _MAX_NAME_WORDS and not taken[j + 1]:
            nxt = toks[j + 1].norm
            if not (_rare(nxt, freq) or (nxt in first_names and not nxt.startswith("ال"))):
                break
            j += 1
        if not any(_rare(t.norm, freq) for t in toks[i : j + 1]):
            i = j + 1
            continue
        words = tuple(t.norm for t in toks[i : j + 1])
        found.persons.append(PersonMention(toks[i].start, toks[j].end, words, title))
        for k in range(i, j + 1):
            taken[k] = True
        i = j + 1


_TITLE_REACH = 8  # words between a role word and the name: السفير التركي الجديد لدى العراق


@lru_cache(maxsize=WORD_MEMO)
def _roleish(norm: str, kb: Any) -> bool:
    """Whether a word can be part of a person's title (a cheap test before parsing one)."""
    for form, _cut in proclitic_variants(norm):
        if form in ROLE_WORDS or (kb is not None and kb.role_word(form)):
            return True
    return False


def _rare(norm: str, freq: dict[str, int]) -> bool:
    """An Arabic word seen fewer than _RARE times in SaudiNewsNet, without a proclitic: possibly a name."""
    return (
        bool(norm)
        and "\u0621" <= norm[0] <= "\u064a"
        and freq.get(norm, 0) < _RARE
        and not norm.startswith(_CLITIC_STARTS)
    )


@lru_cache(maxsize=1)
def _folded_lexicon() -> dict[str, int]:
    """The frequency lexicon keyed like our words (ة folded into ه)."""
    out: dict[str, int] = {}
    for word, count in lexicon().items():
        key = normalize_word(word)
        out[key] = out.get(key, 0) + count
    return out


def _tok_start(t: Token) -> int:
    return t.start


def _tok_index(starts: dict[int, int], toks: list[Token], offset: int) -> int | None:
    """The word that contains ``offset`` (NER spans may start after a trimmed proclitic)."""
    if offset in starts:
        return starts[offset]
    i = bisect_right(toks, offset, key=_tok_start) - 1  # tokens are in text order
    return i if i >= 0 and offset < toks[i].end else None


def _place_name(
    key: str,
    norms: list[str],
    i: int,
    offset: int,
    dateline: tuple[int, int] | None,
    reporting_key: str | None,
    ner: bool = False,
) -> PlaceName:
    return PlaceName(
        key,
        ner=ner,
        reporting=dateline is not None
        and dateline[0] <= offset < dateline[1]
        and (reporting_key is None or reporting_key == key),
        city_cue=i > 0 and (norms[i - 1] in _CITY_CUES or _any_form_in(norms[i - 1], _PLACE_CUES)),
        region_cue=i > 0 and _any_form_in(norms[i - 1], _REGION_CUES),
    )


def _build(doc: Document, found: _Found, gaz: Gazetteer) -> list[Entity]:
    text = doc.text
    out: list[Entity] = []
    date = found.date  # offices are looked up by day

    def mentions(spans: list[tuple[int, int]]) -> list:
        return [Mention(a, b, text[a:b]) for a, b in sorted(set(spans))]

    # persons
    # مطار الملك فهد، جامعة الملك سعود، مجمع محمد بن راشد: a name inside a place's name is nobody here
    _rejoin_cut_surnames(text, found.persons)
    kb = actor_index()
    if kb is not None:
        found.persons = _namesakes_named_in_full(found.persons, kb)
    clusters = cluster_persons([m for m in found.persons if not _in_a_place_name(text, m)])
    person_country: list[tuple[int, str]] = []  # (offset of a mention, ISO-3) for بلاده
    stateless: list[tuple[Entity, tuple[str, ...]]] = []  # persons nothing in the text gave a country
    own = kb.outlet(doc.source.site) if kb is not None else None  # the outlet's own media record
    _quoted_known_names(text, found, kb, own)
    outlet = _outlet_country(doc, kb)
    _count_currencies_once(found)
    # the countries the article names before any person is resolved: its country names and demonyms
    named = _country_votes(
        [iso for _a, _b, iso in found.demonyms] + [iso for _a, _b, p in found.places if (iso := country_of(gaz, p.key))],
        [], found, gaz,
    )
    named_home = _home_country(named)
    for c in clusters:
        title, full, kb_id = c.title, c.full, c.kb
        if kb_id and kb is not None and _surname_of_a_stranger(c, kb.kb.get(kb_id), named, named_home):
            kb_id = None
        office = kb.person(kb_id, date) if kb is not None and kb_id else None
        # a known person out of office at the date is still of their country (علي عبد الله صالح in 2015)
        known = kb.kb.get(kb_id) if kb is not None and kb_id else None
        # a known person is of their own country, whatever a title the text seems to give says (الإدارة
        # الأمريكية، وزيلينسكى …: a title of the clause before)
        country = (
            (office.country if office else None) or (known.country if known else None) or (title.country if title else None)
        )
        sector = (office.sector if office else None) or (title.sector if title else None) or (known.sector if known else None)
        if title is not None and title.sector == "PTY" and kb_id:
            sector = "PTY"  # امحند العنصر، الأمين العام لحزب الحركة الشعبية: a minister named as a party leader
        # the reporter's name on a line of its own at the top (أحمد العدواني - الدمام): of the outlet
        byline = sector is None and known is None and _reporter(text, c, gaz, kb, own)
        sector, country = ("JRN", country or outlet) if byline else (sector, country)
        country = (
            country or _body_in_title(title, kb, gaz) or _royal_house(full.words) or _sheikhly_house(text, c)
            or _demonym_alone(full.words, gaz)
        )
        role = title.role if title else None
        if role is None and office is not None and kb is not None:
            role = kb.office_words(office.office) or office.title or office.office
        ent = Entity(
            id=kb_id or stable_id("per", " ".join(full.words)),
            type="PER",
            name=text[full.start : full.end],
            mentions=mentions([(m.start, m.end) for m in c.mentions]),
            actor=EntityActor(
                code=(country or "") + (sector or "") or None,
                country=country,
                sector=sector,
                office=role,
                kb_id=kb_id,
                kind="person",
            ),
        )
        out.append(ent)
        if country:  # the outlet's reporter says nothing of the story's countries
            person_country += [(m.start, country) for m in c.mentions if not byline]
        else:
            stateless.append((ent, full.words))
    # a place named in a firm's name (بنك مصر، غرفة جدة، شركة الإسكندرية للبترول، نادي جدة الأدبي) is the
    # firm's name, not a place of the story
    # … and a country after a dash that ends a bank's or firm's name (البنك التجاري الدولي- مصر) is the branch's
    # name: no place either, but still a vote for the country the story is about
    # … and so is a declaration named after the town it was adopted in (إعلان مراكش، «إعلان القاهرة»)
    branches = [x for x in found.places if _branch_named_after(text, x[0]) or _declaration_named_after(text, x[0], x[1])]
    found.places = [
        x for x in found.places
        if not (_firm_named_after(text, x[0]) or _facility_named_after(text, x[0])) and x not in branches
    ]
    _quoted_outlets(text, found, kb, own)
    _outlet_bureau(text, found, own)
    # places: geocode every name with the article as context
    # the outlet's country counts as named: a Saudi paper's local news seldom says السعودية
    context = {iso for _a, _b, iso in found.demonyms} | {iso for _o, iso in person_country}
    context |= {outlet} if outlet else set()
    chosen = geocode((p for _a, _b, p in found.places), context, gaz)
    by_place: dict[int, tuple[Place, list[tuple[int, int]], bool]] = {}
    unplaced: dict[str, list[tuple[int, int]]] = {}
    for a, b, p in found.places:
        place = _read_as_a_place(text, a, b, p, chosen.get(p.key), gaz)
        if place is None:
            unplaced.setdefault(p.key, []).append((a, b))
            continue
        _p, spans, rep = by_place.setdefault(place.geonameid, (place, [], False))
        spans.append((a, b))
        if p.reporting:
            by_place[place.geonameid] = (place, spans, True)
    bodies_demonyms = _bodies_demonyms(text, found)  # still a vote for the country the story is about
    for a, b, iso in found.demonyms:
        if (a, b) in bodies_demonyms:
            continue
        place = gaz.country(iso)
        if place:
            by_place.setdefault(place.geonameid, (place, [], False))[1].append((a, b))
    person_country.sort()
    for a, b in found.refs:
        k = bisect_left(person_country, (a,))  # the mentions before ``a``; the latest one's country
        if k:
            place = gaz.country(person_country[k - 1][1])
            if place:
                by_place.setdefault(place.geonameid, (place, [], False))[1].append((a, b))
    for gid, (place, spans, rep) in sorted(by_place.items(), key=lambda kv: min(kv[1][1])):
        # the reporting place is where the report was filed; named in the story too, it is
        # (also) a place of the story and no longer marked
        body = [s for s in spans if not _in_dateline(doc, s)]
        out.append(
            Entity(
                id=f"geo:{gid}",
                type="GPE" if place.feature in GPE_FEATURES else "LOC",
                name=place.name,
                mentions=mentions(spans),
                # a country is also an actor (العراق يدين ...); a city is only a place
                actor=EntityActor(code=place.country, country=place.country, kb_id=_country_id(kb, place.country), kind="country")
                if place.feature == "country"
                else None,
                geo=place_geo(place, reporting=rep and not body),
            )
        )
    out.extend(_states_of_bodies(text, bodies_demonyms, kb))
    for key, spans in unplaced.items():
        out.append(
            Entity(
                id=stable_id("loc", key),
                type="LOC",
                name=text[spans[0][0] : spans[0][1]],
                mentions=mentions(spans),
            )
        )
    # state actors: القوات الأميركية → USAMIL
    for (iso, sector, noun), spans in found.groups.items():
        out.append(
            Entity(
                id=stable_id("org", f"{iso}{sector}:{noun}"),
                type="ORG",
                name=text[spans[0][0] : spans[0][1]],
                mentions=mentions(spans),
                actor=EntityActor(
                    code=iso + sector,
                    country=iso,
                    sector=sector,
                    office=found.group_roles.get((iso, sector, noun), noun),
                    kind="state",
                ),
            )
        )
    # known organizations
    for kb_id, (rec, spans) in found.kb.items():
        code = rec.code_at(date)
        out.append(
            Entity(
                id=kb_id,
                type="ORG",
                name=rec.name,
                mentions=mentions(spans),
                actor=EntityActor(code=code, country=rec.country, sector=rec.sector, kb_id=kb_id, kind=rec.kind),
            )
        )
    athletes = _athlete_mentions(out, kb)  # known players and coaches: like clubs, no vote for the story's country
    votes = _country_votes(
        [place.country for place, spans, _rep in by_place.values() if place.country for _ in spans]
        + [iso for _a, _b, p in branches if (iso := country_of(gaz, p.key))] + list(bodies_demonyms.values()),
        [pc for pc in person_country if pc[0] not in athletes], found, gaz,
    )
    home = _home_country(votes)
    if home and outlet and home != outlet and votes[home] < _FOREIGN_HOME_VOTES:
        home = None  # a Youm7 gold-price report naming the Fed twice is no story about the USA
    # an unknown person, titled or not, whose name fits is taken to be of the article's country; where
    # no country leads the article but the outlet's is named as often as any, of the outlet's (for an
    # outlet of the region, and a full name only: a weaker guess)
    person_home, basis = (home, "article") if home else (outlet, "outlet")
    if basis == "outlet" and votes and votes.get(outlet or "", 0) < max(votes.values()):
        person_home = None
    _place_stateless(stateless, person_home, basis, home, outlet, votes)
    _one_type_per_name(found.other)
    for (typ, key), spans in found.other.items():
        name = text[spans[0][0] : spans[0][1]]
        # سيرك [بيلوتشي] الإيطالي: a demonym right after the span places the organisation
        # (after any of its mentions: موقف فرنسا، أيده مجلس الشيوخ … مجموعة الصداقة بمجلس الشيوخ الفرنسي)
        after, end = _demonym_after_any(text, spans, gaz) if typ == "ORG" else (None, 0)
        actor = None
        if typ == "ORG":
            # شركة (يو اف اي سبورت فينشرس) الألمانية: after a closing quote the demonym is the whole name's,
            # however long; it is read next to the name's head words
            closed = after is not None and text[end:].lstrip()[:1] in _CLOSING_QUOTES
            described = f"{' '.join(name.split()[:3]) if closed else name} {after}" if after else name
            head = _NEWS_HEAD if any(_news_agency(text, a, b) for a, b in spans) else _word_before(text, spans[0][0])
            actor = _described_before(text, spans, gaz) or _bracketed_alias(text, spans, out, gaz, kb) or _seated_in(
                text, spans, name, gaz, kb, head
            ) or _unknown_organisation(
                described, gaz, kb, *_org_home(name, person_home, basis, outlet), head,
            )
        out.append(Entity(id=stable_id(typ.lower(), key), type=typ, name=name, mentions=mentions(spans), actor=actor))
    out.sort(key=lambda e: e.mentions[0].start if e.mentions else 0)
    _party_members(text, out)
    _alongside_candidates(text, out)
    _listed_under_a_body(text, out, kb)
    _spokespersons(text, out)
    return out


# a spokesperson's title up to the body it speaks for: المتحدث الرسمي باسم [الجيش العراقي] …
_SPOKESPERSON = re.compile(
    r"(?:ال|و|ول|لل)?(?:ناطق|متحدث)[ةه]?(?:\s+(?:ال)?رسمي[ةه]?)?\s+باسم\s*(?:وزارة\s+)?[«\"“]?$"
)  # … باسم وزارة [الخارجية الروسية]: the ministry's name without its head noun
_SPOKESPERSON_GAP = 30  # characters between the body's name and the person's (a rank, a courtesy title)


def _spokespersons(text: str, entities: list[Entity]) -> None:
    """A person named right after «the spokesperson of» a body (المتحدث باسم الخارجية الروسية ماريا
    زاخاروفا، الناطق الرسمي باسم الجيش العراقي العميد يحيى رسول) speaks for it: the body's country and
    sector, unless the person's own title or name gave another country or a sector (a country guessed
    from the article or outlet gives way, and so does a sector with it: العميد of the army)."""
    if "باسم" not in text:
        return
    bodies = [
        (m.start, m.end, e.actor)
        for e in entities
        if e.type in ("ORG", "GPE") and e.actor is not None and e.actor.country is not None
        for m in e.mentions
        if _SPOKESPERSON.search(text, max(0, m.start - 40), m.start)
    ]
    if not bodies:
        return
    for e in entities:
        a = e.actor
        if e.type != "PER" or a is None or (a.sector is not None and a.basis is None):
            continue
        for m in e.mentions:
            body = next((b for bs, be, b in bodies if 0 <= m.start - be <= _SPOKESPERSON_GAP
                         and _only_courtesy(text[be : m.start])), None)
            if body is not None and (a.country in (None, body.country) or a.basis is not None):
                a.country, a.sector, a.basis = body.country, body.sector, body.basis
                a.code = actor_code(a.country, a.sector)
                break


def _only_courtesy(gap: str) -> bool:
    """Whether the words between a body's name and a person's are only commas, points, ranks and
    courtesy titles (، العميد، الدكتور، م.): the person follows the body's name as its spokesperson."""
    return not re.sub(r"[\w\s،,.]", "", gap) and all(  # no quote: وقال متحدث باسم ميتسوبيشي "السيد ميرفي …
        w in _COURTESY or w in _RANKS for w in (normalize_word_cached(x) for x in re.findall(r"\w+", gap))
    )


_COURTESY = HONORIFICS | MARKED_HONORIFICS  # الدكتور، المهندس، م. …


# a list of names headed by the body they belong to: ومن «مصلحة الجمارك»: نادية محمد، وأميمة خميس.. (the
# staff a ministry honours, the officials a decree names); the list runs to the next full stop or colon
_BODY_HEADING = re.compile(r"(?:^|\s)(?:و?من|و?في)\s+[«\"“]?([^«»\"“”:.\n]{3,80}?)[»\"”]?\s*(?:هم|هي)?\s*:")
_LIST_END = re.compile(r"[.:؟!\n]")


def _listed_under_a_body(text: str, entities: list[Entity], kb: Any) -> None:
    """Persons with no sector in a list of names right after a heading that names a body by its head noun
    (مصلحة، هيئة، وزارة، شركة …) take that body's sector, and its country where they have none."""
    if ":" not in text:
        return
    persons = [(m.start, e.actor) for e in entities if e.type == "PER" and e.actor is not None
               and e.actor.sector is None for m in e.mentions]
    if not persons:
        return
    bodies = {key_of(e.name): e.actor for e in entities if e.type == "ORG" and e.actor is not None}
    for heading in _BODY_HEADING.finditer(text):
        words = [key_of(w) for w in heading.group(1).split()]
        sector = _head_sector(words, kb) if words and org_head_sector(words[0]) else None
        if sector is None:
            continue
        start = heading.end()
        end_mark = _LIST_END.search(text, start)
        end = end_mark.start() if end_mark else len(text)
        body = bodies.get(key_of(heading.group(1)))
        for at, actor in persons:
            if start <= at < end and actor.sector is None:
                actor.sector = sector
                actor.country = actor.country or (body.country if body else None)
                actor.code = actor_code(actor.country, sector)


# a party named right after a person, in brackets or after عن (جميلة عفيف (الأصالة والمعاصرة)، محمد جودار
# عن الاتحاد الدستوري), or right before, after a list-head title (وكيل لائحة حزب الاستقلال سعيد بلفقيه)
_PARTY_AFTER = re.compile(r"\s*(?:\(|[-–:]|عن)\s*(?:حزب\s+)?$")  # and a list's X: حزب الاستقلال
_BRACKET_OPEN = re.compile(r"\s*\(\s*")  # والمؤتمر الوطني الاتحادي (فاطمة غلمان): the party's candidate in brackets
_LIST_JOIN = re.compile(r"\s*،?\s*و")  # the words between two names of a list: و (the next name's clitic)
_PARTY_BEFORE = re.compile(r"(?:لائحة|اللائحة|مرشح|مرشحة|مرشحي|عن)\s+(?:حزب\s+)?$")


# a candidate's rank on a list after the name, or a list title before it (وكيل اللائحة، وصيف اللائحة)
_LIST_RANK = re.compile(r"\s*\(\s*(?:المرتبة|وكيل|وكيلة|وصيف|وصيفة)")
_LIST_TITLE = re.compile(
    r"(?:(?:وكيل|وكيلة|وصيف|وصيفة)\s+(?:(?:ال)?لائحة(?:\s+(?:ال)?(?:شباب|نساء|وطنية))?|لائحته|لائحتها)"
    r"|(?:عبر\s+|و)?(?:مرشحه|مرشحها|وصيفه|وصيفته|وصيفها))\s*$"
)
_LIST_REACH = 400  # characters back to the party whose list it is


def _party_members(text: str, entities: list[Entity]) -> None:
    """Persons with no sector whom the text ties to a party (one the knowledge base knows, or a name headed
    حزب) are of that party (PTY), and of its country where nothing else gave one: candidates in election news."""
    parties = [
        (m.start, m.end, e.actor.country)
        for e in entities
        if e.type == "ORG" and e.actor is not None and (e.actor.kind == "party" or e.actor.sector == "PTY")
        for m in e.mentions
    ]
    if not parties:
        return
    # a list of names joined by و before the bracketed party shares it (X وY وZ (العدالة والتنمية)):
    # walked from the end, so each name takes the party of the name after it
    persons = sorted(((m.start, m.end) for e in entities if e.type == "PER" for m in e.mentions), reverse=True)
    listed: dict[int, str] = {}  # a person mention's start → the party its list ends with
    for e in entities:
        a = e.actor
        if e.type != "PER" or a is None:
            continue
        for m in e.mentions:
            party = next(
                (iso for ps, pe, iso in parties if 0 <= ps - m.end <= 12 and _PARTY_AFTER.fullmatch(text[m.end : ps])),
                None,
            )
            if party is not None:
                listed[m.start] = party
    after: dict[int, int] = {}
    for (s2, _e2), (s1, e1) in zip(persons, persons[1:], strict=False):
        if _LIST_JOIN.fullmatch(text[e1:s2]):
            after[s1] = s2
    for s1, _e1 in persons:
        if s1 not in listed and after.get(s1) in listed:
            listed[s1] = listed[after[s1]]
    for e in entities:
        a = e.actor
        if e.type != "PER" or a is None or a.sector is not None:
            continue
        for m in e.mentions:
            party = listed.get(m.start) or next(
                (
                    iso
                    for ps, pe, iso in parties
                    if (0 <= ps - m.end <= 12 and _PARTY_AFTER.fullmatch(text[m.end : ps]))
                    or (0 <= m.start - pe <= 3 and not text[pe : m.start].strip()
                        and _PARTY_BEFORE.search(text[max(0, ps - 20) : ps]))
                    or (0 <= m.start - pe <= 4 and _BRACKET_OPEN.fullmatch(text[pe : m.start]))
                ),
                None,
            )
            if party is None and (_LIST_RANK.match(text, m.end) or _LIST_TITLE.search(text[max(0, m.start - 25) : m.start])):
                # أمينة باسو (المرتبة الرابعة)، وصيف اللائحة X: a candidate of the party list named before
                party = next((iso for ps, _pe, iso in reversed(parties) if 0 <= m.start - ps <= _LIST_REACH), None)
            if party is None and _BRACKETED_AFTER_A_WORD.search(text, max(0, m.start - 40), m.start) and (
                text[m.end : m.end + 4].lstrip().startswith(")")
            ):
                # فاز حزب الأحرار بمقعديه بالناظور (مصطفى المنصوري) والدريوش (…): the seats' winners, in
                # brackets after their towns, are of the party the sentence names before them
                party = next((iso for _ps, pe, iso in reversed(parties)
                              if 0 <= m.start - pe <= _LIST_REACH and not _SENTENCE_END.search(text, pe, m.start)), None)
            if party is not None:
                a.country, a.sector = a.country or party, "PTY"
                a.code = actor_code(a.country, a.sector)
                break


_BRACKETED_AFTER_A_WORD = re.compile(r"\w\s*\(\s*$")
_SENTENCE_END = re.compile(r"[.!؟?]\s")


def _alongside_candidates(text: str, entities: list[Entity]) -> None:
    """The names listed after a party candidate and إلى جانب (حنان بوركبة (وكيلة اللائحة) إلى جانب ثورية بلفقيه
    ونجاة بورقبة) are on the same list: of that party's sector and country, each name joined to the one before
    by و."""
    by_start = {m.start: (m.end, e.actor) for e in entities if e.type == "PER" and e.actor is not None for m in e.mentions}
    parties = {m.start: (m.end, e.actor) for e in entities if e.type == "ORG" and e.actor is not None
               and e.actor.sector == "PTY" for m in e.mentions}
    by_start |= {a: v for a, v in parties.items() if a not in by_start}
    starts = sorted(by_start)
    walking, country = False, None  # a list opened by a candidate, and that candidate's country
    for prev, cur in zip(starts, starts[1:], strict=False):
        end, actor = by_start[prev]
        gap = text[end:cur]
        if prev in parties and cur not in parties and _HEAD_ALONGSIDE.fullmatch(gap):
            walking, country = True, actor.country  # حزب البيئة مينة ورداني (وكيلة اللائحة) إلى جانب X: the head missed
        elif prev in parties:
            walking = False
            continue
        elif actor.sector == "PTY" and _ALONGSIDE.fullmatch(gap):
            walking, country = True, actor.country
        elif not (walking and (_LIST_JOIN.fullmatch(gap) or _MISSED_NAMES.fullmatch(gap))):
            walking = False
            continue
        nxt = by_start[cur][1]
        if nxt.sector is None:
            nxt.country, nxt.sector = nxt.country or country, "PTY"
            nxt.code = actor_code(nxt.country, nxt.sector)
        elif nxt.sector != "PTY":
            walking = False


# names of one to three words, each followed by و (ثورية بلفقيه ونجاة بورقبة و): ones the model missed
_NAME_RUN = r"(?:[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){0,2}\s+و){1,3}"
_ALONGSIDE = re.compile(r"\s*(?:\([^()]{0,40}\))?\s*،?\s*(?:إلى|الى)\s+جانب\s+(?:" + _NAME_RUN + ")?")
# names the model missed between two of a list (ونجاة بورقبة و): two or three words each, joined by و; or
# the first word of the next name, which the model left out of its span (والدريسية [بوف])
_MISSED_NAMES = re.compile(
    r"\s*و(?:[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){1,2}\s+و){1,3}|\s*و[\u0621-\u064a]+\s+"
)
# a party, then its list's head the model missed and إلى جانب (حزب البيئة مينة ورداني (وكيلة اللائحة) إلى جانب)
_HEAD_ALONGSIDE = re.compile(
    r"\s+[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){1,2}\s*\((?:وكيل|وكيلة)\s+(?:اللائحة|لائحة)[^()]{0,20}\)"
    r"\s*،?\s*(?:إلى|الى)\s+جانب\s+"
)


def _one_type_per_name(other: dict[tuple[str, str], list[tuple[int, int]]]) -> None:
    """A name the model tagged MISC once and ORG elsewhere in the article is the organisation throughout
    (الوكالة الفرنسية "إكسبيرتيز فرانس" … إكسبيرتيز فرانس): its MISC mentions join the ORG entity."""
    for typ, key in [k for k in other if k[0] == "MISC" and ("ORG", k[1]) in other]:
        spans = other.pop((typ, key))
        other["ORG", key] = sorted(other["ORG", key] + spans)


def _place_stateless(
    stateless: list[tuple[Entity, tuple[str, ...]]],
    person_home: str | None,
    basis: str,
    home: str | None,
    outlet: str | None,
    votes: dict[str, int],
) -> None:
    """Give persons nothing in the text placed a country: the article's (or the outlet's, ``basis``) when
    their name fits it; then, still without one, the outlet's for an Arab full name (the Saudi players
    of an Italian club, named in a Saudi paper), unless another Arab state, or one whose people bear
    such names, is what the article is about."""
    # a surname alone takes the outlet's country only where the article names that country most
    top = max(votes.values(), default=0)
    outlet_first = bool(person_home) and top > 0 and votes.get(person_home, 0) == top and list(votes.values()).count(top) == 1
    for ent, words in stateless:
        a = ent.actor
        if person_home and _named_as_a_local(words, person_home) and (basis == "article" or len(words) >= 2 or outlet_first):
            a.country, a.code, a.basis = person_home, actor_code(person_home, a.sector), basis
    if not outlet:
        return
    holds = _outlet_holds_arab_names(home, outlet, votes)
    # a family name with the article (سالم الدوسري) is no Turk's or Iranian's: only Arab states compete
    holds_arab_family = _outlet_holds_arab_names(home, outlet, votes, _ARAB_LEAGUE)
    for ent, words in stateless:
        a = ent.actor
        if a.country is not None or not (holds_arab_family if len(words) >= 2 and words[-1].startswith("ال") else holds):
            continue
        # a full name that fits, or an official the text titles but does not place, named by surname
        # alone (وزير المالية ... وأضاف كجوك)
        # (or a full name of any make under a state office the text gives without a country: الدكتورة مايا
        # مرسي وزيرة التضامن الاجتماعي in an Egyptian paper; a foreign minister comes with his country)
        if (_named_as_a_local(words, outlet) or a.office is not None and a.sector in _STATE_SECTORS
                if len(words) >= 2 else a.sector in _STATE_SECTORS):
            a.country, a.code, a.basis = outlet, actor_code(outlet, a.sector), "outlet"


def _org_sector(words: list[str], kb: Any, head: str | None = None) -> str | None:
    """Sector of an organisation from its head words, or from the head noun the model left out of its
    span (البنك [الأهلي المصري] → BUS); a central bank is the state's (GOV)."""
    if head is not None and not head.startswith("ال") and org_head_sector(head) and head not in PASSED_HEADS:
        # بنك [قناة السويس]، هيئة [قناة السويس]: the bare head before governs; not إدارة [البورصة] (its management)
        sector = org_head_sector(head)
    else:
        sector = _head_sector(words, kb)
    if sector is None and head is not None:
        sector = _head_sector([head], kb)
    if sector == "BUS" and any(w in CENTRAL_BANK_WORDS for w in words[:3]):
        sector = "GOV"

    if sector in (None, "GOV") and _of_the_armed_forces(words):
        sector = "MIL"  # الهيئة الهندسية للقوات المسلحة، جهاز مشروعات الخدمة الوطنية للقوات المسلحة
    return sector


def _of_the_armed_forces(words: list[str]) -> bool:
    """Whether a name ends in "of the armed forces" (للقوات المسلحة، التابع للجيش)."""
    return any(w == _FOR_FORCES and n + 1 < len(words) and words[n + 1] == _ARMED for n, w in enumerate(words)) or (
        _FOR_ARMY in words
    )


_FOR_FORCES, _ARMED, _FOR_ARMY = (key_of(w) for w in ("للقوات", "المسلحة", "للجيش"))
_FUND = key_of("صندوق")
_ORG_NAME_ENDS = frozenset(normalize_word(w) for w in "في على من إلى ضد مع عن لدى داخل".split())


# Organisations a demonym places in a country get the sector of their head noun (resolve.ORG_HEADS:
# البنك الأهلي المصري → EGY BUS, الهيئة العامة للاستثمار المصرية → EGY GOV); other heads give the
# country alone (المنتخب المصري → EGY). A party or union head without the article (حزب مصر القوية،
# ائتلاف شباب اليمن) is also placed by a country's name; not اتحاد: mostly sports federations and firms
# (اتحاد طيران الإمارات) in the news.
def _named_after_country(name: str, gaz: Gazetteer, kb: Any = None, head: str | None = None) -> EntityActor | None:
    """An unknown organisation placed in a country by its own name, never the state itself: a party,
    movement or union named after the country (``حزب مصر القوية`` → EGYPTY), or any organisation with a
    demonym in its name (``البنك المركزي المصري`` → EGYGOV, ``المنتخب المصري`` → EGY)."""
    words = [key_of(w) for w in name.split()]
    if not words:
        return None
    party = not words[0].startswith("ال") and org_head_sector(words[0]) in ("PTY", "LAB")
    sector = _org_sector(words, kb, head)
    for n, w in enumerate(words[1:], 1):
        if w in _ORG_NAME_ENDS:
            return None  # تحالف دعم الشرعية في اليمن: a country after a preposition is not in the name
        # a demonym within three words of the head (الهيئة العامة للاستثمار المصرية), not further down a
        # longer span (هجرة منظمة وآمنة لتشغيل العمالة المصرية: the workers are Egyptian)
        if n <= 3 and family_name_after(words[n - 1], w):
            continue  # مجموعة السويدي: the family's group, not a Swedish one
        iso = (gaz.demonym(w) if n <= 3 else None) or (country_of(gaz, w) if party else None)
        if iso:
            kind = "party" if sector == "PTY" else "movement" if sector == "LAB" else "organization"
            return EntityActor(code=actor_code(iso, sector), country=iso, sector=sector, kind=kind)
    return None


def _org_home(name: str, home: str | None, basis: str, outlet: str | None) -> tuple[str | None, str]:
    """The country an unknown organisation is guessed to be of, and on what basis: the article's (or
    outlet's, where it leads); a *national* body or team of an outlet of the region (المنتخب الوطني،
    المجلس الوطني لحقوق الإنسان) is the outlet's country's whatever else the article names."""
    if home is None and outlet and any(key_of(w) in _NATIONAL for w in name.split()):
        return outlet, "outlet"
    if home is None and outlet in _ARAB_LEAGUE and tuple(key_of(w) for w in name.split()) in _CABINET:
        return outlet, "outlet"  # مجلس الوزراء، الديوان الملكي unqualified, in an Arab paper: its own state's
    if outlet in _ARAB_LEAGUE and home not in _ARAB_LEAGUE and _arab_club(name):
        # النصر في معسكره بالنمسا، الاتحاد والبرازيلي ريفاس: a club with an Arabic name is not of the
        # camp's country or the players' (clubs of several Arab states share these names: the outlet's)
        return outlet, "outlet"
    return home, basis


_NATIONAL = frozenset(key_of(w) for w in "الوطني الوطنية للوطني".split())
# the cabinet and the court of a state, named without it
_CABINET = frozenset(
    tuple(key_of(w) for w in phrase.split())
    for phrase in ("مجلس الوزراء", "لمجلس الوزراء", "الديوان الملكي", "رئاسة الجمهورية", "رئاسة الوزراء", "ديوان الرئاسة")
)
# club names (and their adjectives) that several Arab states' clubs share, so the knowledge base leaves them out
_ARAB_CLUBS = frozenset(
    key_of(w)
    for w in (
        "الأهلي الهلال النصر الاتحاد الشباب الاتفاق الفيصلي القادسية الوحدة الفتح التعاون الرائد الفيحاء"
        " الخليج العروبة النجمة الوصل العين الشارقة العربي السالمية الريان السد الغرافة الوحدات الرجاء"
        " الوداد الترجي الإسماعيلي الأهلاوي الهلالي النصراوي الاتحادي الاتفاقي الشبابي القدساوي"
    ).split()
)
_TEAM_NOUNS = frozenset(key_of(w) for w in "نادي النادي فريق الفريق".split())


def _arab_club(name: str) -> bool:
    """Whether an organisation's name is a club name Arab clubs share (النصر، نادي الاتحاد، للفريق الاتحادي)."""
    words = [key_of(w) for w in name.split()]
    words = [w for w in words if w not in _TEAM_NOUNS and w.removeprefix("ل") not in _TEAM_NOUNS]
    if len(words) != 1:
        return False
    return any(form in _ARAB_CLUBS for form, _cut in proclitic_variants(words[0]))


def _unknown_organisation(
    name: str, gaz: Gazetteer, kb: Any, home: str | None, basis: str = "article", head: str | None = None
) -> EntityActor | None:
    """Who an organisation the knowledge base does not list is: a country its name gives (a demonym, a
    place it names), else the country the article (or its outlet: ``basis``) is about."""
    return (
        _pan_arab_body(name)
        or _nationality_alone(name, gaz)
        or _named_after_country(name, gaz, kb, head)
        or _named_after_place(name, gaz, kb, head)
        or _named_after_a_ruler(name, kb, head)
        or _of_the_article(name, kb, home, head, basis)
    )


def _named_after_a_ruler(name: str, kb: Any, head: str | None = None) -> EntityActor | None:
    """An institution named after a ruler of one state (جامعة الملك سعود، مدينة الملك عبدالعزيز للعلوم
    والتقنية، جامعة نايف العربية، مستشفى الشيخ زايد، جامعة محمد الخامس): that state's, with the sector its
    head noun gives, wherever the article is. The rulers are the knowledge base's ``namesakes``: the
    title with the name, or the name alone right after the head noun (جامعة نايف)."""
    words = [key_of(w) for w in name.split()]
    for n in range(len(words)):
        iso = (
            kb.kb.namesake_country(words[n : n + 3])
            or kb.kb.namesake_country(words[n : n + 2])
            or (kb.kb.namesake_country(words[n : n + 1]) if n == 1 else None)
        )
        if iso:
            sector = _org_sector(words, kb, head)
            return EntityActor(code=actor_code(iso, sector), country=iso, sector=sector, kind="organization")
    return None


def _nationality_alone(name: str, gaz: Gazetteer) -> EntityActor | None:
    """An organisation named by a demonym alone (المنتخب الوطني مع نظيره [الناميبي]): that country's."""
    words = name.split()
    iso = _demonym_alone([key_of(w) for w in words], gaz) if len(words) == 1 else None
    return EntityActor(code=iso, country=iso, kind="organization") if iso else None


def _pan_arab_body(name: str) -> EntityActor | None:
    """A council, union, network or organisation whose first modifier is "Arab" (الاتحاد العربي للنقابات،
    الشبكة العربية للمؤسسات الوطنية لحقوق الإنسان، البرلمان العربي) or a council of the Arabs' ministers
    (مجلس وزراء الداخلية العرب) is a body of the Arab states or peoples, an international one (IGO), not the article's country's. Not firms (الشركة العربية …) nor
    centres (المركز العربي للأبحاث, a think tank of one country)."""
    words = [key_of(w) for w in name.split()]
    if len(words) >= 2 and words[0] in _PAN_ARAB_HEADS and words[1] in _ARAB_ADJECTIVES:
        return EntityActor(code="IGO", country="IGO", kind="organization")
    if len(words) >= 3 and words[0] in _COUNCIL and words[-1] == _THE_ARABS:
        # مجلس وزراء الداخلية العرب، مجلس وزراء الإسكان والتعمير العرب: the Arab League's councils
        return EntityActor(code="IGO", country="IGO", kind="organization")
    return None


_COUNCIL = frozenset(key_of(w) for w in "مجلس المجلس اتحاد الاتحاد".split())
_THE_ARABS = key_of("العرب")


_PAN_ARAB_HEADS = frozenset(key_of(w) for w in "الاتحاد المنظمة المجلس البرلمان الشبكة الهيئة اللجنة".split())
_ARAB_ADJECTIVES = frozenset(key_of(w) for w in "العربي العربية".split())


def _named_after_place(name: str, gaz: Gazetteer, kb: Any, head: str | None = None) -> EntityActor | None:
    """An organisation named after a place of one country: ``محكمة طهران الثورية`` → IRNJUD, ``مجلس
    جماعة مكناس`` → MARGOV, ``سبورتنغ لشبونة`` and ``برشلونة`` (the club, where the model tags an
    organisation) → ESP, ``مصر للطيران`` → EGY. A place after a preposition is where the organisation
    acts, not its name (``تحالف دعم الشرعية في اليمن``); a place name that several countries share
    says nothing; a weak name (also an ordinary word) is not read as a place."""
    words = [key_of(w) for w in name.split()]
    city = _big_city_club(words, gaz)
    if city:
        return EntityActor(code=city, country=city, kind="organization")
    for i in range(len(words)):
        if words[i] in _ORG_NAME_ENDS:
            return None
        m = gaz.match_at(words, i)
        if not m or (i == 0 and m[2]):
            continue  # a proclitic on the first word (للعراق) is no part of a name
        iso = place_country(gaz, m[1])
        if iso:
            sector = _org_sector(words, kb, head)
            return EntityActor(code=actor_code(iso, sector), country=iso, sector=sector, kind="organization")
        if _strong(gaz, m[1]):
            return None  # a place several countries share (طرابلس) says nothing
    return None


# heads of state bodies a role table does not list as such
_STATE_HEADS = {
    tuple(key_of(w) for w in phrase.split()): sector
    for phrase, sector in (
        ("مجلس الوزراء", "GOV"), ("الهيئة العامة", "GOV"), ("الهيئة الوطنية", "GOV"), ("الهيئة العليا", "GOV"),
        ("المؤسسة العامة", "GOV"), ("الجهاز المركزي", "GOV"), ("البنك المركزي", "GOV"), ("الديوان الملكي", "GOV"),
        ("رئاسة الجمهورية", "GOV"), ("رئاسة الوزراء", "GOV"), ("المديرية العامة", "GOV"), ("الإدارة العامة", "GOV"),
        ("المجلس الدستوري", "JUD"), ("المجلس الأعلى للقضاء", "JUD"), ("مجلس المستشارين", "LEG"), ("مجلس الدولة", "JUD"),
        # a state's national offices and trade representations (المكتب الوطني للاستشارة الفلاحية، المكتب
        # التجاري المصري، التمثيل التجاري) and its funds (صندوق الإسكان الاجتماعي، صندوق التنمية العقاري)
        ("المكتب الوطني", "GOV"), ("المكتب التجاري", "GOV"), ("المكتب الاقتصادي", "GOV"), ("التمثيل التجاري", "GOV"),
        ("الوكالة الوطنية", "GOV"), ("صندوق", "GOV"),
        # committees of ministers and joint higher committees of two states (اللجنة العليا المصرية اللبنانية)
        ("اللجنة العليا", "GOV"), ("اللجنة الوزارية", "GOV"), ("المجموعة الوزارية", "GOV"), ("اللجنة الحكومية", "GOV"),
        # a council of religious scholars (المجلس العلمي الأعلى، المجلس العلمي المحلي), a parliament's
        # friendship group (مجموعة الصداقة الفرنسية المغربية بمجلس الشيوخ)
        ("المجلس العلمي", "REL"), ("مجموعة الصداقة", "LEG"), ("لجنة السياسة النقدية", "GOV"),
        # business councils (مجلس الأعمال المصري الأوكراني) and a legislature named by its power
        # (المؤسسة التشريعية، السلطة التشريعية، المجلس التشريعي الفلسطيني) (added 2026-12-08)
        ("مجلس الأعمال", "BUS"), ("مجالس الأعمال", "BUS"), ("المؤسسة التشريعية", "LEG"), ("السلطة التشريعية", "LEG"),
        ("المجلس التشريعي", "LEG"),
    )
}
_STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "SPY", "MIL"})


def _head_sector(words: list[str], kb: Any, generic: bool = True) -> str | None:
    """Sector of the organisation's head words (the first one to three), from the role tables;
    ``generic``: also from the one-word heads of ``ORG_HEADS`` (مجلس، هيئة → GOV), which say too
    little to tie a body to a state (مجلس إدارة الشركة)."""
    if words and not words[0].startswith("ال"):
        # للهيئة العامة للاستثمار: the span kept لـ on the article, whose alef it elided (ner._trim_proclitics);
        # the proclitic reading that restores the article (it cuts nothing) gives the head back
        restored = (f for f, cut in proclitic_variants(words[0]) if cut == 0 and f != words[0] and f.startswith("ال"))
        words = [next(restored, words[0]), *words[1:]]
    if len(words) > 1 and words[0] == _FUND and words[1].isascii():
        return "BUS"  # صندوق iShares Silver Trust: a market's fund, not the state's (صندوق التنمية العقارية)
    for n in (3, 2, 1):
        head = tuple(words[:n])
        if len(head) < n:
            continue
        sector = _STATE_HEADS.get(head) or (kb.sector(head) if kb is not None else None)
        if sector:
            return sector
    if not generic:
        return None
    return org_head_sector(words[0]) if words else None


def _of_the_article(
    name: str, kb: Any, home: str | None, head: str | None = None, basis: str = "article"
) -> EntityActor | None:
    """An organisation that names no country is taken to be of the country the article is about, when
    the article is clearly about one (``basis="article"``): a body of the state (``مجلس النواب``,
    ``وزارة الصحة``, ``النيابة العامة`` → GOV, LEG, JUD ...), a party (``حزب الحركة الشعبية``), the
    national team, a firm, a club, a university. Measured on hand-checked mentions of three countries'
    outlets (docs/bench/actors.md): right about 19 times in 20, where nothing else gives a country."""
    words = [key_of(w) for w in name.split()]
    if home is None or not words:
        return None
    if tuple(words[:2]) in _NATIONAL_TEAMS:
        return EntityActor(code=home, country=home, kind="organization", basis=basis)
    sector = _head_sector(words, kb, generic=False)
    if sector in _STATE_SECTORS or sector == "PTY":
        kind = "party" if sector == "PTY" else "state"
    else:
        sector, kind = _org_sector(words, kb, head) or _business_name(words), "organization"
    if sector != "BUS" and any(w in _BEYOND_ONE_STATE for w in words):
        return None  # معهد شوازيل الدولي; a firm or bank so named is mostly local (البنك التجاري الدولي)
    return EntityActor(code=actor_code(home, sector), country=home, sector=sector, kind=kind, basis=basis)


def _business_name(words: list[str]) -> str | None:
    """BUS for a firm's name made of a brand and its trade (وبر للاستثمار التجاري، المعمورة للتنمية
    السياحية، بيراميزا للفنادق): a word لل + a trade."""
    return "BUS" if any(w in _TRADES for w in words[1:]) else None


_TRADES = frozenset(
    key_of(w)
    for w in "للاستثمار للتطوير للتنمية للصناعات للصناعة للتجارة للخدمات للنقل للفنادق للأدوية للمقاولات للتأمين للإسكان للتعمير للحديد للأسمنت للبترول للطاقة للاتصالات".split()
)
# words that place an organisation above or outside one state (معهد شوازيل الدولي، البنك الأوروبي،
# منصة TripAdvisor العالمية): not the article's country
_BEYOND_ONE_STATE = frozenset(
    key_of(w) for w in "الدولي الدولية العالمي العالمية الأوروبي الأوروبية الأفريقي الأفريقية الإفريقي الإفريقية الآسيوي الآسيوية الأممي الأممية القاري القارية".split()
)
_NATIONAL_TEAMS = frozenset(tuple(key_of(w) for w in p.split()) for p in ("المنتخب الوطني", "الفريق الوطني"))
_MIN_HOME_VOTES = 2
_FOREIGN_HOME_VOTES = 3  # an article of an outlet of the region is about another country when it names it this often
_NO_VOTE = frozenset({"club", "company", "university"})  # a firm named (HSBC in a gold-price report) says little of where the story is


def _athlete_mentions(entities: list[Entity], kb: Any) -> set[int]:
    """Where the known players and coaches of the article (``field: sport`` in the knowledge base) are named."""
    if kb is None:
        return set()
    return {
        m.start
        for e in entities
        if e.type == "PER" and e.actor is not None and e.actor.kb_id
        and (rec := kb.kb.get(e.actor.kb_id)) is not None and rec.extra.get("field") == "sport"
        for m in e.mentions
    }


def _country_votes(
    place_countries: Iterable[str], person_country: list[tuple[int, str]], found: _Found, gaz: Gazetteer
) -> dict[str, int]:
    """How often the article names each country: its place and demonym mentions (one country each),
    state actors, titled and known persons and organisations (clubs left out)."""
    votes: dict[str, int] = {}
    for iso in place_countries:
        votes[iso] = votes.get(iso, 0) + 1
    for _o, iso in person_country:
        votes[iso] = votes.get(iso, 0) + 1
    for (iso, _sector, _noun), spans in found.groups.items():
        votes[iso] = votes.get(iso, 0) + len(spans)
    for rec, _spans in found.kb.values():
        iso = getattr(rec, "country", None)
        if rec.kind in _NO_VOTE and not (rec.kind == "club" and iso in _ARAB_LEAGUE):
            # تشيلسي، HSBC: a European club or a firm says little of where the story is; a club of an
            # Arab league (الزمالك) plays at home, with the country's players, once per club
            continue
        if iso and gaz.country(iso) is not None:
            # once per body however often named: الاحتياطي الفيدرالي in every line of a gold-price
            # report says where the prices come from, not where the story is
            votes[iso] = votes.get(iso, 0) + 1
    return votes


def _home_country(votes: dict[str, int]) -> str | None:
    """The country the article is about: the one it names most, at least twice and at least twice as
    often as any other; None when no country leads."""
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < _MIN_HOME_VOTES:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]


_ARAB_LEAGUE = frozenset(
    "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM".split()
)
_PATRONYMS = frozenset(normalize_word(w) for w in ("بن", "ابن", "ولد", "بنت"))


# states whose people commonly bear names of the Arabic onomasticon (محمد جواد، عبد الرحمن): an article
# about one of them is no place to give its Arab-named persons the outlet's country
_ARAB_NAMED = _ARAB_LEAGUE | frozenset("IRN TUR PAK AFG AZE IDN MYS BGD SEN NGA NER MLI TCD".split())


_OUTLET_VOTE = 1  # the outlet's own country counts as named once: its local news seldom names it


def _outlet_holds_arab_names(
    home: str | None, outlet: str, votes: dict[str, int], rivals: frozenset[str] = _ARAB_NAMED
) -> bool:
    """Whether Arab-named persons still without a country take the outlet's: the article is about the
    outlet's country, about none (an Italian club's match names Italy twice and Austria twice) or about
    a state whose people seldom bear Arab names (on the dev samples this places 8 Saudis and Egyptians
    right for 3 French wrong) — and no state whose people bear such names is named more often than
    the outlet's."""
    if home is not None and home != outlet and home in rivals:
        return False
    rival = max((n for iso, n in votes.items() if iso in rivals and iso != outlet), default=0)
    return votes.get(outlet, 0) + _OUTLET_VOTE >= rival


def _body_in_title(title: Any, kb: Any, gaz: Gazetteer) -> str | None:
    """The "country" of an international body, or of a state's body, the knowledge base knows in a title
    that names no country (سفيرة الاتحاد الأوروبي، ممثل الأمم المتحدة، مستشار الديوان الملكي): the
    person serves it. A firm or club in a title (مدرب ريال مدريد) says nothing of the person's country."""
    if title is None or title.country is not None or kb is None:
        return None
    for _a, _b, rec, _cut, _kind in kb.matches(tokenize_words(title.role)):
        iso = getattr(rec, "country", None)
        if rec.kind != "person" and iso and (gaz.country(iso) is None or rec.sector in _STATE_SECTORS):
            return iso
    return None


def _outlet_country(doc: Document, kb: Any) -> str | None:
    """The country of the outlet that published the article, when it is an Arab state: the reader's
    ``meta["country"]`` (a corpus that says it), else the knowledge base's media record of the site.
    An international agency's or broadcaster's country says nothing of its stories."""
    iso = doc.meta.get("country") if isinstance(doc.meta.get("country"), str) else None
    if iso is None and kb is not None:
        iso = kb.outlet_country(doc.source.site)
    return iso if iso in _ARAB_LEAGUE else None


# Ruling houses of the Gulf whose names end a royal's full name (خالد بن سلطان بن عبد العزيز، تميم بن حمد
# آل ثاني، محمد بن زايد آل نهيان، حمد بن عيسى آل خليفة، صباح الأحمد الجابر الصباح): the name itself says
# the country. Only after a patronymic بن or the family's آل: القاسمي or الصباح alone is a common surname.
_ROYAL_HOUSES = {
    tuple(normalize_word(w) for w in phrase.split()): iso
    for phrase, iso in (
        ("آل سعود", "SAU"), ("بن عبد العزيز", "SAU"), ("بن عبدالعزيز", "SAU"), ("آل ثاني", "QAT"),
        ("آل نهيان", "ARE"), ("آل مكتوم", "ARE"), ("آل القاسمي", "ARE"), ("آل نعيمي", "ARE"), ("آل خليفة", "BHR"),
        ("آل الصباح", "KWT"), ("الجابر الصباح", "KWT"), ("آل سعيد", "OMN"),
    )
}
_ROYAL_LONGEST = max(len(k) for k in _ROYAL_HOUSES)


def _demonym_alone(words: Sequence[str], gaz: Gazetteer) -> str | None:
    """A name that is a demonym alone (استعرض الوزير [الألباني]، مع نظيره [الناميبي]): the model took the
    nationality for the name; it still says the country."""
    found = gaz.demonym_at(words[0]) if len(words) == 1 else None
    return found[0] if found else None


def _royal_house(words: Sequence[str]) -> str | None:
    """The country of a ruling house whose name ends a full name of three words or more, else None."""
    if len(words) < 3 or normalize_word("بن") not in words[:-1] and words[-2] != normalize_word("آل"):
        return None
    return next((_ROYAL_HOUSES[tuple(words[-n:])] for n in range(_ROYAL_LONGEST, 1, -1)
                 if tuple(words[-n:]) in _ROYAL_HOUSES), None)


# ruling houses named without آل after a sheikh's title (الشيخة نوال الصباح، الشيخ سعود بن راشد المعلا);
# without the title these are ordinary family names too (عمر محمد الصباح)
_SHEIKHLY_HOUSES = {normalize_word(w): iso for w, iso in (("الصباح", "KWT"), ("النهيان", "ARE"), ("المعلا", "ARE"), ("القاسمي", "ARE"))}
_SHEIKH = frozenset(normalize_word(w) for w in "الشيخ الشيخة والشيخ والشيخة".split())


def _sheikhly_house(text: str, c: PersonCluster) -> str | None:
    """The country of a Gulf ruling house a name ends in, when a mention follows الشيخ/الشيخة (the title
    the model may have kept inside the span, or the word before it)."""
    iso = _SHEIKHLY_HOUSES.get(c.full.words[-1]) if c.full.words else None
    if iso is None:
        return None
    for m in c.mentions:
        before = text[max(0, m.start - 12) : m.start].split()
        if m.words[0] in _SHEIKH or (before and normalize_word_cached(before[-1]) in _SHEIKH):
            return iso
    return None


def _named_as_a_local(words: Sequence[str], home: str) -> bool:
    """Whether a person's name fits the article's country: an Arab name in a story about an Arab state
    (a listed given name, عبد/أبو/بن, a family name with the article), another name elsewhere
    (ماكس راكوتومانجي in a Moroccan story, سارة النفيسي in one about Israel are not locals). A surname
    alone says nothing either way."""
    if len(words) < 2:
        return True
    return _arab_name(words) == (home in _ARAB_LEAGUE)


def _arab_name(words: Sequence[str]) -> bool:
    """Whether a full name (normalized words) is of the Arabic onomasticon: a listed given name, عبد/أبو/آل,
    بن, or a family name with the article."""
    names = _arab_given_names()
    return (
        words[0].startswith(("عبد", "ابو", "آل"))  # عبد الله، أبو بكر، آل حبيب (not ال: ألفارو)
        or words[0] in _PATRONYMS  # ابن كيران، بن صالح
        or words[-1].startswith("ال")  # a family name with the article: الوردي، البكدوري (foreign names lack it)
        or any(w in names or w in _PATRONYMS for w in words[:-1])
        or _glued_given_name(words[0], names)
    )


def _glued_given_name(word: str, names: frozenset[str]) -> bool:
    """A verb a scraped page glued to the given name after it (أكدأحمد، استقبلشريف): a listed given name
    of four letters or more ends the word, after three letters or more (a verb's; ديلينا is no دي + لينا)."""
    return any(word[k:] in names for k in range(3, len(word) - 3))


def _rejoin_cut_surnames(text: str, persons: list[PersonMention]) -> None:
    """A one-word person the model cut out of a longer word (وأوضح و[اصف]، قال ك[جوك]) whose whole word is
    the surname of a full name in the article (إيهاب واصف، أحمد كجوك) is that surname: the cut letters
    were the name's own, not a conjunction or a preposition."""
    surnames = {m.words[-1] for m in persons if len(m.words) > 1}
    for m in persons:
        if len(m.words) != 1 or m.kb:
            continue
        k = m.start
        while k > 0 and text[k - 1].isalpha() and m.start - k < 3:
            k -= 1
        if k < m.start and (k == 0 or not text[k - 1].isalpha()):
            whole = normalize_word_cached(text[k : m.end])
            if whole in surnames:
                m.start, m.words = k, (whole,)


def _joined_by_wa(word: str) -> bool:
    """A first name with the conjunction و glued to it (وفتيحة، وزكرياء), not a name of its own (وليد، وائل)."""
    names = _arab_given_names()
    return len(word) > 3 and word.startswith("و") and word not in names and word[1:] in names


@lru_cache(maxsize=1)
def _arab_given_names() -> frozenset[str]:
    """The shipped list of Arab given names (``data/actors/arab_given_names.txt``), normalized."""
    from importlib import resources

    try:
        text = resources.files("rasd.data").joinpath("actors", "arab_given_names.txt").read_text(encoding="utf-8")
    except FileNotFoundError:
        return frozenset()
    return frozenset(normalize_word(w.strip()) for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _big_city_club(words: list[str], gaz: Gazetteer) -> str | None:
    """An organisation span that is only the name of a big city (برشلونة، ميلان، ليون، للسيتي aside) is
    its club, of that city's country, though the name is too common in the news to count as a place on
    its own (weak): a city of BIG_CLUB_CITY people in one country."""
    if len(words) > 2:
        return None
    for form, _cut in proclitic_variants(" ".join(words)):
        cities = sorted((p for p, _s in gaz.candidates(form) if p.feature == "city"), key=lambda p: -p.population)
        if cities and cities[0].population >= BIG_CLUB_CITY:
            rival = next((p.population for p in cities[1:] if p.country != cities[0].country), 0)
            if cities[0].population >= 2 * rival:  # برشلونة: Spain's, not the Venezuelan city's
                return cities[0].country
    return None


BIG_CLUB_CITY = 400_000


def _described_before(text: str, spans: Sequence[tuple[int, int]], gaz: Gazetteer) -> EntityActor | None:
    """An organisation named in quotes right after a noun and a demonym that describe it (الوكالة الفرنسية
    "إكسبيرتيز فرانس"، الأسبوعية الفرنسية "ليكسبريس"): of
    that country, with the sector the noun gives (صحيفة، مجلة → JRN; وكالة، هيئة → GOV)."""
    for a, b in spans:
        if not _quoted(text, a, b):
            continue
        toks = tokenize_words(text[max(0, a - 40) : a])
        words = [t for t in toks if t.kind == "word"]
        if len(words) < 2 or toks[-1].kind == "word":
            continue  # the quote must come right before the name, after the two words
        noun, dem = key_of(words[-2].text), key_of(words[-1].text)
        iso = gaz.demonym(dem) if dem.startswith("ال") else None
        if iso and noun.startswith("ال"):
            sector = org_head_sector(noun) or _DESCRIBING_NOUNS.get(noun.removeprefix("ال")) or next(
                # شركة الخطوط الجوية الفرنسية "اير فرانس": a head noun a few words before the description
                (sec for w in reversed(words[-5:-2]) if (sec := org_head_sector(key_of(w.text)))), None
            )
            return EntityActor(code=actor_code(iso, sector), country=iso, sector=sector, kind="organization")
    return None


def _bracketed_alias(
    text: str, spans: Sequence[tuple[int, int]], entities: Sequence[Entity], gaz: Gazetteer, kb: Any
) -> EntityActor | None:
    """An organisation named in brackets right after the body's full name is that body: its short name or
    acronym (مكتب الأمم المتحدة لخدمات المشاريع (UNOPS)، الوكالة اليابانية للتعاون الدولي (جايكا)). The
    full name is read from the nearest head noun (مكتب، الوكالة …) among the last words before the
    bracket: the country of a known body named in it, else of a demonym in it; the sector its head gives."""
    for a, b in spans:
        before, after = text[max(0, a - 120) : a].rstrip(), text[b : b + 3].lstrip()
        if not (before.endswith("(") and after.startswith(")")):
            continue
        base = a - 120 if a >= 120 else 0
        toks = tokenize_words(before[:-1])
        words = []
        for t in reversed(toks):  # the words back to the clause's last punctuation, six at most
            if t.text == "-" and words:
                continue  # البنك التجاري الدولي-مصر (سي أي بي)
            if t.kind != "word" or len(words) == 6:
                break
            words.append(t)
        words.reverse()
        heads = [n for n, w in enumerate(words) if _body_noun(key_of(w.text))]
        if not heads or len(words) - heads[-1] < 2:
            continue
        phrase = words[heads[-1] :]
        start, end = base + phrase[0].start, base + phrase[-1].end
        known = [e.actor for e in entities for m in e.mentions
                 if e.actor is not None and e.actor.country and start <= m.start and m.end <= end]
        # a known body, else a demonym or a country's name in the full name (البنك التجاري الدولي-مصر)
        iso = known[-1].country if known else next(
            (c for w in phrase[1:] if (c := gaz.demonym(key_of(w.text)) or country_of(gaz, key_of(w.text)))), None)
        if iso is None:
            continue
        head = _body_noun(key_of(phrase[0].text))
        sector = org_head_sector(head) or _DESCRIBING_NOUNS.get(head.removeprefix("ال"))
        if sector == "BUS" and any(key_of(w.text) in CENTRAL_BANK_WORDS for w in phrase[1:3]):
            sector = "GOV"
        code = known[-1].code if known and sector is None else actor_code(iso, sector)
        return EntityActor(code=code, country=iso, sector=sector, kind="organization")
    return None


def _seated_in(
    text: str, spans: Sequence[tuple[int, int]], name: str, gaz: Gazetteer, kb: Any, head: str | None
) -> EntityActor | None:
    """An organisation the text says is seated somewhere (شركة "فيتنيس سيتي"، ومقرها نيويورك؛ ومقرها
    الرئيسي في لندن): of that place's country, with the sector its head noun gives."""
    for _a, b in spans:
        m = _SEAT.match(text, b)
        if m is None:
            continue
        words = [t.norm for t in tokenize_words(m.group(1)) if t.kind == "word"]
        found = gaz.match_at(words, 0) if words else None
        iso = (country_of(gaz, found[1]) or place_country(gaz, found[1])) if found and found[2] == 0 else None
        if iso:
            sector = _org_sector([key_of(w) for w in name.split()], kb, head)
            return EntityActor(code=actor_code(iso, sector), country=iso, sector=sector, kind="organization")
    return None


_SEAT = re.compile(r"\s*[»\"”]?\s*[،,]?\s*و?(?:التي\s+)?(?:مقرها|مقره|يقع مقرها|تتخذ من)(?:\s+الرئيسي)?\s+(?:في\s+)?(\S+(?:\s+\S+)?)")


def _body_noun(word: str) -> str | None:
    """The word (or it without و) when it is the head noun of a body's name: one of resolve.ORG_HEADS or
    another noun bodies are named by (وكالة، مكتب، منظمة، صندوق …)."""
    for form in (word, word.removeprefix("و")) if len(word) > 3 else (word,):
        bare = form.removeprefix("ال")
        if bare in ORG_HEADS or bare in _OTHER_BODY_NOUNS:
            return form
    return None


_OTHER_BODY_NOUNS = frozenset(
    key_of(w) for w in "وكالة مكتب منظمة صندوق مركز برنامج لجنة اتحاد جمعية مفوضية بعثة منتدى شبكة".split()
)


# nouns that describe a body named after them in quotes, where the head nouns of names (ORG_HEADS) say nothing
_DESCRIBING_NOUNS = {
    key_of(w): sector
    for words, sector in (("أسبوعية اسبوعية يومية مجلة صحيفة جريدة قناة شبكة", "JRN"), ("وكالة", "GOV"))
    for w in words.split()
}


def _demonym_after_any(text: str, spans: Sequence[tuple[int, int]], gaz: Gazetteer) -> tuple[str | None, int]:
    """The first demonym right after one of an entity's mentions, and that mention's end."""
    return next(((d, b) for _a, b in spans if (d := _demonym_after(text, b, gaz))), (None, 0))


def _demonym_after(text: str, end: int, gaz: Gazetteer) -> str | None:
    """The demonym (as written) right after ``end`` in the same phrase, if the next word is one."""
    toks = tokenize_words(text[end : end + 40])
    if len(toks) > 1 and toks[0].text in _CLOSING_QUOTES:  # «سكاتك» النرويجية: past the closing quote
        toks = toks[1:]
    nxt = toks[0] if toks and toks[0].start > 0 else None  # a word of its own, not the span's tail
    return nxt.text if nxt is not None and nxt.kind == "word" and gaz.demonym(key_of(nxt.text)) else None


# a dash right before or after a name (| marks the name): the outlet's name in a byline (عمر عريبي - سبق- جازان:)
_BYLINE_DASH = re.compile(r"[-–—ـ]\s*\||\|\s*[-–—ـ]")
# the kinds of knowledge-base records a quoted organisation span may name by a weak name
_QUOTED_KINDS = ("media", "armed_group", "party", "movement", "igo", "ngo", "state_body")
_QUOTES = {"«": "»", "(": ")", '"': '"', "“": "”"}
_CLOSING_QUOTES = frozenset(_QUOTES.values())


def _quoted_known_names(text: str, found: _Found, kb: Any, own: Any = None) -> None:
    """An organisation span the model found in quotes or brackets that is a knowledge base's weak name
    («الشرق الأوسط» the paper, (القاعدة) the group) is that record, not an unknown body: the quotes say
    it is a name, not the region or the word. The outlet's own name (``own``, its media record) is the
    outlet: قال لـ"الجزيرة" in Saudi Al-Jazirah is the paper, not the Qatari channel."""
    if kb is None:
        return
    for (typ, key), spans in list(found.other.items()):
        if typ != "ORG":
            continue
        name = text[spans[0][0] : spans[0][1]]
        # the outlet's own name in its byline (عمر عريبي - سبق- جازان:) is the outlet, quoted or not
        first, last = spans[0]
        around = text[max(0, first - 4) : first] + "|" + text[last : last + 4]  # | stands for the name
        signed = first <= _TOP and _BYLINE_DASH.search(around) and _names_outlet(name, own)
        if not signed and not any(_quoted(text, a, b) for a, b in spans):
            continue
        recs = [own] if _names_outlet(name, own) else kb.kb.lookup_name(name, strict=False, kinds=_QUOTED_KINDS)
        if recs:
            del found.other[(typ, key)]
            found.kb.setdefault(recs[0].id, (recs[0], []))[1].extend(spans)


def _quoted_outlets(text: str, found: _Found, kb: Any, own: Any = None) -> None:
    """A place name in quotes that is an outlet's name (قالت مصادر محلية لـ"الرياض": the paper, not the
    city) is that outlet (the article's own, ``own``, first)."""
    if kb is None:
        return
    kept = []
    for a, b, place in found.places:
        quoted = _quoted(text, a, b) or bool(_TOLD_TO.search(text, max(0, a - 8), a))
        recs = [own] if quoted and _names_outlet(text[a:b], own) else (
            kb.kb.lookup_name(text[a:b], strict=False, kinds=("media",)) if quoted else []
        )
        if recs:
            found.kb.setdefault(recs[0].id, (recs[0], []))[1].append((a, b))
        else:
            kept.append((a, b, place))
    found.places = kept


_BUREAU = key_of("مكتب")
_BYLINE_LEAD = re.compile(r"^\W*([\w.]+(?:\s+[\w.]+)?)[\W_]*$")  # AHDATH.INFO‫-‬ ، أحداث أنفو -


def _outlet_bureau(text: str, found: _Found, own: Any) -> None:
    """«مكتب الرباط» right after the outlet's name at the top of its own article (AHDATH.INFO- مكتب
    الرباط: الجيلالي بنحليمة) is the outlet's bureau there: a mention of the outlet (JRN)."""
    if own is None:
        return
    for key in [k for k in found.other if k[0] == "ORG" and k[1].split()[0] == _BUREAU]:
        spans = found.other[key]
        lead = [(a, b) for a, b in spans
                if a < _BYLINE_MAX and (m := _BYLINE_LEAD.match(text[:a])) and _names_outlet(m.group(1), own)]
        if lead:
            found.kb.setdefault(own.id, (own, []))[1].extend(lead)
            rest = [x for x in spans if x not in lead]
            if rest:
                found.other[key] = rest
            else:
                del found.other[key]


_TOLD_TO = re.compile(r"(?:^|\s)لـ?\s*[«\"“]\s*$")  # قال لـ «المدينة: …: the quote closes after the words said


def _names_outlet(name: str, rec: Any) -> bool:
    """Whether ``name`` is one of a media record's names, or one without its head noun (صحيفة الجزيرة →
    الجزيرة)."""
    if rec is None:
        return False
    key = key_of(name)
    for n in (rec.name, *rec.names):
        words = n.split()
        headless = len(words) > 1 and key_of(words[0]) in _OUTLET_HEADS
        if key == key_of(n) or (headless and key == key_of(" ".join(words[1:]))):
            return True
    return False


_OUTLET_HEADS = frozenset(key_of(w) for w in "صحيفة جريدة مجلة قناة".split())


def _quoted(text: str, a: int, b: int) -> bool:
    before, after = text[max(0, a - 2) : a].strip(), text[b : b + 2].strip()
    return bool(before) and before[-1] in _QUOTES and after[:1] == _QUOTES[before[-1]]


def _news_agency(text: str, a: int, b: int) -> bool:
    """Whether the quoted name at a..b is a news agency's: وكالة «دوغان» للأنباء، وكالة أنباء «دوغان»."""
    if not _quoted(text, a, b):
        return False
    if _NEWS_AGENCY_BEFORE.search(text, max(0, a - 20), a):
        return True
    return bool(_AGENCY_BEFORE.search(text, max(0, a - 12), a)) and bool(_NEWS_AFTER.match(text, b))


_NEWS_AGENCY_BEFORE = re.compile(r"وكال[ةه]\s+(?:ال)?[أا]نباء\s*[«\"“(]\s*$")
_AGENCY_BEFORE = re.compile(r"وكال[ةه]\s*[«\"“(]\s*$")
_NEWS_AFTER = re.compile(r"\s*[»\"”)]\s*للأنباء")
_NEWS_HEAD = key_of("صحيفة")  # the head noun that gives a news outlet's sector (JRN)


def _facility_named_after(text: str, start: int) -> bool:
    """Whether the place name at ``start`` names a canal, a municipality, a school, a street or a
    literary club after it (قناة السويس، قناة بنما، أمانة جدة، أمانة منطقة الرياض، ثانوية صقلية بتعليم
    الطائف، شارع السودان، طريق مكة، أدبي جدة): the name of a thing, not a place of the story; عن طريق
    تركيا is "via Turkey", a place. An airport stays a place (وصل الوفد إلى مطار جدة: the delegation is
    in Jeddah)."""
    toks = tokenize_words(text[max(0, start - 30) : start])
    if not toks or toks[-1].kind != "word":
        return False
    before = [form for form, _cut in proclitic_variants(key_of(toks[-1].text))]
    if any(f in _FACILITY_HEADS for f in before):
        return not (_ROAD in before and len(toks) >= 2 and key_of(toks[-2].text) == _ABOUT)
    if len(toks) >= 2 and toks[-2].kind == "word" and any(f in _REGION_NOUNS for f in before):
        return any(f in _FACILITY_HEADS for f, _cut in proclitic_variants(key_of(toks[-2].text)))
    return False


_FACILITY_HEADS = frozenset(key_of(w) for w in "قناة أمانة ثانوية متوسطة ابتدائية مدرسة مدارس شارع ميدان طريق أدبي".split())
_ROAD, _ABOUT = key_of("طريق"), key_of("عن")
_REGION_NOUNS = frozenset(key_of(w) for w in "منطقة محافظة".split())


def _branch_named_after(text: str, start: int) -> bool:
    """Whether the place name at ``start`` ends a bank's or firm's name after a dash (البنك التجاري
    الدولي- مصر، بنك البركة - مصر): the firm's branch of that country, named so in price lists."""
    before = text[max(0, start - 40) : start].rstrip()
    if not before.endswith(("-", "–")):
        return False
    return any(
        org_head_sector(form) == "BUS" for w in before[:-1].split()[-4:] for form, _cut in proclitic_variants(key_of(w))
    )


_DECLARATION = key_of("إعلان")
_ANNOUNCES = re.compile(r"\s*[»\"”]?\s*(?:عن|أن|ان|إن|بأن|بان)\s")  # إعلان القاهرة عن …: Cairo announcing




def _read_as_a_place(text: str, a: int, b: int, p: PlaceName, place: Place | None, gaz: Gazetteer) -> Place | None:
    """The place the geocoder chose for the name at ``a``..``b``, unless the words read otherwise here."""
    if place is None:
        return None
    if place.feature == "admin" and not p.region_cue and _weak(gaz, p.key, place):
        return None  # this الشرقية has no منطقة/محافظة before it (أوروبا الشرقية): "eastern" here
    if not (p.city_cue or p.region_cue) and _possessive_reading(text, a, b, place):
        return None  # كان جده إماما: "his grandfather", not Jeddah spelled with ه
    if p.key in _WORD_BEFORE and _WORD_BEFORE[p.key].match(text, b):
        return None  # مسقط رأسه "birthplace", البحرين الأحمر "the two seas", حماة للوطن "protectors"
    return place


def _bodies_demonyms(text: str, found: _Found) -> dict[tuple[int, int], str]:
    """The demonyms that end a body's name (البنك الأهلي المصري، وزارة العمل المصرية، لينس الفرنسي، النادي
    السعودي): they say whose the body is, not a place of the story; (span) → ISO-3."""
    bodies = sorted(
        [x for (typ, _k), spans in found.other.items() if typ == "ORG" for x in spans]
        + [x for rec, spans in found.kb.values() if rec.kind not in ("country", "person") for x in spans]
    )
    return {(a, b): iso for a, b, iso in found.demonyms if _demonym_of_a_body(text, a, b, bodies)}


def _states_of_bodies(text: str, demonyms: dict[tuple[int, int], str], kb: Any) -> list[Entity]:
    """The demonyms that end a body's name, as actors of their state with no place: وزارة العدل الامريكية …
    الاتهامات still names the US as the accuser (``demonyms``: span → ISO-3)."""
    by_country: dict[str, list[tuple[int, int]]] = {}
    for span, iso in sorted(demonyms.items()):
        by_country.setdefault(iso, []).append(span)
    return [
        Entity(
            id=stable_id("gpe", f"{iso}:body"),
            type="GPE",
            name=text[spans[0][0] : spans[0][1]],
            mentions=[Mention(a, b, text[a:b]) for a, b in spans],
            actor=EntityActor(code=iso, country=iso, kb_id=_country_id(kb, iso), kind="country"),
        )
        for iso, spans in by_country.items()
    ]


def _possessive_reading(text: str, a: int, b: int, place: Place) -> bool:
    """Whether a place name written with a final ه for its ة is more likely a noun with "his" (جده "his
    grandfather" for جدة، وجده "found it" for وجدة): the word without the ه is a word of SaudiNewsNet
    seen often and has no article, and no dash joins the name to another place (طريق مكة – جده)."""
    if text[b - 1] != "ه" or not place.name.endswith("ة"):
        return False
    stem = text[a : b - 1]
    if stem.startswith("ال") or lexicon().get(stem, 0) < _COMMON_STEM:
        return False  # a definite word takes no "his": الجديده is الجديدة misspelled
    return not (text[max(0, a - 3) : a].strip().endswith(("-", "–")) or text[b : b + 3].strip().startswith(("-", "–")))


# town names that are also words, read as the word before what follows them
_WORD_BEFORE = {
    key_of("مسقط"): re.compile(r"\s+(?:ال)?رأس"),  # مسقط رأسه "his birthplace"
    key_of("البحرين"): re.compile(r"\s+(?:الأحمر|الاحمر|المتوسط|الأبيض)"),  # "the two seas"
    key_of("حماة"): re.compile(r"\s+(?:لل|ل(?=\w))"),  # حماة للوطن "protectors of the homeland"
}
_COMMON_STEM = 30  # جد "grandfather" (65 times as a word of its own); a town's stem is rarely a word


def _demonym_of_a_body(text: str, a: int, b: int, bodies: Sequence[tuple[int, int]]) -> bool:
    """Whether the demonym at ``a``..``b`` is part of an organisation's name or its nationality right
    after it: inside a body's span, right after one (past a closing quote), or right after a body's head
    noun (النادي السعودي، الفريق المصري، شركة سعودية)."""
    k = bisect_right(bodies, (a, 1 << 62))
    for s, e in bodies[max(0, k - 3) : k]:
        if (s <= a and b <= e or (e <= a and not text[e:a].strip(' "»”)'))) and not _the_state_itself(text, s):
            return True
    toks = tokenize_words(text[max(0, a - 60) : a])
    for tok in reversed(toks[-3:]):  # وزارة العمل المصرية، البنك الأهلي المصري: the head noun up to three words back
        if tok.kind != "word":
            return False
        forms = [form for form, _cut in proclitic_variants(key_of(tok.text))]
        if ROLES.get(normalize_word_cached(tok.text)):
            return False  # إدارة الرئيس الأمريكي: the demonym is the title's, a country of the story
        if any(f not in _NOT_BODY_HEADS and (org_head_sector(f) or f in _TEAM_NOUNS) for f in forms):
            return True
        if not any(f.startswith("ال") for f in forms):
            return False
    return False


def _the_state_itself(text: str, start: int) -> bool:
    """Whether the body whose span starts at ``start`` is the state itself (الحكومة المصرية، والسلطات
    الليبية): its demonym is a mention of the country."""
    first = text[start : start + 20].split()[:1]
    return bool(first) and any(f in _NOT_BODY_HEADS for f, _cut in proclitic_variants(key_of(first[0])))


# heads that are the state itself: الحكومة المصرية names the country's government, a country mention
_NOT_BODY_HEADS = frozenset(key_of(w) for w in "الحكومة حكومة السلطات سلطات الدولة دولة".split())


def _declaration_named_after(text: str, start: int, end: int) -> bool:
    """Whether the place name at ``start``..``end`` names a declaration (إعلان مراكش حول التنمية
    المستدامة، وفقا لإعلان نواكشوط، «إعلان القاهرة»): the text's name, not a place of the story; not
    when an announcement of the place's government follows (إعلان القاهرة عن …، إعلان الرباط أن …)."""
    toks = tokenize_words(text[max(0, start - 30) : start])
    if toks and toks[-1].text in _QUOTES:
        toks = toks[:-1]
    if not toks or toks[-1].kind != "word" or _ANNOUNCES.match(text, end):
        return False
    return any(form == _DECLARATION for form, _cut in proclitic_variants(key_of(toks[-1].text)))


def _firm_named_after(text: str, start: int, clubs: bool = True) -> bool:
    """Whether the name at ``start`` follows a firm's head noun without the article (بنك، مصرف، شركة،
    غرفة، مجموعة، and with ``clubs`` نادي), proclitic or glued preposition allowed (فيبنك مصر): the
    name is the firm's (a place's: بنك مصر; a person's: مجموعة محمد المعجل)."""
    if not _FIRM_STEMS.search(normalize_word(text[max(0, start - 16) : start])):
        return False  # no head noun's letters in the word before: the common case, without tokenizing
    word = _word_before(text, start)
    return word is not None and (
        (clubs and word == _CLUB) or (not word.startswith("ال") and org_head_sector(word) == "BUS")
    )


_CLUB = normalize_word("نادي")
# the firms' head nouns (resolve.ORG_HEADS' BUS words) and نادي, without a final ة/ى, as a quick test of
# the normalized text before tokenizing (شركة، شركته، نادى match)
_FIRM_STEMS = re.compile(
    "|".join(sorted({h.removesuffix("ه") for h, sector in ORG_HEADS.items() if sector == "BUS"} | {_CLUB[:-1]}))
)


def _word_before(text: str, start: int) -> str | None:
    """The normalized word right before ``start`` (in the same sentence), if it is a word; an
    organisation's head noun behind a proclitic or glued to a preposition is given bare (للبنك، فيالبنك
    [الأهلي المصري] → البنك)."""
    toks = tokenize_words(text[max(0, start - 30) : start])
    quoted = len(toks) >= 2 and toks[-1].text in _QUOTES and toks[-2].kind == "word"
    if quoted:  # شركة «سكاتك» النرويجية، شركة (يو اف اي) الألمانية: a head noun before the quote only
        toks = toks[:-1]
    if not toks or toks[-1].kind != "word":
        return None
    word = key_of(toks[-1].text)
    forms = [form for form, _cut in proclitic_variants(word)]
    # وفيبنك: في glued to a head without the article
    forms += [form[2:] for form in forms if form.startswith("في") and len(form) > 4]
    return next((form for form in forms if org_head_sector(form)), None if quoted else word)


def _cued(norms: list[str], i: int, m: tuple[int, str, int], gaz: Gazetteer) -> bool:
    """A place name right after a town noun (محافظ أملج), written without a proclitic, no demonym
    (العاصمة السويدية) and no common word."""
    return (
        i > 0
        and m[2] == 0
        and _any_form_in(norms[i - 1], _PLACE_CUES)
        and gaz.demonym_at(norms[i]) is None
        and _folded_lexicon().get(norms[i], 0) <= _CUED_MAX
    )


def _strong(gaz: Gazetteer, key: str) -> bool:
    """Whether ``key`` is a curated or geonames name of some place (not only an ordinary word)."""
    return any(strength > 0 for _p, strength in gaz.candidates(key))


def _weak(gaz: Gazetteer, key: str, place: Place) -> bool:
    """Whether ``key`` names ``place`` only weakly (an ordinary word too: الشرقية "eastern")."""
    return all(strength <= 0 for p, strength in gaz.candidates(key) if p.geonameid == place.geonameid)


def _country_id(kb: Any, iso: str | None) -> str | None:
    """The knowledge base's record of a country (``country:IRQ``), when it has one."""
    rid = f"country:{iso}" if iso else None
    return rid if rid and kb is not None and rid in kb.kb.records else None


def _in_dateline(doc: Document, span: tuple[int, int]) -> bool:
    d = doc.dateline
    return d is not None and d.start <= span[0] and span[1] <= d.end


def _role_fn(kb: Any) -> Any:
    return kb.role if kb is not None else None


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """Person names from the NER resources (ANERGazet), when that file is shipped."""
    from importlib import resources

    try:
        ref = resources.files("rasd.data").joinpath("ner", "gazetteer.tsv")
        lines = ref.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return frozenset()
    # single-word entries only, none with the article (ANERGazet lists اليوم as a person), and no
    # function words (it lists من and كان too)
    return frozenset(
        w
        for line in lines
        if line.endswith("\tPER")
        for w in [line[:-4]]
        if " " not in w and not w.startswith("ال") and w not in _NOT_NAMES
    )


def _tagger() -> Any:
    """The current resources' NER tagger, loaded, or None when there is no model (the step then runs
    without)."""
    return current().get(_loaded_tagger)


def _loaded_tagger(res: Resources) -> Any:
    try:
        return res.get(tagger_of).load()
    except (ImportError, FileNotFoundError, OSError) as exc:
        log.info("entities: no NER model (%s); gazetteer and knowledge base only", exc)
        return None


def _ambiguous_word(norm: str, name: str, listed: bool = False) -> bool:
    """A one-word name that is also a common word (العربي), or short after a cut proclitic (كبرى).
    A frequent word counts as common unless the knowledge base lists it as the person's name on its
    own (``listed``: أوباما, seen 1,749 times in SaudiNewsNet, is nobody but Obama)."""
    freq = _folded_lexicon()
    if name in _WORD_SURNAMES or (not listed and max(freq.get(norm, 0), freq.get(name, 0)) >= _COMMON_SURNAME):
        return True
    return norm != name and len(name.removeprefix("ال")) <= 3


# surnames of known people that are ordinary words too, whatever their frequency (المعلم "the teacher"
# is Walid Muallem only beside his full name or title; الصباح "the morning", حجاب "hijab", لاين in
# "أون لاين", رئيسي "main"): taken alone only once the full name is seen in the article
_WORD_SURNAMES = frozenset(
    normalize_word(w)
    for w in (
        "جودة شرف الصباح الأب الابن المعلم الذهبي توفيق رئيسي الحكيم عون مون نظيف ماهر زكي حبيب المجيد"
        " بري مين الشاهد لاين حجاب جبر المنفي الفياض خميس السوداني"
    ).split()
)
