"""Hostile input and corpora, round 8 (docs/INGEST.md): news corpora in the forms they are
distributed that were unread (Hugging Face ``save_to_disk`` folders and Feather/Arrow files, Event
Registry and ninjs 2 JSON, NewsML-G2 XML) and a loop of links with no extension reported as a file
of unknown shape."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.feather as feather
import pyarrow.ipc as ipc
import pytest

from factsieve import vocabulary as codes
from factsieve.ingest import exclude
from factsieve.ingest import parts as splitting
from factsieve.ingest import read as ingest
from factsieve.ingest.sources import InputFile, discover
from factsieve.params import IngestLimits

HARBOUR = (
    "The city council approved the harbour budget on Tuesday after a long debate.\n"
    "Officials said the new quay would open next spring, and that fees for small boats would not rise."
)
RAIL = (
    "Rail workers ended their strike on Friday after the union accepted a pay offer.\n"
    "Trains ran normally by the evening, a spokesman for the operator said."
)
FLOODS = (
    "Floods closed three roads in the valley overnight, police said.\n"
    "Residents were told to avoid the river bank until the water level falls."
)
TABLE = pa.table(
    {
        "id": ["a1", "a2", "a3"],
        "title": ["Harbour budget approved", "Rail strike ends", "Floods close roads"],
        "text": [HARBOUR, RAIL, FLOODS],
        "url": ["https://news.example/1", "https://news.example/2", "https://news.example/3"],
        "date": ["2024-03-05", "2024-03-06", "2024-03-07"],
    }
)


def _input(path: Path) -> InputFile:
    return InputFile(str(path), path.lstat().st_size, None, rel=path.name)


def _read(path: Path, limits: IngestLimits = IngestLimits()) -> ingest.IngestResult:
    return ingest.read_input(_input(path), limits)


def _stream(path: Path, table: pa.Table, max_chunksize: int | None = None) -> None:
    """An Arrow IPC stream, as ``datasets.Dataset.save_to_disk`` writes its shards."""
    with pa.OSFile(str(path), "wb") as f, ipc.new_stream(f, table.schema) as writer:
        writer.write_table(table, max_chunksize=max_chunksize)


def _docs(res: ingest.IngestResult) -> list[tuple]:
    return [(d.record_key, d.title, d.text, d.url, str(d.published_at)[:10], d.format) for d in res.docs]


WANT = [
    ("a1", "Harbour budget approved", HARBOUR, "https://news.example/1", "2024-03-05", "arrow"),
    ("a2", "Rail strike ends", RAIL, "https://news.example/2", "2024-03-06", "arrow"),
    ("a3", "Floods close roads", FLOODS, "https://news.example/3", "2024-03-07", "arrow"),
]


# --- Arrow IPC: Hugging Face save_to_disk, Feather v2, .arrow files -------------------------------


def test_a_hugging_face_save_to_disk_folder_is_read_and_its_metadata_passed_over(tmp_path):
    """Before: the shard an ``unsupported_format`` reject, ``dataset_info.json`` and ``state.json``
    each a ``missing_text`` reject listing their fields: not one document."""
    folder = tmp_path / "raw" / "news_ds"
    folder.mkdir(parents=True)
    _stream(folder / "data-00000-of-00001.arrow", TABLE)
    (folder / "dataset_info.json").write_text(json.dumps({"features": {"text": {"dtype": "string"}}}))
    (folder / "state.json").write_text(
        json.dumps({"_data_files": [{"filename": "data-00000-of-00001.arrow"}]})
    )
    (tmp_path / "raw" / "dataset_dict.json").write_text(json.dumps({"splits": ["train"]}))
    # a state.json with no Arrow shard near it is any JSON file: read
    (tmp_path / "raw" / "other").mkdir()
    (tmp_path / "raw" / "other" / "state.json").write_text(json.dumps({"text": RAIL}))

    kept, left = exclude.split(discover(tmp_path / "raw"), (), raw_is_file=False)
    assert sorted(f.rel for f in kept) == ["news_ds/data-00000-of-00001.arrow", "other/state.json"]
    assert left == {exclude.DATASET_META: 3}
    [shard] = [f for f in kept if f.rel.endswith(".arrow")]
    res = ingest.read_input(shard)
    assert _docs(res) == WANT and res.rejects == []


@pytest.mark.parametrize("compression", ["lz4", "zstd", "uncompressed"])
def test_feather_and_arrow_ipc_files_are_read(tmp_path, compression):
    feather.write_feather(TABLE, str(tmp_path / "news.feather"), compression=compression)
    assert _docs(_read(tmp_path / "news.feather")) == WANT
    with pa.OSFile(str(tmp_path / "news.arrow"), "wb") as f, ipc.new_file(f, TABLE.schema) as writer:
        writer.write_table(TABLE)
    assert _docs(_read(tmp_path / "news.arrow")) == WANT


def test_arrow_columns_are_read_as_parquet_columns_are(tmp_path):
    """Aliases, dictionary-encoded and large strings, a null text named, no text column named."""
    feather.write_feather(
        pa.table(
            {
                "body": pa.array([HARBOUR, RAIL, None]).dictionary_encode(),
                "headline": pa.array(["Harbour", "Rail", "Nothing"], pa.large_string()),
                "image": pa.array([b"\x89PNG", b"", b""]),  # a column no record uses: not read
            }
        ),
        str(tmp_path / "alias.feather"),
    )
    res = _read(tmp_path / "alias.feather")
    assert [(d.record_key, d.title, d.text) for d in res.docs] == [
        ("row:1", "Harbour", HARBOUR),
        ("row:2", "Rail", RAIL),
    ]
    assert [(r.record_key, r.reason, r.detail) for r in res.rejects] == [
        ("row:3", codes.MISSING_TEXT, "row 3: 'body' is null")
    ]
    feather.write_feather(pa.table({"label": [1], "score": [0.5]}), str(tmp_path / "labels.feather"))
    [rej] = _read(tmp_path / "labels.feather").rejects
    assert (rej.reason, rej.detail) == (
        codes.MISSING_TEXT,
        "no 'text' column or alias (body, content, article, …; columns: label, score)",
    )
    # --text-field names an Arrow column too
    feather.write_feather(pa.table({"maintext": [FLOODS], "text": ["teaser"]}), str(tmp_path / "m.feather"))
    assert [d.text for d in _read(tmp_path / "m.feather", IngestLimits(text_field="maintext")).docs] == [
        FLOODS
    ]


def test_damaged_arrow_files_are_rejects_that_keep_what_can_be_read(tmp_path):
    _stream(tmp_path / "whole.arrow", TABLE, max_chunksize=1)  # three batches of one row
    data = (tmp_path / "whole.arrow").read_bytes()
    (tmp_path / "cut.arrow").write_bytes(data[: len(data) - 200])  # a download cut in the last batch
    res = _read(tmp_path / "cut.arrow")
    assert [d.record_key for d in res.docs] == ["a1", "a2"]
    [rej] = res.rejects
    assert (rej.record_key, rej.reason) == ("row:3", codes.CORRUPT_FILE)
    assert rej.detail.startswith("row 3: this row and any after it cannot be read")

    feather.write_feather(TABLE, str(tmp_path / "news.feather"))
    data = (tmp_path / "news.feather").read_bytes()
    (tmp_path / "cut.feather").write_bytes(data[: len(data) // 2])  # the footer is gone
    (tmp_path / "words.arrow").write_text("just some words, not Arrow at all\n")
    for name in ("cut.feather", "words.arrow"):
        [rej] = _read(tmp_path / name).rejects
        assert rej.reason == codes.CORRUPT_FILE and rej.record_key == ""
        assert rej.detail.startswith("not an Arrow IPC (Feather, Hugging Face) file that can be read")


def test_a_sparse_arrow_file_is_rejected_without_being_hashed(tmp_path):
    path = tmp_path / "sparse.arrow"
    with open(path, "wb") as f:
        f.truncate(2 * 1024**3)  # 2 GB of NULs, no disk used
    inp = _input(path)
    limits = IngestLimits()
    head = path.open("rb").read(8192)
    assert splitting.rejected_unread(inp, limits.max_file_bytes, head, head)
    [rej] = [r for p in splitting.split_parts(inp, 8 << 20) for r in ingest.read_input(p, limits).rejects]
    assert rej.reason == codes.CORRUPT_FILE
    # a real shard over the limit is never "rejected unread": it is read in parts
    _stream(tmp_path / "big.arrow", TABLE)
    real = (tmp_path / "big.arrow").read_bytes()[:8192]
    assert not splitting.rejected_unread(
        InputFile(str(tmp_path / "big.arrow"), 3 << 30, None, rel="big.arrow"),
        limits.max_file_bytes,
        real,
        real,
    )


def test_a_large_arrow_stream_is_read_in_parts_of_batches_like_a_whole_read(tmp_path):
    n = 3000
    table = pa.table(
        {
            "id": [f"n{i}" for i in range(n)],
            "text": [f"Story {i}: {HARBOUR if i % 2 else RAIL}" for i in range(n)],
        }
    )
    for name, write in (
        ("shard.arrow", lambda p: _stream(p, table, max_chunksize=100)),
        ("table.feather", lambda p: feather.write_feather(table, str(p), chunksize=100)),
    ):
        path = tmp_path / name
        write(path)
        whole = ingest.read_input(_input(path))
        pieces = splitting.split_parts(_input(path), 64 * 1024)
        assert len(pieces) > 4
        parted = [ingest.read_input(p) for p in pieces]
        assert [d.record_key for r in parted for d in r.docs] == [d.record_key for d in whole.docs]
        assert [d.text for r in parted for d in r.docs] == [d.text for d in whole.docs]
        assert len(whole.docs) == n and not any(r.rejects for r in parted)


def test_an_arrow_file_read_before_as_unsupported_is_read_again():
    assert ingest.reader_takes(InputFile("/x/data-00000-of-00001.arrow", 10, None, rel="d.arrow"))
    assert ingest.reader_takes(InputFile("/x/news.feather", 10, None, rel="news.feather"))


# --- JSON shapes of news APIs -----------------------------------------------------------------------


def test_event_registry_and_newsapi_responses(tmp_path):
    """Event Registry nests its page under ``articles``: before, one ``missing_text`` for the file."""
    (tmp_path / "er.json").write_text(
        json.dumps(
            {
                "articles": {
                    "results": [
                        {
                            "uri": "798001",
                            "dateTimePub": "2024-03-05T10:15:00Z",
                            "title": "Harbour",
                            "body": HARBOUR,
                        },
                        {"uri": "798002", "date": "2024-03-06", "title": "Rail", "body": RAIL},
                    ],
                    "totalResults": 2,
                    "page": 1,
                }
            }
        )
    )
    res = _read(tmp_path / "er.json")
    assert [(d.record_key, d.title, d.text, str(d.published_at)[:10]) for d in res.docs] == [
        ("line:1.1", "Harbour", HARBOUR, "2024-03-05"),
        ("line:1.2", "Rail", RAIL, "2024-03-06"),
    ]
    (tmp_path / "empty_er.json").write_text(json.dumps({"articles": {"results": [], "page": 1}}))
    [rej] = _read(tmp_path / "empty_er.json").rejects
    assert rej.reason == codes.EMPTY
    # NewsAPI's publishedAt is its publication time (before: no date)
    (tmp_path / "newsapi.json").write_text(
        json.dumps(
            {
                "status": "ok",
                "articles": [
                    {
                        "source": {"name": "X"},
                        "title": "Floods",
                        "publishedAt": "2024-03-07T06:00:00Z",
                        "content": FLOODS,
                    }
                ],
            }
        )
    )
    [doc] = _read(tmp_path / "newsapi.json").docs
    assert (doc.text, str(doc.published_at)) == (FLOODS, "2024-03-07 06:00:00+00:00")


def test_ninjs_records(tmp_path):
    """ninjs 2 (``bodies``/``headlines`` lists) was ``missing_text``; ninjs 1's ``body_text`` is
    its plain text (before, ``body_html`` was extracted)."""
    page = "<p>" + FLOODS.replace("\n", "</p><p>") + "</p><div class='share'>Share this</div>"
    records = [
        {"uri": "urn:1", "headline": "Harbour", "body_text": HARBOUR, "body_html": "<p>other</p><p>x</p>"},
        {
            "uri": "urn:2",
            "headlines": [{"role": "sub", "value": "A sub"}, {"role": "main", "value": "Rail strike ends"}],
            "bodies": [{"role": "main", "contenttype": "text/plain", "value": RAIL}],
        },
        {
            "uri": "urn:3",
            "headlines": [{"value": "Floods"}],
            "bodies": [{"contenttype": "text/html", "value": page}],
        },
        {"uri": "urn:4", "headlines": [{"value": "Picture only"}], "bodies": [{"role": "main", "value": 7}]},
    ]
    (tmp_path / "ninjs.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    res = _read(tmp_path / "ninjs.jsonl")
    assert [(d.record_key, d.title, d.text) for d in res.docs] == [
        ("line:1", "Harbour", HARBOUR),
        ("line:2", "Rail strike ends", RAIL),
        ("line:3", "Floods", FLOODS),
    ]
    [rej] = res.rejects
    assert (rej.record_key, rej.reason) == ("line:4", codes.MISSING_TEXT)


# --- NewsML-G2 --------------------------------------------------------------------------------------

G2 = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:example.com:20240307:{n}"
  version="1" standard="NewsML-G2" standardversion="2.29">
 <itemMeta><itemClass qcode="ninat:text"/><provider literal="Example"/>
  <versionCreated>2024-03-07T08:00:00Z</versionCreated><firstCreated>2024-03-07T06:00:00Z</firstCreated></itemMeta>
 <contentMeta><language tag="en"/><headline>Floods close roads</headline></contentMeta>
 <contentSet>{content}</contentSet>
</newsItem>"""
PARAS = "".join(f"<p>{p}</p>" for p in FLOODS.split("\n"))


