"""JSON Lines and JSON files (``.jsonl``, ``.ndjson``, ``.json``): one record per non-blank line, or per
value of a whole JSON document (``factsieve.ingest.jsondoc``), envelopes unwrapped."""

from __future__ import annotations

import json
import logging
from collections import Counter

from factsieve.ingest.json_framing import jsonp_body, line_without_rs, relaxed
from factsieve.ingest.json_tables import RowProblem, header_rows, table_records
from factsieve.ingest.jsondoc import json_values
from factsieve.ingest.readers.base import (
    IngestResult,
)
from factsieve.ingest.readers.entries import (
    Entry,
    read_records,
    undecodable,
)
from factsieve.ingest.records import (
    wrapped_records,
)
from factsieve.ingest.sniff import CONTROL_TEXT_RE
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.vocabulary import (
    BINARY,
    EMPTY,
    INVALID_JSON_VALUE,
    MALFORMED_JSON,
    MALFORMED_RECORD,
)

log = logging.getLogger(__name__)


def parse_json(line: str) -> tuple[object, tuple[str, str] | None]:
    """The line's JSON value, or why it has none (reason code, detail)."""
    try:
        return json.loads(line), None
    except json.JSONDecodeError as exc:
        return None, (MALFORMED_JSON, f"{exc.msg} at column {exc.colno}")
    except RecursionError:
        return None, (INVALID_JSON_VALUE, "nested deeper than the JSON parser's recursion limit")
    except ValueError as exc:  # e.g. an integer longer than the int-digits limit (4,300 digits)
        return None, (INVALID_JSON_VALUE, str(exc).split(";")[0])


def _line_separator(body: str) -> str:
    return "\r" if "\n" not in body and "\r" in body else "\n"


def _jsonl_lines(body: str) -> list[str]:
    """JSON Lines are separated by "\n" ("\r\n" allowed). Not str.splitlines: JSON strings may
    hold U+2028, U+0085 and friends unescaped, and they do not end a record.

    Two writer habits are read as the records they are, not as malformed lines:
    - classic Mac line ends (a lone "\r", no "\n" anywhere): JSON cannot hold a raw CR inside a
      string, so each CR ends a record. Only when the body has no "\n": such a file is never cut
      into parts (cuts follow "\n"), so line numbers are the same however it is read;
    - a byte-order mark at the start of every line (per-record files, each with a BOM, joined
      with ``cat``): U+FEFF is not JSON, so it is dropped where a line starts."""
    lines = body.split(_line_separator(body))
    if lines and lines[-1] == "":
        lines.pop()
    lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    lines = [line.lstrip("\ufeff") if line.startswith("\ufeff") else line for line in lines]
    # a part of an RFC 7464 sequence (a whole file is reframed before: json_framing)
    return [line_without_rs(line) for line in lines]


def _unwrapped(entries: list[Entry], text_field: str) -> list[Entry]:
    """``entries`` with each envelope (``{"status": "ok", "articles": [...]}``,
    ``factsieve.ingest.records.wrapped_records``) replaced by its records, the k-th keyed
    ``line:N.k`` after the line the envelope starts on. An empty envelope is one ``empty`` reject:
    the file must leave a row."""
    out: list[Entry] = []
    if len(entries) > 1 and all(p is None and isinstance(v, list) for *_, v, p in entries):
        # a table's rows, one array a line or a pretty array of arrays, under a header row (round 9)
        rows = header_rows([v for *_, v, _ in entries], text_field)
        if rows is not None:  # the header row is no record
            return [_row_entry(e, row) for e, row in zip(entries[1:], rows, strict=True)]
    for key, lineno, source, value, problem in entries:
        found = None if problem is not None else wrapped_records(value, text_field)
        if found is None and problem is None:
            found = table_records(value, text_field)  # pandas to_json, a sheet's rows (round 9)
        if found is None:
            out.append((key, lineno, source, value, problem))
            continue
        path, items = found
        if not items:
            out.append((key, lineno, source, value, (EMPTY, f"'{path}' holds no records")))
        for k, item in enumerate(items, start=1):
            out.append(_row_entry((f"{key}.{k}", lineno, None, None, None), item))
    return out


