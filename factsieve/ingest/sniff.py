"""What a file holds when its name says otherwise: a scraper's output gone wrong saves gzip, zip
(docx, xlsx, epub), PDF or images under .txt/.html/.jsonl names, and HTML pages or JSON Lines
under .txt. The content decides, not the name:

- a known binary signature is a ``binary`` reject naming the format (a PDF with uncompressed
  streams is plain ASCII and used to become a "document" of PDF syntax);
- a .txt file that is an HTML page is read by the HTML reader, one that is JSON Lines (its first
  line an object with ``text``) by the JSON Lines reader; otherwise the page's markup, or the
  records' JSON syntax, would be the document's text.
"""

from __future__ import annotations

import json
import re

from factsieve.ingest import mail, news_xml, trec_sgml
from factsieve.ingest.delimited import header_problem
from factsieve.ingest.jsondoc import json_values
from factsieve.ingest.records import TEXT_FOLDS, folded

# Leading bytes of formats that are never text, and what to call them in a reject. Signatures
# that are printable ASCII are given in full (GIF87a, bzip2's "BZh9" + block magic), so a text
# that merely starts with "GIF" or "BZh" stays text.
_SIGNATURES = (
    (rb"\x1f\x8b", "gzip-compressed data"),
    (rb"PK\x03\x04", "a zip archive (also docx, xlsx, odt, epub)"),
    (rb"%PDF-\d", "a PDF document"),
    (rb"BZh[1-9]1AY&SY", "bzip2-compressed data"),
    (rb"\xfd7zXZ\x00", "xz-compressed data"),
    (rb"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (rb"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 file (doc, xls, msg)"),
    (rb"\x89PNG\r\n\x1a\n", "a PNG image"),
    (rb"\xff\xd8\xff", "a JPEG image"),
    (rb"GIF8[79]a", "a GIF image"),
    # Word, WordPad and TextEdit save RTF; under .txt it became a document of its markup (round 7).
    (rb"\{\\rtf1", "an RTF document"),
    # a news site's or scraper's database (round 9): named, so the reject says how to export it
    (rb"SQLite format 3\x00", "a SQLite database"),
)
SIGNATURES = [(re.compile(pattern), name) for pattern, name in _SIGNATURES]

# Control bytes that never occur in text files (NUL..BS, SO..US less ESC); their share
# separates binary files from text in an unknown single-byte encoding.
_CONTROL = bytes(set(range(0, 9)) | set(range(14, 27)) | set(range(28, 32)))
CONTROL_RE = re.compile(b"[" + re.escape(_CONTROL) + b"]")
CONTROL_TEXT_RE = re.compile("[" + re.escape(_CONTROL.decode("ascii")) + "]")


# An SQL dump (sqlite3 .dump, mysqldump, pg_dump): statements, not articles (round 9).
_SQL_DUMP = re.compile(
    rb"\A(?:\xef\xbb\xbf)?(?:\s|--[^\n]*\n|/\*.*?\*/;?)*(?:PRAGMA |BEGIN TRANSACTION;|CREATE TABLE |INSERT INTO |SET )",
    re.DOTALL,
)


def described(head: bytes) -> str | None:
    """What a file no reader takes is, when its first bytes say so (a database, an SQL dump, a
    binary format), for its ``unsupported_format`` reject; else None."""
    return binary_format(head) or ("an SQL dump" if _SQL_DUMP.match(head) else None)


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls > max(4, len(head) // 100)


# An HTML page: a doctype or <html> first (after a BOM, whitespace, comments or an XML
# declaration). A text that only mentions a tag further on is text.
_HTML_START = re.compile(
    r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_page(text: str) -> bool:
    """Whether decoded text opens as an HTML page (a doctype or ``<html>`` first)."""
    return _HTML_START.match(text[:4096]) is not None


def binary_format(data: bytes) -> str | None:
    """The name of the binary format ``data`` starts with, or None."""
    for magic, name in SIGNATURES:
        if magic.match(data):
            return name
    return None


# The root of a feed, for a file whose name says nothing (no extension, an unknown one).
_FEED_ROOT = re.compile(rb"<(?:rss|rdf:RDF|feed)[\s>]")


def corpus_format(head: bytes) -> str | None:
    """The reader for a file whose name selects none (no extension: ``AP880212``, ``60804``; an
    unknown one; a bare ``afp_eng_199405.gz``), from its first bytes (decompressed): ``"trec"``
    (TREC/Gigaword ``<DOC>`` SGML), ``"email"`` (a message or an mbox), ``"html"`` (a web page: a
    doctype or ``<html>`` first), ``"feed"`` (RSS/Atom, or a news article as XML: NITF, RCV1, TEI,
    NewsML-G2). None for anything else: such a file stays an
    ``unsupported_format`` reject, so a README, a licence, source code or a binary never becomes a
    document because it happens to be text."""
    if binary_format(head) is not None:
        return None  # control bytes in a known shape are its reader's binary reject, not silence
    if mail.looks_like_mbox(head) or mail.looks_like_message(head):
        return "email"
    text = _head_text(head)
    if trec_sgml.looks_like(text):
        return "trec"
    if _HTML_START.match(text[:4096]):
        # A web mirror's pages (wget -r keeps the server's names: article.php?id=17, story.aspx,
        # index.shtml, page.xhtml, a pretty URL with no extension): a doctype or <html> first is a
        # page, read by the HTML reader's main-text extraction (round 8; before, unsupported_format).
        return "html"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<") and (news_xml.is_news_root(stripped) or _FEED_ROOT.search(stripped[:8192])):
        return "feed"
    return None


def _head_text(head: bytes) -> str:
    """The first bytes as text for the ASCII shapes: UTF-16 by its byte-order mark (a ``.sgm`` saved so
    was read as TREC when its dialect was decided on the decoded file), else Latin-1 after a UTF-8
    mark, so any byte decodes and none is guessed."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head[: len(head) // 2 * 2].decode("utf-16", "replace")
    return head.removeprefix(b"\xef\xbb\xbf").decode("latin-1")


def text_format(text: str) -> str | None:
    """``"html"``, ``"jsonl"``, ``"json"``, ``"trec"`` or ``"email"`` when decoded text from a .txt
    file is really that, else None. A TREC ``<DOC>`` file or an e-mail saved as .txt is read as one:
    else the SGML tags, or the headers and quoted replies, would be the document's text."""
    if _HTML_START.match(text[:4096]):
        return "html"
    if trec_sgml.looks_like(text):
        return "trec"
    head = text[:8192].encode("utf-8", "surrogateescape")
    if mail.looks_like_mbox(head) or mail.looks_like_message(head):
        return "email"
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        first = head.split("\n", 1)[0]
        try:
            rec = json.loads(first)
        except (ValueError, RecursionError):
            rec = None
        if isinstance(rec, dict) and isinstance(rec.get("text"), str):
            return "jsonl"
    if head.startswith(("{", "[")):
        # A JSON document saved as .txt (an array of records, an API envelope, pretty-printed or
        # aliased records: {"body": …}) is records, not prose: read as a .json file would be, so its
        # texts are documents and a record without one is a missing_text reject naming its fields.
        # Prose that opens with a bracket ("[Updated] …", "{Sponsored}") fails at its first token.
        values = json_values(head)
        if values is not None and all(isinstance(v, dict | list) for _, _, v in values):
            return "json"
    if _tab_table(head):
        return "tsv"
    return None


def _tab_table(text: str) -> bool:
    """Whether a .txt file is a tab-separated table with a header naming a text column: Excel's
    "Unicode Text (*.txt)" and "Text (Tab delimited)" exports (round 17; before, one document of
    the whole table). Prose has no tab-separated header of short names followed by a tabbed row."""
    first, _, rest = text.partition("\n")
    if "\t" not in first or "\t" not in rest.partition("\n")[0]:
        return False
    names = [n.strip().strip('"') for n in first.rstrip("\r").split("\t")]
    return len(names) >= 2 and not header_problem(names) and any(folded(n) in TEXT_FOLDS for n in names)
