"""The knowledge base's records: actors (countries, organizations, groups, media, persons), their
time-bounded roles, and role words. Frozen, so one loaded KB can be shared by threads and workers.

Dates are ISO strings of any precision (``2014``, ``2014-08``, ``2014-08-28``); a start is read as
the first day of its period and an end as the last, so a year-only end is inclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Role priority when a person holds several offices at once: the one a news report most likely means.
OFFICE_RANK = (
    "head_of_state",
    "head_of_government",
    "crown_prince",
    "vice_president",
    "secretary_general",
    "foreign_minister",
    "defence_minister",
    "interior_minister",
    "army_chief",
    "intelligence_chief",
    "speaker",
    "leader",
    "ambassador",
)

# The office a title stands for when a country has no holder with that exact title.
TITLE_OFFICE = {
    "president": "head_of_state",
    "king": "head_of_state",
    "queen": "head_of_state",
    "emir": "head_of_state",
    "sultan": "head_of_state",
    "supreme_leader": "head_of_state",
    "prime_minister": "head_of_government",
    "chancellor": "head_of_government",
}


def date_floor(d: str) -> str:
    """First day of a partial ISO date: ``2014`` → ``2014-01-01``."""
    parts = d.split("-")
    return "-".join([parts[0], *(parts[1:] + ["01", "01"])[:2]])


def date_ceil(d: str) -> str:
    """Last day (lexically) of a partial ISO date: ``2014`` → ``2014-12-31``, ``2014-02`` → ``2014-02-31``."""
    parts = d.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31"
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1]}-31"
    return d


@dataclass(frozen=True)
class Role:
    """One office held for a time. ``end`` None means still in office (as far as the data knows)."""

    office: str
    country: str | None
    sector: str = "GOV"
    start: str | None = None
    end: str | None = None
    title: str | None = None
    approx: bool = False  # dates are approximate (to the month or year)
    org: str | None = None  # kb id of the organization the office belongs to, if any
    to: str | None = None  # for ambassadors and envoys: the country they are posted to

    def active(self, date: str | None) -> bool:
        """True when the role covers ``date`` (an ISO date of any precision); any role if None."""
        if date is None:
            return True
        lo, hi = date_floor(date), date_ceil(date)
        if self.start and hi < date_floor(self.start):
            return False
        if self.end and lo > date_ceil(self.end):
            return False
        return True

    @property
    def code(self) -> str | None:
        return code(self.country, self.sector)


@dataclass(frozen=True)
class ActorRecord:
    """A known actor. ``id`` is stable across runs and documents: ``person:erdogan``, ``country:TUR``."""

    id: str
    kind: str  # country | igo | ngo | state_body | armed_group | party | movement | media | person
    name: str  # canonical Arabic name
    en: str | None = None
    names: tuple[str, ...] = ()  # every Arabic/Latin spelling that names it on its own
    weak_names: tuple[str, ...] = ()  # names that are also common words (القاعدة، الجزيرة)
    country: str | None = None  # ISO-3, or a PLOVER international code (IGO UNO EUR NGO IMG ...)
    sector: str | None = None  # PLOVER sector of the actor itself (persons: see roles)
    sectors: tuple[str, ...] = ()  # secondary sectors
    cameo: str | None = None  # a CAMEO actor code where CAMEO has one (IGOMEAARL ...)
    roles: tuple[Role, ...] = ()
    home: str | None = None  # where a transnational group or outlet is based
    note: str | None = None
    source: str = ""  # the data file the record (last) came from
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def role_at(self, date: str | None = None) -> Role | None:
        """The role active at ``date`` (the most senior if several); without a date, the latest one."""
        roles = [r for r in self.roles if r.active(date)]
        if not roles:
            return None
        if date is None:
            return max(roles, key=lambda r: (date_floor(r.end) if r.end else "9999", _rank(r.office) * -1))
        return min(roles, key=lambda r: _rank(r.office))

    def code_at(self, date: str | None = None) -> str | None:
        """CAMEO/PLOVER-style code (``IRQGOV``) for this actor at ``date``; a person out of the
        government offices they held gets ``ELI`` (PLOVER's sector for former officials)."""
        if self.kind == "person":
            role = self.role_at(date)
            if role is not None:
                return role.code
            if date and any(
                r.end and date_ceil(r.end) < date_floor(date) for r in self.roles if r.sector == "GOV"
            ):
                return code(self.country, "ELI")  # PLOVER: former government officials
            return code(self.country, self.sector)
        if self.cameo:
            return self.cameo
        return code(self.country, self.sector)


@dataclass(frozen=True)
class RoleWord:
    """A role or office phrase (رئيس الوزراء، القوات، المتظاهرون) and what it codes to."""

    words: str  # the phrase as written in the data file (first spelling)
    sector: str
    office: str | None = None
    title: str | None = None
    alt: tuple[str, ...] = ()  # other sectors context may call for (المتظاهرون: CVL, else OPP)
    plural: bool = False


@dataclass(frozen=True)
class PhraseCode:
    """What a noun phrase such as ``رئيس الوزراء العراقي`` codes to."""

    country: str | None
    sector: str | None
    office: str | None = None
    title: str | None = None
    role: RoleWord | None = None
    holder: ActorRecord | None = None  # the office holder at the given date, when one is known
    to: str | None = None  # a country after لدى (السفير التركي لدى العراق → TUR, to IRQ)

    @property
    def code(self) -> str | None:
        return code(self.country, self.sector)


def code(country: str | None, sector: str | None) -> str | None:
    """``code('IRQ', 'GOV')`` → ``IRQGOV``; either part may be missing."""
    out = (country or "") + (sector or "")
    return out or None


def _rank(office: str) -> int:
    return OFFICE_RANK.index(office) if office in OFFICE_RANK else len(OFFICE_RANK)
