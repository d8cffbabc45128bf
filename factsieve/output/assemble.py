"""Assemble a run's tables batch by batch, so memory is bounded by the batch, not the run.

Each batch's worker validates (pandera) and stages the batch's sentences, rejects and documents
(without scores: they need the whole run's deduplication) as Parquet parts of its own
(factsieve.batch.staged). The flow hands each staged batch to ``RunAssembler.add`` in batch order;
what stays in memory per document is small: ids, the few columns scoring needs, label counts,
and the dedup features. ``close_batches`` joins the sentences and rejects parts into the run's
files without re-encoding them (factsieve.output.stitch); ``finish_documents`` streams the staged
documents back (scored by their workers), attaches dedup results and the duplicate flag, validates
and writes the final file.

Great Expectations sees every document (the columns it checks) and a deterministic sample of
sentences (every k-th row, k chosen so the sample stays under ``GX_SENTENCE_CAP``);
pandera validates every row of every table.
"""

from __future__ import annotations

import math
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

import schemas
from factsieve.batch.pipeline import DEDUP_COLUMNS
from factsieve.batch.staged import BATCHES_DIR, LIGHT_DOC_COLUMNS, StagedBatch
from factsieve.output import checks, stitch, tables
from factsieve.output.parallel_write import ParallelTable
from factsieve.output.publish import part_name, write_parquet
from factsieve.score import FLAG_BITS, quality_flags

