"""``rasd process``: formats, help, and one stderr line per bad file without a traceback."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd.cli import app

GOOD = "إردوغان يؤكد مساندة العراق\n\nقال الرئيس إن الحكومة ستعمل على مواجهة الإرهاب. وأضاف أن التعاون مستمر.\n"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def mixed_dir(tmp_path: Path, seed_text: str) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (d / "b_seed_cp1256.txt").write_bytes(seed_text.encode("cp1256"))
    (d / "c_empty.txt").write_bytes(b"")
    (d / "d_blank.txt").write_bytes(b"  \n \t\n")
    (d / "e_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(500))
    (d / "f_random.txt").write_bytes(bytes((i * 97 + 13) % 256 for i in range(3000)))
    (d / "g_big.txt").write_text(GOOD * 20, encoding="utf-8")
    return d


def _stderr_lines(result) -> list[str]:  # noqa: ANN001
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_mixed_directory(runner: CliRunner, mixed_dir: Path) -> None:
    result = runner.invoke(app, ["process", str(mixed_dir), "-f", "jsonl", "--max-bytes", "3000"])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr + result.stdout
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(d["source"]["path"]).name for d in docs] == ["a_good.txt", "b_seed_cp1256.txt"]
    lines = _stderr_lines(result)
    assert len(lines) == 5
    reasons = {
        "c_empty.txt": "empty",
        "d_blank.txt": "empty",
        "e_image.txt": "PNG",
        "f_random.txt": "",
        "g_big.txt": "too large",
    }
    for line, (name, reason) in zip(lines, reasons.items(), strict=True):
        assert name in line and reason in line, line


def test_good_files_exit_zero(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "ok.txt"
    f.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["process", str(f), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["language"] == "ar"
    assert doc["text"] == GOOD
    assert result.stderr == ""


def test_missing_path(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["process", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    lines = _stderr_lines(result)
    assert len(lines) == 1 and "nope.txt" in lines[0] and "no such file" in lines[0]


def test_markup_in_file_name_is_printed_as_is(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "[bold]x.txt"
    f.write_bytes(b"")
    result = runner.invoke(app, ["process", str(f)])
    assert result.exit_code == 1
    assert "[bold]x.txt" in result.stderr


def test_pretty_format(runner: CliRunner, tmp_path: Path, seed_text: str) -> None:
    f = tmp_path / "seed.txt"
    f.write_text(seed_text, encoding="utf-8")
    result = runner.invoke(app, ["process", str(f), "-f", "pretty"])
    assert result.exit_code == 0
    assert "title" in result.stdout and "boilerplate" in result.stdout
    assert "1 processed, 0 failed" in result.stderr


def test_bad_format_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["process", str(tmp_path), "-f", "xml"])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["--help"], ["process", "--help"]])
def test_help(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "process" in result.stdout or "--format" in result.stdout


def test_subprocess_never_tracebacks(mixed_dir: Path) -> None:
    """The installed console script, as users run it."""
    import subprocess
    import sys

    exe = shutil.which("rasd", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("rasd console script is not installed next to this Python")
    proc = subprocess.run([exe, "process", str(mixed_dir), "-f", "jsonl", "--max-bytes", "3000"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert len([line for line in proc.stderr.splitlines() if line.strip()]) == 5
    assert len(proc.stdout.splitlines()) == 2


def test_every_reader_format(runner: CliRunner, tmp_path: Path) -> None:
    """``rasd process`` reads what ``rasd ingest`` reads: one document per JSONL record, HTML pages."""
    records = [{"title": "عنوان الخبر", "content": GOOD, "url": f"https://example.org/{i}", "date": "2015-08-06"}
               for i in range(3)]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    html = f"<html><head><title>خبر</title></head><body><article><h1>عنوان</h1><p>{GOOD}</p></article></body></html>"
    (tmp_path / "b.html").write_text(html, encoding="utf-8")
    result = runner.invoke(app, ["process", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["meta"]["reader"] for d in docs[:3]] == ["json"] * 3 and len(docs) == 4
    assert all(d["title"] == "عنوان الخبر" and "author" not in d["text"] for d in docs[:3])
    assert "الإرهاب" in docs[3]["text"] and "<p>" not in docs[3]["text"]
