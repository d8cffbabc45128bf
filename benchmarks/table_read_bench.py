"""Ingest speed of a news table: a 100k-row CSV, TSV or Parquet file read into records the way a
run reads it (cut into parts of ``--batch-bytes``, each part read by ``read_input``), no cleaning.

    .venv/bin/python benchmarks/table_read_bench.py FILE [--batch-bytes 8388608]

Build the table yourself (outside the project) from ../shared/data, e.g. BBC and Reuters texts
drawn 100,000 times as ``id,title,text,subject,date``: docs/INGEST.md says how the quoted figures
were made. Prints rows/s; run it under ``/usr/bin/time -v`` for CPU seconds and peak memory.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from factsieve.ingest.read import read_input, split_parts
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--batch-bytes", type=int, default=8 * 1024 * 1024)
    args = ap.parse_args()
    path = args.file.resolve()
    whole = InputFile(str(path), path.stat().st_size, path.stat().st_mtime, rel=path.name)
    limits = IngestLimits()
    t0 = time.perf_counter()
    parts = split_parts(whole, args.batch_bytes, limits.max_record_chars)
    t1 = time.perf_counter()
    docs = rejects = 0
    taken: set[str] = set()
    for part in parts:
        res = read_input(part, limits, taken if part.is_part else None)
        docs, rejects = docs + len(res.docs), rejects + len(res.rejects)
        taken |= res.keys or set()
    t2 = time.perf_counter()
    rows = docs + rejects
    print(
        f"{path.name}: {len(parts)} parts (planned in {t1 - t0:.2f} s), {docs:,} documents, {rejects:,} rejects, "
        f"read in {t2 - t1:.2f} s: {rows / (t2 - t0):,.0f} rows/s overall"
    )


if __name__ == "__main__":
    main()
