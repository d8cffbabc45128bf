"""Arrow IPC files as data engineers download news corpora: a Hugging Face ``datasets`` folder
written by ``save_to_disk`` (``data-00000-of-00001.arrow``: the IPC *stream* format, beside
``dataset_info.json`` and ``state.json``), the cache files ``load_dataset`` leaves, and Feather v2 /
``.arrow`` files written by pandas, polars or R (the IPC *file* format: the stream with a footer).

One record per row, the columns read as a Parquet file's are (``columnar``): only the columns a
record can use are converted, one record batch at a time, so memory is a batch of those columns.
A large file is cut into parts of whole record batches (``parts``): a part reads the batches
before its own only to skip them (the stream format has no index), as a feed's parts re-parse.
Feather v1 (old pandas ``to_feather``, 2016-2019: not Arrow IPC, ``FEA1`` at both ends) is read
whole (pyarrow has no batch reader for it), within ``max_file_bytes``, as one part (round 10).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import BinaryIO

import pyarrow as pa
import pyarrow.feather as feather
import pyarrow.ipc as ipc

from factsieve.ingest import columnar

# The IPC file format opens and ends with this magic; the stream format opens with a message.
_FILE_MAGIC = b"ARROW1"
# Feather v1 opens and ends with this magic (a flatbuffer footer of its own, not an IPC message).
FEATHER_V1_MAGIC = b"FEA1"
# Rows per record batch a Feather v1 table (one chunk per column) is handed out in.
_V1_BATCH_ROWS = 10_000


class Table:
    """An open Arrow IPC file or stream: its column names and its record batches in order."""

    def __init__(self, fh: BinaryIO) -> None:
        head = fh.read(len(_FILE_MAGIC))
        fh.seek(0)
        self._v1: list[pa.RecordBatch] | None = None
        try:
            if head.startswith(FEATHER_V1_MAGIC):
                with warnings.catch_warnings():  # pyarrow deprecates writing and reading v1; we only read
                    warnings.simplefilter("ignore", DeprecationWarning)
                    table = feather.read_table(fh)
                self._file = self._stream = None
                self._v1 = table.to_batches(max_chunksize=_V1_BATCH_ROWS)
                self.names = table.schema.names
            elif head == _FILE_MAGIC:
                self._file = ipc.open_file(fh)
                self._stream = None
                self.names = self._file.schema.names
            else:
                self._file = None
                self._stream = ipc.open_stream(fh)
                self.names = self._stream.schema.names
        except columnar.ERRORS as exc:
            raise columnar.Unreadable(f"{type(exc).__name__}: {exc}") from None

    @property
    def is_v1(self) -> bool:
        return self._v1 is not None

    def batches(self, start: int = 0) -> Iterator[tuple[int, pa.RecordBatch]]:
        """``(number, batch)`` of the record batches from number ``start`` on, in order; a damaged
        or cut one raises (``rows`` reports it). The file format seeks to ``start`` by its footer;
        a stream has no index, so the batches before it are read and dropped."""
        if self._v1 is not None:
            yield from ((i, b) for i, b in enumerate(self._v1) if i >= start)
        elif self._file is not None:
            for i in range(start, self._file.num_record_batches):
                yield i, self._file.get_batch(i)
        else:
            for i, batch in enumerate(self._stream):
                if i >= start:
                    yield i, batch


def may_open(head: bytes) -> bool:
    """Whether a file opening with ``head`` may be Arrow IPC: the file format's magic, a stream's
    continuation marker, or (streams before Arrow 0.15) a plausible first message length. A 2 GB
    file of NULs is not: the manifest need not hash what the reader rejects at once."""
    if head.startswith((_FILE_MAGIC, b"\xff\xff\xff\xff", FEATHER_V1_MAGIC)):
        return True
    return len(head) >= 4 and 0 < int.from_bytes(head[:4], "little") < 1 << 24


def open_file(fh: BinaryIO) -> Table:
    """The Arrow IPC file or stream ``fh``, or ``columnar.Unreadable`` saying why."""
    return Table(fh)


def parts(table: Table, target_bytes: int) -> list[tuple[int, int, int, int]]:
    """``(first batch, end batch, first row number, bytes)`` of parts of whole record batches of
    about ``target_bytes`` of Arrow data each; rows are numbered from 1. Raises
    ``columnar.Unreadable`` for a file that breaks before its end (it is read whole: the reader
    keeps the rows before the break and rejects the rest)."""
    if table.is_v1:
        return []  # read whole: it was read whole to open it
    out: list[tuple[int, int, int, int]] = []
    start, first_row, row, size, n = 0, 1, 1, 0, 0
    try:
        for n, batch in ((i + 1, b) for i, b in table.batches()):
            size += batch.nbytes
            row += batch.num_rows
            if size >= target_bytes:
                out.append((start, n, first_row, size))
                start, first_row, size = n, row, 0
    except columnar.ERRORS as exc:
        raise columnar.Unreadable(f"{type(exc).__name__}: {exc}") from None
    if size or not out:
        out.append((start, n, first_row, size))
    return out


def rows(
    table: Table,
    batch_range: range | None,
    columns: list[str],
    first_row: int,
    max_cell_bytes: int = 0,
    fallback: tuple[list[str], set[str]] = ([], set()),
) -> Iterator[tuple[int, dict | None, str]]:
    """``(row number, record, problem)`` per row of the batches in ``batch_range`` (all when None),
    as ``columnar.rows`` gives them: a row that cannot be converted is a problem of its own; a batch
    that cannot be read (a cut download) is one problem for the rest of the part. ``fallback``
    (plain text columns, HTML columns among ``columns``): the HTML columns are converted only in a
    batch where a plain text column holds a null (a batch counts its nulls), and kept only in such a
    row, as Parquet does by its row groups' statistics (round 9; before, such a row was
    ``missing_text``)."""
    plain, pages = fallback
    without = [c for c in columns if c not in pages]
    row = first_row
    try:
        for i, batch in table.batches(batch_range.start if batch_range is not None else 0):
            if batch_range is not None and i >= batch_range.stop:
                return
            nulls = bool(pages) and any(batch.column(c).null_count for c in plain)
            for rec, problem in columnar.batch_records(
                batch.select(columns if nulls else without), max_cell_bytes
            ):
                if nulls and rec is not None and any(rec.get(c) is not None for c in plain):
                    rec = {k: v for k, v in rec.items() if k not in pages}
                yield row, rec, problem
                row += 1
    except columnar.ERRORS as exc:
        yield row, None, f"this row and any after it cannot be read: {type(exc).__name__}: {exc}"
