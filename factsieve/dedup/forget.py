"""Forgetting: documents removed from the inputs or replaced by a new version leave the dedup state's
matching, so duplicates and stories are judged among live documents only; and the live roles the
latest view reads."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from factsieve.dedup.facts import (
    MIN_FIGURES,
    MIN_QUOTES,
    MIN_SHARED_TEXT,
    QUOTE_TAG,
    SPECIFIC_STORIES,
    fact_test,
)
from factsieve.dedup.inputs import NO_DATE, ns, obj, rank_key
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


def _reform(
    group: np.ndarray,
    canonical: np.ndarray,
    gone: np.ndarray,
    gone_ids: set,
    order: Callable[[np.ndarray], np.ndarray],
    link: Callable[[int, int], tuple | None],
    single: Callable,
    place: Callable[[int, int, tuple | None], None],
) -> None:
    """Groups (copy clusters or stories: group = their id per row, canonical = the canonical's doc_id)
    that lost members: one live member left is no group; a forgotten canonical is succeeded by the
    best-ranked live member (order: the canonical rule), and the others stay only if their own link to
    it holds (no chaining: link(head, row) -> evidence or None) — the rest are single(rows).
    place(row, head, evidence) writes a role (evidence None: the head itself). Works on arrays updated
    in place (a .loc assignment per row on the state frame cost ~10 ms each: 55 s for 3,000 forgotten
    documents at 220k), with the affected groups' live members found in one pass."""
    affected = set(group[gone][pd.notna(group[gone])].tolist())
    live_in = np.flatnonzero(pd.Series(group).isin(affected).to_numpy() & ~gone)
    by_group = pd.Series(live_in).groupby(group[live_in]).agg(list).to_dict() if len(live_in) else {}
    for gid in sorted(affected):
        members = np.array(sorted(by_group.get(gid, [])), dtype=np.int64)
        if len(members) <= 1:
            single(members)
            continue
        if canonical[members[0]] not in gone_ids:
            continue  # its canonical is live: every live member was verified against it
        ranked = members[order(members)]
        head = int(ranked[0])
        kept = []
        for r in ranked[1:].tolist():
            ev = link(head, r)
            if ev is None:
                single(r)
            else:
                kept.append((r, ev))
        if not kept:
            single(head)
            continue
        place(head, head, None)
        for r, ev in kept:
            place(r, head, ev)


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
    p = params
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
    n_gone = int(gone.sum())
    if n_gone:
        _forget_rows(docs, gone, old, state_in, p)
    docs.to_parquet(state_out / "docs.parquet", index=False)
    (state_out / "meta.json").write_text(json.dumps(meta, indent=1))  # last: a state without it is empty
    return n_gone


# Long on purpose: one in-place pass over the state's role arrays (copy and story level);
# splitting would copy the arrays between helpers
def _forget_rows(  # noqa: C901, PLR0915
    docs: pd.DataFrame, gone: np.ndarray, old, state_in: Path, p: DedupParams
) -> None:
    """Rename the gone rows, make them unmatchable and single, re-form what they leave (in place)."""
    ids = docs["doc_id"].to_numpy(dtype=object).copy()
    gone_ids = set(ids[gone].tolist())
    rows = np.flatnonzero(gone)
    cl, canon, method = obj(docs["cluster_id"]), obj(docs["canonical_doc_id"]), obj(docs["dup_method"])
    is_can = docs["is_canonical"].to_numpy(dtype=bool).copy()
    simil = docs["dup_similarity"].to_numpy(dtype=np.float64).copy()
    sid = obj(docs["story_id"])
    s_j = docs["story_jaccard"].to_numpy(dtype=np.float64).copy()
    s_c = docs["story_containment"].to_numpy(dtype=np.float64).copy()
    chash = docs["content_hash"].to_numpy(dtype=object)
    seg, off, ln = (docs[c].to_numpy(dtype=np.int64) for c in ("seg", "sh_off", "sh_len"))
    fg_off, fg_slots, fg_len = (docs[c].to_numpy(dtype=np.int64) for c in ("fg_off", "fg_slots", "fg_len"))
    fg_vals = docs["fg_values"].to_numpy(dtype=np.int64)  # facts: figures and names (facts.py)
    fg_len = fg_len - fg_vals  # slots and filled slots only
    pub = ns(docs["published_at"])
    pub = np.where(pub == np.iinfo(np.int64).min, NO_DATE, pub)
    quality = docs["quality_score"].to_numpy(dtype=np.float64)
    sorted_seg = [s in old.sorted_segments for s in old.segments]
    store, fig_store = ShingleStore(), ShingleStore()
    cache: dict[int, np.ndarray] = {}

    def shingles(r: int) -> np.ndarray:
        if r not in cache:
            vals = store.read(int(seg[r]), off[r : r + 1], ln[r : r + 1])
            cache[r] = vals if sorted_seg[seg[r]] else np.unique(vals)
        return cache[r]

    def compare(head: int, r: int) -> tuple[float, float, int]:
        """(Jaccard, containment, shared shingles) of two rows."""
        a, b = shingles(head), shingles(r)
        if not len(a) or not len(b):
            return 0.0, 0.0, 0
        inter = len(np.intersect1d(a, b, assume_unique=True))
        return inter / (len(a) + len(b) - inter), inter / min(len(a), len(b)), inter

    def figures_agree(head: int, r: int) -> bool:
        """The templated-text rule of both levels (figures.figures_agree) for one pair."""
        if min(fg_slots[head], fg_slots[r]) < p.story_min_figures:
            return True
        a, b = (fig_store.read(int(seg[x]), fg_off[x : x + 1], fg_len[x : x + 1]) for x in (head, r))
        ns_a, ns_b = fg_slots[head], fg_slots[r]
        shared = len(np.intersect1d(a[:ns_a], b[:ns_b], assume_unique=True))
        same = len(np.intersect1d(a[ns_a:], b[ns_b:], assume_unique=True))
        return shared < p.story_min_figures or same >= p.story_figure_share * shared

    index: list[np.ndarray] = []  # sorted facts of every live document and their rows: on first need

    def facts(r: int) -> np.ndarray:
        return fig_store.read(int(seg[r]), fg_off[r : r + 1] + fg_len[r : r + 1], fg_vals[r : r + 1])

    def holders() -> tuple[np.ndarray, np.ndarray]:
        """(sorted fact keys, row) of the live documents the rewrite rule reads (>= MIN_FIGURES
        facts). Read once, only when a story that lost its canonical has a member the text rule
        does not keep (a state's facts are ~120 B a document)."""
        if not index:
            live = ~pd.Series(ids).astype(str).str.startswith(FORGOTTEN_PREFIX).to_numpy() & (
                fg_vals >= MIN_FIGURES
            )
            keys, rows_ = [np.zeros(0, dtype=np.uint32)], [np.zeros(0, dtype=np.int64)]
            for s_i in np.unique(seg[live]).tolist():
                r = np.flatnonzero(live & (seg == s_i))
                keys.append(fig_store.read(s_i, fg_off[r] + fg_len[r], fg_vals[r]))
                rows_.append(np.repeat(r, fg_vals[r]))
            k, rw = np.concatenate(keys), np.concatenate(rows_)
            o = np.argsort(k, kind="stable")
            index.extend([k[o], rw[o]])
        return index[0], index[1]

    def rewrite_link(head: int, r: int, inter: int) -> bool:
        """The rewrite rule (facts.py) for one pair, with the documents and stories of this state
        holding each fact: the same tests as linking (a fact is rare when <= story_max_key_docs
        live documents hold it, specific when <= SPECIFIC_STORIES stories do). The stories counted
        are the state's (a rewrite already joined its release's story counts with it), so a fact
        can only be as specific here as it was when the pair was linked, or more."""
        if min(fg_vals[head], fg_vals[r]) < MIN_FIGURES or inter < MIN_SHARED_TEXT:
            return False
        keys, rows_ = holders()
        rare, quotes = [], []
        for x in (head, r):
            f = facts(x)
            quote = (f & 3) == QUOTE_TAG  # read per pair, never rare or not (facts.shared_quotes)
            quotes.append(f[quote])
            f = f[~quote]
            lo, hi = np.searchsorted(keys, f, "left"), np.searchsorted(keys, f, "right")
            rare.append(f[hi - lo <= p.story_max_key_docs])
        shared = np.intersect1d(rare[0], rare[1], assume_unique=True)
        lo, hi = np.searchsorted(keys, shared, "left"), np.searchsorted(keys, shared, "right")
        n_stories = np.array([len(set(sid[rows_[a:b]].tolist())) for a, b in zip(lo, hi, strict=True)])
        spec, name = n_stories <= SPECIFIC_STORIES, (shared & 1).astype(bool)
        n_name = np.array([int((f & 1).sum()) for f in rare])
        n_fig = np.array([len(f) for f in rare]) - n_name
        one = np.zeros(1, dtype=np.int64)
        ok, by_names = fact_test(
            one + len(shared),
            one + name.sum(),
            one + spec.sum(),
            one + (spec & ~name).sum(),
            n_fig,
            n_name,
            one,
            one + 1,
        )
        if by_names[0]:  # the names path also asks for a shared quote (quotes.py)
            return len(np.intersect1d(quotes[0], quotes[1], assume_unique=True)) >= MIN_QUOTES
        return bool(ok[0])

    def order(members: np.ndarray) -> np.ndarray:
        return rank_key(quality[members], pub[members], ids[members])

    # copies
    def unique(r) -> None:  # the state's form of a document in no copy cluster
        cl[r], canon[r], is_can[r], method[r], simil[r] = None, ids[r], True, None, np.nan

    def copy_link(head: int, r: int) -> tuple | None:
        if chash[r] == chash[head]:
            return ("exact", 1.0)
        j = compare(head, r)[0]
        return ("near", round(j, 6)) if j >= p.threshold and figures_agree(head, r) else None

    def copy_place(r: int, head: int, ev: tuple | None) -> None:
        how, sim = ev if ev is not None else (None, 1.0)
        cl[r], canon[r], is_can[r], method[r], simil[r] = (
            cluster_id_for(str(ids[head])),
            ids[head],
            r == head,
            how,
            sim,
        )

    # stories: the link is containment >= story_containment with >= story_min_shared shared
    # shingles or a copy by Jaccard, with agreeing figures; or the same content hash
    def alone(r) -> None:
        sid[r], s_j[r], s_c[r] = ids[r], np.nan, np.nan

    def story_link(head: int, r: int) -> tuple | None:
        if chash[r] == chash[head]:
            return (1.0, 1.0)
        j, c, inter = compare(head, r)
        text = c >= p.story_containment and inter >= p.story_min_shared
        ok = (text or j >= p.threshold) and figures_agree(head, r)
        # a rewrite (facts.py) keeps its story with the same evidence that linked it; one template
        # (containment >= story_containment) must also agree on its figure slots, as in linking
        ok = ok or (rewrite_link(head, r, inter) and (c < p.story_containment or figures_agree(head, r)))
        return (round(j, 6), round(c, 6)) if ok else None

    def story_place(r: int, head: int, ev: tuple | None) -> None:
        sid[r], (s_j[r], s_c[r]) = ids[head], (ev if ev is not None else (1.0, 1.0))

    try:
        for s in old.segments:
            store.add(state_in / (s + ".shingles.u32"))
            fig_store.add(state_in / (s + ".figures.u32"), optional=True)
        ids[rows] = [f"{FORGOTTEN_PREFIX}{r}:{ids[r]}" for r in rows.tolist()]
        _reform(cl, canon, gone, gone_ids, order, copy_link, unique, copy_place)
        _reform(sid, sid, gone, gone_ids, order, story_link, alone, story_place)
    finally:
        store.close()
        fig_store.close()
    unique(rows)
    alone(rows)
    docs["doc_id"] = pd.array(ids, dtype="str")
    docs.loc[gone, "n_words"] = 0
    for col, arr in (
        ("cluster_id", cl),
        ("canonical_doc_id", canon),
        ("dup_method", method),
        ("story_id", sid),
    ):
        docs[col] = pd.Series(arr, index=docs.index, dtype=docs[col].dtype)
    docs["is_canonical"] = is_can
    docs["dup_similarity"] = simil
    docs["story_jaccard"] = s_j
    docs["story_containment"] = s_c
    _hand_on_lsh(docs, gone)


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
    params = json.loads((Path(state) / "meta.json").read_text())["params"]
    threshold = float(params["threshold"])
    story_containment = float(params.get("story_containment", 0.5))
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
        [
            head,
            same,
            t["story_jaccard"].to_numpy(dtype=np.float64) >= threshold,
            t["story_containment"].to_numpy(dtype=np.float64) >= story_containment,
        ],
        ["canonical", "exact", "near", "contained"],
        "rewrite",  # placed by the rewrite rule (facts.py): below the story containment
    )
    live = ~t["doc_id"].astype(str).str.startswith(FORGOTTEN_PREFIX)
    t = t[live.to_numpy()].rename(columns={"cluster_id": "dup_cluster_id"})
    keep = ["doc_id", *ROLE_COLUMNS, "story_jaccard", "story_containment", "story_method", "copy_containment"]
    return t[keep].reset_index(drop=True)


