"""Join Parquet files of one schema into one file without decoding a page.

Each batch's worker writes its rows as a Parquet file of its own (factsieve.batch.staged); a run's
table is one file per run (factsieve.output.publish). Reading the parts back and writing them again
would decompress, decode, encode and compress every page in the flow's process — the work the
workers just did. A Parquet file is ``PAR1``, column chunks, a Thrift footer (FileMetaData),
the footer's length and ``PAR1``; the footer holds the absolute file offset of every chunk. So the
parts' bytes between the magic and their footers are copied one after another, and one footer is
written: the first part's (schema, key-value metadata, writer) with every part's row groups, their
offsets shifted by where that part's bytes now start. The pages are byte for byte what the parts
hold, and the row groups are those a single writer gets from one ``write_table`` call per batch.

pyarrow reads footers but cannot change a row group's offsets (``FileMetaData.append_row_groups``
keeps them as they were, for ``_metadata`` side files) and no library on the index concatenates
files at the byte level, so the footer is rewritten here with a small codec of Thrift's compact
protocol (the footer's encoding). It keeps every field it does not change, known or not, in its
order; re-encoding an unchanged footer gives back its exact bytes (tested).
"""

from __future__ import annotations

import os
import struct
from collections.abc import Sequence
from pathlib import Path

MAGIC = b"PAR1"

# Compact protocol type codes (thrift/doc/specs/thrift-compact-protocol.md).
_TRUE, _FALSE, _BYTE, _I16, _I32, _I64, _DOUBLE, _BINARY, _LIST, _SET, _MAP, _STRUCT = range(1, 13)
_INTS = (_BYTE, _I16, _I32, _I64)

# Field ids of parquet.thrift that carry absolute file offsets.
_FMD_NUM_ROWS, _FMD_ROW_GROUPS = 3, 4
_RG_COLUMNS, _RG_FILE_OFFSET, _RG_ORDINAL = 1, 5, 7
_CC_OFFSETS = (2, 4, 6)  # file_offset, offset_index_offset, column_index_offset
_CC_META = 3
_CMD_OFFSETS = (9, 10, 11, 14)  # data_page, index_page, dictionary_page, bloom_filter offsets


class StitchError(ValueError):
    """The files cannot be joined (not Parquet, encrypted, or of different schemas)."""


# A decoded struct: [field id, type, value] in wire order. A list/set: [element type, items].
# A map: [key type, value type, [(key, value), ...]]. Ints are ints, binaries bytes, doubles the
# raw 8 bytes, booleans their type code (in a struct) or byte (in a list).


class _Reader:
    def __init__(self, buf: bytes):
        self.buf = buf
        self.pos = 0

    def byte(self) -> int:
        b = self.buf[self.pos]
        self.pos += 1
        return b

    def varint(self) -> int:
        shift = result = 0
        while True:
            b = self.byte()
            result |= (b & 0x7F) << shift
            if not b & 0x80:
                return result
            shift += 7

    def zigzag(self) -> int:
        n = self.varint()
        return (n >> 1) ^ -(n & 1)

    def take(self, n: int) -> bytes:
        out = self.buf[self.pos : self.pos + n]
        if len(out) != n:
            raise StitchError("truncated Parquet footer")
        self.pos += n
        return out

    def value(self, ttype: int):
        if ttype in (_TRUE, _FALSE):  # only as a list element: one byte
            return self.byte()
        if ttype == _BYTE:
            return self.byte()
        if ttype in (_I16, _I32, _I64):
            return self.zigzag()
        if ttype == _DOUBLE:
            return self.take(8)
        if ttype == _BINARY:
            return self.take(self.varint())
        if ttype in (_LIST, _SET):
            head = self.byte()
            size, etype = head >> 4, head & 0x0F
            if size == 15:
                size = self.varint()
            return [etype, [self.value(etype) for _ in range(size)]]
        if ttype == _MAP:
            size = self.varint()
            if not size:
                return [0, 0, []]
            kv = self.byte()
            kt, vt = kv >> 4, kv & 0x0F
            return [kt, vt, [(self.value(kt), self.value(vt)) for _ in range(size)]]
        if ttype == _STRUCT:
            return self.struct()
        raise StitchError(f"unknown Thrift compact type {ttype}")

    def struct(self) -> list[list]:
        fields: list[list] = []
        last = 0
        while True:
            head = self.byte()
            if head == 0:
                return fields
            ttype, delta = head & 0x0F, head >> 4
            fid = last + delta if delta else self.zigzag()
            value = None if ttype in (_TRUE, _FALSE) else self.value(ttype)
            fields.append([fid, ttype, value])
            last = fid


