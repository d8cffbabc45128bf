"""Hostile input, round 10 (docs/INGEST.md "Round 9's leftovers, done" and "Hostile input, round
10"): round 9's leftovers (a zip whose UTF-8 name flag lies, an lz4 file opening with a skippable
frame, a tarred Hugging Face folder whose shard lies in another part, JSON with comments and
trailing commas, Feather v1, a Google Alert's furniture lines), then classes no earlier probe had:
WARC ``resource`` records, MIND's headerless news.tsv, office documents and other files no reader
takes (named, with advice), Spark's job markers, a page saved as ``.json`` and JSON Lines named
``.csv``, UTF-8 cut inside its last character, mongoexport's Extended JSON and a WordPress export's
attachments."""

from __future__ import annotations

import io
import json
import struct
import tarfile
import zipfile
from pathlib import Path

import lz4.frame
import pandas as pd
import pyarrow as pa
import pyarrow.feather as feather
import pyarrow.ipc as ipc
import pytest
import zstandard

from factsieve import vocabulary as codes
from factsieve.ingest import exclude
from factsieve.ingest import parts as splitting
from factsieve.ingest import read as ingest
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.text.clean import clean_text

PORT = (
    "Dock workers in Rotterdam walked out on Tuesday after pay talks collapsed, the union said. "
    "Loading stopped at three container terminals and shipping lines warned of week-long delays."
)
BUDGET = (
    "The city council approved a budget on Monday that raises school spending by four percent. "
    "Councillors voted 31 to 12 in favour after a five-hour debate in the chamber."
)
LANDSLIP = (
    "Rail services between Leeds and Manchester were suspended for six hours after a landslip near "
    "Marsden, Network Rail said. Engineers cleared the line by early evening."
)
STORIES = [PORT, BUDGET, LANDSLIP]


def _read(path: Path, limits: IngestLimits = IngestLimits()) -> ingest.IngestResult:
    return ingest.read_input(InputFile(str(path), path.lstat().st_size, None, rel=path.name), limits)


def _texts(res: ingest.IngestResult) -> list[str]:
    return [d.text for d in res.docs]


def _jsonl(*texts: str) -> bytes:
    return "".join(json.dumps({"id": f"s{i}", "text": t}) + "\n" for i, t in enumerate(texts)).encode()


# --- round 9's leftovers ------------------------------------------------------------------------------


