"""Parquet tables (Hugging Face datasets): one record per row, a batch of row groups at a time
(``factsieve.ingest.columnar``)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pyarrow.parquet as pq

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
            groups = range(inp.start, inp.end) if inp.is_part else range(pf.metadata.num_row_groups)
            found = _rows(pf, groups, names, fields, limits.text_field, inp.first_line)
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


def _rows(
    pf: pq.ParquetFile, groups: range, names: list[str], fields: set[str], text_field: str, first: int
) -> Iterator[tuple[int, dict | None, str]]:
    """``columnar.rows`` of the columns a record reads. A plain text column wins over an HTML one
    (``HTML_TEXT_FIELDS``), row by row as in JSON: the page column (often ten times the text) is read
    only in the row groups where a plain text column may be null (its statistics say so), and kept
    only in a row whose plain text is null, whose text it then is (round 8: such a row was
    ``missing_text``). A configured ``--text-field`` has no fallback."""
    plain = (
        []
        if text_field
        else [n for n in names if n in {"text", *FIELD_ALIASES["text"]} - {*HTML_TEXT_FIELDS}]
    )
    pages = {n for n in names if n in HTML_TEXT_FIELDS} if plain else set()
    if not pages:
        yield from columnar.rows(pf, groups, columnar.wanted_columns(names, fields), first)
        return
    without = columnar.wanted_columns(names, fields - pages)
    for run, nulls in columnar.runs(groups, lambda g: columnar.may_hold_null(pf, g, plain)):
        columns = columnar.wanted_columns(names, fields) if nulls else without
        for n, rec, problem in columnar.rows(pf, run, columns, first):
            if nulls and rec is not None and any(rec.get(c) is not None for c in plain):
                rec = {k: v for k, v in rec.items() if k not in pages}
            yield n, rec, problem
        first += columnar.row_count(pf, run)
