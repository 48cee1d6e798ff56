"""The Arabic trigger lexicon: load ``data/events/triggers.tsv`` and find triggers in a sentence.

Arabic writes conjunctions, prepositions, the article, the future ``س`` and object pronouns onto
the word, and verbs inflect for person and number. Rather than analysing every word, we generate
the inflected and cliticized surface forms of each lexicon word once (a few hundred per verb), index
them by their normalized shape, and strip one enclitic pronoun at lookup time. A phrase entry
(``أكد + دعم``) matches when its words occur in order with a few tokens between them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rasd.errors import ConfigError
from rasd.events.profiles import Profile, events_dir, profiles_of, read_table
from rasd.model import Token
from rasd.resources import Resources, checked, current
from rasd.text.normalize import normalize, normalize_word
from rasd.text.tokenize import WORD_RE, lexicon, light_stem

CONJ = ("", "و", "ف")
PREP = ("", "ب", "ل", "ك")
PAST_SUFFIXES = ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم", "و")
IMPERF_PREFIXES = ("ي", "ت", "ن", "ا")
IMPERF_SUFFIXES = ("", "ون", "ان", "ين", "وا", "ا", "ن")
NOUN_SUFFIXES = ("", "ا", "ان", "ين", "ون")
ENCLITICS = ("هما", "هم", "هن", "ها", "كم", "نا", "ني", "ه", "ك")
SPEECH_GAP = 7  # types flagged "speech" (SUPPORT, AGREE, ACCUSE, REJECT, AID): "أكد السفير تولر دعم", "عبر في بيان عن إدانته": words between
DEFAULT_GAP = 3
# REQUEST phrases and a verb with its particle: "دعا وزير الأوقاف المغربي الدكتور أحمد التوفيق إلى",
# "سيطر الجيش الوطني والمقاومة الشعبية ليلة أمس على": a VSO subject with its titles between
CALL_GAP = 9


@dataclass(frozen=True)
class Entry:
    """One lexicon line: a PLOVER type, CAMEO code, mode and contexts, and its words."""

    index: int
    type: str
    cameo: str
    mode: str
    context: tuple[str, ...]
    words: tuple[str, ...]  # the raw word specs, e.g. "V:بحث/يبحث"
    kinds: tuple[str, ...]  # V | N | W for each word

    flags: frozenset[str] = frozenset()  # the type's profile flags (data/events/types.tsv)

    @property
    def gap(self) -> int:
        if "call" in self.flags or self.kinds[:2] == ("V", "W"):
            return CALL_GAP  # a verb and its particle (سيطر ... على، دعا ... إلى): a VSO subject between
        return SPEECH_GAP if "speech" in self.flags else DEFAULT_GAP


@dataclass(frozen=True)
class Hit:
    """One lexicon word matched by one surface word: which entry, which of its words, how."""

    entry: int
    position: int
    kind: str  # V | N | W
    future: bool = False  # written with the future prefix س
    imperfect: bool = False
    bare: bool = False  # the bare 3ms past form, spelled like its verbal noun (قتل، حظر، طلب)


@dataclass
class TriggerMatch:
    """A matched trigger: the entry and the sentence tokens that spell it."""

    entry: Entry
    tokens: list[int]  # indexes into the token list
    hits: list[Hit] = field(default_factory=list)

    @property
    def head(self) -> int:
        return self.tokens[0]

    @property
    def verbal(self) -> bool:
        return self.hits[0].kind == "V"


def _norm(word: str) -> str:
    """Matching form: hamza, alef maqsura and marks folded, but ة kept (مصادرة is not مصادره)."""
    return normalize(word.strip())


def _verb_forms(spec: str) -> dict[str, tuple[bool, bool, bool]]:
    """Surface forms of a verb spec ``past,past2/imperf,imperf2`` → (future, imperfect, bare)."""
    past, _, imperf = spec.partition("/")
    out: dict[str, tuple[bool, bool, bool]] = {}
    for p in filter(None, (_norm(x) for x in past.split(","))):
        stems = [p]
        if p[-1] in "يا" and len(p) > 2:  # التقى → التقت، التقوا ; دعا → دعت، دعوا
            stems.append(p[:-1])
        for stem in stems:
            for suf in PAST_SUFFIXES:
                if stem is not p and suf in ("", "ا", "ن", "نا"):
                    continue
                for c in CONJ:
                    out.setdefault(c + stem + suf, (False, False, not suf))
    for f in filter(None, (_norm(x) for x in imperf.split(","))):
        stem = f[1:] if f[0] in IMPERF_PREFIXES else f
        stems = [stem]
        if stem[-1] in "يوا" and len(stem) > 2:  # يلتقي → يلتقون
            stems.append(stem[:-1])
        for s in stems:
            for suf in IMPERF_SUFFIXES:
                if s is not stem and suf not in ("ون", "ن", "وا", "ان"):
                    continue
                for pre in IMPERF_PREFIXES:
                    for c in CONJ:
                        for fut in ("", "س"):
                            form = c + fut + pre + s + suf
                            out.setdefault(form, (bool(fut), True, False))
                    out.setdefault("ل" + pre + s + suf, (False, True, False))  # ليبحث (in order to)
    return out


def _noun_forms(spec: str) -> set[str]:
    out: set[str] = set()
    for f in filter(None, (_norm(x) for x in spec.split(","))):
        bases = {f}
        if f.endswith("ة") and len(f) > 3:  # taa marbuta: مظاهرة → مظاهرات، مظاهرتها
            bases |= {f[:-1] + "ات", f[:-1] + "ت", f[:-1] + "تان", f[:-1] + "تين"}
        if f.startswith("ال"):
            bases_art = [("", f)]
        else:
            bases_art = [("", b) for b in bases] + [("ال", b) for b in bases]
        for art, b in bases_art:
            for suf in NOUN_SUFFIXES:
                if art and suf == "ا":
                    continue
                word = art + b + suf
                for c in CONJ:
                    for p in PREP:
                        if p == "ل" and word.startswith("ال"):
                            out.add(c + "لل" + word[2:])
                        else:
                            out.add(c + p + word)
    return out


def _literal_forms(spec: str) -> set[str]:
    out: set[str] = set()
    for f in filter(None, (_norm(x) for x in spec.split(","))):
        for c in CONJ:
            for p in ("", "ب", "ل"):
                out.add(c + p + f)
    return out


def _freq(word: str) -> int:
    return lexicon().get(normalize_word(word), 0)


class Lexicon:
    """The trigger lexicon with its surface-form index."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self._memo: dict[str, list[Hit]] = {}
        self._surface: dict[str, list[Hit]] = {}  # original word → hits (skips re-normalizing)
        self.index: dict[str, list[Hit]] = defaultdict(list)
        self.stems: dict[str, list[Hit]] = defaultdict(list)
        for e in entries:
            for pos, (kind, spec) in enumerate(zip(e.kinds, e.words, strict=True)):
                body = spec[2:]
                if kind == "V":
                    for form, (fut, imp, bare) in _verb_forms(body).items():
                        self.index[form].append(Hit(e.index, pos, "V", fut, imp, bare))
                elif kind == "N":
                    for form in _noun_forms(body):
                        self.index[form].append(Hit(e.index, pos, "N"))
                    for f in body.split(","):
                        if f.strip():
                            self.stems[normalize_word(f.strip())].append(Hit(e.index, pos, "N"))
                else:
                    for form in _literal_forms(body):
                        self.index[form].append(Hit(e.index, pos, "W"))

    def lookup(self, norm: str) -> list[Hit]:
        """Hits for one word in matching form (memoized: news repeats its words)."""
        hits = self._memo.get(norm)
        if hits is None:
            if len(self._memo) > 500_000:
                self._memo.clear()
            hits = self._memo[norm] = self._lookup(norm)
        return hits

    def surface_hits(self, word: str) -> list[Hit]:
        """Hits for one word as written (memoized on the original spelling)."""
        hits = self._surface.get(word)
        if hits is None:
            if len(self._surface) > 500_000:
                self._surface.clear()
            hits = self._surface[word] = self.lookup(normalize(word))
        return hits

    def has_trigger(self, text: str) -> bool:
        """Could ``text`` hold a trigger? A cheap scan of its Arabic words before tokenizing (most
        sentences of the news have none, and skipping them early is most of the step's speed)."""
        for m in WORD_RE.finditer(text):
            if m.lastgroup == "ar" and any(h.position == 0 for h in self.surface_hits(m.group(0))):
                return True
        return False

    def has_trigger_word(self, tokens: list[Token]) -> bool:
        """:meth:`has_trigger` over words already tokenized (the document's shared tokens)."""
        hits = self.surface_hits
        return any(t.kind == "word" and any(h.position == 0 for h in hits(t.text)) for t in tokens)

    def _lookup(self, norm: str) -> list[Hit]:
        """Hits for one word in matching form: its surface form, less one enclitic, or its light stem.

        An enclitic is stripped only when the corpus lexicon does not know the whole word as much
        better than the remainder (``وزارة`` is not و + زار + ه, ``رحلة`` is not رحل + ه).
        """
        hits = self.index.get(norm)
        if hits:
            return hits
        for enc in ENCLITICS:
            if norm.endswith(enc) and len(norm) - len(enc) >= 3:
                rest = norm[: -len(enc)]
                hits = self.index.get(rest)
                if hits and _freq(norm) <= 3 * _freq(rest) + 3:
                    return [h for h in hits if h.kind != "W"]
        if len(norm) > 3:
            return [h for h in self.stems.get(light_stem(norm), []) if h.kind == "N"]
        return []

    def match(self, tokens: list[Token], boundaries: set[int] | None = None) -> list[TriggerMatch]:
        """All non-overlapping trigger matches in a token list (longest phrase first).

        ``boundaries`` holds the indexes of tokens a phrase may not cross (clause punctuation).
        """
        boundaries = boundaries or set()
        hits = [self.surface_hits(t.text) if t.kind == "word" else [] for t in tokens]
        found: list[TriggerMatch] = []
        for i, hs in enumerate(hits):
            for h in hs:
                if h.position != 0:
                    continue
                entry = self.entries[h.entry]
                toks, chain, j = [i], [h], i
                for pos in range(1, len(entry.words)):
                    nxt = None
                    for k in range(j + 1, min(len(tokens), j + 2 + entry.gap)):
                        if k in boundaries:
                            break
                        hk = next((x for x in hits[k] if x.entry == entry.index and x.position == pos), None)
                        if hk:
                            nxt = (k, hk)
                            break
                    if nxt is None:
                        break
                    j = nxt[0]
                    toks.append(j)
                    chain.append(nxt[1])
                if len(toks) == len(entry.words):
                    found.append(TriggerMatch(entry, toks, chain))
        found.sort(key=lambda m: (-len(m.tokens), m.entry.index, m.head))
        used: set[int] = set()
        out: list[TriggerMatch] = []
        for m in found:
            if used & set(m.tokens):
                continue
            used |= set(m.tokens)
            out.append(m)
        out.sort(key=lambda m: m.head)
        return out


