"""Chunks encoded on threads and joined give the file one writer writing them in order would have."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from factsieve.output.parallel_write import ParallelTable
from factsieve.output.publish import StagedTable

SCHEMA = pa.schema([("doc_id", pa.string()), ("text", pa.string()), ("words", pa.int32())])

_SENTENCES = [
    "The council approved the budget on Tuesday after a four-hour debate.",
    "Officials said the vote was seven to two, with the mayor abstaining.",
    "Critics argued the plan would raise water rates for small businesses.",
    "A spokesperson for the utility declined to comment on the figures.",
    "Construction of the new treatment plant is expected to begin in March.",
]


def _documents(n: int) -> pa.Table:
    texts = [" ".join(_SENTENCES[(i + k) % len(_SENTENCES)] for k in range(1 + i % 7)) for i in range(n)]
    return pa.table(
        {
            "doc_id": [f"doc-{i:06d}" for i in range(n)],
            "text": texts,
            "words": pa.array([len(t.split()) for t in texts], pa.int32()),
        },
        schema=SCHEMA,
    )


def _write_all(writer, table: pa.Table, cuts: list[tuple[int, int]]):
    for start, length in cuts:
        writer.write(table.slice(start, length))
    return writer.close()


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_same_bytes_as_one_writer(tmp_path, threads):
    table = _documents(150_000)
    # a chunk over one row group (64 Ki rows), an empty one, a small one, the rest
    cuts = [(0, 70_000), (70_000, 0), (70_000, 1_234), (71_234, 50_000), (121_234, 28_766)]
    one = _write_all(StagedTable(tmp_path / "one.parquet", SCHEMA), table, cuts)
    par = _write_all(ParallelTable(tmp_path / "par.parquet", SCHEMA, threads=threads), table, cuts)
    assert par.read_bytes() == one.read_bytes()
    assert pq.read_table(par).equals(table)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.parquet", "par.parquet"]  # no chunks left


def test_nothing_written_gives_an_empty_file(tmp_path):
    path = ParallelTable(tmp_path / "empty.parquet", SCHEMA).close()
    assert pq.read_table(path).num_rows == 0
    assert pq.read_schema(path).names == SCHEMA.names


def test_a_chunk_that_cannot_be_written_fails_the_close_and_leaves_no_chunks(tmp_path):
    writer = ParallelTable(tmp_path / "bad.parquet", SCHEMA, threads=2)
    writer.write(_documents(1_000))
    # words as text that is no number: the cast to the schema fails on the writing thread
    bad = pa.table({"doc_id": ["doc-x"], "text": ["A short report."], "words": ["seven"]})
    writer.write(bad)
    with pytest.raises(pa.ArrowInvalid):
        writer.close()
    assert not (tmp_path / "bad.parquet").exists()
    assert list(tmp_path.iterdir()) == []
