"""Parquet files as Hugging Face datasets ship news (cc_news, xsum, cnn_dailymail, multi_news): one
record per row, the text in a ``text``/``article``/``document`` column, sometimes a struct or a list
of paragraphs.

Read with pyarrow a batch of rows at a time, and only the columns a record can use (the text, title,
url, date and id columns and their aliases), so memory is a batch of those columns, not the file:
a cnn_dailymail file's ``highlights``, an image column, never leave the disk. A large file is cut
into parts of whole row groups (``parts``), which the workers read side by side. The raw file is
only read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import BinaryIO

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from factsieve.ingest.records import folds_to_a_field

_BATCH_ROWS = 1024
# UnicodeDecodeError is a ValueError; OverflowError: a date or time Python cannot hold (year 2,941,758
# as a date32, a timestamp in seconds past year 9999) used to end the whole run.
ERRORS = (pa.ArrowException, OSError, ValueError, OverflowError)


class Unreadable(Exception):
    """Not a Parquet file pyarrow can read: truncated, damaged, or another format under the name."""


def open_file(fh: BinaryIO) -> pq.ParquetFile:
    """The Parquet file ``fh`` (its footer read), or ``Unreadable`` saying why."""
    try:
        return pq.ParquetFile(fh)
    except ERRORS as exc:
        raise Unreadable(f"{type(exc).__name__}: {exc}") from None


def wanted_columns(names: list[str], fields: set[str]) -> list[str]:
    """The columns a record reads: those named in ``fields`` (field names and aliases), and for a
    dotted name ("article.body") the column it starts in."""
    tops = fields | {f.split(".", 1)[0] for f in fields}
    return [n for n in names if n in tops or folds_to_a_field(n)]  # "Text", "Headline" (round 17)


def parts(pf: pq.ParquetFile, target_bytes: int) -> list[tuple[int, int, int, int]]:
    """``(first row group, end row group, first row number, bytes)`` of parts of whole row groups of
    about ``target_bytes`` of uncompressed data each; rows are numbered from 1. A row group larger
    than the target is a part of its own: rows are only cut where the file cuts them."""
    meta = pf.metadata
    out: list[tuple[int, int, int, int]] = []
    start, first_row, row, size = 0, 1, 1, 0
    for g in range(meta.num_row_groups):
        group = meta.row_group(g)
        size += group.total_byte_size
        row += group.num_rows
        if size >= target_bytes or g == meta.num_row_groups - 1:
            out.append((start, g + 1, first_row, size))
            start, first_row, size = g + 1, row, 0
    return out


def row_count(pf: pq.ParquetFile, groups: range) -> int:
    return sum(pf.metadata.row_group(g).num_rows for g in groups)


def may_hold_null(pf: pq.ParquetFile, group: int, columns: list[str]) -> bool:
    """Whether a column of ``columns`` may hold a null in row group ``group``: its statistics count
    one, or keep no count (a struct or list column: any of its leaves)."""
    meta = pf.metadata.row_group(group)
    wanted = set(columns)
    for i in range(meta.num_columns):
        col = meta.column(i)
        if col.path_in_schema.split(".", 1)[0] in wanted:
            stats = col.statistics
            if stats is None or not stats.has_null_count or stats.null_count:
                return True
    return False


def runs(groups: range, test: Callable[[int], bool]) -> Iterator[tuple[range, bool]]:
    """``groups`` as runs of consecutive row groups with the same ``test``, in order."""
    start, value = groups.start, None
    for g in groups:
        v = test(g)
        if value is not None and v != value:
            yield range(start, g), value
            start = g
        value = v
    if value is not None:
        yield range(start, groups.stop), value


def _plain(value: object) -> object:
    """A cell as a JSON record would hold it: a date or time as its ISO text (``published``)."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        # A BINARY column without the UTF8 annotation: how Hive, Impala and older Spark wrote strings
        # (Spark's spark.sql.parquet.binaryAsString). Text when it is UTF-8; other bytes stay bytes,
        # and a text, title or id of bytes is malformed_record, as before.
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value
    return value