class _Writer:
    def __init__(self):
        self.out = bytearray()

    def varint(self, n: int) -> None:
        while n > 0x7F:
            self.out.append((n & 0x7F) | 0x80)
            n >>= 7
        self.out.append(n)

    def zigzag(self, n: int) -> None:
        self.varint((n << 1) ^ (n >> 63))

    def value(self, ttype: int, v) -> None:
        if ttype in (_TRUE, _FALSE, _BYTE):
            self.out.append(v)
        elif ttype in (_I16, _I32, _I64):
            self.zigzag(v)
        elif ttype == _DOUBLE:
            self.out += v
        elif ttype == _BINARY:
            self.varint(len(v))
            self.out += v
        elif ttype in (_LIST, _SET):
            etype, items = v
            if len(items) < 15:
                self.out.append(len(items) << 4 | etype)
            else:
                self.out.append(0xF0 | etype)
                self.varint(len(items))
            for item in items:
                self.value(etype, item)
        elif ttype == _MAP:
            kt, vt, pairs = v
            self.varint(len(pairs))
            if pairs:
                self.out.append(kt << 4 | vt)
                for k, val in pairs:
                    self.value(kt, k)
                    self.value(vt, val)
        elif ttype == _STRUCT:
            self.struct(v)
        else:
            raise StitchError(f"unknown Thrift compact type {ttype}")

    def struct(self, fields: list[list]) -> None:
        last = 0
        for fid, ttype, v in fields:
            delta = fid - last
            if 0 < delta <= 15:
                self.out.append(delta << 4 | ttype)
            else:
                self.out.append(ttype)
                self.zigzag(fid)
            if ttype not in (_TRUE, _FALSE):
                self.value(ttype, v)
            last = fid
        self.out.append(0)


def decode_footer(buf: bytes) -> list[list]:
    return _Reader(buf).struct()


def encode_footer(fields: list[list]) -> bytes:
    w = _Writer()
    w.struct(fields)
    return bytes(w.out)


def _field(fields: list[list], fid: int) -> list | None:
    return next((f for f in fields if f[0] == fid), None)


def _read_footer(path: Path) -> tuple[bytes, int]:
    """(footer bytes, where the footer starts) of a Parquet file."""
    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(4)
        fh.seek(max(size - 8, 0))
        tail = fh.read(8)
        if size < 12 or head != MAGIC or tail[4:] != MAGIC:
            raise StitchError(f"{path} is not a plain (unencrypted) Parquet file")
        (length,) = struct.unpack("<I", tail[:4])
        start = size - 8 - length
        if start < 4:
            raise StitchError(f"{path}: footer length {length} does not fit the file")
        fh.seek(start)
        return fh.read(length), start


def _shift(row_group: list[list], by: int, ordinal: int) -> None:
    """Move one row group's offsets ``by`` bytes and give it its place in the new file."""
    for fid, _ttype, value in row_group:
        if fid == _RG_COLUMNS:
            for chunk in value[1]:
                for f in chunk:
                    # A zero is "not set" (writers leave the deprecated file_offset at 0).
                    if f[0] in _CC_OFFSETS and f[1] == _I64 and f[2] > 0:
                        f[2] += by
                    elif f[0] == _CC_META:
                        for m in f[2]:
                            if m[0] in _CMD_OFFSETS and m[1] == _I64:
                                m[2] += by
    for f in row_group:
        if f[0] == _RG_FILE_OFFSET and f[2] > 0:
            f[2] += by
        elif f[0] == _RG_ORDINAL:
            f[2] = ordinal


