"""Hostile input, round 9 (docs/INGEST.md "Round 8's leftovers, done" and "Hostile input, round 9"):
compressions and framings that were rejects (``.Z``, lz4, RFC 7464 sequences, NUL-separated JSON,
JSONP), a NewsML-G2 delivery of several items, NewsAPI's truncation marker, a zipped Hugging Face
folder, an Arrow row falling back to its page, ``max_gzip_ratio`` for Parquet; then classes no
earlier probe had: tables written by pandas and spreadsheets as JSON, JSON Feed, XHTML under
``.xml``, databases and SQL dumps, redirect pages, a wrapped CSV header, Atom ``xhtml`` titles and
zips whose name flag lies."""

from __future__ import annotations

import base64
import io
import json
import lzma
import shutil
import subprocess
import tarfile
import zipfile
from pathlib import Path

import lz4.block
import lz4.frame
import pandas as pd
import pyarrow as pa
import pyarrow.feather as feather
import pyarrow.ipc as ipc
import pytest

from factsieve import vocabulary as codes
from factsieve.ingest import exclude, manifest
from factsieve.ingest import read as ingest
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from factsieve.text.clean import clean_text

HARBOUR = "The city council approved the harbour budget on Tuesday after a long debate in the chamber."
RAIL = "Rail workers ended their strike on Friday after the union accepted a pay offer from the operator."
FLOODS = (
    "Floods closed three roads in the valley overnight, police said, and residents were told to stay away."
)
MUSEUM = "The museum reopened on Saturday after a two-year renovation that cost more than it was meant to."
STORIES = [HARBOUR, RAIL, FLOODS]


def _read(path: Path, limits: IngestLimits = IngestLimits()) -> ingest.IngestResult:
    return ingest.read_input(InputFile(str(path), path.lstat().st_size, None, rel=path.name), limits)


def _texts(res: ingest.IngestResult) -> list[str]:
    return [d.text for d in res.docs]


def _reasons(res: ingest.IngestResult) -> list[str]:
    return [r.reason for r in res.rejects]


def _jsonl(*texts: str) -> bytes:
    return "".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(texts)).encode()


# --- .Z (Unix compress, LZW) ------------------------------------------------------------------------

