"""Ingest: turn raw input files into records, or reject them with a reason code.

Every input record ends up in exactly one of two lists: ``RawDoc`` (usable text)
or ``Reject`` (reason code + detail). Raw files are only ever read.

Formats by file extension:
- ``.txt``/``.text``: one document; encoding detected (BOM, UTF-8, then charset-normalizer).
- ``.html``/``.htm``: one document; main text, title and date extracted by trafilatura.
- ``.jsonl``/``.ndjson``: one document per non-blank line, an object with ``text`` and
  optional ``id``, ``url``, ``title``, ``published``.
Anything else is rejected as ``unsupported_format``. Hidden files (``.name``) are skipped
by discovery, as are editor/OS droppings; they are not inputs.
"""

from __future__ import annotations

import codecs
import json
import logging
from dataclasses import dataclass, field, replace

import charset_normalizer
import pandas as pd

from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.vocabulary import (
    BINARY,
    EMPTY,
    MALFORMED_JSON,
    MALFORMED_RECORD,
    MISSING_TEXT,
    NO_MAIN_TEXT,
    READ_ERROR,
    TOO_LARGE,
    UNDECODABLE,
    UNSUPPORTED_FORMAT,
)

log = logging.getLogger(__name__)

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text files (NUL..BS, SO..US less ESC); their share
# separates binary files from text in an unknown single-byte encoding.
_CHAOS_TIE = 0.1
_CONTROL = bytes(set(range(0, 9)) | set(range(14, 27)) | set(range(28, 32)))


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
    # For a part of a JSONL file: every record key it used (see ``split_parts``).
    keys: set[str] | None = None


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls > max(4, len(head) // 100)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes to text and name the encoding; raise UnicodeError when hopeless.

    UTF-8 is tried strictly first because charset detection on short UTF-8 text can
    guess a single-byte code page and produce mojibake.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc.replace("-sig", "")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise UnicodeError("no text encoding fits these bytes")
    best = matches[0]
    # Detection often ties between code pages on short Western text (cp1250 vs cp1252,
    # even cp932 on one BBC file). Windows-1252, the web's legacy default (HTML5 reads
    # latin-1 as it), wins any near-tie; it decodes é, ñ, € and curly quotes right.
    for m in matches:
        if m.encoding in ("cp1252", "latin_1") and m.chaos <= best.chaos + _CHAOS_TIE:
            try:
                return data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                return data.decode("latin-1"), "latin_1"
    return str(best), best.encoding


def _sample(data: bytes | str, n: int = 120) -> str:
    if isinstance(data, bytes):
        return data[:n].decode("utf-8", "backslashreplace")
    return data[:n]


def parse_published(value: object) -> pd.Timestamp | None:
    """Parse a publication date to UTC; unknown or unparsable dates become None."""
    if value is None or value == "":
        return None
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        return None
    if ts is pd.NaT:
        return None
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")


def _title_from_text(text: str) -> str | None:
    """A first line that reads like a headline (short, no final full stop) is the title."""
    first = text.lstrip().split("\n", 1)[0].strip()
    if 0 < len(first) <= 160 and not first.endswith((".", "!", ",", ";", ":")) and len(first.split()) <= 20:
        return first
    return None


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
    res.docs.append(RawDoc(inp.uri, "", fmt, text, enc, len(data), title=_title_from_text(text)))
    return res


def _read_html(
    inp: InputFile, data: bytes, html: str, enc: str, limits: IngestLimits, fmt: str
) -> IngestResult:
    import trafilatura  # imported lazily: it pulls in lxml and date parsers (~0.3 s)

    res = IngestResult()
    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, deduplicate=False
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        res.rejects.append(
            Reject(
                inp.uri,
                "",
                fmt,
                NO_MAIN_TEXT,
                "trafilatura found no main text in the page",
                len(data),
                _sample(html),
            )
        )
        return res
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
            title=(extracted.title or None),
            url=(extracted.url or None),
            published_at=parse_published(extracted.date),
        )
    )
    return res


