"""A batch staged by a worker process is what the flow's process would have staged."""

from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq

from factsieve.batch import pipeline, staged, workers
from factsieve.ingest.read import IngestLimits
from factsieve.ingest.sources import discover
from factsieve.params import DedupParams
from tests.conftest import RAW

NOW = pd.Timestamp("2026-01-02T03:04:05Z")


def test_worker_staged_parts_equal_the_flow_staging_the_returned_batch(tmp_path):
    inputs = discover(str(RAW))
    args = (inputs, "run-1", NOW, IngestLimits(), DedupParams())
    with workers.batch_pool(2) as pool:
        on_worker = workers.run(pool, staged.run_and_stage, tmp_path / "worker", 3, *args)
    here = staged.as_staged(pipeline.run_batch(*args), tmp_path / "flow", 3)

    assert isinstance(on_worker, staged.StagedBatch)
    assert on_worker.documents == here.documents == 10
    assert on_worker.sentences == here.sentences > 100
    assert on_worker.input_records == here.input_records
    assert on_worker.labels == here.labels and sum(here.labels.values()) == here.sentences
    assert on_worker.light.equals(here.light) and on_worker.stats.equals(here.stats)
    for table, path in on_worker.parts.items():
        assert path == staged.part_path(tmp_path / "worker", table, 3)
        assert path.read_bytes() == here.parts[table].read_bytes(), table
        # complete under its final name; no temporary file beside it
        assert [p.name for p in path.parent.iterdir()] == [path.name]
    sentences = pq.read_table(on_worker.parts["sentences"]).to_pandas()
    assert len(sentences) == here.sentences and set(sentences["doc_id"]) <= set(
        here.light["doc_id"].to_pylist()
    )
    # the shingle sets went to disk in the staging folder, not back through the pipe
    assert on_worker.features.shingles is None
    assert str(tmp_path / "worker" / "dedup-features") in on_worker.features.shingles_file