# ``compress -c`` (ncompress 5.0) of ``_fixture_text()``: codes of 9, 10 and 11 bits.
_COMPRESS_FIXTURE = (
    "H52Qe0SkISNCBwgRY2CIYHGQThk8dAoepIKmDAg0YeSIeVNHzsWMGzuCmBNmIIg3bkA0QUkmTB4QdDDSgVnxo0aOHu9wZEMG"
    "hJwyb+CUceNCRB8FAQdKRBhjYcOHEQ2KoGixTZ05Zeq0AQHnDZs0YyySNIkSBJU6Zea0fBkzzMyYFuPUcQlCZx2eIMaweYO1"
    "6NGkBKWOkeFUhEOIS6mOhCMnjZszIMTUIXOmzMyxPcsaabyWpluaFu2EYcOmzEu7eBv3NYpUYOCDY2YUPhx1Ys0xHN2MScMG"
    "hFy6mE+mXOmmc9u3Ned0XZO2TZiUqHuaGc3Gb2ulgmnMhpq4phk5fC/Tacx8ZMnMKc+mNS4TtM+0A4fSmVN3Z8+fQYdaB7x0"
    "TI3tiEmlWB1upFEWgQamFJxmnNF1nHtm7PUGGfRFl9deq/3lWn82AFjbVDVJRpllIIhGmmnmkTUcSw62BxcIZdgxlGOQWaha"
    "GfttKNgNHnZnURhwwFHaSULJ4dYbHi2YHlpqtfjZi119FVZ9d0lHXY7YwYZDjwLW9IYZZpTh0XfhpYgeCJsN5CRyYo2XRnk2"
    "AiUUUazxJ1gOXNpmkZG8LfYGc3M4p+B5wqnEIlsuelnkkTnZdyFfONapI2wxKMSQYdx1aZEYGM7xxlac8uXpVkqaxSR7T4bY"
    "6adUppZGhte9xlRTl9LmI5FiMppXbrv1VmqaqLLpU0m9WTgdaVjKOkYMhNWaqZ4juVneT3PE58Z8ZhZKXLDufRlmo1W+lx+d"
    "GmbJlGzOBghtlGDtSWy2ZanXJKKp/hjkkBbqBWmy/cWgXbofKhbjjI8t1ljBvzZIr7AiVjaTja9GWq6yMfwH8K0RvjEhfRlv"
    "DO+Kxa3pHoJlGXulpOYu2+HFmr5XLRny0eetmB+bup7IL5I5x8OO4jcnv4LFwCPL0Cr3Z3PPgWAVVlrVDCzOt/HaZ74YShxr"
    "v1sSDWJo1KE4cIEIE1rWtlCLxRiNrd4XMdCU4qm1Yr+9BKSQYom95M0Lu7d0VluZjCzKyspg6VPqbm1TSB5hdJNICauZ94uK"
    "I562uD8D3p8MtBIecE17N83ulKWS/XhNcU+uL6x2wiZDs5rfqtzBkDVMYqnycvuiiaWd1vPalgsmA7qtt4wbgb36NtdLjdue"
    "3HJIQ+fosdX1rvq/wUOrs3jk1a2ioSGPvid8MF9bYc9y6ic9QjJYXL3hJKfUfs21lw1CxxSaXjXb6K+8vmKyz4Q7ismT39fQ"
    "BjHUTQp9Q9tfTeY2pPwYiQ5IqpnoPCOsz1nEb9Gb2OWypkCLzGxM4NkZ/E4lv51lb3I+M58Gfee2Dg6rT0YDlKCcpjAKdmtR"
    "EAQXXk5ntdQhZAaDw1Th+LcqUBVRgoey4YtCNYdRoZB3K4TNDDInxM15EIcRHJ5uYGg3m81LiTXhU7Ged7Io/pB1VXSdtL73"
    "spjR0HFg9CCYaBanceEvNsBLY8ss+EJfdXGCD3oRAy/oKB7ecQbU0yO0Boiws4Vte/HzXmQm47AnGjBlM1CfIg1HP45JqH4B"
    "lOT7MHhI/W1SMdSyFrY+iMTuxXF+IeRZuFJIrqsJZgYJPOXyjhaopHWOVF2M5Cu1WDyq7et8seGgLrl2opcwEjKhfOXrCLi7"
    "SyprBi1cpvHoMshWKq8qV+Hb5KBnHQ=="
)
_WORDS = (
    "harbour council budget rail strike floods valley museum frost apple blossom police "
    "residents quay spring union offer operator evening spokesman"
).split()


def _fixture_text() -> bytes:
    lines = []
    for i in range(40):
        a, b, c = _WORDS[i * 7 % 20], _WORDS[i * 11 % 20], _WORDS[i * 13 % 20]
        day, verb = ("Monday", "Tuesday", "Friday")[i % 3], ("reopen", "close", "rise", "fall")[i % 4]
        lines.append(f'{{"id": "c{i}", "text": "The {a} {b} said on {day} that the {c} would {verb}."}}')
    return ("\n".join(lines) + "\n").encode()


