"""WARC files: Common Crawl WET files (``CC-MAIN-….warc.wet.gz``), the extracted plain text of
crawled pages, one record per page; and WARC files of HTTP responses (CC-NEWS
``CC-NEWS-….warc.gz``, whose ``response`` records hold the pages: ``factsieve.ingest.warc_http``).

A WET file is a sequence of records, each a ``WARC/1.0`` line, header lines up to a blank line,
then ``Content-Length`` bytes of body and a blank line. ``conversion`` records hold a page's text
(UTF-8) and its URL (``WARC-Target-URI``); the ``warcinfo`` record at the start describes the crawl
and is not a document, nor are a WARC file's ``request``, ``metadata`` and ``revisit`` records
(``NOT_PAGES``). The record id (``WARC-Record-ID``) is the record's key.

A real WET file holds ~400 MB of text: ``record_ends`` finds where its records end from their
headers alone, so ``factsieve.ingest.read`` can cut it into parts that workers share.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

# Records that describe the crawl or a fetch, never a page: skipped and counted, not rejected.
NOT_PAGES = frozenset({"warcinfo", "request", "metadata", "revisit"})

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
    date: str = ""  # WARC-Date: when the page was fetched
    content_type: str = ""  # the WARC header's: of a resource record's block itself (round 10)


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
        uri, date = head.get("warc-target-uri", ""), head.get("warc-date", "")
        ctype = head.get("content-type", "")
        body = data[end.end() : body_end]
        out.append(WarcRecord(start, kind, record_id, uri, body, date=date, content_type=ctype))
        pos = _GAP.match(data, body_end).end()
    return out


_HEAD_TRY = 2048  # a WET record header is a few hundred bytes
_HEAD_PEEK = 64 * 1024  # the most a header is looked for in, before the rest is one piece


def record_ends(fh: BinaryIO, start: int = 0) -> Iterator[int]:
    """The offsets in the file ``fh`` at which each record that ``records`` frames ends (after the
    blank lines that follow it, where the next record starts), reading only the headers and
    seeking past the bodies: a file too large to hold is planned without reading its text. Stops
    at the first record ``records`` could not frame (a broken header, a Content-Length past the
    end) and at the end: what follows is read in one piece, as ``records`` would read it."""
    fh.seek(0, 2)
    size = fh.tell()
    pos = _skip_gap(fh, start)
    while pos < size:
        fh.seek(pos)
        head = fh.read(_HEAD_TRY)  # a header is a few hundred bytes: read more only when needed
        version = _VERSION.match(head)
        end = _HEADERS_END.search(head) if version else None
        if version is not None and end is None:
            head += fh.read(_HEAD_PEEK - len(head))
            end = _HEADERS_END.search(head)
        if version is None or end is None:
            return
        length = _headers(head[version.end() : end.start()]).get("content-length", "")
        if not length.isdigit() or pos + end.end() + int(length) > size:
            return
        pos = _skip_gap(fh, pos + end.end() + int(length))
        yield pos


def _skip_gap(fh: BinaryIO, pos: int) -> int:
    """The first offset from ``pos`` that is not whitespace (``_GAP``), or the end of the file."""
    fh.seek(pos)
    while block := fh.read(64):
        stripped = len(block) - len(block.lstrip())
        if stripped < len(block):
            return pos + stripped
        pos += len(block)
    return pos
