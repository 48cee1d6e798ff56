"""Tokens with offsets, and clitic segmentation that is safe for names.

A word like ``وبالمدرسة`` is و + ب + ال + مدرسة, but ``بغداد`` is not ب + غداد and ``فلسطين`` is not
ف + لسطين. A split is made only where the remainder is itself a known word, judged by a frequency
lexicon built by ``scripts/build_lexicon.py`` from SaudiNewsNet (see ``data/lexicon/MODEL_CARD.md``).
The article ال is split whenever what follows is at least two letters and the word is not a
function word (الذي، التي، الله ...). Preposition/particle + pronoun (له، عليها، لأنه) is a closed
class and always split. A word the corpus also writes after the article or a preposition (الواحد،
بولاية) keeps its first letter. Scores against UD Arabic PUD: ``docs/bench/text.md``.
"""

from __future__ import annotations

import gzip
import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

from rasd.limits import WORD_MEMO
from rasd.model import Token
from rasd.text.normalize import DROPPED_SET, normalize, normalize_word

_AR_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff"
_AR_MARKS = "\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d"
WORD_RE = re.compile(
    rf"(?P<ar>[{_AR_LETTERS}][{_AR_LETTERS}{_AR_MARKS}]*)"
    r"|(?P<num>[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b\u066c][0-9\u0660-\u0669\u06f0-\u06f9]+)*)"
    r"|(?P<latin>[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)?)"
    r"|(?P<punct>[^\s\w]|_)"
)

# Words that look cliticized but are whole function words or common names.
_NO_SPLIT_WORDS = """
    الذي التي الذين اللذين اللتين اللاتي اللواتي الى إلى الا إلا ألا الان الآن الله اللهم الي الّا
    كما كلما لما لكن لكي لم لن لا لو ليس ليست لدى لدي لذا كي كان كانت كل كلا بل بعد بين
    فقط في فيما فوق ولي والي والى وإلى فلك
    كذا هذا هذه هذان هؤلاء ذلك تلك هناك هنا بينما حيث حين حتى مثل بيان بيت بنك بلد بلاد
    بحر برلمان بعض كلية كتاب كبير كبيرة كثير كريم كمال ليبيا لبنان لندن لجنة سوريا سعود سعيد سلمان
    فرنسا فلسطين فريق فيلق بغداد بريطانيا بكين واشنطن ولاية ولايات وزير وزارة وزراء وكالة وفد وقت
    والد والدة وطن وطني وطنية وحدة وسط وجه وضع ولد فاز فتح فهد فيصل فصل بكر بشار باكستان
    لقاء لقاءات ليلة بيروت بنغازي بيشاور كابول كركوك سيناء سيدني بوتين بايدن لافروف ليفربول برشلونة
    """.split()
# Checked against the matching form segment_norm sees (ة kept) and the fully folded one (ة → ه).
NO_SPLIT = frozenset(normalize(w) for w in _NO_SPLIT_WORDS) | frozenset(normalize_word(w) for w in _NO_SPLIT_WORDS)
_FUNCTION_STEMS = frozenset(normalize(w) for w in "إلى إلا".split())
# Two-letter stems are too easily a piece of a foreign name (ب + يو، ك + وري); only these function
# words may stand as the stem after a proclitic (بما، ولا، لكل، فمن، بأن).
_SHORT_STEMS = frozenset(normalize(w) for w in "ما من أن إن لا كل قد لم لن هو هي هم ذا مع عن في".split())
# Prepositions and particles that take pronoun suffixes: a closed class, so particle + pronoun is
# always safe to split (له = ل + ه، عليها = على + ها، لأنه = ل + أن + ه، فإنهم = ف + إن + هم).
_PARTICLES = [normalize(w) for w in "ل ب في على إلى من عن مع لدى عند بين أن لكن كأن ليت لعل حول أمام خلف دون ضد نحو مثل بعد قبل عبر ضمن".split()]
_PRONOUNS = ("ه", "ها", "هما", "هم", "هن", "نا", "ك", "كم", "كما", "كن")