def _record_problem(rec: object, limits: IngestLimits) -> tuple[str, str] | None:
    """Why a parsed JSONL record cannot be a document (reason code, detail), or None."""
    if not isinstance(rec, dict):
        return MALFORMED_RECORD, f"expected a JSON object, got {type(rec).__name__}"
    text = rec.get("text")
    if text is None:
        return MISSING_TEXT, "no 'text' field"
    if not isinstance(text, str):
        return MALFORMED_RECORD, f"'text' is {type(text).__name__}, not a string"
    if not text.strip():
        return EMPTY, "'text' is empty"
    if len(text) > limits.max_record_chars:
        return TOO_LARGE, f"{len(text):,} characters > limit {limits.max_record_chars:,}"
    return None


def _jsonl_lines(body: str) -> list[str]:
    """JSON Lines are separated by "\n" ("\r\n" allowed). Not str.splitlines: JSON strings may
    hold U+2028, U+0085 and friends unescaped, and they do not end a record."""
    lines = body.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def _read_jsonl(
    inp: InputFile,
    data: bytes,
    body: str,
    enc: str,
    limits: IngestLimits,
    fmt: str,
    taken: set[str] | None = None,
) -> IngestResult:
    """One document or reject per non-blank line. ``taken``: record keys used by earlier
    parts of the same file (a repeated id gets its line number appended, file-wide)."""
    res = IngestResult()
    seen_keys: set[str] = set(taken or ())
    for lineno, line in enumerate(_jsonl_lines(body), start=inp.first_line):
        if not line.strip():
            continue  # blank lines separate nothing and are not records
        key = f"line:{lineno}"
        nbytes = len(line.encode("utf-8", "surrogatepass"))
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            problem: tuple[str, str] | None = (MALFORMED_JSON, f"{exc.msg} at column {exc.colno}")
            rec = None
        else:
            if isinstance(rec, dict) and rec.get("id") is not None:
                # The record's own id is the stable key; repeated ids get the line number appended.
                key = str(rec["id"])
                if key in seen_keys:
                    key = f"{key}@line:{lineno}"
            seen_keys.add(key)
            problem = _record_problem(rec, limits)
        if problem is not None:
            reason, detail = problem
            sample = "" if reason == EMPTY else _sample(line)
            res.rejects.append(Reject(inp.uri, key, fmt, reason, f"line {lineno}: {detail}", nbytes, sample))
            continue
        text = rec["text"]
        title = rec.get("title")
        url = rec.get("url")
        res.docs.append(
            RawDoc(
                inp.uri,
                key,
                fmt,
                text,
                enc,
                nbytes,
                title=title if isinstance(title, str) and title.strip() else _title_from_text(text),
                url=url if isinstance(url, str) and url else None,
                published_at=parse_published(rec.get("published")),
            )
        )
    if inp.is_part:
        res.keys = seen_keys - set(taken or ())
    return res


_READERS = {"text": _read_text, "html": _read_html, "jsonl": _read_jsonl}


def _file_reject(
    inp: InputFile, fmt: str, reason: str, detail: str, nbytes: int, sample: str = ""
) -> IngestResult:
    """The whole file is one rejected record."""
    return IngestResult(rejects=[Reject(inp.uri, "", fmt, reason, detail, nbytes, sample)])


def _read_part(inp: InputFile, limits: IngestLimits, taken: set[str] | None) -> IngestResult:
    """A part of a UTF-8 JSONL file that ``split_parts`` checked as a whole."""
    try:
        data = inp.read_bytes()
        body = data.decode("utf-8")
    except (FileNotFoundError, PermissionError, IsADirectoryError, UnicodeDecodeError) as exc:
        # The file vanished or changed after it was planned: say so for this part's bytes.
        detail = f"bytes {inp.start:,}-{inp.end:,} (from line {inp.first_line}): {type(exc).__name__}: {exc}"
        return _file_reject(inp, "jsonl", READ_ERROR, detail, inp.end - inp.start)
    return _read_jsonl(inp, data, body, "utf-8", limits, "jsonl", taken)


