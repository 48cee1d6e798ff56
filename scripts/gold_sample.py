"""Draw the articles of the event gold standard v2 (issue 13): whole articles, at random, stratified
by outlet and region, from every Arabic news corpus under ../shared/data/news/, plus the seed.

    .venv/bin/python scripts/gold_sample.py [--random 420] [--enriched 60] [--seed 13] [--out gold/events/sample.jsonl]

Writes one line per article: ``id``, ``corpus`` (its folder under ../shared/data/news/, or ``seed``),
``corpus_id`` (where it sits in that folder), ``sha1`` of its text, ``source``, ``country``, ``region``,
``date``, ``topic`` (a keyword guess: politics / economy / sports / society), ``split`` (dev | test by a
hash of the id) and ``sample`` (random | enriched | seed). The text is not copied: the gold loader reads
it from ../shared/data and checks the SHA-1.

How the random part is drawn (fixed seed, no keyword filter on events):
- per region an equal share (Gulf: SaudiNewsNet; Egypt: Youm7; Maghreb: Ahdath), limited by what the
  corpus holds; within a region an equal share per outlet (SaudiNewsNet's 14 papers);
- within an outlet, 70 % of its share from articles whose topic guess is politics (political and world
  news first) and 30 % from the others (economy, sports, society: where false events come from);
- articles of 40–1,500 words only (annotators read whole articles), exact duplicates once.
The enriched part (at most 40 % of the total, here about 12 %) is drawn by a cheap detector, the
event lexicon's triggers of the rare types CONCEDE, MOBILIZE, SANCTION and RETREAT, among articles not
already drawn, and is marked ``enriched`` so that recall is measured on the random part alone.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import sys
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
NEWS = DATA / "news"
SEED = DATA / "seed" / "000_28742d43d5eb80df.txt"
REGION = {"saudinewsnet": "Gulf", "youm7-2025": "Egypt", "ahdath-2019": "Maghreb"}
COUNTRY = {"saudinewsnet": "SAU", "youm7-2025": "EGY", "ahdath-2019": "MAR"}
TOPIC_WORDS = {
    "politics": "وزير وزارة الرئيس رئيس حكومة الحكومة جيش الجيش قوات القوات مجلس البرلمان الأمم المتحدة هجوم "
    "حزب انتخابات سفير السفير مسلحين داعش الحوثي المعارضة النظام الأمن الشرطة اتفاق مفاوضات قمة الحرب",
    "economy": "سوق السوق أسعار الأسعار الدولار الجنيه الريال شركة الشركة مليون مليار البنك الاستثمار النفط "
    "الأسهم التضخم الفائدة الاقتصاد الصادرات",
    "sports": "مباراة المباراة فريق الفريق الدوري هدف لاعب اللاعب المدرب النادي البطولة كأس منتخب المنتخب",
}
RARE = ("CONCEDE", "MOBILIZE", "SANCTION", "RETREAT")


def split_of(article_id: str) -> str:
    """dev (60 %) or test (40 %), by a hash of the id: stable whatever else is drawn."""
    h = int(hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:8], 16)
    return "test" if h % 5 < 2 else "dev"


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def topic_of(text: str) -> str:
    words = Counter(re.findall(r"[\u0621-\u064a]+", text))
    score = {t: sum(words[w] for w in ws.split()) for t, ws in TOPIC_WORDS.items()}
    best = max(score, key=score.get)
    return best if score[best] >= 3 else "society"


def articles() -> Iterator[dict]:
    """Every article of every corpus, with its locator (``corpus_id``) and text."""
    for path in sorted((NEWS / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(path) as zf:
            for member in zf.namelist():
                for i, rec in enumerate(json.loads(zf.read(member))):
                    text = (rec.get("content") or "").strip()
                    yield {"corpus": "saudinewsnet", "corpus_id": f"{path.name}!{member}[{i}]", "text": text,
                           "source": rec.get("source") or "?", "date": (rec.get("date_extracted") or "")[:10] or None,
                           "title": rec.get("title") or None}
    for corpus in ("youm7-2025", "ahdath-2019"):
        with gzip.open(NEWS / corpus / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                yield {"corpus": corpus, "corpus_id": rec["id"], "text": (rec.get("text") or "").strip(),
                       "source": rec.get("source") or corpus, "date": rec.get("date"), "title": rec.get("title")}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--random", type=int, default=420)
    ap.add_argument("--enriched", type=int, default=60)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", type=Path, default=ROOT / "gold" / "events" / "sample.jsonl")
    args = ap.parse_args()
    if not NEWS.is_dir():
        raise SystemExit(f"no news corpora at {NEWS}")
    rnd = random.Random(args.seed)
    seen: set[str] = set()
    pool: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))  # region → outlet → articles
    for a in articles():
        n_words = len(a["text"].split())
        h = sha1(a["text"])
        if not 40 <= n_words <= 1500 or h in seen:
            continue
        seen.add(h)
        a["sha1"] = h
        a["topic"] = topic_of(a["text"])
        a["region"] = REGION[a["corpus"]]
        pool[a["region"]][a["source"]].append(a)
    drawn: list[dict] = []
    regions = sorted(pool)
    per_region = args.random // len(regions)
    for region in regions:
        outlets = sorted(pool[region])
        per_outlet = max(1, per_region // len(outlets))
        for outlet in outlets:
            items = sorted(pool[region][outlet], key=lambda a: a["sha1"])
            rnd.shuffle(items)
            want_pol = round(per_outlet * 0.7)
            pol = [a for a in items if a["topic"] == "politics"][:want_pol]
            other = [a for a in items if a["topic"] != "politics"][: per_outlet - len(pol)]
            take = pol + other
            if len(take) < per_outlet:  # a small outlet: whatever it has
                take += [a for a in items if a not in take][: per_outlet - len(take)]
            drawn += [{**a, "sample": "random"} for a in take]
    chosen = {a["sha1"] for a in drawn}
    # the enriched part: rare types' triggers, by the project's lexicon (a cheap detector)
    sys.path.insert(0, str(ROOT / "src"))
    from rasd.events.lexicon import load

    lex = load()
    rare: list[dict] = []
    for region in regions:
        for outlet in sorted(pool[region]):
            for a in pool[region][outlet]:
                if a["sha1"] not in chosen and lex.has_trigger(a["text"]) and _has_rare(a["text"], lex):
                    rare.append(a)
    rare.sort(key=lambda a: a["sha1"])
    rnd.shuffle(rare)
    by_region = defaultdict(list)
    for a in rare:
        by_region[a["region"]].append(a)
    k = 0
    while len([d for d in drawn if d["sample"] == "enriched"]) < args.enriched and any(by_region.values()):
        region = regions[k % len(regions)]
        if by_region[region]:
            drawn.append({**by_region[region].pop(), "sample": "enriched"})
        k += 1
    seed_text = SEED.read_text(encoding="utf-8")
    drawn.append({"corpus": "seed", "corpus_id": SEED.name, "text": seed_text, "sha1": sha1(seed_text),
                  "source": "elaph", "date": "2022-01-25", "region": "pan-Arab", "topic": topic_of(seed_text),
                  "sample": "seed", "title": None})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for a in drawn:
            aid = f"{a['corpus']}:{a['corpus_id']}"
            row = {"id": aid, "corpus": a["corpus"], "corpus_id": a["corpus_id"], "sha1": a["sha1"],
                   "source": a["source"], "country": COUNTRY.get(a["corpus"], "GBR"), "region": a["region"],
                   "date": a["date"], "topic": a["topic"], "split": split_of(aid), "sample": a["sample"],
                   "words": len(a["text"].split())}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    from rasd.eval.gold import article_text  # the loader must find every drawn text, unchanged

    for a in drawn:
        assert sha1(article_text(a["corpus"], a["corpus_id"], DATA)) == a["sha1"], a["corpus_id"]
    stats = Counter((d["region"], d["sample"]) for d in drawn)
    print(json.dumps({"articles": len(drawn), "outlets": len({d["source"] for d in drawn}),
                      "regions": sorted({d["region"] for d in drawn}),
                      "by_region_sample": {f"{r}/{s}": n for (r, s), n in sorted(stats.items())},
                      "topics": Counter(d["topic"] for d in drawn),
                      "splits": Counter(split_of(f"{d['corpus']}:{d['corpus_id']}") for d in drawn),
                      "words": sum(len(d["text"].split()) for d in drawn)}, ensure_ascii=False, indent=1))


def _has_rare(text: str, lex: object) -> bool:
    """Whether the lexicon proposes a rare-type trigger in some sentence of ``text``."""
    from rasd.text import words
    from rasd.text.sentences import split_sentences

    for a, b in split_sentences(text):
        sentence = text[a:b]
        if lex.has_trigger(sentence) and any(  # type: ignore[attr-defined]
            m.entry.type in RARE for m in lex.match(words(sentence))  # type: ignore[attr-defined]
        ):
            return True
    return False


if __name__ == "__main__":
    main()