def _zip_with_lying_flag() -> bytes:
    """A zip of three members: one name in cp437 bytes (0x81 is cp437's ü) under the UTF-8 flag, as
    old Windows zippers and some Java tools write; one real UTF-8 name with the flag; one ASCII."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("news/Zurich-port.txt", PORT)
        z.writestr("news/caf\u00e9-budget.txt", BUDGET)  # zipfile sets the flag for it
        z.writestr("news/landslip.txt", LANDSLIP)
    data = bytearray(buf.getvalue().replace(b"Zurich-port", b"Z\x81rich-port"))
    for sig, name_at, flag_at in ((b"PK\x03\x04", 26, 7), (b"PK\x01\x02", 28, 9)):
        at = 0
        while (at := data.find(sig, at)) >= 0:
            n = int.from_bytes(data[at + name_at : at + name_at + 2], "little")
            head = 30 if sig == b"PK\x03\x04" else 46
            if b"Z\x81rich" in data[at + head : at + head + n]:
                data[at + flag_at] |= 0x08  # general purpose bit 11: "names are UTF-8"
            at += 4
    return bytes(data)


def test_a_zip_whose_utf8_flag_lies_is_read_member_by_member(tmp_path):
    """Before: one ``corrupt_file`` for all members (zipfile cannot list such an archive). Now each
    member is read; the lying name is read as cp437, as unflagged names are."""
    (tmp_path / "wire.zip").write_bytes(_zip_with_lying_flag())
    res = _read(tmp_path / "wire.zip")
    assert not res.rejects
    assert [(d.record_key, d.text) for d in res.docs] == [
        ("news/Z\u00fcrich-port.txt", PORT),
        ("news/caf\u00e9-budget.txt", BUDGET),
        ("news/landslip.txt", LANDSLIP),
    ]


def test_a_damaged_zip_with_a_lying_flag_is_still_one_named_reject(tmp_path):
    data = _zip_with_lying_flag()
    cut = data[: data.find(b"PK\x01\x02") + 20] + data[data.find(b"PK\x05\x06") :]  # directory cut
    (tmp_path / "cut.zip").write_bytes(cut)
    [rej] = _read(tmp_path / "cut.zip").rejects
    assert rej.reason == codes.CORRUPT_FILE


@pytest.mark.parametrize("meta", [b"producer=lz4-java 1.8", b"x" * 70_000])
def test_an_lz4_file_opening_with_a_skippable_frame_is_read(tmp_path, meta):
    """Skippable frames (magic 0x184D2A5x) are zstd's and lz4's alike; the frame after them decides.
    Before: sent to the zstd reader, a ``binary`` reject. A long one (70 KB) is followed in the file."""
    skippable = struct.pack("<II", 0x184D2A50, len(meta)) + meta
    (tmp_path / "wire.jsonl.lz4").write_bytes(skippable + lz4.frame.compress(_jsonl(*STORIES)))
    (tmp_path / "wire.jsonl.zst").write_bytes(
        skippable + zstandard.ZstdCompressor().compress(_jsonl(*STORIES))
    )
    for name in ("wire.jsonl.lz4", "wire.jsonl.zst"):
        res = _read(tmp_path / name)
        assert _texts(res) == STORIES and not res.rejects, name


def _hf_shard(path: Path, texts: list[str]) -> None:
    table = pa.table({"text": texts})
    with pa.OSFile(str(path), "wb") as f, ipc.new_stream(f, table.schema) as w:
        w.write_table(table)


def test_a_tarred_dataset_folder_read_in_parts_passes_its_metadata_over_across_parts(tmp_path):
    """``save_to_disk``'s metadata first, its large shard in a later part. Before: the metadata
    part could not see the shard and read ``state.json``/``dataset_info.json`` as JSON
    (``missing_text`` rejects). A ``state.json`` in a folder with no shard anywhere is still read."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "state.json").write_text(json.dumps({"_data_files": [{"filename": "data-00000-of-00001.arrow"}]}))
    (src / "dataset_info.json").write_text(json.dumps({"features": {"text": {"dtype": "string"}}}))
    filler = [f"{s} Report {i}." for i in range(600) for s in STORIES]
    _hf_shard(src / "data-00000-of-00001.arrow", filler)
    (src / "notes.json").write_text(json.dumps({"text": PORT}))
    with tarfile.open(tmp_path / "ds.tar", "w") as tf:
        tf.add(src / "state.json", "ds/state.json")
        tf.add(src / "dataset_info.json", "ds/dataset_info.json")
        tf.add(src / "notes.json", "ds/notes.json")
        for i in range(20):  # bulk so the shard starts a later part
            tf.add(src / "notes.json", f"ds/pad/n{i}.json")
        tf.add(src / "data-00000-of-00001.arrow", "ds/data-00000-of-00001.arrow")
        tf.add(src / "state.json", "other/state.json")  # no shard in other/: read as JSON
    inp = InputFile(str(tmp_path / "ds.tar"), (tmp_path / "ds.tar").stat().st_size, None, rel="ds.tar")
    pieces = splitting.split_parts(inp, 16 * 1024)
    assert len(pieces) >= 2
    results = [ingest.read_input(p) for p in pieces]
    assert sum(r.skipped[exclude.DATASET_META] for r in results) == 2
    assert len([d for r in results for d in r.docs]) == len(filler) + 21
    rejects = [r for res in results for r in res.rejects]
    assert [(r.record_key, r.reason) for r in rejects] == [("other/state.json!line:1", codes.MISSING_TEXT)]


