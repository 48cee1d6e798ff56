"""Event type profiles: what the coder knows of each type besides its trigger words, read from
``data/events/types.tsv`` (where to look for the target, which flags shape detection, which scope
rules apply). The coder asks these tables, never a list of type names in code, so a new type is
data only: a row in ``types.tsv`` and its trigger rows in ``triggers.tsv``.

``RASD_EVENTS_DIR`` names a folder with the user's own ``types.tsv`` and ``triggers.tsv`` that
replace the shipped ones (copy the shipped folder and edit it). Malformed rows are a ``ConfigError``
naming the file and line, raised when the tables are first loaded (``pipeline.check_resources``
loads them before a batch starts).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rasd.errors import ConfigError
from rasd.resources import EVENTS_ENV, Resources, checked, current

ENV_VAR = EVENTS_ENV
FLAGS = frozenset({"symmetric", "crowd", "hostile", "soft", "purpose", "material", "speech", "call"})
NEXT_MENTION = ("*",)  # a target group meaning "the first free mention after the trigger"


@dataclass(frozen=True)
class Profile:
    type: str
    target: tuple[tuple[str, ...], ...]  # preposition groups tried in order; NEXT_MENTION = any mention
    chunk: tuple[str, ...]  # prepositions that introduce a target chunk when no mention was found
    flags: frozenset[str]
    scope: tuple[str, ...]  # names of rasd.events.scope rules, tried in order


# A type with no row (a trigger file naming a type that types.tsv lacks is refused at load; this is
# what code that asks about an arbitrary name gets).
DEFAULT = Profile("", (NEXT_MENTION, ("الي", "ل", "ل_np", "مع", "علي", "من")), ("علي", "ضد"), frozenset(), ())


def events_dir(res: Resources | None = None) -> str:
    """The folder the event tables are read from: the resources' (``$RASD_EVENTS_DIR``) or the shipped one."""
    return (res or current()).events_dir or _shipped()


@lru_cache(maxsize=1)
def _shipped() -> str:
    return str(resources.files("rasd.data").joinpath("events"))


def read_table(folder: str, name: str) -> tuple[str, str]:
    """(path, text) of one table of an events folder, or a ConfigError saying which file is missing."""
    path = Path(folder) / name
    try:
        return str(path), path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the event table ({exc.strerror or exc})") from None


def parse_profiles(text: str, where: str = "types.tsv") -> dict[str, Profile]:
    """Profiles by type from the text of a ``types.tsv``; ConfigError with file and line on a bad row."""
    out: dict[str, Profile] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 5:
            raise ConfigError(f"{where}:{n}: want 5 tab-separated columns (type, target, chunk, flags, scope), got {len(cols)}")
        ptype, target, chunk, flags, scope = (c.strip() for c in cols)
        if not ptype or not ptype.isupper() or ptype in out:
            raise ConfigError(f"{where}:{n}: bad or repeated type name {ptype!r}")
        groups = tuple(tuple(p.strip() for p in g.split(",") if p.strip()) for g in target.split("|"))
        if not groups or any(not g for g in groups):
            raise ConfigError(f"{where}:{n}: empty preposition group in {target!r}")
        flag_set = frozenset(f.strip() for f in flags.split(",") if f.strip() and f.strip() != "-")
        if flag_set - FLAGS:
            raise ConfigError(f"{where}:{n}: unknown flag(s) {sorted(flag_set - FLAGS)}; known: {sorted(FLAGS)}")
        rules = tuple(r.strip() for r in scope.split(",") if r.strip() and r.strip() != "-")
        chunk_preps = tuple(p.strip() for p in chunk.split(",") if p.strip())
        out[ptype] = Profile(ptype, groups, chunk_preps, flag_set, rules)
    return out


def profiles_in(folder: str) -> dict[str, Profile]:
    """The profiles of the types.tsv in ``folder`` (read anew: :func:`profiles` keeps them)."""
    where, text = read_table(folder, "types.tsv")
    return parse_profiles(text, where)


def profiles() -> dict[str, Profile]:
    """Every type's profile, of the current resources' events folder (loaded once per process)."""
    return current().get(profiles_of)


@checked
def profiles_of(res: Resources) -> dict[str, Profile]:
    """The loader of ``Resources``: the profiles of the settings' events folder."""
    return profiles_in(events_dir(res))


def profile(ptype: str) -> Profile:
    return profiles().get(ptype, DEFAULT)


def has(ptype: str, flag: str) -> bool:
    """Does the type carry this flag (``symmetric``, ``crowd`` ...)?"""
    return flag in profile(ptype).flags


def with_flag(flag: str) -> frozenset[str]:
    """The types that carry a flag."""
    return frozenset(t for t, p in profiles().items() if flag in p.flags)