def _particle_forms() -> dict[str, tuple[tuple[str, ...], str, str]]:
    forms: dict[str, tuple[tuple[str, ...], str, str]] = {}
    for particle in _PARTICLES:
        for pron in _PRONOUNS:
            surface = particle + pron
            if particle in ("من", "عن") and pron == "نا":
                surface = particle[0] + "نا"  # منّا، عنّا
            for pre in ("", "و", "ف") + (("ل", "ب", "ول", "وب", "فل") if particle == "ان" else ()):
                forms.setdefault(pre + surface, (tuple(pre), particle, pron))
    for word in ("لكن", "فلك", "لكما", "بكما"):  # لكن is "but"; فلك "orbit"; كما "as"
        forms.pop(word, None)
    return forms


PROCLITIC_SEQUENCES = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "س", "وس", "فس")
ENCLITICS = ("هما", "كما", "كم", "كن", "هم", "هن", "ها", "نا", "ه")
_LEXICON_FILE = "words.tsv.gz"
_PARTICLE_FORMS = _particle_forms()


@lru_cache(maxsize=1)
def lexicon() -> dict[str, int]:
    """Normalized word → corpus frequency (shipped data file; empty if missing)."""
    try:
        ref = resources.files("rasd.data").joinpath("lexicon", _LEXICON_FILE)
        with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            out: dict[str, int] = {}
            for line in fh:
                word, _, count = line.rstrip("\n").partition("\t")
                out[word] = int(count)
            return out
    except (FileNotFoundError, ModuleNotFoundError):
        return {}


def _freq(word: str) -> int:
    return lexicon().get(word, 0)


def _known(stem: str, whole: int, enclitic: bool = False) -> float:
    """Evidence that ``stem`` is a word of its own: its frequency, as is or with ت→ة restored.

    The form with the article counts half: hamza folding makes ال+stem collide with words that
    begin with إ (لقاء → ل + قاء would be backed by القاء = إلقاء).
    """
    best = max(float(_freq(stem)), 0.5 * _freq("ال" + stem))
    if enclitic and stem.endswith("ت"):  # حكومت(ه) is حكومة; a bare stem in ت is a verb (وجهت)
        best = max(best, _freq(stem[:-1] + "ة"))
    if enclitic and stem.endswith("ا"):  # مستشفا(ه) is مستشفى ; normalized ى is ي
        best = max(best, _freq(stem[:-1] + "ي"))
    # Known: common next to the whole word (بلد vs بلده), or a common word outright (أضاف is rarer
    # than وأضاف in news, but 250 uses make it a word; اريس with 22 does not make باريس ب + اريس).
    return best if best >= 3 and (best >= whole * 0.2 or best >= 100) else 0.0


def restore_taa(stem: str) -> str:
    """``حكومت`` (cut from حكومته) → ``حكومة`` when the lexicon knows the ة form better."""
    if stem.endswith("ت") and _freq(stem[:-1] + "ة") > _freq(stem):
        return stem[:-1] + "ة"
    return stem


@lru_cache(maxsize=WORD_MEMO)
def segment_norm(word: str) -> tuple[tuple[str, ...], str, str]:
    """Segment a normalized word (ة kept) into (proclitics, stem, enclitic); ال counts as a proclitic."""
    if word in _PARTICLE_FORMS:
        return _PARTICLE_FORMS[word]
    if len(word) < 3 or word in NO_SPLIT:
        return (), word, ""
    whole = _freq(word)
    # The article, or a preposition before a word in و/ف, cannot precede a proclitic: if the corpus
    # writes الواحد، الفكرة، بولاية, the first letter of واحد، فكرة، ولاية is part of the stem.
    evidence = _freq("ال" + word)
    if word[0] in "وف":
        evidence += _freq("و" + word) + _freq("ب" + word) + _freq("ل" + word)
    takes_article = evidence >= max(3, 0.05 * whole)
    best: tuple[tuple[str, ...], str, str] = ((), word, "")
    best_score = 0.0
    for pre in ("",) + PROCLITIC_SEQUENCES:
        if pre and (takes_article or not word.startswith(pre)):
            continue
        rest = word[len(pre) :]
        # س marks the future on an imperfect verb (سيزور، ستقوم، سنعمل); سأ is left alone because
        # after hamza folding it collides with names (سامراء → س + امراء).
        if len(rest) < 2 or (pre.endswith("س") and (rest[0] not in "يتن" or len(rest) < 3)):
            continue
        article = ""
        if not pre.endswith("س"):
            if rest.startswith("ال") and len(rest) >= 4 and rest not in NO_SPLIT:
                article, rest = "ال", rest[2:]
            elif pre.endswith("ل") and rest.startswith("ل") and len(rest) >= 3:
                article, rest = "ل", rest[1:]  # لل = ل + ال with the alef elided
        for enc in ("",) + ENCLITICS:
            if enc and (article or not rest.endswith(enc)):
                continue
            stem = rest[: len(rest) - len(enc)] if enc else rest
            if len(stem) < 3 and not (stem in _SHORT_STEMS and not enc):
                continue
            if not (pre or enc or article):
                continue
            if stem in _FUNCTION_STEMS:
                continue  # بالي is a name, not ب + إلى
            score = _known(stem, whole, bool(enc))
            if pre.endswith("س") and _freq(stem) < whole:
                score = 0.0  # a real future form is rarer than its bare verb (سيزور < يزور); سنجار is not
            if article and not enc:
                score = max(score, 3)  # the article is a safe split once ال is seen
            # each extra piece must earn its place: prefer the reading with fewer cuts. Enclitic
            # cuts cost less than proclitic ones: the surface form with the pronoun (بلده) is itself
            # frequent, and cutting it (بلد + ه) is what search and NER want.
            score *= 0.1 ** len(pre) * (0.3 if enc else 1.0)
            if score > best_score:
                best_score = score
                best = (tuple(pre) + ((article,) if article else ()), stem, enc)
    return best


