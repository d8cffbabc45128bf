"""Outputs phase: the state's document table, the per-input-row assignments and the duplicates table."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from factsieve.dedup.cluster import ClusterColumns
from factsieve.dedup.inputs import NO_DATE
from factsieve.dedup.state import hex_array, write_docs_table
from factsieve.dedup.story import StoryColumns
from factsieve.dedup.table import DocTable


def write_state_table(path: Path, t: DocTable, lsh: np.ndarray, c: ClusterColumns, st: StoryColumns) -> None:
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
            "story_id": st.story_id,
            "story_jaccard": st.jaccard,
            "story_containment": st.containment,
            "fg_off": t.fg_off,
            "fg_slots": t.fg_slots,
            "fg_len": t.fg_len,
            "fg_values": t.fg_values,
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


def assignments_frame(t: DocTable, c: ClusterColumns, st: StoryColumns, rows: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": pd.array(t.doc_id[rows], dtype="str"),
            "content_hash": pd.array(hex_array(t.digest[rows]), dtype="str"),
            "dup_cluster_id": c.cluster_id[rows],
            "canonical_doc_id": pd.array(c.canonical[rows], dtype="str"),
            "is_canonical": c.is_canonical[rows],
            "dup_method": c.method[rows],
            "dup_similarity": c.similarity[rows],
            "story_id": pd.array(st.story_id[rows], dtype="str"),
        }
    )


def _containment_from_jaccard(t: DocTable, g: np.ndarray, canon: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Containment of g in/over its canonical from the exact Jaccard and the two set sizes:
    |A & B| = J (|A| + |B|) / (1 + J), an integer, so rounding recovers it exactly."""
    la = t.sh_len[g].astype(np.float64)
    lb = t.sh_len[pd.Index(t.doc_id).get_indexer(canon)].astype(np.float64) if len(g) else la
    inter = np.rint(j * (la + lb) / (1 + j))
    c = np.minimum(1.0, inter / np.maximum(np.minimum(la, lb), 1))
    return np.where(j >= 1.0, 1.0, np.round(c, 6))


def duplicates_frame(
    t: DocTable, c: ClusterColumns, st: StoryColumns, threshold: float, story_containment: float
) -> pd.DataFrame:
    """Every member (old and new) of every copy cluster and every story this run touched, canonical
    first; level tells which."""
    if c.touched:
        mem = np.flatnonzero(pd.Series(c.cluster_id).isin(c.touched).to_numpy())
    else:
        mem = np.zeros(0, dtype=np.int64)
    cl = c.cluster_id
    mem = mem[np.lexsort((t.doc_id[mem].astype(str), ~c.is_canonical[mem], cl[mem].astype(str)))]
    copies = pd.DataFrame(
        {
            "level": "copy",
            "cluster_id": pd.array(cl[mem], dtype="str"),
            "doc_id": pd.array(t.doc_id[mem], dtype="str"),
            "canonical_doc_id": pd.array(c.canonical[mem], dtype="str"),
            "similarity": c.similarity[mem].astype(np.float64),
            "containment": _containment_from_jaccard(t, mem, c.canonical[mem], c.similarity[mem]),
            "method": np.where(c.is_canonical[mem], "canonical", c.method[mem]).astype(object),
            "is_new": mem >= t.n_old,
        }
    )
    if st.touched:
        sm = np.flatnonzero(pd.Series(st.story_id).isin(st.touched).to_numpy())
    else:
        sm = np.zeros(0, dtype=np.int64)
    sid = st.story_id
    head = sid[sm] == t.doc_id[sm]
    sm = sm[np.lexsort((t.doc_id[sm].astype(str), ~head, sid[sm].astype(str)))]
    head = sid[sm] == t.doc_id[sm]
    canon_row = pd.Index(t.doc_id).get_indexer(sid[sm]) if len(sm) else sm
    same = t.code[sm] == t.code[canon_row]
    # a member below the story containment was placed by the rewrite rule (facts.py): every other
    # story link holds >= story_containment of the shorter text
    method = np.select(
        [head, same, st.jaccard[sm] >= threshold, st.containment[sm] >= story_containment],
        ["canonical", "exact", "near", "contained"],
        "rewrite",
    ).astype(object)
    story_rows = pd.DataFrame(
        {
            "level": "story",
            "cluster_id": pd.array(sid[sm], dtype="str"),
            "doc_id": pd.array(t.doc_id[sm], dtype="str"),
            "canonical_doc_id": pd.array(sid[sm], dtype="str"),
            "similarity": np.where(head, 1.0, st.jaccard[sm]).astype(np.float64),
            "containment": np.where(head, 1.0, st.containment[sm]).astype(np.float64),
            "method": method,
            "is_new": sm >= t.n_old,
        }
    )
    out = pd.concat([copies, story_rows], ignore_index=True)
    out["level"] = out["level"].astype(object)
    return out