def _lzw_pack(codes_: list[int | None], maxbits: int = 16) -> bytes:
    """Codes as ``compress`` writes them: 9 bits up, least significant bit first, in groups of 8;
    ``None`` marks where the width grows (or a clear happened), where the group is padded."""
    out, segment, n_bits = bytearray(), [], 9

    def flush(pad: bool) -> None:
        value = sum(c << (i * n_bits) for i, c in enumerate(segment))
        size = -(-len(segment) // 8) * n_bits if pad else -(-len(segment) * n_bits // 8)
        out.extend(value.to_bytes(size, "little"))
        segment.clear()

    for code in codes_:
        if isinstance(code, tuple):  # (None, new width)
            flush(pad=True)
            n_bits = code[1]
        else:
            segment.append(code)
    flush(pad=False)
    return b"\x1f\x9d" + bytes([0x80 | maxbits]) + bytes(out)


def _lzw_compress(data: bytes, maxbits: int = 16) -> bytes:
    """An LZW encoder as ``compress`` (block mode): the width grows once the next entry needs a
    bit more; a full table is cleared (code 256) at once, which ``compress`` does when the ratio
    falls — so a small ``maxbits`` exercises clears on a short text."""
    table = {bytes([i]): i for i in range(256)}
    free, n_bits, maxmax, out, w = 257, 9, 1 << maxbits, [], b""
    for byte in data:
        c = bytes([byte])
        if w + c in table:
            w += c
            continue
        out.append(table[w])
        if free > (1 << n_bits) - 1 and n_bits < maxbits:
            n_bits += 1
            out.append((None, n_bits))
        if free < maxmax:
            table[w + c] = free
            free += 1
        else:
            out.append(256)
            out.append((None, 9))
            table, free, n_bits = {bytes([i]): i for i in range(256)}, 257, 9
        w = c
    if w:
        out.append(table[w])
    return _lzw_pack(out, maxbits)


def test_real_compress_output_is_decoded():
    """Bytes ``compress`` wrote (codes of 9 to 11 bits): the records. Before: ``unsupported_format``."""
    from factsieve.ingest import lzw  # new in round 9: imported here so the other tests run on main

    data = base64.b64decode(_COMPRESS_FIXTURE)
    assert lzw.LzwReader(io.BytesIO(data)).read() == _fixture_text()


# 9-bit codes (compress -b 9) are left out: ncompress cannot read its own such output, nor can gzip.
@pytest.mark.parametrize("maxbits", [10, 12, 16])
def test_lzw_clears_and_widths_round_trip_and_agree_with_gzip(tmp_path, maxbits):
    """A text long enough to fill a small table many times (clears, width changes at group
    boundaries): decoded as written, and as gzip's own LZW decoder reads it."""
    from factsieve.ingest import lzw

    text = b"".join(_fixture_text() for _ in range(4)) + MUSEUM.encode() * 50
    packed = _lzw_compress(text, maxbits)
    assert lzw.LzwReader(io.BytesIO(packed)).read() == text
    if shutil.which("gzip"):
        assert subprocess.run(["gzip", "-dc"], input=packed, capture_output=True, check=True).stdout == text


def test_z_files_and_tars_are_read(tmp_path):
    """``x.jsonl.Z``, ``x.tar.Z``, ``x.taz`` and a ``.Z`` member of a zip: the records."""
    (tmp_path / "wire.jsonl.Z").write_bytes(_lzw_compress(_jsonl(*STORIES)))
    tar = io.BytesIO()
    with tarfile.open(fileobj=tar, mode="w") as tf:
        for i, text in enumerate(STORIES):
            info = tarfile.TarInfo(f"news/{i}.txt")
            info.size = len(text.encode())
            tf.addfile(info, io.BytesIO(text.encode()))
    (tmp_path / "disk1.tar.Z").write_bytes(_lzw_compress(tar.getvalue()))
    (tmp_path / "disk2.taz").write_bytes(_lzw_compress(tar.getvalue()))
    with zipfile.ZipFile(tmp_path / "members.zip", "w") as z:
        z.writestr("story.txt.Z", _lzw_compress(MUSEUM.encode()))
    for name in ("wire.jsonl.Z", "disk1.tar.Z", "disk2.taz"):
        res = _read(tmp_path / name)
        assert sorted(_texts(res)) == sorted(STORIES) and not res.rejects, name
    assert _texts(_read(tmp_path / "members.zip")) == [MUSEUM]


def test_damaged_and_bomb_z_files_are_named_rejects(tmp_path, monkeypatch):
    """A code past the table is ``binary`` (damaged); a table growing by hundreds to one is
    ``too_large`` before its gigabytes are built; a header cut short is ``binary``."""
    from factsieve.ingest import lzw

    (tmp_path / "damaged.txt.Z").write_bytes(_lzw_pack([65, 66, 400]))
    (tmp_path / "header.txt.Z").write_bytes(b"\x1f\x9d")
    monkeypatch.setattr(lzw, "_TABLE_CAP", 1 << 20)
    # "a", then each code the one being defined: entries "aa", "aaa", … (n^2/2 bytes from n codes);
    # the width grows after the code that fills the table of the current width
    bomb, width = [97], 9
    for code in range(257, 2500):
        bomb.append(code)
        if code == (1 << width) - 1:
            width += 1
            bomb.append((None, width))
    (tmp_path / "bomb.txt.Z").write_bytes(_lzw_pack(bomb))
    damaged = _read(tmp_path / "damaged.txt.Z")
    assert _reasons(damaged) == [codes.BINARY] and "past the table" in damaged.rejects[0].detail
    assert _reasons(_read(tmp_path / "header.txt.Z")) == [codes.BINARY]
    bombed = _read(tmp_path / "bomb.txt.Z", IngestLimits(max_file_bytes=1 << 30))
    assert _reasons(bombed) == [codes.TOO_LARGE] and "code table" in bombed.rejects[0].detail


# --- lz4 -----------------------------------------------------------------------------------------


def _lz4_legacy(data: bytes) -> bytes:
    """lz4's legacy format (``lz4 -l``): the magic, then blocks of a 4-byte size and an lz4 block."""
    out = bytearray(b"\x02\x21\x4c\x18")
    for start in range(0, len(data), 8 << 20):
        block = lz4.block.compress(data[start : start + (8 << 20)], store_size=False)
        out += len(block).to_bytes(4, "little") + block
    return bytes(out)


def test_lz4_frames_legacy_and_tars_are_read_and_cut_ones_named(tmp_path):
    """Before: ``unsupported_format`` for all of them."""
    records = _jsonl(*STORIES)
    (tmp_path / "dump.jsonl.lz4").write_bytes(
        lz4.frame.compress(records) + lz4.frame.compress(_jsonl(MUSEUM))
    )
    (tmp_path / "legacy.jsonl.lz4").write_bytes(_lz4_legacy(records))
    tar = io.BytesIO()
    with tarfile.open(fileobj=tar, mode="w") as tf:
        info = tarfile.TarInfo("news/museum.txt")
        info.size = len(MUSEUM.encode())
        tf.addfile(info, io.BytesIO(MUSEUM.encode()))
    (tmp_path / "backup.tar.lz4").write_bytes(lz4.frame.compress(tar.getvalue()))
    (tmp_path / "cut.jsonl.lz4").write_bytes(lz4.frame.compress(records)[:-9])
    (tmp_path / "cut_legacy.jsonl.lz4").write_bytes(_lz4_legacy(records)[:-5])
    assert len(_read(tmp_path / "dump.jsonl.lz4").docs) == 4  # two frames joined with cat
    assert sorted(_texts(_read(tmp_path / "legacy.jsonl.lz4"))) == sorted(STORIES)
    assert _texts(_read(tmp_path / "backup.tar.lz4")) == [MUSEUM]
    for name in ("cut.jsonl.lz4", "cut_legacy.jsonl.lz4"):
        res = _read(tmp_path / name)
        assert _reasons(res) == [codes.BINARY] and "does not decompress" in res.rejects[0].detail, name


# --- JSON framed other ways ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,data",
    [
        ("seq.json", b"".join(b"\x1e" + json.dumps({"text": t}).encode() + b"\n" for t in STORIES)),
        ("seq_no_lf.jsonl", b"".join(b"\x1e" + json.dumps({"text": t}).encode() for t in STORIES)),
        ("nul.jsonl", b"\x00".join(json.dumps({"text": t}).encode() for t in STORIES) + b"\x00"),
        ("nul_pretty.json", b"\x00".join(json.dumps({"text": t}, indent=2).encode() for t in STORIES)),
        (
            "jsonp.json",
            ("/**/ cb_123(" + json.dumps({"articles": [{"content": t} for t in STORIES]}) + ");").encode(),
        ),
        (
            "jsonp_array.jsonl",
            ("jQuery.cb([\n" + ",\n".join(json.dumps({"text": t}) for t in STORIES) + "\n])").encode(),
        ),
    ],
)
def test_rs_nul_and_jsonp_framed_records_are_read(tmp_path, name, data):
    """Before: ``binary`` (RS, NUL) or ``malformed_json`` (JSONP): every record in one reject."""
    (tmp_path / name).write_bytes(data)
    res = _read(tmp_path / name)
    assert sorted(_texts(res)) == sorted(STORIES) and not res.rejects


