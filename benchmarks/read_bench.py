"""Ingest speed and memory of one large input file (a 100k-row CSV, TSV or Parquet table, a WET or
.warc.wet.gz crawl file, a .jsonl.gz dump, an RSS feed or a Reuters .sgm: benchmarks/build_feeds.py; a
zip of stories or a CC-NEWS-like .warc/.warc.gz: benchmarks/build_archives.py) read into records the way a run reads it: cut into parts
of ``--batch-bytes`` (a gzip file streamed into a spool folder first), each part read by
``read_input``; no cleaning. ``--whole`` reads it whole instead (as before parts existed; raise
``--max-file-bytes`` for that).

    .venv/bin/python benchmarks/read_bench.py FILE [--batch-bytes 8388608] [--whole] [--max-file-bytes N]

Build the table yourself (outside the project) from ../shared/data, e.g. BBC and Reuters texts
drawn 100,000 times as ``id,title,text,subject,date``: docs/INGEST.md says how the quoted figures
were made. Prints rows/s; run it under ``/usr/bin/time -v`` for CPU seconds and peak memory.
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from pathlib import Path

from factsieve.ingest.parts import split_gzip_parts, split_parts
from factsieve.ingest.read import read_input
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--batch-bytes", type=int, default=8 * 1024 * 1024)
    ap.add_argument("--whole", action="store_true", help="read the file whole, no parts")
    ap.add_argument("--max-file-bytes", type=int, default=None)
    args = ap.parse_args()
    path = args.file.resolve()
    whole = InputFile(str(path), path.stat().st_size, path.stat().st_mtime, rel=path.name)
    limits = IngestLimits()
    if args.max_file_bytes:
        limits = dataclasses.replace(limits, max_file_bytes=args.max_file_bytes)
    spool = tempfile.TemporaryDirectory(prefix="read_bench_")
    t0 = time.perf_counter()
    parts = [whole]
    if not args.whole:
        parts = [
            p
            for g in split_gzip_parts(whole, args.batch_bytes, limits, Path(spool.name))
            for p in split_parts(g, args.batch_bytes, limits.max_record_chars)
        ]
    t1 = time.perf_counter()
    docs = rejects = 0
    taken: set[str] = set()
    for part in parts:
        res = read_input(part, limits, taken if part.is_part else None)
        docs, rejects = docs + len(res.docs), rejects + len(res.rejects)
        taken |= res.keys or set()
    t2 = time.perf_counter()
    spool.cleanup()
    rows = docs + rejects
    print(
        f"{path.name}: {len(parts)} parts (planned in {t1 - t0:.2f} s), {docs:,} documents, {rejects:,} rejects, "
        f"read in {t2 - t1:.2f} s: {rows / (t2 - t0):,.0f} rows/s, "
        f"{whole.size / 1e6 / (t2 - t0):.1f} MB/s of the file overall"
    )


if __name__ == "__main__":
    main()
