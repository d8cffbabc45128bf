"""The HTTP responses in WARC files (CC-NEWS ``CC-NEWS-….warc.gz``, any crawler's ``.warc``): the
page a ``response`` record holds, or why it is no page.

A response record's body is the HTTP message as the crawler received it: a status line, header
lines up to a blank line, then the payload. The payload may still be chunked
(``Transfer-Encoding: chunked``) and compressed (``Content-Encoding: gzip``/``deflate``); both are
undone here. Common Crawl stores payloads already decoded and renames the headers
(``X-Crawler-Transfer-Encoding``), so only the real headers are acted on.

Text is decoded by the charset the ``Content-Type`` header names, else the one the page declares
(``<meta charset>``), else detection (``factsieve.ingest.decode``), as a browser does; a declared
charset that does not decode the bytes is ignored (servers lie), and ISO-8859-1 and ASCII are read
as windows-1252 (the WHATWG rule: pages labelled latin-1 hold curly quotes in 0x80-0x9F).
"""

from __future__ import annotations

import codecs
import re
import zlib
from dataclasses import dataclass

from factsieve.ingest.decode import BOMS, decode_bytes
from factsieve.ingest.sniff import text_format
from factsieve.vocabulary import HTTP_STATUS, MALFORMED_RECORD, UNDECODABLE, UNSUPPORTED_PAYLOAD

_STATUS = re.compile(rb"HTTP/\d(?:\.\d)?[ \t]+(\d{3})[ \t]*([^\r\n]*)")
_HEAD_END = re.compile(rb"\r?\n\r?\n")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
# <meta charset="…"> or <meta http-equiv="Content-Type" content="text/html; charset=…">, which the
# HTML standard looks for in the first 1,024 bytes (pages put it later too: 4 KB are read).
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain"})
# Labels that browsers read as a superset (WHATWG Encoding): the superset decodes what the
# label's own codec would, and the bytes pages really use.
_SUPERSETS = {
    "latin1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "shift_jis": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "iso8859-9": "cp1254",
}


@dataclass(frozen=True, slots=True)
class Page:
    kind: str  # "html" or "text"
    text: str  # the decoded page (HTML source or plain text)
    encoding: str
    content_type: str


def page_of(message: bytes, cap: int) -> Page | tuple[str, str]:
    """The page in the HTTP response ``message``, or ``(reason code, detail)`` why it has none: not
    an HTTP response, not status 200, not HTML or plain text, an encoding that cannot be undone.
    ``cap``: the most bytes a compressed payload may expand to (a bomb stops there)."""
    status = _STATUS.match(message)
    head_end = _HEAD_END.search(message)
    if status is None or head_end is None:
        return MALFORMED_RECORD, "the record holds no HTTP response (status line and headers)"
    code, why = int(status.group(1)), status.group(2).decode("latin-1").strip()
    if code != 200:
        return HTTP_STATUS, f"HTTP {code} {why}".rstrip() + ": only the pages of 200 responses are read"
    headers = _headers(message[status.end() : head_end.start()])
    content_type = headers.get("content-type", "")
    body = message[head_end.end() :]
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunked(body)
        if body is None:
            return MALFORMED_RECORD, "Transfer-Encoding chunked, but the body is not in chunks"
    encoding = headers.get("content-encoding", "").strip().lower()
    if encoding not in ("", "identity"):
        body = _decoded(body, encoding, cap)
        if isinstance(body, str):
            return UNSUPPORTED_PAYLOAD, body
    return _page(body, content_type)


def resource_page(block: bytes, content_type: str) -> Page | tuple[str, str]:
    """The page a WARC ``resource`` record holds (its block is the document itself, typed by the
    record's own Content-Type: browser-based crawlers, ``warcit``, Webrecorder; round 10: before, a
    ``malformed_record``), or ``(reason code, detail)`` why it has none."""
    return _page(block, content_type)