@pytest.mark.parametrize(
    "content",
    [
        '<inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">'
        f"<body><body.head><hedline><hl1>Floods close roads</hl1></hedline></body.head><body.content>{PARAS}"
        "</body.content></body></nitf></inlineXML>",
        '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>Floods</title></head><body>{PARAS}</body></html></inlineXML>",
        f'<inlineData contenttype="text/plain">{FLOODS}</inlineData>',
    ],
    ids=["nitf", "xhtml", "plain"],
)
def test_newsml_g2_items_are_read(tmp_path, content):
    """Before: ``unsupported_xml`` ("root element <newsItem> …, not a feed's …")."""
    (tmp_path / "item.xml").write_text(G2.format(n="floods", content=content))
    res = _read(tmp_path / "item.xml")
    assert [(d.title, d.text, str(d.published_at), d.format) for d in res.docs] == [
        ("Floods close roads", FLOODS, "2024-03-07 06:00:00+00:00", "newsxml")
    ]


def test_a_newsml_g2_item_without_inline_text_is_missing_text(tmp_path):
    remote = '<remoteContent href="https://example.com/photo.jpg" contenttype="image/jpeg"/>'
    (tmp_path / "photo.xml").write_text(G2.format(n="photo", content=remote))
    [rej] = _read(tmp_path / "photo.xml").rejects
    assert rej.reason == codes.MISSING_TEXT and "<contentSet>" in rej.detail


