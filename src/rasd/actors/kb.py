"""The actor knowledge base: names → actors, adjectives → countries, role words → sectors, and
who held an office on a given date.

Built once per process from the shipped YAML files plus the user's (``RASD_ACTORS`` or
``get_kb(extra=[...])``), then read-only. All matching goes through ``rasd.actors.keys`` so
spelling variants (hamza, taa marbuta, alef maqsura, the article, a clitic on the first word)
find the same entry.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rasd.actors.keys import (
    WORD_RE,
    Key,
    first_word_cuts,
    first_word_variants,
    index_keys,
    phrase_key,
    query_keys,
    split_words,
    word_key,
)
from rasd.actors.load import iso, merge, read_sources, shipped_files, user_files
from rasd.actors.records import (
    TITLE_OFFICE,
    ActorRecord,
    PhraseCode,
    Role,
    RoleWord,
    code,
    date_floor,
)
from rasd.errors import ConfigError
from rasd.resources import Resources, checked, current

# Words of address dropped before a name is looked up (الشيخ تميم → تميم ...).
HONORIFICS = frozenset(
    phrase_key(
        " ".join(
            "السيد السيدة سي الحاج الحاجة الشيخ الشيخة الأمير الأميرة سمو الدكتور الدكتورة د فخامة معالي سماحة جلالة".split()
        )
    )
)
# Office defaults: the sector of an office when a data file does not say.
OFFICE_SECTOR = {"army_chief": "MIL", "intelligence_chief": "SPY", "speaker": "LEG"}
DEFAULT_TITLE = {"head_of_state": "president", "head_of_government": "prime_minister"}
# Words after which a country is the destination, not the owner (السفير التركي لدى العراق).
_TO = frozenset(phrase_key("لدى الى إلى"))
_OTHER_PREP = frozenset(phrase_key("في مع ضد عن من على بين"))
# Words that link a name to the next (محمد بن سلمان): the word after them is not a surname.
_LINKS = frozenset(phrase_key("بن بنت ابن ولد أبو ابو عبد آل ال"))
# A last word that cannot stand for a person alone (ordinals, common given names).
_NO_PARTIAL = frozenset(
    phrase_key(
        "الأول الثاني الثالث الرابع الخامس السادس السابع الدين الله"
        # given names that are also family names: too common to stand for one person alone
        " محمد أحمد علي حسن حسين عباس صالح سلمان خالد عمر عثمان إبراهيم يوسف زايد راشد حمد جاسم"
        " ناصر سعيد فهد فيصل سعد سلطان عيسى موسى هادي مصطفى محمود جمال كمال عادل فؤاد إسماعيل"
        " نايف طارق سعود خليفة عزيز رشيد منصور قاسم جعفر جابر صباح نواف مشعل تميم سلام"
        # month names (Maghrebi, Levantine, Egyptian): 27 ماي is May, not Theresa May
        " ماي يونيو يوليو يوليوز غشت أغسطس شتنبر سبتمبر أكتوبر نونبر نوفمبر دجنبر ديسمبر يناير فبراير"
        " مارس أبريل أفريل جوان جويلية أوت تموز آب أيلول آذار نيسان أيار حزيران"
    )
)
_RECORD_FIELDS = frozenset(
    "id kind name en names weak_names country sector sectors cameo roles home note source".split()
)
_NISBA = ("ي", "يه", "يون", "يين", "يان", "يتان", "يتين", "يات")


@dataclass(frozen=True)
class NameMatch:
    """A knowledge-base name found in running text: a span of the original text and its actors."""

    start: int
    end: int
    text: str
    ids: tuple[str, ...]
    kind: str  # strong | weak | partial


# PLOVER/CAMEO sector codes as readers call them (Arabic, English).
SECTOR_LABELS = {
    "GOV": ("الحكومة", "government"), "MIL": ("الجيش", "military"), "COP": ("الشرطة", "police"),
    "SPY": ("الاستخبارات", "intelligence"), "JUD": ("القضاء", "judiciary"), "LEG": ("البرلمان", "legislature"),
    "REB": ("المتمردون", "rebels"), "OPP": ("المعارضة", "opposition"), "PTY": ("حزب", "party"),
    "CVL": ("المدنيون", "civilians"), "BUS": ("قطاع الأعمال", "business"), "MED": ("الإعلام", "media"),
    "EDU": ("التعليم", "education"), "HLH": ("الصحة", "health"), "LAB": ("العمال", "labour"),
    "REF": ("اللاجئون", "refugees"), "REL": ("الدين", "religion"), "ELI": ("النخب", "elites"),
    "UAF": ("قوات غير نظامية", "irregular forces"), "IGO": ("منظمة دولية", "international organization"),
    "NGO": ("منظمة غير حكومية", "NGO"), "SOC": ("المجتمع", "society"), "CRM": ("الجريمة", "crime"),
}


class KnowledgeBase:
    """Read-only index over actor records; see ``rasd.actors`` for the API summary."""

    def __init__(
        self,
        raw: dict[str, dict[str, Any]],
        roles: list[dict[str, Any]],
        lists: dict[str, dict[str, list[str]]],
    ):
        self.records: dict[str, ActorRecord] = {}
        self._names: dict[Key, list[tuple[str, str]]] = {}
        self._demonyms: dict[Key, str] = {}
        self._capitals: dict[Key, str] = {}
        self._roles: dict[Key, RoleWord] = {}
        self._holders: dict[str, list[tuple[Role, str]]] = {}
        self._titles: dict[str, dict[str, str]] = {}
        for rid, d in raw.items():
            if d["kind"] == "country":
                self._titles[rid.split(":", 1)[1]] = dict(d.get("titles") or {})
        for rid, d in raw.items():
            self._add(rid, d)
        for entry in roles:
            self._add_role(entry)
        for country, names in lists.get("capitals", {}).items():
            for n in names:
                for k in index_keys(n):
                    self._capitals.setdefault(k, country)
        self._namesakes: dict[Key, str] = {
            phrase_key(n): country for country, names in lists.get("namesakes", {}).items() for n in names
        }
        lengths: dict[str, set[int]] = {}
        for k in self._names:
            lengths.setdefault(k[0], set()).add(len(k))
        # first word of a name → the lengths of the names it starts, longest first (for scan)
        self._first: dict[str, tuple[int, ...]] = {
            w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()
        }
        self.max_name = max((len(k) for k in self._names), default=1)
        self.max_role = max((len(k) for k in self._roles), default=1)
        self._role_firsts = frozenset(k[0] for k in self._roles)  # most words start no role: skip them
        self.max_demonym = max((len(k) for k in self._demonyms), default=1)

    # ---------------------------------------------------------------- building
    def _add(self, rid: str, d: dict[str, Any]) -> None:
        kind = d["kind"]
        local = rid.split(":", 1)[1]
        name = d.get("name")
        if not name:
            raise ConfigError(f"actor {rid} ({d.get('source')}): no 'name'")
        country = local if kind == "country" else d.get("country")
        extra = {k: v for k, v in d.items() if k not in _RECORD_FIELDS}
        sector = d.get("sector")
        if sector is None and kind == "media":
            sector = "JRN"
        roles = tuple(self._role(r, d, rid) for r in d.get("roles") or ())
        rec = ActorRecord(
            id=rid,
            kind=kind,
            name=name,
            en=d.get("en"),
            names=tuple(dict.fromkeys([name, *map(str, d.get("names") or ())])),
            weak_names=tuple(map(str, d.get("weak_names") or ())),
            country=country,
            sector=sector,
            sectors=tuple(d.get("sectors") or ()),
            cameo=d.get("cameo"),
            roles=roles,
            home=d.get("home"),
            note=d.get("note"),
            source=str(d.get("source", "")),
            extra=extra,
        )
        self.records[rid] = rec
        weak = {k for n in rec.weak_names for k in index_keys(n)}
        for k in weak:
            self._index(k, rid, "weak")
        for n in rec.names:
            for k in index_keys(n):
                if k not in weak:  # a name listed as weak stays weak (مالي: Mali and "financial")
                    self._index(k, rid, "strong")
        if kind == "person":
            for n in rec.names:
                words = split_words(n)
                if len(words) < 2 or word_key(words[-1]) in _NO_PARTIAL or word_key(words[-2]) in _LINKS:
                    continue
                if len(word_key(words[-1])) >= 3 and index_keys(words[-1])[0] not in weak:
                    self._index(index_keys(words[-1])[0], rid, "partial")
            for r in roles:
                if r.country:
                    self._holders.setdefault(r.country, []).append((r, rid))
        if kind == "country":
            forms = [f for dem in d.get("demonyms") or () for f in _inflect(dem)]
            for form in forms + list(d.get("plurals") or ()):
                for k in index_keys(form, article_optional=True):
                    self._demonyms.setdefault(k, local)

    def _index(self, key: Key, rid: str, kind: str) -> None:
        if not key:
            return
        entries = self._names.setdefault(key, [])
        if any(e[0] == rid for e in entries):
            return
        entries.append((rid, kind))

    def _role(self, r: Any, person: dict[str, Any], rid: str) -> Role:
        if isinstance(r, list):
            flags = [x for x in r[3:] if isinstance(x, str)]
            r = {
                "office": r[0],
                "start": r[1] if len(r) > 1 else None,
                "end": r[2] if len(r) > 2 else None,
                "approx": "approx" in flags,
            }
        if not isinstance(r, dict) or "office" not in r:
            raise ConfigError(f"actor {rid}: a role needs an office ({r!r:.60})")
        office = str(r["office"])
        country = r.get("country", person.get("country"))
        title = r.get("title") or self._titles.get(country or "", {}).get(office) or DEFAULT_TITLE.get(office)
        return Role(
            office=office,
            country=country,
            sector=r.get("sector") or OFFICE_SECTOR.get(office) or person.get("sector") or "GOV",
            start=iso(r.get("start")),
            end=iso(r.get("end")),
            title=title,
            approx=bool(r.get("approx")),
            org=r.get("org"),
            to=r.get("to"),
        )

    def _add_role(self, e: dict[str, Any]) -> None:
        words = e["words"] if isinstance(e["words"], list) else [e["words"]]
        rw = RoleWord(
            words=str(words[0]),
            sector=str(e["sector"]),
            office=e.get("office"),
            title=e.get("title"),
            alt=tuple(e.get("alt") or ()),
            plural=bool(e.get("plural")),
        )
        for w in words:
            for k in index_keys(str(w), article_optional=True):
                self._roles.setdefault(k, rw)

    # ---------------------------------------------------------------- names
    def get(self, kb_id: str) -> ActorRecord | None:
        """The record with this id (``person:erdogan``, ``country:IRQ`` ...), or None."""
        return self.records.get(kb_id)

    def lookup_name(
        self,
        text: str,
        date: str | None = None,
        *,
        strict: bool = False,
        partial: bool = True,
        kinds: Iterable[str] | None = None,
    ) -> list[ActorRecord]:
        """Actors a name stands for, best first. ``لأردوغان``, ``إردوغان`` → [Erdoğan].

        ``strict`` leaves out names that are also common words (الجزيرة، القاعدة); ``partial``
        allows a surname alone (الكاظمي) to match a person. With ``date`` (ISO), persons in
        office then come first, so الأسد in 2010 puts Bashar before Hafez.
        """
        words = split_words(text)
        while len(words) > 1 and word_key(words[0]) in HONORIFICS:
            words = words[1:]
        allowed = {"strong"} | (set() if strict else {"weak"}) | ({"partial"} if partial else set())
        wanted = set(kinds) if kinds is not None else None
        for key in query_keys(" ".join(words)):
            hits = [rid for rid, k in self._names.get(key, ()) if k in allowed]
            recs = [self.records[r] for r in hits if wanted is None or self.records[r].kind in wanted]
            if not recs:
                continue
            # strong (full-name) matches before partial ones, then those in office at the date
            exact = {rid for rid, k in self._names[key] if k != "partial"}
            recs.sort(key=lambda r: (r.id not in exact, date is not None and r.role_at(date) is None))
            return recs
        return []

    def scan(self, text: str, *, weak: bool = False, partial: bool = False) -> list[NameMatch]:
        """Every knowledge-base name in ``text``, longest match first, as spans of ``text``.

        Meant as a gazetteer for taggers and for quick coding; weak and partial names are left out
        unless asked for, since in running text they are mostly common words.
        """
        allowed = {"strong"} | ({"weak"} if weak else set()) | ({"partial"} if partial else set())
        toks = [(m.start(), m.end(), m.group(0)) for m in WORD_RE.finditer(text)]
        # a name runs over spaces only: تنظيم «داعش» is داعش, not the name تنظيم داعش
        joined = [not text[a[1] : b[0]].strip() for a, b in zip(toks, toks[1:], strict=False)]
        out: list[NameMatch] = []
        i = 0
        while i < len(toks):
            found = None
            for first, cut in first_word_cuts(toks[i][2]):
                for n in self._first.get(first, ()):
                    if i + n > len(toks) or not all(joined[i : i + n - 1]):
                        continue
                    key = (first, *(word_key(t[2]) for t in toks[i + 1 : i + n]))
                    entries = [e for e in self._names.get(key, ()) if e[1] in allowed]
                    if entries:
                        found = (n, entries, cut)
                        break
                if found:
                    break
            if found:
                n, entries, cut = found
                start, end = toks[i][0] + cut, toks[i + n - 1][1]
                kind = min((e[1] for e in entries), key=("strong", "weak", "partial").index)
                out.append(NameMatch(start, end, text[start:end], tuple(e[0] for e in entries), kind))
                i += n
            else:
                i += 1
        return out

    # ---------------------------------------------------------------- countries
    def country_from_adjective(self, words: str) -> str | None:
        """ISO-3 code of a demonym in any form: العراقي، العراقية، العراقيين، الأتراك، والأميركية → ..."""
        for key in query_keys(words):
            for n in range(min(len(key), self.max_demonym), 0, -1):
                if key[:n] in self._demonyms:
                    return self._demonyms[key[:n]]
        return None

    def capital_country(self, word: str) -> str | None:
        """Country a capital name may stand for (واشنطن → USA). Metonymy is the caller's call."""
        for key in query_keys(word):
            if key in self._capitals:
                return self._capitals[key]
        return None

    def namesake_country(self, words: Key) -> str | None:
        """The state whose ruler these folded words name (الملك سعود، محمد الخامس، زايد), as in the names of
        its universities, hospitals and cities; None for any other words."""
        return self._namesakes.get(tuple(words))

    def country(self, text: str, *, metonyms: bool = False) -> str | None:
        """ISO-3 code of a country name or demonym (and, with ``metonyms``, a capital)."""
        recs = self.lookup_name(text, kinds=("country",), partial=False)
        if recs:
            return recs[0].country
        found = self.country_from_adjective(text)
        if found is None and metonyms:
            found = self.capital_country(text)
        return found

    # ---------------------------------------------------------------- roles
    def role_word(self, words: str) -> RoleWord | None:
        """The longest role/office phrase in ``words`` (leftmost first), e.g. وزير الخارجية."""
        found = self._find_role(split_words(words))
        return found[2] if found else None

    def sector_for_role(self, words: str) -> str | None:
        """PLOVER sector of the role words in ``words``: رئيس الوزراء → GOV, القوات → MIL."""
        rw = self.role_word(words)
        return rw.sector if rw else None

    def role_at(self, words: list[str]) -> tuple[int, RoleWord, int] | None:
        """The longest role phrase that starts at ``words[0]`` (a clitic on it allowed), as (number
        of words, role, characters of ``words[0]`` the clitic takes up): the event coder reads group
        nouns (مسلحون، والجنود) off running text."""
        cuts = [(first, cut) for first, cut in first_word_cuts(words[0]) if first in self._role_firsts]
        if not cuts:
            return None
        keys = [word_key(w) for w in words[1 : self.max_role]]
        for n in range(min(self.max_role, len(words)), 0, -1):
            rest = tuple(keys[: n - 1])
            for first, cut in cuts:
                rw = self._roles.get((first, *rest))
                if rw:
                    return n, rw, cut
        return None

    def _find_role(self, words: list[str]) -> tuple[int, int, RoleWord] | None:
        for i in range(len(words)):
            for n in range(min(self.max_role, len(words) - i), 0, -1):
                rest = tuple(word_key(w) for w in words[i + 1 : i + n])
                for first in first_word_variants(words[i]):
                    rw = self._roles.get((first, *rest))
                    if rw:
                        return i, i + n, rw
        return None

    # ---------------------------------------------------------------- offices
    def office_holders(
        self, country: str, office: str, date: str | None = None
    ) -> list[tuple[ActorRecord, Role]]:
        """Everyone who held ``office`` (an office such as ``head_of_government`` or a title such as
        ``president``, ``king``) in ``country``, active at ``date`` if given, newest first."""
        roles = self._holders.get(country, [])
        hits = [(r, pid) for r, pid in roles if (r.title == office or r.office == office) and r.active(date)]
        if not hits and office in TITLE_OFFICE:
            hits = [(r, pid) for r, pid in roles if r.office == TITLE_OFFICE[office] and r.active(date)]
        hits.sort(key=lambda h: date_floor(h[0].start or "0000"), reverse=True)
        return [(self.records[pid], r) for r, pid in hits]

    def office_holder(self, country: str, office: str, date: str | None = None) -> ActorRecord | None:
        """Who held ``office`` in ``country`` on ``date`` (ISO; None: the latest holder we know).

        ``office_holder('IRQ', 'head_of_government', '2022-01-24')`` → Mustafa al-Kadhimi.
        On a handover day both holders are in office; the newer one is returned.
        """
        if date is None:
            current = [h for h in self.office_holders(country, office) if h[1].end is None]
            return current[0][0] if current else None
        hits = self.office_holders(country, office, date)
        return hits[0][0] if hits else None

    def person_role(self, person_id: str, date: str | None = None) -> Role | None:
        """The office a person held on ``date`` (the most senior if several), or None."""
        rec = self.records.get(person_id)
        return rec.role_at(date) if rec else None

    def describe_code(self, code: str) -> dict[str, Any] | None:
        """What an actor code stands for, for people reading it: the country (or international actor)
        and sector with Arabic and English names, the records coded so, and the persons who held an
        office of that country and sector, with dates (newest first). None when the KB knows nothing."""
        code = code.upper()
        country, sector = code[:3], code[3:6] or None
        by_code, holders_of = self._code_index()
        place = self.records.get(f"country:{country}")
        coded = by_code.get(code, []) + [r for r in by_code.get((country, sector), []) if r.cameo != code]
        holders = holders_of.get((country, sector), []) if sector else holders_of.get(country, [])
        if place is None and not coded and not holders:
            return None
        ar_sector, en_sector = SECTOR_LABELS.get(sector or "", (sector or "", sector or ""))
        name_ar = place.name if place else (coded[0].name if coded else country)
        name_en = (place.en if place else (coded[0].en if coded else None)) or country
        return {
            "code": code, "country": country, "sector": sector,
            "label_ar": f"{name_ar} · {ar_sector}" if sector else name_ar,
            "label_en": f"{name_en} · {en_sector}" if sector else name_en,
            "records": [{"id": r.id, "name": r.name, "en": r.en, "kind": r.kind} for r in coded[:20]],
            "holders": holders,
        }

    def _code_index(self) -> tuple[dict[Any, list[ActorRecord]], dict[Any, list[dict[str, Any]]]]:
        """Records by CAMEO code and by (country, sector); office holders by (country, sector) and by
        country, newest first. Built on first use."""
        cached = getattr(self, "_codes_cache", None)
        if cached is not None:
            return cached
        by_code: dict[Any, list[ActorRecord]] = {}
        holders: dict[Any, list[dict[str, Any]]] = {}
        for rec in self.records.values():
            if rec.cameo:
                by_code.setdefault(rec.cameo, []).append(rec)
            if rec.kind != "person" and rec.country and rec.sector:
                by_code.setdefault((rec.country, rec.sector), []).append(rec)
            for role in rec.roles if rec.kind == "person" else ():
                if role.country:
                    h = {"id": rec.id, "name": rec.name, "en": rec.en, "office": role.office, "title": role.title,
                         "start": role.start, "end": role.end}
                    holders.setdefault((role.country, role.sector), []).append(h)
                    holders.setdefault(role.country, []).append(h)
        for rows in holders.values():
            rows.sort(key=lambda h: date_floor(h["start"] or "0000"), reverse=True)
        self._codes_cache = (by_code, holders)
        return self._codes_cache

    def code(self, country: str | None, sector: str | None) -> str | None:
        """``code('IRQ', 'GOV')`` → ``'IRQGOV'``."""
        return code(country, sector)

    def actor_code(self, record: ActorRecord, date: str | None = None) -> str | None:
        """Code of a record at a date: a person's office decides their country and sector."""
        return record.code_at(date)

    def code_phrase(self, text: str, date: str | None = None) -> PhraseCode:
        """Country, sector and office of a noun phrase, and the office holder on ``date``.

        ``رئيس الوزراء العراقي`` → IRQ GOV head_of_government (holder on 2022-01-24: al-Kadhimi);
        ``القوات الأميركية`` → USA MIL; ``السفير التركي الجديد لدى العراق`` → TUR GOV, to IRQ.
        A demonym after the role word gives the country; a country name after لدى/إلى gives
        ``to``; one after في/مع/ضد ... is someone else's and is ignored.
        """
        words = split_words(text)
        found = self._find_role(words)
        start = found[1] if found else 0
        rw = found[2] if found else None
        country = to = None
        mode = None
        j = start
        while j < len(words):
            k = word_key(words[j])
            if k in _TO:
                mode, j = "to", j + 1
                continue
            if k in _OTHER_PREP:
                mode, j = "other", j + 1
                continue
            hit, n = self._country_at(words, j)
            if hit:
                if mode == "to":
                    to = to or hit
                elif mode is None and country is None:
                    country = hit
                j += n
                continue
            j += 1
        if rw is None and country is None and words:
            country = self.country_from_adjective(words[0])
        holder = None
        if rw and country and date and not rw.plural and (rw.title or rw.office):
            holder = self.office_holder(country, rw.title or rw.office or "", date)
        return PhraseCode(
            country=country,
            sector=rw.sector if rw else None,
            office=rw.office if rw else None,
            title=rw.title if rw else None,
            role=rw,
            holder=holder,
            to=to,
        )

    def _country_at(self, words: list[str], j: int) -> tuple[str | None, int]:
        for n in range(min(max(self.max_demonym, 4), len(words) - j), 0, -1):
            rest = tuple(word_key(w) for w in words[j + 1 : j + n])
            for first in first_word_variants(words[j]):
                key = (first, *rest)
                if key in self._demonyms:
                    return self._demonyms[key], n
                for rid, kind in self._names.get(key, ()):
                    rec = self.records[rid]
                    if rec.kind == "country" and kind == "strong":
                        return rec.country, n
        return None, 1

    def stats(self) -> dict[str, int]:
        """Counts by kind, for ``rasd`` status output and the model card."""
        out: dict[str, int] = {}
        for r in self.records.values():
            out[r.kind] = out.get(r.kind, 0) + 1
        out["role_words"] = len(set(self._roles.values()))
        out["demonym_forms"] = len(self._demonyms)
        out["office_terms"] = sum(len(r.roles) for r in self.records.values())
        return out


