"""What every reader returns (``RawDoc``, ``Reject``, ``IngestResult``) and the helpers they share
for a whole file: its reject, its bytes within ``max_file_bytes``, its decompressed content, its head."""

from __future__ import annotations

import errno
import io
import logging
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from factsieve.ingest import (
    compressed,
)
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.text.visible import visible
from factsieve.vocabulary import (
    BINARY,
    READ_ERROR,
    TOO_LARGE,
)

log = logging.getLogger(__name__)


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


def sample_of(data: bytes | str, n: int = 120) -> str:
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


def file_reject(
    inp: InputFile, fmt: str, reason: str, detail: str, nbytes: int, sample: str = ""
) -> IngestResult:
    """The whole file (or part) is one rejected record. The detail may quote an OS error naming a
    file whose name is not UTF-8: escaped, so it can be written. A part is keyed by its first
    line or row: the parts of one file must not share the file's key "" (a Parquet file rewritten
    during the run gave one corrupt_file per part, all keyed "")."""
    detail = detail.encode("utf-8", "backslashreplace").decode("utf-8")
    key = f"{'row' if fmt in ('parquet', 'arrow') else 'line'}:{inp.first_line}" if inp.is_part else ""
    return IngestResult(rejects=[Reject(inp.uri, key, fmt, reason, detail, nbytes, sample)])


def permanent(exc: OSError) -> bool:
    """The file vanished, is unreadable or is a loop of links: a reject. Other OSErrors (I/O errors,
    timeouts of network filesystems) propagate so the flow retries the batch."""
    return isinstance(exc, FileNotFoundError | PermissionError | IsADirectoryError | NotADirectoryError) or (
        exc.errno in (errno.ELOOP, errno.ENAMETOOLONG)
    )


def whole_bytes(inp: InputFile, fmt: str, limits: IngestLimits) -> bytes | IngestResult:
    """The bytes of a file read whole, or its reject: over ``max_file_bytes`` (not read), unreadable."""
    if inp.size > limits.max_file_bytes:
        return file_reject(
            inp, fmt, TOO_LARGE, f"{inp.size:,} bytes > limit {limits.max_file_bytes:,}", inp.size
        )
    try:
        return inp.read_bytes()
    except OSError as exc:
        if not permanent(exc):
            raise
        return file_reject(inp, fmt, READ_ERROR, f"{type(exc).__name__}: {exc}", inp.size)


def cannot_open(inp: InputFile) -> str | None:
    """Why ``inp`` cannot be opened, when that is permanent (a loop of links, a dangling one); else
    None. The content sniff of a file with no useful name reads nothing from such a file: without
    this it was "no known shape" (``unsupported_format``), not the ``read_error`` it is (round 8)."""
    try:
        with inp.open():
            return None
    except OSError as exc:
        if not permanent(exc):
            raise
        return f"{type(exc).__name__}: {exc}"


def content_head(inp: InputFile, n: int = 8192, decompress: bool = True) -> bytes:
    """The first ``n`` bytes of ``inp``'s content (decompressed when it is compressed and
    ``decompress``, else as stored); b"" when they cannot be read (the reader reports that)."""
    try:
        with inp.open() as fh:
            head = fh.read(n)
            if not decompress or compressed.codec_of(head[:16]) is None:
                return head
            fh.seek(0)
            return compressed.DecompressReader(fh, 64 * n).read(n)
    except (OSError, compressed.Corrupt, compressed.Expands):
        return b""


def decompressed(
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
        return file_reject(inp, fmt, TOO_LARGE, detail, len(data))
    except compressed.Corrupt as exc:
        detail = f"{codec} data that does not decompress (truncated or damaged: {exc})"
        return file_reject(inp, fmt, BINARY, detail, len(data), sample_of(data, 40))
