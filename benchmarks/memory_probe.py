"""Peak memory of the domain stages without Prefect, GX or the report.

    .venv/bin/python benchmarks/memory_probe.py benchmarks/.work/corpus-220000-10000

Runs pipeline.process_batch -> assemble.RunAssembler -> dedup -> finish_documents one batch at a
time, as the flow does, and prints current and peak RSS after each step (docs/BENCHMARKS.md quotes
it). Make the corpus folders with benchmarks/e2e_bench.py.
"""

from __future__ import annotations

import resource
import sys
import tempfile
from pathlib import Path

import pandas as pd
import psutil

from factsieve import dedup
from factsieve.batch import pipeline, staged
from factsieve.config import RunConfig
from factsieve.ingest.sources import discover
from factsieve.output import assemble
from flows.curate import group_batches

PROC = psutil.Process()


def rss(tag: str) -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    print(f"{tag:30s} rss={PROC.memory_info().rss / 1e6:8.0f} MB  peak={peak:8.0f} MB", flush=True)


def main(raw: str) -> None:
    cfg = RunConfig()
    stage = Path(tempfile.mkdtemp(prefix="factsieve-memprobe-"))
    files = discover(raw)
    batches = group_batches(files, cfg.batch_bytes, cfg.batch_files)
    rss("start")
    asm = assemble.RunAssembler(stage, "probe", sum(f.size for f in files))
    now = pd.Timestamp.now(tz="UTC")
    for i, batch in enumerate(batches):
        result = pipeline.process_batch(batch, "probe", now, cfg.limits)
        if i == 0:
            rss("after first process_batch")
        features = dedup.prepare(result.documents[["doc_id", "text"]], cfg.dedup)
        asm.add(staged.stage(result, features, stage, i), batch_bytes=sum(f.size for f in batch))
        del result, features
        if i in (0, len(batches) // 2, len(batches) - 1):
            rss(f"after add {i}")
    asm.close_batches()
    rss("closed")
    light = asm.light_documents()
    frame = pd.DataFrame(
        {
            "doc_id": light["doc_id"].astype(str).to_numpy(),
            "quality_score": light["quality_score"].to_numpy(dtype="float64"),
            "published_at": pd.to_datetime(light["published_at"], utc=True).to_numpy(),
        }
    )
    dd = dedup.deduplicate(frame, cfg.dedup, state_out=stage / "dedup", features=asm.features)
    asm.features = []
    rss("dedup")
    asm.finish_documents(dd.assignments)
    rss("finish_documents")
    sample = asm.sentence_sample()
    rss(f"sample {len(sample)}")


if __name__ == "__main__":
    main(sys.argv[1])