def test_json_with_comments_and_trailing_commas_is_read_and_what_was_left_out_counted(tmp_path):
    """JSONC / JSON5-ish exports (a CMS's ``//`` and ``/* */`` comments, trailing commas). Before:
    every line a ``malformed_json``. A URL's ``//`` or a ``/* */`` inside a string is text."""
    inside = "Prices were quoted at http://example.org/a//b /* sic */ by the agency."
    pretty = (
        '// exported by the newsroom CMS, 2024-03-05\n{\n  /* the articles */\n  "articles": [\n'
        + "".join(
            f'    {{"title": "Story {i}", "text": {json.dumps(t)},}}, // item {i}\n'
            for i, t in enumerate([*STORIES, inside])
        )
        + "  ],\n}\n"
    )
    (tmp_path / "cms.json").write_text(pretty)
    res = _read(tmp_path / "cms.json")
    assert _texts(res) == [*STORIES, inside] and not res.rejects
    assert res.skipped == {"JSON comment": 6, "JSON trailing comma": 6}
    lines = f'{{"text": {json.dumps(PORT)},}}\n{{"text": {json.dumps(BUDGET)}}}\n'
    (tmp_path / "feed.jsonl").write_text(lines)
    res = _read(tmp_path / "feed.jsonl")
    assert _texts(res) == [PORT, BUDGET] and res.skipped == {"JSON trailing comma": 1}


def test_json5_beyond_comments_and_commas_stays_a_precise_reject(tmp_path):
    """Single-quoted strings and unquoted keys are not read: that line's ``malformed_json`` says
    where; the other lines are records."""
    (tmp_path / "mixed.jsonl").write_text(f"{{text: '{PORT}'}}\n" + json.dumps({"text": BUDGET}) + "\n")
    res = _read(tmp_path / "mixed.jsonl")
    assert _texts(res) == [BUDGET]
    [rej] = res.rejects
    assert (rej.record_key, rej.reason) == ("line:1", codes.MALFORMED_JSON)
    assert "property name enclosed in double quotes" in rej.detail


def test_feather_v1_is_read_and_one_over_the_limit_is_named(tmp_path):
    """Old pandas ``to_feather`` (before Arrow IPC). Before: ``corrupt_file`` "Expected to read …
    metadata bytes"."""
    frame = pd.DataFrame({"title": ["Port strike", "Budget", "Landslip"], "text": STORIES})
    with pytest.warns(DeprecationWarning):  # pyarrow warns on writing v1; reading it does not warn
        feather.write_feather(frame, str(tmp_path / "old.feather"), version=1)
    res = _read(tmp_path / "old.feather")
    assert [(d.record_key, d.title, d.text) for d in res.docs] == [
        (f"row:{i + 1}", t, s) for i, (t, s) in enumerate(zip(frame.title, STORIES, strict=True))
    ]
    small = IngestLimits(max_file_bytes=256)
    [rej] = _read(tmp_path / "old.feather", small).rejects
    assert rej.reason == codes.TOO_LARGE and "Feather v1" in rej.detail


def test_a_google_alerts_furniture_lines_are_removed_as_prompts():
    alert = (
        "Google Alerts\n\nRotterdam port\n\nDock workers walk out over pay\n\n" + PORT + "\n\n"
        "Flag as irrelevant\n\nSee more results | Edit this alert\n\nUnsubscribe\n\n"
        "View all your alerts\n"
    )
    res = clean_text(alert)
    assert "Unsubscribe" not in res.text and "Flag as irrelevant" not in res.text
    assert {line for reason, line in res.removed if reason == "prompt"} >= {
        "Unsubscribe",
        "Flag as irrelevant",
        "See more results | Edit this alert",
    }
    # a sentence that mentions unsubscribing is text
    kept = clean_text(PORT + "\n\nReaders who unsubscribe will get a refund, the company said.")
    assert "unsubscribe will get a refund" in kept.text


# --- round 10 probe -----------------------------------------------------------------------------------


