"""The shipped place gazetteer: Arabic place names → geonames places, and demonym adjectives.

Demonyms come from the actor knowledge base (``rasd.actors``, country data), so that one list
serves both the actors and the places.

Built by ``scripts/build_gazetteer.py`` into ``rasd/data/gazetteer/places.json.gz`` (see the model
card there). Names are keyed by their normalized form (``normalize_word``, words joined by one space)
so the spellings the news uses for one place (أربيل/إربيل/اربيل) meet. Each name carries a
*strength*: 2 curated (CLDR, hand lists), 1 geonames, 0 weak (also an ordinary word: only trusted
inside a span the NER model tagged as a place).
"""

from __future__ import annotations

import gzip
import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rasd.limits import WORD_MEMO
from rasd.resources import Resources, current
from rasd.text.normalize import normalize_word

DATA_FILE = "places.json.gz"
NAME_LIKE_DEMONYMS = frozenset({"تركي", "هندي"})
log = logging.getLogger(__name__)
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


@dataclass(frozen=True)
class Place:
    """One gazetteer place."""

    geonameid: int
    feature: str  # country | city | region
    country: str | None  # ISO-3
    lat: float
    lon: float
    population: int
    name: str  # Arabic display name
    name_en: str


class Gazetteer:
    """Name and demonym lookup over the shipped data (read-only after construction)."""

    def __init__(self, data: dict) -> None:
        self.places: dict[int, Place] = {
            int(gid): Place(int(gid), *row) for gid, row in data.get("places", {}).items()
        }
        self.names: dict[str, tuple[tuple[int, int], ...]] = {
            k: tuple((int(g), int(s)) for g, s in v) for k, v in data.get("names", {}).items()
        }
        self.demonyms: dict[str, str] = dict(data.get("demonyms", {}))
        self.by_country: dict[str, Place] = {
            p.country: p for p in self.places.values() if p.feature == "country" and p.country
        }
        # first word → the word counts of multi-word names starting with it, longest first
        lengths: dict[str, set[int]] = {}
        for key in self.names:
            parts = key.split(" ")
            if len(parts) > 1:
                lengths.setdefault(parts[0], set()).add(len(parts))
        self.multi: dict[str, tuple[int, ...]] = {
            k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()
        }

    def candidates(self, key: str) -> list[tuple[Place, int]]:
        """Places a normalized name may stand for, with the name's strength for each."""
        return [(self.places[g], s) for g, s in self.names.get(key, ()) if g in self.places]

    def country(self, iso3: str) -> Place | None:
        return self.by_country.get(iso3)

    def demonym(self, key: str) -> str | None:
        """ISO-3 of a demonym adjective in any form (العراقية، الأميركيين ...), or None."""
        return self.demonyms.get(key)

    def match_at(self, norms: list[str], i: int) -> tuple[int, str, int] | None:
        """Longest place name starting at word ``i`` of ``norms`` (normalized words).

        Returns (words used, name key, letters of proclitic cut from the first word) or None.
        The first word may carry proclitics (والعراق، ببغداد، للعراق); they are tried off in turn.
        """
        for first, cut in proclitic_variants(norms[i]):
            for n in self.multi.get(first, ()):
                if i + n <= len(norms):
                    key = " ".join([first, *norms[i + 1 : i + n]])
                    if key in self.names:
                        return n, key, cut
            if first in self.names:
                return 1, first, cut
        return None

    def demonym_at(self, word: str) -> tuple[str, int] | None:
        """(ISO-3, letters cut) when the normalized ``word`` is a demonym, proclitics allowed."""
        for form, cut in proclitic_variants(word):
            iso = self.demonyms.get(form)
            if iso:
                return iso, cut
        return None


@lru_cache(maxsize=WORD_MEMO)
def proclitic_variants(word: str) -> tuple[tuple[str, int], ...]:
    """The word itself, then with a proclitic cut (لل+X read as ال+X); letters cut for each."""
    out = [(word, 0)]
    for pre in _PROCLITICS:
        if word.startswith(pre) and len(word) - len(pre) >= 3:
            rest = word[len(pre) :]
            if pre.endswith("ل") and rest.startswith("ل"):
                out.append(("ا" + rest, len(pre) - 1))  # للعراق → العراق
            else:
                out.append((rest, len(pre)))
    return tuple(out)


def gazetteer() -> Gazetteer:
    """The packaged gazetteer with the current resources' knowledge base's demonyms, read once per
    process (``rasd.resources``)."""
    return current().get(gazetteer_of)


def gazetteer_of(res: Resources) -> Gazetteer:
    """The loader of ``Resources``: the packaged gazetteer with the demonyms of the settings'
    knowledge base. Empty when the data file is missing; without demonyms when the knowledge base
    cannot load."""
    try:
        ref = resources.files("rasd.data").joinpath("gazetteer", DATA_FILE)
        with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        data = {}
    data["demonyms"] = {**kb_demonyms(res), **data.get("demonyms", {})}
    return Gazetteer(data)


def kb_demonyms(res: Resources | None = None) -> dict[str, str]:
    """One-word demonym forms of the actor knowledge base, keyed like gazetteer names.

    The knowledge base keys words without the article; both forms are added here (عراقيه and
    العراقيه). A bare masculine form that is also a common first name (تركي) is left out: in
    running text it is more often the person.
    """
    try:
        from rasd.actors.kb import kb_of

        forms = (res or current()).get(kb_of)._demonyms
    except Exception as exc:  # noqa: BLE001 - the gazetteer works without the knowledge base
        log.warning("gazetteer: no demonyms from the actor knowledge base (%s)", exc)
        return {}
    out: dict[str, str] = {}
    for key, iso in forms.items():
        if len(key) != 1:
            continue
        word = key[0]
        if word not in NAME_LIKE_DEMONYMS:
            out[word] = iso
        out["ال" + word] = iso
    return out


def key_of(text: str) -> str:
    """The gazetteer key of a name as written: normalized words joined by single spaces."""
    return " ".join(normalize_word(text).replace("-", " ").split())
