"""Speed and memory of factsieve.dedup.deduplicate, beside datasketch's MinHashLSH and rensa's.

    .venv/bin/python benchmarks/dedup_bench.py                      # 22k real corpus (+ prepare() on
                                                                    # 2 processes) + datasketch
    .venv/bin/python benchmarks/dedup_bench.py --sizes 220000 1000000  # scaled corpora, one subprocess each
    .venv/bin/python benchmarks/dedup_bench.py --sizes 1000000 --dup-rate 0.03  # the "news" profile
    .venv/bin/python benchmarks/dedup_bench.py --one 220000          # (internal) a single size, prints JSON
    .venv/bin/python benchmarks/dedup_bench.py --one 220000 --sample-bits 2  # story samples 1 in 4, not 1 in 8
    .venv/bin/python benchmarks/dedup_bench.py --flow benchmarks/.work/corpus-220000-10000 [--spill]
        # the flow's shape and memory: prepare() per JSONL file (10k docs) -> keep all Features ->
        # one deduplicate(features=..., state_out=...); reports retained bytes/doc and the transient

MB/s counts UTF-8 bytes of the input texts and uses the best wall time of --repeat runs; the spread
(min/median/max wall) and the process CPU time of each run are reported too, because wall time on a
shared 2-core VM varies 2-4x with other load while CPU time barely moves. Peak RSS is
resource.getrusage(RUSAGE_SELF).ru_maxrss of the process doing one size; "rss_before" is the RSS after
the input DataFrame was built, so peak - before is what deduplicate itself added.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import base_corpus, scaled_corpus  # noqa: E402
from factsieve.dedup import DedupParams, deduplicate, prepare  # noqa: E402


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
    walls, cpus, res, fastest = [], [], None, None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        res = deduplicate(df, params)
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
        if walls[-1] == min(walls):
            fastest = res.stats["timings_s"]
    best = min(walls)
    s = res.stats
    return {
        "docs": len(df),
        "mb": round(size, 1),
        "seconds": round(best, 3),
        "wall_min_median_max": [
            round(min(walls), 2),
            round(statistics.median(walls), 2),
            round(max(walls), 2),
        ],
        "cpu_s": [round(x, 2) for x in cpus],
        "docs_per_s": round(len(df) / best),
        "mb_per_s": round(size / best, 1),
        "mb_per_cpu_s": round(size / min(cpus), 1),
        "timings_s": fastest,
        "exact_dups": s["exact_dups"],
        "near_dups": s["near_dups"],
        "candidate_pairs": s["candidate_pairs"],
        "verified_pairs": s["verified_pairs"],
        "rejected_pairs": s["rejected_pairs"],
        "split_from_chain": s.get("split_from_chain"),
        "story_candidate_pairs": s.get("story_candidate_pairs"),
        "story_verified_pairs": s.get("story_verified_pairs"),
        "story_members_new": s.get("story_members_new"),
    }


def _prepare_batch(args: tuple[pd.DataFrame, DedupParams]):
    return prepare(*args)


def bench_prepared(df: pd.DataFrame, params: DedupParams, procs: int, repeat: int, batch_docs: int) -> dict:
    """The flow's shape: features computed per batch in `procs` worker processes (prepare(); the batch
    DataFrame is pickled to the worker and the Features back, both inside the timing), then the single
    global deduplicate(features=...). The pool is started and warmed up outside the timing, as the
    flow's task-runner workers already exist."""
    from concurrent.futures import ProcessPoolExecutor

    size = mb(df)
    batches = [(df.iloc[i : i + batch_docs], params) for i in range(0, len(df), batch_docs)]
    rows = []
    with ProcessPoolExecutor(procs) as ex:
        list(ex.map(_prepare_batch, [(df.head(200), params)] * procs))
        for _ in range(repeat):
            t0 = time.perf_counter()
            feats = list(ex.map(_prepare_batch, batches))
            t1 = time.perf_counter()
            c = time.process_time()
            res = deduplicate(df, params, features=feats)
            t2 = time.perf_counter()
            rows.append((t2 - t0, t1 - t0, t2 - t1, time.process_time() - c))
    best = min(rows)
    walls = [r[0] for r in rows]
    return {
        "docs": len(df),
        "batches": len(batches),
        "processes": procs,
        "seconds": round(best[0], 3),
        "wall_min_median_max": [
            round(min(walls), 2),
            round(statistics.median(walls), 2),
            round(max(walls), 2),
        ],
        "prepare_s": round(best[1], 3),
        "global_dedup_s": round(best[2], 3),
        "global_dedup_cpu_s": round(best[3], 3),
        "mb_per_s": round(size / best[0], 1),
        "global_mb_per_s": round(size / best[2], 1),
        "near_dups": res.stats["near_dups"],
        "exact_dups": res.stats["exact_dups"],
    }