def _warc(kind: str, uri: str, block: bytes, content_type: str) -> bytes:
    head = (
        f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)) % 10**8:08d}-0000-0000-0000-000000000000>\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def test_warc_resource_records_are_read_as_pages(tmp_path):
    """A ``resource`` record's block is the document itself (browser-based crawlers, Webrecorder,
    warcit). Before: ``malformed_record`` "WARC-Type 'resource' is not a page's text". A host
    lookup (``dns:``) is passed over; an image stays a named ``unsupported_payload``."""
    page = (
        f"<html><head><title>Port strike</title></head><body><article><p>{PORT}</p></article></body></html>"
    )
    data = (
        _warc(
            "resource",
            "dns:news.example.org",
            b"20240305100000\nnews.example.org. 300 IN A 192.0.2.7\n",
            "text/dns",
        )
        + _warc("resource", "https://news.example.org/port", page.encode(), "text/html; charset=utf-8")
        + _warc("resource", "https://news.example.org/budget.txt", BUDGET.encode(), "text/plain")
        + _warc(
            "resource", "https://news.example.org/p.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "image/png"
        )
    )
    (tmp_path / "crawl.warc").write_bytes(data)
    res = _read(tmp_path / "crawl.warc")
    assert [(d.url, d.text) for d in res.docs] == [
        ("https://news.example.org/port", PORT),
        ("https://news.example.org/budget.txt", BUDGET),
    ]
    assert res.docs[0].title == "Port strike"
    assert [r.reason for r in res.rejects] == [codes.UNSUPPORTED_PAYLOAD]
    assert res.skipped == {"dns resource record": 1}


def test_mind_news_tsv_without_a_header_is_read(tmp_path):
    """The Microsoft News Dataset's news.tsv has no header row: id, category, subcategory, title,
    abstract, URL, entities. Before: ``no_header`` for the file. Another headerless file (AG News
    style) stays ``no_header``."""
    rows = [
        ("N55528", "news", "newsworld", "Port strike halts terminals", PORT),
        ("N19639", "news", "newsus", "Council passes school budget", BUDGET),
        ("N61837", "travel", "travelnews", "Landslip closes rail line", ""),
    ]
    ents = '[{"Label": "Rotterdam", "Type": "G", "WikidataId": "Q34370"}]'
    (tmp_path / "news.tsv").write_text(
        "".join(
            f"{i}\t{c}\t{s}\t{t}\t{a}\thttps://assets.msn.com/labs/mind/{i}.html\t{ents}\t[]\n"
            for i, c, s, t, a in rows
        )
    )
    res = _read(tmp_path / "news.tsv")
    assert [(d.record_key, d.title, d.text) for d in res.docs] == [
        ("N55528", "Port strike halts terminals", PORT),
        ("N19639", "Council passes school budget", BUDGET),
    ]
    assert [(r.record_key, r.reason) for r in res.rejects] == [("N61837", codes.EMPTY)]
    (tmp_path / "ag.tsv").write_text(f"3\tPort strike halts terminals\t{PORT}\n")
    assert [r.reason for r in _read(tmp_path / "ag.tsv").rejects] == [codes.NO_HEADER]