def test_control_bytes_that_are_no_framing_stay_rejects(tmp_path):
    """An RS inside a record's string, a crashed writer's NUL run: as before."""
    (tmp_path / "rs_inside.jsonl").write_bytes(_jsonl(HARBOUR) + b'{"text": "x\x1ey"}\n' + _jsonl(RAIL))
    (tmp_path / "nul_run.jsonl").write_bytes(_jsonl(HARBOUR, RAIL, FLOODS) + b"\x00" * 300)
    inside = _read(tmp_path / "rs_inside.jsonl")
    assert len(inside.docs) == 2 and _reasons(inside) == [codes.BINARY]
    run = _read(tmp_path / "nul_run.jsonl")
    assert len(run.docs) == 3 and _reasons(run) == [codes.BINARY]


# --- NewsML-G2 newsMessage -----------------------------------------------------------------------

_G2 = "http://iptc.org/std/nar/2006-10-01/"


def _news_item(guid: str, headline: str, content: str) -> str:
    return (
        f'<newsItem guid="{guid}" standard="NewsML-G2" standardversion="2.29"><itemMeta>'
        f"<firstCreated>2024-03-05T09:00:00Z</firstCreated></itemMeta><contentMeta><headline>{headline}"
        f"</headline></contentMeta><contentSet>{content}</contentSet></newsItem>"
    )


