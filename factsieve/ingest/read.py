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
  (``factsieve.ingest.archives``, ``readers.archive``).
Anything else is rejected as ``unsupported_format``. Hidden files (``.name``) are skipped
by discovery, as are editor/OS droppings; they are not inputs.

This module is the dispatcher: it decides a file's format (name, then content), reads its bytes
(whole, or a part), decompresses and decodes them, and hands them to the format's reader in
``factsieve.ingest.readers`` (one module per format). Names other modules import from here
(``read_input``, ``RawDoc``, ``Reject``, ``IngestResult``, ``FORMATS`` …) are re-exported below.
"""

from __future__ import annotations

import posixpath
from dataclasses import replace
from functools import partial

from factsieve.ingest import archives, compressed, feeds, json_framing, news_xml
from factsieve.ingest.decode import Decoded, decode_bytes, decode_text, looks_utf16, utf16_blocks
from factsieve.ingest.formats import FORMATS, format_of_name, not_read_kind
from factsieve.ingest.readers.archive import read_archive
from factsieve.ingest.readers.base import (
    FUTURE_SLACK,
    IngestResult,
    RawDoc,
    Reject,
    cannot_open,
    content_head,
    decompressed,
    file_reject,
    permanent,
    published_within,
    sample_of,
    whole_bytes,
)
from factsieve.ingest.readers.csv import read_csv
from factsieve.ingest.readers.feed import read_feed
from factsieve.ingest.readers.html import read_html
from factsieve.ingest.readers.jsonl import parse_json, read_jsonl
from factsieve.ingest.readers.mail import read_email
from factsieve.ingest.readers.news_xml import read_news_xml
from factsieve.ingest.readers.parquet import read_parquet
from factsieve.ingest.readers.sgml import read_sgml, read_trec
from factsieve.ingest.readers.text import read_text
from factsieve.ingest.readers.warc import read_wet
from factsieve.ingest.sniff import (
    CONTROL_RE,
    binary_format,
    corpus_format,
    described,
    looks_binary,
    looks_like_page,
    text_format,
)
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.vocabulary import (
    BINARY,
    EMPTY,
    MALFORMED_JSON,
    MALFORMED_RECORD,
    MISSING_TEXT,
    NESTED_ARCHIVE,
    NO_MAIN_TEXT,
    READ_ERROR,
    TOO_LARGE,
    UNDECODABLE,
    UNSUPPORTED_FORMAT,
)

# Re-exported: callers and tests import these from here (``read.RawDoc``, ``read.MISSING_TEXT``), and a
# test of an older release patches ``read._read_news_xml`` and builds rejects with ``read._file_reject``.
__all__ = [
    "BINARY",
    "EMPTY",
    "FORMATS",
    "FUTURE_SLACK",
    "MALFORMED_JSON",
    "MALFORMED_RECORD",
    "MISSING_TEXT",
    "NO_MAIN_TEXT",
    "READ_ERROR",
    "TOO_LARGE",
    "UNSUPPORTED_FORMAT",
    "IngestLimits",
    "IngestResult",
    "RawDoc",
    "Reject",
    "archive_kind",
    "corpus_format",
    "format_of_name",
    "input_format",
    "looks_binary",
    "looks_utf16",
    "published_within",
    "read_input",
    "reader_takes",
]
_file_reject = file_reject
_read_news_xml = read_news_xml  # called by this name (below), so a test can stand in an older release


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
    bad = [line for line in lines if CONTROL_RE.search(line)]
    # A CSV/TSV row is rejected for its NULs (``_csv_entries``), as in a part of a large file (round
    # 6); a whole small CSV with one such row was one binary reject, its good rows lost (round 7).
    # Other control bytes in a row would reach its text: such a file stays one reject.
    if fmt != "jsonl" and not all(b"\x00" in line for line in bad):
        return None
    return text if 2 * len(bad) < len(lines) else None


_READERS = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "json": read_jsonl,
    "wet": read_wet,
    "warc": read_wet,
    "csv": read_csv,
    "tsv": read_csv,
    "sgml": read_sgml,
    "trec": read_trec,
    "email": read_email,
}


def _read_part(inp: InputFile, limits: IngestLimits, taken: set[str] | None) -> IngestResult:
    """A part of a UTF-8 JSONL, CSV or TSV file that ``split_parts`` checked as a whole, or a
    Parquet file or some of its row groups."""
    fmt = input_format(inp) or "jsonl"
    if fmt in ("parquet", "arrow"):
        return read_parquet(inp, limits, taken, fmt)
    if fmt == "feed":
        return _read_xml(inp, limits, taken)
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
        if isinstance(exc, OSError) and not permanent(exc):
            raise
        # The file vanished or changed after it was planned: say so for this part's bytes.
        detail = f"bytes {inp.start:,}-{inp.end:,} (from line {inp.first_line}): {type(exc).__name__}: {exc}"
        return file_reject(inp, "jsonl", READ_ERROR, detail, inp.end - inp.start)
    if short:
        detail = (
            f"bytes {inp.start:,}-{inp.end:,} (from line {inp.first_line}): the file shrank while the run "
            f"read it ({len(data):,} bytes of this part left); the next run reads it again"
        )
        return file_reject(inp, fmt, READ_ERROR, detail, inp.end - inp.start)
    reader = {
        "csv": read_csv,
        "tsv": read_csv,
        "wet": read_wet,
        "warc": read_wet,
        "sgml": read_sgml,
        "trec": read_trec,
        "email": read_email,
    }
    reader = reader.get(fmt, read_jsonl)
    return reader(inp, data, body, enc, limits, fmt, taken)


def _read_xml(inp: InputFile, limits: IngestLimits, taken: set[str] | None) -> IngestResult:
    """An XML file named as a feed: one news article when its root says so (NITF, RCV1, TEI), else a
    feed, streamed; a whole file whose root turns out to be no feed's is tried as an article
    (``_read_news_xml`` says what its root is when it is none). A part is always a feed's."""
    if not inp.is_part and news_xml.is_news_root(content_head(inp)):
        return _read_news_xml(inp, limits)
    try:
        return read_feed(inp, limits, taken)
    except feeds.NotAFeed:
        return _read_news_xml(inp, limits)


