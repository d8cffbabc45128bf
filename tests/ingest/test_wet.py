"""Common Crawl WET files: one document per page-text record, keyed by its WARC-Record-ID, with
the page's URL; the warcinfo header is no input; a record that cannot be framed is a reject
holding the rest of the file, never a silent loss."""

from __future__ import annotations

import gzip

from factsieve import vocabulary as codes
from factsieve.ingest import parts as splitting
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


def _big_wet(n: int) -> bytes:
    info = _record("warcinfo", "0000", b"isPartOf: CC-MAIN-2023-06\r\n")
    pages = []
    for i in range(n):
        uri, text = PAGES[i % 2]
        body = f"{text}Item {i}: the port authority said traffic would resume.\n".encode()
        # some records without an id (keyed by offset), one repeated id
        rid = "" if i % 7 == 3 else ("dup" if i in (10, 20) else f"id-{i}")
        rec = _record("conversion", rid, body, uri)
        pages.append(rec if rid else rec.replace(b"WARC-Record-ID: <urn:uuid:>\r\n", b""))
    pages.insert(30, _record("response", "resp-1", b"HTTP/1.1 200 OK\r\n"))  # another type: a reject
    return info + b"".join(pages)


def _read_all(parts, limits=None):
    docs, rejects, taken = [], [], set()
    for p in parts:
        r = ingest.read_input(p, limits or ingest.IngestLimits(), taken if p.is_part else None)
        docs += [(d.record_key, d.url, d.text) for d in r.docs]
        rejects += [(x.record_key, x.reason, x.detail) for x in r.rejects]
        taken |= r.keys or set()
    return docs, rejects


def test_a_large_wet_is_read_in_parts_of_whole_records(tmp_path):
    data = _big_wet(200)
    path = tmp_path / "CC-MAIN-2.warc.wet"
    path.write_bytes(data)
    whole = InputFile(str(path), len(data), path.stat().st_mtime, rel=path.name)
    parts = splitting.split_parts(whole, 4096)
    assert len(parts) > 5 and all(p.is_part for p in parts)
    assert all(data[p.start : p.start + 8] == b"WARC/1.0" for p in parts)
    got = _read_all(parts)
    assert got == _read_all([whole]) and len(got[0]) == 200
    assert [r[1] for r in got[1]] == [codes.MALFORMED_RECORD]
    # a record cut short at the end: the parts before it are cut, the rest is read as one piece
    cut = data[:-60]
    path.write_bytes(cut)
    whole = InputFile(str(path), len(cut), path.stat().st_mtime, rel=path.name)
    assert _read_all(splitting.split_parts(whole, 4096)) == _read_all([whole])


def test_a_large_wet_gz_is_streamed_beyond_max_file_bytes(tmp_path):
    data = _big_wet(400)
    path = tmp_path / "CC-MAIN-3.warc.wet.gz"
    path.write_bytes(gzip.compress(data))
    inp = InputFile(str(path), path.stat().st_size, path.stat().st_mtime, rel=path.name)
    small = ingest.IngestLimits(max_file_bytes=len(data) // 4)
    [rej] = ingest.read_input(inp, small).rejects  # read whole: over the limit
    assert rej.reason == codes.TOO_LARGE
    spool = tmp_path / "spool"
    parts = splitting.split_gzip_parts(inp, 8192, small, spool)
    assert len(parts) > 5 and all(p.is_part and p.uri == str(path) for p in parts)
    docs, rejects = _read_all(parts, small)
    plain = tmp_path / "plain.warc.wet"
    plain.write_bytes(data)
    expected = _read_all([InputFile(str(plain), len(data), None, rel="plain.warc.wet")])
    assert (docs, rejects) == expected and len(docs) == 400
