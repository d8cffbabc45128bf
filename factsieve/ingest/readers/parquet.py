"""Parquet tables (Hugging Face datasets): one record per row, a batch of row groups at a time
(``factsieve.ingest.columnar``)."""

from __future__ import annotations

import logging

from factsieve.ingest import (
    columnar,
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
)

log = logging.getLogger(__name__)


def read_parquet(inp: InputFile, limits: IngestLimits, taken: set[str] | None) -> IngestResult:
    """One document or reject per row of a Parquet file, or of a part of its row groups
    (``factsieve.ingest.columnar``); the columns are read as a JSON record's fields are."""
    fmt = "parquet"
    try:
        with inp.open() as fh:
            pf = columnar.open_file(fh)
            names = pf.schema_arrow.names
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
            groups = range(inp.start, inp.end) if inp.is_part else range(pf.metadata.num_row_groups)
            found = columnar.rows(pf, groups, columns, inp.first_line)
            entries = (
                (
                    f"row:{n}",
                    n,
                    None if problem == "" else "",
                    rec,
                    (CORRUPT_FILE, problem) if problem else None,
                )
                for n, rec, problem in found
            )
            res = read_records(inp, entries, "utf-8", limits, fmt, taken, unit="row")
            return res if res.docs or res.rejects else file_reject(inp, fmt, EMPTY, "no rows", inp.size)
    except columnar.Unreadable as exc:
        detail = f"not a Parquet file that can be read (truncated or damaged: {exc})"
        return file_reject(inp, fmt, CORRUPT_FILE, detail, inp.size)
    except OSError as exc:
        if not permanent(exc):
            raise
        return file_reject(inp, fmt, READ_ERROR, f"{type(exc).__name__}: {exc}", inp.size)
