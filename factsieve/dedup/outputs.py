"""Outputs phase: the state's document table, the per-input-row assignments and the duplicates table."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from factsieve.dedup.cluster import ClusterColumns
from factsieve.dedup.inputs import NO_DATE
from factsieve.dedup.state import hex_array, write_docs_table
from factsieve.dedup.table import DocTable


def write_state_table(path: Path, t: DocTable, lsh: np.ndarray, c: ClusterColumns) -> None:
    write_docs_table(
        path,
        {
            "doc_id": t.doc_id,
            "content_hash": t.digest,
            "n_words": t.n_words,
            "lsh": lsh,
            "quality_score": t.quality,
            "published_at": np.where(t.published == NO_DATE, np.iinfo(np.int64).min, t.published),
            "cluster_id": c.cluster_id,
            "canonical_doc_id": c.canonical,
            "is_canonical": c.is_canonical,
            "dup_method": c.method,
            "dup_similarity": c.similarity,
            "seg": t.seg,
            "sh_off": t.sh_off,
            "sh_len": t.sh_len,
        },
    )


def input_rows(t: DocTable, input_ids: np.ndarray, new_pos: np.ndarray) -> np.ndarray:
    """Global row of every input row: new docs by their doc_id rank, known docs by lookup in the state."""
    rows = np.empty(len(input_ids), dtype=np.int64)
    rows[new_pos] = t.new_global
    if t.n_new < len(input_ids):
        known_pos = np.setdiff1d(np.arange(len(input_ids)), new_pos, assume_unique=True)
        rows[known_pos] = pd.Index(t.doc_id[: t.n_old]).get_indexer(input_ids[known_pos])
    return rows


def assignments_frame(t: DocTable, c: ClusterColumns, rows: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": pd.array(t.doc_id[rows], dtype="str"),
            "content_hash": pd.array(hex_array(t.digest[rows]), dtype="str"),
            "dup_cluster_id": c.cluster_id[rows],
            "canonical_doc_id": pd.array(c.canonical[rows], dtype="str"),
            "is_canonical": c.is_canonical[rows],
            "dup_method": c.method[rows],
            "dup_similarity": c.similarity[rows],
        }
    )


def duplicates_frame(t: DocTable, c: ClusterColumns) -> pd.DataFrame:
    """Every member (old and new) of every cluster this run touched, canonical first."""
    if c.touched:
        mem = np.flatnonzero(pd.Series(c.cluster_id).isin(c.touched).to_numpy())
    else:
        mem = np.zeros(0, dtype=np.int64)
    cl = c.cluster_id
    mem = mem[np.lexsort((t.doc_id[mem].astype(str), ~c.is_canonical[mem], cl[mem].astype(str)))]
    return pd.DataFrame(
        {
            "cluster_id": pd.array(cl[mem], dtype="str"),
            "doc_id": pd.array(t.doc_id[mem], dtype="str"),
            "canonical_doc_id": pd.array(c.canonical[mem], dtype="str"),
            "similarity": c.similarity[mem].astype(np.float64),
            "method": np.where(c.is_canonical[mem], "canonical", c.method[mem]).astype(object),
            "is_new": mem >= t.n_old,
        }
    )
