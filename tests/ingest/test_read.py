from __future__ import annotations

import codecs
import json
from itertools import pairwise

import pytest

from factsieve.ingest import parts as splitting
from factsieve.ingest import read as ingest
from factsieve.ingest.sources import InputFile, SourceError, discover


def _inp(tmp_path, name: str, data: bytes) -> InputFile:
    p = tmp_path / name
    p.write_bytes(data)
    return InputFile(str(p), len(data), p.stat().st_mtime, rel=name)


ARTICLE = (
    "Coffee exports rise 12 percent\n"
    "SAN SALVADOR – El Salvador’s coffee exports rose 12 percent in the first quarter, the council said on Friday.\n"
)


def test_utf8_text_is_one_document_with_headline_title(tmp_path):
    res = ingest.read_input(_inp(tmp_path, "a.txt", ARTICLE.encode()))
    assert not res.rejects
    [doc] = res.docs
    assert doc.encoding == "utf-8"
    assert doc.title == "Coffee exports rise 12 percent"
    assert doc.text == ARTICLE


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_single_byte_encodings_decode_correctly(tmp_path, encoding):
    text = "Mayor José Peña said the café budget rose to 5 million.\nThe council agreed with him, and the vote passed.\n"
    if encoding == "cp1252":
        text = text.replace("5 million", "€5 million").replace("said", "“said”")
    res = ingest.read_input(_inp(tmp_path, "legacy.txt", text.encode(encoding)))
    [doc] = res.docs
    assert doc.text == text
    assert doc.encoding in ("cp1252", "latin_1")


@pytest.mark.parametrize("bom_codec", ["utf-16", "utf-8-sig"])
def test_bom_encodings(tmp_path, bom_codec):
    data = ARTICLE.encode(bom_codec)
    if bom_codec == "utf-16" and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")
    [doc] = ingest.read_input(_inp(tmp_path, "bom.txt", data)).docs
    assert doc.text.lstrip("\ufeff") == ARTICLE


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", ingest.EMPTY),
        ("blank.txt", b"  \n\t\n", ingest.EMPTY),
        ("image.txt", bytes(range(256)) * 8, ingest.BINARY),
        ("nul.jsonl", b'{"text": "a"}\x00\x00\x00', ingest.BINARY),
        ("photo.png", b"\x89PNG\r\n\x1a\n", ingest.UNSUPPORTED_FORMAT),
        (
            "page.html",
            b"<html><head><title>Loading</title></head><body><script>x()</script></body></html>",
            ingest.NO_MAIN_TEXT,
        ),
        (  # a site map or section front: trafilatura falls back to the menu (before: a document)
            "sitemap.html",
            b"<html><head><title>Sitemap</title></head><body><nav><ul>"
            + b"".join(b'<li><a href="/s%d">Section %d news</a></li>' % (i, i) for i in range(60))
            + b"</ul></nav><footer>Copyright</footer></body></html>",
            ingest.NO_MAIN_TEXT,
        ),
    ],
)
def test_bad_files_are_rejected_with_a_reason(tmp_path, name, data, reason):
    res = ingest.read_input(_inp(tmp_path, name, data))
    assert not res.docs
    [rej] = res.rejects
    assert rej.reason == reason
    assert rej.detail


def test_too_large_file_is_rejected_without_reading(tmp_path):
    inp = _inp(tmp_path, "big.txt", b"word " * 1000)
    res = ingest.read_input(inp, ingest.IngestLimits(max_file_bytes=100))
    assert [r.reason for r in res.rejects] == [ingest.TOO_LARGE]


def test_jsonl_records_each_end_in_documents_or_rejects(tmp_path):
    lines = [
        json.dumps(
            {
                "id": "r1",
                "text": "Remittances fell 1.2 percent in March.",
                "title": "Remittances fall",
                "url": "https://example.com/r1",
                "published": "2024-04-15T10:00:00+02:00",
            }
        ),
        '{"id": "r2", "text": "Fuel prices rose for a third',  # truncated line
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "r4", "title": "no body"}),
        json.dumps({"id": "r5", "text": 42}),
        json.dumps({"id": "r6", "text": "  "}),
        "",
        json.dumps({"text": "Exports rose 8 percent, the bank said."}),
        json.dumps({"id": "r1", "text": "A second record reusing id r1 keeps its own key."}),
    ]
    res = ingest.read_input(_inp(tmp_path, "feed.jsonl", "\n".join(lines).encode()))
    assert [d.record_key for d in res.docs] == ["r1", "line:8", "r1@line:9"]
    assert [(r.record_key, r.reason) for r in res.rejects] == [
        ("line:2", ingest.MALFORMED_JSON),
        ("line:3", ingest.MALFORMED_RECORD),
        ("r4", ingest.MISSING_TEXT),
        ("r5", ingest.MALFORMED_RECORD),
        ("r6", ingest.EMPTY),
    ]
    first = res.docs[0]
    assert first.title == "Remittances fall" and first.url == "https://example.com/r1"
    assert str(first.published_at) == "2024-04-15 08:00:00+00:00"
    assert "line 2" in res.rejects[0].detail


