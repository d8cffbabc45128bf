"""WARC files of HTTP responses (CC-NEWS ``CC-NEWS-….warc.gz``): one document per 200 response
holding an HTML or plain-text page, its main text by the HTML path, URL from WARC-Target-URI, date
from the page or WARC-Date; a 404 or an image is a reject of its own, request/metadata/warcinfo
records are passed over and counted; chunked and gzip bodies are undone, the charset comes from the
header, then the page, then detection."""

from __future__ import annotations

import gzip

import pandas as pd

from factsieve import vocabulary as codes
from factsieve.ingest import parts as splitting
from factsieve.ingest import read as ingest
from factsieve.ingest.sources import InputFile
from tests.ingest.corpus_builders import (
    ARTICLES,
    article_html,
    chunked,
    http_response,
    warc_fetch,
    warc_record,
    warcinfo,
)
from tests.ingest.test_feeds import _read_parts

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(256)) * 4
NAME = "CC-NEWS-20240101061209-00001.warc"


def _three_responses() -> bytes:
    """A 200 article, a 404 and an image, each fetched after its request, behind the warcinfo."""
    title, paras = ARTICLES[0]
    page = article_html(title, paras, charset="", published="2023-12-31T18:00:00Z").encode("cp1252")
    ok = http_response(
        "200 OK",
        {
            "Content-Type": "text/html; charset=windows-1252",
            "Server": "nginx",
            "Content-Length": str(len(page)),
        },
        page,
    )
    missing = http_response(
        "404 Not Found",
        {"Content-Type": "text/html; charset=utf-8"},
        article_html("Page not found", ["The page you asked for is not here."]).encode(),
    )
    image = http_response("200 OK", {"Content-Type": "image/jpeg", "Content-Length": str(len(JPEG))}, JPEG)
    return (
        warcinfo(NAME)
        + warc_fetch("r-1", "https://www.example-news.co.uk/business/timewarner-profit", ok)
        + warc_fetch("r-2", "https://www.example-news.co.uk/old/story-removed", missing)
        + warc_fetch("r-3", "https://www.example-news.co.uk/images/logo.jpg", image)
        + warc_record(
            "metadata", "m-3", b"fetchTimeMs: 112\r\n", "https://www.example-news.co.uk/images/logo.jpg"
        )
    )


def _read(tmp_path, name: str, data: bytes, **limits) -> ingest.IngestResult:
    p = tmp_path / name
    p.write_bytes(data)
    return ingest.read_input(InputFile(str(p), len(data), None, rel=name), ingest.IngestLimits(**limits))


def _per_record_gzip(data: bytes) -> bytes:
    """A .warc.gz as crawlers write it: one gzip member per record (readers may seek to a record)."""
    records = data.split(b"WARC/1.0\r\n")[1:]
    return b"".join(gzip.compress(b"WARC/1.0\r\n" + r) for r in records)


def test_three_responses_give_one_document_and_two_specific_rejects(tmp_path):
    for name, data in [(NAME, _three_responses()), (NAME + ".gz", _per_record_gzip(_three_responses()))]:
        res = _read(tmp_path, name, data)
        [doc] = res.docs
        assert (doc.record_key, doc.format, doc.encoding) == ("r-1", "warc", "cp1252")
        assert doc.url == "https://www.example-news.co.uk/business/timewarner-profit"
        assert doc.title == ARTICLES[0][0]
        assert doc.text.splitlines()[1].startswith(
            "Quarterly profits at US media giant TimeWarner jumped 76%"
        )
        assert "Privacy" not in doc.text and "Home" not in doc.text  # navigation and footer dropped
        assert doc.published_at == pd.Timestamp("2023-12-31", tz="UTC")  # the page's own date
        by_key = {r.record_key: r for r in res.rejects}
        assert (by_key["r-2"].reason, by_key["r-3"].reason) == (codes.HTTP_STATUS, codes.UNSUPPORTED_PAYLOAD)
        assert "HTTP 404 Not Found" in by_key["r-2"].detail
        assert "image/jpeg" in by_key["r-3"].detail
        assert by_key["r-3"].sample == "https://www.example-news.co.uk/images/logo.jpg"
        # every record is accounted for: 3 responses are 1 document + 2 rejects, the rest counted
        assert dict(res.skipped) == {"warcinfo record": 1, "request record": 3, "metadata record": 1}


