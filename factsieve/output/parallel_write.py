"""One Parquet file written chunk by chunk on threads: each chunk's pages are encoded and compressed
while the caller prepares the next one, then the chunks are joined without decoding a page.

``finish_documents`` writes a run's documents (a million documents: ~1 GB of text, zstd) after
deduplication, when the batch stage's workers are gone and one core would idle: the flow's thread
scores and validates a chunk (pandas, pandera: Python, holding the GIL) while Arrow encodes earlier
chunks on other threads (its Parquet writer releases the GIL). Each chunk becomes a Parquet file of
its own, written exactly as ``StagedTable`` writes that chunk (same schema, compression and row
group size), and ``close`` joins them in order with ``factsieve.output.stitch``: the same row groups,
the same pages, the file a single writer would have written.
"""

from __future__ import annotations

import os
import shutil
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from factsieve.output import stitch
from factsieve.output.publish import ROW_GROUP_ROWS, ZSTD_LEVEL, write_parquet


def _write_chunk(table: pa.Table, schema: pa.Schema, path: Path) -> Path:
    # As StagedTable.write does for one chunk: its row groups are those the single writer made.
    with pq.ParquetWriter(path, schema, compression="zstd", compression_level=ZSTD_LEVEL) as writer:
        writer.write_table(table.cast(schema), row_group_size=ROW_GROUP_ROWS)
    return path


class ParallelTable:
    """``StagedTable``'s ``write``/``close`` for one zstd Parquet file, chunks encoded on
    ``threads`` threads; at most ``threads + 1`` chunks wait to be written (memory is bounded by
    the chunk, as before)."""

    def __init__(self, path: Path, schema: pa.Schema, threads: int | None = None):
        self.path = path
        self.schema = schema
        self.rows = 0
        self._threads = max(1, threads or os.cpu_count() or 1)
        self._folder = path.with_name(f".{path.name}.chunks")
        self._pool: ThreadPoolExecutor | None = None
        self._pending: deque[Future[Path]] = deque()
        self._parts: list[Path] = []

    def write(self, table: pa.Table) -> None:
        if not table.num_rows:
            return
        if self._pool is None:
            self._folder.mkdir(parents=True, exist_ok=True)
            self._pool = ThreadPoolExecutor(self._threads, thread_name_prefix="factsieve-parquet")
        while len(self._pending) > self._threads:
            self._pending.popleft().result()  # raises a chunk's write error here, in order
        path = self._folder / f"chunk-{len(self._parts):06d}.parquet"
        self._parts.append(path)
        self._pending.append(self._pool.submit(_write_chunk, table, self.schema, path))
        self.rows += table.num_rows

    def close(self) -> Path:
        try:
            while self._pending:
                self._pending.popleft().result()
            if not self._parts:
                write_parquet(self.schema.empty_table(), self.path)
            else:
                stitch.stitch(self._parts, self.path)  # fsynced, renamed into place
        finally:
            self.abort()
        return self.path

    def abort(self) -> None:
        """Stop the threads and remove the chunk files (``close`` does this too)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._pending.clear()
        shutil.rmtree(self._folder, ignore_errors=True)
