"""Tokens with offsets, and clitic segmentation that is safe for names.

A word like ``وبالمدرسة`` is و + ب + ال + مدرسة, but ``بغداد`` is not ب + غداد and ``فلسطين`` is not
ف + لسطين. A split is made only where the remainder is itself a known word, judged by a frequency
lexicon built by ``scripts/build_lexicon.py`` from SaudiNewsNet (see ``data/lexicon/MODEL_CARD.md``).
The article ال is split whenever what follows is at least two letters and the word is not a
function word (الذي، التي، الله ...).
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

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
NO_SPLIT = frozenset(
    normalize_word(w)
    for w in """
    الذي التي الذين اللذين اللتين اللاتي اللواتي الى إلى الا إلا ألا الان الآن الله اللهم الي الّا
    كما كلما لما لكن لكي لكنه لكنها لم لن لا لو ليس ليست لدى لدي لذا كي كان كانت كل كلا بل بعد بين
    فقط في فيه فيها فيما فوق فان فإن ولي والي والى وإلى
    بها به بهم بما لها له لهم لنا لك كذا هذا هذه هذان هؤلاء ذلك تلك هناك هنا لديه لديها عليه عليها
    منه منها عنه عنها اليه إليه اليها إليها معه معها بينما حيث حين حتى مثل بيان بيت بنك بلد بلاد
    بحر برلمان بعض كلية كتاب كبير كبيرة كثير كريم كمال ليبيا لبنان لندن لجنة سوريا سعود سعيد سلمان
    فرنسا فلسطين فريق فيلق بغداد بريطانيا بكين واشنطن ولاية ولايات وزير وزارة وزراء وكالة وفد وقت
    والد والدة وطن وطني وطنية وحدة وسط وجه وضع ولد فاز فتح فهد فيصل فصل بكر بشار باكستان
    """.split()
)
PROCLITIC_SEQUENCES = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "س", "وس", "فس")
ENCLITICS = ("هما", "كما", "كم", "كن", "هم", "هن", "ها", "نا", "ه")
_LEXICON_FILE = "words.tsv.gz"


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


def _known(stem: str, whole: int) -> int:
    """Evidence that ``stem`` is a word of its own: its frequency, as is or with ت→ة restored."""
    best = max(_freq(stem), _freq("ال" + stem))
    if stem.endswith("ت"):
        best = max(best, _freq(stem[:-1] + "ه"))
    if stem.endswith("ا"):  # على+ها → عليها ; normalized ى is ي
        best = max(best, _freq(stem[:-1] + "ي"))
    return best if best >= max(3, whole * 0.2) else 0


@lru_cache(maxsize=200_000)
def segment_norm(word: str) -> tuple[tuple[str, ...], str, str]:
    """Segment a normalized word (ة kept) into (proclitics, stem, enclitic); ال counts as a proclitic."""
    if len(word) < 3 or word in NO_SPLIT:
        return (), word, ""
    whole = _freq(word)
    best: tuple[tuple[str, ...], str, str] = ((), word, "")
    best_score = 0.0
    for pre in ("",) + PROCLITIC_SEQUENCES:
        if pre and not word.startswith(pre):
            continue
        rest = word[len(pre) :]
        if len(rest) < 2 or (pre.endswith("س") and rest[0] not in "يتنا"):
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
            if len(stem) < (3 if enc in ("ه", "ك") else 2):
                continue
            if not (pre or enc or article):
                continue
            score = _known(stem, whole)
            if article and not enc:
                score = max(score, 3)  # the article is a safe split once ال is seen
            # each extra piece must earn its place: prefer the reading with fewer cuts
            score *= 0.1 ** (len(pre) + bool(enc))
            if score > best_score:
                best_score = score
                best = (tuple(pre) + ((article,) if article else ()), stem, enc)
    return best


def _letter_offsets(original: str) -> list[int]:
    """Offsets in ``original`` of the characters that survive normalization (letters, not marks)."""
    return [i for i, ch in enumerate(original) if ch not in DROPPED_SET]


def segment(word: str, start: int = 0) -> list[Token]:
    """Split one word of original text into clitic and stem tokens with original offsets."""
    norm = normalize(word)
    letters = _letter_offsets(word)
    if len(letters) != len(norm):  # an unexpected mapping: keep the word whole
        return [Token(start, start + len(word), word, normalize_word(word), "word")]
    procs, stem, enc = segment_norm(norm)
    if not procs and not enc:
        return [Token(start, start + len(word), word, normalize_word(word), "word")]
    pieces: list[tuple[str, str]] = [(p, "clitic") for p in procs] + [(stem, "word")]
    if enc:
        pieces.append((enc, "clitic"))
    out: list[Token] = []
    pos = 0
    for i, (piece, kind) in enumerate(pieces):
        a = letters[pos]
        pos += len(piece)
        b = letters[pos] if (pos < len(letters) and i < len(pieces) - 1) else len(word)
        text = word[a:b]
        out.append(Token(start + a, start + b, text, normalize_word(piece), kind))
    return out


def words(text: str) -> list[Token]:
    """Whitespace/punctuation tokens (no clitic split) with offsets; Arabic words, numbers, Latin, punctuation."""
    out = []
    for m in WORD_RE.finditer(text):
        kind = m.lastgroup or "punct"
        tok = m.group(0)
        norm = normalize_word(tok) if kind != "punct" else tok
        out.append(Token(m.start(), m.end(), tok, norm, "word" if kind == "ar" else kind))
    return out


def tokenize(text: str, *, split_clitics: bool = True) -> list[Token]:
    """Tokens with offsets into ``text``; Arabic words are split into clitics where it is safe."""
    if not split_clitics:
        return words(text)
    out: list[Token] = []
    for m in WORD_RE.finditer(text):
        kind = m.lastgroup or "punct"
        tok = m.group(0)
        if kind == "ar":
            out.extend(segment(tok, m.start()))
        else:
            norm = normalize_word(tok) if kind != "punct" else tok
            out.append(Token(m.start(), m.end(), tok, norm, kind))
    return out


@lru_cache(maxsize=200_000)
def light_stem(word: str) -> str:
    """Matching form of a word for search and lexicons: normalized, clitics and article removed."""
    procs, stem, _enc = segment_norm(normalize(word))
    return normalize_word(stem)
