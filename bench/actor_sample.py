"""Draw person and organisation mentions from three outlets' news for a hand check of actor resolution,
and score rasd against mentions labelled with the right country.

    .venv/bin/python bench/actor_sample.py --seed 14 [--per-corpus 100] [--articles 150]   # prints the sample
    .venv/bin/python bench/actor_sample.py --score docs/bench/actor-check-2026-12-06.tsv   # y/n judgements
    .venv/bin/python bench/actor_sample.py --gold docs/bench/actor-gold-2026-12-07.tsv     # today's code
    ... --gold FILE --errors wrong.tsv                                                      # and its misses
    [RASD_NER_MODEL=DIR] ... --seed 37 --dump m1.jsonl   # every PER/ORG mention of one NER model's draw
    ... --seed 37 --pool m1.jsonl m2.jsonl --per-corpus 100   # a sample of two models' pooled mentions

The sample: ``--articles`` random articles from each of ahdath-2019 (Morocco), youm7-2025 (Egypt) and
the SaudiNewsNet store given by ``--db`` (not near-duplicates), through the pipeline up to the entities
step, then ``--per-corpus`` random mentions of PER and ORG entities (whether or not rasd resolved
them), each printed with its offsets, the code, country and office rasd gave and 70 characters of
context. The draw depends on the entities rasd finds, so a sample is drawn once and labelled. To compare
two NER models fairly, ``--dump`` each model's mentions of the same draw (same seed and store) and
``--pool`` them: every distinct mention either model found, ``--per-corpus`` of them at random per outlet,
printed without rasd's answer (each model is then scored on the pooled sample with ``--gold``).

Two kinds of labels:
- ``--score``: y/n judgements of rasd's answer (TSV columns ``country_ok`` and ``code_ok``; ``-`` the
  reader cannot tell from the article either), valid for the code that printed the sample only;
- ``--gold``: the right answer itself (columns ``country``: ISO-3, ``IGO``/``EUR``/``IMG`` for
  international bodies (rasd's ``UNO`` for the UN counts as ``IGO``), the EU and Islamist militant
  groups as the knowledge base codes them, ``x``
  not an actor, ``-`` the article does not tell; ``sector``: the PLOVER sector where the article makes
  it plain, else empty). rasd's answer is looked up afresh at the mention's offsets, so any version of
  the code can be scored on the same mentions. A mention left without a country is wrong where the
  article makes the country plain. Code right: the country right and, where the label has a sector,
  the same sector. The texts stay in ../shared.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections import Counter

from _outlets import context, outlet_documents


def sample(db: str, seed: int, per_corpus: int, articles: int) -> None:
    k = 0
    for name, docs in outlet_documents(db, seed, articles):
        found = []
        for doc_id, doc in docs:
            for e in doc.entities:
                if e.type not in ("PER", "ORG"):
                    continue
                a = e.actor
                for m in e.mentions:
                    found.append((name, doc_id, m.start, m.end, e.type, doc.text[m.start:m.end], (a.code if a else "") or "",
                                  (a.country if a else "") or "", (a.office if a else "") or "",
                                  context(doc, m.start, m.end)))
        random.shuffle(found)
        print(f"# {name}: {len(found)} PER/ORG mentions in {len(docs)} articles")
        for row in found[:per_corpus]:
            print(k, *row[:9], "|", row[9], sep="\t")
            k += 1


def dump(db: str, seed: int, articles: int, path: str) -> None:
    """Every PER/ORG mention of the draw, one JSON object a line (outlet, document, offsets, type, context)."""
    with open(path, "w", encoding="utf-8") as out:
        for name, docs in outlet_documents(db, seed, articles):
            for doc_id, doc in docs:
                for e in doc.entities:
                    if e.type in ("PER", "ORG"):
                        for m in e.mentions:
                            out.write(json.dumps({"corpus": name, "doc_id": doc_id, "start": m.start, "end": m.end,
                                                  "type": e.type, "mention": doc.text[m.start:m.end],
                                                  "context": context(doc, m.start, m.end)}, ensure_ascii=False) + "\n")


def pool(paths: list[str], seed: int, per_corpus: int) -> None:
    """A random sample of the distinct mentions (same document and offsets) the dumps hold, per outlet,
    printed for blind labelling: no model's answer, and which model found it kept in a comment only."""
    found: dict[tuple[str, str, int, int], dict] = {}
    by: dict[tuple[str, str, int, int], set[int]] = {}
    for i, path in enumerate(paths):
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            key = (r["corpus"], r["doc_id"], r["start"], r["end"])
            found.setdefault(key, r)
            by.setdefault(key, set()).add(i)
    rng = random.Random(seed)
    k = 0
    for corpus in sorted({key[0] for key in found}):
        keys = sorted(key for key in found if key[0] == corpus)
        shared = sum(len(by[key]) == len(paths) for key in keys)
        print(f"# {corpus}: {len(keys)} distinct PER/ORG mentions, {shared} found by all {len(paths)} dumps")
        rng.shuffle(keys)
        for key in keys[:per_corpus]:
            r = found[key]
            print(k, corpus, r["doc_id"], r["start"], r["end"], r["type"], r["mention"], "|", r["context"], sep="\t")
            k += 1