def _letter_offsets(original: str) -> list[int]:
    """Offsets in ``original`` of the characters that survive normalization (letters, not marks)."""
    return [i for i, ch in enumerate(original) if ch not in DROPPED_SET]


# 50,000 cached forms cover nearly all tokens of a news stream and keep a worker near 120 MB
# (200,000 cost 70 MB more for 4 % speed on 5,000 SaudiNewsNet articles).
@lru_cache(maxsize=WORD_MEMO)
def _plan(word: str) -> tuple[tuple[int, int, str, str, str], ...]:
    """Pieces of one surface word as (start, end, text, norm, kind) relative to the word (cached:
    news repeats its words, so each form is analysed once)."""
    norm = normalize(word)
    letters = _letter_offsets(word)
    if len(letters) != len(norm):  # an unexpected mapping: keep the word whole
        return ((0, len(word), word, normalize_word(word), "word"),)
    procs, stem, enc = segment_norm(norm)
    if not procs and not enc:
        return ((0, len(word), word, normalize_word(word), "word"),)
    pieces: list[tuple[str, str]] = [(p, "clitic") for p in procs] + [(stem, "word")]
    if enc:
        pieces.append((enc, "clitic"))
    out: list[tuple[int, int, str, str, str]] = []
    pos = 0
    for i, (piece, kind) in enumerate(pieces):
        a = letters[pos]
        pos += len(piece)
        b = letters[pos] if (pos < len(letters) and i < len(pieces) - 1) else len(word)
        if kind == "clitic" and piece == "ل" and i == len(procs) - 1 and i > 0 and procs[i - 1] == "ل":
            norm_piece = "ال"  # لل = ل + ال with the alef elided
        elif kind == "word" and enc:
            norm_piece = restore_taa(piece)
        else:
            norm_piece = piece
        out.append((a, b, word[a:b], normalize_word(norm_piece), kind))
    return tuple(out)


def segment(word: str, start: int = 0) -> list[Token]:
    """Split one word of original text into clitic and stem tokens with original offsets."""
    return [Token(start + a, start + b, text, norm, kind) for a, b, text, norm, kind in _plan(word)]


def words(text: str) -> list[Token]:
    """Whitespace/punctuation tokens (no clitic split) with offsets; Arabic words, numbers, Latin, punctuation."""
    return list(iter_words(text))


