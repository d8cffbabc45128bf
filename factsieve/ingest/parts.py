"""Large inputs as parts of about a batch each, so memory is bounded by the batch and one big file
uses every core: JSON Lines cut after a newline, CSV/TSV after a row, Parquet between row groups,
WET between records, and gzip files of those decompressed block by block into spooled parts
(docs/INGEST.md, docs/OPERATIONS.md). Reading a part is ``factsieve.ingest.read``'s job; this module
only decides where parts start and end, and imports read's format and sniffing helpers (one way)."""

from __future__ import annotations

import codecs
import hashlib
import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from factsieve.ingest import (
    archives,
    arrow_ipc,
    columnar,
    compressed,
    delimited,
    feeds,
    mail,
    reuters_sgml,
    trec_sgml,
    warc,
)
from factsieve.ingest.decode import BOMS
from factsieve.ingest.read import (
    FORMATS,
    archive_kind,
    format_of_name,
    input_format,
    looks_binary,
    looks_utf16,
)
from factsieve.ingest.sniff import binary_format
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.vocabulary import BINARY, TOO_LARGE

_SPLIT_BLOCK = 8 * 1024 * 1024


def _may_be_one_document(head: bytes) -> bool:
    """Whether the file starting with ``head`` may be one JSON document (a pretty-printed object
    or an array, ``factsieve.ingest.jsondoc``): its first line is not a JSON value, or is an
    array. Such a file is read whole, as it must be to parse it as one. A first line longer than
    ``head`` is a long record: JSON Lines."""
    first, newline, _ = head.removeprefix(codecs.BOM_UTF8).lstrip().partition(b"\n")
    if not newline:
        return False
    try:
        return isinstance(json.loads(first), list)
    except (ValueError, RecursionError):
        return True


def split_parts(
    inp: InputFile, target_bytes: int, max_field_chars: int = IngestLimits().max_record_chars
) -> list[InputFile]:
    """A JSONL file larger than ``target_bytes`` as parts of about that size, cut after a
    newline; a CSV/TSV file cut after a row (``_split_csv``), a Parquet file between row groups
    (``_split_parquet``), a WET file between records (``_wet_parts``); any other file as itself.

    Parts keep memory bounded by the batch, not the file, and let one large file use every
    core. A file is only split when reading it whole would give the same records: UTF-8
    (with or without BOM), not binary, not blank. Anything else (other encodings, which
    need detection over the whole file) is read whole, within ``max_file_bytes``, as before.
    One streaming pass validates the UTF-8 and counts lines, so each part knows the line
    number its first record has (record keys are line numbers where records have no id).
    """
    fmt = FORMATS.get(inp.suffix)
    if fmt == "feed" and not inp.is_part and not inp.refused:
        return _split_feed(inp, target_bytes)
    zipped = inp.suffix == ".zip" or (fmt is None and archive_kind(inp) == "zip")  # by name or content
    if zipped and not inp.is_part and not inp.refused:
        return _split_zip(inp, target_bytes)
    if inp.size <= target_bytes or inp.is_part:
        return [inp]
    if not inp.refused and archive_kind(inp) == "tar":  # by name, or by content when none says
        return _split_tar(inp, target_bytes)
    if inp.size <= target_bytes or inp.is_part:
        return [inp]
    if fmt in ("csv", "tsv"):
        return _split_csv(inp, target_bytes, max_field_chars)
    if fmt == "parquet":
        return _split_parquet(inp, target_bytes)
    if fmt == "arrow":
        return _split_arrow(inp, target_bytes)
    if fmt in ("wet", "warc"):
        found = _wet_parts(inp, target_bytes)
        return found if len(found) > 1 else [inp]
    if fmt in ("jsonl", "json"):
        return _split_jsonl(inp, target_bytes)
    if fmt in (None, "sgml"):
        # by content: TREC/Gigaword with no extension (AP880212) or named .sgm, an mbox
        fmt = input_format(inp)
    if fmt == "sgml":
        return _split_sgml(inp, target_bytes)
    if fmt == "trec":
        return _split_trec(inp, target_bytes)
    if fmt == "email":
        return _split_mbox(inp, target_bytes)
    return [inp]