def test_a_newsml_g2_message_gives_a_document_per_item(tmp_path):
    """Before: one ``unsupported_xml`` reject for the delivery."""
    items = [
        _news_item(
            "urn:n:1",
            "Harbour budget",
            f'<inlineXML contenttype="application/xhtml+xml"><html '
            f'xmlns="http://www.w3.org/1999/xhtml"><body><p>{HARBOUR}</p></body></html></inlineXML>',
        ),
        _news_item("urn:n:2", "Strike over", f'<inlineData contenttype="text/plain">{RAIL}</inlineData>'),
        _news_item("urn:n:3", "Harbour at dusk", '<remoteContent href="https://x/p.jpg"/>'),
    ]
    (tmp_path / "delivery.xml").write_text(
        f'<?xml version="1.0"?><newsMessage xmlns="{_G2}"><header><sent>2024-03-05T10:00:00Z</sent>'
        f'</header><itemSet><packageItem guid="urn:p:1"/>{"".join(items)}</itemSet></newsMessage>'
    )
    (tmp_path / "packages.xml").write_text(
        f'<newsMessage xmlns="{_G2}"><itemSet><packageItem guid="p"/></itemSet></newsMessage>'
    )
    res = _read(tmp_path / "delivery.xml")
    assert [(d.record_key, d.title, d.text) for d in res.docs] == [
        ("urn:n:1", "Harbour budget", HARBOUR),
        ("urn:n:2", "Strike over", RAIL),
    ]
    assert [(r.record_key, r.reason) for r in res.rejects] == [("item:3", codes.MISSING_TEXT)]
    assert res.skipped == {"NewsML-G2 packageItem": 1}
    only = _read(tmp_path / "packages.xml")
    assert _reasons(only) == [codes.UNSUPPORTED_XML] and "packageItem 1" in only.rejects[0].detail


# --- NewsAPI's truncation marker -----------------------------------------------------------------


def test_newsapi_truncation_marker_is_removed_and_recorded(tmp_path):
    """The "[+N chars]" is no part of the story: removed by the cleaner as ``source_truncated`` (the
    documents table's ``removed_reasons``; the marker, with how much was cut, in ``removed_text``).
    Before: the last sentence ended "… [+2381 chars]". A bracket mid-text is text."""
    cut = HARBOUR[:60] + "… [+2381 chars]"
    page = {
        "status": "ok",
        "articles": [
            {"title": "Harbour", "content": cut},
            {"title": "x", "content": RAIL + " [+12 chars] more."},
        ],
    }
    (tmp_path / "newsapi.json").write_text(json.dumps(page))
    (tmp_path / "newsapi.csv").write_text(
        "title,content\nHarbour," + json.dumps(cut, ensure_ascii=False) + "\n"
    )
    for name in ("newsapi.json", "newsapi.csv"):
        doc = _read(tmp_path / name).docs[0]
        cleaned = clean_text(doc.text)
        assert cleaned.text == HARBOUR[:60] + "…", name
        assert cleaned.removed == [("source_truncated", "[+2381 chars]")], name
    kept = clean_text(_read(tmp_path / "newsapi.json").docs[1].text)
    assert kept.text == RAIL + " [+12 chars] more." and not kept.removed


# --- Hugging Face folders in archives, Arrow's page fallback --------------------------------------


def _hf_folder(folder: Path, table: pa.Table) -> None:
    folder.mkdir(parents=True)
    with (
        pa.OSFile(str(folder / "data-00000-of-00001.arrow"), "wb") as f,
        ipc.new_stream(f, table.schema) as w,
    ):
        w.write_table(table)
    (folder / "dataset_info.json").write_text(json.dumps({"features": {"text": {"dtype": "string"}}}))
    (folder / "state.json").write_text(
        json.dumps({"_data_files": [{"filename": "data-00000-of-00001.arrow"}]})
    )


