"""CPU seconds a pool worker spends per batch, as the flow's batch stage runs it.

    .venv/bin/python benchmarks/batch_worker_cpu.py [--corpus DIR] [--rounds 1] [--profile]
    PYTHONPATH=<snapshot of another revision> .venv/bin/python benchmarks/batch_worker_cpu.py

Every batch of ``--corpus`` (default: the e2e benchmark's real corpus, ``benchmarks/.work/
corpus-real-10000``: 22,004 BBC + Reuters documents in 5 batches of <= 8 MiB) goes through the run's
own worker pool (``factsieve.batch.workers``: the fork server with its preloaded modules, two
workers) and ``staged.run_and_stage``, the task a batch task hands to a worker; each worker times its
call with ``time.process_time`` (its own CPU, so the other worker and other load on the machine
disturb it less than wall time), and the part of that spent in the garbage collector. Printed per round: the sum over batches, CPU ms per document, and
the per-batch figures; with ``--json`` one JSON line per round (for alternated A/B runs of two
revisions, each in its own process).

``--profile`` instead runs the first batch twice in this process (the second one timed) under
cProfile with a CPU clock and prints the top functions by own time and cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import pstats
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from factsieve.batch import staged, workers
from factsieve.config import RunConfig
from factsieve.ingest import parts as splitting
from factsieve.ingest.sources import discover

CORPUS = Path(__file__).resolve().parent / ".work" / "corpus-real-10000"
INGESTED_AT = pd.Timestamp("2026-12-06T00:00:00Z")


class _GcClock:
    """CPU seconds this process spent in the cyclic garbage collector (gc.callbacks)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._start = 0.0
        gc.callbacks.append(self)

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.seconds += time.process_time() - self._start


_gc_clock: _GcClock | None = None


def timed_batch(stage_dir: str, index: int, batch: list, cfg: RunConfig) -> dict:
    """One batch on a worker; its CPU seconds as the worker saw them, and those in the collector."""
    global _gc_clock
    _gc_clock = _gc_clock or _GcClock()
    gc0 = _gc_clock.seconds
    t0 = time.process_time()
    done = staged.run_and_stage(Path(stage_dir), index, batch, "bench", INGESTED_AT, cfg.limits, cfg.dedup)
    cpu = time.process_time() - t0
    return {
        "index": index,
        "cpu": cpu,
        "gc": _gc_clock.seconds - gc0,
        "docs": done.documents,
        "sentences": done.sentences,
        "pid": os.getpid(),
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def batches(corpus: Path, cfg: RunConfig) -> list[list]:
    parts = [p for f in discover(str(corpus)) for p in splitting.split_parts(f, cfg.batch_bytes)]
    return [[p] for p in parts]


def one_round(plan: list[list], cfg: RunConfig, n_workers: int) -> list[dict]:
    stage_dir = tempfile.mkdtemp(prefix="factsieve-batch-cpu-")
    try:
        with workers.batch_pool(n_workers) as pool_id:
            executor = workers._pools[pool_id]
            futures = [executor.submit(timed_batch, stage_dir, i, b, cfg) for i, b in enumerate(plan)]
            return [f.result() for f in futures]
    finally:
        shutil.rmtree(stage_dir, ignore_errors=True)


def profile(plan: list[list], cfg: RunConfig, top: int) -> None:
    stage_dir = tempfile.mkdtemp(prefix="factsieve-batch-cpu-")
    try:
        timed_batch(stage_dir, 0, plan[0], cfg)  # warm: caches, lazy imports
        prof = cProfile.Profile(time.process_time)
        prof.runcall(timed_batch, stage_dir, 1, plan[0], cfg)
    finally:
        shutil.rmtree(stage_dir, ignore_errors=True)
    stats = pstats.Stats(prof)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--tag", default="")
    ap.add_argument("--json", action="store_true", help="one JSON line per round on stdout")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(
            f"no corpus at {args.corpus}: write it with benchmarks/e2e_bench.py --sizes real", file=sys.stderr
        )
        return 2
    cfg = RunConfig()
    plan = batches(args.corpus, cfg)
    if args.profile:
        profile(plan, cfg, args.top)
        return 0
    for _ in range(args.rounds):
        done = one_round(plan, cfg, args.workers)
        cpu = sum(d["cpu"] for d in done)
        docs = sum(d["docs"] for d in done)
        row = {
            "tag": args.tag,
            "code": str(Path(staged.__file__).resolve().parents[2]),
            "batches": len(done),
            "docs": docs,
            "sentences": sum(d["sentences"] for d in done),
            "cpu": round(cpu, 4),
            "ms_per_doc": round(1000 * cpu / max(docs, 1), 4),
            "gc": round(sum(d["gc"] for d in done), 4),
            "per_batch": [round(d["cpu"], 4) for d in done],
            "load": round(os.getloadavg()[0], 2),
            "worker_peak_rss_mb": round(max(d["maxrss_mb"] for d in done)),
        }
        if args.json:
            print(json.dumps(row), flush=True)
        else:
            print(
                f"{row['code']}: {len(done)} batches, {docs:,} docs, {row['sentences']:,} sentences: "
                f"{cpu:.2f} CPU-s = {row['ms_per_doc']:.3f} ms/doc, {row['gc']:.2f} in gc (per batch {row['per_batch']}, "
                f"median {statistics.median(row['per_batch']):.2f}; worker peak RSS {row['worker_peak_rss_mb']} MB; load {row['load']})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