# --- Links ------------------------------------------------------------------------------------------


def test_a_loop_of_links_with_no_extension_is_a_read_error(tmp_path):
    """Before: ``unsupported_format`` ("the content has no known shape"): the sniff read nothing."""
    os.symlink("loop_b", tmp_path / "loop_a")
    os.symlink("loop_a", tmp_path / "loop_b")
    found = {f.rel: ingest.read_input(f).rejects for f in discover(tmp_path)}
    assert {rel: [(r.reason, "symbolic links" in r.detail) for r in rejs] for rel, rejs in found.items()} == {
        "loop_a": [(codes.READ_ERROR, True)],
        "loop_b": [(codes.READ_ERROR, True)],
    }


# --- Web mirrors, CESU-8, zstd framing, compressed column bombs -------------------------------------

PAGE = (
    "<!DOCTYPE html><html><head><title>Harbour budget approved</title></head><body><nav>Home | World | "
    "Sport</nav><article><h1>Harbour budget approved</h1><p>"
    + HARBOUR.replace("\n", "</p><p>")
    + "</p></article><footer>Copyright Example News</footer></body></html>"
)


@pytest.mark.parametrize(
    "name", ["article.php?id=17", "story.aspx", "index.shtml", "page.xhtml", "harbour-budget"]
)
def test_a_web_mirrors_pages_are_read_as_html_whatever_their_name(tmp_path, name):
    """wget -r keeps the server's names; before: ``unsupported_format`` ("no known shape")."""
    (tmp_path / name).write_text(PAGE)
    res = _read(tmp_path / name)
    assert [(d.format, d.title) for d in res.docs] == [("html", "Harbour budget approved")]
    assert "Officials said the new quay" in res.docs[0].text and "Copyright" not in res.docs[0].text
    # prose under such a name is still no known shape
    (tmp_path / name).write_text("Notes for the editor: check the harbour figures.\n")
    assert [r.reason for r in _read(tmp_path / name).rejects] == [codes.UNSUPPORTED_FORMAT]


