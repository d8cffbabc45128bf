"""The run's documents are read back from the batches' staged parts in run-wide chunks."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from factsieve.output.assemble import _chunks


def test_chunks_run_across_the_batches_parts_as_one_file_would(tmp_path):
    sizes = [3, 0, 5, 4]
    paths, start = [], 0
    for i, n in enumerate(sizes):
        path = tmp_path / f"{i}.parquet"
        pq.write_table(pa.table({"doc_id": [f"d{k}" for k in range(start, start + n)]}), path)
        paths.append(path)
        start += n

    chunks = list(_chunks(paths, 5))

    # the same chunks as iterating one file holding every batch's rows
    assert [c.num_rows for c in chunks] == [5, 5, 2]
    assert pa.concat_tables(chunks)["doc_id"].to_pylist() == [f"d{k}" for k in range(12)]
    assert list(_chunks(paths[1:2], 5)) == []