def _split_mbox(inp: InputFile, target_bytes: int) -> list[InputFile]:
    """An mbox as parts of whole messages, cut before a ``From `` line, as ``_split_sgml`` cuts
    Reuters; ``first_line`` is the number of the part's first message (its key without a
    Message-ID). One message (``.eml``) is never cut: only a file that opens as an mbox is. Before,
    an mbox over ``max_file_bytes`` was one ``too_large`` reject."""
    try:
        with inp.open() as fh:
            head = fh.read(8192)
    except OSError:
        return [inp]  # read_input reports it
    if not mail.looks_like_mbox(head):
        return [inp]
    return _split_sgml(inp, target_bytes, mail.mbox_starts)


class _Counted:
    """A file-like that counts the bytes read through it (a gzip feed's decompressed size)."""

    def __init__(self, fh) -> None:
        self.fh, self.total = fh, 0

    def read(self, n: int = -1) -> bytes:
        block = self.fh.read(n)
        self.total += len(block)
        return block


# A gzip feed is counted (decompressed) only when it may hold more than a part: news XML
# compresses 4-8:1, so one under a tenth of a part compressed is one part.
_FEED_GZIP_RATIO = 10


def _split_feed(inp: InputFile, target_bytes: int, gzip_cap: int = 0) -> list[InputFile]:
    """An RSS/Atom feed (or its gzip) of more than ``target_bytes`` as parts of about that many
    bytes of XML, each a range of item numbers: ``start`` its first item, ``end`` the first item of
    the next part (the last part's end lies past the last item, so it reads to the end of the file
    and reports a break there). One planning pass counts the items (``feeds.count``: no item is
    extracted); each part parses the file again and skips the items before its own, so the
    workers share the extraction, which is what costs. A feed that cannot be read is one part:
    ``read_input`` reports it. ``gzip_cap``: the file is gzip, counted decompressed up to that many
    bytes (the streamed bomb guard; past it the file is read whole, and rejected, by ``read_input``)."""
    gzipped = gzip_cap > 0
    if inp.size * (_FEED_GZIP_RATIO if gzipped else 1) <= target_bytes:
        return [inp]
    try:
        with inp.open() as raw:
            fh = _Counted(compressed.DecompressReader(raw, gzip_cap) if gzipped else raw)
            n_items = feeds.count(fh)
            xml_bytes = fh.total
    except (OSError, compressed.Corrupt, compressed.Expands):
        return [inp]
    n_parts = min(-(-xml_bytes // target_bytes), n_items)
    if n_parts <= 1:
        return [inp]
    per = -(-n_items // n_parts)
    starts = list(range(1, n_items + 1, per))
    ends = [*starts[1:], n_items + 1]
    return [
        replace(inp, size=max(1, xml_bytes * (end - start) // n_items), start=start, end=end)
        for start, end in zip(starts, ends, strict=True)
    ]


def _split_zip(inp: InputFile, target_bytes: int) -> list[InputFile]:
    """A zip whose members hold more than ``target_bytes`` (as the archive states their sizes) as
    parts of consecutive members of about that many bytes: ``start``/``end`` are member numbers
    (``factsieve.ingest.archives``), ``first_line`` the number of the part's first member. A zip
    stating more than ``max_gzip_ratio`` times its size (a bomb of overlapping entries) is read
    whole, where the archive's byte budget stops it; one that cannot be opened likewise (its reject)."""
    try:
        with inp.open() as fh:
            sizes = archives.member_sizes(fh)
    except (OSError, archives.Unreadable):
        return [inp]
    total = sum(sizes)
    if total <= target_bytes or total > IngestLimits().max_gzip_ratio * max(inp.size, 1):
        return [inp]
    cuts, held = [0], 0
    for n, size in enumerate(sizes):
        if held >= target_bytes:
            cuts.append(n)
            held = 0
        held += size
    if len(cuts) == 1:
        return [inp]
    ends = [*cuts[1:], len(sizes)]
    return [
        replace(inp, size=max(1, sum(sizes[start:end])), start=start, end=end, first_line=start + 1)
        for start, end in zip(cuts, ends, strict=True)
    ]


def _byte_parts(inp: InputFile, cuts: list[tuple[int, int]], end: int) -> list[InputFile]:
    """Parts of ``inp`` from each cut ``(byte offset, number of its first line, row, element or
    member)`` to the next, the last to ``end``."""
    ends = [c for c, _ in cuts[1:]] + [end]
    return [
        replace(inp, size=stop - offset, start=offset, end=stop, first_line=number)
        for (offset, number), stop in zip(cuts, ends, strict=True)
    ]


def _split_tar(inp: InputFile, target_bytes: int) -> list[InputFile]:
    """An uncompressed tar (a compressed one is spooled decompressed first: ``split_gzip_parts``) as
    parts of consecutive members of about ``target_bytes``: ``start``/``end`` are byte offsets of
    member headers (``archives.tar_offsets``; the last part runs to the end of the file, so a tar
    that breaks is reported as a whole read reports it), ``first_line`` the number of the part's
    first member. Read whole, as before: a global pax header after the first member, a tar that
    is not one, and a tar whose members would pass the archive's byte budget in a whole read (a
    bomb: the whole read stops there; see ``_tar_cuts`` for sparse members)."""
    try:
        with inp.open() as fh:
            if compressed.codec_of(fh.read(16)) is not None:
                return [inp]
            size = fh.seek(0, 2)  # now, not when listed: a tar appended since is read to its end
            fh.seek(0)
            found = archives.tar_offsets(fh)
    except OSError:
        return [inp]  # read_input reports it
    if not found:
        return [inp]
    cuts = _tar_cuts(found, size, target_bytes, spooled=not inp.name.lower().endswith(".tar"))
    if cuts is None or len(cuts) == 1:
        return [inp]
    return _byte_parts(inp, cuts, size)


def _tar_cuts(
    found: list[tuple[int, int]], size: int, target_bytes: int, spooled: bool
) -> list[tuple[int, int]] | None:
    """``(offset, number of the first member)`` where parts of a tar start, or None to read it whole.

    Members state their sizes; a sparse member (``tar --sparse``: a disk image, a preallocated file)
    states far more than it takes in the tar. A whole read copies each member up to
    ``max_file_bytes`` (a larger one is ``too_large`` by its stated size, nothing copied) and stops
    at the archive's budget (``max_gzip_ratio`` times its size, at least ``max_file_bytes``). When
    the members it would copy fit that budget, no budget is reached in a whole read, and parts give
    the same records if each part's copies fit the part's own budget: a part is closed before a
    member that would pass it. Otherwise (a bomb) the tar is read whole, as is a compressed one
    whose members state more than its spooled size (its budget is of the compressed size, which the
    spool does not know)."""
    limits = IngestLimits()
    copied = [n if n <= limits.max_file_bytes else 0 for _, n in found]
    stated = sum(n for _, n in found)
    if stated > limits.max_gzip_ratio * max(size, 1):
        if spooled or sum(copied) > compressed.stream_cap(size, limits.max_file_bytes, limits.max_gzip_ratio):
            return None
    cuts = [(0, 1)]  # (offset, number of the first member there)
    held = 0  # bytes the open part copies
    for n, (offset, _) in enumerate(found, start=1):
        part = offset - cuts[-1][0]  # the part's bytes before this member: its budget is at least theirs
        budget = compressed.stream_cap(part, limits.max_file_bytes, limits.max_gzip_ratio)
        if n > 1 and (part >= target_bytes or held + copied[n - 1] > budget):
            cuts.append((offset, n))
            held = 0
        held += copied[n - 1]
    return cuts


def _split_sgml(
    inp: InputFile, target_bytes: int, element_starts=reuters_sgml.element_starts
) -> list[InputFile]:
    """A Reuters-21578 ``.sgm`` file (all 22 concatenated, say) as parts of whole ``<REUTERS>``
    elements of about ``target_bytes``; ``first_line`` is the number of the part's first element
    (its key when it has no NEWID). Each part is decoded on its own, as a whole file is.
    ``element_starts``: where elements start (``_split_trec``: ``<DOC>``)."""
    try:
        data = inp.read_bytes()  # planning holds the file once: .sgm files are a few MB
    except OSError:
        return [inp]  # read_input reports it
    starts = element_starts(data)
    if not starts:
        return [inp]
    cuts = [(0, 1)]  # (offset, number of the first element there)
    for n, start in enumerate(starts, start=1):
        if start - cuts[-1][0] >= target_bytes:
            cuts.append((start, n))
    if len(cuts) == 1:
        return [inp]
    return _byte_parts(inp, cuts, len(data))


def _split_trec(inp: InputFile, target_bytes: int) -> list[InputFile]:
    """A TREC/Gigaword SGML file (a Gigaword month: nyt_eng_199407 is ~200 MB decompressed) as
    parts of whole ``<DOC>`` elements, as ``_split_sgml`` cuts Reuters."""
    return _split_sgml(inp, target_bytes, trec_sgml.element_starts)


def _split_jsonl(inp: InputFile, target_bytes: int) -> list[InputFile]:
    """A JSON Lines file as parts cut after a newline (``split_parts``)."""
    try:
        fh = inp.open()
    except OSError:
        return [inp]  # read_input reports it
    with fh:
        head = fh.read(8192)
        start = _text_start(head)
        if start is None or _may_be_one_document(head):
            return [inp]
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
    return _byte_parts(inp, cuts, pos)


def _wet_parts(inp: InputFile, target_bytes: int) -> list[InputFile]:
    """A WET file as parts of whole records of about ``target_bytes`` (``warc.record_ends``: the
    headers are read, the bodies skipped); the rest of the file from a record that cannot be framed
    is one part, read as reading the whole file would read it. ``[inp]`` when it cannot be opened."""
    try:
        with inp.open() as fh:
            cuts = [0]
            for end in warc.record_ends(fh):
                if end - cuts[-1] >= target_bytes:
                    cuts.append(end)
            size = fh.seek(0, 2)
    except OSError:
        return [inp]  # read_input reports it
    if cuts[-1] >= size and len(cuts) > 1:
        cuts.pop()  # a cut at the very end starts no part
    return [
        replace(inp, size=end - start, start=start, end=end)
        for start, end in zip(cuts, [*cuts[1:], size], strict=True)
    ]


def _split_parquet(inp: InputFile, target_bytes: int) -> list[InputFile]:
    """A Parquet file as parts of whole row groups of about ``target_bytes`` uncompressed
    (``factsieve.ingest.columnar.parts``): ``start``/``end`` are row group numbers, ``first_line``
    the number of the part's first row. A file that cannot be read is reported by ``read_input``."""
    return _split_table(inp, lambda fh: columnar.parts(columnar.open_file(fh), target_bytes))


def _split_arrow(inp: InputFile, target_bytes: int) -> list[InputFile]:
    """An Arrow IPC file or stream as parts of whole record batches of about ``target_bytes``
    (``arrow_ipc.parts``): ``start``/``end`` are batch numbers, ``first_line`` the part's first row.
    A file that cannot be read to its end is read whole (the reader reports the break)."""
    return _split_table(inp, lambda fh: arrow_ipc.parts(arrow_ipc.open_file(fh), target_bytes))


def _split_table(inp: InputFile, plan) -> list[InputFile]:
    """``inp`` as the parts ``plan(fh)`` gives (``(start, end, first row, bytes)`` each), or whole."""
    try:
        with inp.open() as fh:
            found = plan(fh)
    except (OSError, columnar.Unreadable):
        return [inp]
    if len(found) <= 1:
        return [inp]
    return [replace(inp, size=size, start=start, end=end, first_line=row) for start, end, row, size in found]


# Formats split_gzip_parts spools and cuts when their ``.gz`` (``.bz2``, ``.xz``, ``.zst``) is compressed.
_SPOOLED = frozenset({"jsonl", "json", "wet", "warc", "sgml", "trec", "email", "csv", "tsv"})


def rejected_unread(inp: InputFile, max_file_bytes: int, head: bytes, tail: bytes) -> bool:
    """Whether ``read_input`` will reject the file ``inp``, over ``max_file_bytes``, on its name,
    size, first 8 KB (``head``) and last 8 KB (``tail``) alone: ``too_large`` unread because no
    planner here cuts it, so it is read whole; a feed whose head is binary (``_read_feed``); a
    Parquet file with no footer magic (``corrupt_file``: pyarrow reads nothing else). The manifest
    need not hash such a file (round 6: three 2 GB sparse files cost 77 s of hashing). False
    wherever the rest of the content may decide (a UTF-8 JSONL or CSV file is cut into parts and
    read; a Parquet file, feed, archive or WET file is read in parts whatever its size)."""
    if inp.refused or inp.is_part or inp.size <= max_file_bytes or archives.kind_of_name(inp.name):
        return False
    fmt = format_of_name(inp.name)
    if fmt == "feed" and inp.suffix not in compressed.SUFFIXES and compressed.codec_of(head[:16]) is None:
        return binary_format(head) is not None or (looks_binary(head) and not looks_utf16(head))
    if fmt == "parquet" and inp.suffix == ".parquet":
        return not tail.endswith(b"PAR1")
    if fmt == "arrow" and inp.suffix in (".arrow", ".feather"):
        return not arrow_ipc.may_open(head)
    if fmt is None or fmt in ("parquet", "arrow", "feed"):
        return False
    if inp.suffix in compressed.SUFFIXES:  # split_parts takes the outer suffix: it cuts none of these
        return compressed.codec_of(head[:16]) is None or fmt not in _SPOOLED
    if fmt in ("csv", "tsv"):
        return _text_start(head) is None  # _split_csv reads such a file whole
    if fmt in ("jsonl", "json"):
        return _text_start(head) is None or _may_be_one_document(head)  # as _split_jsonl decides
    return fmt in ("text", "html")  # never cut; WET, WARC and SGML are cut by their records


def _text_start(head: bytes) -> int | None:
    """Where the text of a file starting with ``head`` begins (after a UTF-8 BOM), or None when it
    is binary or UTF-16/32: such a file is read whole (decoding needs all of it)."""
    if head.startswith(tuple(b for b, _ in BOMS if b != codecs.BOM_UTF8)) or looks_binary(head):
        return None
    return len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0


def _split_csv(inp: InputFile, target_bytes: int, max_field_chars: int) -> list[InputFile]:
    """A UTF-8 CSV/TSV file as parts cut after rows (``factsieve.ingest.delimited.cuts``: one pass
    that parses it as the reader will, so a quoted line break never ends a part); the header is
    read by each part from the start of the file. Other encodings, binary or headerless files are
    read whole, as before."""
    try:
        fh = inp.open()
    except OSError:
        return [inp]  # read_input reports it
    with fh:
        start = _text_start(fh.read(8192))
        if start is None:
            return [inp]
        fh.seek(start)
        fmt = format_of_name(inp.name)  # the spool of a .csv.gz too
        lines = _bounded_lines(fh, 4 * max_field_chars + 4)
        found = delimited.cuts(lines, fmt, target_bytes, start, max_field_chars)
        end = fh.tell()
    if found is None or len(found) == 1:
        return [inp]
    return _byte_parts(inp, found, end)


def _bounded_lines(fh, cap: int) -> Iterator[bytes]:
    """``fh``'s lines, a line longer than ``cap`` bytes (no row field may be: 4 bytes a character)
    as pieces of at most ``cap``, cut between UTF-8 characters. A whole line was held, decoded and
    joined: a 400 MB quoted field in a 1 GB CSV took 3.2 GB to plan. Each piece is then a row of
    its own, a ``too_large`` reject, as the rest of an unclosed quote is read on line by line."""
    while line := fh.readline(cap):
        if not line.endswith(b"\n"):
            cut = len(line)
            while cut > len(line) - 4 and 0x80 <= line[cut - 1] < 0xC0:  # continuation bytes
                cut -= 1
            if line[cut - 1] >= 0xC0:  # the lead byte of a character cut short
                cut -= 1
            if 0 < cut < len(line):
                fh.seek(fh.tell() - (len(line) - cut))
                line = line[:cut]
        yield line


def split_gzip_parts(inp: InputFile, target_bytes: int, limits: IngestLimits, spool: Path) -> list[InputFile]:
    """A gzip-compressed JSON Lines file (``x.jsonl.gz``; ``x.json.gz`` holding JSON Lines) of more
    than ``target_bytes`` once decompressed, as parts of about that many decompressed bytes, each
    written to a file under ``spool`` (the run's staging area); a ``.warc.wet.gz``, ``.sgm.gz`` or
    UTF-8 ``.csv.gz``/``.tsv.gz`` spooled whole and cut by its format's planner (``_WholeSpool``);
    a gzip feed as parts of items read from the ``.gz`` itself (``_split_feed``); any other file as
    itself.

    One streaming pass decompresses the file block by block, checks its UTF-8 and cuts it after a
    newline, holding one part at a time: memory is a part, not the file. The parts are then read
    like those of a large ``.jsonl`` (``split_parts``): by every worker, each knowing the line
    number its first record has, with the records reading the whole file would give. A file that
    must be read whole (a JSON document, another encoding, binary) or fits one part is returned as
    itself and read whole within ``max_file_bytes`` as before. The bomb guard: the stream stops at
    ``compressed.stream_cap`` (``max_gzip_ratio`` times the compressed size, at least
    ``max_file_bytes``) and the file is one ``too_large`` reject; damaged gzip is one ``binary``
    reject, as when it is read whole.
    """
    fmt = format_of_name(inp.name)
    tar = archives.kind_of_name(inp.name) == "tar"  # .tar.gz, .tgz, .tar.xz, ...: cut once spooled
    if inp.is_part or inp.refused or (inp.suffix not in compressed.SUFFIXES and not tar):
        return [inp]
    tar = tar or archive_kind(inp) == "tar"  # a tar gzipped as corpus.gz: its content says
    if tar:
        fmt = "tar"
    elif fmt == "feed":  # streamed from the .gz by every part: nothing to spool
        cap = compressed.stream_cap(inp.size, limits.max_file_bytes, limits.max_gzip_ratio)
        return _split_feed(inp, target_bytes, cap)
    if fmt is None and not tar:  # a bare afp_eng_199405.gz: its content says (TREC/Gigaword SGML)
        fmt = input_format(inp)
    if fmt not in ("jsonl", "json", "wet", "warc", "sgml", "trec", "email", "csv", "tsv", "tar"):
        return [inp]
    folder = spool / hashlib.sha1(inp.uri.encode("utf-8", "surrogateescape")).hexdigest()
    writer = (
        _WholeSpool(inp, folder, target_bytes, fmt, limits.max_record_chars)
        if fmt in _WHOLE_CUTTERS
        else _SpoolWriter(inp, folder, target_bytes)
    )
    try:
        with inp.open() as fh:
            codec = compressed.codec_of(fh.read(16))
            if codec is None:
                return [inp]
            fh.seek(0)
            cap = compressed.stream_cap(inp.size, limits.max_file_bytes, limits.max_gzip_ratio)
            for block in compressed.decompress_blocks(fh, cap):
                if not writer.add(block):
                    return writer.abandon()
    except compressed.Expands as exc:
        if tar:  # read whole, as before: its members up to the archive's budget, then one reject
            return writer.abandon()
        detail = (
            f"{codec} data {exc}: more than {limits.max_gzip_ratio} times its {inp.size:,} bytes and than "
            "max_file_bytes (limits: max_gzip_ratio, max_file_bytes)"
        )
        return [replace(writer.abandon()[0], refused=TOO_LARGE, refused_detail=detail)]
    except compressed.Corrupt as exc:
        if tar:  # read whole, as before: its members up to the damage, then one reject
            return writer.abandon()
        detail = f"{codec} data that does not decompress (truncated or damaged: {exc})"
        return [replace(writer.abandon()[0], refused=BINARY, refused_detail=detail)]
    except OSError:
        return writer.abandon()  # read_input reports it
    return writer.parts()


class _WholeSpool:
    """The decompressed blocks of a ``.warc.wet.gz``, ``.sgm.gz`` or ``.csv.gz``/``.tsv.gz`` file
    written to one spool file, then cut by the format's planner (``_WHOLE_CUTTERS``: between
    records, ``<REUTERS>`` elements, rows) into parts read from it. A file of one part is read whole
    from the ``.gz``, as before; so is a CSV the planner will not cut (not UTF-8, no header): its
    decoding needs the whole file."""

    def __init__(self, inp: InputFile, folder: Path, target: int, fmt: str, max_field_chars: int) -> None:
        self.inp, self.folder, self.target, self.fmt = inp, folder, target, fmt
        self.max_field_chars = max_field_chars
        self.path = folder / "whole"
        self.fh = None
        self.size = 0

    def add(self, block: bytes) -> bool:
        if self.fh is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.fh = open(self.path, "wb")  # noqa: SIM115 — closed in parts() or abandon()
        self.fh.write(block)
        self.size += len(block)
        return True

    def abandon(self) -> list[InputFile]:
        if self.fh is not None:
            self.fh.close()
        shutil.rmtree(self.folder, ignore_errors=True)
        return [self.inp]

    def parts(self) -> list[InputFile]:
        if self.fh is not None:
            self.fh.close()
        if self.size <= self.target:
            return self.abandon()
        whole = replace(self.inp, protocol="file", path=str(self.path), size=self.size)
        if self.fmt in ("csv", "tsv"):
            found = _split_csv(whole, self.target, self.max_field_chars)
            return found if found[0].is_part else self.abandon()
        if self.fmt == "tar":  # one not cut is read from the archive itself, with its own budget
            found = _split_tar(whole, self.target)
            return found if found[0].is_part else self.abandon()
        found = _WHOLE_CUTTERS[self.fmt](whole, self.target)
        # always parts of the spool file, even one: the .gz read whole would pass max_file_bytes
        return found if found[0].is_part else [replace(whole, start=0, end=self.size)]


# Formats spooled whole, then cut by their own planner; the part keeps the .gz's name, which
# selects its reader. CSV/TSV are cut by _split_csv (it takes the field limit).
_WHOLE_CUTTERS = {
    "wet": _wet_parts,
    "warc": _wet_parts,
    "sgml": _split_sgml,
    "trec": _split_trec,
    "email": _split_mbox,  # one message spooled is read whole: _split_mbox returns it as itself
    "csv": _split_csv,
    "tsv": _split_csv,
    "tar": _split_tar,
}


class _SpoolWriter:
    """The decompressed blocks of one file as part files of about ``target`` bytes, each cut after a
    newline. A part is held in memory until it is cut, so a file of one part never touches the disk.
    ``add`` answers False when the file must be read whole instead."""

    def __init__(self, inp: InputFile, folder: Path, target: int) -> None:
        self.inp, self.folder, self.target = inp, folder, target
        self.decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self.done: list[tuple[Path, int, int]] = []  # (part file, bytes, line number of its first line)
        self.buf = bytearray()  # the part being filled
        self.lines = 0  # newlines before the part being filled
        self.blank = True

    def add(self, block: bytes) -> bool:
        if not self.done and not self.buf:  # the first block: what split_parts checks in a head
            head = block[:8192]
            if head.startswith(tuple(b for b, _ in BOMS if b != codecs.BOM_UTF8)) or looks_binary(head):
                return False
            if _may_be_one_document(head):
                return False
            block = block.removeprefix(codecs.BOM_UTF8)
        try:
            self.decoder.decode(block)
        except UnicodeDecodeError:
            return False
        self.blank = self.blank and not block.strip()
        i = 0
        while (nl := block.find(b"\n", i + max(self.target - len(self.buf) - 1, 0))) >= 0:
            self.buf += block[i : nl + 1]
            self._cut()
            i = nl + 1
        self.buf += block[i:]
        return True

    def _cut(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"part-{len(self.done):06d}.jsonl"
        path.write_bytes(self.buf)
        self.done.append((path, len(self.buf), self.lines + 1))
        self.lines += self.buf.count(b"\n")
        self.buf = bytearray()

    def abandon(self) -> list[InputFile]:
        shutil.rmtree(self.folder, ignore_errors=True)
        self.done, self.buf = [], bytearray()
        return [self.inp]

    def parts(self) -> list[InputFile]:
        try:
            self.decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return self.abandon()
        if self.blank or len(self.done) + bool(self.buf) <= 1:
            return self.abandon()  # blank, or one part: read whole, as before
        if self.buf:
            self._cut()
        return [
            replace(self.inp, protocol="file", path=str(p), size=n, start=0, end=n, first_line=line)
            for p, n, line in self.done
        ]