GX_SENTENCE_CAP = 250_000
# The documents columns kept in memory after writing: what GX checks, the run summary and
# the derived rates need. Everything else is only in the Parquet file (~8 kB/doc otherwise).
CHECK_DOC_COLUMNS = [
    "doc_id",
    "format",
    "encoding",
    "encoding_uncertain",
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


class RunAssembler:
    def __init__(self, stage: Path, run_id: str, total_bytes: int):
        self.stage = stage
        self.run_id = run_id
        self.total_bytes = max(total_bytes, 1)
        # The run's sentences and rejects files, written by close_batches.
        self.sentences_path = stage / "sentences" / part_name(run_id)
        self.rejects_path = stage / "rejects" / part_name(run_id)
        self.sentence_rows = 0
        self._parts: list[dict[str, Path]] = []
        # Each batch's sentences and rejects parts are joined into the run's file as the batch is
        # added (the flow's process mostly waits on its workers then), not all after the last one.
        self._joined = {
            "sentences": stitch.Stitcher(self.sentences_path),
            "rejects": stitch.Stitcher(self.rejects_path),
        }
        self._batch_sentences: list[int] = []
        self._light: list[pa.Table] = []
        self._spilled: Path | None = None  # the light columns' file, once spilled
        self._rejects: list[pd.DataFrame] = []
        self.features: list = []
        self.labels: Counter[str] = Counter()
        # Passed over by ingest as no record (folders in archives, WARC request records), by kind.
        self.passed_over: Counter[str] = Counter()
        # Cut by the record limits (factsieve.batch.limits): titles, sentences, documents, by kind.
        self.limited: Counter[str] = Counter()
        self.input_records = 0
        self.documents = 0
        self._stride: int | None = None

    def add(self, batch: StagedBatch, batch_bytes: int = 0) -> None:
        """Take one staged batch (factsieve.batch.staged); batches must arrive in batch order
        for deterministic files."""
        self.input_records += batch.input_records
        self.documents += batch.documents
        self.sentence_rows += batch.sentences
        self._parts.append(batch.parts)
        for table, joined in self._joined.items():
            joined.add(batch.parts[table])
            batch.parts[table].unlink()
        self._batch_sentences.append(batch.sentences)
        self._light.append(batch.light)
        self._rejects.append(batch.rejects)
        if batch.features is not None:
            self.features.append(batch.features)
        self.labels.update(batch.labels)
        self.passed_over.update(batch.passed_over)
        self.limited.update(batch.limited)
        if self._stride is None and batch.sentences:
            # Sample stride from the first batch's sentences per input byte.
            per_byte = batch.sentences / max(batch_bytes, 1)
            self._stride = max(1, math.ceil(per_byte * self.total_bytes / GX_SENTENCE_CAP))

    def spill(self) -> None:
        """Move the light columns (~50 B a document) from memory to a file in staging;
        ``light_documents`` and ``finish_documents`` read them back. The flow spills once the dedup
        input is built: a million documents' worth then no longer sits under deduplication's peak
        memory (docs/BENCHMARKS.md, "1M memory at publish")."""
        parts = self._light_parts()
        if not parts:
            return
        table = pa.concat_tables(parts)
        path = self.stage / BATCHES_DIR / "light.arrow"
        path.parent.mkdir(parents=True, exist_ok=True)
        with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table)
        self._spilled, self._light = path, []

    def _light_parts(self) -> list[pa.Table]:
        """The batches' light columns in batch order: the spilled file's (batches added before
        ``spill``), then those still in memory."""
        if self._spilled is None:
            return self._light
        with pa.OSFile(str(self._spilled)) as src:
            return [pa.ipc.open_file(src).read_all(), *self._light]

    def light_documents(self) -> pd.DataFrame:
        """LIGHT_DOC_COLUMNS of every document so far, in batch order (Arrow-backed)."""
        light = self._light_parts()
        if not light:
            return tables.empty("documents")[LIGHT_DOC_COLUMNS]
        return pa.concat_tables(light).to_pandas(types_mapper=pd.ArrowDtype)

    def rejects_frame(self) -> pd.DataFrame:
        return pd.concat(self._rejects, ignore_index=True) if self._rejects else tables.empty("rejects")

    def sentence_sample(self) -> pd.DataFrame:
        """Every k-th sentence of each batch (k = the stride set by the first batch), the columns
        GX checks only (no text, no cues), read back from the run's sentences file (call after
        ``close_batches``)."""
        columns = list(checks.SENTENCE_COLUMNS)
        if not self.sentence_rows:
            return tables.empty("sentences")[columns]
        stride = self._stride or 1
        rows, offset = [], 0
        for n in self._batch_sentences:
            rows.append(np.arange(offset, offset + n, stride))
            offset += n
        picked = np.concatenate(rows)
        # A row group at a time: the whole text column of a million-document run is ~1 GB.
        pf = pq.ParquetFile(self.sentences_path)
        pieces, lo = [], 0
        for k in range(pf.num_row_groups):
            hi = lo + pf.metadata.row_group(k).num_rows
            a, b = np.searchsorted(picked, [lo, hi])
            if b > a:
                pieces.append(pf.read_row_group(k, columns=columns).take(picked[a:b] - lo))
            lo = hi
        return pa.concat_tables(pieces).to_pandas(types_mapper=pd.ArrowDtype)

    def close_batches(self) -> None:
        """Finish the run's sentences and rejects files, the batches' parts joined in batch order."""
        for table, joined in self._joined.items():
            if joined.empty:
                write_parquet(schemas.arrow_schema(table).empty_table(), joined.dest)
            else:
                joined.close()

    def finish_documents(
        self, assignments: pd.DataFrame, chunk_rows: int = 50_000
    ) -> tuple[Path, pd.DataFrame]:
        """Stream staged documents back, attach dedup results and the quality flags, validate, write.

        Returns the final documents file and the documents' CHECK_DOC_COLUMNS (for GX and
        the run summary). Consumes the light columns: ``light_documents`` is empty afterwards.
        """
        # Staged documents (scored by their workers: staged.SCORE_COLUMNS), light columns and
        # (normally) the dedup assignments are all in the same document order: each chunk is
        # finished on its own, so memory is bounded by the chunk, not the run.
        light = self._light_parts()
        ids = pa.concat_tables(light).column("doc_id") if light else pa.chunked_array([], pa.string())
        # Consumed here: nothing reads them later, and a million documents' worth stays out of the
        # publish step's memory (the spilled file goes with the batches folder below).
        self._light, self._spilled, light = [], None, None
        assigned = assignments[["doc_id", *DEDUP_COLUMNS]].reset_index(drop=True)
        if len(assigned) != len(ids) or not pa.array(assigned["doc_id"].astype(str).to_numpy()).equals(
            ids.combine_chunks()
        ):
            assigned = assigned.set_index("doc_id").reindex(ids.to_numpy()).reset_index()
        # Each chunk's Parquet encoding runs on other threads while this one scores and validates
        # the next: the batch stage's workers are gone and a core would idle (parallel_write).
        out = ParallelTable(
            self.stage / "documents" / part_name(self.run_id), schemas.arrow_schema("documents")
        )
        without_text: list[pd.DataFrame] = []
        offset = 0
        staged_docs = [parts["documents-stage1"] for parts in self._parts]
        try:
            for rb in _chunks(staged_docs, chunk_rows):
                part = rb.to_pandas(types_mapper=pd.ArrowDtype)
                rows = slice(offset, offset + len(part))
                offset += len(part)
                dd = assigned.iloc[rows].reset_index(drop=True)
                if not (dd["doc_id"].astype(str).to_numpy() == part["doc_id"].astype(str).to_numpy()).all():
                    raise RuntimeError("staged documents and dedup assignments are out of step")
                part = pd.concat([part, dd[DEDUP_COLUMNS]], axis=1)
                flags = quality_flags(part.pop(FLAG_BITS), part["is_canonical"])
                part["quality_flags"] = pd.Series(flags, dtype=pd.ArrowDtype(flags.type), index=part.index)
                part = tables.conform(part, "documents")
                out.write(tables.to_arrow(part, "documents"))
                without_text.append(part[CHECK_DOC_COLUMNS])
        except BaseException:
            out.abort()
            raise
        path = out.close()
        shutil.rmtree(self.stage / BATCHES_DIR, ignore_errors=True)
        docs = (
            pd.concat(without_text, ignore_index=True)
            if without_text
            else tables.empty("documents")[CHECK_DOC_COLUMNS]
        )
        if docs["doc_id"].duplicated().any():
            raise tables.ValidationFailed("documents", "- column doc_id: not unique across batches")
        return path, docs


def _chunks(paths: list[Path], rows: int) -> Iterator[pa.Table]:
    """The rows of the Parquet files in order, ``rows`` at a time across file boundaries: the
    chunks (and so the row groups of the documents file) one staged file of all batches gave."""
    pending: list[pa.Table] = []
    have = 0
    for path in paths:
        for rb in pq.ParquetFile(path).iter_batches(batch_size=rows):
            pending.append(pa.Table.from_batches([rb]))
            have += rb.num_rows
            while have >= rows:
                table = pa.concat_tables(pending)
                yield table.slice(0, rows)
                pending, have = [table.slice(rows)], have - rows
    if have:
        yield pa.concat_tables(pending)
