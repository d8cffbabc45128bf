"""CSV and TSV files as public news corpora ship them (Kaggle "title,text,subject,date" sets, news
category dumps, ``pandas.to_csv`` output): a header row naming the columns, then one record per row,
quoted fields that may hold commas, quotes and line breaks.

Parsed with Python's ``csv`` module (RFC 4180 quoting, ``strict``), fed one physical line at a time
so every row knows the lines it spans: a row the parser cannot frame (an opening quote never closed,
text after a closing quote) or with the wrong number of fields is a reject naming its line, and
reading resumes on the next line; the file is never lost to one bad row. pyarrow's CSV reader parsed
the same 100k-row file ~2.8x faster but reports no line numbers and stops at an unbalanced quote;
parsing is ~1 s of a 100k-row run's several minutes (docs/INGEST.md).

Used by ``factsieve.ingest.read`` (records) and its ``split_parts`` (cuts at row boundaries).
"""

from __future__ import annotations

import csv
import io
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain

from factsieve.text.visible import visible

# How ``.csv`` files separate fields. A comma, unless the header has none outside quotes: then a
# semicolon (European spreadsheet exports, where the comma is the decimal sign) or a tab when it
# has one. ``.tsv`` is always a tab.
_SNIFFED = (";", "\t")


# Excel's separator hint, a first line ``sep=;`` before the header (written by European exports so
# that Excel splits the file; quoted or followed by empty fields when a tool re-saved it).
_SEP_HINT = re.compile(r'\s*"?sep=([^\w\s"]|\t)"?[,;\t]*\s*', re.IGNORECASE)


def sep_hint(line: str) -> str | None:
    """The separator an Excel hint line (``sep=;``) names, or None when ``line`` is not one."""
    found = _SEP_HINT.fullmatch(line.lstrip("\ufeff"))
    return found.group(1) if found else None


def delimiter_for(fmt: str, header_line: str) -> str:
    """The field separator of a ``csv`` or ``tsv`` file whose first line is ``header_line`` (an
    Excel hint ``sep=;`` there names it)."""
    hint = sep_hint(header_line)
    if hint is not None:
        return hint
    if fmt == "tsv":
        return "\t"
    outside = header_line.split('"')[::2]  # the parts outside quotes (RFC 4180 quotes pair up)
    if any("," in part for part in outside):
        return ","
    for sep in _SNIFFED:
        if any(sep in part for part in outside):
            return sep
    return ","


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # line number of the row's first line (1 = the file's first line)
    lines: int  # physical lines it spans
    nbytes: int  # its UTF-8 bytes, line ends included
    fields: list[str] | None  # None: the parser could not frame it
    problem: str = ""  # why not (the csv module's message)
    text: str = ""  # its lines, for a reject's sample

    @property
    def blank(self) -> bool:
        """A blank line (no field, or one holding only whitespace): no record, skipped."""
        return self.fields is not None and len(self.fields) <= 1 and not "".join(self.fields).strip()


class _Lines:
    """The physical lines of a file for ``csv.reader``, remembering those of the row being read, so
    that after a row the parser cannot frame, reading can resume on the line after its first."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.source = iter(lines)
        self.pending: deque[str] = deque()
        self.row: list[str] = []

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self.pending.popleft() if self.pending else next(self.source)
        self.row.append(line)
        return line

    def take(self) -> list[str]:
        taken, self.row = self.row, []
        return taken

    def resume_after_first(self) -> str:
        """Drop the first line of the row being read; its other lines are read again."""
        first, *rest = self.row or [""]
        self.pending.extendleft(reversed(rest))
        self.row = []
        return first


def _nbytes(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _line_ends(lines: list[str]) -> int:
    """The line ends in ``lines``: a piece of an overlong line (``factsieve.ingest.parts``) has
    none and starts no line of its own; the file's last line, without one, ends the file."""
    return sum(1 for text in lines if text.endswith("\n"))


def rows(
    lines: Iterable[str], delimiter: str, first_line: int = 1, max_field_chars: int = 2_000_000
) -> Iterator[Row]:
    """The rows of ``lines`` (physical lines, each with its "\\n"), blank lines included. A row the
    parser cannot frame is a ``Row`` with ``fields`` None, spanning its first line only: the next
    row starts on the line after it (an opening quote never closed would otherwise take the rest
    of the file with it). A field longer than ``max_field_chars`` is such a row too, so a quote
    left open costs at most that much reading. Reading starts at a row boundary and every row
    ends at one, so a file read in parts cut after any row gives the same rows."""
    # The module-wide limit (default 131,072) is raised for news articles; it bounds a field.
    csv.field_size_limit(max(max_field_chars + 1, 131_072))
    src = _Lines(lines)
    line = first_line
    while True:
        reader = csv.reader(src, delimiter=delimiter, strict=True)
        try:
            for fields in reader:
                taken = src.take()
                start, line = line, line + _line_ends(taken)
                text = "".join(taken)
                yield Row(start, len(taken), _nbytes(text), fields, text=text)
        except csv.Error as exc:
            first = src.resume_after_first()
            yield Row(line, _line_ends([first]), _nbytes(first), None, str(exc), first)
            line += _line_ends([first])
            continue
        return