def _row_entry(entry: Entry, row: object) -> Entry:
    """A table's row (or an envelope's record) as an entry keyed like ``entry``; a ``RowProblem``
    says why a row is no record."""
    key, lineno = entry[0], entry[1]
    if isinstance(row, RowProblem):
        return (key, lineno, entry[2] or "", None, (MALFORMED_RECORD, row))
    return (key, lineno, json.dumps(row, ensure_ascii=False), row, None)


def _jsonl_entries(body: str, inp: InputFile, text_field: str = "") -> list[Entry]:
    """``(default key, line number, source text, parsed value, problem)`` per record: one per
    non-blank line, or one per value when the whole file is one JSON document
    (``factsieve.ingest.jsondoc``) and reading it line by line would give malformed lines or a
    single array of objects. A value that shares its first line with others is ``line:N.k`` (k-th
    there). Records in an envelope (``{"articles": [...]}``) are records."""
    entries = []
    if not inp.is_part and (inner := jsonp_body(body)) is not None:
        body = inner  # JSONP: the JSON inside the call, same line numbers (round 9)
    for lineno, line in enumerate(_jsonl_lines(body), start=inp.first_line):
        if not line.strip():
            continue  # blank lines separate nothing and are not records
        rec, problem = parse_json(line)
        if problem is not None and CONTROL_TEXT_RE.search(line):
            # JSON allows no raw control characters: a corrupt record, not a typo in one
            problem = (BINARY, "control bytes in the line: a corrupt record, not text")
        entries.append((f"line:{lineno}", lineno, line, rec, problem))
    # A part is cut after a newline and never holds a whole document (split_parts keeps such
    # files whole), so only a whole file is tried as one.
    # A one-line file holding an array of objects is an array of records; other arrays
    # (``[null, null]``) stay one malformed record, as in any JSON Lines file.
    only = entries[0][3] if len(entries) == 1 else None
    one_array = isinstance(only, list) and bool(only) and all(isinstance(v, dict) for v in only)
    if not inp.is_part and (one_array or any(p is not None and p[0] == MALFORMED_JSON for *_, p in entries)):
        values = json_values(body, _line_separator(body))
        if values is not None:
            per_line = Counter(lineno for lineno, _, _ in values)
            nth: Counter[int] = Counter()
            doc_entries = []
            for lineno, text, value in values:
                nth[lineno] += 1
                key = f"line:{lineno}" if per_line[lineno] == 1 else f"line:{lineno}.{nth[lineno]}"
                doc_entries.append((key, lineno, text, value, None))
            return _unwrapped(doc_entries, text_field)
    return _unwrapped(entries, text_field)


def read_jsonl(
    inp: InputFile,
    data: bytes,
    body: str,
    enc: str,
    limits: IngestLimits,
    fmt: str,
    taken: set[str] | None = None,
    doubtful: dict[int, str] | None = None,
) -> IngestResult:
    """One document or reject per non-blank line. ``taken``: record keys used by earlier
    parts of the same file (a repeated id gets its line number appended, file-wide). ``doubtful``:
    lines no encoding reads with confidence (line number: the file's encodings)."""
    entries = _jsonl_entries(body, inp, limits.text_field)
    passed: dict[str, int] = {}
    if any(p is not None and p[0] == MALFORMED_JSON for *_, p in entries) and (found := relaxed(body)):
        # comments and trailing commas (JSONC, JSON5-ish exports; round 10): read without them when
        # that leaves fewer malformed records; what was blanked is counted as passed over
        again = _jsonl_entries(found[0], inp, limits.text_field)
        if _malformed(again) < _malformed(entries):
            entries, passed = again, found[1]
    res = read_records(inp, undecodable(entries, doubtful), enc, limits, fmt, taken)
    res.skipped.update(passed)
    return res


def _malformed(entries: list[Entry]) -> int:
    return sum(1 for *_, p in entries if p is not None and p[0] == MALFORMED_JSON)