def test_html_main_text_title_and_date(tmp_path):
    html = b"""<html><head><title>Port expansion to start in June | Daily</title>
    <meta property="article:published_time" content="2024-04-18T09:30:00-06:00"></head><body>
    <nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/subscribe">Subscribe</a></nav>
    <article><h1>Port expansion to start in June</h1>
    <p>Work on a $110 million expansion of the port of Acajutla will begin in June, the port commission said on Thursday.</p>
    <p>The commission said the project would raise the port's annual capacity from 4.5 million to 6.8 million tonnes by 2027.</p>
    <p>Shipping companies have complained for years about delays at the port, according to the commission's annual report.</p>
    </article><footer>(c) 2024 Daily. All rights reserved. <a href="/privacy">Privacy policy</a></footer></body></html>"""
    [doc] = ingest.read_input(_inp(tmp_path, "page.html", html)).docs
    assert "Work on a $110 million expansion" in doc.text
    assert "Subscribe" not in doc.text and "All rights reserved" not in doc.text
    assert doc.title and doc.title.startswith("Port expansion to start in June")
    assert doc.published_at is not None and doc.published_at.year == 2024 and doc.published_at.month == 4


def test_raw_inputs_are_never_modified(tmp_path):
    data = "Caf\xe9 owners protest.\r\nThe council listened.\r\n".encode("cp1252")
    inp = _inp(tmp_path, "x.txt", data)
    before = (tmp_path / "x.txt").stat()
    ingest.read_input(inp)
    assert (tmp_path / "x.txt").read_bytes() == data
    assert (tmp_path / "x.txt").stat().st_mtime_ns == before.st_mtime_ns


def test_discover_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    (tmp_path / ".DS_Store").write_bytes(b"\0")
    files = discover(tmp_path)
    assert [f.rel for f in files] == ["a.txt", "b/z.txt"]
    assert [f.rel for f in discover(tmp_path / "b" / "z.txt")] == ["z.txt"]
    with pytest.raises(SourceError, match="does not exist"):
        discover(tmp_path / "missing")


def test_discover_fsspec_memory_filesystem():
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe("/ingest-test/raw/a.txt", ARTICLE.encode())
    fs.pipe("/ingest-test/raw/sub/b.jsonl", b'{"text": "Exports rose, the bank said."}\n')
    files = discover("memory://ingest-test/raw")
    assert [f.rel for f in files] == ["a.txt", "sub/b.jsonl"]
    docs = [d for f in files for d in ingest.read_input(f).docs]
    assert [d.text for d in docs] == [ARTICLE, "Exports rose, the bank said."]
    fs.rm("/ingest-test", recursive=True)


# --- large JSONL files read in parts -------------------------------------------------------

WIRE = [
    "Remittances to El Salvador fell 1.2 percent in March, the central bank said on Tuesday.",
    "Coffee exports rose 12 percent in the first quarter, according to the coffee council.",
    "Officials will likely discuss the port expansion when they meet in June.",
    "The ministry said fuel prices would rise for a third month.",
]


