"""CSV and TSV tables with a header row: one record per row (``factsieve.ingest.delimited``)."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from factsieve.ingest import (
    delimited,
)
from factsieve.ingest import escapes as escaping
from factsieve.ingest.readers.base import (
    IngestResult,
    file_reject,
    sample_of,
)
from factsieve.ingest.readers.entries import (
    Entry,
    no_text_column,
    read_records,
    text_columns,
    undecodable,
)
from factsieve.ingest.records import clash_detail, fold_clash
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.vocabulary import (
    BINARY,
    EMPTY,
    MALFORMED_CSV,
    MISSING_TEXT,
    NO_HEADER,
    TOO_LARGE,
)

log = logging.getLogger(__name__)


def _csv_header(
    inp: InputFile, body: str, fmt: str, limits: IngestLimits
) -> tuple[delimited.Header, str] | str:
    """The header of a CSV/TSV file and its delimiter, or why it has none. A part after the first
    takes them from the start of its file (``split_parts`` cut the file after a row)."""
    if inp.is_part and inp.first_line > 1:
        with inp.open() as fh:
            body = fh.read(_CSV_HEAD_BYTES).decode("utf-8", "ignore").removeprefix("\ufeff")
    delimiter = delimited.delimiter_for(fmt, delimited.first_line(body))
    rows = delimited.rows(delimited.physical_lines(body), delimiter, max_field_chars=limits.max_record_chars)
    found = delimited.header(rows)
    return found if isinstance(found, str) else (found, delimiter)


_CSV_HEAD_BYTES = 1 << 20


def read_csv(
    inp: InputFile,
    data: bytes,
    body: str,
    enc: str,
    limits: IngestLimits,
    fmt: str,
    taken: set[str] | None = None,
    doubtful: dict[int, str] | None = None,
) -> IngestResult:
    """One document or reject per row of a CSV or TSV file with a header (``factsieve.ingest.delimited``);
    the columns are read as a JSON record's fields are (aliases, ``--text-field``). ``doubtful``: as
    for ``read_jsonl``."""
    found = _csv_header(inp, body, fmt, limits)
    if isinstance(found, str):
        detail = (
            f"no header row: {found}; a {fmt.upper()} file needs a first row naming its columns "
            "(text, title, date, …: docs/INGEST.md)"
        )
        return file_reject(inp, fmt, NO_HEADER, detail, len(data), sample_of(body))
    head, delimiter = found
    names = head.names
    if not text_columns(names, limits.text_field):
        return file_reject(
            inp, fmt, MISSING_TEXT, no_text_column(names, limits.text_field), len(data), sample_of(body)
        )
    if not limits.text_field and (clash := fold_clash(tuple(names))):
        return file_reject(inp, fmt, MISSING_TEXT, clash_detail(clash), len(data), sample_of(body))
    rows = delimited.rows(
        delimited.physical_lines(body), delimiter, inp.first_line, max_field_chars=limits.max_record_chars
    )
    if not inp.is_part or inp.first_line == 1:
        rows = (row for row in rows if row.line >= head.next_line)
    keep_empty = set(text_columns(names, limits.text_field))
    repeated = [0]
    entries: Iterable[Entry] = _csv_entries(
        _past_headers(rows, names, repeated), names, keep_empty, delimiter, limits.max_record_chars
    )
    if "\\n" in body or "\\N" in body:  # only such a file may write its line breaks escaped
        entries = _unescaped_entries(entries, keep_empty, "\\N" in body)
    res = read_records(
        inp,
        undecodable(entries, doubtful),
        enc,
        limits,
        fmt,
        taken,
    )
    if repeated[0]:
        res.skipped["repeated header row"] += repeated[0]
    # a header and no rows: the file must leave a row (a part always holds a row)
    return res if res.docs or res.rejects else file_reject(inp, fmt, EMPTY, "a header and no rows", len(data))


def _past_headers(
    rows: Iterable[delimited.Row], names: list[str], count: list[int]
) -> Iterator[delimited.Row]:
    """``rows`` without those that repeat the header (two exports concatenated, ``cat a.csv b.csv``):
    column names, not a record (before, a document whose text was "text"); counted in ``count[0]``,
    so the run's passed-over counts show them."""
    for row in rows:
        fields = row.fields
        if (
            fields is not None
            and [f.strip().lstrip("\ufeff") for f in fields[: len(names)]] == names
            and not any(f.strip() for f in fields[len(names) :])
        ):
            count[0] += 1
            continue
        yield row


