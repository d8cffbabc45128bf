"""Compressed inputs: gzip is read (``story.txt.gz``, ``crawl.jsonl.gz``, and gzip data under any
readable name); archives are named in their reject.

Public corpora ship as ``.jsonl.gz`` and ``.json.gz``; unpacking them first doubles the disk they
take. gzip is decompressed in blocks with a cap on the output (``max_file_bytes``, as for a file
that is not compressed): a decompression bomb (a few KB that expand to gigabytes) stops at the cap
as a ``too_large`` reject instead of exhausting memory. The raw file is only read.

A gzip JSON Lines file too large to hold is streamed instead (``gunzip_blocks``, used by
``factsieve.ingest.parts.split_gzip_parts``): block by block into parts, capped at a ratio of the
compressed size (``stream_cap``), since its content is never held whole.
"""

from __future__ import annotations

import gzip
import posixpath
import zlib
from collections.abc import Iterator
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
_BLOCK = 1 << 20

# Containers of several files: not read (their members would need names, dates, limits of their
# own); the reject says what to do.
_ARCHIVES = {
    ".zip": "a zip archive",
    ".tar": "a tar archive",
    ".tgz": "a gzip-compressed tar archive",
    ".7z": "a 7-Zip archive",
    ".rar": "a RAR archive",
    ".bz2": "bzip2-compressed data",
    ".xz": "xz-compressed data",
    ".zst": "zstd-compressed data",
}


class Expands(Exception):
    """The data decompresses to more than the cap."""


class Corrupt(Exception):
    """The data is not valid gzip (truncated, damaged)."""


def inner_suffix(name: str) -> str:
    """The suffix that says the format of a ``.gz`` file's content (``.jsonl`` for ``x.jsonl.gz``),
    or ``""`` when the name has none (``x.gz``)."""
    return posixpath.splitext(name[:-3])[1].lower() if name.lower().endswith(".gz") else ""


def archive_kind(name: str) -> str | None:
    """What archive or compressed format a name says the file is, when it is not read."""
    lower = name.lower()
    if lower.endswith(".tar.gz"):
        return "a gzip-compressed tar archive"
    return _ARCHIVES.get(posixpath.splitext(lower)[1])


def gunzip(fh: BinaryIO, cap: int) -> bytes:
    """The decompressed content of the gzip stream ``fh`` (several members are read as one, as
    ``gunzip`` does), read in blocks. Raises ``Expands`` past ``cap`` bytes, ``Corrupt`` when the
    stream is damaged or truncated."""
    out = bytearray()
    try:
        with gzip.GzipFile(fileobj=fh, mode="rb") as gz:
            while block := gz.read(_BLOCK):
                out += block
                if len(out) > cap:
                    raise Expands(f"expands past {cap:,} bytes (stopped there)")
    except (OSError, EOFError, zlib.error) as exc:  # BadGzipFile is an OSError
        raise Corrupt(f"{type(exc).__name__}: {exc}") from None
    return bytes(out)


def gunzip_blocks(fh: BinaryIO, cap: int) -> Iterator[bytes]:
    """The decompressed content of the gzip stream ``fh`` in blocks of about 1 MB, for a file too
    large to hold whole. Raises ``Expands`` once more than ``cap`` bytes came out (the blocks
    before it were yielded), ``Corrupt`` when the stream is damaged or truncated."""
    total = 0
    try:
        with gzip.GzipFile(fileobj=fh, mode="rb") as gz:
            while block := gz.read(_BLOCK):
                total += len(block)
                if total > cap:
                    raise Expands(f"expands past {cap:,} bytes (stopped there)")
                yield block
    except (OSError, EOFError, zlib.error) as exc:
        raise Corrupt(f"{type(exc).__name__}: {exc}") from None


def stream_cap(compressed_bytes: int, max_file_bytes: int, max_ratio: int) -> int:
    """How many bytes a gzip file streamed part by part may expand to: ``max_ratio`` times its
    compressed size, and never less than ``max_file_bytes`` (what a file read whole may hold)."""
    return max(max_file_bytes, max_ratio * compressed_bytes)


class GunzipReader:
    """A file-like view of the decompressed gzip stream ``fh`` for a reader that streams it (a
    feed: ``factsieve.ingest.feeds``): ``read`` raises ``Expands`` once more than ``cap`` bytes
    came out and ``Corrupt`` when the stream is damaged, so a bomb stops at the cap whatever the
    reader does with the bytes."""

    def __init__(self, fh: BinaryIO, cap: int) -> None:
        self._gz = gzip.GzipFile(fileobj=fh, mode="rb")
        self._cap, self._total = cap, 0

    def read(self, n: int = -1) -> bytes:
        try:
            block = self._gz.read(n if n is not None and n > 0 else _BLOCK)
        except (OSError, EOFError, zlib.error) as exc:
            raise Corrupt(f"{type(exc).__name__}: {exc}") from None
        self._total += len(block)
        if self._total > self._cap:
            raise Expands(f"expands past {self._cap:,} bytes (stopped there)")
        return block