def _bench_minhash_lsh(df: pd.DataFrame, params: DedupParams, lsh, sketch) -> dict:
    """Time a MinHash library over the same word 5-grams: sketch(grams) -> signature, lsh.insert
    then lsh.query of every document."""
    size = mb(df)
    t = time.perf_counter()
    sigs = []
    k = params.shingle_size
    for i, text in enumerate(df["text"].tolist()):
        words = text.lower().split()
        m = sketch([" ".join(words[j : j + k]) for j in range(max(1, len(words) - k + 1))])
        lsh.insert(i, m)
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


def bench_datasketch(df: pd.DataFrame, params: DedupParams) -> dict:
    """datasketch MinHash (update_batch) + MinHashLSH insert and query."""
    from datasketch import MinHash, MinHashLSH

    def sketch(grams: list[str]) -> MinHash:
        m = MinHash(num_perm=params.num_perm, seed=params.seed)
        m.update_batch([g.encode() for g in grams])
        return m

    return _bench_minhash_lsh(
        df, params, MinHashLSH(threshold=params.threshold, num_perm=params.num_perm), sketch
    )


def bench_rensa(df: pd.DataFrame, params: DedupParams) -> dict:
    """rensa (Rust): RMinHash + RMinHashLSH insert and query, when importable (not a project
    dependency: install it into a scratch --target directory and put that on PYTHONPATH)."""
    try:
        from rensa import RMinHash, RMinHashLSH
    except ImportError:
        return {"skipped": "rensa is not installed"}

    def sketch(grams: list[str]) -> RMinHash:
        m = RMinHash(num_perm=params.num_perm, seed=params.seed)
        m.update(grams)
        return m

    # num_bands must divide num_perm: 16 bands x 4 rows
    lsh = RMinHashLSH(threshold=params.threshold, num_perm=params.num_perm, num_bands=16)
    return _bench_minhash_lsh(df, params, lsh, sketch)


def one(n: int, seed: int, dup_rate: float | None, repeat: int, params: DedupParams) -> dict:
    t = time.perf_counter()
    df = frame(scaled_corpus(n, seed, dup_rate)) if n != 0 else frame(base_corpus())
    gen_s = time.perf_counter() - t
    rss_before = psutil.Process().memory_info().rss / 2**20
    out = bench_factsieve(df, params, repeat=repeat)
    out.update(
        {
            "profile": "real" if n == 0 else ("stress" if dup_rate is None else f"news dup_rate={dup_rate}"),
            "sample_bits": params.sample_bits,
            "generate_s": round(gen_s, 1),
            "rss_before_mb": round(rss_before),
            "peak_rss_mb": round(peak_mb()),
            "dedup_added_mb": round(peak_mb() - rss_before),
            "dedup_added_bytes_per_doc": round((peak_mb() - rss_before) * 2**20 / len(df)),
        }
    )
    return out


