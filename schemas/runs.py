"""The runs table: one row per flow run — parameters, counts per stage, timings, outcome."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from schemas._types import FLOAT64, INT64, STRING, TIMESTAMP

RUN_STATUSES = ["succeeded", "failed"]
GX_STATUSES = ["passed", "warning", "failed", "skipped"]


class RunsSchema(pa.DataFrameModel):
    """One row per run of the curate flow. The row is written last: a run whose row is
    present is complete, and its rows in every other table are visible."""

    run_id: Series[STRING] = pa.Field(
        unique=True, description="Run identifier (UTC start time + random suffix)."
    )
    status: Series[STRING] = pa.Field(
        isin=RUN_STATUSES, description="succeeded or failed (a critical GX expectation failed)."
    )
    started_at: Series[TIMESTAMP] = pa.Field(description="When the run started (UTC).")
    finished_at: Series[TIMESTAMP] = pa.Field(description="When the run finished writing (UTC).")
    raw: Series[STRING] = pa.Field(description="The RAW location the run read.")
    parameters: Series[STRING] = pa.Field(description="JSON object of the run's parameters.")
    input_files: Series[INT64] = pa.Field(ge=0, description="Files discovered under RAW.")
    input_records: Series[INT64] = pa.Field(
        ge=0, description="Records read (one per file, one per JSONL line)."
    )
    documents: Series[INT64] = pa.Field(ge=0, description="Rows written to documents.")
    rejects: Series[INT64] = pa.Field(
        ge=0, description="Rows written to rejects. documents + rejects = input_records."
    )
    sentences: Series[INT64] = pa.Field(ge=0, description="Rows written to sentences.")
    exact_duplicates: Series[INT64] = pa.Field(ge=0, description="Documents flagged as exact duplicates.")
    near_duplicates: Series[INT64] = pa.Field(ge=0, description="Documents flagged as near duplicates.")
    removed_files: Series[INT64] = pa.Field(
        ge=0, description="Inputs of earlier runs no longer found under RAW (tombstoned in the manifest)."
    )
    removed_documents: Series[INT64] = pa.Field(
        ge=0,
        description="Live documents whose (source_uri, record_key) this run no longer found: input "
        "removed or renamed, record deleted or now a reject. History keeps their rows.",
    )
    replaced_documents: Series[INT64] = pa.Field(
        ge=0,
        description="Live documents this run replaced by a new version (same source_uri and "
        "record_key, new content, new doc_id).",
    )
    stage_seconds: Series[STRING] = pa.Field(
        description="JSON object: wall seconds per stage ('startup' = process start to flow start)."
    )
    command_seconds: Series[FLOAT64] = pa.Field(
        ge=0,
        description="Wall seconds from the start of the command's process (interpreter, imports and "
        "Prefect's start-up included: the 'startup' stage) until this row was written; a deployment "
        "run counts from its flow's start.",
    )
    stage_counts: Series[STRING] = pa.Field(
        description="JSON object: records in/out per stage, labels, reject reasons; "
        "ingest.passed_over: what ingest passed over as no record, by kind (archive folders, "
        "__MACOSX/ and hidden members, hidden files and folders, WARC request/metadata/warcinfo "
        "records, inputs and members left out by --exclude, a corpus's README/licence files, a text's "
        "trailing NUL bytes) and metadata fields dropped from documents that were kept "
        "('metadata dropped: FIELD TYPE', e.g. an id given as a list)."
    )
    versions: Series[STRING] = pa.Field(
        description="JSON object: versions of factsieve, Python and key libraries."
    )
    validation: Series[STRING] = pa.Field(
        description="pandera outcome: 'passed' (a failing run writes nothing)."
    )
    gx_status: Series[STRING] = pa.Field(isin=GX_STATUSES, description="Great Expectations outcome.")
    gx_detail: Series[STRING] = pa.Field(
        description="JSON list of failed or warning expectations with their reasons."
    )
    schema_version: Series[STRING] = pa.Field(description="Version of these table schemas.")

    class Config:
        strict = True
        coerce = False
