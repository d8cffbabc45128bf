"""The duplicates table: every member of every duplicate cluster a run touched."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from schemas._types import BOOL, FLOAT64, STRING

DUP_METHODS = ["canonical", "exact", "near"]


class DuplicatesSchema(pa.DataFrameModel):
    """One row per (cluster, member) — the canonical copy included, with method 'canonical'."""

    run_id: Series[STRING] = pa.Field(description="Run that produced the row.")
    cluster_id: Series[STRING] = pa.Field(
        description="Duplicate cluster; documents.dup_cluster_id refers to it."
    )
    doc_id: Series[STRING] = pa.Field(description="Member document.")
    canonical_doc_id: Series[STRING] = pa.Field(description="The copy kept as canonical for the cluster.")
    similarity: Series[FLOAT64] = pa.Field(
        ge=0, le=1, description="Similarity of the member to the canonical (1.0 for exact)."
    )
    method: Series[STRING] = pa.Field(
        isin=DUP_METHODS,
        description="canonical, exact (same normalised text) or near (MinHash + verified Jaccard).",
    )
    is_new: Series[BOOL] = pa.Field(
        description="True when the member was ingested by this run (False: seen in an earlier run)."
    )

    class Config:
        strict = True
        unique = ["run_id", "cluster_id", "doc_id"]
        coerce = False