def _inflect(demonym: str) -> list[str]:
    """All regular forms of a nisba adjective, word by word, bare and with the article:
    عراقي → عراقي، عراقية، عراقيون ... العراقي، العراقية، العراقيون ..."""
    words = demonym.split()
    if not all(w.endswith("ي") for w in words):
        return [demonym, " ".join("ال" + w for w in words)]
    forms = [[w[:-1] + suf for w in words] for suf in _NISBA]
    return [" ".join(f) for f in forms] + [" ".join("ال" + w for w in f) for f in forms]


CACHE_ENV = "RASD_CACHE_DIR"
_CACHE_FORMAT = "actors-5"  # the index's code is hashed too, so a change to it rebuilds the cache


def load_kb(
    extra: Iterable[str | os.PathLike[str]] = (), *, cache: bool = True, from_env: bool = True
) -> KnowledgeBase:
    """Build a knowledge base from the shipped files, ``extra`` files and (``from_env``) ``RASD_ACTORS``.

    Parsing the YAML and indexing take about half a second, so the built index is kept in
    ``$RASD_CACHE_DIR`` (default ``~/.cache/rasd``; ``none`` turns it off) under a hash of every
    file's content: editing any file rebuilds it, and an unreadable cache is simply ignored.
    """
    sources = read_sources([*shipped_files(), *user_files(extra, from_env=from_env)])
    path = _cache_path(sources) if cache else None
    if path is not None and path.is_file():
        try:
            with path.open("rb") as fh:
                kb = pickle.load(fh)
            if isinstance(kb, KnowledgeBase):
                return kb
        except Exception:  # a stale or damaged cache is rebuilt, never fatal
            pass
    kb = KnowledgeBase(*merge(sources))
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(kb, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass
    return kb


def _cache_path(sources: list[tuple[str, str]]) -> Path | None:
    where = os.environ.get(CACHE_ENV)
    if where is not None and where.strip().lower() == "none":
        return None
    h = hashlib.sha256(_CACHE_FORMAT.encode())
    for module in ("kb.py", "records.py", "keys.py"):  # the code that builds and reads the index
        h.update(Path(__file__).with_name(module).read_bytes())
    for name, text in sources:
        h.update(b"\0" + name.encode() + b"\0" + text.encode())
    root = Path(where) if where else Path.home() / ".cache" / "rasd"
    return root / f"actors-{h.hexdigest()[:24]}.pickle"


def get_kb(extra: Iterable[str | os.PathLike[str]] = ()) -> KnowledgeBase:
    """The knowledge base of the current resources (``rasd.resources``: the running pipeline's, else
    ``RASD_ACTORS``), built once per process; ``extra`` files are read before those."""
    res = current()
    if extra:
        res = replace(res, actor_files=(*(str(p) for p in extra), *res.actor_files))
    return res.get(kb_of)


@checked
def kb_of(res: Resources) -> KnowledgeBase:
    """The loader of ``Resources``: the shipped files and the settings' actor files."""
    return load_kb(res.actor_files, from_env=False)