def iter_words(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """:func:`words` one at a time, for passes over a long text that need not hold its tokens;
    ``start``/``end`` bound the pass to a span of ``text`` (offsets stay those of ``text``)."""
    norm_word = normalize_word_cached
    whole = _WHOLE
    for m in WORD_RE.finditer(text, start, len(text) if end is None else end):  # word_spans, inlined: the hot path
        kind = m.lastgroup or "punct"
        tok = m.group(0)
        if kind != "ar" or len(tok) < 6 or tok in whole:  # the first test of _cuts, inlined
            yield Token(m.start(), m.end(), tok, norm_word(tok) if kind != "punct" else tok, "word" if kind == "ar" else kind)
            continue
        norm = norm_word(tok)
        cuts = _cuts(tok, norm)
        if not cuts:
            yield Token(m.start(), m.end(), tok, norm, "word")
            continue
        a, prev = m.start(), 0
        for c in (*cuts, len(tok)):
            piece = tok[prev:c]
            yield Token(a + prev, a + c, piece, norm_word(piece), "word")
            prev = c


def word_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, text, kind) of the words of ``text[start:end]``, a run of two words that lost the
    space between them (``الدولارفى``، ``رئيسالغرفة``: scraped pages that dropped a link's space) cut
    in two at the same offsets. Every reader of words (the tokenizer, the NER tagger) takes its words
    from here."""
    for m in WORD_RE.finditer(text, start, len(text) if end is None else end):
        kind = m.lastgroup or "punct"
        tok = m.group(0)
        a = m.start()
        cuts = _cuts(tok, normalize_word_cached(tok)) if kind == "ar" and len(tok) > 5 else ()
        if not cuts:
            yield a, m.end(), tok, kind
            continue
        prev = 0
        for c in (*cuts, len(tok)):
            yield a + prev, a + c, tok[prev:c], kind
            prev = c


# pieces that look like words but here are an affix of the whole word (المقعدان، الحقبات، وقتلوهم)
_GLUE_NOT_LEFT = frozenset(normalize(w) for w in "وال بال لل فال كال ال وب ول بن وبال ولل الم الا الان وان وما ولا".split())
_GLUE_NOT_RIGHT = frozenset(normalize(w) for w in "ها هم هما هن ين ان ات ون تم كم نا وها يات بات ياتي وهم بها انه انها".split())
_GLUE_SHORT_RIGHT = frozenset(normalize(w) for w in "في فى من عن".split())
# prepositions a definite noun is glued to (فيالبنك الأهلي): longest first
_GLUE_LEADS = tuple(sorted({normalize(w) for w in "في فى وفي وفى من ومن عن على علي إلى الى".split()}, key=len, reverse=True))
# prepositions, as written, a name is glued to (محمود عصمتإلى، باسل رحميإلى)
_GLUE_PREPOSITIONS = frozenset(("إلى", "على"))
# words whose letters end many longer words: never the right half of a cut on frequency alone
_GLUE_FUNCTION_WORDS = frozenset(
    normalize(w)
    for w in "لان الان الآن الا إلا الي اليه اليها الينا لهم له لها لنا غير أن ان انه أنه ما لا لم لن قد كان كانت هذا هذه ذلك تلك التي الذي الذين يوم اليوم على إلى في من عن".split()
)
# verbs that open a report, run into the name after them (وأشارباسل رحمي، أكدحسن الخطيب)
_GLUE_LEFT_VERBS = frozenset(
    normalize(p + w)
    for w in "أكد أشار قال أضاف أوضح أعرب كشف لفت صرح استقبل التقى شهد ترأس تفقد افتتح أعلن أكدت أشارت قالت أضافت أوضحت أعربت كشفت استقبلت التقت شهدت ترأست تفقدت افتتحت أعلنت".split()
    for p in ("", "و")
)
# titles a name is glued to (محمد شيميوزير قطاع الأعمال): any name before them
_GLUE_TITLES = frozenset(normalize(w) for w in "وزير وزيرة محافظ رئيس رئيسة سفير مدير".split())
# titles run into the name after them (رئيسشعبة الذهب، الدكتورعمرو، المهندسشريف): those and the honorifics
_GLUE_LEFT_TITLES = _GLUE_TITLES | frozenset(
    normalize(w) for w in "الدكتور الدكتورة المهندس المهندسة المستشار اللواء السفير".split()
)


_WHOLE: set[str] = set()  # long words already found to be one word (emptied at WORD_MEMO entries)


def _cuts(tok: str, norm: str) -> tuple[int, ...]:
    """Where a long Arabic word (``norm``: its matching form) is cut, if anywhere. A word the lexicon
    knows with no ة or ى inside is surely one word: remembered, so it costs one set look-up next time."""
    if tok in _WHOLE:
        return ()
    if norm in _folded_words() and "ة" not in tok[:-1] and "ى" not in tok[:-1]:
        if len(_WHOLE) >= WORD_MEMO:
            _WHOLE.clear()
        _WHOLE.add(tok)
        return ()
    return _glued(tok)


@lru_cache(maxsize=1)
def _folded_words() -> frozenset[str]:
    """The lexicon's words in their matching form (ة → ه): a word found here with no ة or ى inside is
    never cut, which spares the check for nearly every word."""
    return frozenset(normalize_word(w) for w in lexicon())


@lru_cache(maxsize=WORD_MEMO)
def _glued(word: str) -> tuple[int, ...]:
    """Offsets inside ``word`` where words were written without a space (scraped pages that dropped a
    link's spaces: وثبتسعر الدولارفىالبنك). Each piece a cut leaves is read again, so a run of three
    words is cut twice (الدولارفىالبنك → الدولار فى البنك)."""
    first = _glued_once(word)
    if not first:
        return ()
    out: list[int] = []
    prev = 0
    for c in (*first, len(word)):
        piece = word[prev:c]
        if len(piece) >= 6 and normalize(piece) not in lexicon():
            out += [prev + k for k in _glued_once(piece)]
        if c < len(word):
            out.append(c)
        prev = c
    return tuple(out)


def _glued_once(word: str) -> tuple[int, ...]:
    """The cuts of one reading of ``word``. ة or ى before another letter ends a word (للمرأةتحت،
    التقىالمهندس); otherwise a word the lexicon never saw that is two common words (ارتفعسعر، أشارالدكتور,
    both seen 200 times or more, the second with the article, or 500 times or more each), a rarer word
    before a very common one (ويطرحالبنك، وثبتسعر), a word and the next with و and the article
    (الذهبوالمعادن) or with ب/ل and the article (الدواجنبالغرفة), a title and a name (رئيسشعبة، الدكتورعمرو), a name and a title (شيميوزير) or a
    name and إلى/على (عصمتإلى). Words the lexicon knows are never cut."""
    norm = normalize(word)
    letters = _letter_offsets(word)
    if len(letters) != len(norm) or len(norm) < 6:
        return ()
    cuts = [i + 1 for i in range(2, len(norm) - 2) if word[letters[i]] in "ةى"]  # as written: ى folds to ي
    if cuts:
        return tuple(letters[i] for i in cuts)
    freq = lexicon()
    if norm in freq:
        return ()
    for lead in _GLUE_LEADS:  # فيالبنك، وفىالبنك، علىالعملة: a preposition run into a definite noun
        rest = norm[len(lead) :]
        if len(norm) >= 7 and norm.startswith(lead) and rest.startswith("ال") and len(rest) >= 4 and freq.get(rest, 0) >= 200:
            return (letters[len(lead)],)
    best, cut = 0, 0
    for i in range(3, len(norm) - 1):
        left, right = norm[:i], norm[i:]
        if left in _GLUE_NOT_LEFT or right in _GLUE_NOT_RIGHT:
            continue
        # a name run into إلى/على as written (عصمتإلى، عوضعلى): any name before them
        preposition = word[letters[i] :] in _GLUE_PREPOSITIONS and len(left) >= 3
        if len(norm) < 7 and not preposition:
            continue
        f_left, f_right = freq.get(left, 0), freq.get(right, 0)
        seen = min(f_left, f_right)
        fits = (
            (right.startswith("ال") and len(right) >= 5 and seen >= 200)
            # two definite words (الاحتياطيالفيدرالي): a little rarer still
            or (right.startswith("ال") and len(right) >= 5 and left.startswith("ال") and len(left) >= 5 and seen >= 150)
            # a definite word run into في (الفيدراليفي طريقه): في ends no definite word the lexicon lacks
            or (right in _IN and left.startswith("ال") and len(left) >= 5 and f_left >= 100)
            or (seen >= 500 and len(left) >= 4 and len(right) >= 3)
            or (right in _GLUE_SHORT_RIGHT and len(left) >= 4 and seen >= 200)
            # a rarer word before a very common one: not a function word, whose letters end many longer
            # words (الطفلان), nor after a short word with the article (الماجدة)
            or (
                right not in _GLUE_FUNCTION_WORDS and not (left.startswith("ال") and len(left) < 5)
                and (right.startswith("ال") and len(right) >= 5 and f_right >= 1000 and f_left >= 10
                     or len(right) >= 4 and len(left) >= 4 and f_right >= 2000 and f_left >= 50)
            )
            or (right.startswith("وال") and len(right) >= 6 and f_right >= 50 and f_left >= 200)
            # a definite noun after ب or ل run into the word before (الدواجنبالغرفة، الاستثمارللدولة)
            or (right.startswith(("بال", "لل")) and len(right) >= 6 and len(left) >= 4 and f_right >= 50 and f_left >= 30)
            # … or after و, ب or ل, the words before glued too (وزيرالاستثماروالتجارة: وزير|الاستثمار|والتجارة)
            or (right.startswith(("وال", "بال", "لل")) and len(right) >= 6 and len(left) >= 7 and f_right >= 50
                and f_left == 0 and _glued_once(word[: letters[i]]))
            or (left in _GLUE_LEFT_TITLES and len(right) >= 3 and f_right >= 50 and right not in _GLUE_FUNCTION_WORDS)
            or (left in _GLUE_LEFT_VERBS and len(right) >= 3 and f_right >= 20 and right not in _GLUE_FUNCTION_WORDS)
        )
        titled = right in _GLUE_TITLES and len(left) >= 3
        score = max(seen, 1) if fits or titled or preposition else 0
        if score > best:  # the most common pair wins; a name before a title or إلى/على scores 1
            best, cut = score, i
    return (letters[cut],) if best else ()


_IN = frozenset({"في", "فى"})


# the shadow form of a word as found in running text, memoised (the same few thousand words recur)
normalize_word_cached = lru_cache(maxsize=WORD_MEMO)(normalize_word)
WORDS_HELD = 1_000_000  # a text longer than this (characters) is not tokenized whole: spans are read anew


class Words:
    """The word tokens of one text, found once and shared by every step that reads words (entities,
    events, the search and dedup features): each asks for the tokens of a block or sentence by
    offsets. A text longer than ``WORDS_HELD`` characters is not held whole; its spans are tokenized
    when asked for, so a huge document costs what it did before."""

    __slots__ = ("text", "tokens", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[Token] | None = list(iter_words(text)) if len(text) <= WORDS_HELD else None
        self.starts = [t.start for t in self.tokens] if self.tokens is not None else []

    def between(self, start: int, end: int) -> list[Token]:
        """The tokens within ``text[start:end]``: what ``list(iter_words(text, start, end))`` gives."""
        if self.tokens is None:
            return list(iter_words(self.text, start, end))
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end, i)
        out = self.tokens[i:j]
        if i and self.tokens[i - 1].end > start:  # a span that starts inside a word: its tail, as a fresh pass
            out[:0] = iter_words(self.text, start, min(self.tokens[i - 1].end, end))
        if out and out[-1].end > end:  # a span that ends inside a word: that word cut, as a fresh pass
            out[-1:] = iter_words(self.text, out[-1].start, end)
        return out


_HELD: dict[int, Words] = {}  # the word tables of the last few texts, by the text object's identity
_HELD_TEXTS = 4


def doc_words(doc: Any) -> Words:
    """The :class:`Words` of a document's text: made by the first step that reads words and reused
    by the next ones (the pipeline runs a document's steps one after another, so the last few texts
    are kept; a held table keeps its text alive, so an identity cannot be reused while it is held)."""
    text = doc.text
    held = _HELD.get(id(text))
    if held is None or held.text is not text:
        held = Words(text)
        if len(_HELD) >= _HELD_TEXTS:
            _HELD.pop(next(iter(_HELD)), None)
        _HELD[id(text)] = held
    return held


def tokenize(text: str, *, split_clitics: bool = True) -> list[Token]:
    """Tokens with offsets into ``text``; Arabic words are split into clitics where it is safe."""
    if not split_clitics:
        return words(text)
    out: list[Token] = []
    append = out.append
    for start, end, tok, kind in word_spans(text, 0, len(text)):
        if kind == "ar":
            for a, b, piece, norm, piece_kind in _plan(tok):
                append(Token(start + a, start + b, piece, norm, piece_kind))
        else:
            append(Token(start, end, tok, normalize_word(tok) if kind != "punct" else tok, kind))
    return out


@lru_cache(maxsize=WORD_MEMO)
def light_stem(word: str) -> str:
    """Matching form of a word for search and lexicons: normalized, clitics and article removed."""
    procs, stem, enc = segment_norm(normalize(word))
    return normalize_word(restore_taa(stem) if enc else stem)