def read_input(
    inp: InputFile, limits: IngestLimits = IngestLimits(), taken: set[str] | None = None
) -> IngestResult:
    """Read one input file (or part of one) into documents and rejects. Never raises for bad
    content. ``taken``: for a part, the record keys earlier parts of its file used."""
    if inp.refused:  # discovery decided it must not be read (factsieve.ingest.sources)
        fmt = FORMATS.get(inp.suffix, inp.suffix.lstrip(".") or "none")
        return file_reject(inp, fmt, inp.refused, inp.refused_detail, 0)
    if archive_kind(inp):  # streamed member by member: no file size limit
        return _read_archive(inp, limits, taken=taken)
    fmt = input_format(inp)
    # Parquet is read a batch of rows at a time, a feed an item at a time: no file size limit
    if inp.is_part or fmt in ("parquet", "arrow", "feed"):
        return _read_part(inp, limits, taken)
    if fmt is None:
        if (why := cannot_open(inp)) is not None:
            return file_reject(inp, inp.suffix.lstrip(".") or "none", READ_ERROR, why, inp.size)
        return file_reject(
            inp, inp.suffix.lstrip(".") or "none", UNSUPPORTED_FORMAT, _unsupported(inp), inp.size
        )
    data = whole_bytes(inp, fmt, limits)
    return data if isinstance(data, IngestResult) else _read_content(inp, fmt, data, limits)


