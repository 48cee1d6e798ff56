"""Draw candidate sentences for the event dev set (``tests/data/events_dev.jsonl``), unlabelled.

The dev set is labelled by hand; this only finds sentences worth reading for the rare types. Every
SaudiNewsNet article's ``content`` is split with rasd's sentence splitter; a sentence (50–230
characters) is a candidate of a family when its shadow-normalized form matches one of the family's
patterns (the first that matches names it; some patterns also need a political or military word).
Sentences already in the dev file (same zip, url and start) and near-repeats of a sentence in the
file or drawn earlier (wire copies: word-set Jaccard >= 0.7) are skipped. Candidates come out in a
fixed hash order (SHA-1 of ``zip|url|start``), so a round is reproducible against a given dev file
(``--dev``): ``--per-pattern k`` keeps the first k of each pattern (so rare, precise patterns are not
crowded out by frequent ones), ``--n`` the first n per family, ``--skip`` passes over ones read earlier.

    .venv/bin/python scripts/draw_event_candidates.py --family CONCEDE --n 150 > /tmp/concede.jsonl
    .venv/bin/python scripts/draw_event_candidates.py --counts
    .venv/bin/python scripts/draw_event_candidates.py --stats    # totals of the labelled file

Output: one JSON object a line, ``{"query", "pattern", "source": {zip, url, start, end, sha1},
"text"}``; the text is for reading only and is never written to the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasd.text.normalize import normalize  # noqa: E402
from rasd.text.sentences import split_sentences  # noqa: E402

SNN = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet"
DEV = ROOT / "tests" / "data" / "events_dev.jsonl"
MIN_LEN, MAX_LEN = 50, 230
NEAR_DUP = 0.7  # word-set Jaccard at or above which two sentences count as one

# Patterns over normalize(text, taa=True): hamza-less alef, ى→ي, ة→ه. ``P`` = optional proclitics.
P = r"(?:^|(?<=[\s«\"(،,.:؛]))(?:و|ف)?(?:ب|ل|ك)?"

# Words that make a sentence political or military (required by families marked ``need_pol``).
POLITICAL = re.compile(
    r"(?<!\w)(?:و|ف)?(?:ب|ل|ك)?(?:ال)?(?:"
    r"رئيس(?!ي)|ملك|مملك|امير|وزير|وزار|حكوم|سلطات|نظام|برلمان|مجلس|مرسوم|قرار|سجين|سجناء|معتقل|"
    r"محكوم|ايران|طهران|واشنطن|موسكو|انقره|تركيا|مصر|سوري|عراق|يمن|حوثي|ليبي|لبنان|اسرائيل|"
    r"فلسطين|امم المتحده|داعش|معارض|حزب|قوات|جيش|عسكري|امني|شرطه|مليشي|ميليشي|مسلح|تحالف|مقاومه|"
    r"احتلال|شعب|متظاهر|عقوبات)"
)
# Force nouns that turn نشر/أرسل/دفع into a military move.
_FORCE = r"(?:\S+ ){0,3}(?:قوات|قوه|جنود|جندي|عسكري|تعزيزات|دبابات|مدرعات|اليات|اسلحه|صواريخ|منظومه|بطاريات|طائرات|مقاتلات|سفن|بوارج|قطع بحريه|حامله|وحدات|كتائب|الويه|لواء|عناصر|مقاتلين|المقاتلين|رجال الامن|رجال الشرطه)"

FAMILIES: dict[str, list[tuple[str, str, bool]]] = {
    # (name, regex, need_pol)
    "CONCEDE": [
        ("pardon", P + r"(?:ال)?عفو\b|\bعفا عن|\bيعفو عن|\bاصدر عفوا", True),
        (
            "ease",
            P
            + r"(?:خفف|خففت|يخفف|تخفف|تخفيف|خففت)\s+(?:\S+ ){0,2}(?:العقوب|عقوب|الحكم|حكم|الاحكام|احكام|الحظر|حظر|القيود|قيود|الحصار|حصار|الاجراءات|التحذير|تحذير|اللهجه)",
            False,
        ),
        (
            "lift",
            P
            + r"(?:رفع|رفعت|يرفع|ترفع|برفع|ورفع|الغاء|الغي|الغت|الغاء|انهاء|انهت|انهي)\s+(?:\S+ ){0,1}(?:الحظر|حظر|الحصار|حصار|العقوبات|عقوبات|القيود|قيود|التجميد|تجميد|الاقامه الجبريه|منع السفر|حاله الطوارئ)",
            False,
        ),
        (
            "reverse",
            P
            + r"(?:تراجع|تراجعت|يتراجع|تتراجع|التراجع|تراجعه|تراجعها)\s+عن\s+(?!\S*(?:مستو|سعر|اسعار|نسب|مكاسب|ارتفاع))",
            True,
        ),
        (
            "yield",
            P
            + r"(?:تنازل|تنازلت|تنازلات|التنازل|يتنازل|رضخ|رضخت|يرضخ|الرضوخ|خضع|خضعت|استسلم|استسلمت|استسلام|الاستسلام)\b",
            True,
        ),
        ("surrender", r"سلم(?:وا)? (?:نفسه|انفسهم|نفسها)", True),
        (
            "accede",
            P
            + r"(?:استجاب|استجابت|يستجيب|تستجيب|استجابه|الاستجابه)\s+(?:\S+ ){0,2}(?:ل)?(?:مطالب|طلب|لطلب|لمطالب|دعوات|لدعوات|ضغوط|للضغوط|مبادر)",
            True,
        ),
        ("step-down", P + r"(?:تنحي|تنحى|يتنحي|التنحي|تنحيه)\b", True),
        ("release", P + r"(?:افرج|افرجت|الافراج|يفرج|تفرج|اطلق سراح|اطلقت سراح|اطلاق سراح)\b", True),
        ("resign", P + r"(?:استقال|استقالت|استقالته|استقالتها|استقاله|قبل استقاله|قبول استقاله)\b", True),
        (
            "withdraw-bill",
            P + r"(?:سحب|سحبت|يسحب)\s+(?:\S+ ){0,1}(?:مشروع|قانون|القانون|المشروع|الترشح|ترشيحه|شكوي|الدعوي)",
            True,
        ),
        (
            "cancel-decision",
            P + r"(?:الغاء|الغي|الغت|يلغي|تلغي)\s+(?:\S+ ){0,1}(?:قرار|القرار|احكام|حكم|الحكم|قانون)",
            True,
        ),
    ],
    "MOBILIZE": [
        ("mass", P + r"(?:حشد|حشدت|يحشد|تحشد|حشود|الحشود|احتشد|احتشدت|حشودا)\b(?! الشعبي)", True),
        ("alert", P + r"(?:استنفار|استنفر|استنفرت|الاستنفار|التاهب|تاهب|الجاهزيه القصوي|حاله تاهب)\b", True),
        (
            "deploy",
            P + r"(?:نشر|نشرت|ينشر|تنشر|انتشار|انتشرت|انتشر|اعاده انتشار|تمركز|تمركزت)\s+" + _FORCE,
            False,
        ),
        (
            "send",
            P
            + r"(?:ارسل|ارسلت|يرسل|ترسل|ارسال|دفع|دفعت|يدفع|تدفع|الدفع|استقدم|استقدمت|استقدام|نقل|نقلت)\s+(?:ب)?"
            + _FORCE,
            False,
        ),
        ("reinforce", P + r"(?:ال)?تعزيزات\b", True),
        (
            "reserve",
            r"(?:جنود|قوات|جيش|عناصر|ضباط|استدعاء|قوه) (?:ال)?احتياط|\b(?:ال)?تعبئه (?:العامه|العسكريه)|\bالنفير|\b(?:ال)?تجنيد|\bجند(?:ت)?\b",
            True,
        ),
        (
            "drill",
            P
            + r"(?:ال)?(?:مناورات|مناوره|تدريبات عسكريه|تمرين عسكري|التمرين العسكري|عرض عسكري|العرض العسكري)\b",
            True,
        ),
        ("fleet", r"حامله طائرات|حامله الطائرات|بارجه|بوارج|سفن حربيه", False),
    ],
}


def _articles(news: Path) -> Iterator[tuple[str, str, str]]:
    """(zip name, url, content) of every article, zips and members in sorted order."""
    for zpath in sorted(news.glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in sorted(zf.namelist()):
                for art in json.loads(zf.read(name)):
                    if art.get("url") and art.get("content"):
                        yield zpath.name, art["url"], art["content"]


def _key(zipname: str, url: str, start: int) -> str:
    return hashlib.sha1(f"{zipname}|{url}|{start}".encode()).hexdigest()


def candidates(family: str, news: Path = SNN, dev: Path = DEV) -> list[dict]:
    """All candidates of ``family`` not yet in the dev file, in hash order, near-repeats dropped."""
    taken = set()
    if dev.is_file():
        for line in dev.read_text(encoding="utf-8").splitlines():
            if line.strip():
                src = json.loads(line)["source"]
                taken.add((src["zip"], src["url"], src["start"]))
    pats = [(n, re.compile(rx), pol) for n, rx, pol in FAMILIES[family]]
    found = []
    seen: list[set[str]] = []  # word sets of the dev file's sentences and of the candidates kept
    for zipname, url, content in _articles(news):
        for a, b in split_sentences(content):
            text = content[a:b]
            if (zipname, url, a) in taken:
                seen.append(_words(normalize(text, taa=True)))
                continue
            if not MIN_LEN <= len(text) <= MAX_LEN:
                continue
            norm = normalize(text, taa=True)
            for name, rx, pol in pats:
                if rx.search(norm) and (not pol or POLITICAL.search(norm)):
                    sha = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
                    src = {"zip": zipname, "url": url, "start": a, "end": b, "sha1": sha}
                    found.append(
                        {"query": family, "pattern": name, "source": src, "text": text, "_norm": norm}
                    )
                    break
    found.sort(key=lambda c: _key(c["source"]["zip"], c["source"]["url"], c["source"]["start"]))
    out = []
    for c in found:
        ws = _words(c.pop("_norm"))
        if any(len(ws & s) >= NEAR_DUP * len(ws | s) for s in seen):
            continue  # the same (wire) sentence in another outlet or day, give or take a few words
        seen.append(ws)
        out.append(c)
    return out


def _words(norm: str) -> set[str]:
    return set(re.findall(r"\w+", norm))


def dev_stats(dev: Path = DEV) -> dict:
    """Sentences, sentences without any event, and sentences per type with an asserted event.

    Asserted = neither negated nor with a modality, the rule ``rasd.eval.events.score_dev`` scores by.
    """
    items = [json.loads(x) for x in dev.read_text(encoding="utf-8").splitlines() if x.strip()]
    per: dict[str, int] = {}
    for item in items:
        for t in {e["type"] for e in item["events"] if not e.get("negated") and not e.get("modality")}:
            per[t] = per.get(t, 0) + 1
    return {
        "sentences": len(items),
        "no_event": sum(not item["events"] for item in items),
        "asserted": dict(sorted(per.items(), key=lambda kv: -kv[1])),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--family", choices=sorted(FAMILIES), action="append")
    ap.add_argument("--n", type=int, default=100, help="candidates per family")
    ap.add_argument("--skip", type=int, default=0, help="pass over the first k (read in an earlier batch)")
    ap.add_argument(
        "--per-pattern", type=int, default=0, help="keep only the first k of each pattern (0: all)"
    )
    ap.add_argument("--counts", action="store_true", help="only count candidates per family and pattern")
    ap.add_argument("--stats", action="store_true", help="only print the dev file's labelled totals")
    ap.add_argument("--news", type=Path, default=SNN)
    ap.add_argument("--dev", type=Path, default=DEV, help="dev file whose sentences are skipped")
    args = ap.parse_args()
    if args.stats:
        print(json.dumps(dev_stats(args.dev), ensure_ascii=False))
        return
    for family in args.family or sorted(FAMILIES):
        cands = candidates(family, args.news, args.dev)
        if args.counts:
            per: dict[str, int] = {}
            for c in cands:
                per[c["pattern"]] = per.get(c["pattern"], 0) + 1
            print(family, len(cands), per)
            continue
        if args.per_pattern:
            kept: dict[str, int] = {}
            capped = []
            for c in cands:
                kept[c["pattern"]] = kept.get(c["pattern"], 0) + 1
                if kept[c["pattern"]] <= args.per_pattern:
                    capped.append(c)
            cands = capped
        for c in cands[args.skip : args.skip + args.n]:
            print(json.dumps(c, ensure_ascii=False))


if __name__ == "__main__":
    main()