def _package(first: str, first_body: str, part: str) -> bytes:
    """A zip package as office suites and e-book tools write it: its type member first."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(first, first_body, compress_type=zipfile.ZIP_STORED)
        z.writestr(part, f"<x>{PORT}</x>")
    return buf.getvalue()


def _ooxml(part: str) -> bytes:
    return _package("[Content_Types].xml", "<Types/>", part)


@pytest.mark.parametrize(
    ("name", "data", "named"),
    [
        ("report.docx", _ooxml("word/document.xml"), "a word-processor document"),
        ("sheet.xlsx", _ooxml("xl/sharedStrings.xml"), "a spreadsheet"),
        (
            "sheet.ods",
            _package("mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml"),
            "a spreadsheet",
        ),
        ("story.rtf", b"{\\rtf1\\ansi " + PORT.encode() + b"}", "a word-processor document"),
        ("scan.pdf", b"%PDF-1.7\n%%EOF\n", "a PDF document"),
        ("scan.bin", b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n", "a PDF document"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "a word-processor document"),
        ("mail.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "an Outlook message"),
        ("legacy.dat", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "an old Office file"),
        ("book.epub", _package("mimetype", "application/epub+zip", "OEBPS/ch1.xhtml"), "an e-book"),
        ("export.avro", b"Obj\x01\x04\x14avro.codec\x08null", "an Avro or ORC table"),
        ("story.url", b"[InternetShortcut]\r\nURL=https://news.example.org/port\r\n", "a link"),
        ("post.md", f"# Port strike\n\n{PORT}\n".encode(), "a Markdown or reStructuredText file"),
        ("post.rst", f"Port strike\n===========\n\n{PORT}\n".encode(), "a Markdown or reStructuredText file"),
    ],
)
def test_files_no_reader_takes_are_named_with_what_to_do(tmp_path, name, data, named):
    """Before: "no reader for '.docx' files, and the content has no known shape …" for each."""
    (tmp_path / name).write_bytes(data)
    [rej] = _read(tmp_path / name).rejects
    assert rej.reason == codes.UNSUPPORTED_FORMAT
    assert rej.detail.startswith(f"{named}") and ": not read; " in rej.detail


def test_spark_job_markers_are_passed_over(tmp_path):
    """``_SUCCESS``, Databricks' ``_started_<id>``/``_committed_<id>``, Parquet's ``_metadata``.
    Before: an ``unsupported_format`` reject each, in every folder a Spark job wrote."""
    names = ["out/_SUCCESS", "out/_started_4471", "out/_committed_4471", "out/_common_metadata"]
    assert {exclude.passed_over(n, ()) for n in names} == {exclude.JOB_MARKER}
    assert exclude.passed_over("out/part-00000-3f2a-c000.json", ()) is None
    assert exclude.passed_over("out/SUCCESS_story.txt", ()) is None
    with zipfile.ZipFile(tmp_path / "job.zip", "w") as z:
        z.writestr("out/_SUCCESS", b"")
        z.writestr("out/part-00000-3f2a-c000.json", _jsonl(PORT))
    res = _read(tmp_path / "job.zip")
    assert _texts(res) == [PORT] and not res.rejects
    assert res.skipped[exclude.JOB_MARKER] == 1


def test_a_page_saved_as_json_and_json_lines_named_csv_are_read_as_what_they_are(tmp_path):
    """The content decides, as for ``.txt``. Before: ``malformed_json`` "Expecting value at column
    1"; ``no_header`` (the JSON split at its commas)."""
    page = f"<!DOCTYPE html><html><head><title>Port strike</title></head><body><article><p>{PORT}</p></article></body></html>"
    (tmp_path / "story.json").write_text(page)
    res = _read(tmp_path / "story.json")
    assert [(d.format, d.text) for d in res.docs] == [("html", PORT)]
    (tmp_path / "export.csv").write_bytes(_jsonl(PORT, BUDGET))
    res = _read(tmp_path / "export.csv")
    assert [(d.record_key, d.text) for d in res.docs] == [("s0", PORT), ("s1", BUDGET)]
    # a CSV is still a CSV, whatever its cells hold
    (tmp_path / "table.csv").write_text(f'text,meta\n"{BUDGET}","{{""a"": 1}}"\n')
    assert [d.format for d in _read(tmp_path / "table.csv").docs] == ["csv"]


def test_utf8_cut_inside_its_last_character_stays_utf8(tmp_path):
    """A truncated download or copy. Before: the whole file read as cp1252 ("Ã©" for "é")."""
    text = "Le conseil a adopté le budget « équilibré » lundi soir. Coût : 12 €"
    for cut in (1, 2):
        (tmp_path / f"cut{cut}.txt").write_bytes(text.encode()[:-cut])
        [doc] = _read(tmp_path / f"cut{cut}.txt").docs
        assert (doc.encoding, doc.text) == ("utf-8", text[:-1])
    legacy = "Le conseil a adopté le budget".encode("cp1252")
    (tmp_path / "legacy.txt").write_bytes(legacy)
    assert _read(tmp_path / "legacy.txt").docs[0].text == "Le conseil a adopté le budget"