def physical_lines(text: str) -> Iterator[str]:
    """``text``'s lines, each with its "\\n" ("\\r\\n" kept whole). Only "\\n" ends a line (not
    U+2028 or a form feed, as ``str.splitlines`` would). A file with classic Mac line ends (a lone
    "\\r", no "\\n") has its CRs read as line ends: such a file is never cut into parts."""
    if "\n" not in text and "\r" in text:
        text = text.replace("\r", "\n")
    return iter(io.StringIO(text, newline="\n"))


@dataclass(frozen=True, slots=True)
class Header:
    names: list[str]
    next_line: int  # the line number the first record may start on


# A first row with any of these is data, not column names: a header names columns in a word or
# two, and does not repeat a name.
_MAX_NAME_CHARS = 64


def header_problem(names: list[str]) -> str:
    """Why a first row cannot be a header (a file shipped without one, such as AG News's
    ``"3","Wall St. Bears Claw Back…","Reuters - …"``), or "" when it can."""
    seen = ", ".join(repr(visible(n[:40]) + ("…" if len(n) > 40 else "")) for n in names[:4])
    seen += ", …" if len(names) > 4 else ""
    if any(len(n) > _MAX_NAME_CHARS for n in names):
        return f"the first row holds long values, not column names ({seen})"
    numeric = [n for n in names if n.strip().replace(".", "", 1).lstrip("-").isdigit()]
    if numeric:
        return f"the first row holds numbers, not column names ({seen})"
    if len({n.strip() for n in names if n.strip()}) < sum(1 for n in names if n.strip()):
        return f"the first row repeats a name ({seen})"
    return ""


# Public news datasets shipped as TSV without a header row, by the shape of their rows (round 10):
# the Microsoft News Dataset's news.tsv (MIND: id "N55528", category, subcategory, title, abstract,
# URL, and the title's and abstract's entities as JSON lists). Its abstract is the text it has.
MIND_NEWS_COLUMNS = [
    "id",
    "category",
    "subcategory",
    "title",
    "text",
    "url",
    "title_entities",
    "abstract_entities",
]
_MIND_ID = re.compile(r"N\d+")


def headerless_names(fields: list[str]) -> list[str] | None:
    """The column names of a known headerless layout ``fields`` (a first row) has, else None."""
    if (
        len(fields) == len(MIND_NEWS_COLUMNS)
        and _MIND_ID.fullmatch(fields[0])
        and (fields[5].startswith(("https://", "http://")) or not fields[5])
        and all(f.startswith("[") or not f for f in fields[6:])
    ):
        return MIND_NEWS_COLUMNS
    return None


def first_line(text: str) -> str:
    """The first line that is not blank: the header's, which decides a ``.csv`` file's delimiter."""
    return next((line for line in physical_lines(text) if line.strip()), "")


def header(rows: Iterator[Row]) -> Header | str:
    """The header a file's first row that is not blank gives, or why that row cannot be one."""
    first = next((row for row in rows if not row.blank), None)
    if first is not None and first.fields is not None and sep_hint(first.text.rstrip("\r\n")) is not None:
        first = next((row for row in rows if not row.blank), None)  # the hint: the header follows
    if first is None:
        return "no rows"
    if first.fields is None:
        return f"the first row cannot be read as CSV ({first.problem})"
    # A header cell wrapped onto two lines (Excel's "wrap text": "Publication\nDate") is one name
    # with a space (round 9; before, a line break made the row data: no_header). A data row's cells
    # are long, numbers, or name no text column, so such a row still ends as a reject.
    names = [" ".join(n.split()) if "\n" in n else n.strip().lstrip("\ufeff") for n in first.fields]
    problem = header_problem(names)
    if problem and (known := headerless_names(first.fields)) is not None:
        return Header(known, first.line)  # the first row is a record
    # max: a header with no line end is the whole file; nothing after it is on its line
    return Header(names, first.line + max(first.lines, 1)) if not problem else problem


def cuts(
    lines: Iterable[bytes], fmt: str, target: int, start: int, max_field_chars: int
) -> list[tuple[int, int]] | None:
    """Where a CSV/TSV file of UTF-8 ``lines`` (bytes, each with its "\\n"; the first after a BOM,
    at byte ``start``) may be cut into parts of about ``target`` bytes: ``(offset, line number)``
    of each part's start, the first part at ``start``. Cuts fall after a row as ``rows`` frames it
    (a quoted line break is inside a row), so the parts give the rows of the whole file. None: the
    file must be read whole (not UTF-8, no header: its reject or decoding need the whole file)."""
    texts = (line.decode("utf-8") for line in lines)
    try:
        head: list[str] = []
        for text in texts:
            head.append(text)
            if text.strip():
                break
        delimiter = delimiter_for(fmt, head[-1] if head else "")
        found = rows(chain(head, texts), delimiter, max_field_chars=max_field_chars)
        out, pos, seen_header = [(start, 1)], start, False
        hint = sep_hint(head[-1].rstrip("\r\n")) is not None if head else False
        for row in found:
            pos += row.nbytes
            if hint and not row.blank:
                hint = False  # the hint line: the header follows (``header``)
                continue
            if not seen_header and not row.blank:
                if row.fields is None or (
                    header_problem(row.fields) and headerless_names(row.fields) is None
                ):
                    return None
                seen_header = True
            elif seen_header and pos - out[-1][0] >= target:
                out.append((pos, row.line + row.lines))
    except UnicodeDecodeError:
        return None
    if out[-1][0] >= pos:
        out.pop()  # a cut at the very end starts no part
    return out
