"""Ingest: turn raw input files into records, or reject them with a reason code.

Every input record ends up in exactly one of two lists: ``RawDoc`` (usable text)
or ``Reject`` (reason code + detail). Raw files are only ever read.

Formats by file extension:
- ``.txt``/``.text``: one document; encoding decided by ``factsieve.ingest.decode`` (docs/INGEST.md).
- ``.html``/``.htm``: one document; main text, title and date extracted by trafilatura.
- ``.jsonl``/``.ndjson``: one document per non-blank line, an object with ``text`` and
  optional ``id``, ``url``, ``title``, ``published`` (``factsieve.ingest.records``).
- ``.json``: the same records as one object, an array, an envelope (``{"articles": [...]}``) or
  JSON Lines (what ``datasets.Dataset.to_json`` writes).
- ``.xml``/``.rss``/``.atom``: one document per feed item or entry (``factsieve.ingest.feeds``),
  streamed; another XML file is ``unsupported_xml``.
- ``.sgm``: one document per ``<REUTERS>`` element (Reuters-21578; ``factsieve.ingest.reuters_sgml``).
- TREC/Gigaword ``<DOC>`` SGML (``factsieve.ingest.trec_sgml``), e-mail and mbox (``.eml``, ``.mbox``;
  ``factsieve.ingest.mail``), news XML (NITF, RCV1, TEI under ``.xml``; ``factsieve.ingest.news_xml``);
  a file whose name selects no reader (no extension, an unknown one) is read when its content has
  one of these shapes (``sniff.corpus_format``).
- ``.warc``: one document per HTTP ``response`` record holding a page (CC-NEWS;
  ``factsieve.ingest.warc_http``); ``.wet``: one per ``conversion`` record (Common Crawl).
- any of them gzip-, bzip2-, xz- or zstd-compressed (``.jsonl.gz``, ``.jsonl.zst``;
  ``factsieve.ingest.compressed``).
- ``.zip`` and ``.tar`` (also ``.tar.gz`` …): each member read as a file of its name
  (``factsieve.ingest.archives``, ``_read_archive``).
Anything else is rejected as ``unsupported_format``. Hidden files (``.name``) are skipped
by discovery, as are editor/OS droppings; they are not inputs.
"""

from __future__ import annotations

import errno
import io
import json
import logging
import os
import posixpath
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from html import unescape

import pandas as pd

from factsieve.ingest import (
    archives,
    arrow_ipc,
    columnar,
    compressed,
    delimited,
    exclude,
    feeds,
    mail,
    news_xml,
    reuters_sgml,
    trec_sgml,
    warc,
    warc_http,
)
from factsieve.ingest.dates import parse_published, published_in_text
from factsieve.ingest.decode import Decoded, decode_bytes, decode_text, looks_utf16, utf16_blocks
from factsieve.ingest.html import (
    PARSER_TEXT_NODE_CHARS,
    is_field_markup,
    longest_text_node,
    main_text,
)
from factsieve.ingest.jsondoc import json_values
from factsieve.ingest.records import (
    FIELD_ALIASES,
    HTML_TEXT_FIELDS,
    record_field_names,
    record_problem,
    text_is_html_field,
    with_canonical_fields,
    without_surrogates,
    wrapped_records,
)
from factsieve.ingest.sniff import binary_format, corpus_format, text_format
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.text.clean import nel_as_line_end
from factsieve.text.title import tidy_title, title_from_text
from factsieve.text.visible import visible
from factsieve.vocabulary import (
    BINARY,
    CORRUPT_FILE,
    EMPTY,
    INVALID_JSON_VALUE,
    MALFORMED_CSV,
    MALFORMED_JSON,
    MALFORMED_RECORD,  # noqa: F401 — re-exported: callers and tests name reasons as read.X
    MALFORMED_XML,
    MISSING_TEXT,  # noqa: F401
    NESTED_ARCHIVE,
    NO_BODY,
    NO_HEADER,
    NO_MAIN_TEXT,
    NOT_A_STORY,
    READ_ERROR,
    TOO_LARGE,
    UNDECODABLE,
    UNSAFE_XML,
    UNSUPPORTED_FORMAT,
    UNSUPPORTED_XML,
)

log = logging.getLogger(__name__)

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".wet": "wet",  # Common Crawl's page texts (CC-MAIN-….warc.wet.gz)
    ".warc": "warc",  # HTTP responses: CC-NEWS (CC-NEWS-….warc.gz; factsieve.ingest.warc_http)
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",  # Hugging Face datasets (factsieve.ingest.columnar)
    ".arrow": "arrow",  # Hugging Face save_to_disk, Feather v2 (factsieve.ingest.arrow_ipc)
    ".feather": "arrow",
    ".xml": "feed",  # RSS/Atom (factsieve.ingest.feeds); other XML is an unsupported_xml reject
    ".rss": "feed",
    ".atom": "feed",
    ".sgm": "sgml",  # Reuters-21578 as distributed (factsieve.ingest.reuters_sgml)
    ".story": "text",  # CNN/DailyMail (the @highlight lines are cleaned as furniture)
    ".eml": "email",  # one message (factsieve.ingest.mail)
    ".mbox": "email",  # messages after "From " lines
    # zip and tar archives (also .tar.gz, .tar.bz2, .tar.xz, .tar.zst): each member read as a file
    # of its name (factsieve.ingest.archives, _read_archive)
    ".zip": "archive",
    ".tar": "archive",
    ".tgz": "archive",
    ".tbz2": "archive",
    ".txz": "archive",
}

# Control bytes that never occur in text files (NUL..BS, SO..US less ESC); their share
# separates binary files from text in an unknown single-byte encoding.
_CONTROL = bytes(set(range(0, 9)) | set(range(14, 27)) | set(range(28, 32)))
_CONTROL_RE = re.compile(b"[" + re.escape(_CONTROL) + b"]")
_CONTROL_TEXT_RE = re.compile("[" + re.escape(_CONTROL.decode("ascii")) + "]")


@dataclass(slots=True)
class RawDoc:
    source_uri: str
    record_key: str
    format: str
    text: str
    encoding: str
    raw_bytes: int
    title: str | None = None
    url: str | None = None
    published_at: pd.Timestamp | None = None


@dataclass(slots=True)
class Reject:
    source_uri: str
    record_key: str
    format: str
    reason: str
    detail: str
    raw_bytes: int = 0
    sample: str = ""