def test_mongoexport_extended_json_is_read(tmp_path):
    """``{"$date": …}``, ``{"$oid": …}``, ``{"$numberLong": …}``. Before: every dated record a
    ``malformed_record`` ("'published' is dict")."""
    recs = [
        {
            "_id": {"$oid": "65f0c0ffee00000000000001"},
            "text": PORT,
            "published": {"$date": "2024-03-05T08:00:00Z"},
        },
        {
            "_id": {"$oid": "65f0c0ffee00000000000002"},
            "text": BUDGET,
            "published": {"$date": {"$numberLong": "1709712000000"}},
        },
        {"id": {"$numberLong": "42"}, "text": LANDSLIP, "published": {"$date": 1709798400000}},
    ]
    (tmp_path / "articles.json").write_text("".join(json.dumps(r) + "\n" for r in recs))
    res = _read(tmp_path / "articles.json")
    assert not res.rejects
    assert [str(d.published_at.date()) for d in res.docs] == ["2024-03-05", "2024-03-06", "2024-03-07"]
    assert res.docs[2].record_key == "42"


def test_a_wordpress_exports_attachments_and_menu_items_are_passed_over(tmp_path):
    """WXR lists a site's attachments and menu entries as items. Before: a ``missing_text`` each."""
    wp = "http://wordpress.org/export/1.2/"
    items = (
        f"<item><title>Port strike</title><content:encoded><![CDATA[<p>{PORT}</p>]]></content:encoded>"
        "<wp:post_type>post</wp:post_type></item>"
        "<item><title>port-photo</title><content:encoded><![CDATA[]]></content:encoded>"
        "<wp:post_type>attachment</wp:post_type></item>"
        "<item><title>Home</title><wp:post_type>nav_menu_item</wp:post_type></item>"
        f"<item><title>About us</title><content:encoded><![CDATA[<p>{BUDGET}</p>]]></content:encoded>"
        "<wp:post_type>page</wp:post_type></item>"
        "<item><title>Empty post</title><wp:post_type>post</wp:post_type></item>"
    )
    (tmp_path / "site.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        f'xmlns:wp="{wp}"><channel><title>Site</title>{items}</channel></rss>'
    )
    res = _read(tmp_path / "site.xml")
    assert _texts(res) == [PORT, BUDGET]
    assert [(r.record_key, r.reason) for r in res.rejects] == [("item:5", codes.MISSING_TEXT)]
    assert res.skipped == {"WordPress attachment item": 1, "WordPress nav_menu_item item": 1}


def test_desktop_leftovers_and_a_saved_pages_assets_are_passed_over(tmp_path):
    """Office's ``~$`` owner file, Windows' ``:Zone.Identifier`` copies, and the ``NAME_files/``
    folder a browser saves beside ``NAME.html``. Before: a reject each (unsupported_format, or
    an ad frame's page as only_boilerplate)."""
    rels = [
        "saved/story.html",
        "saved/story_files/jquery.min.js.download",
        "saved/story_files/frames/ad.html",
        "saved/notes_files/keep.txt",  # no notes.html beside it: read
        "saved/~$report.docx",
        "saved/story.html:Zone.Identifier",
    ]
    files = [InputFile(str(tmp_path / r), 10, None, rel=r) for r in rels]
    kept, left = exclude.split(files, (), raw_is_file=False)
    assert [f.rel for f in kept] == ["saved/story.html", "saved/notes_files/keep.txt"]
    assert left == {exclude.PAGE_ASSETS: 2, exclude.SYSTEM_LEFTOVER: 2}


def test_a_jsonl_file_with_a_hole_before_its_records_is_read(tmp_path):
    """A log truncated under a writer that kept its offset (logrotate's copytruncate): NULs, then
    the records. Before: one ``binary`` reject for the file. A NUL elsewhere keeps the old rule."""
    (tmp_path / "app.jsonl").write_bytes(b"\x00" * 200_000 + _jsonl(PORT, BUDGET))
    res = _read(tmp_path / "app.jsonl")
    assert [(d.record_key, d.text) for d in res.docs] == [("s0", PORT), ("s1", BUDGET)]
    assert res.skipped == {"leading NUL bytes": 1}
    (tmp_path / "bad.jsonl").write_bytes(b"\x00" * 64 + _jsonl(PORT) + b"\x00" * 64 + _jsonl(BUDGET))
    assert [r.reason for r in _read(tmp_path / "bad.jsonl").rejects] == [codes.BINARY]
