"""Unix ``compress`` (``.Z``, LZW) decoded as a stream (round 9).

Old corpora and mirrors still ship ``.Z`` and ``.tar.Z`` files (TREC disks, 1990s newswire,
netlib). No well-kept wheel decodes them (``unlzw3`` is a one-person pure-Python port,
``ncompress`` a C binding last released for old Pythons), and the format is small: this is the
decoder of gzip's ``unlzw.c`` in Python, reading from a file object block by block.

The format: ``1F 9D``, a flags byte (low 5 bits: the largest code width, 9..16; bit 7: "block
mode", code 256 clears the table), then codes of 9 bits up, least significant bit first. The quirk
every reimplementation trips on: ``compress`` writes codes in groups of 8 (``n_bits`` bytes), and
when the width grows or the table is cleared the rest of the current group is padding. A code
number past the next free entry is damage (``LzwError``), as is a first code above 255.

Memory: the table holds byte strings (entry = an earlier entry + one byte). Their total is at most
the output since the last clear; a table over ``_TABLE_CAP`` bytes means data compressing by
hundreds to one within 65,536 codes, which news text never does: ``LzwBomb``, so a bomb cannot
build gigabytes of table before the output cap is reached.
"""

from __future__ import annotations

from typing import BinaryIO

MAGIC = b"\x1f\x9d"
_CLEAR = 256
_TABLE_CAP = 64 << 20
_READ = 1 << 16


class LzwError(ValueError):
    """The data is not LZW as ``compress`` writes it (damaged, truncated header)."""


class LzwBomb(ValueError):
    """The code table grows past what any text needs: a decompression bomb."""


class LzwReader:
    """A readable decompressed view of a ``.Z`` stream (``read(n)``), as ``gzip.GzipFile`` is."""

    def __init__(self, fh: BinaryIO) -> None:
        head = fh.read(3)
        if len(head) < 3 or head[:2] != MAGIC:
            raise LzwError(
                "not compress (LZW) data: the 3-byte header (1F 9D, flags) is cut short or missing"
            )
        self._maxbits = head[2] & 0x1F
        if not 9 <= self._maxbits <= 16:
            raise LzwError(f"code width {self._maxbits} outside 9..16")
        if head[2] & 0x60:
            raise LzwError(f"unknown flags 0x{head[2]:02x} in the header")
        self._block = bool(head[2] & 0x80)
        self._fh = fh
        self._out = bytearray()
        self._codes = self._decode()

    def read(self, n: int = -1) -> bytes:
        want = n if n is not None and n > 0 else 1 << 62
        while len(self._out) < want:
            chunk = next(self._codes, None)
            if chunk is None:
                break
            self._out += chunk
        block = bytes(self._out[:want])
        del self._out[:want]
        return block

    def __enter__(self) -> LzwReader:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def _groups(self):
        """(n_bits, [codes]) per group of up to 8 codes, following the width changes the decoder
        reports back through ``send`` (the new width, or None to keep it)."""
        buf, pos = b"", 0  # an offset into the block read: slicing it per group copied the rest
        eof = False
        n_bits = 9
        while True:
            size = n_bits  # one group: 8 codes of n_bits bits = n_bits bytes
            if len(buf) - pos < size and not eof:
                more = self._fh.read(_READ)
                eof = not more
                buf, pos = buf[pos:] + more, 0
            if pos >= len(buf):
                return
            group = buf[pos : pos + size]
            pos += len(group)
            count = len(group) * 8 // n_bits  # a short last group holds the whole codes it has
            value = int.from_bytes(group, "little")
            mask = (1 << n_bits) - 1
            codes = [(value >> (i * n_bits)) & mask for i in range(count)]
            new_bits = yield codes
            if new_bits is not None:
                n_bits = new_bits

    def _decode(self):
        table: list[bytes] = [bytes((i,)) for i in range(256)]
        if self._block:
            table.append(b"")  # 256: the clear code, never an entry
        first = len(table)
        maxmax = 1 << self._maxbits
        n_bits = 9
        prev = b""
        table_bytes = 0
        groups = self._groups()
        codes = next(groups, None)
        while codes is not None:
            width = None
            out = []
            for code in codes:
                if code == _CLEAR and self._block:
                    del table[first:]
                    table_bytes = 0
                    prev = b""
                    width = n_bits = 9
                    break  # the rest of the group is padding
                if not prev:
                    if code > 255:
                        raise LzwError(f"first code {code} is not a byte (damaged data)")
                    prev = table[code]
                    out.append(prev)
                    continue
                if code < len(table):
                    entry = table[code]
                elif code == len(table):
                    entry = prev + prev[:1]  # the code being defined (KwKwK)
                else:
                    raise LzwError(f"code {code} past the table's {len(table)} entries (damaged data)")
                out.append(entry)
                if len(table) < maxmax:
                    new = prev + entry[:1]
                    table.append(new)
                    table_bytes += len(new)
                    if table_bytes > _TABLE_CAP:
                        raise LzwBomb(f"builds a code table past {_TABLE_CAP:,} bytes (stopped there)")
                prev = entry
                # the width grows once the next entry needs another bit; the group's rest is padding
                if len(table) >= (1 << n_bits) and n_bits < self._maxbits:
                    width = n_bits = n_bits + 1
                    break
            if out:
                yield b"".join(out)
            try:
                codes = groups.send(width)
            except StopIteration:
                codes = None