def rows(
    pf: pq.ParquetFile,
    groups: range,
    columns: list[str],
    first_row: int,
    max_cell_bytes: int = 0,
    max_group_bytes: int = 0,
) -> Iterator[tuple[int, dict | None, str]]:
    """``(row number, record, problem)`` per row of ``groups``: the record holds the cells of
    ``columns``, a null one as None. A row whose cells cannot be converted (a string that is not UTF-8) is a problem of
    its own; when a batch cannot be read at all (a damaged page), one problem stands for that row
    and all after it in ``groups``, with their count: what follows cannot be reached. A row group
    whose footer states more than ``max_group_bytes`` (when given) of those columns uncompressed is
    one ``Oversized`` problem for its rows, never decompressed (a column bomb: round 8)."""
    row = first_row
    last = first_row + row_count(pf, groups) - 1
    try:
        for g in groups:
            n, size = pf.metadata.row_group(g).num_rows, _stated_bytes(pf, g, columns)
            if max_group_bytes and size > max_group_bytes:
                rest = f"this row and the {n - 1:,} after it" if n > 1 else "this row"
                yield (
                    row,
                    None,
                    Oversized(
                        f"{rest} (row group {g}) state {size:,} bytes uncompressed, more than "
                        f"{max_group_bytes:,} (max_gzip_ratio times the file, at least max_file_bytes): not read"
                    ),
                )
                row += n
                continue
            batches = pf.iter_batches(
                batch_size=_BATCH_ROWS, row_groups=[g], columns=columns, use_threads=False
            )
            for batch in batches:
                for rec, problem in batch_records(batch, max_cell_bytes):
                    yield row, rec, problem
                    row += 1
    except ERRORS as exc:
        rest = f"this row and the {last - row:,} after it" if last > row else "this row"
        yield row, None, f"{rest} cannot be read: {type(exc).__name__}: {exc}"


def _stated_bytes(pf: pq.ParquetFile, group: int, columns: list[str]) -> int:
    """The uncompressed bytes the footer states for ``columns`` (and their nested leaves) in ``group``."""
    meta = pf.metadata.row_group(group)
    wanted = set(columns)
    return sum(
        meta.column(i).total_uncompressed_size
        for i in range(meta.num_columns)
        if meta.column(i).path_in_schema.split(".", 1)[0] in wanted
    )


class Oversized(str):
    """A row's problem: a cell too large for any record (a ``too_large`` reject, not a damaged file)."""


def _oversized(batch: pa.RecordBatch, max_cell_bytes: int) -> dict[int, str]:
    """Rows of ``batch`` with a string or binary cell over ``max_cell_bytes``, and why. A column of
    one repeated character compresses ~30,000:1 (zstd): a 7 KB Feather or Parquet file held a
    200 MB text, and turning it into Python strings took 950 MB / 1.4 GB (round 8); its length is
    read from the Arrow offsets instead, and the row is never converted."""
    out: dict[int, str] = {}
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        t = column.type
        if pa.types.is_dictionary(t):
            t = t.value_type
        if not (
            pa.types.is_string(t)
            or pa.types.is_large_string(t)
            or pa.types.is_binary(t)
            or pa.types.is_large_binary(t)
        ):
            continue
        lengths = pc.binary_length(
            column.dictionary_decode() if pa.types.is_dictionary(column.type) else column
        )
        for i in pc.indices_nonzero(pc.fill_null(pc.greater(lengths, max_cell_bytes), False)).to_pylist():
            size = lengths[i].as_py()
            out.setdefault(i, f"'{name}' holds {size:,} bytes, more than any record may (max_record_chars)")
    return out


def batch_records(batch: pa.RecordBatch, max_cell_bytes: int = 0) -> Iterator[tuple[dict | None, str]]:
    """The rows of ``batch`` as records; converted one by one only when the batch as a whole fails,
    so one bad cell costs its row. A row with a cell over ``max_cell_bytes`` (when given) is an
    ``Oversized`` problem, never converted."""
    big = _oversized(batch, max_cell_bytes) if max_cell_bytes else {}
    try:
        recs = None if big else batch.to_pylist()
    except ERRORS:
        recs = None
    for i in range(batch.num_rows):
        if i in big:
            yield None, Oversized(big[i])
            continue
        if recs is not None:
            rec = recs[i]
        else:
            try:
                rec = _row(batch.slice(i, 1))
            except ERRORS as exc:
                yield None, f"the row cannot be read: {type(exc).__name__}: {exc}"
                continue
        # Null cells are kept (as None): the reader drops them, and names a null text column.
        yield {k: _plain(v) for k, v in rec.items()}, ""


def _row(one: pa.RecordBatch) -> dict:
    """The one row of ``one``; when a date or time in it is beyond what Python can hold, the row
    without its date and time columns: such a date would be null anyway (outside [1900, now]), and
    the text must not be lost for it."""
    try:
        return one.to_pylist()[0]
    except OverflowError:
        kept = [i for i, t in enumerate(one.schema.types) if not pa.types.is_temporal(t)]
        return one.select(kept).to_pylist()[0]