def _schema_fields(fmd: list[list]) -> list[list]:
    """What must be equal for two parts to be joined: everything but the rows."""
    return [f for f in fmd if f[0] not in (_FMD_NUM_ROWS, _FMD_ROW_GROUPS)]


def stitch(parts: Sequence[Path], dest: Path) -> int:
    """Write the rows of ``parts`` (Parquet files of one schema, from one writer version), in
    order, as the single Parquet file ``dest``; returns its number of rows. ``dest`` is written
    under a temporary name, fsynced and renamed, so it is complete or absent."""
    if not parts:
        raise StitchError("nothing to stitch")
    joined = Stitcher(dest)
    try:
        for path in parts:
            joined.add(path)
        return joined.close()
    except BaseException:
        joined.abort()
        raise


class Stitcher:
    """``stitch`` a part at a time, as the parts arrive: each part's bytes are copied when it is
    added, so a run's batches are joined while later batches are still being made (the flow's
    process waits on its workers then) instead of all at once after the last one."""

    def __init__(self, dest: Path):
        self.dest = Path(dest)
        self.rows = 0
        self._tmp = self.dest.with_name(f".{self.dest.name}.tmp")
        self._out = None  # unbuffered: the chunks are copied between file descriptors
        self._first: list[list] | None = None
        self._first_path: Path | None = None
        self._row_groups: list = []

    @property
    def empty(self) -> bool:
        return self._first is None

    def add(self, path: Path) -> None:
        footer, start = _read_footer(Path(path))
        fmd = decode_footer(footer)
        if self._first is None:
            self.dest.parent.mkdir(parents=True, exist_ok=True)
            self._out = open(self._tmp, "wb", buffering=0)  # noqa: SIM115 - closed by close/abort
            self._out.write(MAGIC)
            self._first, self._first_path = fmd, Path(path)
        elif _schema_fields(fmd) != _schema_fields(self._first):
            raise StitchError(f"{path} has another schema or writer than {self._first_path}")
        groups = _field(fmd, _FMD_ROW_GROUPS)
        by = self._out.tell() - 4
        for rg in groups[2][1] if groups else []:
            _shift(rg, by, len(self._row_groups))
            self._row_groups.append(rg)
        self.rows += _field(fmd, _FMD_NUM_ROWS)[2]
        # The chunks (and any page indexes or bloom filters) between the magic and the footer.
        with open(path, "rb", buffering=0) as src:
            _copy(src.fileno(), self._out.fileno(), 4, start - 4)

    def close(self) -> int:
        """Write the one footer, fsync and rename to ``dest``; returns the number of rows."""
        if self._first is None:
            raise StitchError("nothing to stitch")
        merged = [list(f) for f in self._first]
        _field(merged, _FMD_NUM_ROWS)[2] = self.rows
        groups = _field(merged, _FMD_ROW_GROUPS)
        if groups is not None:
            groups[2] = [_STRUCT, self._row_groups]
        footer = encode_footer(merged)
        try:
            self._out.write(footer + struct.pack("<I", len(footer)) + MAGIC)
            os.fsync(self._out.fileno())
        finally:
            self._out.close()
        os.replace(self._tmp, self.dest)
        return self.rows

    def abort(self) -> None:
        """Drop what was joined so far (the temporary file); ``dest`` is not touched."""
        if self._out is not None and not self._out.closed:
            self._out.close()
        self._tmp.unlink(missing_ok=True)


def _copy(src: int, dst: int, offset: int, length: int) -> None:
    """``length`` bytes of ``src`` from ``offset`` to the end of ``dst``: in the kernel where the
    filesystems allow it, else through a buffer."""
    end = offset + length
    try:
        while offset < end:
            n = os.copy_file_range(src, dst, end - offset, offset)
            if n == 0:
                raise StitchError("a part is shorter than its footer says")
            offset += n
        return
    except OSError:
        pass  # another filesystem or an old kernel: go on from where the kernel stopped
    while offset < end:
        chunk = os.pread(src, min(end - offset, 1 << 20), offset)
        if not chunk:
            raise StitchError("a part is shorter than its footer says")
        offset += os.write(dst, chunk)
