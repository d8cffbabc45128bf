"""Forgetting: documents removed from the inputs or replaced by a new version leave the dedup state's
matching, so duplicates and stories are judged among live documents only; and the live roles the
latest view reads."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from factsieve.dedup.inputs import NO_DATE, ns, rank_key
from factsieve.dedup.params import DedupParams, cluster_id_for
from factsieve.dedup.state import SEGMENT_FILES, ShingleStore, link_or_copy, load_state, with_story_columns

FORGOTTEN_PREFIX = "forgotten:"
ROLE_COLUMNS = [
    "dup_cluster_id",
    "canonical_doc_id",
    "is_canonical",
    "dup_method",
    "dup_similarity",
    "story_id",
]


class _Sets:
    """Shingle sets of single state rows (forgetting touches few documents: no batching needed)."""

    def __init__(self, state: Path, segments: list[str], sorted_segments: set[str]) -> None:
        self.store = ShingleStore()
        for s in segments:
            self.store.add(state / (s + ".shingles.u32"))
        self.sorted = [s in sorted_segments for s in segments]

    def of(self, row: pd.Series) -> np.ndarray:
        s = int(row["seg"])
        vals = self.store.read(s, np.array([row["sh_off"]]), np.array([row["sh_len"]]))
        return vals if self.sorted[s] else np.unique(vals)

    def compare(self, a: pd.Series, b: pd.Series) -> tuple[float, float, int]:
        """(Jaccard, containment, shared shingles) of two rows."""
        x, y = self.of(a), self.of(b)
        if not len(x) or not len(y):
            return 0.0, 0.0, 0
        inter = len(np.intersect1d(x, y, assume_unique=True))
        return inter / (len(x) + len(y) - inter), inter / min(len(x), len(y)), inter


def _make_unique(docs: pd.DataFrame, rows: np.ndarray) -> None:
    """Rows of documents in no copy cluster: their own canonical (the state's form of a unique document)."""
    if len(rows) == 0:
        return
    idx = docs.index[rows]
    docs.loc[idx, "cluster_id"] = None
    docs.loc[idx, "canonical_doc_id"] = docs.loc[idx, "doc_id"]
    docs.loc[idx, "is_canonical"] = True
    docs.loc[idx, "dup_method"] = None
    docs.loc[idx, "dup_similarity"] = np.nan


def _make_alone(docs: pd.DataFrame, rows: np.ndarray) -> None:
    """Rows of documents alone in their story."""
    if len(rows) == 0:
        return
    idx = docs.index[rows]
    docs.loc[idx, "story_id"] = docs.loc[idx, "doc_id"]
    docs.loc[idx, "story_jaccard"] = np.nan
    docs.loc[idx, "story_containment"] = np.nan


def _ranked(docs: pd.DataFrame, members: np.ndarray) -> np.ndarray:
    """members in canonical-rule order (best first)."""
    m = docs.iloc[members]
    pub = ns(m["published_at"])
    order = rank_key(
        m["quality_score"].to_numpy(dtype=np.float64),
        np.where(pub == np.iinfo(np.int64).min, NO_DATE, pub),
        m["doc_id"].to_numpy(dtype=object),
    )
    return members[order]


def _reform(
    docs: pd.DataFrame, group_col: str, canon_col: str, gone, gone_ids: set, link, single, place
) -> None:
    """Groups (copy clusters or stories) that lost members: one live member left is no group; a
    forgotten canonical is succeeded by the best-ranked live member (the canonical rule), and the
    others stay only if their own link to it holds (no chaining: link(head, row) -> evidence or
    None) — the rest are single (single(docs, rows)). place(row, head, evidence) writes a role."""
    for gid in sorted(set(docs.loc[gone, group_col].dropna().tolist())):
        members = np.flatnonzero((docs[group_col] == gid).to_numpy(dtype=bool) & ~gone)
        if len(members) <= 1:
            single(docs, members)
            continue
        if docs.iloc[members[0]][canon_col] not in gone_ids:
            continue  # its canonical is live: every live member was verified against it
        ranked = _ranked(docs, members)
        head = docs.iloc[ranked[0]]
        kept = []
        for r in ranked[1:].tolist():
            row = docs.iloc[r]
            ev = "exact" if row["content_hash"] == head["content_hash"] else link(head, row)
            if ev is None:
                single(docs, np.array([r]))
            else:
                kept.append((r, ev))
        if not kept:
            single(docs, ranked[:1])
            continue
        place(ranked[0], head, None)
        for r, ev in kept:
            place(r, head, ev)


def _reform_copies(docs, gone, gone_ids, sets: _Sets, p: DedupParams) -> None:
    cols = ["cluster_id", "canonical_doc_id", "is_canonical", "dup_method", "dup_similarity"]

    def link(head: pd.Series, row: pd.Series) -> tuple | None:
        j = sets.compare(head, row)[0]
        return ("near", round(j, 6)) if j >= p.threshold else None

    def place(r: int, head: pd.Series, ev) -> None:
        cid = cluster_id_for(str(head["doc_id"]))
        role = [True, None, 1.0] if ev is None else [False, *(("exact", 1.0) if ev == "exact" else ev)]
        docs.loc[docs.index[r], cols] = [cid, head["doc_id"], *role]

    _reform(docs, "cluster_id", "canonical_doc_id", gone, gone_ids, link, _make_unique, place)


def _reform_stories(docs, gone, gone_ids, sets: _Sets, p: DedupParams) -> None:
    """The story link: containment >= story_containment with >= story_min_shared shared shingles, a
    copy by Jaccard, or the same content hash."""
    cols = ["story_id", "story_jaccard", "story_containment"]

    def link(head: pd.Series, row: pd.Series) -> tuple | None:
        j, c, inter = sets.compare(head, row)
        ok = (c >= p.story_containment and inter >= p.story_min_shared) or j >= p.threshold
        return (round(j, 6), round(c, 6)) if ok else None

    def place(r: int, head: pd.Series, ev) -> None:
        docs.loc[docs.index[r], cols] = [head["doc_id"], *((1.0, 1.0) if ev in (None, "exact") else ev)]

    _reform(docs, "story_id", "story_id", gone, gone_ids, link, _make_alone, place)


def forget(
    state_in: Path,
    doc_ids: Iterable[str],
    state_out: Path,
    params: DedupParams = DedupParams(),  # noqa: B008 - frozen dataclass, safe as a default
) -> int:
    """A copy of the dedup state in which ``doc_ids`` no longer exist: a later deduplicate() never
    matches a document against them, and a document with one of their ids is new again.

    Incremental runs call this with the documents that are no longer live (their input was removed,
    or replaced by a new version) so duplicates are judged among live documents only: an edited
    document is not a near-duplicate of its own old version, a renamed file not an exact duplicate of
    its old name. The rows stay (segment offsets index them; history is not rewritten) under the id
    "forgotten:<row>:<doc_id>", unmatchable (no words, no LSH keys, so no story candidates either).
    Copy clusters and stories that lose members are re-formed among their live members: one live
    member left is no cluster / a story of its own; a forgotten canonical is succeeded by the
    best-ranked live member (the canonical rule), and the other members stay only if their own link
    to it holds (no chaining) — the rest become unique / their own story.

    state_in is never modified; segments are hard-linked into state_out. Returns how many rows
    were forgotten.
    """
    params.validate()
    state_in, state_out = Path(state_in), Path(state_out)
    if state_out.exists() and any(state_out.iterdir()):
        raise FileExistsError(f"forget: state_out {state_out} exists and is not empty")
    old = load_state(state_in, params)
    if old.path is None:
        raise ValueError(f"forget: {state_in} holds no dedup state")
    state_out.mkdir(parents=True, exist_ok=True)
    for s in old.segments:
        for ext in SEGMENT_FILES:
            if (state_in / (s + ext)).exists():
                link_or_copy(state_in / (s + ext), state_out / (s + ext))
    meta = json.loads((state_in / "meta.json").read_text())
    meta["params"] = params.result_params()  # the story columns exist now (upgraded on load)
    docs = old.docs
    gone = docs["doc_id"].isin(set(doc_ids)).to_numpy()
    if not gone.any():
        docs.to_parquet(state_out / "docs.parquet", index=False)
        (state_out / "meta.json").write_text(json.dumps(meta, indent=1))
        return 0
    ids = docs["doc_id"].to_numpy(dtype=object).copy()
    gone_ids = set(ids[gone].tolist())
    rows = np.flatnonzero(gone)
    ids[rows] = [f"{FORGOTTEN_PREFIX}{r}:{ids[r]}" for r in rows.tolist()]
    docs["doc_id"] = pd.array(ids, dtype="str")
    docs.loc[gone, "lsh"] = False
    docs.loc[gone, "n_words"] = 0
    sets = _Sets(state_in, old.segments, old.sorted_segments)
    try:
        _reform_copies(docs, gone, gone_ids, sets, params)
        _reform_stories(docs, gone, gone_ids, sets, params)
    finally:
        sets.store.close()
    _make_unique(docs, rows)
    _make_alone(docs, rows)
    docs.to_parquet(state_out / "docs.parquet", index=False)
    (state_out / "meta.json").write_text(json.dumps(meta, indent=1))  # last: a state without it is empty
    return len(rows)


def live_roles(state: Path) -> pd.DataFrame:
    """doc_id, the documents' dup columns and story_id (ROLE_COLUMNS) of every live document in a
    dedup state, plus the story evidence the latest view's duplicates table needs (story_jaccard,
    story_containment, story_method, copy_containment)."""
    cols = ["doc_id", "cluster_id", "canonical_doc_id", "is_canonical", "dup_method", "dup_similarity"]
    extra = ["content_hash", "sh_len", "story_id", "story_jaccard", "story_containment"]
    have = set(pq.read_schema(Path(state) / "docs.parquet").names)
    t = pd.read_parquet(Path(state) / "docs.parquet", columns=[c for c in cols + extra if c in have])
    if "story_id" not in t:  # a state from before stories: each copy cluster is a story
        t = with_story_columns(t)
    threshold = float(json.loads((Path(state) / "meta.json").read_text())["params"]["threshold"])
    canon_row = pd.Index(t["doc_id"]).get_indexer(t["canonical_doc_id"])
    la = t["sh_len"].to_numpy(dtype=np.float64)
    lb = la[canon_row]
    j = t["dup_similarity"].to_numpy(dtype=np.float64)
    inter = np.rint(j * (la + lb) / (1 + j))
    with np.errstate(invalid="ignore", divide="ignore"):
        c = np.minimum(1.0, inter / np.maximum(np.minimum(la, lb), 1))
    t["copy_containment"] = np.where(j >= 1.0, 1.0, np.round(c, 6))
    story_row = pd.Index(t["doc_id"]).get_indexer(t["story_id"])
    head = (t["story_id"] == t["doc_id"]).to_numpy()
    same = t["content_hash"].to_numpy(dtype=object) == t["content_hash"].to_numpy(dtype=object)[story_row]
    t["story_method"] = np.select(
        [head, same, t["story_jaccard"].to_numpy(dtype=np.float64) >= threshold],
        ["canonical", "exact", "near"],
        "contained",
    )
    live = ~t["doc_id"].astype(str).str.startswith(FORGOTTEN_PREFIX)
    t = t[live.to_numpy()].rename(columns={"cluster_id": "dup_cluster_id"})
    keep = ["doc_id", *ROLE_COLUMNS, "story_jaccard", "story_containment", "story_method", "copy_containment"]
    return t[keep].reset_index(drop=True)
