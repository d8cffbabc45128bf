"""Common Crawl WET files (``CC-MAIN-….warc.wet.gz``): the extracted plain text of crawled pages,
one WARC record per page.

A WET file is a sequence of records, each a ``WARC/1.0`` line, header lines up to a blank line,
then ``Content-Length`` bytes of body and a blank line. ``conversion`` records hold a page's text
(UTF-8) and its URL (``WARC-Target-URI``); the ``warcinfo`` record at the start describes the crawl
and is not a document. The record id (``WARC-Record-ID``) is the record's key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_VERSION = re.compile(rb"WARC/\d+\.\d+\r?\n")
_HEADERS_END = re.compile(rb"\r?\n\r?\n")
_GAP = re.compile(rb"\s*")  # the blank line after a record (and any stray line ends)


@dataclass(frozen=True, slots=True)
class WarcRecord:
    offset: int  # where the record starts in the file (for a reject's detail)
    kind: str  # WARC-Type
    record_id: str
    uri: str
    body: bytes
    problem: str = ""  # why the rest of the file cannot be read from here on


def _headers(block: bytes) -> dict[str, str]:
    out = {}
    for line in block.decode("utf-8", "replace").splitlines():
        name, sep, value = line.partition(":")
        if sep:
            out[name.strip().lower()] = value.strip()
    return out


def records(data: bytes) -> list[WarcRecord]:
    """The records of ``data``. A record whose header is broken or whose body runs past the end
    ends the list with a record carrying ``problem`` and the rest of the bytes as its body: what
    follows cannot be framed, and it must not vanish."""
    out: list[WarcRecord] = []
    pos = _GAP.match(data).end()
    while pos < len(data):
        start = pos
        version = _VERSION.match(data, pos)
        end = _HEADERS_END.search(data, pos) if version else None
        if version is None or end is None:
            out.append(WarcRecord(start, "", "", "", data[start:], "no WARC record header"))
            break
        head = _headers(data[version.end() : end.start()])
        length = head.get("content-length", "")
        if not length.isdigit() or end.end() + int(length) > len(data):
            problem = f"Content-Length {length or 'missing'} runs past the end of the file"
            out.append(WarcRecord(start, "", "", "", data[start:], problem))
            break
        body_end = end.end() + int(length)
        record_id = head.get("warc-record-id", "").strip("<>").removeprefix("urn:uuid:")
        kind = head.get("warc-type", "")
        out.append(
            WarcRecord(start, kind, record_id, head.get("warc-target-uri", ""), data[end.end() : body_end])
        )
        pos = _GAP.match(data, body_end).end()
    return out
