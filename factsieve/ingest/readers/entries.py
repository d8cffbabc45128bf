"""The record engine every reader of several records per file ends in: ``read_records`` turns
``Entry`` tuples ``(default key, line or row number, source text, parsed record, problem)`` into
documents and rejects by the field rules of ``factsieve.ingest.records``; keys stay unique per file."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from html import unescape

from factsieve.ingest.dates import parse_published
from factsieve.ingest.html import is_field_markup, main_text
from factsieve.ingest.readers.base import (
    IngestResult,
    RawDoc,
    Reject,
    sample_of,
)
from factsieve.ingest.records import (
    FIELD_ALIASES,
    TEXT_FOLDS,
    folded,
    normalised_metadata,
    record_problem,
    text_is_html_field,
    with_canonical_fields,
    without_surrogates,
)
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.text.title import tidy_title, title_from_text
from factsieve.text.visible import visible
from factsieve.vocabulary import (
    EMPTY,
    NO_MAIN_TEXT,
    UNDECODABLE,
)

log = logging.getLogger(__name__)


def key_from_id(value: str | int) -> str:
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


Entry = tuple[str, int, str | None, object, tuple[str, str] | None]


def undecodable(entries: Iterable[Entry], doubtful: dict[int, str] | None) -> Iterable[Entry]:
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


def read_records(
    inp: InputFile,
    entries: Iterable[Entry],
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
        source = line if line is not None else row_source(rec)
        if problem is None:
            if isinstance(rec, dict):
                rec = with_canonical_fields(rec, limits.text_field, limits.title_field)
                rec, dropped = normalised_metadata(rec)
                if dropped and isinstance(rec.get("text"), str) and rec["text"].strip():
                    # Metadata with no reading is dropped, the article kept, and counted (round 17).
                    res.skipped.update(f"metadata dropped: {d}" for d in dropped)
            problem = record_problem(rec, limits, fields)
            rec_id = rec.get("id") if isinstance(rec, dict) else None
            if isinstance(rec_id, str | int) and not isinstance(rec_id, bool):
                key = key_from_id(rec_id)  # the record's own id is the stable key
        # Any key already used in the file (an explicit id repeated, or equal to another
        # line's default "line:N") gets the line number appended until it is unique: every
        # record keeps a key of its own, whatever ids the file holds.
        while key in seen_keys:
            key = f"{key}@{unit}:{lineno}"
        seen_keys.add(key)
        nbytes = len(source.encode("utf-8", "surrogatepass"))
        if problem is not None:
            reason, detail = problem
            sample = "" if reason == EMPTY else sample_of(source)
            res.rejects.append(
                Reject(inp.uri, key, fmt, reason, f"{unit} {lineno}: {detail}", nbytes, sample)
            )
            continue
        text = marker_on_its_line(without_surrogates(rec["text"]))
        title = rec.get("title")
        url = rec.get("url")
        html_field = isinstance(fields, dict) and text_is_html_field(fields, rec["text"], limits.text_field)
        if is_field_markup(text, html_field):  # an HTML body ("<p>…</p>"): its main text, as for a page
            extracted = main_text(text, fragment=True)
            if extracted is None:
                detail = f"{unit} {lineno}: the text is HTML in which trafilatura found no main text"
                res.rejects.append(Reject(inp.uri, key, fmt, NO_MAIN_TEXT, detail, nbytes, sample_of(source)))
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


# NewsAPI's "… [+1234 chars]" at the end of a truncated ``content`` (round 9).
_TRUNCATION_MARKER = re.compile(r"[ \t]*(\[\+\d{1,9} chars\])\s*\Z")


def marker_on_its_line(text: str) -> str:
    """``text`` with a NewsAPI truncation marker at its end moved to a line of its own: the cleaner
    removes that line as ``source_truncated`` (``removed_reasons``; the marker, with how many
    characters the source left out, in ``removed_text``). Before, "[+1234 chars]" ended the text's
    last sentence."""
    if not text.endswith(("]", "]\n", "] ")) or "[+" not in text[-24:]:
        return text
    return _TRUNCATION_MARKER.sub(r"\n\1", text)


def row_source(rec: object) -> str:
    """A Parquet row (the columns read) as JSON: its raw_bytes, and a reject's sample."""
    return json.dumps(rec, ensure_ascii=False, default=str)


def no_text_column(names: list[str], text_field: str) -> str:
    listed = ", ".join(visible(n) for n in names[:12]) + (", …" if len(names) > 12 else "")
    if text_field:
        return f"no column '{visible(text_field)}' (the configured text field; columns: {listed})"
    return f"no 'text' column or alias (body, content, article, …; columns: {listed})"


def text_columns(names: list[str], text_field: str) -> list[str]:
    """The columns that may hold the text: the configured field (or the column a dotted path
    starts in: a struct), or ``text`` and its aliases."""
    if text_field:
        wanted = {text_field, text_field.split(".", 1)[0]}
        return [n for n in names if n in wanted]
    wanted = {"text", *FIELD_ALIASES["text"]}
    # round 17: "Text", "Article Text", "content " too (``records.folded``)
    return [n for n in names if n in wanted or folded(n) in TEXT_FOLDS]


# A feed's records have fixed fields: --text-field / --title-field name JSON and table fields.
FIXED_FIELDS = {"text_field": "", "title_field": ""}


def rejected_by_id(rec: dict, problem: tuple[str, str] | None, default: str) -> str:
    """The default key of a feed item or Reuters element: ``default``, or its id when the reader
    already rejects it (``read_records`` keys an accepted record by its id, not a rejected one)."""
    return key_from_id(rec["id"]) if problem is not None and "id" in rec else default
