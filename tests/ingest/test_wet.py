"""Common Crawl WET files: one document per page-text record, keyed by its WARC-Record-ID, with
the page's URL; the warcinfo header is no input; a record that cannot be framed is a reject
holding the rest of the file, never a silent loss."""

from __future__ import annotations

import gzip

from factsieve import vocabulary as codes
from factsieve.ingest import read as ingest
from factsieve.ingest.sources import InputFile

PAGES = [
    (
        "https://news.example.com/a",
        "Ferry service resumes after strike\nBoats sailed at dawn on Monday, the operator said.\n",
    ),
    (
        "https://news.example.com/b",
        "Council backs bus plan\nThe council voted 7-2 to add 40 buses, officials said.\n",
    ),
]


def _record(kind: str, rid: str, body: bytes, uri: str = "") -> bytes:
    target = f"WARC-Target-URI: {uri}\r\n" if uri else ""
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\n{target}WARC-Date: 2023-01-27T12:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{rid}>\r\nContent-Type: text/plain\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body + b"\r\n\r\n"


def _wet() -> bytes:
    info = _record("warcinfo", "0000", b"isPartOf: CC-MAIN-2023-06\r\noperator: Common Crawl\r\n")
    return info + b"".join(_record("conversion", f"id-{i}", t.encode(), u) for i, (u, t) in enumerate(PAGES))


def _read(tmp_path, name: str, data: bytes) -> ingest.IngestResult:
    p = tmp_path / name
    p.write_bytes(data)
    return ingest.read_input(InputFile(str(p), len(data), p.stat().st_mtime, rel=name))


def test_wet_records_are_documents_with_their_url_and_id(tmp_path):
    for name, data in [("CC-MAIN-1.warc.wet", _wet()), ("CC-MAIN-1.warc.wet.gz", gzip.compress(_wet()))]:
        res = _read(tmp_path, name, data)
        assert not res.rejects
        assert [(d.record_key, d.url, d.title, d.format) for d in res.docs] == [
            ("id-0", PAGES[0][0], "Ferry service resumes after strike", "wet"),
            ("id-1", PAGES[1][0], "Council backs bus plan", "wet"),
        ]
        assert res.docs[1].text == PAGES[1][1]


def test_a_record_running_past_the_end_is_a_reject_holding_the_rest(tmp_path):
    cut = _wet()[:-40]  # the last record's body is truncated: its Content-Length runs past the end
    res = _read(tmp_path, "cut.warc.wet", cut)
    assert [d.record_key for d in res.docs] == ["id-0"]
    [rej] = res.rejects
    assert (rej.record_key, rej.reason) == (
        "id-1",
        codes.MALFORMED_RECORD,
    ) or rej.reason == codes.MALFORMED_RECORD
    assert "runs past the end of the file" in rej.detail


def test_other_record_types_and_garbage_are_rejects_not_silence(tmp_path):
    data = _wet() + _record("response", "r-1", b"HTTP/1.1 200 OK\r\n\r\n<html></html>") + b"not a record\n"
    res = _read(tmp_path, "mixed.warc.wet", data)
    assert len(res.docs) == 2
    assert [(r.reason, r.detail.split(":")[1].strip()) for r in res.rejects] == [
        (codes.MALFORMED_RECORD, "WARC-Type 'response' is not a page's text"),
        (codes.MALFORMED_RECORD, "no WARC record header; its 13 bytes to the end are not read"),
    ]