def test_a_zipped_or_tarred_save_to_disk_folder_passes_its_metadata_over(tmp_path):
    """Before: ``state.json`` and ``dataset_info.json`` were ``missing_text`` rejects. A
    ``state.json`` with no ``.arrow`` beside it is still read."""
    _hf_folder(tmp_path / "src" / "ds", pa.table({"text": STORIES}))
    with zipfile.ZipFile(tmp_path / "ds.zip", "w") as z:
        for p in sorted((tmp_path / "src").rglob("*")):
            z.write(p, p.relative_to(tmp_path / "src").as_posix())
        z.writestr("other/state.json", json.dumps({"text": MUSEUM}))
    with tarfile.open(tmp_path / "ds.tar", "w") as tf:  # metadata before the shard
        for name in ("state.json", "dataset_info.json", "data-00000-of-00001.arrow"):
            tf.add(tmp_path / "src" / "ds" / name, f"ds/{name}")
    zipped = _read(tmp_path / "ds.zip")
    assert sorted(_texts(zipped)) == sorted([*STORIES, MUSEUM]) and not zipped.rejects
    assert zipped.skipped[exclude.DATASET_META] == 2
    tarred = _read(tmp_path / "ds.tar")
    assert sorted(_texts(tarred)) == sorted(STORIES) and not tarred.rejects
    assert tarred.skipped[exclude.DATASET_META] == 2


def test_an_arrow_row_with_a_null_text_falls_back_to_its_page(tmp_path):
    """As Parquet does since round 8; before, ``missing_text``. A row with a text keeps it."""
    page = f"<html><body><article><p>{MUSEUM}</p><p>{FLOODS}</p></article></body></html>"
    table = pa.table(
        {"id": ["a", "b", "c"], "text": [HARBOUR, None, None], "html": ["<p>menu</p>", page, None]}
    )
    feather.write_feather(table, str(tmp_path / "t.feather"))
    res = _read(tmp_path / "t.feather")
    assert [(d.record_key, d.text) for d in res.docs] == [("a", HARBOUR), ("b", f"{MUSEUM}\n{FLOODS}")]
    assert [(r.record_key, r.reason) for r in res.rejects] == [("c", codes.MISSING_TEXT)]


def test_max_gzip_ratio_counts_for_parquet_archives_and_compressions_away_from_its_default():
    """Before: only ``.gz`` names recorded it, so a Parquet row group it refused stayed refused. At
    the default the fingerprint is as before: an upgrade reads nothing again."""
    default, raised = IngestLimits(), IngestLimits(max_gzip_ratio=1000)
    for name in ("x.parquet", "x.zip", "x.tar", "x.jsonl.zst", "x.jsonl.Z", "x.jsonl.lz4"):
        uri = f"/raw/{name}"
        assert manifest.settings_fingerprint(default, uri) != manifest.settings_fingerprint(raised, uri), name
        assert "max_gzip_ratio" not in manifest.settings_fingerprint(default, uri), name
    for name in ("x.jsonl", "x.html", "x.feather"):
        uri = f"/raw/{name}"
        assert manifest.settings_fingerprint(default, uri) == manifest.settings_fingerprint(raised, uri), name


# --- round 9: tables as JSON, JSON Feed ----------------------------------------------------------

_FRAME = pd.DataFrame({"id": ["p1", "p2"], "title": ["Harbour", "Rail"], "text": [HARBOUR, RAIL]})


@pytest.mark.parametrize("orient", ["columns", "split", "index", "rows", "rows_pretty", "rows_jsonl"])
def test_tables_written_as_json_are_records(tmp_path, orient):
    """``DataFrame.to_json`` (default ``columns``, ``split``, ``index``) and a sheet's rows under
    a header row. Before: one ``malformed_record`` or ``missing_text`` for the file."""
    path = tmp_path / ("t.jsonl" if orient == "rows_jsonl" else "t.json")
    rows = [list(_FRAME.columns), *_FRAME.to_numpy().tolist()]
    if orient == "rows":
        path.write_text(json.dumps(rows))
    elif orient == "rows_pretty":
        path.write_text(json.dumps(rows, indent=2))
    elif orient == "rows_jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    else:
        _FRAME.to_json(path, orient=orient)
    res = _read(path)
    assert [(d.record_key, d.title, d.text) for d in res.docs] == [
        ("p1", "Harbour", HARBOUR),
        ("p2", "Rail", RAIL),
    ]
    assert not res.rejects


