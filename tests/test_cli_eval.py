"""`rasd eval ner`: scores a CoNLL file with the shipped model and writes predictions."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from rasd.cli import app

GOLD = "مصطفى B-PERS\nالكاظمي I-PERS\nفي O\nبغداد B-LOC\n. O\n\nزار O\nأردوغان B-PERS\nتركيا B-LOC\n"


def test_eval_ner_prints_scores_and_writes_predictions(tmp_path: Path) -> None:
    gold = tmp_path / "gold.conll"
    gold.write_text(GOLD, encoding="utf-8")
    preds = tmp_path / "pred.conll"
    result = CliRunner().invoke(app, ["eval", "ner", str(gold), "--predictions", str(preds)])
    assert result.exit_code == 0, result.output
    assert "micro" in result.output and "LOC" in result.output
    rows = [line.split() for line in preds.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [r[0] for r in rows] == [line.split()[0] for line in GOLD.splitlines() if line.strip()]
    assert all(len(r) == 3 for r in rows)


def test_eval_ner_missing_file_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "ner", str(tmp_path / "missing.conll")])
    assert result.exit_code == 2
    assert "no such file" in result.output and "Traceback" not in result.output
