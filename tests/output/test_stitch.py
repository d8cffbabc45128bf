"""Joining batch parts without re-encoding gives the file one writer would have written."""

from __future__ import annotations

import struct

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import schemas
from factsieve.batch.pipeline import sentence_rows
from factsieve.ingest.read import read_input
from factsieve.ingest.sources import discover
from factsieve.output import stitch, tables
from factsieve.output.publish import StagedTable
from tests.conftest import RAW


@pytest.fixture(scope="module")
def sentences() -> pa.Table:
    """The sentences of the sample inputs, repeated until a batch spans several row groups."""
    texts = [doc.text for inp in discover(str(RAW)) for doc in read_input(inp).docs]
    assert len(texts) >= 10
    texts = texts * max(1, 150_000 // sum(t.count(".") for t in texts))
    frame = sentence_rows([f"doc-{i}" for i in range(len(texts))], texts, "run-1")
    table = tables.to_arrow(frame, "sentences")
    assert table.num_rows > 140_000
    return table


def _write(table: pa.Table, path, schema) -> None:
    staged = StagedTable(path, schema)
    staged.write(table)
    staged.close()


def test_stitched_parts_are_byte_identical_to_one_writer(sentences, tmp_path):
    schema = schemas.arrow_schema("sentences")
    n = sentences.num_rows
    # a batch of several row groups, an empty batch, a small one, the rest
    cuts = [(0, 70_000), (70_000, 0), (70_000, 1_234), (71_234, n - 71_234)]
    whole = StagedTable(tmp_path / "whole.parquet", schema)
    parts = []
    for i, (start, length) in enumerate(cuts):
        piece = sentences.slice(start, length)
        whole.write(piece)
        _write(piece, tmp_path / f"part-{i}.parquet", schema)
        parts.append(tmp_path / f"part-{i}.parquet")
    whole.close()

    rows = stitch.stitch(parts, tmp_path / "out" / "stitched.parquet")

    assert rows == n
    stitched = tmp_path / "out" / "stitched.parquet"
    assert stitched.read_bytes() == (tmp_path / "whole.parquet").read_bytes()
    assert pq.ParquetFile(stitched).metadata.num_row_groups == 5
    got = pq.read_table(stitched)
    assert got.equals(sentences.cast(schema)) and got.schema.metadata == schema.metadata
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["stitched.parquet"]  # no temporary left


def test_other_readers_read_the_stitched_file(sentences, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    schema = schemas.arrow_schema("sentences")
    parts = []
    for i, start in enumerate(range(0, 90_000, 30_000)):
        _write(sentences.slice(start, 30_000), tmp_path / f"p{i}.parquet", schema)
        parts.append(tmp_path / f"p{i}.parquet")
    stitch.stitch(parts, tmp_path / "s.parquet")
    expected = sentences.slice(0, 90_000)
    [(count, chars, last)] = duckdb.sql(
        f"select count(*), sum(length(text)), max(sent_index) from '{tmp_path / 's.parquet'}'"
    ).fetchall()
    assert count == 90_000
    assert chars == sum(len(t) for t in expected["text"].to_pylist())
    assert last == max(expected["sent_index"].to_pylist())


def test_a_footer_decodes_and_encodes_to_its_own_bytes(sentences, tmp_path):
    _write(sentences, tmp_path / "a.parquet", schemas.arrow_schema("sentences"))
    _write(
        tables.to_arrow(tables.empty("rejects"), "rejects"),
        tmp_path / "b.parquet",
        schemas.arrow_schema("rejects"),
    )
    for path in (tmp_path / "a.parquet", tmp_path / "b.parquet"):
        footer, _ = stitch._read_footer(path)
        assert stitch.encode_footer(stitch.decode_footer(footer)) == footer


def test_parts_of_different_schemas_or_not_parquet_are_refused(sentences, tmp_path):
    _write(sentences.slice(0, 10), tmp_path / "s.parquet", schemas.arrow_schema("sentences"))
    _write(
        schemas.arrow_schema("rejects").empty_table(), tmp_path / "r.parquet", schemas.arrow_schema("rejects")
    )
    with pytest.raises(stitch.StitchError, match="another schema"):
        stitch.stitch([tmp_path / "s.parquet", tmp_path / "r.parquet"], tmp_path / "x.parquet")
    (tmp_path / "t.parquet").write_bytes(b"PAR1" + b"\0" * 20 + struct.pack("<I", 1000) + b"PAR1")
    with pytest.raises(stitch.StitchError, match="does not fit"):
        stitch.stitch([tmp_path / "t.parquet"], tmp_path / "y.parquet")
    (tmp_path / "u.parquet").write_text("doc_id,text\n1,hello\n")
    with pytest.raises(stitch.StitchError, match="not a plain"):
        stitch.stitch([tmp_path / "u.parquet"], tmp_path / "z.parquet")
    assert not (tmp_path / "x.parquet").exists() and not (tmp_path / "y.parquet").exists()


def test_parts_joined_as_they_arrive_give_the_same_file(sentences, tmp_path):
    schema = schemas.arrow_schema("sentences")
    whole = StagedTable(tmp_path / "whole.parquet", schema)
    joined = stitch.Stitcher(tmp_path / "out" / "run.parquet")
    assert joined.empty
    for i, start in enumerate(range(0, 120_000, 40_000)):
        piece = sentences.slice(start, 40_000)
        whole.write(piece)
        _write(piece, tmp_path / f"p{i}.parquet", schema)
        joined.add(tmp_path / f"p{i}.parquet")
        (tmp_path / f"p{i}.parquet").unlink()  # as the run's assembler does: the part is copied
        assert not (tmp_path / "out" / "run.parquet").exists()  # nothing readable before close
    whole.close()
    assert joined.close() == 120_000
    assert (tmp_path / "out" / "run.parquet").read_bytes() == (tmp_path / "whole.parquet").read_bytes()
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["run.parquet"]


def test_a_refused_part_leaves_no_file_and_no_temporary(sentences, tmp_path):
    _write(sentences.slice(0, 10), tmp_path / "s.parquet", schemas.arrow_schema("sentences"))
    _write(
        schemas.arrow_schema("rejects").empty_table(), tmp_path / "r.parquet", schemas.arrow_schema("rejects")
    )
    joined = stitch.Stitcher(tmp_path / "out" / "run.parquet")
    joined.add(tmp_path / "s.parquet")
    with pytest.raises(stitch.StitchError, match="another schema"):
        joined.add(tmp_path / "r.parquet")
    joined.abort()
    assert list((tmp_path / "out").iterdir()) == []
    with pytest.raises(stitch.StitchError, match="nothing to stitch"):
        stitch.Stitcher(tmp_path / "out" / "none.parquet").close()
