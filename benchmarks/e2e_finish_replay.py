"""The serial steps after a run's batch stage, replayed at full size from a kept output folder.

A million-document run takes ~10 minutes on two quiet cores, most of it in the batch stage; the
steps after it (the dedup input, deduplication, finishing the documents) run on one core while the
other idles. This replays two of them on a kept run's own data, in one process of the tree on
``PYTHONPATH``, so two trees can be compared alternately at full size in minutes:

* ``prep`` (once per tree: the staged files are that tree's): the run's documents are cut back into
  the batch stage's staged files (the documents without dedup columns, uncompressed, ``--batch-docs``
  a file; since round 12 with the workers' scores and flag bits, before it without scores), their
  light columns and (before round 12) label stats (``label_stats`` over the run's sentences), and
  the dedup assignments (the documents' dedup columns).
* ``run``: ``dedup_input`` + dedup's ``prepare_input`` (the dedup stage's input), then
  ``RunAssembler.finish_documents`` (the score stage: flags (and before round 12 scores), validate,
  write the documents file).
  Prints [wall s, CPU-s] of each, the CPU-s of finish_documents' own thread (what stays on the
  critical path when another core is free: the machine here is rarely quiet) and the sha256 of the
  documents file written.

    .venv/bin/python benchmarks/e2e_finish_replay.py prep OUT_FOLDER --work /tmp/replay
    cd /tmp && PYTHONPATH=TREE .venv/bin/python TREE/benchmarks/e2e_finish_replay.py run --work /tmp/replay
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq


def _part(out: Path, table: str) -> Path:
    runs = pq.read_table(out / "runs", columns=["run_id"]).column("run_id").to_pylist()
    return out / table / f"part-{runs[-1]}.parquet"


def prep(out: Path, work: Path, batch_docs: int) -> None:
    from factsieve.batch.pipeline import DEDUP_COLUMNS
    from factsieve.batch.staged import LIGHT_SCHEMA, STAGE1_SCHEMA, _write_part
    from factsieve.score import label_stats

    shutil.rmtree(work, ignore_errors=True)
    (work / "staged").mkdir(parents=True)
    docs = pq.read_table(_part(out, "documents"))
    n = docs.num_rows
    sents = pq.read_table(_part(out, "sentences"), columns=["doc_id", "label", "start", "end"])
    stats = label_stats(sents.to_pandas(types_mapper=pd.ArrowDtype), docs.column("doc_id").to_pandas())
    del sents
    stats_t = pa.Table.from_pandas(stats, preserve_index=False)
    scored = "flag_bits" in STAGE1_SCHEMA.names  # round 12: the workers score their documents
    if scored:
        from factsieve.score import document_scores

        light_in = docs.select(["doc_id", "word_count", "raw_chars", "removed_chars", "language"])
        bits = document_scores(light_in.to_pandas(types_mapper=pd.ArrowDtype), stats, aligned=True)[
            "flag_bits"
        ]
        docs = docs.append_column("flag_bits", pa.array(bits.to_numpy(), pa.uint16()))
    meta = []
    for i, lo in enumerate(range(0, n, batch_docs)):
        piece = docs.slice(lo, batch_docs)
        path = work / "staged" / f"{i:06d}.parquet"
        _write_part(piece.select(STAGE1_SCHEMA.names).cast(STAGE1_SCHEMA), path, STAGE1_SCHEMA, "none")
        meta.append([str(path), lo, piece.num_rows])
    pq.write_table(docs.select(LIGHT_SCHEMA.names).cast(LIGHT_SCHEMA), work / "light.parquet")
    pq.write_table(stats_t, work / "stats.parquet")
    pq.write_table(docs.select(["doc_id", *DEDUP_COLUMNS]), work / "assignments.parquet")
    (work / "batches.json").write_text(json.dumps(meta))
    print(f"{n:,} documents in {len(meta)} staged files under {work}")


def run(work: Path) -> dict:
    from factsieve.dedup.inputs import prepare_input
    from factsieve.output.assemble import RunAssembler
    from flows.curate import dedup_input

    meta = json.loads((work / "batches.json").read_text())
    light = pq.read_table(work / "light.parquet")
    stats = pq.read_table(work / "stats.parquet")
    before_round12 = hasattr(RunAssembler, "stats")
    assignments = pq.read_table(work / "assignments.parquet").to_pandas()
    stage = work / "stage"
    shutil.rmtree(stage, ignore_errors=True)
    asm = RunAssembler(stage, "replay", total_bytes=1)
    for i, (path, lo, rows) in enumerate(meta):
        linked = stage / "batches" / "documents-stage1" / f"{i:06d}.parquet"
        linked.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, linked)  # finish_documents removes the batches folder it read
        asm._parts.append({"documents-stage1": linked})
        asm._light.append(light.slice(lo, rows))
        if before_round12:
            asm._stats.append(stats.slice(lo, rows))
    res = {}
    w0, c0 = time.perf_counter(), time.process_time()
    frame = (
        dedup_input(asm.light_documents(), asm.stats())
        if before_round12
        else dedup_input(asm.light_documents())
    )
    prepare_input(frame, need_text=False)
    res["dedup_input"] = [round(time.perf_counter() - w0, 2), round(time.process_time() - c0, 2)]
    del frame
    w0, c0, t0 = time.perf_counter(), time.process_time(), time.thread_time()
    path, _ = asm.finish_documents(assignments)
    res["finish_documents"] = [round(time.perf_counter() - w0, 2), round(time.process_time() - c0, 2)]
    # CPU-s of the calling thread alone: the stage's critical path when another core is free
    res["finish_documents_own_thread"] = round(time.thread_time() - t0, 2)
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 24):
            h.update(chunk)
    res["documents_sha256"] = h.hexdigest()[:16]
    shutil.rmtree(stage, ignore_errors=True)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["prep", "run"])
    ap.add_argument("out", type=Path, nargs="?", help="a kept output folder (prep)")
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--batch-docs", type=int, default=5_000)
    ap.add_argument("--tag", default="")
    args = ap.parse_args(argv)
    if args.what == "prep":
        prep(args.out, args.work, args.batch_docs)
    else:
        print(json.dumps({"tag": args.tag, **run(args.work)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