def score(path: str) -> None:
    """Per sample and outlet: mentions, not actors, and country and code accuracy over the judged ones."""
    rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))
    print("| sample | outlet | mentions | not an actor | judged | country right | code right | rasd gave a country: right |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for sample in sorted({r["sample"] for r in rows}):
        part_rows = [r for r in rows if r["sample"] == sample]
        for corpus in [*sorted({r["corpus"] for r in part_rows}), "all"]:
            part = [r for r in part_rows if corpus in ("all", r["corpus"])]
            judged = [r for r in part if r["actor"] == "y" and r["country_ok"] != "-"]
            given = [r for r in judged if r["country"]]
            ok = Counter((r["country_ok"], r["code_ok"]) for r in judged)
            country = sum(v for (c, _), v in ok.items() if c == "y")
            code = sum(v for (_, c), v in ok.items() if c == "y")
            print(f"| {sample} | {corpus} | {len(part)} | {sum(r['actor'] == 'n' for r in part)} | {len(judged)} |"
                  f" {country / len(judged):.3f} | {code / len(judged):.3f} |"
                  f" {sum(r['country_ok'] == 'y' for r in given)}/{len(given)} |")


def gold(path: str, db: str, errors: str | None = None) -> None:
    """Per sample and outlet, today's code against mentions labelled with the right country and sector;
    with ``errors``, the judged mentions it gets wrong (country or code) written there as a TSV to read."""
    from _outlets import context, documents_by_id

    rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))
    docs = documents_by_id(db, {r["doc_id"] for r in rows})
    wrong: dict[tuple[str, str], list[str]] = {}
    print("| sample | outlet | mentions | not an actor | judged | country right | code right |"
          " rasd gave a country: right | of which from the article's or outlet's country: right |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for sample in sorted({r["sample"] for r in rows}):
        part_rows = [r for r in rows if r["sample"] == sample]
        for corpus in [*sorted({r["corpus"] for r in part_rows}), "all"]:
            part = [r for r in part_rows if corpus in ("all", r["corpus"])]
            judged = [r for r in part if r["country"] not in ("x", "-")]
            tally = Counter()
            for r in judged:
                actor = _actor_at(docs.get(r["doc_id"]), int(r["start"]), int(r["end"]))
                country = actor.country if actor else None
                ok = country == r["country"] or (r["country"] == "IGO" and country in _INTERNATIONAL)
                tally["country"] += ok
                code_ok = ok and (not r["sector"] or actor.sector == r["sector"])
                tally["code"] += code_ok
                if not code_ok and docs.get(r["doc_id"]) is not None:
                    doc, start, end = docs[r["doc_id"]], int(r["start"]), int(r["end"])
                    wrong[r["sample"], r["k"]] = [
                        r["sample"], r["k"], r["corpus"], r["doc_id"], r["mention"], r["country"], r["sector"],
                        "country" if not ok else "sector", (actor.code if actor else "") or "",
                        country or "", (actor.sector if actor else "") or "",
                        (getattr(actor, "basis", "") if actor else "") or "", context(doc, start, end)]
                if country:
                    tally["given"] += 1
                    tally["given_ok"] += ok
                    if getattr(actor, "basis", None) in ("article", "outlet"):  # older code has no basis
                        tally["article"] += 1
                        tally["article_ok"] += ok
            n = len(judged) or 1
            print(f"| {sample} | {corpus} | {len(part)} | {sum(r['country'] == 'x' for r in part)} | {len(judged)} |"
                  f" {tally['country'] / n:.3f} | {tally['code'] / n:.3f} | {tally['given_ok']}/{tally['given']} |"
                  f" {tally['article_ok']}/{tally['article']} |")
    if errors:
        with open(errors, "w", encoding="utf-8", newline="") as out:
            w = csv.writer(out, delimiter="\t", lineterminator="\n")
            w.writerow(["sample", "k", "corpus", "doc_id", "mention", "country", "sector", "wrong",
                        "rasd_code", "rasd_country", "rasd_sector", "basis", "context"])
            w.writerows(wrong.values())
        print(f"{len(wrong)} mentions wrong -> {errors}")


# the knowledge base's "countries" of international bodies: IGO, and UNO for the UN and its agencies
_INTERNATIONAL = frozenset({"IGO", "UNO"})


def _actor_at(doc, start: int, end: int):  # noqa: ANN001, ANN202 - a Document in, an EntityActor or None out
    """The actor of the PER/ORG entity with a mention at these offsets (else one overlapping them, else
    an entity of another type with an actor at exactly these offsets: the model's ORG span المغرب that
    today's code reads as the state)."""
    if doc is None:
        return None
    overlapping = exact_other = None
    for e in doc.entities:
        for m in e.mentions:
            if e.type not in ("PER", "ORG"):
                if exact_other is None and e.actor is not None and (m.start, m.end) == (start, end):
                    exact_other = e
                continue
            if (m.start, m.end) == (start, end):
                return e.actor
            if overlapping is None and m.start < end and start < m.end:
                overlapping = e
    found = overlapping or exact_other
    return found.actor if found else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/snn.db", help="a SQLite store holding SaudiNewsNet")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--per-corpus", type=int, default=100)
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--score", help="a TSV of y/n judgements: print accuracy instead of drawing a sample")
    ap.add_argument("--gold", help="a TSV of right answers: score today's code on its mentions")
    ap.add_argument("--errors", help="with --gold: write the mentions it gets wrong to this TSV")
    ap.add_argument("--dump", help="write every PER/ORG mention of the draw to this JSONL file")
    ap.add_argument("--pool", nargs="+", help="JSONL dumps of the same draw: print a sample of their pooled mentions")
    args = ap.parse_args()
    if args.gold:
        gold(args.gold, args.db, args.errors)
    elif args.score:
        score(args.score)
    elif args.dump:
        dump(args.db, args.seed, args.articles, args.dump)
    elif args.pool:
        pool(args.pool, args.seed, args.per_corpus)
    else:
        sample(args.db, args.seed, args.per_corpus, args.articles)


if __name__ == "__main__":
    main()
