"""Event exports (PLOVER JSON, flat rows), ``rasd code``, and the evaluation helpers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from rasd.cli import app
from rasd.eval.events import Scores, read_dev, read_gsr, score_gsr, split_rows, token_f1
from rasd.events.step import events, sentence_document
from rasd.export.events import FLAT_COLUMNS, event_dict, flat_row, plover_record

runner = CliRunner()
DEV = Path(__file__).parent / "data" / "events_dev.jsonl"


def _doc():  # noqa: ANN202
    doc = sentence_document("زار الرئيس المصري الرياض أمس", "d1", published="2022-01-24")
    return events(doc)


def test_plover_record_has_the_manual_fields() -> None:
    doc = _doc()
    rec = plover_record(doc.events[0], doc)
    for key in ("id", "date", "actor", "recipient", "event", "mode", "context", "event_text", "quad_code"):
        assert key in rec
    assert rec["event"] == ["CONSULT"] and rec["mode"] == ["visit"] and rec["quad_code"] == 1
    assert rec["date"] == "2022-01-23" and rec["event_text"] == ["زار"]
    assert rec["event_scale"] == 4.0 and "text" not in rec
    json.dumps(rec, ensure_ascii=False)


def test_flat_row_is_scalar_and_complete() -> None:
    doc = _doc()
    row = flat_row(doc.events[0], doc)
    assert tuple(row) == FLAT_COLUMNS
    assert all(v is None or isinstance(v, str | int | float | bool) for v in row.values())
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=FLAT_COLUMNS)
    w.writeheader()
    w.writerow(row)
    assert "CONSULT" in buf.getvalue()
    ev = doc.events[0]
    assert row["sentence"] == doc.text[ev.sentence.start : ev.sentence.end] and row["status"] == "asserted"


def test_event_dict_is_the_one_shape() -> None:
    doc = _doc()
    d = event_dict(doc.events[0], doc)
    for key in ("type", "mode", "context", "cameo", "quad_class", "score", "source", "target", "location",
                "date", "date_text", "negated", "modality", "speaker", "confidence", "sentence", "trigger"):  # fmt: skip
        assert key in d
    assert d["trigger"] == {"start": 0, "end": 3} and d["trigger_text"] == "زار"


def test_rasd_code_txt_and_csv(tmp_path: Path) -> None:
    txt = tmp_path / "s.txt"
    txt.write_text("اعتقلت الشرطة ثلاثة مشتبهين\n\nلم يهاجم الجيش القرية\n", encoding="utf-8")
    res = runner.invoke(app, ["code", str(txt)])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["s.txt:1", "s.txt:3"]
    assert lines[0]["events"][0]["type"] == "COERCE"
    assert all(e["negated"] for e in lines[1]["events"])
    table = tmp_path / "s.csv"
    table.write_text("id,text\n7,رفضت الحكومة المقترح\n", encoding="utf-8")
    res = runner.invoke(app, ["code", str(table)])
    assert res.exit_code == 0 and json.loads(res.stdout)["events"][0]["type"] == "REJECT"


def test_rasd_code_bad_input_is_one_line(tmp_path: Path) -> None:
    res = runner.invoke(app, ["code", str(tmp_path / "missing.txt")])
    assert res.exit_code == 2 and "Traceback" not in res.output
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    res = runner.invoke(app, ["code", str(bad)])
    assert res.exit_code == 2 and "id" in res.output


def test_scores_and_token_f1() -> None:
    sc = Scores(tp=8, fp=2, fn=2, difficult_fp=1, difficult_n=4)
    assert (sc.precision, sc.recall, sc.difficult_fp_rate) == (0.8, 0.8, 0.25)
    assert token_f1("المتظاهرون الغاضبون", "المتظاهرون") == 2 / 3
    assert token_f1("", "x") == 0.0


def test_gsr_scoring_counts_labels(shared_data: Path) -> None:
    rows = read_gsr(shared_data / "events" / "arabic-event-gsr" / "protest_gsr.csv")
    part = split_rows(rows, "holdout")[:60]
    sc = score_gsr(part)
    labelled = [r for r in part if r["label"] != "ambiguous"]
    assert sc.tp + sc.fp + sc.fn + sc.tn == len(labelled)
    assert sc.difficult_n == sum(r["label"] == "difficult no" for r in part)
    assert len(split_rows(rows, "tune")) + len(split_rows(rows, "holdout")) == len(rows)


def test_dev_set_restores_its_sentences(shared_data: Path) -> None:
    items = read_dev(DEV, shared_data / "news" / "saudinewsnet")
    raw = [json.loads(x) for x in DEV.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(items) == len(raw)  # every locator resolves and its hash matches
    assert all(i["text"] and i["source"]["url"] for i in items)


def test_undated_event_takes_the_publication_date() -> None:
    from rasd.events.step import events as events_step
    from rasd.pipeline import Pipeline

    doc = Pipeline().process_text("بحث وزير الخارجية السعودي مع نظيره الأردني العلاقات الثنائية.", meta={"published": "2015-07-21"})
    doc = events_step(doc)
    consult = [e for e in doc.events if e.type == "CONSULT"]
    assert consult and consult[0].date == "2015-07-21" and consult[0].date_text is None


def test_asserted_event_never_dated_after_its_report() -> None:
    from rasd.pipeline import Pipeline

    text = "بحث وزير الخارجية السعودي مع نظيره الأردني الانتخابات المقررة في 26 فبراير 2016."
    doc = Pipeline().process_text(text, meta={"published": "2015-07-21"})
    (consult,) = [e for e in doc.events if e.type == "CONSULT"]
    assert consult.modality is None
    assert (consult.date, consult.date_text) == ("2015-07-21", None)  # not the election's date


GSR_CSV = (
    "id,event_type,label,text\n"
    "a,ASSAULT,yes,قتل مسلحون خمسة جنود في هجوم على دورية للجيش شمال بغداد امس\n"
    "b,ASSAULT,easy no,رفضت الحكومة المقترح\n"
    "c,ASSAULT,difficult no,لم يهاجم الجيش القرية\n"
    "d,ASSAULT,ambiguous,وقع انفجار\n"
)


def test_rasd_eval_events_scores_a_gsr_file(tmp_path: Path) -> None:
    gold = tmp_path / "g.csv"
    gold.write_text(GSR_CSV, encoding="utf-8")
    errors = tmp_path / "err.jsonl"
    res = runner.invoke(app, ["eval", "events", str(gold), "--errors", str(errors)])
    assert res.exit_code == 0, res.output
    # the attack is coded; the rejection and the negated attack are not; ambiguous is left out
    assert "1.000" in res.output and "0.000 (0/1)" in res.output, res.output
    assert errors.read_text(encoding="utf-8") == ""
    spans = tmp_path / "s.json"
    spans.write_text(json.dumps([{"text": "قتل مسلحون خمسة جنود في هجوم", "source_gold": "مسلحون",
                                  "verb_gold": "قتل", "target_gold": "جنود"}], ensure_ascii=False), encoding="utf-8")  # fmt: skip
    res = runner.invoke(app, ["eval", "events", str(gold), "--spans", str(spans)])
    assert res.exit_code == 0, res.output
    assert "spans" in res.output and "1.0 │  1.0 │  0.667" in res.output, res.output


def test_rasd_eval_events_bad_input_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,text\n1,نص\n", encoding="utf-8")
    res = runner.invoke(app, ["eval", "events", str(bad)])
    assert res.exit_code == 2 and "label" in res.output and "Traceback" not in res.output
    res = runner.invoke(app, ["eval", "events", str(bad), "--type", "NOPE"])
    assert res.exit_code == 2 and "not a PLOVER type" in res.output
    odd = tmp_path / "odd.csv"
    odd.write_text("event_type,label,text\nASSAULT,maybe,نص\n", encoding="utf-8")
    res = runner.invoke(app, ["eval", "events", str(odd)])
    assert res.exit_code == 2 and "odd.csv:2" in res.output


def test_event_arguments_carry_their_spans() -> None:
    from rasd.coder import SentenceCoder

    text = "قتل مسلحون خمسة جنود في هجوم على دورية للجيش شمال بغداد"
    doc = SentenceCoder()(text)
    (ev,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert [text[a.start : a.end] for a in ev.source] == ["مسلحون"]
    assert [text[a.start : a.end] for a in ev.target] == ["خمسة جنود"]
    d = event_dict(ev, doc)
    assert d["source"][0]["start"] == text.index("مسلحون")


def test_two_triggers_of_one_act_in_a_sentence_are_one_event() -> None:
    from rasd.coder import SentenceCoder

    text = "وقدم مركز الملك سلمان للإغاثة مساعدات غذائية لسكان عدن أمس"
    doc = SentenceCoder()(text, published="2015-07-20")
    (aid,) = [e for e in doc.events if e.type == "AID"]  # قدم ... مساعدات and مساعدات: one act
    assert [a.code for a in aid.source] == ["SAUGOV"]  # the relief centre's name is not a trigger
    assert aid.mentions == 1 and aid.location is not None and aid.location["name"] == "عدن"