def test_cesu8_text_is_read_as_unicode_not_mojibake(tmp_path):
    """Java's modified UTF-8 / MySQL utf8mb3 (an emoji as two 3-byte surrogates): before, the whole
    file went to the legacy detectors ("Harbour budget approved 頎巾竴")."""
    emoji = b"\xed\xa0\xbd\xed\xb8\x80"  # U+1F600 as CESU-8
    (tmp_path / "export.txt").write_bytes(b"Harbour budget approved " + emoji + b"\n\n" + HARBOUR.encode())
    [doc] = _read(tmp_path / "export.txt").docs
    assert (doc.title, doc.encoding) == ("Harbour budget approved \U0001f600", "cesu-8")
    assert doc.text.endswith(HARBOUR.splitlines()[-1])
    # a lone surrogate is U+FFFD; cp1252 text with an "í" stays cp1252
    rec = (
        json.dumps({"text": "Caf"}).encode()[:-2]
        + b"\xed\xa0\x80 "
        + RAIL.replace("\n", " ").encode()
        + b'"}\n'
    )
    (tmp_path / "lone.jsonl").write_bytes(rec)
    [doc] = _read(tmp_path / "lone.jsonl").docs
    assert doc.text.startswith("Caf\ufffd ")
    (tmp_path / "legacy.txt").write_bytes(
        "Reunión del consejo: aprobó el presupuesto del puerto.".encode("cp1252")
    )
    [doc] = _read(tmp_path / "legacy.txt").docs
    assert doc.text == "Reunión del consejo: aprobó el presupuesto del puerto."