def _wire_feed(n: int) -> str:
    """A feed with the cases that depend on where a file is cut: ids repeated far apart, lines
    without ids (keyed by line number), blank lines, CRLF, a malformed line, and U+2028 inside a
    JSON string (it does not end a JSON Lines record)."""
    lines = []
    for i in range(n):
        rec = {"id": f"r{i % 40}", "text": f"{WIRE[i % 4]} Item {i}."}
        if i % 7 == 0:
            del rec["id"]
        if i % 11 == 0:
            rec["text"] += "\u2028Second paragraph of the item."
        lines.append(json.dumps(rec, ensure_ascii=False))
        if i % 13 == 0:
            lines.append("")
        if i % 17 == 0:
            lines.append('{"id": "broken", "text": "cut off')
    return "\r\n".join(lines[: n // 2]) + "\r\n" + "\n".join(lines[n // 2 :]) + "\n"


def _records(results) -> tuple[list, list]:
    docs = [(d.record_key, d.text, d.raw_bytes, d.encoding) for r in results for d in r.docs]
    rejects = [(x.record_key, x.reason, x.detail, x.raw_bytes) for r in results for x in r.rejects]
    return docs, rejects


def _read_parts(parts):
    """Read parts in order, passing on the keys earlier parts used (as the flow does)."""
    seen: set[str] = set()
    results = []
    for part in parts:
        res = ingest.read_input(part, taken=seen)
        seen |= res.keys
        results.append(res)
    return results


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_large_jsonl_parts_read_like_the_whole_file(tmp_path, bom):
    data = bom + _wire_feed(400).encode()
    inp = _inp(tmp_path, "wire.jsonl", data)
    parts = splitting.split_parts(inp, target_bytes=2_000)
    assert len(parts) > 10
    # contiguous, cut after a newline, covering every byte after the BOM
    assert parts[0].start == len(bom) and parts[-1].end == len(data)
    assert all(a.end == b.start and data[a.end - 1 : a.end] == b"\n" for a, b in pairwise(parts))
    assert all(p.first_line == data[len(bom) : p.start].count(b"\n") + 1 for p in parts)
    whole = ingest.read_input(inp)
    assert _records(_read_parts(parts)) == _records([whole])
    keys = [d.record_key for d in whole.docs]
    assert "r1@line:" in " ".join(keys) and "line:1" in keys and len(set(keys)) == len(keys)
    assert any("\u2028" in d.text for d in whole.docs)


def test_part_without_the_earlier_keys_repeats_ids(tmp_path):
    # The reason parts pass keys on: read alone, a later part reuses an earlier part's id.
    inp = _inp(tmp_path, "wire.jsonl", _wire_feed(400).encode())
    parts = splitting.split_parts(inp, target_bytes=2_000)
    alone = {d.record_key for d in ingest.read_input(parts[5]).docs}
    before = {d.record_key for p in parts[:5] for d in ingest.read_input(p).docs}
    assert alone & before


@pytest.mark.parametrize(
    "name, data",
    [
        (
            "legacy.jsonl",
            "\n".join(
                json.dumps({"text": f"Café {i} fermé."}, ensure_ascii=False) for i in range(300)
            ).encode("cp1252"),
        ),
        ("utf16.jsonl", "\n".join(json.dumps({"text": f"Item {i}."}) for i in range(300)).encode("utf-16")),
        ("blank.jsonl", b" \n" * 3000),
        ("binary.jsonl", b"\x00\x01\x02" * 3000),
        ("small.jsonl", b'{"text": "One item."}\n'),
        ("notes.txt", b"Plain text is never split.\n" * 300),
    ],
)
def test_files_that_need_whole_file_reading_are_not_split(tmp_path, name, data):
    inp = _inp(tmp_path, name, data)
    assert splitting.split_parts(inp, target_bytes=1_000) == [inp]


def test_part_of_a_file_changed_after_planning_is_a_read_error_reject(tmp_path):
    inp = _inp(tmp_path, "wire.jsonl", _wire_feed(200).encode())
    parts = splitting.split_parts(inp, target_bytes=2_000)
    (tmp_path / "wire.jsonl").write_bytes(b"\xff" * inp.size)  # rewritten in place meanwhile
    [rej] = ingest.read_input(parts[1]).rejects
    assert rej.reason == ingest.READ_ERROR and "UnicodeDecodeError" in rej.detail
    assert f"from line {parts[1].first_line}" in rej.detail


def test_jsonl_with_a_corrupt_line_keeps_its_good_records(tmp_path):
    """A crashed writer's NUL run (or one record with raw control bytes) is a reject for that
    line; the file's good records are still documents, as they are when a large file is read
    in parts."""
    good = [
        json.dumps(
            {
                "id": f"w{i}",
                "text": f"The port of Rotterdam handled {i + 3} million tonnes in May, the authority said.",
            }
        )
        for i in range(3)
    ]
    data = "\n".join(
        [good[0], good[1], "\x00" * 40, '{"text": "Flood\x07 warning lifted"}', good[2]]
    ).encode()
    res = ingest.read_input(_inp(tmp_path, "feed.jsonl", data))
    assert [d.record_key for d in res.docs] == ["w0", "w1", "w2"]
    assert [(r.record_key, r.reason) for r in res.rejects] == [
        ("line:3", ingest.BINARY),
        ("line:4", ingest.BINARY),
    ]
    assert all(r.detail.startswith(("line 3:", "line 4:")) for r in res.rejects)


def test_jsonl_that_is_mostly_binary_is_one_file_reject(tmp_path):
    """Binary data named .jsonl is one reject, not a reject per "line" of noise."""
    data = b"\n".join([b'{"text": "Markets closed higher on Friday."}'] + [bytes(range(32)) * 4] * 5)
    res = ingest.read_input(_inp(tmp_path, "dump.jsonl", data))
    assert not res.docs
    [rej] = res.rejects
    assert rej.reason == ingest.BINARY and rej.record_key == ""
