"""A batch staged by a worker process is what the flow's process would have staged."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
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
    assert on_worker.light.equals(here.light)
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


def _documents_written(stage, run_id: str) -> tuple[dict[str, str], bytes]:
    """raw/ as two staged batches, finished as the flow finishes a run's documents: the codecs of
    the first batch's parts, and the bytes of the documents file the flow wrote."""
    from factsieve.dedup import deduplicate
    from factsieve.output.assemble import RunAssembler

    files = discover(str(RAW))
    asm = RunAssembler(stage, run_id, total_bytes=sum(f.size for f in files))
    codecs = {}
    for i, batch in enumerate((files[0::2], files[1::2])):
        args = (batch, run_id, NOW, IngestLimits(), DedupParams())
        done = staged.run_and_stage(stage, i, *args)
        if i == 0:  # read before add: the sentences and rejects parts are joined and removed there
            codecs = {
                table: pq.ParquetFile(done.parts[table]).metadata.row_group(0).column(0).compression
                for table in staged.PART_TABLES
            }
        asm.add(done, batch_bytes=sum(f.size for f in batch))
    light = asm.light_documents()
    frame = pd.DataFrame(
        {
            "doc_id": light["doc_id"].astype(str).to_numpy(),
            "quality_score": light["quality_score"].to_numpy(dtype="float64"),
            "published_at": pd.to_datetime(light["published_at"], utc=True).to_numpy(),
        }
    )
    path, _ = asm.finish_documents(deduplicate(frame, DedupParams(), features=asm.features).assignments)
    return codecs, path.read_bytes()


def test_documents_part_is_staged_uncompressed_and_the_documents_file_is_unchanged(tmp_path, monkeypatch):
    # The documents' part is read back and encoded again by the flow: staged without compression,
    # the run's documents file is byte for byte what zstd-compressed parts gave.
    codecs, written = _documents_written(tmp_path / "now", "run-1")
    assert codecs == {"sentences": "ZSTD", "rejects": "ZSTD", "documents-stage1": "UNCOMPRESSED"}
    monkeypatch.setitem(staged.PART_COMPRESSION, "documents-stage1", "zstd")
    codecs_before, written_before = _documents_written(tmp_path / "before", "run-1")
    assert codecs_before["documents-stage1"] == "ZSTD"
    assert written == written_before
    assert pq.ParquetFile(pa.BufferReader(written)).metadata.row_group(0).column(0).compression == "ZSTD"
    assert pq.read_table(pa.BufferReader(written)).num_rows == 10
