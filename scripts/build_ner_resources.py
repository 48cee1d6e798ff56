"""Build the word lists and word clusters the NER features use, into src/rasd/data/ner/.

* ``gazetteer.tsv``: ANERGazet (ANERcorp's gazetteers: loc/org/pers lists) normalized with
  rasd.text.normalize_word; one ``entry<TAB>TYPE`` line, multi-word entries kept as phrases.
* ``titles.tsv``: title/role trigger words: every word (3+ letters) inside a TIT span of CAraNER
  (Revised_Label), light-stemmed, seen at least twice, with how often it heads a span (B) or continues one (I).
* ``clusters.tsv.gz``: word clusters learned by us from SaudiNewsNet: each frequent normalized word
  gets a vector of positive PMI with its left and right neighbours, reduced by truncated SVD, and
  clustered by k-means (numpy, seeded) at three granularities (64, 256, 1024 clusters).

Deterministic (fixed seeds, sorted input). Takes a few CPU minutes, mostly the clustering.

    python scripts/build_ner_resources.py [--data ../shared/data] [--skip-clusters]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import time
import zipfile
from collections import Counter
from pathlib import Path

from rasd.text.normalize import normalize_word
from rasd.text.tokenize import light_stem

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/rasd/data/ner"
GAZ_FILES = {
    "LOC": ["gazetteers/loc.txt", "locations"],
    "ORG": ["gazetteers/org.txt", "orgs"],
    "PER": ["gazetteers/pers.txt", "people"],
}
VOCAB = 40_000  # words that get a cluster
CONTEXTS = 3_000  # neighbour words used as context features
DIM = 100
KS = (64, 256, 1024)
TOKEN_RE = re.compile(r"[\u0621-\u064a]+|[0-9]+|[a-z]+|[^\s\w]")


def build_gazetteer(data: Path) -> int:
    """ANERGazet lists → normalized ``entry TYPE`` lines (an entry in two lists keeps both)."""
    entries: set[tuple[str, str]] = set()
    for typ, names in GAZ_FILES.items():
        for name in names:
            path = data / "ner/anercorp-original" / name
            if not path.exists():
                continue
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                entry = " ".join(normalize_word(w) for w in line.split())
                if len(entry) >= 2 and not entry.startswith("=") and re.search("[\u0621-\u064a]", entry):
                    entries.add((entry, typ))
    (OUT / "gazetteer.tsv").write_text("".join(f"{e}\t{t}\n" for e, t in sorted(entries)), encoding="utf-8")
    return len(entries)


def build_titles(data: Path) -> int:
    """Words of CAraNER TIT spans, light-stemmed, with B and I counts; kept when seen twice or more."""
    b: Counter[str] = Counter()
    i: Counter[str] = Counter()
    with open(data / "ner/caraner/CAraNER.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            tag = (row["Revised_Label"] or "").strip()
            word = light_stem((row["Word"] or "").strip())
            if len(word) < 3:  # two-letter words are particles (في، من), not titles
                continue
            if tag == "B_TIT":
                b[word] += 1
            elif tag == "I_TIT":
                i[word] += 1
    kept = sorted(w for w in set(b) | set(i) if b[w] + i[w] >= 2)
    (OUT / "titles.tsv").write_text("".join(f"{w}\t{b[w]}\t{i[w]}\n" for w in kept), encoding="utf-8")
    return len(kept)


def _articles(news: Path):
    for zpath in sorted(news.glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in sorted(zf.namelist()):
                for art in json.loads(zf.read(name)):
                    yield f"{art.get('title') or ''}\n{art.get('content') or ''}"


def _kmeans(x, k: int, seed: int, iters: int = 15):
    """Spherical k-means on unit rows (cosine), k-means++-free: seeded random initial rows."""
    import numpy as np

    rng = np.random.default_rng(seed)
    centers = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        labels = np.argmax(x @ centers.T, axis=1)
        sums = np.zeros_like(centers)
        np.add.at(sums, labels, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        centers = np.where(empty[:, None], centers, sums / np.maximum(norms, 1e-12))
    return labels


def build_clusters(news: Path) -> int:
    """PPMI(left/right neighbours) → SVD → k-means at several granularities; words by frequency."""
    import numpy as np
    from scipy import sparse
    from scipy.sparse.linalg import svds

    t0 = time.time()
    docs: list[list[str]] = [TOKEN_RE.findall(normalize_word(text)) for text in _articles(news)]
    counts: Counter[str] = Counter()
    for d in docs:
        counts.update(d)
    ranked = sorted(counts.items(), key=lambda x: (-x[1], x[0]))
    vocab = [w for w, c in ranked[:VOCAB] if c >= 5]
    index = {w: n for n, w in enumerate(vocab)}
    print(
        f"  {len(docs)} articles, {sum(counts.values())} tokens, vocab {len(vocab)} ({time.time() - t0:.0f}s)"
    )
    ids = np.fromiter(
        (index.get(w, -1) for d in docs for w in (*d, "\n")), dtype=np.int64
    )  # "\n" is never in vocab: a -1 separator between articles
    nv, nc = len(vocab), min(CONTEXTS, len(vocab))
    rows, cols = [], []
    for shift, offset in ((1, 0), (-1, nc)):  # left neighbour → columns [0, nc), right → [nc, 2nc)
        a = ids[shift:] if shift > 0 else ids[:shift]
        b = ids[:-shift] if shift > 0 else ids[-shift:]
        keep = (a >= 0) & (b >= 0) & (b < nc)
        rows.append(a[keep])
        cols.append(b[keep] + offset)
    r, c = np.concatenate(rows), np.concatenate(cols)
    m = sparse.coo_matrix((np.ones(len(r), dtype=np.float64), (r, c)), shape=(nv, 2 * nc)).tocsr()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col_sum = np.asarray(m.sum(axis=0)).ravel() ** 0.75  # context distribution smoothing
    col_sum *= total / col_sum.sum()
    m = m.tocoo()
    pmi = np.log(m.data * total / (row_sum[m.row] * col_sum[m.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    u, s, _vt = svds(ppmi, k=DIM, random_state=0)
    vec = u * np.sqrt(s)
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-12)
    print(f"  PPMI {ppmi.nnz} cells, SVD done ({time.time() - t0:.0f}s)")
    labels = [_kmeans(vec, k, seed=k) for k in KS]
    print(f"  k-means {KS} done ({time.time() - t0:.0f}s)")
    with gzip.GzipFile(OUT / "clusters.tsv.gz", "wb", mtime=0) as raw:
        lines = (f"{w}\t" + "\t".join(str(int(lab[n])) for lab in labels) + "\n" for n, w in enumerate(vocab))
        raw.write("".join(lines).encode("utf-8"))
    return len(vocab)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    ap.add_argument("--skip-clusters", action="store_true")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"gazetteer: {build_gazetteer(args.data)} entries")
    print(f"titles: {build_titles(args.data)} words")
    if not args.skip_clusters:
        print(f"clusters: {build_clusters(args.data / 'news/saudinewsnet')} words")


if __name__ == "__main__":
    main()
