"""Speed and memory of factsieve.dedup.deduplicate, beside datasketch's MinHashLSH.

    .venv/bin/python benchmarks/dedup_bench.py                      # 22k real corpus + datasketch
    .venv/bin/python benchmarks/dedup_bench.py --sizes 220000 1000000  # scaled corpora, one subprocess each
    .venv/bin/python benchmarks/dedup_bench.py --one 220000          # (internal) a single size, prints JSON

MB/s counts UTF-8 bytes of the input texts. Peak RSS is resource.getrusage(RUSAGE_SELF).ru_maxrss of
the process doing one size; "rss_before" is the RSS after the input DataFrame was built, so
peak - before is what deduplicate itself added.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import base_corpus, scaled_corpus  # noqa: E402
from factsieve.dedup import DedupParams, deduplicate  # noqa: E402


def frame(docs) -> pd.DataFrame:
    ids, texts, pub = [], [], []
    for d in docs:
        ids.append(d["id"])
        texts.append(d["text"])
        pub.append(d["published"])
    df = pd.DataFrame(
        {"doc_id": ids, "text": texts, "quality_score": 0.5, "published_at": pd.to_datetime(pub, utc=True)}
    )
    del texts
    return df


def mb(df: pd.DataFrame) -> float:
    return float(df["text"].str.encode("utf-8").str.len().sum()) / 1e6


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def bench_factsieve(df: pd.DataFrame, params: DedupParams, repeat: int) -> dict:
    size = mb(df)
    best, res = None, None
    for _ in range(repeat):
        t = time.perf_counter()
        res = deduplicate(df, params)
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    s = res.stats
    return {
        "docs": len(df),
        "mb": round(size, 1),
        "seconds": round(best, 3),
        "docs_per_s": round(len(df) / best),
        "mb_per_s": round(size / best, 1),
        "timings_s": s["timings_s"],
        "exact_dups": s["exact_dups"],
        "near_dups": s["near_dups"],
        "candidate_pairs": s["candidate_pairs"],
        "verified_pairs": s["verified_pairs"],
        "rejected_pairs": s["rejected_pairs"],
    }


def bench_datasketch(df: pd.DataFrame, params: DedupParams) -> dict:
    """datasketch MinHash (update_batch over the same word 5-grams) + MinHashLSH insert and query."""
    from datasketch import MinHash, MinHashLSH

    size = mb(df)
    t = time.perf_counter()
    lsh = MinHashLSH(threshold=params.threshold, num_perm=params.num_perm)
    sigs = []
    for i, text in enumerate(df["text"].tolist()):
        words = text.lower().split()
        k = params.shingle_size
        grams = [" ".join(words[j : j + k]).encode() for j in range(max(1, len(words) - k + 1))]
        m = MinHash(num_perm=params.num_perm, seed=params.seed)
        m.update_batch(grams)
        lsh.insert(str(i), m)
        sigs.append(m)
    n_cand = sum(len(lsh.query(m)) - 1 for m in sigs)
    dt = time.perf_counter() - t
    return {
        "docs": len(df),
        "seconds": round(dt, 3),
        "docs_per_s": round(len(df) / dt),
        "mb_per_s": round(size / dt, 1),
        "candidate_pairs_directed": n_cand,
    }


def one(n: int, seed: int) -> dict:
    t = time.perf_counter()
    df = frame(scaled_corpus(n, seed)) if n != 0 else frame(base_corpus())
    gen_s = time.perf_counter() - t
    rss_before = psutil.Process().memory_info().rss / 2**20
    out = bench_factsieve(df, DedupParams(), repeat=1)
    out.update(
        {
            "generate_s": round(gen_s, 1),
            "rss_before_mb": round(rss_before),
            "peak_rss_mb": round(peak_mb()),
            "dedup_added_mb": round(peak_mb() - rss_before),
            "dedup_added_bytes_per_doc": round((peak_mb() - rss_before) * 2**20 / len(df)),
        }
    )
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="*", default=[])
    ap.add_argument("--one", type=int, default=None)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--no-datasketch", action="store_true")
    args = ap.parse_args()
    if args.one is not None:
        print(json.dumps(one(args.one, args.seed)))
        return
    results: dict = {}
    if not args.sizes:
        docs = base_corpus()
        if not docs:
            print("corpora absent (set FACTSIEVE_SHARED); skipping")
            return
        df = frame(docs)
        deduplicate(df.head(500))  # warm-up (imports, allocator)
        results["22k"] = {"factsieve": bench_factsieve(df, DedupParams(), repeat=3)}
        results["22k"]["factsieve_2_threads"] = bench_factsieve(df, DedupParams(workers=2), repeat=3)
        if not args.no_datasketch:
            results["22k"]["datasketch"] = bench_datasketch(df, DedupParams())
        results["22k"]["subprocess"] = json.loads(
            subprocess.run(
                [sys.executable, __file__, "--one", "0"], capture_output=True, text=True, check=True
            ).stdout
        )
    for n in args.sizes:
        r = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)],
            capture_output=True,
            text=True,
            check=True,
        )
        results[str(n)] = json.loads(r.stdout)
    print(json.dumps(results, indent=1))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
