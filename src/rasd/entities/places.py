"""Geocoding: the place names of one article → geonames places, disambiguated by the article.

A name can stand for several places (لندن: London, UK or London, Ontario; عمان: Oman or Amman;
الكويت: the state or its capital). The article decides: a name that is a country is the country,
unless the article's other places point at a city of that name in another country (عمان with
الأردن nearby is Amman); among cities, one in a country the article otherwise names wins, then the
most populous. The dateline place (إيلاف من لندن) is where the report was filed: it is geocoded
like the rest but marked ``reporting`` and does not steer the others.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from rasd.entities.gazetteer import Gazetteer, Place, gazetteer
from rasd.model import Geo

COUNTRY_CONTEXT_BONUS = 2.0  # log10 population units: a 100-fold smaller city in a named country wins
# a geonames city smaller than this (no curated name) is a place only in an article that names its
# country (or from an outlet of it): most such names in the news are words or namesakes (يعبد، ملاح؛
# منامه "his sleep", السلط "the powers", المسيلة in القنابل المسيلة للدموع). 100,000 at first; a
# million removed 10 more wrong mentions in 1,200 fresh articles for one right one (docs/bench/entities.md)
SMALL_TOWN = 1_000_000


@dataclass
class PlaceName:
    """One place name of the article: its key, the strongest evidence for it, and whether it is
    the dateline place."""

    key: str
    ner: bool = False  # the NER model tagged it as a place (weak names are then allowed)
    reporting: bool = False
    city_cue: bool = False  # preceded by مدينة / العاصمة
    region_cue: bool = False  # preceded by منطقة / محافظة / إقليم / جهة / ولاية


def geocode(
    names: Iterable[PlaceName],
    context_countries: Iterable[str] = (),
    gaz: Gazetteer | None = None,
) -> dict[str, Place]:
    """Choose one place per name key; names with no acceptable candidate are left out.

    ``context_countries`` are ISO-3 codes the article names otherwise (demonyms, actors); they count
    like unambiguous places when a city must be chosen.
    """
    gaz = gaz or gazetteer()
    merged: dict[str, PlaceName] = {}
    for n in names:
        m = merged.setdefault(n.key, PlaceName(n.key))
        m.ner |= n.ner
        m.reporting |= n.reporting
        m.city_cue |= n.city_cue
        m.region_cue |= n.region_cue
    options: dict[str, list[Place]] = {}
    # hamlets only the model calls places (مهرجان الورد → a village in Iran): (key, geonameid)
    hamlets: set[tuple[str, int]] = set()
    for key, n in merged.items():
        allowed = []
        for p, strength in gaz.candidates(key):
            if strength <= 0 and p.feature == "admin" and not n.region_cue:
                continue  # الشرقية alone is "eastern" (أوروبا الشرقية); بالمنطقة الشرقية is the province
            if strength > 0 or n.ner:
                allowed.append(p)
                if not (n.city_cue or n.region_cue) and (
                    strength <= 0 or (strength == 1 and p.feature == "city" and p.population < SMALL_TOWN)
                ):
                    # a name that is also a word, which only the model calls a place (مشهد "scene",
                    # لفيف "a group", سفيرة "ambassador"), or a city known only to geonames under a
                    # million people (يعبد، ملاح، المنصورية): a place only where the article names its country
                    hamlets.add((key, p.geonameid))
        if allowed:
            options[key] = allowed
    # countries the article is about: unambiguous names (one country among the options) outside
    # the dateline, and the context given; a hamlet anchors nothing
    anchors: dict[str, set[str]] = {}
    for key, places in options.items():
        countries = {p.country for p in places if p.country and (key, p.geonameid) not in hamlets}
        if len(countries) == 1 and not merged[key].reporting:
            anchors.setdefault(next(iter(countries)), set()).add(key)
    context = set(context_countries)

    def named_elsewhere(iso: str | None, key: str) -> bool:
        return iso is not None and (iso in context or bool(anchors.get(iso, set()) - {key}))

    out: dict[str, Place] = {}
    for key, places in options.items():
        n = merged[key]
        # a hamlet only where the article is about its country
        places = [p for p in places if (key, p.geonameid) not in hamlets or named_elsewhere(p.country, key)]
        if not places:
            continue
        admins = [p for p in places if p.feature == "admin"]
        if n.region_cue and admins:
            places = admins  # أمين منطقة الجوف: the Saudi region, not the Libyan town of that name
        countries = [p for p in places if p.feature == "country"]
        cities = [p for p in places if p.feature != "country"]
        if countries and not n.city_cue:
            country = countries[0]
            rival = [c for c in cities if c.country != country.country and named_elsewhere(c.country, key)]
            if not rival or named_elsewhere(country.country, key):
                out[key] = country
                continue
            cities = rival
        pool = cities or countries
        out[key] = max(pool, key=lambda p: _score(p, named_elsewhere(p.country, key)))
    return out


def _score(place: Place, country_named: bool) -> float:
    return math.log10(place.population + 10) + (COUNTRY_CONTEXT_BONUS if country_named else 0.0)


def place_geo(place: Place, reporting: bool = False) -> Geo:
    """The ``Entity.geo`` form of a place."""
    return Geo(
        geonameid=place.geonameid,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
        feature=place.feature,
        reporting=reporting,
    )