def _unframed(problem: str, max_chars: int) -> tuple[str, str]:
    """The reject of a row the csv module could not frame: a field past the limit is too_large."""
    if problem.startswith("field larger than field limit"):
        return (
            TOO_LARGE,
            f"a field of more than {max_chars:,} characters (limit max_record_chars); read on from the next line",
        )
    return (
        MALFORMED_CSV,
        f"not a row ({problem}: a quote left open, or text after a closing one); read on from the next line",
    )


def _csv_entries(
    rows: Iterable[delimited.Row], names: list[str], keep_empty: set[str], delimiter: str, max_chars: int
) -> Iterator[Entry]:
    """``Entry`` per CSV row: a record of its columns (an empty cell is an absent field, except in a
    text column, where it is an empty text), or why the row is none."""
    width, shown = len(names), "tab" if delimiter == "\t" else f"'{delimiter}'"
    for row in rows:
        key, source = f"line:{row.line}", row.text
        if row.blank:
            continue
        if "\x00" in source:
            # Only a part of a large file gets here (a whole file with NULs is UTF-16 or a reject): a
            # UTF-16 export appended past the planner's first 8 KB, a crashed writer's zeros. Before,
            # such a row was a document ("t\0e\0x\0t") or a misleading malformed_csv.
            detail = "NUL bytes in the row: UTF-16 text inside a UTF-8 file, or a writer's zeros (not text)"
            yield key, row.line, source, None, (BINARY, detail)
            continue
        fields = row.fields
        if fields is None and delimiter == "\t":
            # TSV as many tools write it, without quoting: a field that only starts with a quote
            # ('"Quoted" headline') is text, when the line splits into the header's columns.
            plain = source.rstrip("\r\n").split("\t")
            fields = plain if len(plain) == width else None
        if fields is None:
            yield key, row.line, source, None, _unframed(row.problem, max_chars)
            continue
        if len(fields) > width and not any(f.strip() for f in fields[width:]):
            fields = fields[:width]  # trailing delimiters (spreadsheet exports): empty columns
        if len(fields) != width:
            detail = f"{len(fields)} fields, the header has {width} (an unquoted {shown} in a field, or one missing?)"
            yield key, row.line, source, None, (MALFORMED_CSV, detail)
            continue
        rec = {n: v for n, v in zip(names, fields, strict=True) if v or n in keep_empty}
        if len(keep_empty) > 1 and any(rec.get(n) for n in keep_empty):
            # A CSV cell cannot be null: an empty text cell is the row's missing text, and another text
            # column stands in, as for a JSON null (round 8: a row with an empty `text` and its page in
            # `html` was an `empty` reject). Alone, it stays the row's empty text.
            rec = {n: v for n, v in rec.items() if v or n not in keep_empty}
        yield key, row.line, source, rec, None


# Rows the escaping convention is decided on: a file's convention is the writer's, its first rows
# show it; a list of every row first cost +10% CPU on a 100k-row CSV holding one "C:\\new…".
_DECIDE_ON = 1000


def _unescaped_entries(entries: Iterable[Entry], text_names: set[str], null_cells: bool) -> Iterator[Entry]:
    """``entries`` with their cells' backslash escapes read when the file writes line breaks so
    (``factsieve.ingest.escapes``: mysql -B, PostgreSQL COPY, CSV dumps with literal "\\n\\n");
    a ``\\N`` cell is null, an absent field. Otherwise ``entries`` unchanged."""
    rest = iter(entries)
    head = list(islice(rest, _DECIDE_ON))
    recs = [rec for _, _, _, rec, _ in head if isinstance(rec, dict)]
    texts = (v for rec in recs for n in text_names if (v := rec.get(n)) is not None)
    # every cell is looked at only when the file holds a "\\N" somewhere
    cells = (v for rec in recs for v in rec.values()) if null_cells else ()
    if not escaping.escaped(texts, cells):
        yield from head
        yield from rest
        return
    for key, line, source, rec, problem in chain(head, rest):
        if isinstance(rec, dict):
            rec = {k: u for k, v in rec.items() if (u := escaping.unescaped(v)) is not None}
        yield key, line, source, rec, problem