def _page(body: bytes, content_type: str) -> Page | tuple[str, str]:
    mime = content_type.split(";", 1)[0].strip().lower()
    kind = _kind(mime, body)
    if kind is None:
        return (
            UNSUPPORTED_PAYLOAD,
            f"Content-Type {mime or 'missing'}: only HTML and plain-text pages are read",
        )
    try:
        text, enc = _text(body, content_type, kind)
    except UnicodeError as exc:
        return UNDECODABLE, str(exc)
    return Page(kind, text, enc, mime)


def _headers(block: bytes) -> dict[str, str]:
    """Header names (lower-cased) and values; the first of a repeated header wins."""
    out: dict[str, str] = {}
    for line in block.decode("latin-1").splitlines():
        name, sep, value = line.partition(":")
        if sep and name.strip().lower() not in out:
            out[name.strip().lower()] = value.strip()
    return out


def _dechunked(body: bytes) -> bytes | None:
    """The payload of a chunked body (each chunk: its size in hex, CRLF, the bytes, CRLF; a size 0
    ends it), or None when it is not chunked. A body cut short ends with the chunks it has: crawlers
    truncate long payloads (WARC-Truncated)."""
    out = bytearray()
    pos = 0
    while pos < len(body):
        line_end = body.find(b"\n", pos)
        if line_end < 0:
            break
        size_field = body[pos:line_end].split(b";", 1)[0].strip()  # chunk extensions after ';'
        try:
            size = int(size_field, 16)
        except ValueError:
            return None if not out else bytes(out)
        if size == 0:
            break
        out += body[line_end + 1 : line_end + 1 + size]
        pos = line_end + 1 + size
        pos += 2 if body[pos : pos + 2] == b"\r\n" else 1 if body[pos : pos + 1] == b"\n" else 0
    return bytes(out)


def _decoded(body: bytes, encoding: str, cap: int) -> bytes | str:
    """``body`` with its Content-Encoding undone (at most ``cap`` bytes of output), or why not."""
    if encoding in ("gzip", "x-gzip"):
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    elif encoding == "deflate":  # zlib-wrapped as the standard says, raw deflate as some servers send
        inflater = zlib.decompressobj(zlib.MAX_WBITS if body[:1] == b"\x78" else -zlib.MAX_WBITS)
    else:
        return f"Content-Encoding {encoding}: not decoded (gzip and deflate are)"
    try:
        out = inflater.decompress(body, cap + 1)
    except zlib.error as exc:
        return f"Content-Encoding {encoding} that does not decompress ({exc})"
    if len(out) > cap:
        return f"Content-Encoding {encoding}: expands past {cap:,} bytes (stopped there)"
    return out


def _kind(mime: str, body: bytes) -> str | None:
    """``html`` or ``text`` by the Content-Type; a page sent without one is looked at."""
    if mime in _HTML_TYPES:
        return "html"
    if mime in _TEXT_TYPES:
        return "text"
    if mime:
        return None
    head = body[:4096].decode("latin-1")
    return "html" if text_format(head) == "html" else None


def _codec(label: str) -> str | None:
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def _text(body: bytes, content_type: str, kind: str) -> tuple[str, str]:
    """The page decoded: the header's charset, the page's own, else detection."""
    if body.startswith(tuple(bom for bom, _ in BOMS)):
        return decode_bytes(body)  # a byte-order mark outranks any label, as in a browser
    labels = [m.group(1) for m in [_CHARSET.search(content_type)] if m]
    if kind == "html":
        labels += [m.group(1).decode("ascii", "ignore") for m in [_META_CHARSET.search(body[:4096])] if m]
    for label in labels:
        codec = _codec(label)
        if codec is None or codec.startswith("utf-16"):  # a page in ASCII bytes cannot be UTF-16
            continue
        try:
            return body.decode(codec).removeprefix("\ufeff"), codec
        except UnicodeDecodeError:
            continue  # a charset the bytes are not in: the next source decides
    return decode_bytes(body)