def test_a_short_table_row_is_its_own_reject_and_records_with_objects_stay_records(tmp_path):
    (tmp_path / "rows.json").write_text(json.dumps([["id", "body"], ["r1", HARBOUR], ["r2"]]))
    (tmp_path / "langs.json").write_text(
        json.dumps({"id": "m", "text": {"en": HARBOUR, "fr": "Le conseil a voté."}})
    )
    rows = _read(tmp_path / "rows.json")
    assert _texts(rows) == [HARBOUR] and _reasons(rows) == [codes.MALFORMED_RECORD]
    assert "a row of 1 cells under a header of 2" in rows.rejects[0].detail
    assert _reasons(_read(tmp_path / "langs.json")) == [codes.MALFORMED_RECORD]


def test_json_feed_items_are_read(tmp_path):
    """JSON Feed 1.1: ``content_text`` (new alias) or ``content_html``. Before: ``content_text``
    items were ``missing_text``."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "items": [
            {
                "id": "1",
                "title": "Harbour",
                "content_text": HARBOUR,
                "date_published": "2024-03-05T09:00:00Z",
            },
            {"id": "2", "title": "Rail", "content_html": f"<p>{RAIL}</p><p>{FLOODS}</p>"},
        ],
    }
    (tmp_path / "feed.json").write_text(json.dumps(feed))
    res = _read(tmp_path / "feed.json")
    assert (
        _texts(res) == [HARBOUR, f"{RAIL}\n{FLOODS}"] and str(res.docs[0].published_at)[:10] == "2024-03-05"
    )


# --- round 9: pages, databases, CSV headers, feeds, zips ------------------------------------------


def test_xhtml_under_an_xml_name_is_read_as_a_page(tmp_path):
    """Before: ``unsupported_xml`` (root <html>). DTD entities stay unexpanded but harmless; an SVG
    is still ``unsupported_xml``."""
    (tmp_path / "page.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>Harbour</title></head><body><article><p>{HARBOUR}</p><p>{RAIL}</p></article></body></html>"
    )
    (tmp_path / "logo.xml").write_text('<svg xmlns="http://www.w3.org/2000/svg"><text>Harbour</text></svg>')
    page = _read(tmp_path / "page.xml")
    assert _texts(page) == [f"{HARBOUR}\n{RAIL}"] and page.docs[0].format == "html"
    assert _reasons(_read(tmp_path / "logo.xml")) == [codes.UNSUPPORTED_XML]


def test_databases_and_sql_dumps_are_named(tmp_path):
    """Before: "no known shape". Now the reject says what the file is and how to export it."""
    import sqlite3

    con = sqlite3.connect(tmp_path / "news.db")
    con.execute("create table articles (id text, body text)")
    con.execute("insert into articles values ('a', ?)", (HARBOUR,))
    con.commit()
    (tmp_path / "news.sql").write_text("\n".join(con.iterdump()))
    con.close()
    for name, what in (("news.db", "a SQLite database"), ("news.sql", "an SQL dump")):
        res = _read(tmp_path / name)
        assert _reasons(res) == [codes.UNSUPPORTED_FORMAT] and res.rejects[0].detail.startswith(what), name


def test_a_redirect_page_says_so(tmp_path):
    (tmp_path / "old.html").write_text(
        "<html><head><meta http-equiv='refresh' content='0; url=https://news.example/harbour'></head><body></body></html>"
    )
    res = _read(tmp_path / "old.html")
    assert _reasons(res) == [codes.NO_MAIN_TEXT] and "redirect page" in res.rejects[0].detail
    assert "https://news.example/harbour" in res.rejects[0].detail


def test_a_header_cell_wrapped_onto_two_lines_is_one_name(tmp_path):
    """Excel's "wrap text" header ("Publication\\nDate"). Before: ``no_header``. A first row of long
    values stays ``no_header``."""
    (tmp_path / "wrapped.csv").write_text(f'"id","Publication\nDate","text"\n1,2024-03-05,"{HARBOUR}"\n')
    (tmp_path / "data.csv").write_text(f'"1","{HARBOUR}\nsecond line"\n"2","{RAIL}"\n')
    assert _texts(_read(tmp_path / "wrapped.csv")) == [HARBOUR]
    assert _reasons(_read(tmp_path / "data.csv")) == [codes.NO_HEADER]


def test_an_atom_xhtml_title_is_text(tmp_path):
    """Before: the title was the ``<div xmlns=…>`` markup."""
    xhtml = "http://www.w3.org/1999/xhtml"
    (tmp_path / "f.atom").write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>e1</id>'
        f'<title type="xhtml"><div xmlns="{xhtml}">Rail <i>strike</i> ends</div></title>'
        f'<content type="xhtml"><div xmlns="{xhtml}"><p>{RAIL}</p></div></content></entry></feed>'
    )
    assert [d.title for d in _read(tmp_path / "f.atom").docs] == ["Rail strike ends"]


def test_zip_member_names_in_a_legacy_code_page(tmp_path):
    """DOS/Windows zippers write cp437 names without the UTF-8 flag: read. A zip whose UTF-8 flag
    covers cp437 bytes cannot be listed by zipfile: ``corrupt_file`` saying so in round 9; read
    since round 10, the name as cp437 reads it (test_hostile_round10.py)."""
    good, lying = io.BytesIO(), io.BytesIO()
    with zipfile.ZipFile(good, "w") as z:
        z.writestr("news/Z#rich.txt", HARBOUR)
    with zipfile.ZipFile(lying, "w") as z:
        z.writestr("news/Zürich.txt", HARBOUR)
    (tmp_path / "dos.zip").write_bytes(good.getvalue().replace(b"Z#rich", b"Z\x81rich"))
    (tmp_path / "lying.zip").write_bytes(lying.getvalue().replace("Zürich".encode(), b"Z\x81rich_"))
    dos = _read(tmp_path / "dos.zip")
    assert [(d.record_key, d.text) for d in dos.docs] == [("news/Zürich.txt", HARBOUR)]
    res = _read(tmp_path / "lying.zip")
    assert [(d.record_key, d.text) for d in res.docs] == [("news/Zürich_.txt", HARBOUR)]


def test_guards_streamed_and_self_extracting_zips_and_xz_are_unchanged(tmp_path):
    """Read before and after (a data descriptor and no sizes; a stub before the zip; xz)."""

    class Unseekable(io.RawIOBase):
        def __init__(self) -> None:
            self.buf = bytearray()

        def writable(self) -> bool:
            return True

        def write(self, b) -> int:
            self.buf += b
            return len(b)

    out = Unseekable()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z, z.open("news/a.txt", "w") as m:
        m.write(HARBOUR.encode())
    (tmp_path / "streamed.zip").write_bytes(bytes(out.buf))
    sfx = io.BytesIO()
    with zipfile.ZipFile(sfx, "w") as z:
        z.writestr("news/b.txt", RAIL)
    (tmp_path / "setup.zip").write_bytes(b"MZ" + b"\x00" * 2000 + sfx.getvalue())
    (tmp_path / "x.jsonl.xz").write_bytes(lzma.compress(_jsonl(FLOODS)))
    assert _texts(_read(tmp_path / "streamed.zip")) == [HARBOUR]
    assert _texts(_read(tmp_path / "setup.zip")) == [RAIL]
    assert _texts(_read(tmp_path / "x.jsonl.xz")) == [FLOODS]


def test_rejected_xml_is_read_again_only_when_a_reader_takes_it_now(tmp_path):
    """An output written before round 9 holds ``unsupported_xml`` for an XHTML page under ``.xml``
    and for a NewsML-G2 delivery: both are read again. A delivery of only packages stays a reject
    and is not read again on every run."""
    (tmp_path / "page.xml").write_text(
        f'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{HARBOUR}</p></body></html>'
    )
    (tmp_path / "items.xml").write_text(
        f'<newsMessage xmlns="{_G2}"><itemSet>{_news_item("n", "h", f"<inlineData>{RAIL}</inlineData>")}'
        "</itemSet></newsMessage>"
    )
    (tmp_path / "packages.xml").write_text(
        f'<newsMessage xmlns="{_G2}"><itemSet><packageItem guid="p"/></itemSet></newsMessage>'
    )
    takes = {
        name: ingest.reader_takes(InputFile(str(tmp_path / name), 1, None, rel=name))
        for name in ("page.xml", "items.xml", "packages.xml")
    }
    assert takes == {"page.xml": True, "items.xml": True, "packages.xml": False}
