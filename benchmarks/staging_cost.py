"""CPU seconds of handing one batch from a worker to the flow's process, per side.

    .venv/bin/python benchmarks/staging_cost.py [--rounds 5]
    PYTHONPATH=<checkout of an older revision> .venv/bin/python benchmarks/staging_cost.py

Runs ``pipeline.run_batch`` once on the first ~8 MB part of the e2e benchmark's real corpus
(``benchmarks/.work/corpus-real-10000``, written by ``e2e_bench.py --sizes real``), then times, in
rounds, what happens to that batch after it is made (``time.process_time``):

* worker side: with ``factsieve.batch.staged`` (this revision), writing the batch's Parquet parts and
  pickling the small ``StagedBatch``; before it, pickling the batch's frames and features.
* flow side: unpickling what came back, and the assembler's work for the batch including closing the
  run's files (the stitch of the parts, or the Parquet writers' close), i.e. what the flow's process
  spends per batch on the core the workers need.
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd

from factsieve.batch import pipeline
from factsieve.config import RunConfig
from factsieve.ingest import parts as splitting
from factsieve.ingest.sources import discover
from factsieve.output import assemble

try:
    from factsieve.batch import staged
except ImportError:  # a revision before workers staged their own parts
    staged = None

CORPUS = Path(__file__).resolve().parent / ".work" / "corpus-real-10000"


def one_round(result, features, total_bytes: int, batch_bytes: int) -> tuple[float, float]:
    stage = Path(tempfile.mkdtemp(prefix="factsieve-staging-cost-"))
    clock = time.process_time
    try:
        t0 = clock()
        if staged is not None:
            blob = pickle.dumps(staged.stage(result, features, stage, 0), protocol=pickle.HIGHEST_PROTOCOL)
        else:
            blob = pickle.dumps((result, features), protocol=pickle.HIGHEST_PROTOCOL)
        worker = clock() - t0
        t0 = clock()
        asm = assemble.RunAssembler(stage, "cost", total_bytes)
        back = pickle.loads(blob)
        if staged is not None:
            asm.add(back, batch_bytes=batch_bytes)
        else:
            res, feats = back
            asm.add(res, feats.spill(stage / "dedup-features"), batch_bytes=batch_bytes)
        asm.close_batches()
        flow = clock() - t0
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return worker, flow


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    cfg = RunConfig()
    parts = [p for f in discover(str(CORPUS)) for p in splitting.split_parts(f, cfg.batch_bytes)]
    batch = parts[:1]
    result, features = pipeline.run_batch(batch, "cost", pd.Timestamp.now(tz="UTC"), cfg.limits, cfg.dedup)
    size = sum(p.size for p in batch)
    print(
        f"{'staged' if staged else 'pickled'}: {len(result.documents):,} documents, "
        f"{len(result.sentences):,} sentences, {size / 1e6:.1f} MB of input"
    )
    w, f = zip(*(one_round(result, features, size, size) for _ in range(args.rounds)), strict=True)
    print(f"worker side CPU-s: median {statistics.median(w):.3f} (best {min(w):.3f})")
    print(f"flow side CPU-s:   median {statistics.median(f):.3f} (best {min(f):.3f})")


if __name__ == "__main__":
    main()
