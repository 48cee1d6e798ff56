"""The ingest driver and its CLI: summary counts, idempotent re-ingest, duplicates kept as links, bad
input reported, and recovery from ``kill -9`` in the middle of a real ``rasd ingest`` process."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd.cli import app
from rasd.ingest import ingest
from rasd.pipeline import Pipeline
from rasd.readers import read_paths
from rasd.store import Filters
from rasd.store.sqlite import SQLiteStore

VOCAB = (
    "الحكومة الوزير الرياض جدة اليمن الاقتصاد النفط الأسعار السوق المملكة الملك الأمير الشركة المشروع "
    "التعليم الجامعة الطلاب المستشفى الصحة المرضى المدينة الطرق الأمطار الرياضة النادي المباراة الفريق "
    "المدرب اللاعب الهلال النصر الأهلي الاتحاد مجلس الشورى القرار الميزانية المواطنين الخدمات الطاقة"
).split()


def make_corpus(root: Path, n: int, seed: int = 0) -> dict[str, int]:
    """``n`` small articles; every 10th is copied to a second file, every 7th is an edited copy of the previous."""
    rnd = random.Random(seed)
    counts = {"files": 0, "exact": 0, "near": 0}
    prev = ""
    for i in range(n):
        if i % 7 == 6 and prev:
            text = prev.replace(prev.split()[3], "وأضاف", 1) + " في بيان رسمي"
            counts["near"] += 1
        else:
            text = " ".join(rnd.choice(VOCAB) for _ in range(40)) + f" رقم {i}"
        (root / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        counts["files"] += 1
        if i % 10 == 9:
            (root / f"{i:05d}_copy.txt").write_text(text, encoding="utf-8")
            counts["files"] += 1
            counts["exact"] += 1
        prev = text
    return counts


def test_ingest_counts_and_idempotence(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    counts = make_corpus(corpus, 60)
    (corpus / "empty.txt").write_text("   ", encoding="utf-8")
    store = SQLiteStore(tmp_path / "a.db")
    r = ingest(read_paths([corpus]), store, batch_size=16)
    assert r.read == counts["files"]
    assert r.failed == 1 and "empty" in r.errors[0]
    assert r.exact == counts["exact"]
    assert r.near == counts["near"]
    assert r.new == counts["files"] - counts["exact"]
    again = ingest(read_paths([corpus]), store, batch_size=16)
    assert (again.new, again.exact, again.near, again.already) == (0, 0, 0, counts["files"])
    stats = store.stats()
    assert stats["documents"] == r.new and stats["near_duplicates"] == counts["near"]
    assert stats["exact_duplicates"] == counts["exact"]


class _CountingPipeline(Pipeline):
    """Counts the documents given to the NLP steps."""

    calls = 0

    def process_text(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        self.calls += 1
        return super().process_text(*args, **kwargs)


def test_known_texts_skip_the_nlp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Exact duplicates are found by the text's id before any NLP: a re-ingest runs no step, and a
    copy from another source in the same batch is processed once and stored as an exact link."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    counts = make_corpus(corpus, 30)
    store = SQLiteStore(tmp_path / "a.db")
    counting = _CountingPipeline()
    first = ingest(read_paths([corpus]), store, batch_size=64, pipeline=counting)
    assert counting.calls == counts["files"] - counts["exact"]  # each copy in the same batch as its original
    assert first.exact == counts["exact"] and first.new == counting.calls
    counting.calls = 0
    again = ingest(read_paths([corpus]), store, batch_size=8, pipeline=counting)
    assert counting.calls == 0
    assert (again.read, again.already, again.new, again.exact) == (counts["files"], counts["files"], 0, 0)
    (corpus / "elsewhere.txt").write_text((corpus / "00003.txt").read_text(encoding="utf-8"), encoding="utf-8")
    third = ingest(read_paths([corpus]), store, pipeline=counting)
    assert counting.calls == 0 and third.exact == 1 and third.already == counts["files"]
    assert store.stats()["exact_duplicates"] == counts["exact"] + 1


def test_workers_give_the_same_database(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    make_corpus(corpus, 40, seed=3)
    one, two = SQLiteStore(tmp_path / "1.db"), SQLiteStore(tmp_path / "2.db")
    ingest(read_paths([corpus]), one, batch_size=8, workers=1)
    ingest(read_paths([corpus]), two, batch_size=8, workers=2)
    assert snapshot(one.db) == snapshot(two.db)


def snapshot(db: sqlite3.Connection) -> dict[str, list[tuple]]:
    return {
        "documents": db.execute("SELECT id, source_path, near_of, story FROM documents ORDER BY id").fetchall(),
        "links": db.execute("SELECT kind, doc_id, original_id, round(similarity, 6), source FROM dup_links ORDER BY 1, 2, 5").fetchall(),
        "fts": db.execute("SELECT count(*) FROM doc_fts").fetchall(),
        "signatures": db.execute("SELECT count(*) FROM signatures").fetchall(),
    }


def _rasd(*args: str) -> list[str]:
    return [sys.executable, "-c", "from rasd.cli import app; app()", *args]


def test_kill_9_mid_ingest_leaves_consistent_db_and_rerun_completes(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    make_corpus(corpus, 1200, seed=9)
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    cmd = ["ingest", str(corpus), "--batch-size", "30", "--workers", "1", "-q"]
    proc = subprocess.Popen(_rasd(*cmd, "--db", str(killed_db)), start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    committed = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if killed_db.exists():
            try:
                with closing(sqlite3.connect(killed_db, timeout=1)) as db:
                    committed = db.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:  # schema not created yet
                continue
            if committed >= 150:
                break
    assert proc.poll() is None, "ingest finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    db = sqlite3.connect(killed_db)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial = snapshot(db)
    n = len(partial["documents"])
    assert 150 <= n < 1200
    # every stored document has its search row and signature: no half-written batch
    assert partial["fts"] == [(n,)] and partial["signatures"] == [(n,)]
    db.close()

    rerun = subprocess.run(_rasd(*cmd, "--db", str(killed_db)), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    clean = subprocess.run(_rasd(*cmd, "--db", str(clean_db)), capture_output=True, text=True, timeout=300)
    assert clean.returncode == 0, clean.stderr
    a, b = sqlite3.connect(killed_db), sqlite3.connect(clean_db)
    assert a.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert snapshot(a) == snapshot(b)
    assert len(snapshot(b)["documents"]) == 1200


runner = CliRunner()


def test_cli_ingest_search_stats(tmp_path: Path) -> None:
    seed = Path(__file__).resolve().parents[1] / "examples"
    db = str(tmp_path / "c.db")
    res = runner.invoke(app, ["ingest", str(seed), "--db", db, "--workers", "1"])
    assert res.exit_code == 0, res.output
    assert "new" in res.output and "near duplicates" in res.output
    res = runner.invoke(app, ["search", "اردوغان", "--db", db])
    assert res.exit_code == 0 and "إردوغان" in res.output
    res = runner.invoke(app, ["search", "اردوغان", "--db", db, "--format", "jsonl"])
    assert res.output.count("\n") == 1 and '"highlights"' in res.output
    res = runner.invoke(app, ["stats", "--db", db, "--format", "json"])
    assert '"documents": 1' in res.output


def test_cli_archive_ingest_then_reprocess(tmp_path: Path) -> None:
    """`rasd ingest --steps language,structure,sentences` stores a searchable archive with no entities;
    `rasd reprocess` finds it stale and adds them; an unknown step is one line, exit 2."""
    seed = Path(__file__).resolve().parents[1] / "examples"
    db = str(tmp_path / "a.db")
    res = runner.invoke(app, ["ingest", str(seed), "--db", db, "--workers", "1", "--steps", "language,structure,sentences"])
    assert res.exit_code == 0, res.output
    store = SQLiteStore(db)
    (doc_id,) = [r[0] for r in store.db.execute("SELECT id FROM documents")]
    assert store.get(doc_id).entities == [] and runner.invoke(app, ["search", "اردوغان", "--db", db]).exit_code == 0
    store.close()
    res = runner.invoke(app, ["reprocess", "--db", db, "--dry-run"])
    assert res.exit_code == 0 and "1" in res.output
    assert runner.invoke(app, ["reprocess", "--db", db]).exit_code == 0
    assert SQLiteStore(db).get(doc_id).entities
    bad = runner.invoke(app, ["ingest", str(seed), "--db", db, "--steps", "language,nlp"])
    assert bad.exit_code == 2 and "unknown step" in bad.output


@pytest.mark.parametrize(
    "args",
    [
        ["search", "x", "--db", "/nonexistent/none.db"],
        ["stats", "--db", "/nonexistent/none.db"],
        ["ingest", "examples", "--db", "/nonexistent/dir/x.db"],
    ],
)
def test_cli_bad_input_is_one_line(args: list[str]) -> None:
    res = runner.invoke(app, args)
    assert res.exit_code == 2
    assert "Traceback" not in res.output and res.exception is None or isinstance(res.exception, SystemExit)


def test_cli_bad_date(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    SQLiteStore(db).close()
    res = runner.invoke(app, ["search", "x", "--db", str(db), "--since", "July"])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output


def test_search_hides_near_duplicates_unless_asked(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    base = " ".join(VOCAB[:30])
    (corpus / "a.txt").write_text(base, encoding="utf-8")
    (corpus / "b.txt").write_text(base + " وأضاف المتحدث", encoding="utf-8")
    store = SQLiteStore(tmp_path / "n.db")
    r = ingest(read_paths([corpus]), store)
    assert (r.new, r.near) == (2, 1)
    assert len(store.search("الحكومة")) == 1
    assert len(store.search("الحكومة", Filters(duplicates=True))) == 2


def test_step_versions_follow_the_data_and_reprocess_rewrites_stale_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step's version carries a fingerprint of the data it reads (an actor file of the user's changes
    it); documents processed with other versions are stale, and reprocess stores a fresh analysis
    over them (same ids and texts, new steps, the old entity and event rows replaced)."""
    from rasd.ingest import reprocess
    from rasd.pipeline import Pipeline, PipelineStep, step_versions

    base = step_versions()
    mine = tmp_path / "mine.yaml"
    mine.write_text("persons:\n  - id: x1\n    names: [فلان الفلاني]\n    country: IRQ\n", encoding="utf-8")
    monkeypatch.setenv("RASD_ACTORS", str(mine))
    assert step_versions()["entities"] != base["entities"] and step_versions()["language"] == base["language"]
    monkeypatch.delenv("RASD_ACTORS")

    corpus = tmp_path / "in"
    corpus.mkdir()
    make_corpus(corpus, 12)
    store = SQLiteStore(tmp_path / "a.db")
    ingest(read_paths([corpus]), store)
    current = {s.name: s.version for s in Pipeline().steps}
    assert store.stale(current) == []
    newer = Pipeline([PipelineStep(s.name, s.version + (".next" if s.name == "events" else ""), s.fn) for s in Pipeline().steps])
    stale = store.stale({s.name: s.version for s in newer.steps})
    assert len(stale) == store.stats()["documents"]
    events_before = store.stats()["events"]
    report = reprocess(store, newer)
    assert (report.stale, report.done, report.failed) == (len(stale), len(stale), 0)
    assert store.stale({s.name: s.version for s in newer.steps}) == []
    assert store.stats()["events"] == events_before and store.stats()["documents"] == len(stale)
    doc = store.get(stale[0])
    assert doc is not None and [s.version for s in doc.steps if s.name == "events"][-1].endswith(".next")


def test_reprocess_cli_dry_run_and_run(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    make_corpus(corpus, 5)
    db = tmp_path / "a.db"
    ingest(read_paths([corpus]), SQLiteStore(db))
    dry = CliRunner().invoke(app, ["reprocess", "--db", str(db), "--dry-run"])
    assert dry.exit_code == 0 and "0 stale" in dry.output
    run = CliRunner().invoke(app, ["reprocess", "--db", str(db)])
    assert run.exit_code == 0 and "0 stale · 0 reprocessed · 0 failed" in run.output
    assert CliRunner().invoke(app, ["reprocess", "--db", str(tmp_path / "none.db")]).exit_code == 2
