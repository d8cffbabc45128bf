"""Dedup quality on the real corpora: BBC known pairs, synthetic near-duplicates with ground truth,
and precision of reported pairs against the true Jaccard of word 5-grams.

    .venv/bin/python benchmarks/dedup_quality.py [--n-sources 600] [--seed 7] [--json out.json]

Ground truth: a derived document is a true duplicate of its source when the exact Jaccard of their
word-5-gram sets (same normalisation as factsieve) is >= the threshold. A reported pair is
(member, canonical) for every member of every cluster; it is correct when its true Jaccard is >= the
threshold or the two are exact duplicates.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import base_corpus, iter_bbc  # noqa: E402
from factsieve.dedup import DedupParams, deduplicate  # noqa: E402
from factsieve.dedup import minhash as mh  # noqa: E402

HEADERS = [
    "UPDATE 2-",
    "Exclusive:",
    "From our correspondent.",
    "ANALYSIS-",
    "This article was first published elsewhere.",
]
FOOTERS = [
    "Copyright 2005 News Service. All rights reserved.",
    "Follow us for more business news and analysis every day of the week.",
    "Additional reporting by the wire desk; editing by the night team.",
]
STRENGTHS = {"light": 0.02, "medium": 0.06, "strong": 0.12, "very_strong": 0.25}


def sentences(text: str) -> list[str]:
    out, cur = [], []
    for w in text.split():
        cur.append(w)
        if w.endswith((".", "!", "?")):
            out.append(" ".join(cur))
            cur = []
    if cur:
        out.append(" ".join(cur))
    return out


def derive(text: str, strength: float, rng: random.Random, vocab: list[str]) -> tuple[str, str]:
    """One edited copy: the edit kind is random, its amount scales with strength."""
    kind = rng.choice(["header_footer", "insert", "delete", "substitute", "truncate", "punct", "mixed"])
    sents = sentences(text)
    if kind in ("header_footer", "mixed"):
        sents = [rng.choice(HEADERS)] + sents[1:] + [rng.choice(FOOTERS)]  # new headline and footer
    if kind in ("insert", "mixed"):
        for _ in range(max(1, int(len(sents) * strength))):
            sents.insert(rng.randrange(len(sents) + 1), " ".join(rng.choice(vocab) for _ in range(15)) + ".")
    if kind in ("delete", "mixed") and len(sents) > 2:
        for _ in range(max(1, int(len(sents) * strength))):
            if len(sents) > 2:
                sents.pop(rng.randrange(len(sents)))
    if kind == "truncate":
        sents = sents[: max(1, int(len(sents) * (1 - strength)))]
    words = " ".join(sents).split()
    if kind in ("substitute", "mixed"):
        for _ in range(max(1, int(len(words) * strength / 2))):
            words[rng.randrange(len(words))] = rng.choice(vocab)
    if kind == "punct":
        words = [w.upper() if rng.random() < strength else w for w in words]
        words = [w + "," if rng.random() < strength else w for w in words]
        return "  \n".join(words), kind
    return " ".join(words), kind


def shingle_set(text: str, k: int) -> np.ndarray:
    wh, nw = mh.word_hashes([text])
    sh, _ = mh.shingles(wh, nw, k, seed=1)
    return mh.shingle_set(sh)


def run(n_sources: int, seed: int, params: DedupParams) -> dict:
    rng = random.Random(seed)
    base = [d for d in base_corpus() if len(d["text"].split()) >= 60]
    if not base:
        return {"skipped": "corpora absent"}
    vocab = sorted({w for d in rng.sample(base, 200) for w in d["text"].split()})
    sources = rng.sample(base, n_sources)
    rows = [(d["id"], d["text"]) for d in sources]
    derived = []  # (id, source id, strength, kind)
    for d in sources:
        for name, s in STRENGTHS.items():
            text, kind = derive(d["text"], s, rng, vocab)
            did = f"{d['id']}~{name}"
            rows.append((did, text))
            derived.append((did, d["id"], name, kind))
    # distractors: other real docs (including templated Reuters briefs) so false matches can happen
    used = {d["id"] for d in sources}
    rows += [
        (d["id"], d["text"]) for d in rng.sample([d for d in base_corpus() if d["id"] not in used], 4000)
    ]
    texts = dict(rows)
    df = pd.DataFrame({"doc_id": [r[0] for r in rows], "text": [r[1] for r in rows], "quality_score": 0.5})
    res = deduplicate(df, params)
    a = res.assignments.set_index("doc_id")
    cache: dict[str, np.ndarray] = {}

    def true_j(x: str, y: str) -> float:
        for z in (x, y):
            if z not in cache:
                cache[z] = shingle_set(texts[z], params.shingle_size)
        return mh.jaccard(cache[x], cache[y])

    by_strength: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for did, src, name, _kind in derived:
        truth = true_j(did, src) >= params.threshold
        found = (
            a.loc[did, "dup_cluster_id"] is not None
            and a.loc[did, "dup_cluster_id"] == a.loc[src, "dup_cluster_id"]
        )
        found = bool(found) and not pd.isna(a.loc[did, "dup_cluster_id"])
        c = by_strength[name]
        c["tp" if truth and found else "fn" if truth else "fp" if found else "tn"] += 1
    table = {}
    for name, c in by_strength.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        table[name] = {
            **c,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        }
    # precision of every reported (member, canonical) pair
    dup = res.duplicates[res.duplicates["method"] != "canonical"]
    good = 0
    below = []
    for m, c in zip(dup["doc_id"], dup["canonical_doc_id"], strict=True):
        j = true_j(m, c)
        if j >= params.threshold or a.loc[m, "content_hash"] == a.loc[c, "content_hash"]:
            good += 1
        else:
            below.append(round(j, 3))
    return {
        "docs": len(df),
        "sources": n_sources,
        "by_strength": table,
        "reported_pairs": len(dup),
        "reported_pair_precision": round(good / len(dup), 4) if len(dup) else 1.0,
        "pairs_below_threshold_jaccard": sorted(below)[:20],
        "stats": {k: v for k, v in res.stats.items() if k != "timings_s"},
    }


def bbc_known_pairs(params: DedupParams) -> dict:
    """All exact/whitespace-only duplicate pairs in BBC (grouped by normalised whitespace) must be found."""
    docs = list(iter_bbc())
    if not docs:
        return {"skipped": "corpora absent"}
    groups = defaultdict(list)
    for d in docs:
        groups[(d["id"].split("/")[1], " ".join(d["text"].split()))].append(d["id"])
    pairs = [(g[0], x) for g in groups.values() if len(g) > 1 for x in g[1:]]
    df = pd.DataFrame(
        {"doc_id": [d["id"] for d in docs], "text": [d["text"] for d in docs], "quality_score": 0.5}
    )
    a = deduplicate(df, params).assignments.set_index("doc_id")
    found = sum(
        1
        for x, y in pairs
        if not pd.isna(a.loc[x, "dup_cluster_id"])
        and a.loc[x, "dup_cluster_id"] == a.loc[y, "dup_cluster_id"]
    )
    return {
        "known_pairs": len(pairs),
        "found": found,
        "recall": round(found / len(pairs), 4) if pairs else None,
        "bbc_docs_flagged_duplicate": int((~a["is_canonical"]).sum()),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n-sources", type=int, default=600)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--bands", type=int, default=None)
    ap.add_argument("--rows", type=int, default=None)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    kw = {k: v for k, v in (("threshold", args.threshold), ("bands", args.bands), ("rows", args.rows)) if v}
    params = DedupParams(**kw)
    out = {
        "params": params.result_params(),
        "bbc": bbc_known_pairs(params),
        "synthetic": run(args.n_sources, args.seed, params),
    }
    print(json.dumps(out, indent=1))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