def test_zstd_with_a_leading_skippable_frame_and_with_a_dictionary(tmp_path):
    import struct

    import zstandard

    recs = "".join(json.dumps({"text": s}) + "\n" for s in (HARBOUR, RAIL)).encode()
    skippable = struct.pack("<II", 0x184D2A50, 4) + b"meta"
    (tmp_path / "head.jsonl.zst").write_bytes(skippable + zstandard.ZstdCompressor().compress(recs))
    assert [d.text for d in _read(tmp_path / "head.jsonl.zst").docs] == [HARBOUR, RAIL]  # before: binary
    samples = [(json.dumps({"text": f"{HARBOUR} {i}"}) + "\n").encode() for i in range(300)]
    dictionary = zstandard.train_dictionary(4096, samples)
    (tmp_path / "dict.jsonl.zst").write_bytes(zstandard.ZstdCompressor(dict_data=dictionary).compress(recs))
    [rej] = _read(tmp_path / "dict.jsonl.zst").rejects
    assert rej.reason == codes.BINARY
    assert f"compressed with dictionary {dictionary.dict_id()}, which is not in the file" in rej.detail


@pytest.mark.parametrize("suffix", [".feather", ".parquet"])
def test_a_compressed_column_bomb_is_too_large_without_being_converted(tmp_path, suffix):
    """A 7 KB file holding a 200 MB text: before, 950 MB (Feather) / 1.4 GB (Parquet) peak to
    convert the cell and then reject it; now its length is read from the Arrow offsets."""
    import pyarrow.parquet as pq

    limits = IngestLimits(max_record_chars=1000)
    table = pa.table({"id": ["big", "ok"], "text": ["x" * 50_000, RAIL]})
    path = tmp_path / f"bomb{suffix}"
    if suffix == ".feather":
        feather.write_feather(table, str(path), compression="zstd")
    else:
        pq.write_table(table, str(path), compression="zstd")
    res = _read(path, limits)
    assert [d.record_key for d in res.docs] == ["ok"]
    [rej] = res.rejects
    assert (rej.record_key, rej.reason) == ("row:1", codes.TOO_LARGE)
    assert "'text' holds 50,000 bytes" in rej.detail


def test_a_parquet_row_group_stating_a_bomb_is_refused_from_its_footer(tmp_path):
    """The footer states each column chunk's uncompressed size: a row group past max_gzip_ratio
    times the file (at least max_file_bytes) is one too_large reject for its rows, never
    decompressed (a 7 KB file holding 200 MB: peak RSS 1.36 GB before, 131 MB now)."""
    import pyarrow.parquet as pq

    path = tmp_path / "bomb.parquet"
    with pq.ParquetWriter(
        str(path), pa.schema([("id", pa.string()), ("text", pa.string())]), compression="zstd"
    ) as w:
        w.write_table(pa.table({"id": ["b1", "b2"], "text": ["x" * 3_000_000, "y" * 3_000_000]}))
        w.write_table(pa.table({"id": ["ok"], "text": [RAIL]}))
    limits = IngestLimits(max_file_bytes=1_000_000)
    assert path.stat().st_size * limits.max_gzip_ratio < 6_000_000
    res = _read(path, limits)
    assert [d.record_key for d in res.docs] == ["ok"]
    [rej] = res.rejects
    assert (rej.record_key, rej.reason) == ("row:1", codes.TOO_LARGE)
    assert rej.detail.startswith("row 1: this row and the 1 after it (row group 0) state 6,000,")