def test_chunked_gzip_bodies_meta_charsets_lying_headers_and_plain_text(tmp_path):
    title1, paras1 = ARTICLES[2]  # curly quotes: cp1252 bytes 0x93/0x94
    page1 = article_html(title1, paras1, charset="windows-1252").encode("cp1252")
    gz_chunked = http_response(
        "200 OK",
        {"Content-Type": "text/html", "Content-Encoding": "gzip", "Transfer-Encoding": "chunked"},
        chunked(gzip.compress(page1)),
    )
    title2, paras2 = ARTICLES[3]
    page2 = article_html(title2, paras2, charset="").replace("3.1%", "3.1% – £").encode("cp1252")
    lying = http_response(
        "200 OK", {"Content-Type": "text/html; charset=utf-8"}, page2
    )  # bytes are not UTF-8
    plain = http_response(
        "200 OK",
        {"Content-Type": "text/plain; charset=utf-8"},
        b"Dollar gains on Greenspan speech\n\nThe dollar has hit its highest level, traders said.\n",
    )
    # Common Crawl stores payloads decoded and renames the header: it must not be decoded again
    renamed = http_response(
        "200 OK", {"Content-Type": "text/html; charset=utf-8", "X-Crawler-Content-Encoding": "gzip"}, page1
    )
    data = (
        warc_fetch("a", "https://news.example.org/harbour", gz_chunked, "2024-01-01T06:00:00Z")
        + warc_fetch("b", "https://news.example.org/fares", lying, "2024-01-01T07:30:00Z")
        + warc_fetch("c", "https://news.example.org/dollar.txt", plain, "2024-01-01T08:00:00Z")
        + warc_fetch("d", "https://news.example.org/harbour-copy", renamed)
    )
    res = _read(tmp_path, "crawl.warc", data)
    by_key = {d.record_key: d for d in res.docs}
    assert [r.record_key for r in res.rejects] == []
    assert "“We have been waiting two winters for this,”" in by_key["a"].text
    assert by_key["a"].encoding == "cp1252"  # from <meta charset>, the header named none
    assert "3.1% – £" in by_key["b"].text  # the header's utf-8 does not decode: detection decides
    assert by_key["c"].title == "Dollar gains on Greenspan speech"
    # no date in the page: WARC-Date, when it was fetched
    assert by_key["b"].published_at == pd.Timestamp("2024-01-01 07:30", tz="UTC")
    assert "waiting two winters" in by_key["d"].text  # already-decoded payload of a cp1252 page
    assert res.skipped["request record"] == 4


def test_bad_responses_are_rejects_naming_what_is_wrong(tmp_path):
    bomb = gzip.compress(b"<html><body>" + b"A" * 5_000_000)
    cases = {
        "redirect": http_response("301 Moved Permanently", {"Location": "https://x.example/"}, b""),
        "brotli": http_response(
            "200 OK", {"Content-Type": "text/html", "Content-Encoding": "br"}, b"\x1b\x00"
        ),
        "bomb": http_response("200 OK", {"Content-Type": "text/html", "Content-Encoding": "gzip"}, bomb),
        "pdf": http_response("200 OK", {"Content-Type": "application/pdf"}, b"%PDF-1.7\n"),
        "nohttp": b"this is not an HTTP message",
        "nav": http_response(
            "200 OK",
            {"Content-Type": "text/html"},
            b'<html><body><nav><a href="/a">Home</a></nav><script>track()</script></body></html>',
        ),
    }
    data = b"".join(warc_record("response", k, v, f"https://x.example/{k}") for k, v in cases.items())
    res = _read(tmp_path, "bad.warc", data, max_file_bytes=1_000_000)
    got = {r.record_key: (r.reason, r.detail.split(": ", 1)[1]) for r in res.rejects}
    assert not res.docs and len(got) == len(cases)
    assert got["redirect"] == (
        codes.HTTP_STATUS,
        "HTTP 301 Moved Permanently: only the pages of 200 responses are read",
    )
    assert got["brotli"] == (
        codes.UNSUPPORTED_PAYLOAD,
        "Content-Encoding br: not decoded (gzip and deflate are)",
    )
    assert got["bomb"] == (
        codes.UNSUPPORTED_PAYLOAD,
        "Content-Encoding gzip: expands past 1,000,000 bytes (stopped there)",
    )
    assert got["pdf"][0] == codes.UNSUPPORTED_PAYLOAD and "application/pdf" in got["pdf"][1]
    assert got["nohttp"][0] == codes.MALFORMED_RECORD
    assert got["nav"][0] == codes.NO_MAIN_TEXT


def test_a_large_warc_gz_is_read_in_parts_with_the_documents_of_a_whole_read(tmp_path):
    fetches = []
    for i in range(60):
        title, paras = ARTICLES[i % len(ARTICLES)]
        page = article_html(f"{title} ({i})", [f"Story {i}. " + p for p in paras]).encode()
        status = "404 Not Found" if i % 10 == 9 else "200 OK"
        response = http_response(status, {"Content-Type": "text/html; charset=utf-8"}, page)
        fetches.append(warc_fetch(f"r-{i:02d}", f"https://news.example.net/story/{i}", response))
    data = _per_record_gzip(warcinfo(NAME) + b"".join(fetches))
    p = tmp_path / (NAME + ".gz")
    p.write_bytes(data)
    inp = InputFile(str(p), len(data), None, rel=p.name)
    whole = ingest.read_input(inp)
    found = splitting.split_gzip_parts(inp, 16_384, ingest.IngestLimits(), tmp_path / "spool")
    assert len(found) >= 4 and all(f.is_part for f in found)
    docs, rejects = _read_parts(found)
    assert len(whole.docs) == 54 and len(whole.rejects) == 6
    assert [(d.record_key, d.text, d.url) for d in docs] == [
        (d.record_key, d.text, d.url) for d in whole.docs
    ]
    assert [(r.record_key, r.reason) for r in rejects] == [(r.record_key, r.reason) for r in whole.rejects]
