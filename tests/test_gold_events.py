"""The event gold standard v2 tools on small hand-made fixtures: schema and line-numbered errors, the
text check, the matcher, the metrics, agreement, and `rasd eval events --gold`."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd.cli import app
from rasd.eval.gold import GoldFormatError, agreement, cohen_kappa, load_gold, match, score

TEXT = "قصفت القوات الإسرائيلية مواقع في غزة أمس. ودعا الأمين العام إلى وقف إطلاق النار. وفاز الهلال على النصر."


def ev(typ: str, trig: tuple[int, int], sent: tuple[int, int], src: str | None = None, tgt: str | None = None, **flags) -> dict:
    base = {"type": typ, "trigger": list(trig), "sentence": list(sent), "mode": None, "cameo": None,
            "source": [{"span": None, "code": src}] if src else [], "target": [{"span": None, "code": tgt}] if tgt else [],
            "location": None, "date": None, "asserted": True, "negated": False, "hypothetical": None, "background": False}
    base.update(flags)
    return base


S1 = (0, TEXT.index(".") + 1)
S2 = (S1[1] + 1, TEXT.index(".", S1[1]) + 1)
T_ASSAULT = (0, 4)  # قصفت
T_REQUEST = (TEXT.index("ودعا"), TEXT.index("ودعا") + 4)


@pytest.fixture()
def gold_dir(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    (data / "seed").mkdir(parents=True)
    (data / "seed" / "a.txt").write_text(TEXT, encoding="utf-8")
    corpus = data / "news" / "youm7-2025"
    corpus.mkdir(parents=True)
    with gzip.open(corpus / "articles.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "y-1", "text": TEXT}, ensure_ascii=False) + "\n")
    sha = hashlib.sha1(TEXT.encode()).hexdigest()
    events = [ev("ASSAULT", T_ASSAULT, S1, "ISRMIL", "PSE"), ev("REQUEST", T_REQUEST, S2, "IGOUNO", None)]
    rows = [
        {"id": "seed:a.txt", "corpus": "seed", "corpus_id": "a.txt", "sha1": sha, "source": "x", "country": "GBR",
         "date": "2022-01-25", "split": "dev", "sample": "seed", "events": events, "annotations": {"a": events, "b": events[:1]}},
        {"id": "youm7-2025:y-1", "corpus": "youm7-2025", "corpus_id": "y-1", "sha1": sha, "source": "Youm7",
         "country": "EGY", "date": "2025-12-07", "split": "test", "sample": "random", "events": events[:1], "annotations": {}},
    ]
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "articles.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return folder, data


def test_load_by_split_with_text(gold_dir: tuple[Path, Path]) -> None:
    folder, data = gold_dir
    dev = load_gold(folder, "dev", data)
    assert [a.id for a in dev] == ["seed:a.txt"] and dev[0].text == TEXT and len(dev[0].events) == 2
    assert [a.id for a in load_gold(folder, "test", data)] == ["youm7-2025:y-1"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r.update(split="train"), "split"),
        (lambda r: r["events"][0].update(type="ATTACK"), "events/0/type"),
        (lambda r: r["events"][0].update(trigger=[0, 500]), "not inside sentence"),
        (lambda r: r.update(sha1="0" * 40), "SHA-1 differs"),
        (lambda r: r.pop("annotations"), "annotations"),
    ],
)
def test_bad_lines_name_file_and_line(gold_dir: tuple[Path, Path], change, message: str) -> None:  # noqa: ANN001
    folder, data = gold_dir
    lines = (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    row = json.loads(lines[1])
    change(row)
    lines[1] = json.dumps(row, ensure_ascii=False)
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=message) as info:
        load_gold(folder, None, data)
    assert "articles.jsonl:2:" in str(info.value)


def test_not_json_and_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="no such file"):
        load_gold(tmp_path)
    (tmp_path / "articles.jsonl").write_text("{oops\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="articles.jsonl:1: not JSON"):
        load_gold(tmp_path)


def test_matcher_is_one_to_one_by_sentence_and_type() -> None:
    gold = [ev("ASSAULT", (0, 4), (0, 40)), ev("ASSAULT", (20, 25), (0, 40)), ev("REQUEST", (50, 54), (45, 90))]
    pred = [ev("ASSAULT", (21, 24), (0, 40)), ev("ASSAULT", (60, 62), (45, 90)), ev("REQUEST", (10, 12), (0, 40))]
    assert match(gold, pred) == [(1, 0)]  # nearest trigger; wrong sentence; wrong type


def test_metrics_on_a_known_case() -> None:
    gold = [ev("ASSAULT", (0, 4), (0, 40), "ISRMIL", "PSE"), ev("REQUEST", (50, 54), (45, 90), "IGOUNO")]
    pred = [
        {**ev("ASSAULT", (0, 4), (0, 40), "ISRMIL", "PSE"), "confidence": 0.95},
        {**ev("REQUEST", (50, 54), (45, 90), "USAGOV", negated=True, asserted=False), "confidence": 0.75},
        {**ev("PROTEST", (95, 99), (92, 120)), "confidence": 0.55},
    ]
    r = score([(gold, pred)])
    assert r["micro"] == {"precision": 0.6667, "recall": 1.0, "f1": 0.8, "tp": 2, "fp": 1, "fn": 0}
    assert r["per_type"]["PROTEST"]["fp"] == 1 and r["per_type"]["ASSAULT"]["f1"] == 1.0
    assert r["macro"]["precision"] == 1.0  # types with gold events: ASSAULT and REQUEST
    assert r["on_matched"]["source"] == 0.5 and r["on_matched"]["target"] == 1.0
    assert r["on_matched"]["flag_negated"] == 0.5 and r["on_matched"]["flags_all"] == 0.5
    bins = {b["bin"]: b for b in r["calibration"]}
    assert bins["0.9-1.0"] == {"bin": "0.9-1.0", "count": 1, "precision": 1.0}
    assert bins["0.5-0.6"]["precision"] == 0.0
    at = {a["threshold"]: a for a in r["at_threshold"]}
    assert at[0.7]["kept"] == 2 and at[0.7]["precision"] == 1.0 and at[0.9]["recall"] == 0.5


def test_agreement_and_kappa() -> None:
    a = [ev("ASSAULT", (0, 4), (0, 40), "ISRMIL"), ev("ACCUSE", (50, 54), (45, 90))]
    b = [ev("ASSAULT", (0, 4), (0, 40), "ISRMIL"), ev("REJECT", (50, 54), (45, 90))]
    g = agreement([(a, b)])
    assert g["event_f1"] == 0.5 and g["same_trigger_pairs"] == 2 and g["source"] == 1.0
    assert cohen_kappa([("X", "X"), ("Y", "Y"), ("X", "Y"), ("Y", "Y")]) == 0.5


def test_cli_eval_gold(gold_dir: tuple[Path, Path], tmp_path: Path) -> None:
    folder, data = gold_dir
    png = tmp_path / "rel.png"
    result = CliRunner().invoke(app, ["eval", "events", "--gold", str(folder), "--split", "dev", "--format", "json",
                                      "--data", str(data), "--plot", str(png)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["articles"] == 1 and report["gold_events"] == 2
    assert set(report["per_type"]) >= {"ASSAULT", "REQUEST"} and len(report["calibration"]) == 10
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    md = CliRunner().invoke(app, ["eval", "events", "--gold", str(folder), "--split", "test", "--format", "md",
                                  "--data", str(data)])
    assert md.exit_code == 0 and "| **micro** |" in md.stdout
    bad = CliRunner().invoke(app, ["eval", "events", "--gold", str(tmp_path / "nope")])
    assert bad.exit_code == 2 and "no such file" in bad.output


SAMPLE = Path(__file__).resolve().parents[1] / "gold" / "events" / "sample.jsonl"
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.mark.skipif(not (DATA / "news").is_dir(), reason="needs ../shared/data/news")
def test_drawn_sample_is_readable_and_stratified() -> None:
    from collections import Counter

    from rasd.eval.gold import article_text

    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 400 and len({r["source"] for r in rows}) >= 6
    assert len({r["region"] for r in rows if r["sample"] == "random"}) >= 3
    assert sum(r["sample"] == "enriched" for r in rows) <= 0.4 * len(rows)
    assert any(r["corpus"] == "seed" for r in rows) and len({r["id"] for r in rows}) == len(rows)
    splits = Counter(r["split"] for r in rows)
    assert 0.3 < splits["test"] / len(rows) < 0.5
    for r in rows[::25]:
        text = article_text(r["corpus"], r["corpus_id"], DATA)
        assert hashlib.sha1(text.encode()).hexdigest() == r["sha1"]


@pytest.mark.skipif(not (DATA / "seed").is_dir(), reason="needs ../shared/data/seed")
def test_packets_and_merge_round_trip(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = Path(__file__).resolve().parents[1] / "scripts" / "gold_annotate.py"
    seed_row = next(line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if '"corpus": "seed"' in line)
    sample = tmp_path / "sample.jsonl"
    sample.write_text(seed_row + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(script), "packets", "--annotator", "a", "--sample", str(sample),
                          "--out", str(tmp_path / "pk"), "--data", str(DATA)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    packet = next((tmp_path / "pk").glob("*.txt")).read_text(encoding="utf-8")
    assert "[S5] إيلاف من لندن: بحث رئيس الوزراء العراقي" in packet and "CONSULT" not in packet
    aid = json.loads(seed_row)["id"]
    consult = {"sentence": 5, "type": "CONSULT", "cameo": "040", "trigger": "بحث",
               "source": [{"text": "رئيس الوزراء العراقي مصطفى الكاظمي", "code": "IRQGOV"}],
               "target": [{"text": "السفير الأميركي ماثيو تولر", "code": "USAGOV"}], "location": "بغداد",
               "date": "اليوم الاثنين", "asserted": True, "negated": False, "hypothetical": None, "background": False}
    support = {"sentence": 5, "type": "SUPPORT", "trigger": "مساندة", "source": [{"text": "إردوغان", "code": "TURGOV"}],
               "target": [{"text": "العراق", "code": "IRQ"}], "asserted": True, "negated": False, "hypothetical": None,
               "background": False}
    for who, events in (("a", [consult, support]), ("b", [consult]), ("c", [consult, support])):
        (tmp_path / who).mkdir()
        (tmp_path / who / "x.json").write_text(json.dumps({"id": aid, "events": events}, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "gold"
    run = subprocess.run([sys.executable, str(script), "merge", "--a", str(tmp_path / "a"), "--b", str(tmp_path / "b"),
                          "--adjudicated", str(tmp_path / "c"), "--sample", str(sample), "--out", str(out),
                          "--data", str(DATA)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    (article,) = load_gold(out, None, DATA)
    assert [(e["type"], article.text[e["trigger"][0]:e["trigger"][1]]) for e in article.events] == [
        ("CONSULT", "بحث"), ("SUPPORT", "مساندة")]
    assert article.text[slice(*article.events[0]["location"]["span"])] == "بغداد"
    assert json.loads((out / "agreement.json").read_text())["event_f1"] == 0.6667