def _read_content(inp: InputFile, fmt: str, data: bytes, limits: IngestLimits) -> IngestResult:
    """The records of a whole file's bytes: decompressed, checked for binary content, decoded,
    and read by the reader of ``fmt`` (or of what the content turns out to be)."""
    codec = compressed.codec_of(data[:16])
    if codec is not None:  # content decides: gzip, bzip2, xz or zstd under any readable name
        data = decompressed(inp, fmt, data, limits, codec)
        if isinstance(data, IngestResult):
            return data
    if not data.strip():
        return file_reject(
            inp, fmt, EMPTY, "file has no content" if not data else "file has only whitespace", len(data)
        )
    if fmt in ("text", "html") and (kept := _without_nul_padding(data)) is not data:
        # A text or page whose only NULs are a run at its end (a crashed writer, a preallocated file,
        # a VM disk's zeros): the run is no content; before, the text was a binary reject (round 7).
        res = _read_content(inp, fmt, kept, limits)
        res.skipped["trailing NUL bytes"] += 1
        return res
    if fmt in _HOLED and (kept := _without_leading_hole(data)) is not data:
        # NULs first, then the records: a log truncated under a writer that kept its offset
        # (logrotate's copytruncate), a preallocated file written from its end. The hole is no
        # content; before, the whole file was one binary reject, its records lost (round 10).
        res = _read_content(inp, fmt, kept, limits)
        res.skipped["leading NUL bytes"] += 1
        return res
    if fmt == "warc" and data.startswith(b"WARC/"):  # records framed as bytes; payloads may be images
        return read_wet(inp, data, "", "utf-8", limits, fmt)
    if fmt in ("jsonl", "json") and (framed := json_framing.reframed(data)) is not None:
        # RS- or NUL-separated records (round 9; before, one binary reject for all of them)
        data = framed[0]
    kind = binary_format(data)
    if kind is not None:
        detail = f"{kind} under a '{inp.suffix or 'no extension'}' name: not text (convert it first)"
        return file_reject(inp, fmt, BINARY, detail, len(data), sample_of(data, 40))
    blocks = _utf16_blocks(fmt, data)
    if blocks is not None:  # UTF-8 and UTF-16 JSON Lines concatenated: each block as what it is
        return read_jsonl(inp, data, blocks.text, blocks.encoding, limits, fmt)
    if fmt in ("csv", "tsv", "text") and b"\x00" in data:
        blocks = utf16_blocks(data, spaced=True)
        if blocks is not None:  # a UTF-16 export appended to a UTF-8 table or text (round 6)
            return _read_decoded(inp, data, blocks, limits, fmt)
    if looks_binary(data) and not looks_utf16(data):
        text = _jsonl_with_bad_lines(fmt, data)
        if text is not None:  # valid UTF-8: each bad line is rejected by the reader
            reader = read_jsonl if fmt == "jsonl" else read_csv
            return reader(inp, data, text, "utf-8", limits, fmt)
        return file_reject(
            inp, fmt, BINARY, "control bytes found: not a text file", len(data), sample_of(data, 40)
        )
    try:
        decoded = decode_text(data, per_line=fmt in ("jsonl", "json", "csv", "tsv"))
    except UnicodeError as exc:
        return file_reject(inp, fmt, UNDECODABLE, str(exc), len(data), sample_of(data))
    return _read_decoded(inp, data, decoded, limits, fmt)


_HOLED = frozenset({"text", "html", "jsonl", "json", "csv", "tsv"})


def _without_leading_hole(data: bytes) -> bytes:
    """``data`` without a run of at least 16 NUL bytes at its start when no other NUL is in it
    (UTF-16 text has NULs throughout: not a hole); else ``data`` itself."""
    if not data.startswith(b"\x00" * 16):
        return data
    kept = data.lstrip(b"\x00")
    return kept if kept.strip() and b"\x00" not in kept else data


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
    elif fmt in ("json", "jsonl") and looks_like_page(decoded.text):
        fmt = "html"  # a page saved under an API's name (round 10: before, malformed_json)
    elif fmt in ("csv", "tsv") and (found := text_format(decoded.text)) in ("html", "jsonl", "json"):
        fmt = found  # records or a page exported under a table's name (round 10: before, no_header)
    reader = _READERS[fmt]
    if decoded.doubtful_lines and reader in (read_jsonl, read_csv):
        # A line no encoding reads with confidence is its record's reject; a .txt or HTML page is
        # one record, kept in the reading most of its lines share.
        doubtful = {i + 1: decoded.encoding for i in decoded.doubtful_lines}
        return reader(inp, data, decoded.text, decoded.encoding, limits, fmt, doubtful=doubtful)
    return reader(inp, data, decoded.text, decoded.encoding, limits, fmt)


