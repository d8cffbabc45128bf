"""A batch's tables written where they are made: each worker stages its own Parquet parts.

Pickling a batch's frames (~40 MB per 8 MB of input) back to the flow's process, unpickling them
there and encoding them as Parquet cost that process ~0.8 CPU-s per batch, on a core the workers
need. So the worker that ran a batch writes the batch's sentences, rejects and documents (without
scores) as Parquet files of its own in the run's staging folder, and returns a ``StagedBatch``: the
files' paths and what the flow keeps in memory anyway (a few columns per document, label counts,
the rejects, the dedup features with their shingles on disk). The flow then joins the parts in batch
order without re-encoding them (factsieve.output.stitch) and commits as before
(factsieve.output.publish).

Each part is written under a temporary name and renamed when complete, inside the run's staging
folder: a killed run leaves only staging files, which the next run removes (publish.recover).
Runners whose tasks run on other machines (Dask) return the batch instead; the flow's process
stages it with the same ``stage`` function.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa

import schemas
from factsieve import dedup
from factsieve.batch import pipeline
from factsieve.output import tables
from factsieve.output.publish import StagedTable
from factsieve.score import FLAG_BITS, document_scores, label_stats

# What dedup needs of each document; everything else waits in staging.
LIGHT_DOC_COLUMNS = ["doc_id", "published_at", "quality_score"]
LIGHT_SCHEMA = pa.schema([schemas.arrow_schema("documents").field(c) for c in LIGHT_DOC_COLUMNS])
# A document's scores but the duplicate flag depend on it alone: the worker scores its batch
# (``score.document_scores``) and the flow adds deduplication's columns and flag.
SCORE_COLUMNS = [
    *(f.name for f in schemas.arrow_schema("documents") if f.name.startswith("ratio_")),
    "quality_score",
    "quality_tier",
    "sentence_count",
]
STAGE1_SCHEMA = pa.schema(
    [
        *(schemas.arrow_schema("documents").field(c) for c in [*tables.STAGE1_DOC_COLUMNS, *SCORE_COLUMNS]),
        pa.field(FLAG_BITS, pa.uint16(), nullable=False),
    ],
    metadata={"factsieve.table": "documents-stage1"},
)
BATCHES_DIR = "batches"
# The staged parts of a batch, by table: their schemas.
PART_TABLES = {
    "sentences": schemas.arrow_schema("sentences"),
    "rejects": schemas.arrow_schema("rejects"),
    "documents-stage1": STAGE1_SCHEMA,
}
# Sentences and rejects parts become the run's files byte for byte (factsieve.output.stitch), so
# they are compressed as those are. The documents' part is read back by the flow, joined with the
# dedup results and scores, and encoded again (assemble.finish_documents): compressing it only
# made work on both sides — zstd cost a worker ~0.04 CPU-s per 8 MB batch and the flow ~0.01 to
# undo, for a staging file that lives until the documents are written (8.2 instead of 2.9 MB per
# batch: ~+0.8 GB of staging at a million documents). Measured: docs/BENCHMARKS.md, round 8.
PART_COMPRESSION = {"sentences": "zstd", "rejects": "zstd", "documents-stage1": "none"}


@dataclass(slots=True)
class StagedBatch:
    """One batch after staging: where its parts are, and the little the flow keeps of it."""

    index: int
    parts: dict[str, Path]
    input_records: int
    documents: int
    sentences: int
    # LIGHT_DOC_COLUMNS of the batch's documents, in document order.
    light: pa.Table
    labels: dict[str, int]
    rejects: pd.DataFrame
    features: dedup.Features | None = None
    part_keys: dict[str, set[str]] = field(default_factory=dict)
    model_changes: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    passed_over: dict[str, int] = field(default_factory=dict)  # BatchResult.passed_over
    limited: dict[str, int] = field(default_factory=dict)  # BatchResult.limited


def part_path(stage: Path, table: str, index: int) -> Path:
    return Path(stage) / BATCHES_DIR / table / f"{index:06d}.parquet"


def _write_part(table: pa.Table, path: Path, schema: pa.Schema, compression: str = "zstd") -> None:
    """One Parquet file, as the flow's single writer would have written these rows (one
    ``write_table`` call: the same row groups), complete under its name or absent."""
    tmp = path.with_name(f".{path.name}.tmp")
    staged = StagedTable(tmp, schema, compression)
    staged.write(table)
    staged.close()
    os.replace(tmp, path)


def stage(
    result: pipeline.BatchResult, features: dedup.Features | None, stage_dir: Path, index: int
) -> StagedBatch:
    """Write batch ``index``'s parts into the run's staging folder and summarise it."""
    stage_dir = Path(stage_dir)
    docs = result.documents.reset_index(drop=True)
    sents, rejects = result.sentences, result.rejects
    if not result.validated:
        sents = tables.conform(sents, "sentences")
        rejects = tables.conform(rejects, "rejects")
    # Scored here, on a worker, rather than in the flow's process after the batch stage, where
    # everything runs on one core (docs/BENCHMARKS.md, "1M run, round 12").
    docs = pd.concat([docs, document_scores(docs, label_stats(sents, docs["doc_id"]), aligned=True)], axis=1)
    arrow = {
        "sentences": tables.to_arrow(sents, "sentences"),
        "rejects": tables.to_arrow(rejects, "rejects"),
        "documents-stage1": pa.Table.from_pandas(
            docs[STAGE1_SCHEMA.names], schema=STAGE1_SCHEMA, preserve_index=False
        ),
    }
    parts = {}
    for table, schema in PART_TABLES.items():
        parts[table] = part_path(stage_dir, table, index)
        parts[table].parent.mkdir(parents=True, exist_ok=True)
        _write_part(arrow[table], parts[table], schema, PART_COMPRESSION[table])
    if features is not None:
        # Shingle sets wait on disk for the dedup step (~900 -> ~220 bytes/doc in memory).
        features = features.spill(stage_dir / "dedup-features")
    return StagedBatch(
        index=index,
        parts=parts,
        input_records=result.input_records,
        documents=len(docs),
        sentences=len(sents),
        # Arrow tables, not Python objects: a million small strings kept from each batch pinned
        # the allocator's pages of everything else the batch allocated (measured: the flow
        # process grew ~2 kB per document over the batch stage with pandas object columns).
        light=pa.Table.from_pandas(docs[LIGHT_DOC_COLUMNS], schema=LIGHT_SCHEMA, preserve_index=False),
        labels=sents["label"].astype(str).value_counts().to_dict(),
        rejects=rejects,
        features=features,
        part_keys=result.part_keys,
        model_changes=result.model_changes,
        seconds=dict(result.seconds),
        passed_over=dict(result.passed_over),
        limited=dict(result.limited),
    )


def run_and_stage(stage_dir: Path, index: int, *args, **kwargs) -> StagedBatch:
    """The whole of batch ``index`` on a worker: ``pipeline.run_batch(*args, **kwargs)``, then
    ``stage`` into ``stage_dir``."""
    result, features = pipeline.run_batch(*args, **kwargs)
    return stage(result, features, stage_dir, index)


def as_staged(
    done: StagedBatch | tuple[pipeline.BatchResult, dedup.Features], stage_dir: Path, index: int
) -> StagedBatch:
    """A batch task's outcome as a ``StagedBatch``: staged here if the task returned the batch."""
    return done if isinstance(done, StagedBatch) else stage(*done, stage_dir, index)
