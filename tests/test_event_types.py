"""Event types are data: a type is its row in ``types.tsv`` and its trigger rows in ``triggers.tsv``.

A toy type added to a copy of the shipped tables (``RASD_EVENTS_DIR``) is coded with no code change:
its trigger is found, its target is read after the preposition its profile names, its scope rule
applies; malformed tables are one ConfigError naming the file and line, raised before a batch starts.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from rasd.coder import SentenceCoder
from rasd.errors import ConfigError
from rasd.events import profiles, scope
from rasd.events.lexicon import load
from rasd.model import PLOVER_TYPES, SYMMETRIC_TYPES
from rasd.pipeline import check_resources, step_versions

SHIPPED = Path(str(resources.files("rasd.data").joinpath("events")))
TOY_TYPE = "HONOR\tب | *\tب\tspeech\tbusiness_sports\n"
TOY_TRIGGERS = "HONOR\t\t\t\tV:كرم,كرّم/يكرم\nHONOR\t\t\t\tN:تكريم\n"


def _events_dir(tmp_path: Path, types_extra: str = "", triggers_extra: str = "") -> Path:
    folder = tmp_path / "events"
    shutil.copytree(SHIPPED, folder)
    with (folder / "types.tsv").open("a", encoding="utf-8") as fh:
        fh.write(types_extra)
    with (folder / "triggers.tsv").open("a", encoding="utf-8") as fh:
        fh.write(triggers_extra)
    return folder


def test_every_shipped_type_has_a_profile_and_the_profiles_agree_with_the_model() -> None:
    table = profiles.profiles()
    assert set(table) == set(PLOVER_TYPES)
    assert profiles.with_flag("symmetric") == SYMMETRIC_TYPES  # the stores' cluster ids use the model's set
    assert {e.type for e in load().entries} <= set(table)
    scope.check_profiles()


def test_a_toy_type_is_added_by_data_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(profiles.ENV_VAR, str(_events_dir(tmp_path, TOY_TYPE, TOY_TRIGGERS)))
    check_resources()
    coder = SentenceCoder()
    doc = coder("كرّم الرئيس التونسي قيس سعيد بالأمس وفدا من الأطباء في قصر قرطاج.")
    honors = [e for e in doc.events if e.type == "HONOR"]
    assert len(honors) == 1
    assert honors[0].trigger and "كرّم" in doc.text[honors[0].trigger.start : honors[0].trigger.end]
    # the profile's scope rule (business_sports) applies to the new type as to the shipped ones
    sports = coder("كرّم النادي اللاعب الأول في الدوري بعد المباراة.")
    assert not [e for e in sports.events if e.type == "HONOR"]
    # the new tables change the events step's version, so stored documents can be reprocessed
    changed = step_versions()["events"]
    monkeypatch.delenv(profiles.ENV_VAR)
    assert step_versions()["events"] != changed


def test_the_target_is_read_where_the_profile_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same sentence, two profiles: the target is the next mention ("*"), or only one after مع."""
    sentence = "كرّم الرئيس التونسي السفير الفرنسي مع السفير المصري في قصر قرطاج."
    names = []
    for n, target in enumerate(("*", "مع")):
        row = TOY_TYPE.replace("ب | *", target)
        monkeypatch.setenv(profiles.ENV_VAR, str(_events_dir(tmp_path / str(n), row, TOY_TRIGGERS)))
        found = [e for e in SentenceCoder()(sentence).events if e.type == "HONOR"]
        assert len(found) == 1
        names.append(" ".join(a.name for a in found[0].target))
    assert "الفرنسي" in names[0] and "المصري" in names[1], names


@pytest.mark.parametrize(
    ("types_extra", "triggers_extra", "message"),
    [
        ("HONOR\tب\tب\tloud\t-\n", "", r"types\.tsv:\d+: unknown flag"),
        ("HONOR\tب\tب\n", "", r"types\.tsv:\d+: want 5"),
        ("HONOR\tب\tب\t-\tno_such_rule\n", "", "unknown scope rule"),
        ("", "NOPE\t\t\t\tN:تكريم\n", r"triggers\.tsv:\d+: type 'NOPE' has no row"),
        ("", "HONOR\t\t\t\tX:تكريم\n", r"triggers\.tsv:\d+: bad trigger forms"),
    ],
)
def test_malformed_event_tables_fail_before_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, types_extra: str, triggers_extra: str, message: str
) -> None:
    if triggers_extra.startswith("HONOR"):
        types_extra = TOY_TYPE
    monkeypatch.setenv(profiles.ENV_VAR, str(_events_dir(tmp_path, types_extra, triggers_extra)))
    with pytest.raises(ConfigError, match=message):
        check_resources()