def _json_lines(text: str) -> int:
    """How many lines of ``text`` are JSON values."""
    return sum(1 for line in text.split("\n") if line.strip() and parse_json(line)[1] is None)


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
    news XML), or None. A ``.sgm`` name says SGML, not which: TREC and Gigaword ``<DOC>`` files are
    named so too, and the content decides between them and Reuters-21578."""
    fmt = format_of_name(inp.name)
    if fmt == "sgml" and not inp.refused:
        return "trec" if corpus_format(content_head(inp)) == "trec" else fmt
    if fmt is not None or inp.refused or compressed.unread_archive_kind(inp.name):
        return fmt
    # A part of such a file (parts._split_trec) is sniffed too: its file opens with the same shape
    return corpus_format(content_head(inp))


def archive_kind(inp: InputFile) -> str | None:
    """``"zip"`` or ``"tar"`` when ``inp`` is an archive that is read: by its name (``.zip``,
    ``.tar.gz``, ...), or, when its name selects no reader (``corpus.gz``, ``corpus``, ``news.dat``), by
    its content: a tar, compressed or not (round 7 left a tar gzipped as ``corpus.gz``
    ``unsupported_format``), or a zip as stored (round 8; not a docx, epub or jar:
    ``archives.is_zip_start``). A name that selects a reader keeps it: a ``.txt`` holding a tar or a
    zip is that reader's ``binary`` reject."""
    kind = archives.kind_of_name(inp.name)
    if kind is not None or inp.refused or format_of_name(inp.name) is not None:
        return kind
    if compressed.unread_archive_kind(inp.name):
        return None
    stored = content_head(inp, 512, decompress=False)
    if archives.is_zip_start(stored):  # a zip is read as stored (its directory is at its end)
        return "zip"
    if compressed.codec_of(stored[:16]) is not None:  # a tar compressed under any name: decompressed
        stored = content_head(inp, 512)
    return "tar" if archives.is_tar_header(stored) else None


def reader_takes(inp: InputFile) -> bool:
    """Whether a reader takes ``inp`` now, for a file whose last reading was an ``unsupported_format``
    or ``unsupported_xml`` reject of the whole file (``manifest.plan`` reads it again when one
    does): its name or content selects a reader; for XML or SGML the content must be of a shape
    read now (an RSS feed or a news article's XML; Reuters or TREC SGML), so an SVG or a config
    file is not read again on every run."""
    fmt = input_format(inp)
    if fmt is None:
        return archive_kind(inp) is not None
    if fmt == "feed":  # an XHTML page under .xml is read as a page since round 9
        head = content_head(inp)
        return corpus_format(head) == "feed" or news_xml.is_xhtml(head)
    if fmt == "sgml":  # TREC SGML under a .sgm name is "trec" (input_format)
        return b"<REUTERS" in content_head(inp).upper()
    return fmt is not None


def _unsupported(inp: InputFile) -> str:
    """Why no reader takes ``inp``: what an archive is, else the suffixes that are read."""
    kind = compressed.unread_archive_kind(inp.name)
    if kind is not None:
        return f"{kind}: not read (zip and tar archives are; repack it as one, or unpack it under RAW)"
    supported = ", ".join(sorted(FORMATS))
    what = described(content_head(inp, 4096))
    if what in ("a SQLite database", "an SQL dump"):
        return (
            f"{what}: not read; export the articles' table as CSV, JSON Lines or Parquet (sqlite3 "
            f"-header -csv DB 'select * from TABLE' > TABLE.csv); supported: {supported}"
        )
    if (named := not_read_kind(inp.name, what)) is not None:  # round 10
        return f"{named[0]}: not read; {named[1]}"
    if inp.suffix in compressed.SUFFIXES:
        inner = compressed.inner_suffix(inp.name) or "no extension"
        return (
            f"{compressed.SUFFIXES[inp.suffix]} of a '{inner}' file: no reader for it; supported (also "
            f"compressed: .gz, .bz2, .xz, .zst, .lz4, .Z): {supported}"
        )
    return (
        f"no reader for '{inp.suffix or 'no extension'}' files, and the content has no known shape (TREC or "
        f"Gigaword <DOC> SGML, an e-mail, an mbox, an HTML page, a feed or news XML); supported (also as "
        f".gz, .bz2, .xz, .zst, .lz4, .Z): {supported}"
    )


def _read_archive(
    inp: InputFile, limits: IngestLimits, nested: bool = False, taken: set[str] | None = None
) -> IngestResult:
    """The records of a zip or tar archive (``readers.archive``): each member read as a file of its
    name by ``read_input``. An archive inside an archive is read (``nested``); one more level down is a
    ``nested_archive`` reject."""
    member_reader = partial(_read_member, nested=nested)
    return read_archive(inp, archive_kind(inp) or "zip", limits, member_reader, taken)


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
    return file_reject(member, "archive", NESTED_ARCHIVE, detail, m.size)
