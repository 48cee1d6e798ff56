"""Actor knowledge base: who and what a name, an adjective or a title in Arabic news refers to.

API (stable; the entity resolver and event coder call it)::

    from rasd.actors import get_kb
    kb = get_kb()                        # built once per process; RASD_ACTORS adds user YAML files
    kb.lookup_name("لأردوغان", date="2022-01-24")       -> [ActorRecord person:erdogan, ...]
    kb.scan(text)                        -> [NameMatch(start, end, text, ids, kind)]  # gazetteer pass
    kb.get("country:IRQ")                -> ActorRecord
    kb.country_from_adjective("العراقيين") -> "IRQ"
    kb.country("أمريكا") -> "USA";  kb.capital_country("واشنطن") -> "USA" (metonymy, opt-in)
    kb.sector_for_role("القوات") -> "MIL";  kb.role_word("وزير الخارجية") -> RoleWord
    kb.office_holder("IRQ", "head_of_government", "2022-01-24") -> ActorRecord (al-Kadhimi)
    kb.office_holder("IRN", "president", "2022-01-01")  # titles work as well as offices
    kb.person_role("person:erdogan", "2010") -> Role(office="head_of_government", country="TUR", ...)
    kb.code("IRQ", "GOV") -> "IRQGOV";  kb.actor_code(record, date) -> "TURGOV"
    kb.code_phrase("رئيس الوزراء العراقي", date="2022-01-24")
        -> PhraseCode(country="IRQ", sector="GOV", office="head_of_government", holder=al-Kadhimi)

Records: ``ActorRecord`` (id ``kind:local``, kind, name, names, country, sector, cameo, roles),
``Role`` (office, country, sector, start, end, title, approx), ``RoleWord``, ``PhraseCode``.
Sectors are PLOVER's (media is JRN, health is MED); ``cameo_sector`` converts. Data files and how
to extend them: ``docs/actors.md``.
"""

from rasd.actors.kb import KnowledgeBase, NameMatch, get_kb, load_kb
from rasd.actors.records import ActorRecord, PhraseCode, Role, RoleWord, code

# PLOVER renamed two CAMEO sectors; everything else is spelled the same.
_PLOVER_TO_CAMEO = {"JRN": "MED", "MED": "HLH"}


def cameo_sector(sector: str | None) -> str | None:
    """CAMEO spelling of a PLOVER sector: JRN (media) → MED, MED (health) → HLH."""
    return _PLOVER_TO_CAMEO.get(sector, sector) if sector else sector


__all__ = [
    "ActorRecord",
    "KnowledgeBase",
    "NameMatch",
    "PhraseCode",
    "Role",
    "RoleWord",
    "cameo_sector",
    "code",
    "get_kb",
    "load_kb",
]