def read_input(
    inp: InputFile, limits: IngestLimits = IngestLimits(), taken: set[str] | None = None
) -> IngestResult:
    """Read one input file (or part of one) into documents and rejects. Never raises for bad
    content. ``taken``: for a part, the record keys earlier parts of its file used."""
    if inp.is_part:
        return _read_part(inp, limits, taken)
    fmt = FORMATS.get(inp.suffix)
    if fmt is None:
        supported = ", ".join(sorted(FORMATS))
        detail = f"no reader for '{inp.suffix or 'no extension'}' files; supported: {supported}"
        return _file_reject(inp, inp.suffix.lstrip(".") or "none", UNSUPPORTED_FORMAT, detail, inp.size)
    if inp.size > limits.max_file_bytes:
        return _file_reject(
            inp, fmt, TOO_LARGE, f"{inp.size:,} bytes > limit {limits.max_file_bytes:,}", inp.size
        )
    try:
        data = inp.read_bytes()
    except (FileNotFoundError, PermissionError, IsADirectoryError) as exc:
        # Permanent: the file vanished or is unreadable. Other OSErrors (I/O errors,
        # timeouts of network filesystems) propagate so the flow retries the batch.
        return _file_reject(inp, fmt, READ_ERROR, f"{type(exc).__name__}: {exc}", inp.size)
    if not data.strip():
        return _file_reject(
            inp, fmt, EMPTY, "file has no content" if not data else "file has only whitespace", len(data)
        )
    if not data.startswith(tuple(b for b, _ in _BOMS[3:] + _BOMS[:2])) and _looks_binary(data):
        return _file_reject(
            inp, fmt, BINARY, "control bytes found: not a text file", len(data), _sample(data, 40)
        )
    try:
        decoded, enc = decode_bytes(data)
    except UnicodeError as exc:
        return _file_reject(inp, fmt, UNDECODABLE, str(exc), len(data), _sample(data))
    return _READERS[fmt](inp, data, decoded, enc, limits, fmt)


_SPLIT_BLOCK = 8 * 1024 * 1024


def split_parts(inp: InputFile, target_bytes: int) -> list[InputFile]:
    """A JSONL file larger than ``target_bytes`` as parts of about that size, cut after a
    newline; any other file as itself.

    Parts keep memory bounded by the batch, not the file, and let one large file use every
    core. A file is only split when reading it whole would give the same records: UTF-8
    (with or without BOM), not binary, not blank. Anything else (other encodings, which
    need detection over the whole file) is read whole, within ``max_file_bytes``, as before.
    One streaming pass validates the UTF-8 and counts lines, so each part knows the line
    number its first record has (record keys are line numbers where records have no id).
    """
    if FORMATS.get(inp.suffix) != "jsonl" or inp.size <= target_bytes or inp.is_part:
        return [inp]
    try:
        fh = inp.open()
    except OSError:
        return [inp]  # read_input reports it
    with fh:
        head = fh.read(8192)
        if head.startswith(tuple(b for b, _ in _BOMS if b != codecs.BOM_UTF8)) or _looks_binary(head):
            return [inp]
        start = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")("strict")
        cuts: list[tuple[int, int]] = [(start, 1)]  # (offset, line number of the first line there)
        newlines = 0  # "\n" before ``pos``
        pos = 0
        next_cut = start + target_bytes
        blank = True
        while block := fh.read(_SPLIT_BLOCK):
            try:
                decoder.decode(block)
            except UnicodeDecodeError:
                return [inp]
            blank = blank and not block.strip()
            while next_cut < pos + len(block):
                nl = block.find(b"\n", max(next_cut - pos, 0))
                if nl < 0:
                    break  # the cut moves into the next block
                cut = pos + nl + 1
                cuts.append((cut, newlines + block.count(b"\n", 0, nl + 1) + 1))
                next_cut = cut + target_bytes
            newlines += block.count(b"\n")
            pos += len(block)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return [inp]
    if blank:
        return [inp]
    if cuts[-1][0] >= pos:
        cuts.pop()  # a cut at the very end starts no part
    if len(cuts) == 1:
        return [inp]
    ends = [c for c, _ in cuts[1:]] + [pos]
    return [
        replace(inp, size=end - offset, start=offset, end=end, first_line=line)
        for (offset, line), end in zip(cuts, ends, strict=True)
    ]
