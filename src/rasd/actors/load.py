"""Reading the knowledge base's YAML files: the shipped ones, then the user's, merged by id.

Every file is a mapping with any of these sections (see docs/actors.md):
``countries``, ``organizations``, ``groups``, ``media``, ``persons`` (lists of records with an
``id``), ``roles`` (role/office words), ``capitals`` (country → capital names used as metonyms).

A user record with the id of a shipped one is merged into it: name lists are united, ``roles``
replace the shipped roles, any other field overrides; ``drop: true`` removes the record.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from rasd.errors import ConfigError
from rasd.resources import ACTORS_ENV

ENV_VAR = ACTORS_ENV
SECTIONS = {
    "countries": ("country", "country"),
    "organizations": ("org", "igo"),
    "groups": ("group", "armed_group"),
    "media": ("media", "media"),
    "persons": ("person", "person"),
}
LIST_FIELDS = ("names", "weak_names", "demonyms", "plurals", "sectors")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def shipped_files() -> list[Any]:
    """The package's own data files (``rasd/data/actors/*.yaml``), in name order."""
    root = resources.files("rasd.data").joinpath("actors")
    return sorted((f for f in root.iterdir() if f.name.endswith((".yaml", ".yml"))), key=lambda f: f.name)


def user_files(extra: Iterable[str | os.PathLike[str]] = (), *, from_env: bool = True) -> list[Path]:
    """Files named by ``extra`` and (``from_env``) by the ``RASD_ACTORS`` variable (paths joined by
    ``os.pathsep``); ``rasd.resources.Resources`` passes its own list and ``from_env=False``.

    A directory stands for the ``*.yaml``/``*.yml`` files in it. A path that does not exist is a
    ``ConfigError``: a silently ignored dictionary is worse than a clear failure.
    """
    paths = [Path(p) for p in extra]
    env = os.environ.get(ENV_VAR, "") if from_env else ""
    paths += [Path(p) for p in env.split(os.pathsep) if p.strip()]
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(q for q in p.iterdir() if q.suffix in (".yaml", ".yml"))
        elif p.is_file():
            out.append(p)
        else:
            raise ConfigError(f"actor file not found: {p}")
    return out


def read_sources(files: Iterable[Any]) -> list[tuple[str, str]]:
    """(name, text) of each file (a Path or a package resource), read once."""
    out = []
    for f in files:
        name = str(f) if isinstance(f, Path) else getattr(f, "name", str(f))  # a user's file by its path
        try:
            out.append((name, f.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as e:
            raise ConfigError(f"cannot read actor file {name}: {e}") from None
    return out


def parse(name: str, text: str) -> dict[str, Any]:
    """Parse one file's YAML into its sections, with a one-line error naming the file."""
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        where = f"{name}:{mark.line + 1}" if mark is not None else name
        what = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise ConfigError(f"cannot read actor file {where}: {what}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"actor file {name}: expected a mapping of sections, got {type(data).__name__}")
    unknown = set(data) - set(SECTIONS) - {"roles", *NAME_LISTS}
    if unknown:
        raise ConfigError(f"actor file {name}: unknown section(s) {', '.join(sorted(unknown))}")
    return data


def iso(value: Any) -> str | None:
    """Dates in YAML come back as date objects or ints; the KB keeps ISO strings."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


# Sections that map a country code to names: capitals (واشنطن → USA, for metonymy) and namesakes (the
# rulers whose names institutions of their state bear: جامعة الملك سعود → SAU).
NAME_LISTS = ("capitals", "namesakes")


def merge(
    sources: Iterable[tuple[str, str]],
) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]], dict[str, dict[str, list[str]]]]:
    """Merge (name, text) sources in order into (records by id, role-word entries, name lists by
    section: ``NAME_LISTS``)."""
    records: dict[str, dict[str, Any]] = {}
    roles: list[dict[str, Any]] = []
    lists: dict[str, dict[str, list[str]]] = {section: {} for section in NAME_LISTS}
    for name, text in sources:
        data = parse(name, text)
        for section, (prefix, kind) in SECTIONS.items():
            for item in _items(data.get(section), section, name):
                rid = f"{prefix}:{item['id']}"
                if item.get("drop"):
                    records.pop(rid, None)
                    continue
                item = {**item, "source": name}
                if rid in records:
                    _merge_into(records[rid], item)
                else:
                    records[rid] = {"kind": kind, **item}
        for item in _items(data.get("roles"), "roles", name, need_id=False):
            if not item.get("words") or not item.get("sector"):
                raise ConfigError(f"actor file {name}: a role entry needs 'words' and 'sector'")
            roles.append(item)
        for section in NAME_LISTS:
            entries = data.get(section) or {}
            if not isinstance(entries, dict):
                raise ConfigError(f"actor file {name}: '{section}' must map a country code to names")
            for country, names in entries.items():
                lists[section].setdefault(str(country), []).extend(_as_list(names))
    return records, roles, lists


def _items(value: Any, section: str, name: str, need_id: bool = True) -> Iterator[dict[str, Any]]:
    if value is None:
        return
    if not isinstance(value, list):
        raise ConfigError(f"actor file {name}: section '{section}' must be a list")
    for item in value:
        if not isinstance(item, dict) or (need_id and "id" not in item):
            raise ConfigError(f"actor file {name}: every entry of '{section}' needs an 'id' ({item!r:.60})")
        yield item


def _merge_into(old: dict[str, Any], new: dict[str, Any]) -> None:
    for k, v in new.items():
        if k in LIST_FIELDS:
            seen = list(_as_list(old.get(k)))
            seen += [x for x in _as_list(v) if x not in seen]
            old[k] = seen
        else:
            old[k] = v


def _as_list(v: Any) -> list[Any]:
    if v is None:
        return []
    return list(v) if isinstance(v, list | tuple) else [v]
