"""The duplicates table: every member of every copy cluster and every story a run touched."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from schemas._types import BOOL, FLOAT64, STRING

DUP_METHODS = ["canonical", "exact", "near", "contained", "rewrite"]
DUP_LEVELS = ["copy", "story"]


class DuplicatesSchema(pa.DataFrameModel):
    """One row per (level, cluster, member) — the canonical included, with method 'canonical'."""

    run_id: Series[STRING] = pa.Field(description="Run that produced the row.")
    level: Series[STRING] = pa.Field(
        isin=DUP_LEVELS,
        description="copy (near-identical text: documents.dup_cluster_id) or story (shares a source text: documents.story_id).",
    )
    cluster_id: Series[STRING] = pa.Field(
        description="Copy cluster (documents.dup_cluster_id) or, for level story, the story_id (its canonical's doc_id)."
    )
    doc_id: Series[STRING] = pa.Field(description="Member document.")
    canonical_doc_id: Series[STRING] = pa.Field(description="The copy kept as canonical for the cluster.")
    similarity: Series[FLOAT64] = pa.Field(
        ge=0,
        le=1,
        description="Exact Jaccard of the member's word 5-grams to the canonical's (1.0 for exact).",
    )
    containment: Series[FLOAT64] = pa.Field(
        ge=0, le=1, description="Shared word 5-grams / 5-grams of the shorter of member and canonical."
    )
    method: Series[STRING] = pa.Field(
        isin=DUP_METHODS,
        description="canonical, exact (same normalised text), near (Jaccard >= threshold), contained (story only: containment >= story_containment) or rewrite (story only: a rewrite in other words, linked by its shared rare figures; containment below story_containment).",
    )
    is_new: Series[BOOL] = pa.Field(
        description="True when the member was ingested by this run (False: seen in an earlier run)."
    )

    class Config:
        strict = True
        unique = ["run_id", "level", "cluster_id", "doc_id"]
        coerce = False