def parse(text: str, types: dict[str, Profile] | None = None, where: str = "triggers.tsv") -> list[Entry]:
    """Entries of a trigger table; ``types`` (the type profiles) gives each entry its flags and
    refuses a type without a profile. A bad row is a ConfigError naming the file and line."""
    entries: list[Entry] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 5:
            raise ConfigError(f"{where}:{n}: bad trigger line (want 5 tab-separated columns): {line!r}")
        ptype, cameo, mode, context, forms = (c.strip() for c in cols)
        words = tuple(w.strip() for w in forms.split(" + "))
        kinds = tuple(w[0] for w in words)
        if any(k not in "VNW" or w[1:2] != ":" for k, w in zip(kinds, words, strict=True)):
            raise ConfigError(f"{where}:{n}: bad trigger forms: {forms!r}")
        if types is not None and ptype not in types:
            raise ConfigError(f"{where}:{n}: type {ptype!r} has no row in types.tsv")
        ctx = tuple(c.strip() for c in context.split(";") if c.strip())
        flags = types[ptype].flags if types is not None else frozenset()
        entries.append(Entry(len(entries), ptype, cameo, mode, ctx, words, kinds, flags))
    return entries


def load() -> Lexicon:
    """The lexicon of the current resources' events folder (shipped, or ``$RASD_EVENTS_DIR``), built
    once per process."""
    return current().get(lexicon_of)


@checked
def lexicon_of(res: Resources) -> Lexicon:
    """The loader of ``Resources``: the trigger table of the settings' events folder."""
    folder = events_dir(res)
    types = res.get(profiles_of)
    where, text = read_table(folder, "triggers.tsv")
    return Lexicon(parse(text, types, where))
