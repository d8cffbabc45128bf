"""Assemble a run's tables batch by batch, so memory is bounded by the batch, not the run.

The flow hands each finished batch to ``RunAssembler.add`` in batch order. Sentences and
rejects are validated (pandera) and appended to their staged Parquet files at once;
documents are staged without scores (scores need the whole run's deduplication). What
stays in memory per document is small: ids, the few columns scoring needs, label
counts, and the dedup features. ``finish_documents`` then streams the staged documents
back, attaches dedup results and scores, validates and writes the final file.

Great Expectations sees every document (the columns it checks) and a deterministic sample of
sentences (every k-th row, k chosen so the sample stays under ``GX_SENTENCE_CAP``);
pandera validates every row of every table.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

import schemas
from factsieve.batch.pipeline import DEDUP_COLUMNS, BatchResult
from factsieve.output import tables
from factsieve.output.publish import StagedTable, part_name
from factsieve.score import label_stats, score_from_stats

GX_SENTENCE_CAP = 250_000
# The documents columns kept in memory after writing: what GX checks, the run summary and
# the derived rates need. Everything else is only in the Parquet file (~8 kB/doc otherwise).
CHECK_DOC_COLUMNS = [
    "doc_id",
    "format",
    "clean_chars",
    "canonical_doc_id",
    "is_canonical",
    "dup_method",
    "dup_similarity",
    "quality_score",
    "quality_tier",
    "ratio_reported",
    "ratio_attributed",
    "ratio_speculative",
    "ratio_opinion",
    "ratio_filler",
    "ratio_boilerplate",
]
# What scoring and dedup need of each document; everything else waits in staging.
LIGHT_DOC_COLUMNS = ["doc_id", "published_at", "word_count", "raw_chars", "removed_chars", "language"]
LIGHT_SCHEMA = pa.schema([schemas.arrow_schema("documents").field(c) for c in LIGHT_DOC_COLUMNS])
STAGE1_SCHEMA = pa.schema(
    [schemas.arrow_schema("documents").field(c) for c in tables.STAGE1_DOC_COLUMNS],
    metadata={"factsieve.table": "documents-stage1"},
)


class RunAssembler:
    def __init__(self, stage: Path, run_id: str, total_bytes: int):
        self.stage = stage
        self.run_id = run_id
        self.total_bytes = max(total_bytes, 1)
        self.sentences = StagedTable(
            stage / "sentences" / part_name(run_id), schemas.arrow_schema("sentences")
        )
        self.rejects = StagedTable(stage / "rejects" / part_name(run_id), schemas.arrow_schema("rejects"))
        self._stage1 = StagedTable(stage / "documents-stage1.parquet", STAGE1_SCHEMA)
        self._light: list[pd.DataFrame] = []
        self._stats: list[pd.DataFrame] = []
        self._rejects: list[pd.DataFrame] = []
        self._sample: list[pd.DataFrame] = []
        self.features: list = []
        self.labels: Counter[str] = Counter()
        self.input_records = 0
        self.documents = 0
        self._stride: int | None = None

    def add(self, batch: BatchResult, features=None, batch_bytes: int = 0) -> None:
        """Validate and stage one batch (batches must arrive in batch order for deterministic files)."""
        self.input_records += batch.input_records
        docs = batch.documents.reset_index(drop=True)
        self.documents += len(docs)
        sents, rejects = batch.sentences, batch.rejects
        if not batch.validated:
            sents = tables.conform(sents, "sentences")
            rejects = tables.conform(rejects, "rejects")
        self.sentences.write(tables.to_arrow(sents, "sentences"))
        self.rejects.write(tables.to_arrow(rejects, "rejects"))
        self._stage1.write(
            pa.Table.from_pandas(docs[STAGE1_SCHEMA.names], schema=STAGE1_SCHEMA, preserve_index=False)
        )
        # Kept as Arrow tables, not Python objects: a million small strings kept from each batch
        # pinned the allocator's pages of everything else the batch allocated (measured: the flow
        # process grew ~2 kB per document over the batch stage with pandas object columns here).
        self._light.append(
            pa.Table.from_pandas(docs[LIGHT_DOC_COLUMNS], schema=LIGHT_SCHEMA, preserve_index=False)
        )
        # Per-document label counts, in the documents' order (no doc_id index: see stats()).
        self._stats.append(pa.Table.from_pandas(label_stats(sents, docs["doc_id"]), preserve_index=False))
        self._rejects.append(rejects)
        if features is not None:
            self.features.append(features)
        self.labels.update(sents["label"].astype(str).value_counts().to_dict())
        if self._stride is None and len(sents):
            # Sample stride from the first batch's sentences per input byte.
            per_byte = len(sents) / max(batch_bytes, 1)
            self._stride = max(1, math.ceil(per_byte * self.total_bytes / GX_SENTENCE_CAP))
        self._sample.append(sents.drop(columns=["cues"]).iloc[:: self._stride or 1])

    def light_documents(self) -> pd.DataFrame:
        """LIGHT_DOC_COLUMNS of every document so far, in batch order (Arrow-backed)."""
        if not self._light:
            return tables.empty("documents")[LIGHT_DOC_COLUMNS]
        return pa.concat_tables(self._light).to_pandas(types_mapper=pd.ArrowDtype)

    def stats(self) -> pd.DataFrame:
        """``label_stats`` of every document so far, row i for row i of ``light_documents()``
        (pass ``aligned=True`` to the score functions)."""
        if not self._stats:
            return label_stats(tables.empty("sentences"), pd.Series([], dtype=str)).reset_index(drop=True)
        return pa.concat_tables(self._stats).to_pandas()

    def rejects_frame(self) -> pd.DataFrame:
        return pd.concat(self._rejects, ignore_index=True) if self._rejects else tables.empty("rejects")

    def sentence_sample(self) -> pd.DataFrame:
        return pd.concat(self._sample, ignore_index=True) if self._sample else tables.empty("sentences")

    def close_batches(self) -> None:
        self.sentences.close()
        self.rejects.close()
        self._stage1.close()

    def finish_documents(
        self, assignments: pd.DataFrame, chunk_rows: int = 50_000
    ) -> tuple[Path, pd.DataFrame]:
        """Stream staged documents back, attach dedup results and scores, validate, write.

        Returns the final documents file and the documents' CHECK_DOC_COLUMNS (for GX and
        the run summary).
        """
        # Staged documents, light columns, stats and (normally) the dedup assignments are all in
        # the same document order: each chunk is scored on its own, so memory is bounded by the
        # chunk, not the run.
        stats = self.stats()
        ids = (
            pa.concat_tables(self._light).column("doc_id")
            if self._light
            else pa.chunked_array([], pa.string())
        )
        self._light = []
        assigned = assignments[["doc_id", *DEDUP_COLUMNS]].reset_index(drop=True)
        if len(assigned) != len(ids) or not pa.array(assigned["doc_id"].astype(str).to_numpy()).equals(
            ids.combine_chunks()
        ):
            assigned = assigned.set_index("doc_id").reindex(ids.to_numpy()).reset_index()
        out = StagedTable(
            self.stage / "documents" / part_name(self.run_id), schemas.arrow_schema("documents")
        )
        without_text: list[pd.DataFrame] = []
        offset = 0
        for rb in pq.ParquetFile(self._stage1.path).iter_batches(batch_size=chunk_rows):
            part = rb.to_pandas(types_mapper=pd.ArrowDtype)
            rows = slice(offset, offset + len(part))
            offset += len(part)
            dd = assigned.iloc[rows].reset_index(drop=True)
            if not (dd["doc_id"].astype(str).to_numpy() == part["doc_id"].astype(str).to_numpy()).all():
                raise RuntimeError("staged documents and dedup assignments are out of step")
            part = pd.concat([part, dd[DEDUP_COLUMNS]], axis=1)
            scores = score_from_stats(part, stats.iloc[rows].reset_index(drop=True), aligned=True)
            part = pd.concat([part, scores], axis=1)
            part = tables.conform(part, "documents")
            out.write(tables.to_arrow(part, "documents"))
            without_text.append(part[CHECK_DOC_COLUMNS])
        path = out.close()
        self._stage1.path.unlink(missing_ok=True)
        docs = (
            pd.concat(without_text, ignore_index=True)
            if without_text
            else tables.empty("documents")[CHECK_DOC_COLUMNS]
        )
        if docs["doc_id"].duplicated().any():
            raise tables.ValidationFailed("documents", "- column doc_id: not unique across batches")
        return path, docs
