"""The one resources object: settings from the environment or given, loaded once per process for equal
settings, validated before any document, handed to the steps by the pipeline, cheap to pickle."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from rasd.actors import get_kb
from rasd.entities.gazetteer import gazetteer, gazetteer_of
from rasd.errors import ConfigError
from rasd.ingest import ingest, pipeline_for
from rasd.model import Source
from rasd.pipeline import Pipeline, step_versions
from rasd.readers.base import RawDoc
from rasd.resources import Resources, current, using
from rasd.store.sqlite import SQLiteStore

MAYOR = (
    "persons:\n"
    "- {id: local_mayor, name: سمير الخطابي, country: JOR, roles: [[head_of_government, 2020, null]]}\n"
)
TEXT = "اجتمع سمير الخطابي مع وفد من الحكومة في عمان يوم الأحد، وقال الخطابي إن اللقاء كان مثمرا."


def _docs(store: SQLiteStore) -> list:
    return [store.get(i) for (i,) in store.db.execute("SELECT id FROM documents ORDER BY rowid")]


def _mayor_file(tmp_path: Path) -> Path:
    f = tmp_path / "mine.yaml"
    f.write_text(MAYOR, encoding="utf-8")
    return f


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RASD_ACTORS", f"{tmp_path / 'a.yaml'}:{tmp_path / 'b'}")
    monkeypatch.setenv("RASD_NER_MODEL", str(tmp_path / "model"))
    monkeypatch.delenv("RASD_EVENTS_DIR", raising=False)
    res = Resources.from_env()
    assert res.actor_files == (str(tmp_path / "a.yaml"), str(tmp_path / "b"))
    assert (res.ner_model, res.events_dir) == (str(tmp_path / "model"), None)
    assert current() == res  # no pipeline running: what the environment gives


def test_equal_settings_load_once() -> None:
    res = Resources()
    calls: list[Resources] = []

    def loader(r: Resources) -> list[int]:
        calls.append(r)
        return [1, 2, 3]

    first = res.get(loader)
    assert Resources().get(loader) is first  # an equal object shares what was loaded
    assert calls == [res]
    assert Resources(events_dir="/elsewhere").get(loader) is not first  # other settings load anew


def test_a_failed_load_is_not_kept() -> None:
    tries: list[int] = []

    def flaky(r: Resources) -> str:
        tries.append(1)
        if len(tries) == 1:
            raise ConfigError("first try fails")
        return "ok"

    with pytest.raises(ConfigError):
        Resources().get(flaky)
    assert Resources().get(flaky) == "ok" and len(tries) == 2


def test_pickles_as_its_settings_only(tmp_path: Path) -> None:
    res = Resources(actor_files=(str(_mayor_file(tmp_path)),)).check()
    assert len(res.loaded()) >= 3  # the knowledge base, the event profiles and triggers were loaded
    blob = pickle.dumps(res)
    assert len(blob) < 400 and pickle.loads(blob) == res
    pipe = Pipeline(resources=res)
    assert len(pickle.dumps(pipe)) < 2000  # a pool or Spark task carries the steps by name and the settings


@pytest.mark.parametrize(
    ("where", "content", "line"),
    [("actors", "persons:\n  - id: x\n    names: [فلان\n", ":4"), ("events", "BAD\tnot enough columns\n", ":1")],
)
def test_check_names_the_bad_file_before_any_document(tmp_path: Path, where: str, content: str, line: str) -> None:
    if where == "actors":
        bad = tmp_path / "mine.yaml"
        bad.write_text(content, encoding="utf-8")
        res = Resources(actor_files=(str(bad),))
    else:
        import shutil
        from importlib import resources as package

        folder = tmp_path / "events"
        shutil.copytree(str(package.files("rasd.data").joinpath("events")), folder)
        (folder / "types.tsv").write_text(content, encoding="utf-8")
        bad = folder / "types.tsv"
        res = Resources(events_dir=str(folder))
    with pytest.raises(ConfigError) as info:
        res.check()
    assert f"{bad}{line}" in str(info.value)
    store = SQLiteStore(tmp_path / "s.db")
    with pytest.raises(ConfigError):  # ingest checks before it reads anything
        ingest(iter([RawDoc(TEXT, Source(url="u"), {})]), store, pipeline=Pipeline(resources=res))
    assert store.stats()["documents"] == 0


def test_the_pipeline_hands_its_resources_to_the_steps(tmp_path: Path) -> None:
    """Two pipelines in one process, with and without the user's actor file: each step reads its own
    pipeline's knowledge base, whatever the environment says."""
    mine = Pipeline(resources=Resources(actor_files=(str(_mayor_file(tmp_path)),)))
    plain = Pipeline(resources=Resources())
    with_file = {e.id: e for e in mine.process_text(TEXT).entities}
    without = {e.id for e in plain.process_text(TEXT).entities}
    assert with_file["person:local_mayor"].code == "JORGOV" and len(with_file["person:local_mayor"].mentions) == 2
    assert "person:local_mayor" not in without
    assert mine.steps[3].version != plain.steps[3].version  # the entities step's version names the file
    assert step_versions(mine.resources) == {s.name: s.version for s in mine.steps}
    assert mine.select(["language", "entities"]).resources == mine.resources


