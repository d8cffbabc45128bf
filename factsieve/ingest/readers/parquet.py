"""Parquet tables (Hugging Face datasets): one record per row, a batch of row groups at a time
(``factsieve.ingest.columnar``); Arrow IPC files (Feather, Hugging Face ``save_to_disk``) alike, a
record batch at a time (``factsieve.ingest.arrow_ipc``)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import pyarrow.parquet as pq

from factsieve.ingest import (
    arrow_ipc,
    columnar,
    compressed,
)
from factsieve.ingest.readers.base import (
    IngestResult,
    file_reject,
    permanent,
)
from factsieve.ingest.readers.entries import (
    no_text_column,
    read_records,
    text_columns,
)
from factsieve.ingest.records import (
    FIELD_ALIASES,
    HTML_TEXT_FIELDS,
    record_field_names,
)
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.vocabulary import (
    CORRUPT_FILE,
    EMPTY,
    MISSING_TEXT,
    READ_ERROR,
    TOO_LARGE,
)

log = logging.getLogger(__name__)


def read_parquet(
    inp: InputFile, limits: IngestLimits, taken: set[str] | None, fmt: str = "parquet"
) -> IngestResult:
    """One document or reject per row of a Parquet file, or of a part of its row groups
    (``factsieve.ingest.columnar``), or of an Arrow IPC file (``fmt`` "arrow": a part is a range
    of record batches, ``arrow_ipc``); the columns are read as a JSON record's fields are."""
    try:
        with inp.open() as fh:
            file_bytes = fh.seek(0, os.SEEK_END)  # the file's (a part's size is its uncompressed bytes)
            fh.seek(0)
            if fmt == "arrow" and file_bytes > limits.max_file_bytes:
                if fh.read(4) == arrow_ipc.FEATHER_V1_MAGIC:  # read whole: the batches come from one table
                    detail = (
                        f"a Feather v1 file of {file_bytes:,} bytes > limit {limits.max_file_bytes:,} "
                        "(max_file_bytes; v1 is read whole): rewrite it as Feather v2 or Parquet"
                    )
                    return file_reject(inp, fmt, TOO_LARGE, detail, inp.size)
                fh.seek(0)
            pf = columnar.open_file(fh) if fmt == "parquet" else arrow_ipc.open_file(fh)
            names = pf.schema_arrow.names if fmt == "parquet" else pf.names
            if not text_columns(names, limits.text_field):
                return file_reject(inp, fmt, MISSING_TEXT, no_text_column(names, limits.text_field), inp.size)
            fields = record_field_names(limits.text_field, limits.title_field)
            cell_cap = 4 * limits.max_record_chars  # bytes no text of max_record_chars exceeds in UTF-8
            if fmt == "arrow":
                # A row whose plain text is null falls back to an HTML column, batch by batch (each
                # counts its nulls), as Parquet's row groups by their statistics (round 9).
                plain, pages = _fallback_columns(names, limits.text_field)
                batches = range(inp.start, inp.end) if inp.is_part else None
                columns = columnar.wanted_columns(names, fields)
                fallback = (plain, {c for c in columns if c in pages})
                found = arrow_ipc.rows(pf, batches, columns, inp.first_line, cell_cap, fallback)
            else:
                groups = range(inp.start, inp.end) if inp.is_part else range(pf.metadata.num_row_groups)
                # a column bomb's row group is refused from the footer, before it is decompressed
                group_cap = compressed.stream_cap(file_bytes, limits.max_file_bytes, limits.max_gzip_ratio)
                caps = (cell_cap, group_cap)
                found = _rows(pf, groups, names, fields, limits.text_field, inp.first_line, caps)
            entries = (
                (
                    f"row:{n}",
                    n,
                    None if problem == "" else "",
                    rec,
                    ((TOO_LARGE if isinstance(problem, columnar.Oversized) else CORRUPT_FILE), problem)
                    if problem
                    else None,
                )
                for n, rec, problem in found
            )
            res = read_records(inp, entries, "utf-8", limits, fmt, taken, unit="row")
            return res if res.docs or res.rejects else file_reject(inp, fmt, EMPTY, "no rows", inp.size)
    except columnar.Unreadable as exc:
        kind = "a Parquet file" if fmt == "parquet" else "an Arrow IPC (Feather, Hugging Face) file"
        detail = f"not {kind} that can be read (truncated or damaged: {exc})"
        return file_reject(inp, fmt, CORRUPT_FILE, detail, inp.size)
    except OSError as exc:
        if not permanent(exc):
            raise
        return file_reject(inp, fmt, READ_ERROR, f"{type(exc).__name__}: {exc}", inp.size)


def _rows(
    pf: pq.ParquetFile,
    groups: range,
    names: list[str],
    fields: set[str],
    text_field: str,
    first: int,
    caps: tuple[int, int],
) -> Iterator[tuple[int, dict | None, str]]:
    """``columnar.rows`` of the columns a record reads. A plain text column wins over an HTML one
    (``HTML_TEXT_FIELDS``), row by row as in JSON: the page column (often ten times the text) is read
    only in the row groups where a plain text column may be null (its statistics say so), and kept
    only in a row whose plain text is null, whose text it then is (round 8: such a row was
    ``missing_text``). A configured ``--text-field`` has no fallback. ``caps`` are the cell and row
    group byte limits of ``columnar.rows``."""
    plain, pages = _fallback_columns(names, text_field)
    if not pages:
        yield from columnar.rows(pf, groups, columnar.wanted_columns(names, fields), first, *caps)
        return
    without = columnar.wanted_columns(names, fields - pages)
    for run, nulls in columnar.runs(groups, lambda g: columnar.may_hold_null(pf, g, plain)):
        columns = columnar.wanted_columns(names, fields) if nulls else without
        for n, rec, problem in columnar.rows(pf, run, columns, first, *caps):
            if nulls and rec is not None and any(rec.get(c) is not None for c in plain):
                rec = {k: v for k, v in rec.items() if k not in pages}
            yield n, rec, problem
        first += columnar.row_count(pf, run)


def _fallback_columns(names: list[str], text_field: str) -> tuple[list[str], set[str]]:
    """The plain text columns, and the HTML columns a row whose plain text is null falls back to
    (none when there is no plain one, or with a configured ``--text-field``: no fallback)."""
    plain = (
        []
        if text_field
        else [n for n in names if n in {"text", *FIELD_ALIASES["text"]} - {*HTML_TEXT_FIELDS}]
    )
    return plain, ({n for n in names if n in HTML_TEXT_FIELDS} if plain else set())
