"""Files whose content is not what their name says: the content decides. Archived, PDF and image
data (and compressed data other than gzip, which is read) under text names are `binary` rejects
that name the format; an HTML page or
JSON Lines saved as .txt is read as what it is, not as a document of markup or JSON syntax."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import zipfile

import pytest

from factsieve.ingest import read as ingest
from factsieve.ingest.sniff import binary_format, text_format
from factsieve.ingest.sources import InputFile

STORY = (
    "The city council approved the transport budget on Friday, officials said. "
    "Mayor Ana Ruiz told reporters the plan would add 40 buses by next year.\n"
)
PAGE = (
    "<!DOCTYPE html>\n<html lang='en'><head><title>Council backs bus plan</title>"
    "<script>window.dataLayer=[];</script></head><body><nav>Home | World | Business</nav>"
    f"<article><h1>Council backs bus plan</h1><p>{STORY}</p>"
    "<p>The opposition leader Tom Baker said the vote was rushed and costly for residents.</p>"
    "<p>Ruiz said the first buses would run in March, according to the council statement.</p>"
    "</article><footer>© 2026 City News</footer></body></html>"
)


def _read(tmp_path, name: str, data: bytes) -> ingest.IngestResult:
    p = tmp_path / name
    p.write_bytes(data)
    return ingest.read_input(InputFile(str(p), len(data), p.stat().st_mtime, rel=name))


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:t>" + STORY * 5 + "</w:t>")
    return buf.getvalue()


# An uncompressed PDF is printable ASCII: without its signature it passed as a text document.
ASCII_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nstream\nBT /F1 12 Tf (Council backs bus plan) Tj ET\nendstream\n%%EOF\n"


@pytest.mark.parametrize(
    "name, data, kind",
    [
        ("story.txt", gzip.compress(gzip.compress(STORY.encode() * 20)), "gzip"),
        ("feed.jsonl", _zip(), "zip archive"),
        ("page.html", _zip(), "zip archive"),
        ("story.txt", ASCII_PDF, "PDF"),
        # bzip2, xz and zstd are read like gzip (test_compressed.py); compressed twice is not text
        ("story.txt", gzip.compress(bz2.compress(STORY.encode())), "bzip2"),
    ],
)
def test_binary_formats_under_text_names_are_rejects_naming_the_format(tmp_path, name, data, kind):
    res = _read(tmp_path, name, data)
    assert not res.docs
    [rej] = res.rejects
    assert rej.reason == ingest.BINARY and kind in rej.detail and name[name.index(".") :] in rej.detail


@pytest.mark.parametrize(
    "text",
    [
        "GIF prices rose 3 percent, the agency said.",
        "BZh is not a word.",
        "%PDF files are not news.",
        "PK said yes.",
    ],
)
def test_text_that_starts_like_a_signature_is_text(text):
    assert binary_format(text.encode()) is None


def test_an_html_page_saved_as_txt_is_read_as_html(tmp_path):
    [doc] = _read(tmp_path, "page.txt", PAGE.encode()).docs
    assert doc.format == "html" and doc.title == "Council backs bus plan"
    assert "<" not in doc.text and "dataLayer" not in doc.text
    assert "Mayor Ana Ruiz told reporters" in doc.text


def test_xhtml_with_an_xml_declaration_saved_as_txt_is_html():
    assert (
        text_format('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">')
        == "html"
    )


@pytest.mark.parametrize(
    "text",
    [
        STORY,
        "Use the <html> tag to start a page, the guide says.\n",
        "<b>Breaking</b>: " + STORY,
        '{"a": 1} is JSON.\n',
    ],
)
def test_text_that_mentions_markup_or_json_stays_text(tmp_path, text):
    [doc] = _read(tmp_path, "note.txt", text.encode()).docs
    assert doc.format == "text" and doc.text.strip() == text.strip()


def test_json_lines_saved_as_txt_are_records(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": STORY}),
        '{"text": "cut off',
        json.dumps({"text": STORY + " Update."}),
    ]
    res = _read(tmp_path, "feed.txt", "\n".join(lines).encode())
    assert [(d.record_key, d.format) for d in res.docs] == [("a1", "jsonl"), ("line:3", "jsonl")]
    assert [(r.record_key, r.reason) for r in res.rejects] == [("line:2", ingest.MALFORMED_JSON)]
