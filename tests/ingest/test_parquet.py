"""Parquet files as Hugging Face datasets ship news (factsieve.ingest.columnar, read._read_parquet):
a record per row by the JSON field rules, struct and list columns, damaged files and rows as
specific rejects, parts of whole row groups that give the rows of the whole file."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq

from factsieve import vocabulary as codes
from factsieve.ingest import parts as splitting
from factsieve.ingest import read
from factsieve.ingest.sources import InputFile
from factsieve.params import IngestLimits
from tests.ingest.test_csv import STORIES


def _input(path) -> InputFile:
    return InputFile(str(path), path.stat().st_size, path.stat().st_mtime, rel=path.name)


def _read(path, limits=IngestLimits()):
    return read.read_input(_input(path), limits)


ARTICLE = STORIES[0][1]


def test_hugging_face_shapes(tmp_path):
    # cnn_dailymail: article, highlights, id
    pq.write_table(
        pa.table({"article": [ARTICLE], "highlights": ["Strike ends."], "id": ["cnn-1"]}),
        tmp_path / "cnn.parquet",
    )
    # xsum: document, summary, id
    pq.write_table(
        pa.table({"document": [STORIES[1][1]], "summary": ["Rates held."], "id": ["x-9"]}),
        tmp_path / "xsum.parquet",
    )
    # cc_news: title, text, a timestamp date, url, nulls
    when = dt.datetime(2017, 12, 1, 10, 30)
    pq.write_table(
        pa.table(
            {
                "title": ["Port strike ends", None],
                "text": [ARTICLE, None],
                "date": [when, None],
                "url": ["https://news.example/1", None],
            }
        ),
        tmp_path / "cc_news.parquet",
    )
    cnn = _read(tmp_path / "cnn.parquet")
    assert [(d.record_key, d.format, d.text) for d in cnn.docs] == [("cnn-1", "parquet", ARTICLE)]
    assert [d.text for d in _read(tmp_path / "xsum.parquet").docs] == [STORIES[1][1]]
    assert [d.text for d in _read(tmp_path / "cnn.parquet", IngestLimits(text_field="highlights")).docs] == [
        "Strike ends."
    ]
    cc = _read(tmp_path / "cc_news.parquet")
    [doc] = cc.docs
    assert (doc.record_key, doc.title, doc.url, str(doc.published_at)) == (
        "row:1",
        "Port strike ends",
        "https://news.example/1",
        "2017-12-01 10:30:00+00:00",
    )
    [rej] = cc.rejects  # a row whose text is null
    assert (rej.record_key, rej.reason) == ("row:2", codes.MISSING_TEXT)


def test_struct_and_list_columns(tmp_path):
    pq.write_table(
        pa.table(
            {
                "article": [{"body": ARTICLE, "byline": "Staff"}],
                "paragraphs": [["First paragraph.", "Second paragraph."]],
            }
        ),
        tmp_path / "nested.parquet",
    )
    # without --text-field, the first alias holding a string or a list of them: the paragraphs
    assert [d.text for d in _read(tmp_path / "nested.parquet").docs] == [
        "First paragraph.\n\nSecond paragraph."
    ]
    assert [
        d.text for d in _read(tmp_path / "nested.parquet", IngestLimits(text_field="article.body")).docs
    ] == [ARTICLE]


def test_damaged_files_and_rows_are_specific_rejects(tmp_path):
    texts = [f"{STORIES[i % 4][1]} (item {i})" for i in range(200)]
    good = tmp_path / "good.parquet"
    pq.write_table(
        pa.table({"text": texts}), good, row_group_size=50, compression="none", use_dictionary=False
    )
    data = good.read_bytes()
    (tmp_path / "truncated.parquet").write_bytes(data[: len(data) // 2])
    (tmp_path / "renamed.parquet").write_text("title,text\nA,B\n")
    for name in ("truncated.parquet", "renamed.parquet"):
        [rej] = _read(tmp_path / name).rejects
        assert rej.reason == codes.CORRUPT_FILE and rej.detail.startswith(
            "not a Parquet file that can be read"
        )
    # a string cell that is not UTF-8 costs its row only
    column = pq.ParquetFile(good).metadata.row_group(2).column(0)
    damaged = bytearray(data)
    damaged[column.data_page_offset + 1000 : column.data_page_offset + 1008] = b"\xff" * 8
    (tmp_path / "damaged.parquet").write_bytes(bytes(damaged))
    res = _read(tmp_path / "damaged.parquet")
    [rej] = res.rejects
    assert len(res.docs) == 199 and rej.reason == codes.CORRUPT_FILE
    assert 101 <= int(rej.record_key.removeprefix("row:")) <= 150  # in the third row group
    assert "the row cannot be read: UnicodeDecodeError" in rej.detail
    pq.write_table(pa.table({"label": [1], "score": [0.5]}), tmp_path / "labels.parquet")
    [rej] = _read(tmp_path / "labels.parquet").rejects
    assert (rej.reason, rej.detail) == (
        codes.MISSING_TEXT,
        "no 'text' column or alias (body, content, article, …; columns: label, score)",
    )


def test_parts_of_row_groups_give_the_rows_of_the_whole_file(tmp_path):
    rows = [
        {"id": f"s{i}" if i % 3 else None, "title": STORIES[i % 4][0], "text": f"{STORIES[i % 4][1]} ({i})"}
        for i in range(300)
    ]
    rows[78]["text"] = "   "  # an empty text (row 79, no id): a reject keeps its row number in every part
    path = tmp_path / "big.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=40)
    whole = _read(path)
    parts = splitting.split_parts(_input(path), 8000)
    assert len(parts) > 3 and all(p.is_part for p in parts)
    docs, rejects, taken = [], [], set()
    for p in parts:
        r = read.read_input(p, IngestLimits(), taken)
        docs += [(d.record_key, d.title, d.text) for d in r.docs]
        rejects += [(x.record_key, x.reason) for x in r.rejects]
        taken |= r.keys
    assert docs == [(d.record_key, d.title, d.text) for d in whole.docs] and len(docs) == 299
    assert rejects == [(x.record_key, x.reason) for x in whole.rejects] == [("row:79", codes.EMPTY)]
