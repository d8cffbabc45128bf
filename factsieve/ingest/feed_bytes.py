"""A feed declared UTF-8 with stray lines in a legacy encoding, given to the XML parser as UTF-8.

A feed assembled by a tool that pasted a cp1252 description into a UTF-8 file breaks the XML
parser at the first bad byte (libxml2: "Invalid bytes in character encoding"), and every item
after it was lost to one ``malformed_xml`` reject. XML names its encoding, so the file is not
guessed as a whole: only a line that is not valid UTF-8 in a file that says it is UTF-8 (or says
nothing, which means UTF-8) is decoded as ``decode.decode_legacy`` chooses for that line and
re-encoded. A line no legacy encoding reads is passed on as it was: the parser breaks there, as
before. Lines keep their place, so the parser's line numbers stay the file's.
"""

from __future__ import annotations

import re
from typing import BinaryIO

from factsieve.ingest.decode import decode_legacy

# Small blocks: what the parser has not asked for yet is read ahead (and counted against a gzip
# stream's cap) at most this far.
_BLOCK = 1 << 16
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_UTF8_NAMES = frozenset({b"utf-8", b"utf8"})


def _says_utf8(head: bytes) -> bool:
    """Whether ``head`` is the start of XML in UTF-8: no UTF-16/32 byte-order mark or NUL, and a
    declaration naming UTF-8 or no encoding."""
    if b"\x00" in head[:4] or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    m = _DECLARED.match(head.removeprefix(b"\xef\xbb\xbf"))
    return m is None or m.group(1).lower() in _UTF8_NAMES


def _as_utf8(chunk: bytes) -> bytes:
    """``chunk`` (whole lines) with each line that is not UTF-8 re-encoded from its legacy encoding."""
    try:
        chunk.decode("utf-8")
        return chunk
    except UnicodeDecodeError:
        pass
    out = []
    for line in chunk.splitlines(keepends=True):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            try:
                line = decode_legacy(line)[0].encode("utf-8")
            except UnicodeError:
                pass  # nothing reads it: the parser breaks here, as it did
        out.append(line)
    return b"".join(out)


class LegacyLinesAsUtf8:
    """``fh`` read as UTF-8, its stray legacy lines re-encoded (module doc); anything else passes
    through unchanged. Valid UTF-8 costs one C-level check per block."""

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self._buf = b""
        self._off = 0
        self._pending = b""
        self._eof = False
        self._mid_line = False  # the pending bytes continue a line passed on unfixed
        head = fh.read(_BLOCK)
        self._fix = _says_utf8(head)
        self._take(head)

    def _take(self, block: bytes) -> None:
        """Move the whole lines of what has been read so far, fixed, into the buffer. A line longer
        than a block is passed on as it is (a cut could split a character), to its end."""
        if not block:
            self._eof = True
            data, self._pending = self._pending, b""
            ready = data if self._mid_line or not self._fix else _as_utf8(data)
        else:
            data = self._pending + block
            cut = data.rfind(b"\n") + 1
            if cut == 0 and len(data) < _BLOCK:
                self._pending = data
                return
            if cut == 0:
                ready, self._pending, self._mid_line = data, b"", True
            else:
                data, self._pending = data[:cut], data[cut:]
                ready = data if not self._fix else self._fixed(data)
        rest = self._buf[self._off :]
        self._buf, self._off = rest + ready, 0

    def _fixed(self, lines: bytes) -> bytes:
        if not self._mid_line:
            return _as_utf8(lines)
        head = lines.find(b"\n") + 1  # the end of the line passed on unfixed
        self._mid_line = False
        return lines[:head] + _as_utf8(lines[head:])

    def read(self, n: int = -1) -> bytes:
        while not self._eof and (n < 0 or len(self._buf) - self._off < n):
            self._take(self._fh.read(_BLOCK))
        end = len(self._buf) if n < 0 else self._off + n
        out = self._buf[self._off : end]
        self._off = min(end, len(self._buf))
        return out