def test_current_follows_the_running_pipeline(tmp_path: Path) -> None:
    res = Resources(actor_files=(str(_mayor_file(tmp_path)),))
    assert get_kb().get("person:local_mayor") is None
    with using(res):
        assert current() is res
        assert get_kb().get("person:local_mayor") is not None
        assert gazetteer() is res.get(gazetteer_of)
    assert current() == Resources.from_env()


def test_worker_processes_get_the_pipelines_resources(tmp_path: Path) -> None:
    """`ingest` with a pool: the workers receive the settings and load the user's file themselves."""
    res = Resources(actor_files=(str(_mayor_file(tmp_path)),))
    raws = [RawDoc(f"{TEXT} العدد {i} من التقرير.", Source(url=f"u{i}"), {}) for i in range(6)]
    store = SQLiteStore(tmp_path / "s.db")
    report = ingest(iter(raws), store, workers=2, batch_size=3, pipeline=pipeline_for(res))
    assert report.new == 6
    coded = {e.id: e.code for d in _docs(store) for e in d.entities}
    assert coded.get("person:local_mayor") == "JORGOV"


def test_an_archive_only_ingest_is_completed_by_reprocess(tmp_path: Path) -> None:
    from rasd.ingest import reprocess

    store = SQLiteStore(tmp_path / "s.db")
    archive = Pipeline().select(["language", "structure", "sentences"])
    ingest(iter([RawDoc(TEXT, Source(url="u"), {})]), store, pipeline=archive)
    (doc,) = list(_docs(store))
    assert doc.entities == [] and [s.name for s in doc.steps] == ["language", "structure", "sentences"]
    assert reprocess(store).done == 1
    (doc,) = list(_docs(store))
    assert doc.entities and [s.name for s in doc.steps][-2:] == ["entities", "events"]


def test_batches_collect_garbage_rarely_and_never_walk_loaded_tables() -> None:
    import gc

    from rasd.resources import GC_GEN0, settle_gc

    before = gc.get_threshold()
    try:
        settle_gc()
        assert gc.get_threshold()[0] >= GC_GEN0
        frozen = gc.get_freeze_count()
        Resources(events_dir="/nowhere-frozen").get(lambda r: [[i] for i in range(1000)])
        assert gc.get_freeze_count() >= frozen + 1000  # the loaded table left the collected generations
    finally:
        gc.set_threshold(*before)


def test_settings_round_trip_through_the_environment(tmp_path: Path) -> None:
    res = Resources(actor_files=(str(tmp_path / "a.yaml"), str(tmp_path / "b")), ner_model=str(tmp_path / "m"))
    assert Resources.from_env(res.as_env()) == res
    assert Resources.from_env(Resources().as_env()) == Resources()
