"""The run's documents are read back from the batches' staged parts in run-wide chunks; the light
columns (with the quality score the workers computed) can wait on disk while deduplication runs."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from factsieve.batch import staged
from factsieve.batch.staged import BATCHES_DIR
from factsieve.dedup import DedupParams, deduplicate
from factsieve.ingest.read import IngestLimits
from factsieve.ingest.sources import discover
from factsieve.output.assemble import RunAssembler, _chunks
from tests.conftest import RAW

RUN_ID = "20261206T190000Z-abc123"
INGESTED = pd.Timestamp("2026-12-06T19:00:00Z")


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


def _assembled(stage, spill_after: int | None):
    """The raw/ corpus as three staged batches in a RunAssembler, spilled after batch
    ``spill_after`` (None: never)."""
    files = discover(str(RAW))
    batches = [files[i::3] for i in range(3)]
    asm = RunAssembler(stage, RUN_ID, total_bytes=sum(f.size for f in files))
    for i, batch in enumerate(batches):
        args = (batch, RUN_ID, INGESTED, IngestLimits(), DedupParams())
        asm.add(staged.run_and_stage(stage, i, *args), batch_bytes=sum(f.size for f in batch))
        if i == spill_after:
            asm.spill()
    return asm


def _dedup(asm: RunAssembler) -> pd.DataFrame:
    light = asm.light_documents()
    frame = pd.DataFrame(
        {
            "doc_id": light["doc_id"].astype(str).to_numpy(),
            "quality_score": light["quality_score"].to_numpy(dtype="float64"),
            "published_at": pd.to_datetime(light["published_at"], utc=True).to_numpy(),
        }
    )
    return deduplicate(frame, DedupParams(), features=asm.features).assignments


def test_spilled_light_columns_read_back_as_kept_and_give_the_same_documents(tmp_path):
    kept = _assembled(tmp_path / "kept", spill_after=None)
    spilled = _assembled(tmp_path / "spilled", spill_after=1)  # a batch arrives after the spill
    assert (tmp_path / "spilled" / BATCHES_DIR / "light.arrow").is_file()
    assert spilled._light and len(spilled._light) == 1  # only the batch added after the spill

    pd.testing.assert_frame_equal(spilled.light_documents(), kept.light_documents())
    assert len(kept.light_documents()) == 10  # the whole raw/ corpus, in batch order

    path_kept, docs_kept = kept.finish_documents(_dedup(kept))
    path_spilled, docs_spilled = spilled.finish_documents(_dedup(spilled))
    pd.testing.assert_frame_equal(docs_spilled, docs_kept)
    written = [pq.read_table(p).drop_columns(["run_id"]) for p in (path_kept, path_spilled)]
    assert written[1].equals(written[0])
    # consumed: nothing of the light columns or their file is left
    assert spilled.light_documents().empty
    assert not (tmp_path / "spilled" / BATCHES_DIR).exists()