def flow_memory(folder: Path, spill: bool, repeat: int) -> dict:
    """Memory of the flow's dedup path in this process: doc ids are 32-hex xxh3_128 ids like
    pipeline.make_doc_id; features are prepared per file (one worker batch) and kept (spilled to a
    staging directory with --spill), then one global deduplicate with a state directory. Retained =
    RSS growth while keeping the features (after malloc_trim); transient = peak RSS during
    deduplicate minus RSS just before it (an RSS sampler thread also records the peak per phase)."""
    import ctypes
    import gc
    import shutil
    import tempfile
    import threading

    import numpy as np
    import xxhash

    def trim() -> None:
        gc.collect()
        ctypes.CDLL("libc.so.6").malloc_trim(0)

    def rss() -> int:
        return psutil.Process().memory_info().rss

    params = DedupParams()
    work = Path(tempfile.mkdtemp(prefix="dedup-flow-"))
    try:
        ids, quality, pub = [], [], []
        trim()
        r0 = rss()
        feats = []
        t = time.perf_counter()
        for f in sorted(folder.glob("*.jsonl")):
            rows = [json.loads(line) for line in f.open()]
            b_ids = [xxhash.xxh3_128_hexdigest(r["id"].encode()) for r in rows]
            batch = pd.DataFrame({"doc_id": b_ids, "text": [r["text"] for r in rows]})
            feats.append(prepare(batch, params, spill_dir=work / "features" if spill else None))
            ids += b_ids
            quality += [(xxhash.xxh3_64_intdigest(i.encode()) % 20) / 20 for i in b_ids]
            pub += [r.get("published") for r in rows]
            del rows, batch
        prepare_s = time.perf_counter() - t
        n = len(ids)
        frame_ = pd.DataFrame(
            {
                "doc_id": np.array(ids, dtype=object),
                "quality_score": quality,
                "published_at": pd.to_datetime(pub, utc=True, errors="coerce"),
            }
        )
        del ids, quality, pub
        trim()
        r1 = rss()
        counted = sum(
            f.doc_id.nbytes
            + f.digest.nbytes
            + f.n_words.nbytes
            + f.shingle_offsets.nbytes
            + f.band_keys.nbytes
            + (f.shingles.nbytes if f.shingles is not None else 0)
            for f in feats
        )
        runs = []
        for k in range(repeat):
            trim()
            before = rss()
            samples: list[tuple[float, int]] = []
            stop = threading.Event()

            def sample(samples: list = samples, stop: threading.Event = stop) -> None:
                while not stop.is_set():
                    samples.append((time.perf_counter(), rss()))
                    time.sleep(0.002)

            th = threading.Thread(target=sample, daemon=True)
            th.start()
            t0, c0 = time.perf_counter(), time.process_time()
            res = deduplicate(frame_, params, state_out=work / f"state-{k}", features=feats)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            stop.set()
            th.join()
            phases, acc = {}, t0
            for name, sec in res.stats["timings_s"].items():
                inside = [r for tt, r in samples if acc <= tt < acc + sec]
                phases[name] = round((max(inside) - before) / 2**20) if inside else None
                acc += sec
            peak = max(r for _, r in samples) if samples else before
            runs.append((wall, cpu, (peak - before) / 2**20, phases, res.stats))
            del res
            shutil.rmtree(work / f"state-{k}", ignore_errors=True)
        best = min(runs, key=lambda r: r[0])
        s = best[4]
        return {
            "docs": n,
            "spill": spill,
            "prepare_s_single_process": round(prepare_s, 1),
            "retained_bytes_per_doc_rss": round((r1 - r0 - frame_.memory_usage(deep=True).sum()) / n),
            "retained_bytes_per_doc_arrays": round(counted / n),
            "dedup_wall_s": [round(r[0], 2) for r in runs],
            "dedup_cpu_s": [round(r[1], 2) for r in runs],
            "dedup_transient_peak_mb": [round(r[2]) for r in runs],
            "dedup_transient_bytes_per_doc": round(min(r[2] for r in runs) * 2**20 / n),
            "transient_peak_mb_by_phase": best[3],
            "timings_s": s["timings_s"],
            "near_dups": s["near_dups"],
            "exact_dups": s["exact_dups"],
            "candidate_pairs": s["candidate_pairs"],
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="*", default=[])
    ap.add_argument("--one", type=int, default=None)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--no-datasketch", action="store_true")
    ap.add_argument("--dup-rate", type=float, default=None, help="scaled corpus 'news' profile")
    ap.add_argument("--repeat", type=int, default=None, help="runs per size (default 5 at 22k, 2 above)")
    ap.add_argument(
        "--flow", type=Path, default=None, help="corpus folder of JSONL files: flow-shaped memory"
    )
    ap.add_argument("--spill", action="store_true", help="with --flow: prepare(..., spill_dir=...)")
    ap.add_argument(
        "--sample-bits",
        type=int,
        default=None,
        help="with --one/--sizes: story samples, 1 in 2^bits shingles",
    )
    args = ap.parse_args()
    if args.flow is not None:
        print(json.dumps(flow_memory(args.flow, args.spill, args.repeat or 2), indent=1))
        return
    if args.one is not None:
        rep = args.repeat or (5 if args.one == 0 else 2)
        params = DedupParams() if args.sample_bits is None else DedupParams(sample_bits=args.sample_bits)
        print(json.dumps(one(args.one, args.seed, args.dup_rate, rep, params)))
        return
    results: dict = {}
    if not args.sizes:
        docs = base_corpus()
        if not docs:
            print("corpora absent (set FACTSIEVE_SHARED); skipping")
            return
        df = frame(docs)
        deduplicate(df.head(500))  # warm-up (imports, allocator)
        rep = args.repeat or 5
        results["22k"] = {"factsieve": bench_factsieve(df, DedupParams(), repeat=rep)}
        results["22k"]["factsieve_2_threads"] = bench_factsieve(df, DedupParams(workers=2), repeat=rep)
        results["22k"]["prepare_on_2_processes"] = bench_prepared(df, DedupParams(), 2, rep, 2048)
        if not args.no_datasketch:
            results["22k"]["datasketch"] = bench_datasketch(df, DedupParams())
            results["22k"]["rensa"] = bench_rensa(df, DedupParams())
        results["22k"]["subprocess"] = json.loads(
            subprocess.run(
                [sys.executable, __file__, "--one", "0", "--repeat", str(rep)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
    for n in args.sizes:
        extra = ["--dup-rate", str(args.dup_rate)] if args.dup_rate is not None else []
        extra += ["--repeat", str(args.repeat)] if args.repeat else []
        extra += ["--sample-bits", str(args.sample_bits)] if args.sample_bits is not None else []
        r = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--seed", str(args.seed), *extra],
            capture_output=True,
            text=True,
            check=True,
        )
        results[str(n) + ("" if args.dup_rate is None else f"-news{args.dup_rate}")] = json.loads(r.stdout)
    print(json.dumps(results, indent=1))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