def _hand_on_lsh(docs: pd.DataFrame, gone: np.ndarray) -> None:
    """The forgotten rows lose the LSH flag, and a live exact copy takes it over from them.

    Only one document per content hash carries the flag (exact.exact_groups: its exact copies are
    linked to it, not banded), and the story level's candidates come from the same flag. When that
    representative is forgotten while an exact copy lives on, the copy takes the flag over (its
    stored band keys and samples are the same, computed from the same text); otherwise the copy
    could never again be found as a near duplicate or a story member of a later document — as it
    would be in a run from scratch, where it is the representative (found by the latest-view soak,
    tests/output/latest_sequences.py: a file swapped away from its exact copy, then the copy edited)."""
    lsh = docs["lsh"].to_numpy(dtype=bool).copy()
    chash = docs["content_hash"].astype(object).to_numpy()
    lost = set(chash[gone & lsh].tolist())
    lsh[gone] = False
    if not lost:
        docs["lsh"] = lsh
        return
    live = ~gone & (docs["n_words"].to_numpy() > 0) & pd.Series(chash).isin(lost).to_numpy()
    kept = set(chash[live & lsh].tolist())
    heirs = pd.DataFrame({"h": chash, "can": docs["is_canonical"].to_numpy(dtype=bool)})
    heirs = heirs[live & ~lsh & ~heirs["h"].isin(kept).to_numpy()]
    # the copy cluster's canonical if it is one of them, else the earliest row: any would do, the
    # keys are the same, but the choice is deterministic
    heirs = heirs.sort_values("can", ascending=False, kind="stable").drop_duplicates("h")
    lsh[heirs.index.to_numpy()] = True
    docs["lsh"] = lsh