@dataclass(slots=True)
class IngestResult:
    docs: list[RawDoc] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    # For a part of a JSONL file: every record key it used (see ``factsieve.ingest.parts``).
    keys: set[str] | None = None
    # What was passed over as no record at all, by kind (a WARC file's request and metadata
    # records, an archive's folders and __MACOSX/ members): counted and logged, never a row.
    skipped: Counter[str] = field(default_factory=Counter)


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls > max(4, len(head) // 100)


def _jsonl_with_bad_lines(fmt: str, data: bytes) -> str | None:
    """A UTF-8 JSONL (or CSV/TSV: NUL rows) file whose control bytes sit in a minority of its lines: read line by line,
    each such line a reject of its own, rather than lose every good record with them. A crashed
    writer leaves a run of NULs where its last record was; a large file read in parts already
    gets this per line (``factsieve.ingest.parts.split_parts``), so a small one must too. Mostly-binary data (a
    compressed or image file named .jsonl) stays one file reject. Returns the decoded text, or None."""
    if fmt not in ("jsonl", "csv", "tsv"):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = [line for line in data.split(b"\n") if line.strip()]
    bad = [line for line in lines if _CONTROL_RE.search(line)]
    # A CSV/TSV row is rejected for its NULs (``_csv_entries``), as in a part of a large file (round
    # 6); a whole small CSV with one such row was one binary reject, its good rows lost (round 7).
    # Other control bytes in a row would reach its text: such a file stays one reject.
    if fmt != "jsonl" and not all(b"\x00" in line for line in bad):
        return None
    return text if 2 * len(bad) < len(lines) else None


def _sample(data: bytes | str, n: int = 120) -> str:
    """The first characters, for triage: undecodable bytes, controls and bidi overrides as escapes."""
    if isinstance(data, bytes):
        return visible(data[:n].decode("utf-8", "backslashreplace"))
    return visible(data[:n])


# Publication dates after ingest time + 1 day are typos or placeholders (9999-12-31), not dates: they
# would sort last in every date filter. Earlier than 1900, or not a whole date: factsieve.ingest.dates.
FUTURE_SLACK = pd.Timedelta(days=1)  # time zones and clock skew between publisher and us


def published_within(ts: pd.Timestamp | None, ingested_at: pd.Timestamp) -> pd.Timestamp | None:
    """``ts`` unless it lies more than a day after the ingest time."""
    return ts if ts is None or ts <= ingested_at + FUTURE_SLACK else None


def _read_text(
    inp: InputFile, data: bytes, text: str, enc: str, limits: IngestLimits, fmt: str
) -> IngestResult:
    res = IngestResult()
    if len(text) > limits.max_record_chars:
        res.rejects.append(
            Reject(
                inp.uri,
                "",
                fmt,
                TOO_LARGE,
                f"{len(text):,} characters > limit {limits.max_record_chars:,}",
                len(data),
                _sample(text),
            )
        )
        return res
    if not text.strip():
        res.rejects.append(Reject(inp.uri, "", fmt, EMPTY, "only whitespace after decoding", len(data), ""))
        return res
    # The title is looked for in lines: an old Mac's CR-only line ends made the whole text one line,
    # and no title was found (round 6). The text itself keeps its bytes' line ends; cleaning unifies them.
    lines = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    lines = nel_as_line_end(lines)  # U+0085 line ends (round 7), as cleaning reads them
    res.docs.append(
        RawDoc(
            inp.uri,
            "",
            fmt,
            text,
            enc,
            len(data),
            title=tidy_title(title_from_text(lines)),
            published_at=published_in_text(lines),  # a "Published: …" line at the top, if any
        )
    )
    return res


def _read_html(
    inp: InputFile, data: bytes, html: str, enc: str, limits: IngestLimits, fmt: str
) -> IngestResult:
    res = IngestResult()
    longest = longest_text_node(html)
    if longest > PARSER_TEXT_NODE_CHARS:
        # The parser drops such a node: the page's text would be missing it, silently (and it is
        # more than a record may hold unless max_record_chars is raised past the parser's limit).
        detail = (
            f"a text node of up to {longest:,} characters: the HTML parser reads at most "
            f"{PARSER_TEXT_NODE_CHARS:,} (max_record_chars: {limits.max_record_chars:,})"
        )
        return _file_reject(inp, fmt, TOO_LARGE, detail, len(data), _sample(html))
    extracted = main_text(html)
    if extracted is None:
        res.rejects.append(
            Reject(
                inp.uri,
                "",
                fmt,
                NO_MAIN_TEXT,
                "trafilatura found no main text in the page (or only link texts: a navigation page)",
                len(data),
                _sample(html),
            )
        )
        return res
    text = extracted.text
    if len(text) > limits.max_record_chars:
        res.rejects.append(
            Reject(inp.uri, "", fmt, TOO_LARGE, f"{len(text):,} characters", len(data), _sample(text))
        )
        return res
    res.docs.append(
        RawDoc(
            inp.uri,
            "",
            fmt,
            text,
            enc,
            len(data),
            title=tidy_title(extracted.title),
            url=extracted.url,
            published_at=parse_published(extracted.date),
        )
    )
    return res


def _key_from_id(value: str | int) -> str:
    """A record key from a JSONL ``id``: lone surrogates backslash-escaped, so ids that differ
    only there stay apart (the key must be writable as UTF-8)."""
    key = str(value)
    if key.isascii():
        return key
    try:
        key.encode("utf-8")
    except UnicodeEncodeError:
        return key.encode("utf-8", "backslashreplace").decode("utf-8")
    return key


def _parse_json(line: str) -> tuple[object, tuple[str, str] | None]:
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
    return [line.lstrip("\ufeff") if line.startswith("\ufeff") else line for line in lines]


_Entry = tuple[str, int, str | None, object, tuple[str, str] | None]


def _unwrapped(entries: list[_Entry], text_field: str) -> list[_Entry]:
    """``entries`` with each envelope (``{"status": "ok", "articles": [...]}``,
    ``factsieve.ingest.records.wrapped_records``) replaced by its records, the k-th keyed
    ``line:N.k`` after the line the envelope starts on. An empty envelope is one ``empty`` reject:
    the file must leave a row."""
    out: list[_Entry] = []
    for key, lineno, source, value, problem in entries:
        found = None if problem is not None else wrapped_records(value, text_field)
        if found is None:
            out.append((key, lineno, source, value, problem))
            continue
        path, items = found
        if not items:
            out.append((key, lineno, source, value, (EMPTY, f"'{path}' holds no records")))
        for k, item in enumerate(items, start=1):
            out.append((f"{key}.{k}", lineno, json.dumps(item, ensure_ascii=False), item, None))
    return out


def _jsonl_entries(body: str, inp: InputFile, text_field: str = "") -> list[_Entry]:
    """``(default key, line number, source text, parsed value, problem)`` per record: one per
    non-blank line, or one per value when the whole file is one JSON document
    (``factsieve.ingest.jsondoc``) and reading it line by line would give malformed lines or a
    single array of objects. A value that shares its first line with others is ``line:N.k`` (k-th
    there). Records in an envelope (``{"articles": [...]}``) are records."""
    entries = []
    for lineno, line in enumerate(_jsonl_lines(body), start=inp.first_line):
        if not line.strip():
            continue  # blank lines separate nothing and are not records
        rec, problem = _parse_json(line)
        if problem is not None and _CONTROL_TEXT_RE.search(line):
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


def _read_jsonl(
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
    return _read_records(inp, _undecodable(entries, doubtful), enc, limits, fmt, taken)


def _undecodable(entries: Iterable[_Entry], doubtful: dict[int, str] | None) -> Iterable[_Entry]:
    """``entries`` with each one that holds a doubtful line (``decode.Decoded.doubtful_lines``) an
    ``undecodable`` reject: its text would be a guess."""
    if not doubtful:
        return entries
    out = []
    for key, lineno, source, rec, problem in entries:
        span = range(lineno, lineno + (source or "").rstrip("\r\n").count("\n") + 1)
        bad = next((n for n in span if n in doubtful), None)
        if bad is not None:
            detail = (
                f"bytes in no encoding the file's other lines use or its own reading fits "
                f"(the file is {doubtful[bad]}): the text would be a guess"
            )
            problem = (UNDECODABLE, detail if bad == lineno else f"its line {bad} holds {detail}")
        out.append((key, lineno, source, rec, problem))
    return out


def _read_records(
    inp: InputFile,
    entries: Iterable[_Entry],
    enc: str,
    limits: IngestLimits,
    fmt: str,
    taken: set[str] | None = None,
    unit: str = "line",
) -> IngestResult:
    """One document or reject per entry ``(default key, line or row number, source text, parsed
    record, problem)``: the records of a JSON, CSV or Parquet file, read by the same field rules
    (``factsieve.ingest.records``). ``unit``: what the number counts, for keys and details. A
    source of None is a Parquet row: its source is the row as JSON."""
    res = IngestResult()
    seen_keys: set[str] = set(taken or ())
    for key, lineno, line, rec, problem in entries:
        fields = rec  # the record's own field names, for a missing_text detail
        if line is None and isinstance(rec, dict):
            # A Parquet row: a null cell is an absent field (an alias may stand in), but the
            # detail of a row whose text column is null names that column (``fields``).
            rec = {k: v for k, v in rec.items() if v is not None}
        source = line if line is not None else _row_source(rec)
        if problem is None:
            if isinstance(rec, dict):
                rec = with_canonical_fields(rec, limits.text_field, limits.title_field)
            problem = record_problem(rec, limits, fields)
            rec_id = rec.get("id") if isinstance(rec, dict) else None
            if isinstance(rec_id, str | int) and not isinstance(rec_id, bool):
                key = _key_from_id(rec_id)  # the record's own id is the stable key
        # Any key already used in the file (an explicit id repeated, or equal to another
        # line's default "line:N") gets the line number appended until it is unique: every
        # record keeps a key of its own, whatever ids the file holds.
        while key in seen_keys:
            key = f"{key}@{unit}:{lineno}"
        seen_keys.add(key)
        nbytes = len(source.encode("utf-8", "surrogatepass"))
        if problem is not None:
            reason, detail = problem
            sample = "" if reason == EMPTY else _sample(source)
            res.rejects.append(
                Reject(inp.uri, key, fmt, reason, f"{unit} {lineno}: {detail}", nbytes, sample)
            )
            continue
        text = without_surrogates(rec["text"])
        title = rec.get("title")
        url = rec.get("url")
        html_field = isinstance(fields, dict) and text_is_html_field(fields, rec["text"], limits.text_field)
        if is_field_markup(text, html_field):  # an HTML body ("<p>…</p>"): its main text, as for a page
            extracted = main_text(text, fragment=True)
            if extracted is None:
                detail = f"{unit} {lineno}: the text is HTML in which trafilatura found no main text"
                res.rejects.append(Reject(inp.uri, key, fmt, NO_MAIN_TEXT, detail, nbytes, _sample(source)))
                continue
            text, title = extracted.text, title if title and title.strip() else extracted.title
        elif html_field:  # HTML with no tag is still HTML: "Tom &amp; Jerry" is "Tom & Jerry"
            text = unescape(text)
        res.docs.append(
            RawDoc(
                inp.uri,
                key,
                fmt,
                text,
                enc,
                nbytes,
                title=tidy_title(
                    without_surrogates(title) if title and title.strip() else title_from_text(text)
                ),
                url=without_surrogates(url) if url else None,
                published_at=parse_published(rec.get("published")),
            )
        )
    if inp.is_part:
        res.keys = seen_keys - set(taken or ())
    return res


def _row_source(rec: object) -> str:
    """A Parquet row (the columns read) as JSON: its raw_bytes, and a reject's sample."""
    return json.dumps(rec, ensure_ascii=False, default=str)


def _read_parquet(
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
            if not _text_columns(names, limits.text_field):
                return _file_reject(
                    inp, fmt, MISSING_TEXT, _no_text_column(names, limits.text_field), inp.size
                )
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
            res = _read_records(inp, entries, "utf-8", limits, fmt, taken, unit="row")
            return res if res.docs or res.rejects else _file_reject(inp, fmt, EMPTY, "no rows", inp.size)
    except columnar.Unreadable as exc:
        kind = "a Parquet file" if fmt == "parquet" else "an Arrow IPC (Feather, Hugging Face) file"
        detail = f"not {kind} that can be read (truncated or damaged: {exc})"
        return _file_reject(inp, fmt, CORRUPT_FILE, detail, inp.size)
    except OSError as exc:
        if not _permanent(exc):
            raise
        return _file_reject(inp, fmt, READ_ERROR, f"{type(exc).__name__}: {exc}", inp.size)


def _no_text_column(names: list[str], text_field: str) -> str:
    listed = ", ".join(visible(n) for n in names[:12]) + (", …" if len(names) > 12 else "")
    if text_field:
        return f"no column '{visible(text_field)}' (the configured text field; columns: {listed})"
    return f"no 'text' column or alias (body, content, article, …; columns: {listed})"


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


def _text_columns(names: list[str], text_field: str) -> list[str]:
    """The columns that may hold the text: the configured field (or the column a dotted path
    starts in: a struct), or ``text`` and its aliases."""
    wanted = {text_field, text_field.split(".", 1)[0]} if text_field else {"text", *FIELD_ALIASES["text"]}
    return [n for n in names if n in wanted]


def _read_csv(
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
    for ``_read_jsonl``."""
    found = _csv_header(inp, body, fmt, limits)
    if isinstance(found, str):
        detail = (
            f"no header row: {found}; a {fmt.upper()} file needs a first row naming its columns "
            "(text, title, date, …: docs/INGEST.md)"
        )
        return _file_reject(inp, fmt, NO_HEADER, detail, len(data), _sample(body))
    head, delimiter = found
    names = head.names
    if not _text_columns(names, limits.text_field):
        return _file_reject(
            inp, fmt, MISSING_TEXT, _no_text_column(names, limits.text_field), len(data), _sample(body)
        )
    rows = delimited.rows(
        delimited.physical_lines(body), delimiter, inp.first_line, max_field_chars=limits.max_record_chars
    )
    if not inp.is_part or inp.first_line == 1:
        rows = (row for row in rows if row.line >= head.next_line)
    keep_empty = set(_text_columns(names, limits.text_field))
    repeated = [0]
    res = _read_records(
        inp,
        _undecodable(
            _csv_entries(
                _past_headers(rows, names, repeated), names, keep_empty, delimiter, limits.max_record_chars
            ),
            doubtful,
        ),
        enc,
        limits,
        fmt,
        taken,
    )
    if repeated[0]:
        res.skipped["repeated header row"] += repeated[0]
    # a header and no rows: the file must leave a row (a part always holds a row)
    return (
        res if res.docs or res.rejects else _file_reject(inp, fmt, EMPTY, "a header and no rows", len(data))
    )


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
) -> Iterator[_Entry]:
    """``_Entry`` per CSV row: a record of its columns (an empty cell is an absent field, except in a
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
        yield key, row.line, source, rec, None


def _read_wet(
    inp: InputFile,
    data: bytes,
    body: str,
    enc: str,
    limits: IngestLimits,
    fmt: str,
    taken: set[str] | None = None,
) -> IngestResult:
    """One document per ``conversion`` record of a Common Crawl WET file (``factsieve.ingest.warc``),
    and per ``response`` record of a WARC file (``_warc_page``), keyed by its WARC-Record-ID; the
    crawl's ``warcinfo`` record describes the file and is no input, nor are a WARC file's
    ``request``, ``metadata`` and ``revisit`` records (counted in ``skipped``). A part
    (``_wet_parts``) starts at a record; offsets are the file's (decompressed) offsets."""
    res = IngestResult()
    seen: set[str] = set(taken or ())
    base = inp.start if inp.is_part else 0
    passed_over = warc.NOT_PAGES if fmt == "warc" else {"warcinfo"}
    for rec in warc.records(data):
        if not rec.problem and rec.kind in passed_over:
            res.skipped[f"{rec.kind} record"] += 1
            continue
        offset = base + rec.offset
        key = rec.record_id or f"offset:{offset}"
        while key in seen:
            key = f"{key}@offset:{offset}"
        seen.add(key)
        where, nbytes = f"record at byte {offset:,}", len(rec.body)
        if fmt == "warc" and rec.kind == "response" and not rec.problem:
            found = _warc_page(inp, key, rec, where, limits)
            (res.docs if isinstance(found, RawDoc) else res.rejects).append(found)
            continue
        text = rec.body.decode("utf-8", "replace")  # WET text is UTF-8 by specification
        if rec.problem:
            detail = f"{where}: {rec.problem}; its {nbytes:,} bytes to the end are not read"
            problem: tuple[str, str] | None = (MALFORMED_RECORD, detail)
        elif rec.kind != "conversion":
            problem = (MALFORMED_RECORD, f"{where}: WARC-Type '{visible(rec.kind)}' is not a page's text")
        elif not text.strip():
            problem = (EMPTY, f"{where}: no text")
        elif len(text) > limits.max_record_chars:
            problem = (TOO_LARGE, f"{where}: {len(text):,} characters > limit {limits.max_record_chars:,}")
        else:
            problem = None
        if problem is not None:
            res.rejects.append(Reject(inp.uri, key, fmt, *problem, nbytes, _sample(text)))
            continue
        title = tidy_title(title_from_text(text))
        res.docs.append(RawDoc(inp.uri, key, fmt, text, "utf-8", nbytes, title=title, url=rec.uri or None))
    if inp.is_part:
        res.keys = seen - set(taken or ())
    if res.skipped:
        log.info("%s: passed over %s", inp.uri, dict(sorted(res.skipped.items())))
    return res


def _warc_page(
    inp: InputFile, key: str, rec: warc.WarcRecord, where: str, limits: IngestLimits
) -> RawDoc | Reject:
    """The document of a WARC ``response`` record: its HTTP payload decoded
    (``factsieve.ingest.warc_http``), an HTML page's main text by the same path as an ``.html``
    file; the URL is WARC-Target-URI, the date the page's own, else WARC-Date (when it was fetched:
    CC-NEWS fetches articles within hours of publication). Or the record's reject."""
    nbytes, fmt = len(rec.body), "warc"
    page = warc_http.page_of(rec.body, limits.max_file_bytes)
    if isinstance(page, tuple):
        reason, detail = page
        return Reject(inp.uri, key, fmt, reason, f"{where}: {detail}", nbytes, _sample(rec.uri))
    if page.kind == "html":
        extracted = main_text(page.text)
        if extracted is None:
            detail = f"{where}: trafilatura found no main text in the page"
            return Reject(inp.uri, key, fmt, NO_MAIN_TEXT, detail, nbytes, _sample(rec.uri))
        text, title, date = extracted.text, extracted.title, parse_published(extracted.date)
    else:
        text, title, date = page.text, title_from_text(page.text), published_in_text(page.text)
    if not text.strip():
        return Reject(inp.uri, key, fmt, EMPTY, f"{where}: the page has no text", nbytes, _sample(rec.uri))
    if len(text) > limits.max_record_chars:
        detail = f"{where}: {len(text):,} characters > limit {limits.max_record_chars:,}"
        return Reject(inp.uri, key, fmt, TOO_LARGE, detail, nbytes, _sample(text))
    return RawDoc(
        inp.uri,
        key,
        fmt,
        text,
        page.encoding,
        nbytes,
        title=tidy_title(title),
        url=rec.uri or None,
        published_at=date if date is not None else parse_published(rec.date),
    )


# A feed's records have fixed fields: --text-field / --title-field name JSON and table fields.
_FEED_LIMITS = {"text_field": "", "title_field": ""}


def _feed_entries(found: Iterable[feeds.Item | feeds.Broken]) -> Iterator[_Entry]:
    """``_Entry`` per feed item (keyed ``item:N`` when it has no guid, id or link), the break of the
    XML as a reject for the rest of the file, a gzip stream that stops (a bomb, damage) likewise."""
    position = 0  # the next item's number, once an item was read
    try:
        for item in found:
            position = item.position + 1
            if isinstance(item, feeds.Broken):
                yield f"item:{item.position}", item.position, "", None, (MALFORMED_XML, item.detail)
                continue
            rec = {k: v for k, v in item.record.items() if v is not None}
            if "id" not in rec and "url" in rec:
                rec["id"] = rec["url"]  # the link is the item's identity when it has no guid
            problem = None if "text" in rec else (MISSING_TEXT, _no_item_text(rec))
            yield (
                _rejected_by_id(rec, problem, f"item:{item.position}"),
                item.position,
                item.source,
                rec,
                problem,
            )
    except (compressed.Expands, compressed.Corrupt) as exc:
        if not position:
            raise  # before any item: the file's reject (_read_feed)
        reason = TOO_LARGE if isinstance(exc, compressed.Expands) else BINARY
        yield (
            f"item:{position}",
            position,
            "",
            None,
            (reason, f"compressed data {exc}; the rest of the file is not read"),
        )


def _rejected_by_id(rec: dict, problem: tuple[str, str] | None, default: str) -> str:
    """The default key of a feed item or Reuters element: ``default``, or its id when the reader
    already rejects it (``_read_records`` keys an accepted record by its id, not a rejected one)."""
    return _key_from_id(rec["id"]) if problem is not None and "id" in rec else default


def _no_item_text(rec: dict) -> str:
    which = rec.get("title") or rec.get("url") or "the item"
    return f"no content:encoded, content, description or summary: {visible(which)[:80]} has no text"


def _read_feed(inp: InputFile, limits: IngestLimits, taken: set[str] | None) -> IngestResult:
    """One document or reject per item of an RSS or Atom feed (``factsieve.ingest.feeds``),
    streamed from the file (gzip decompressed on the way, within the streamed bomb guard); a part
    is a range of item numbers. The fields are read as a JSON record's are."""
    fmt = "feed"
    if not inp.is_part and news_xml.is_news_root(_head(inp)):  # one article: NITF, RCV1, TEI
        return _read_news_xml(inp, limits)
    first, stop = (inp.start, inp.end) if inp.is_part else (1, None)
    codec = None
    try:
        with inp.open() as raw:
            head = raw.read(8192)
            raw.seek(0)
            if not head.strip() and len(head) < 8192:  # as for every format: empty, not malformed
                detail = "file has no content" if not head else "file has only whitespace"
                return _file_reject(inp, fmt, EMPTY, detail, inp.size)
            codec = compressed.codec_of(head)
            kind = binary_format(head) if codec is None else None
            if kind is None and codec is None and looks_binary(head) and not looks_utf16(head):
                # NULs or control bytes (a preallocated or zeroed file): not a feed that broke
                kind = "control bytes"
            if kind is not None:
                detail = (
                    f"{kind} under a '{inp.suffix or 'no extension'}' name: not a feed (convert it first)"
                )
                return _file_reject(inp, fmt, BINARY, detail, inp.size, _sample(head, 40))
            fh = raw
            if codec is not None:
                cap = compressed.stream_cap(inp.size, limits.max_file_bytes, limits.max_gzip_ratio)
                fh = compressed.DecompressReader(raw, cap)
            entries = _feed_entries(feeds.items(fh, first, stop))
            res = _read_records(
                inp, entries, "utf-8", replace(limits, **_FEED_LIMITS), fmt, taken, unit="item"
            )
    except feeds.NotAFeed as exc:
        if not inp.is_part:  # a news article as XML (NITF, RCV1, TEI), or what its root says
            return _read_news_xml(inp, limits)
        return _file_reject(inp, fmt, UNSUPPORTED_XML, f"{exc}: only RSS and Atom feeds are read", inp.size)
    except feeds.Unsafe as exc:
        return _file_reject(inp, fmt, UNSAFE_XML, str(exc), inp.size)
    except feeds.Malformed as exc:
        return _file_reject(inp, fmt, MALFORMED_XML, f"not well-formed XML at {exc}", inp.size)
    except (compressed.Expands, compressed.Corrupt) as exc:
        reason = TOO_LARGE if isinstance(exc, compressed.Expands) else BINARY
        return _file_reject(inp, fmt, reason, f"{codec} data {exc}", inp.size)
    except OSError as exc:
        if not _permanent(exc):
            raise
        return _file_reject(inp, fmt, READ_ERROR, f"{type(exc).__name__}: {exc}", inp.size)
    return res if res.docs or res.rejects else _file_reject(inp, fmt, EMPTY, "a feed with no items", inp.size)


def _read_sgml(
    inp: InputFile,
    data: bytes,
    body: str,
    enc: str,
    limits: IngestLimits,
    fmt: str,
    taken: set[str] | None = None,
) -> IngestResult:
    """One document per ``<REUTERS>`` element of a Reuters-21578 ``.sgm`` file, keyed by its NEWID
    (``factsieve.ingest.reuters_sgml``); an element without a body (a BRIEF: headline only) is a
    ``no_body`` reject. A part (``parts._split_sgml``) starts at an element; ``first_line`` is its number."""
    first = inp.first_line if inp.is_part else 1
    entries = []
    for art in reuters_sgml.articles(body, first):
        rec = {k: v for k, v in art.record.items() if v is not None}
        problem = None
        if art.record["text"] is None:
            title = visible(art.record["title"] or "")[:80]
            problem = (NO_BODY, f"NEWID {art.newid or '?'} ({art.kind}): no <BODY>, a headline only: {title}")
        key = _rejected_by_id(rec, problem, f"element:{art.position}")
        entries.append((key, art.position, art.source, rec, problem))
    if not entries:
        if trec_sgml.looks_like(body):  # TREC <DOC> files named .sgm: read as what they are
            return _read_trec(inp, data, body, enc, limits, "trec", taken)
        detail = "no <REUTERS> element: only the Reuters-21578 and TREC <DOC> layouts of SGML are read"
        return _file_reject(inp, fmt, UNSUPPORTED_XML, detail, len(data), _sample(body))
    return _read_records(inp, entries, enc, replace(limits, **_FEED_LIMITS), fmt, taken, unit="element")


# Gigaword's <DOC type=…> values other than "story", as a reject's detail says them.
_NOT_STORIES = {
    "advis": "an advisory to editors",
    "multi": "several briefs in one element",
    "other": "a list, table or schedule",
}


def _trec_problem(doc: trec_sgml.Doc) -> tuple[str, str] | None:
    name = doc.docno or f"<DOC> {doc.position}"
    title = visible(doc.record["title"] or "")[:80]
    if doc.cut:
        return (
            MALFORMED_XML,
            f"the file ends inside {name} (no </DOC>: a truncated download); not read as a shorter story",
        )
    if doc.kind and doc.kind != "story":
        what = _NOT_STORIES.get(doc.kind, "not a story")
        return NOT_A_STORY, f'{name} type="{doc.kind}": {what}, not a story: {title}'
    if doc.record["text"] is None:
        return NO_BODY, f"{name}: no <TEXT>, a headline only: {title}"
    return None


def _read_trec(
    inp: InputFile,
    data: bytes,
    body: str,
    enc: str,
    limits: IngestLimits,
    fmt: str,
    taken: set[str] | None = None,
) -> IngestResult:
    """One document per ``<DOC>`` of a TREC-disk or Gigaword SGML file (``factsieve.ingest.trec_sgml``),
    keyed by its DOCNO or id (else ``doc:N``). Rejects: a Gigaword ``type`` other than ``story``
    (``not_a_story``), no ``<TEXT>`` (``no_body``), a ``<DOC>`` the file ends inside
    (``malformed_xml``)."""
    fmt = "trec"
    entries = []
    for doc in trec_sgml.docs(body, inp.first_line if inp.is_part else 1):
        rec = {k: v for k, v in doc.record.items() if v is not None}
        problem = _trec_problem(doc)
        key = _rejected_by_id(rec, problem, f"doc:{doc.position}")
        entries.append((key, doc.position, doc.source, rec, problem))
    if not entries:
        detail = "no <DOC> element: not TREC or Gigaword SGML"
        return _file_reject(inp, fmt, UNSUPPORTED_XML, detail, len(data), _sample(body))
    return _read_records(inp, entries, enc, replace(limits, **_FEED_LIMITS), fmt, taken, unit="doc")


def _read_email(
    inp: InputFile,
    data: bytes,
    body: str,
    enc: str,
    limits: IngestLimits,
    fmt: str,
    taken: set[str] | None = None,
) -> IngestResult:
    """An e-mail or Usenet message (one document, key ``""``) or an mbox (one per message, keyed by
    Message-ID, else ``message:N``): ``factsieve.ingest.mail``. Parsed from the bytes (MIME parts
    declare their own charsets). A message with no headers is ``malformed_record``; one with no
    text part, or only quoted text, ``missing_text``."""
    fmt = "email"
    mbox = mail.looks_like_mbox(data[:8192])
    found = list(mail.mbox_messages(data, inp.first_line if inp.is_part else 1)) if mbox else [(1, data)]
    entries = []
    for position, raw in found:
        default = f"message:{position}" if mbox else ""
        if not mail.looks_like_message(raw[:8192]) and not (mbox and mail.has_headers(raw)):
            detail = "no message headers (From: and Subject:, Date:, Newsgroups: …) before a blank line"
            if mbox and raw.strip() and b"\n\n" not in raw.replace(b"\r\n", b"\n"):
                detail = "the headers never end (no blank line): the file is cut inside this message"
            entries.append((default, position, _sample(raw), None, (MALFORMED_RECORD, detail)))
            continue
        post = mail.message(raw, position)
        rec = {k: v for k, v in post.record.items() if v is not None and (mbox or k != "id")}
        problem = (MISSING_TEXT, post.problem) if post.problem else None
        entries.append((_rejected_by_id(rec, problem, default), position, post.source, rec, problem))
    if not entries:
        return _file_reject(inp, fmt, EMPTY, "an mbox with no message", len(data))
    return _read_records(inp, entries, enc, replace(limits, **_FEED_LIMITS), fmt, taken, unit="message")


def _read_news_xml(inp: InputFile, limits: IngestLimits) -> IngestResult:
    """A news article as one XML document: NITF (NYT Annotated Corpus), RCV1, TEI or trafilatura
    XML (``factsieve.ingest.news_xml``), read whole within ``max_file_bytes``. Any other root is
    ``unsupported_xml`` naming it."""
    fmt = "newsxml"
    data = _whole_bytes(inp, fmt, limits)
    if isinstance(data, IngestResult):
        return data
    codec = compressed.codec_of(data[:16])
    if codec is not None:
        data = _decompressed(inp, fmt, data, limits, codec)
        if isinstance(data, IngestResult):
            return data
    try:
        art = news_xml.article(data)
    except feeds.NotAFeed as exc:
        return _file_reject(inp, "feed", UNSUPPORTED_XML, f"{exc}: not read", len(data))
    except feeds.Unsafe as exc:
        return _file_reject(inp, fmt, UNSAFE_XML, str(exc), len(data))
    except feeds.Malformed as exc:
        return _file_reject(inp, fmt, MALFORMED_XML, f"not well-formed XML at {exc}", len(data))
    rec = {k: v for k, v in art.record.items() if v is not None and k != "id"}
    problem = None if "text" in rec else (MISSING_TEXT, f"no text in {art.where} ({art.kind})")
    source = data[:2000].decode("utf-8", "replace")
    entries = [("", 1, source, rec, problem)]
    res = _read_records(inp, entries, "utf-8", replace(limits, **_FEED_LIMITS), fmt, unit="document")
    for doc in res.docs:
        doc.raw_bytes = len(data)
    return res


_READERS = {
    "text": _read_text,
    "html": _read_html,
    "jsonl": _read_jsonl,
    "json": _read_jsonl,
    "wet": _read_wet,
    "warc": _read_wet,
    "csv": _read_csv,
    "tsv": _read_csv,
    "sgml": _read_sgml,
    "trec": _read_trec,
    "email": _read_email,
}


def _file_reject(
    inp: InputFile, fmt: str, reason: str, detail: str, nbytes: int, sample: str = ""
) -> IngestResult:
    """The whole file (or part) is one rejected record. The detail may quote an OS error naming a
    file whose name is not UTF-8: escaped, so it can be written. A part is keyed by its first
    line or row: the parts of one file must not share the file's key "" (a Parquet file rewritten
    during the run gave one corrupt_file per part, all keyed "")."""
    detail = detail.encode("utf-8", "backslashreplace").decode("utf-8")
    key = f"{'row' if fmt in ('parquet', 'arrow') else 'line'}:{inp.first_line}" if inp.is_part else ""
    return IngestResult(rejects=[Reject(inp.uri, key, fmt, reason, detail, nbytes, sample)])


def _permanent(exc: OSError) -> bool:
    """The file vanished, is unreadable or is a loop of links: a reject. Other OSErrors (I/O errors,
    timeouts of network filesystems) propagate so the flow retries the batch."""
    return isinstance(exc, FileNotFoundError | PermissionError | IsADirectoryError | NotADirectoryError) or (
        exc.errno in (errno.ELOOP, errno.ENAMETOOLONG)
    )


def _read_part(inp: InputFile, limits: IngestLimits, taken: set[str] | None) -> IngestResult:
    """A part of a UTF-8 JSONL, CSV or TSV file that ``split_parts`` checked as a whole, or a
    Parquet file or some of its row groups."""
    fmt = input_format(inp) or "jsonl"
    if fmt in ("parquet", "arrow"):
        return _read_parquet(inp, limits, taken, fmt)
    if fmt == "feed":
        return _read_feed(inp, limits, taken)
    enc = "utf-8"
    try:
        data = inp.read_bytes()
        # Truncated after it was planned: the part's records are not all there. Before, the parts
        # past the new end read no bytes, so no record and no reject: they vanished from the run.
        short = len(data) < inp.end - inp.start
        # Reuters-21578 holds stray cp1252 bytes (reut2-017): decoded as a file is. An mbox's messages
        # are parsed from the bytes (MIME parts name their charsets); the decoding gives the label.
        if fmt in ("sgml", "trec", "email") and not short:
            body, enc = decode_bytes(data)
        else:
            body = "" if fmt in ("wet", "warc") or short else data.decode("utf-8")  # framed as bytes
    except (OSError, UnicodeError) as exc:
        if isinstance(exc, OSError) and not _permanent(exc):
            raise
        # The file vanished or changed after it was planned: say so for this part's bytes.
        detail = f"bytes {inp.start:,}-{inp.end:,} (from line {inp.first_line}): {type(exc).__name__}: {exc}"
        return _file_reject(inp, "jsonl", READ_ERROR, detail, inp.end - inp.start)
    if short:
        detail = (
            f"bytes {inp.start:,}-{inp.end:,} (from line {inp.first_line}): the file shrank while the run "
            f"read it ({len(data):,} bytes of this part left); the next run reads it again"
        )
        return _file_reject(inp, fmt, READ_ERROR, detail, inp.end - inp.start)
    reader = {
        "csv": _read_csv,
        "tsv": _read_csv,
        "wet": _read_wet,
        "warc": _read_wet,
        "sgml": _read_sgml,
        "trec": _read_trec,
        "email": _read_email,
    }
    reader = reader.get(fmt, _read_jsonl)
    return reader(inp, data, body, enc, limits, fmt, taken)


def read_input(
    inp: InputFile, limits: IngestLimits = IngestLimits(), taken: set[str] | None = None
) -> IngestResult:
    """Read one input file (or part of one) into documents and rejects. Never raises for bad
    content. ``taken``: for a part, the record keys earlier parts of its file used."""
    if inp.refused:  # discovery decided it must not be read (factsieve.ingest.sources)
        fmt = FORMATS.get(inp.suffix, inp.suffix.lstrip(".") or "none")
        return _file_reject(inp, fmt, inp.refused, inp.refused_detail, 0)
    if archive_kind(inp):  # streamed member by member: no file size limit
        return _read_archive(inp, limits, taken=taken)
    fmt = input_format(inp)
    # Parquet is read a batch of rows at a time, a feed an item at a time: no file size limit
    if inp.is_part or fmt in ("parquet", "arrow", "feed"):
        return _read_part(inp, limits, taken)
    if fmt is None:
        # The content sniff reads nothing from a file that cannot be opened (a loop of links, a
        # dangling one): say that, as for a named file, not "no known shape" (round 8).
        if (why := _cannot_open(inp)) is not None:
            return _file_reject(inp, inp.suffix.lstrip(".") or "none", READ_ERROR, why, inp.size)
        return _file_reject(
            inp, inp.suffix.lstrip(".") or "none", UNSUPPORTED_FORMAT, _unsupported(inp), inp.size
        )
    data = _whole_bytes(inp, fmt, limits)
    return data if isinstance(data, IngestResult) else _read_content(inp, fmt, data, limits)


def _cannot_open(inp: InputFile) -> str | None:
    """Why ``inp`` cannot be opened, when that is permanent; else None."""
    try:
        with inp.open():
            return None
    except OSError as exc:
        if not _permanent(exc):
            raise
        return f"{type(exc).__name__}: {exc}"


def _whole_bytes(inp: InputFile, fmt: str, limits: IngestLimits) -> bytes | IngestResult:
    """The bytes of a file read whole, or its reject: over ``max_file_bytes`` (not read), unreadable."""
    if inp.size > limits.max_file_bytes:
        return _file_reject(
            inp, fmt, TOO_LARGE, f"{inp.size:,} bytes > limit {limits.max_file_bytes:,}", inp.size
        )
    try:
        return inp.read_bytes()
    except OSError as exc:
        if not _permanent(exc):
            raise
        return _file_reject(inp, fmt, READ_ERROR, f"{type(exc).__name__}: {exc}", inp.size)


def _read_content(inp: InputFile, fmt: str, data: bytes, limits: IngestLimits) -> IngestResult:
    """The records of a whole file's bytes: decompressed, checked for binary content, decoded,
    and read by the reader of ``fmt`` (or of what the content turns out to be)."""
    codec = compressed.codec_of(data[:16])
    if codec is not None:  # content decides: gzip, bzip2, xz or zstd under any readable name
        data = _decompressed(inp, fmt, data, limits, codec)
        if isinstance(data, IngestResult):
            return data
    if not data.strip():
        return _file_reject(
            inp, fmt, EMPTY, "file has no content" if not data else "file has only whitespace", len(data)
        )
    if fmt in ("text", "html") and (kept := _without_nul_padding(data)) is not data:
        # A text or page whose only NULs are a run at its end (a crashed writer, a preallocated file,
        # a VM disk's zeros): the run is no content; before, the text was a binary reject (round 7).
        res = _read_content(inp, fmt, kept, limits)
        res.skipped["trailing NUL bytes"] += 1
        return res
    if fmt == "warc" and data.startswith(b"WARC/"):  # records framed as bytes; payloads may be images
        return _read_wet(inp, data, "", "utf-8", limits, fmt)
    kind = binary_format(data)
    if kind is not None:
        detail = f"{kind} under a '{inp.suffix or 'no extension'}' name: not text (convert it first)"
        return _file_reject(inp, fmt, BINARY, detail, len(data), _sample(data, 40))
    blocks = _utf16_blocks(fmt, data)
    if blocks is not None:  # UTF-8 and UTF-16 JSON Lines concatenated: each block as what it is
        return _read_jsonl(inp, data, blocks.text, blocks.encoding, limits, fmt)
    if fmt in ("csv", "tsv", "text") and b"\x00" in data:
        blocks = utf16_blocks(data, spaced=True)
        if blocks is not None:  # a UTF-16 export appended to a UTF-8 table or text (round 6)
            return _read_decoded(inp, data, blocks, limits, fmt)
    if looks_binary(data) and not looks_utf16(data):
        text = _jsonl_with_bad_lines(fmt, data)
        if text is not None:  # valid UTF-8: each bad line is rejected by the reader
            reader = _read_jsonl if fmt == "jsonl" else _read_csv
            return reader(inp, data, text, "utf-8", limits, fmt)
        return _file_reject(
            inp, fmt, BINARY, "control bytes found: not a text file", len(data), _sample(data, 40)
        )
    try:
        decoded = decode_text(data, per_line=fmt in ("jsonl", "json", "csv", "tsv"))
    except UnicodeError as exc:
        return _file_reject(inp, fmt, UNDECODABLE, str(exc), len(data), _sample(data))
    return _read_decoded(inp, data, decoded, limits, fmt)


def _without_nul_padding(data: bytes) -> bytes:
    """``data`` without a run of at least 16 NUL bytes at its end when no other NUL is in it (UTF-16
    text has NULs throughout, or ends in one or two: not padding); else ``data`` itself."""
    kept = data.rstrip(b"\x00")
    if len(data) - len(kept) < 16 or b"\x00" in kept or not kept.strip():
        return data
    return kept


def _read_decoded(
    inp: InputFile, data: bytes, decoded: Decoded, limits: IngestLimits, fmt: str
) -> IngestResult:
    if fmt == "text":  # an HTML page or JSON Lines saved as .txt: read as what it is
        fmt = text_format(decoded.text) or fmt
    reader = _READERS[fmt]
    if decoded.doubtful_lines and reader in (_read_jsonl, _read_csv):
        # A line no encoding reads with confidence is its record's reject; a .txt or HTML page is
        # one record, kept in the reading most of its lines share.
        doubtful = {i + 1: decoded.encoding for i in decoded.doubtful_lines}
        return reader(inp, data, decoded.text, decoded.encoding, limits, fmt, doubtful=doubtful)
    return reader(inp, data, decoded.text, decoded.encoding, limits, fmt)


def _json_lines(text: str) -> int:
    """How many lines of ``text`` are JSON values."""
    return sum(1 for line in text.split("\n") if line.strip() and _parse_json(line)[1] is None)


def _utf16_blocks(fmt: str, data: bytes) -> Decoded | None:
    """A JSON Lines file of UTF-8 lines and UTF-16 blocks (``decode.utf16_blocks``), when reading it
    so gives more JSON lines than reading it whole does. Before, the whole file was UTF-16 (one
    ``malformed_json`` for all its records) or, past the first 8 KB, a ``binary`` reject."""
    if fmt not in ("jsonl", "json") or b"\x00" not in data:
        return None
    blocks = utf16_blocks(data)
    if blocks is None:
        return None
    try:
        whole = _json_lines(decode_bytes(data)[0])
    except UnicodeError:
        whole = 0
    return blocks if _json_lines(blocks.text) > whole else None


def input_format(inp: InputFile) -> str | None:
    """The reader for ``inp`` by its name (a ``.gz`` file's by the name inside), else by its
    content when the name selects none (``sniff.corpus_format``: TREC/Gigaword SGML, e-mail,
    news XML), or None."""
    fmt = format_of_name(inp.name)
    if fmt is not None or inp.refused or compressed.unread_archive_kind(inp.name):
        return fmt
    # A part of such a file (parts._split_trec) is sniffed too: its file opens with the same shape
    return corpus_format(_head(inp))


def archive_kind(inp: InputFile) -> str | None:
    """``"zip"`` or ``"tar"`` when ``inp`` is an archive that is read: by its name (``.zip``,
    ``.tar.gz``, ...), or, when its name selects no reader (``corpus.gz``, ``corpus``), by its content:
    a tar, compressed or not (round 7 left a tar gzipped as ``corpus.gz`` ``unsupported_format``). A
    name that selects a reader keeps it: a ``.txt`` holding a tar is that reader's ``binary`` reject."""
    kind = archives.kind_of_name(inp.name)
    if kind is not None or inp.refused or format_of_name(inp.name) is not None:
        return kind
    if compressed.unread_archive_kind(inp.name):
        return None
    return "tar" if archives.is_tar_header(_head(inp, 512)) else None


def reader_takes(inp: InputFile) -> bool:
    """Whether a reader takes ``inp`` now, for a file whose last reading was an ``unsupported_format``
    or ``unsupported_xml`` reject of the whole file (``manifest.plan`` reads it again when one
    does): its name or content selects a reader; for XML or SGML the content must be of a shape
    read now (an RSS feed or a news article's XML; Reuters or TREC SGML), so an SVG or a config
    file is not read again on every run."""
    fmt = input_format(inp)
    if fmt is None:
        return archive_kind(inp) is not None
    if fmt == "feed":
        return corpus_format(_head(inp)) == "feed"
    if fmt == "sgml":
        head = _head(inp)
        return b"<REUTERS" in head.upper() or trec_sgml.looks_like(head.decode("latin-1"))
    return fmt is not None


def _head(inp: InputFile, n: int = 8192) -> bytes:
    """The first ``n`` bytes of ``inp``'s content (decompressed when it is compressed); b"" when
    they cannot be read (the reader reports that)."""
    try:
        with inp.open() as fh:
            head = fh.read(n)
            if compressed.codec_of(head[:16]) is None:
                return head
            fh.seek(0)
            return compressed.DecompressReader(fh, 64 * n).read(n)
    except (OSError, compressed.Corrupt, compressed.Expands):
        return b""


def format_of_name(name: str) -> str | None:
    """The reader a file name selects (``x.jsonl.gz``, ``x.jsonl.zst``: jsonl), or None: no reader
    takes it."""
    suffix = posixpath.splitext(name)[1].lower()
    return FORMATS.get(compressed.inner_suffix(name) if suffix in compressed.SUFFIXES else suffix)


def _decompressed(
    inp: InputFile, fmt: str, data: bytes, limits: IngestLimits, codec: str
) -> bytes | IngestResult:
    """The content of compressed ``data``, or the file's reject when it expands past the limit (a
    decompression bomb stops there) or does not decompress."""
    try:
        return compressed.decompress(io.BytesIO(data), limits.max_file_bytes)
    except compressed.Expands as exc:
        detail = (
            f"{codec} data {exc}: a decompression bomb, or a file that cannot be streamed (JSON Lines, "
            "WET/WARC, UTF-8 CSV/TSV with a header, Reuters SGML and feeds are; limit: max_file_bytes)"
        )
        return _file_reject(inp, fmt, TOO_LARGE, detail, len(data))
    except compressed.Corrupt as exc:
        detail = f"{codec} data that does not decompress (truncated or damaged: {exc})"
        return _file_reject(inp, fmt, BINARY, detail, len(data), _sample(data, 40))


def _unsupported(inp: InputFile) -> str:
    """Why no reader takes ``inp``: what an archive is, else the suffixes that are read."""
    kind = compressed.unread_archive_kind(inp.name)
    if kind is not None:
        return f"{kind}: not read (zip and tar archives are; repack it as one, or unpack it under RAW)"
    supported = ", ".join(sorted(FORMATS))
    if inp.suffix in compressed.SUFFIXES:
        inner = compressed.inner_suffix(inp.name) or "no extension"
        return (
            f"{compressed.SUFFIXES[inp.suffix]} of a '{inner}' file: no reader for it; supported (also "
            f"compressed: .gz, .bz2, .xz, .zst): {supported}"
        )
    return (
        f"no reader for '{inp.suffix or 'no extension'}' files, and the content has no known shape (TREC or "
        f"Gigaword <DOC> SGML, an e-mail, an mbox, an HTML page, a feed or news XML); supported (also as .gz, "
        f".bz2, .xz, "
        f".zst): {supported}"
    )


def _read_archive(
    inp: InputFile, limits: IngestLimits, nested: bool = False, taken: set[str] | None = None
) -> IngestResult:
    """The documents and rejects of every member of a zip or tar archive (or of the members of a
    part of a large zip: ``start``/``end`` are member numbers), each member read as a file of its
    name by ``read_input``. Their ``source_uri`` is the archive (the input the manifest and the
    latest view know), their record key the member's name (``bbc/business/001.txt``), followed by
    ``!`` and the record's own key in a member of several records (``news.jsonl!line:3``). An
    archive inside an archive is read (``nested``); one more level down is a ``nested_archive``
    reject. A name an earlier member had (a zip or tar may hold it twice: appended, ``zip -u``) is
    keyed ``name@member:N`` (N: its number in the archive), as a repeated JSONL id is, so keys stay
    unique per file; ``taken``: the keys earlier parts of the archive used."""
    kind = archive_kind(inp) or "zip"
    res = IngestResult()
    first, stop = (inp.start, inp.end) if inp.is_part else (0, None)
    names = _MemberNames(inp.first_line - 1 if inp.is_part else 0, taken)
    cap = compressed.stream_cap(inp.size, limits.max_file_bytes, limits.max_gzip_ratio)
    left_out = partial(exclude.passed_over, patterns=limits.exclude)
    try:
        with inp.open() as fh:
            for m in archives.members(fh, kind, limits.max_file_bytes, cap, first, stop, left_out):
                if isinstance(m, archives.Skipped):
                    names.next(None)
                    res.skipped[m.kind] += 1
                elif isinstance(m, archives.Refused):
                    fmt = (
                        format_of_name(m.name) or posixpath.splitext(m.name)[1].lstrip(".").lower() or "none"
                    )
                    key = names.next(m.name)
                    res.rejects.append(Reject(inp.uri, key, fmt, m.reason, m.detail, m.nbytes))
                else:
                    _add_member(res, inp, names.next(m.name), _read_member(inp, m, limits, nested))
    except archives.Unreadable as exc:
        detail = f"not a {kind} archive that can be read (truncated or damaged: {exc})"
        return _file_reject(inp, "archive", CORRUPT_FILE, detail, inp.size)
    except OSError as exc:
        if not _permanent(exc):
            raise
        return _file_reject(inp, "archive", READ_ERROR, f"{type(exc).__name__}: {exc}", inp.size)
    if res.skipped:
        log.info("%s: passed over %s", inp.uri, dict(sorted(res.skipped.items())))
    if inp.is_part:
        res.keys = {d.record_key for d in res.docs} | {r.record_key for r in res.rejects}
    # The archive must leave a row, and say what it held. Of a large archive read in parts, only the
    # first part says so: a later part of only passed-over members (folders, --exclude) is no reject,
    # and the first part is none either when a later part writes a row (round 7 left one `empty`
    # row for an archive whose documents all lay after its first part).
    if not res.docs and not res.rejects and (not inp.is_part or _nothing_after(inp, kind, left_out)):
        held = ", ".join(f"{n} {k}" for k, n in sorted(res.skipped.items())) or "nothing"
        return _file_reject(
            inp, "archive", EMPTY, f"an archive with no file to read (it holds {held})", inp.size
        )
    return res


def _nothing_after(inp: InputFile, kind: str, left_out) -> bool:
    """Whether ``inp`` is the first part of its archive and no later part reads or refuses a member."""
    if inp.first_line != 1:
        return False
    try:
        with inp.open() as fh:
            return not archives.any_read_after(fh, kind, inp.end, left_out)
    except OSError:
        return True  # the later parts meet the same error and report it; this part says what it held


class _MemberNames:
    """Record keys of an archive's members in archive order: the name, or ``name@member:N`` for a
    name used before (N counts every entry from 1, folders and passed-over members included, so a
    part starting at entry ``base + 1`` numbers as a whole read does)."""

    def __init__(self, base: int, taken: set[str] | None) -> None:
        self.n = base
        # An earlier part's keys: a member's name, or name!record key (a multi-record member)
        self.used = {k.split("!", 1)[0] for k in taken or ()}

    def next(self, name: str | None) -> str:
        self.n += 1
        if name is None:
            return ""
        key = name if name not in self.used else f"{name}@member:{self.n}"
        self.used.add(key)
        return key


def _read_member(inp: InputFile, m: archives.Member, limits: IngestLimits, nested: bool) -> IngestResult:
    """A member's records, read from its temporary file under its own name. A member with no
    extension is read by its content when it has a known shape (``input_format``: 20 Newsgroups ships
    one extensionless message a file, ``sci.space/60804``; TREC disks ``AP/AP880212``), else as
    ``.txt`` (the content still decides: HTML, JSON, binary), as such members always were."""
    name = m.name
    member = InputFile(f"{inp.uri}!{name}", m.size, m.mtime, rel=f"{inp.rel}!{name}", path=m.path)
    # An archive by name or content (a tar as `part.gz`) counts as a level of nesting either way.
    is_archive = archive_kind(member) is not None
    if (
        not is_archive
        and not posixpath.splitext(posixpath.basename(m.name))[1]
        and input_format(member) is None
    ):
        name = f"{m.name}.txt"  # no known shape: read as text, as extensionless members always were
        member = replace(member, uri=f"{inp.uri}!{name}", rel=f"{inp.rel}!{name}")
    if not is_archive:
        return read_input(member, limits)
    if not nested:
        return _read_archive(member, limits, nested=True)
    detail = "an archive inside an archive inside an archive: one level of nesting is read; unpack it first"
    return _file_reject(member, "archive", NESTED_ARCHIVE, detail, m.size)


def _add_member(res: IngestResult, inp: InputFile, name: str, found: IngestResult) -> None:
    """``found`` (a member's records) as records of the archive ``inp``, keyed by member name."""
    for doc in found.docs:
        res.docs.append(replace(doc, source_uri=inp.uri, record_key=_member_key(name, doc.record_key)))
    for rej in found.rejects:
        res.rejects.append(replace(rej, source_uri=inp.uri, record_key=_member_key(name, rej.record_key)))
    res.skipped.update(found.skipped)


def _member_key(name: str, key: str) -> str:
    return f"{name}!{key}" if key else name
