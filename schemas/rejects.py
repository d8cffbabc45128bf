"""The rejects table: every input record that could not be used, with a reason."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from factsieve.vocabulary import REASON_CODES
from schemas._types import INT64, STRING, TIMESTAMP


class RejectsSchema(pa.DataFrameModel):
    """One row per rejected input record. Raw inputs are never changed or deleted."""

    run_id: Series[STRING] = pa.Field(description="Run that read the record.")
    source_uri: Series[STRING] = pa.Field(description="The input file.")
    record_key: Series[STRING] = pa.Field(
        description="Record within a multi-record file (JSONL id or 'line:N'); '' for single-record files."
    )
    format: Series[STRING] = pa.Field(
        description="text, html, jsonl, json, wet, csv, tsv, parquet, arrow, feed, sgml, warc, trec, email, newsxml, or the unsupported extension."
    )
    reason: Series[STRING] = pa.Field(
        isin=list(REASON_CODES), description="Reason code: " + ", ".join(REASON_CODES) + "."
    )
    detail: Series[STRING] = pa.Field(
        description="Human-readable detail (line number, parser message, sizes)."
    )
    raw_bytes: Series[INT64] = pa.Field(ge=0, description="Size of the record or file in bytes.")
    sample: Series[STRING] = pa.Field(
        description="First characters of the record (undecodable bytes escaped), for triage."
    )
    ingested_at: Series[TIMESTAMP] = pa.Field(description="When the run read the record (UTC).")

    class Config:
        strict = True
        coerce = False
