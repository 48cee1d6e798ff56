"""``rasd events``: coded events out of a store, filtered by type, quad class, actor, country and place."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd.cli import app
from tests.api_fixtures import build_db

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("events") / "e.db"
    build_db(path)  # the seed (real coder) and a hand-coded document: ASSAULT TURMIL→PKKREB, CONSULT IRQGOV→TURGOV
    return str(path)


def _jsonl(args: list[str]) -> list[dict]:
    result = runner.invoke(app, ["events", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_filters_pick_the_events_themselves(db: str) -> None:
    everything = _jsonl(["--db", db])
    assert {e["type"] for e in everything} >= {"ASSAULT", "CONSULT", "SUPPORT"}
    pkk = _jsonl(["--db", db, "--actor", "pkkreb"])
    assert [(e["type"], e["doc_id"]) for e in pkk] == [("ASSAULT", pkk[0]["doc_id"])]
    assert {e["type"] for e in _jsonl(["--db", db, "--quad-class", "4"])} == {"ASSAULT"}
    assert _jsonl(["--db", db, "--place", "العراق"]) == pkk
    turgov = _jsonl(["--db", db, "--actor", "TURGOV", "--type", "consult"])
    assert turgov and all(e["type"] == "CONSULT" for e in turgov)
    assert all(any(a["code"] == "TURGOV" for a in e["source"] + e["target"]) for e in turgov)
    assert _jsonl(["--db", db, "--since", "2030-01-01"]) == []


def test_csv_and_plover_formats(db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", db, "--country", "TUR", "-f", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows and all("TUR" in (r["source_code"] + r["target_code"] + r["location_country"]) for r in rows)
    out = tmp_path / "e.jsonl"
    assert runner.invoke(app, ["events", "--db", db, "--actor", "PKKREB", "-f", "plover", "-o", str(out)]).exit_code == 0
    (rec,) = json.loads(out.read_text("utf-8"))  # a JSON array of PLOVER records
    assert rec["event"] == ["ASSAULT"] and rec["quad_code"] == 4


def test_bad_input_is_one_line(db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no such database" in result.output
    assert runner.invoke(app, ["events", "--db", db, "--quad-class", "9"]).exit_code == 2
