"""Parquet tables (Hugging Face datasets): one record per row, a batch of row groups at a time
(``factsieve.ingest.columnar``); Arrow IPC files (Feather, Hugging Face ``save_to_disk``) alike, a
record batch at a time (``factsieve.ingest.arrow_ipc``)."""

from __future__ import annotations

import logging
import os

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
            pf = columnar.open_file(fh) if fmt == "parquet" else arrow_ipc.open_file(fh)
            names = pf.schema_arrow.names if fmt == "parquet" else pf.names
            if not text_columns(names, limits.text_field):
                return file_reject(inp, fmt, MISSING_TEXT, no_text_column(names, limits.text_field), inp.size)
            fields = record_field_names(limits.text_field, limits.title_field)
            if not limits.text_field and set(names) & (
                {"text", *FIELD_ALIASES["text"]} - {*HTML_TEXT_FIELDS}
            ):
                # A plain text column wins over an HTML one: the page column (often ten times the
                # text) is not read; a row whose plain text is null is then missing_text.
                fields -= set(HTML_TEXT_FIELDS)
            columns = columnar.wanted_columns(names, fields)
            cell_cap = 4 * limits.max_record_chars  # bytes no text of max_record_chars exceeds in UTF-8
            if fmt == "arrow":
                batches = range(inp.start, inp.end) if inp.is_part else None
                found = arrow_ipc.rows(pf, batches, columns, inp.first_line, cell_cap)
            else:
                groups = range(inp.start, inp.end) if inp.is_part else range(pf.metadata.num_row_groups)
                # a column bomb's row group is refused from the footer, before it is decompressed
                group_cap = compressed.stream_cap(file_bytes, limits.max_file_bytes, limits.max_gzip_ratio)
                found = columnar.rows(pf, groups, columns, inp.first_line, cell_cap, group_cap)
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
