"""Compressed inputs: gzip, bzip2, xz, zstd, lz4 and Unix compress (``.Z``) of one file are read (``story.txt.gz``,
``crawl.jsonl.gz``, ``enwiki.jsonl.bz2``, Pile-style ``00.jsonl.zst``, and such data under any
readable name: the leading bytes decide, ``codec_of``). Archives of several files are
``factsieve.ingest.archives``.

Public corpora ship compressed; unpacking them first doubles the disk they take. The data is
decompressed in blocks with a cap on the output (``max_file_bytes``, as for a file that is not
compressed): a decompression bomb (a few KB that expand to gigabytes) stops at the cap as a
``too_large`` reject instead of exhausting memory. The raw file is only read.

A compressed JSON Lines file too large to hold is streamed instead (``decompress_blocks``, used by
``factsieve.ingest.parts.split_gzip_parts``): block by block into parts, capped at a ratio of the
compressed size (``stream_cap``), since its content is never held whole.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import posixpath
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

import lz4.block
import lz4.frame
import zstandard

from factsieve.ingest import lzw

GZIP_MAGIC = b"\x1f\x8b"
_BLOCK = 1 << 20

# The single-file compressions read, by suffix, and their leading bytes. bzip2's is given in full
# ("BZh9" + the block magic, or that of an empty stream), so a text starting "BZh" stays text.
# lz4 (frame format) and .Z (compress, LZW) since round 9; ".z" is ".Z" lowered (Input.suffix).
SUFFIXES = {".gz": "gzip", ".bz2": "bzip2", ".xz": "xz", ".zst": "zstd", ".lz4": "lz4", ".z": "compress"}
_MAGIC = (
    ("gzip", re.compile(rb"\x1f\x8b")),
    ("bzip2", re.compile(rb"BZh[1-9](?:1AY&SY|\x17rE8P\x90)")),
    ("xz", re.compile(rb"\xfd7zXZ\x00")),
    # a zstd frame, or a skippable frame before one (metadata some writers put first, round 8)
    ("zstd", re.compile(rb"\x28\xb5\x2f\xfd|[\x50-\x5f]\x2a\x4d\x18")),
    # an lz4 frame (lz4 -c, python-lz4), or the legacy format (lz4 -l, old lz4 tools)
    ("lz4", re.compile(rb"\x04\x22\x4d\x18")),
    ("lz4-legacy", re.compile(rb"\x02\x21\x4c\x18")),
    # compress: the magic (its flags byte is checked by lzw.LzwReader: a bad one is damage)
    ("compress", re.compile(rb"\x1f\x9d")),
)
# What each library raises for damaged or truncated data (BadGzipFile is an OSError).
# lz4 raises RuntimeError for a damaged frame ("LZ4F_decompress failed with code: …").
_DAMAGE = (
    OSError,
    EOFError,
    zlib.error,
    lzma.LZMAError,
    zstandard.ZstdError,
    RuntimeError,
    lzw.LzwError,
    lz4.block.LZ4BlockError,
)

# Containers not read at all; the reject says what to do.
_UNREAD_ARCHIVES = {".7z": "a 7-Zip archive", ".rar": "a RAR archive"}


class Expands(Exception):
    """The data decompresses to more than the cap."""


class Corrupt(Exception):
    """The data does not decompress (truncated, damaged)."""


def codec_of(head: bytes) -> str | None:
    """The compression ``head`` (a file's first bytes) starts with, or None. Skippable frames
    (``0x184D2A5x``, metadata a writer puts first) are shared by zstd and lz4: the frame after them
    decides when ``head`` reaches it, else zstd (``_open`` looks further in the file)."""
    for codec, magic in _MAGIC:
        if magic.match(head):
            return _after_skippable(head) if codec == "zstd" else codec
    return None


_SKIPPABLE = re.compile(rb"[\x50-\x5f]\x2a\x4d\x18")


def _after_skippable(head: bytes) -> str:
    """``"lz4"`` when the first frame after the leading skippable frames of ``head`` is lz4's (round
    10: such a file went to the zstd reader, a ``binary`` reject), else ``"zstd"``."""
    at = 0
    while _SKIPPABLE.match(head, at) and at + 8 <= len(head):
        at += 8 + int.from_bytes(head[at + 4 : at + 8], "little")
    codec = codec_of(head[at : at + 16]) if at and at < len(head) else None
    return "lz4" if codec == "lz4" else "zstd"


def _skippable_end(fh: BinaryIO) -> bytes:
    """The 16 bytes after the leading skippable frames of ``fh`` (position kept): which frame the
    skippable frames lead to, however long they are."""
    start, at = fh.tell(), fh.tell()
    try:
        while _SKIPPABLE.match(frame := fh.read(8)) and len(frame) == 8:
            at = fh.seek(int.from_bytes(frame[4:8], "little"), 1)
        fh.seek(at)
        return fh.read(16)
    finally:
        fh.seek(start)


def inner_suffix(name: str) -> str:
    """The suffix that says the format of a compressed file's content (``.jsonl`` for
    ``x.jsonl.gz`` or ``x.jsonl.zst``), or ``""`` when the name has none (``x.gz``) or is not
    compressed."""
    stem, suffix = posixpath.splitext(name)
    return posixpath.splitext(stem)[1].lower() if suffix.lower() in SUFFIXES else ""


def unread_archive_kind(name: str) -> str | None:
    """What archive a name says the file is, when it is one that is not read (7-Zip, RAR)."""
    return _UNREAD_ARCHIVES.get(posixpath.splitext(name.lower())[1])


def _stream(fh: BinaryIO, codec: str) -> BinaryIO:
    """A readable decompressed view of ``fh``; several members/streams/frames are read as one, as
    the command-line tools do (CC-NEWS and WET files are one gzip member a record)."""
    if codec == "bzip2":
        return bz2.BZ2File(fh, mode="rb")
    if codec == "xz":
        return lzma.LZMAFile(fh, mode="rb")
    if codec == "zstd":
        return _ZstdStream(fh)
    if codec == "lz4":
        return lz4.frame.LZ4FrameFile(fh, mode="rb")
    if codec == "lz4-legacy":
        return _Lz4Legacy(fh)
    if codec == "compress":
        return lzw.LzwReader(fh)
    return gzip.GzipFile(fileobj=fh, mode="rb")


class _ZstdStream:
    """zstd frames read one after another, with a truncated last frame an error. zstandard's
    ``stream_reader`` ends a cut-off file silently with what it has; ``decompressobj`` knows
    whether a frame ended (``eof``) but has no output limit, so it is fed 1 KB at a time: one
    KB expands to at most 32 MB (an RLE block: 4 bytes for 128 KB), and the cap is checked after
    each."""

    _FEED = 1024

    def __init__(self, fh: BinaryIO) -> None:
        self._fh, self._out = fh, b""
        self._dobj = zstandard.ZstdDecompressor().decompressobj()
        self._in_frame = False  # bytes of a frame were fed and it has not ended

    def read(self, n: int) -> bytes:
        while len(self._out) < n:
            chunk = self._fh.read(self._FEED)
            if not chunk:
                if self._in_frame:
                    raise zstandard.ZstdError("truncated: the last frame ends before its end mark")
                break
            self._feed(chunk)
        block, self._out = self._out[:n], self._out[n:]
        return block

    def _feed(self, chunk: bytes) -> None:
        while chunk:
            if not self._in_frame and chunk.startswith(b"\x28\xb5\x2f\xfd"):
                _check_dictionary(chunk)
            self._out += self._dobj.decompress(chunk)
            self._in_frame = not self._dobj.eof
            chunk = self._dobj.unused_data if self._dobj.eof else b""
            if self._dobj.eof:  # the next frame (zstd -c a b > ab, or pzstd's many frames)
                self._dobj = zstandard.ZstdDecompressor().decompressobj()

    def __enter__(self) -> _ZstdStream:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


class _Lz4Legacy:
    """lz4's legacy format (``lz4 -l``): the magic, then blocks of a 4-byte little-endian size and
    an lz4 block of at most 8 MB decompressed; another magic may follow (files joined with cat).
    python-lz4 reads only frames, so the blocks are read here, one at a time."""

    _MAGIC, _BLOCK_OUT = b"\x02\x21\x4c\x18", 8 << 20

    def __init__(self, fh: BinaryIO) -> None:
        self._fh, self._out = fh, b""

    def read(self, n: int) -> bytes:
        while len(self._out) < n:
            size = self._fh.read(4)
            if not size:
                break
            if size == self._MAGIC:
                continue
            if len(size) < 4:
                raise EOFError("truncated: a block size cut short")
            length = int.from_bytes(size, "little")
            if length > self._BLOCK_OUT + self._BLOCK_OUT // 255 + 16:  # LZ4_compressBound(8 MB)
                raise OSError(f"a block of {length:,} bytes: not lz4 legacy data")
            block = self._fh.read(length)
            if len(block) < length:
                raise EOFError("truncated: the last block ends early")
            self._out += lz4.block.decompress(block, uncompressed_size=self._BLOCK_OUT)
        block, self._out = self._out[:n], self._out[n:]
        return block

    def __enter__(self) -> _Lz4Legacy:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _check_dictionary(frame_head: bytes) -> None:
    """A frame compressed with a dictionary (``zstd -D dict``) cannot be read without it; say so,
    not "Data corruption detected" (round 8)."""
    try:
        dict_id = zstandard.get_frame_parameters(frame_head).dict_id
    except zstandard.ZstdError:
        return  # a header cut short: the decompressor reports it
    if dict_id:
        raise zstandard.ZstdError(
            f"the frame was compressed with dictionary {dict_id}, which is not in the file: "
            "decompress it with that dictionary first"
        )


def _open(fh: BinaryIO) -> BinaryIO:
    start = fh.tell()
    head = fh.read(16)
    fh.seek(start)
    codec = codec_of(head)
    if codec == "zstd" and _SKIPPABLE.match(head) and codec_of(_skippable_end(fh)) == "lz4":
        codec = "lz4"  # python-lz4 reads the skippable frames itself
    return _stream(fh, codec or "gzip")  # gzip's own error names what is wrong


def decompress(fh: BinaryIO, cap: int) -> bytes:
    """The decompressed content of ``fh`` (gzip, bzip2, xz or zstd, by its leading bytes), read in
    blocks. Raises ``Expands`` past ``cap`` bytes, ``Corrupt`` when the data is damaged or
    truncated."""
    out = bytearray()
    for block in decompress_blocks(fh, cap):
        out += block
    return bytes(out)


def decompress_blocks(fh: BinaryIO, cap: int) -> Iterator[bytes]:
    """The decompressed content of ``fh`` in blocks of about 1 MB, for a file too large to hold
    whole. Raises ``Expands`` once more than ``cap`` bytes came out (the blocks before it were
    yielded), ``Corrupt`` when the data is damaged or truncated."""
    total = 0
    try:
        stream = _open(fh)
        with stream:
            while block := stream.read(_BLOCK):
                total += len(block)
                if total > cap:
                    raise Expands(f"expands past {cap:,} bytes (stopped there)")
                yield block
    except lzw.LzwBomb as exc:
        raise Expands(str(exc)) from None
    except _DAMAGE as exc:
        raise Corrupt(f"{type(exc).__name__}: {exc}") from None


def stream_cap(compressed_bytes: int, max_file_bytes: int, max_ratio: int) -> int:
    """How many bytes a compressed file streamed part by part may expand to: ``max_ratio`` times its
    compressed size, and never less than ``max_file_bytes`` (what a file read whole may hold)."""
    return max(max_file_bytes, max_ratio * compressed_bytes)


class DecompressReader:
    """A file-like view of the decompressed stream ``fh`` for a reader that streams it (a feed:
    ``factsieve.ingest.feeds``): ``read`` raises ``Expands`` once more than ``cap`` bytes came out
    and ``Corrupt`` when the data is damaged, so a bomb stops at the cap whatever the reader does
    with the bytes."""

    def __init__(self, fh: BinaryIO, cap: int) -> None:
        try:
            self._stream = _open(fh)  # an LZW header is read here
        except _DAMAGE as exc:
            raise Corrupt(f"{type(exc).__name__}: {exc}") from None
        self._cap, self._total = cap, 0

    def read(self, n: int = -1) -> bytes:
        try:
            block = self._stream.read(n if n is not None and n > 0 else _BLOCK)
        except lzw.LzwBomb as exc:
            raise Expands(str(exc)) from None
        except _DAMAGE as exc:
            raise Corrupt(f"{type(exc).__name__}: {exc}") from None
        self._total += len(block)
        if self._total > self._cap:
            raise Expands(f"expands past {self._cap:,} bytes (stopped there)")
        return block
