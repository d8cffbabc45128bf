"""deduplicate(): the driver over the phases (featurise -> exact -> LSH -> verify -> cluster ->
outputs), with the state directory read from state_in and written new to state_out."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from factsieve.dedup.cluster import assign, copy_columns
from factsieve.dedup.exact import exact_groups
from factsieve.dedup.facts import fact_candidates, verify_fact_pairs
from factsieve.dedup.features import Features, feature_batches
from factsieve.dedup.figures import agreeing_edges, copy_similarity
from factsieve.dedup.inputs import prepare_input, str_order
from factsieve.dedup.lsh import anchor_order, lsh_candidates
from factsieve.dedup.outputs import assignments_frame, duplicates_frame, input_rows, write_state_table
from factsieve.dedup.params import DedupParams, DedupResult
from factsieve.dedup.state import OldState, ShingleStore, finish_state, load_state, write_new_segment
from factsieve.dedup.story import stories, story_pairs, story_text, verify_story_pairs
from factsieve.dedup.table import Edges, build_table
from factsieve.dedup.verify import ShingleSets, verify_pairs
from factsieve.runstats import Stopwatch, peak_rss_mb


@dataclass
class _NewDocs:
    """This run's documents not yet in the state, in doc_id order, and where their features come from."""

    frame: pd.DataFrame  # doc_id, quality_score, published_ns
    new_pos: np.ndarray  # input row of each new doc
    texts: pa.Array | None  # texts to featurise here (None with precomputed features)
    text_to_new: np.ndarray  # texts row (or, with features, input row) -> new position (-1: known)
    feats: tuple[list[Features], list[np.ndarray]] | None  # precomputed parts and their input rows


def _check_state_out(state_in: Path | None, state_out: Path | None) -> None:
    if state_out is None:
        return
    if state_in is not None and Path(state_in).resolve() == Path(state_out).resolve():
        raise ValueError("deduplicate: state_out must be a new directory, not state_in")
    if Path(state_out).exists() and any(Path(state_out).iterdir()):
        raise FileExistsError(f"deduplicate: state_out {state_out} exists and is not empty")


def _match_features(parts: list[Features], index: pd.Index, params: DedupParams) -> list[np.ndarray]:
    """Input rows of each precomputed part. The parts are used one at a time and never concatenated
    (that copy was the largest transient of the global step)."""
    if any(f.params != params.key() for f in parts):
        raise ValueError("deduplicate: features were prepared with different DedupParams")
    seen = np.zeros(len(index), dtype=bool)
    part_pos, total = [], 0
    for f in parts:
        pos = index.get_indexer(f.doc_ids())
        if (pos < 0).any():
            raise ValueError("deduplicate: features must cover exactly the doc_ids of docs, once each")
        seen[pos] = True
        total += len(pos)
        part_pos.append(pos)
    if total != len(index) or int(seen.sum()) != total:
        raise ValueError("deduplicate: features must cover exactly the doc_ids of docs, once each")
    return part_pos


def _new_docs(
    inp: pd.DataFrame, text_pa: pa.Array | None, index: pd.Index, old: OldState, features, params
) -> tuple[_NewDocs, np.ndarray]:
    """(the new documents, bool per input row: already in the state)."""
    feats = None
    if features is not None:
        parts = list(features)
        feats = (parts, _match_features(parts, index, params))
    # documents already in the state are not reprocessed (idempotent re-runs); only their rows are returned
    known = inp["doc_id"].isin(set(old.docs["doc_id"])).to_numpy() if len(old) else np.zeros(len(inp), bool)
    # new docs are processed in doc_id order so results do not depend on input row order
    ids = inp["doc_id"].to_numpy(dtype=object)
    new_pos = np.flatnonzero(~known)
    new_pos = new_pos[str_order(ids[new_pos])]
    texts = None
    if feats is not None:
        text_to_new = np.full(len(inp), -1, dtype=np.int64)  # input row -> new-doc position (-1: known)
        text_to_new[new_pos] = np.arange(len(new_pos))
    elif len(new_pos) == len(inp):
        # featurize in input order (zero-copy slices) and place each row by its doc_id rank: gathering
        # all texts into doc_id order first would copy every byte once more
        texts, text_to_new = text_pa, np.empty(len(new_pos), dtype=np.int64)
        text_to_new[new_pos] = np.arange(len(new_pos))
    else:
        texts = text_pa.take(pa.array(new_pos, type=pa.int64()))
        text_to_new = np.arange(len(new_pos))
    frame = inp.iloc[new_pos].reset_index(drop=True)
    return _NewDocs(frame, new_pos, texts, text_to_new, feats), known


def deduplicate(
    docs: pd.DataFrame,
    params: DedupParams = DedupParams(),  # noqa: B008 - frozen dataclass, safe as a default
    state_in: Path | None = None,
    state_out: Path | None = None,
    features: Sequence[Features] | None = None,
) -> DedupResult:
    """Flag exact and near duplicates in docs (plus everything in state_in); see the package docstring.

    features: the prepare() results of docs, in any batching and order, covering exactly docs'
    doc_ids; when given, nothing is re-featurized (documents already in state_in are skipped as usual)
    and docs needs no text column (doc_id, plus quality_score/published_at for the canonical rule)."""
    params.validate()
    t_start = time.perf_counter()
    timer = Stopwatch()
    _check_state_out(state_in, state_out)
    inp, text_pa, index = prepare_input(docs, need_text=features is None)
    old = load_state(state_in, params)
    new, known = _new_docs(inp, text_pa, index, old, features, params)
    del index, text_pa
    timer.lap("load")

    seg_name = f"seg-{len(old.segments):05d}"
    tmpdir = None
    if state_out is not None:
        work_dir = Path(state_out)
        work_dir.mkdir(parents=True, exist_ok=True)
    else:
        tmpdir = tempfile.TemporaryDirectory(prefix="factsieve-dedup-")
        work_dir = Path(tmpdir.name)
    try:
        result, stats = _run(inp, new, old, work_dir, seg_name, params, timer, state_out is not None)
        if state_out is not None:
            t = time.perf_counter()
            finish_state(old, work_dir, seg_name, params, len(old) + len(new.new_pos))
            timer.lap("write_state", since=t)
    finally:
        if tmpdir is not None:
            tmpdir.cleanup()

    n_new = len(new.new_pos)
    stats.update(
        {
            "docs": int(len(inp)),
            "docs_new": int(n_new),
            "docs_known": int(known.sum()),
            "docs_in_state": int(len(old) + n_new),
            "features_precomputed": new.feats is not None,
            "timings_s": timer.rounded(4),
            "total_s": round(time.perf_counter() - t_start, 4),
            "peak_rss_mb": round(peak_rss_mb(), 1),
        }
    )
    return DedupResult(result[0], result[1], stats)


# Long on purpose: the driver reads as the list of phases in order (load, featurise, exact, LSH,
# verify, cluster, stories, outputs, state), each one call into its module with its timer lap.
def _run(
    inp: pd.DataFrame,
    new: _NewDocs,
    old: OldState,
    work_dir: Path,
    seg_name: str,
    p: DedupParams,
    timer: Stopwatch,
    write_state: bool,
) -> tuple[tuple[pd.DataFrame, pd.DataFrame], dict]:
    new_ids = new.frame["doc_id"].to_numpy(dtype=object)
    batches = feature_batches(new.texts, new.text_to_new, new.feats, new_ids, p)
    seg = write_new_segment(batches, len(new_ids), work_dir, seg_name, p.bands, p.sample_bits)
    timer.lap("featurize" if new.feats is None else "spill_features")

    t = build_table(old, new.frame, seg)
    store, fig_store = ShingleStore(), ShingleStore()
    try:
        for i in range(len(old.segments)):
            store.add(old.segment_file(i, ".shingles.u32"))
        store.add(seg.shingles_path)
        for i in range(len(old.segments)):
            fig_store.add(old.segment_file(i, ".figures.u32"), optional=True)
        fig_store.add(work_dir / (seg_name + ".figures.u32"))
        seg_sorted = np.array([s in old.sorted_segments for s in old.segments] + [True])
        sets = ShingleSets(store, t, seg_sorted)
        figs = ShingleSets.figures(fig_store, t)

        ex = exact_groups(t, old.docs, p.min_words)
        timer.lap("exact")
        pairs, lsh_st = lsh_candidates(
            old, seg.band_parts, ex.lsh_new, p.bands, p.max_bucket_pairs, lambda: anchor_order(t)
        )
        seg.band_parts.clear()
        timer.lap("lsh")
        ver = verify_pairs(pairs, t.N, sets, p.threshold, lambda i, a, b: story_text(i, a, b, p))
        # a copy needs agreeing figures too (figures.py); exact edges hold one content: same figures
        near, copy_disagree = agreeing_edges(figs, ver.edges, p)
        edges = Edges.concat([ex.edges, near])
        timer.lap("verify")
        a = assign(t, edges, p.threshold, copy_similarity(sets, figs, p))
        cols = copy_columns(t, old.docs, a)
        timer.lap("cluster")
        # story level: representatives with enough shingles to share story_min_shared of them
        old_lsh = old.docs["lsh"].to_numpy(dtype=bool)
        eligible = np.concatenate([old_lsh, ex.lsh_new]) & (t.sh_len >= p.story_min_shared)
        spairs, n_boiler = story_pairs(t, old, seg.samples, pairs, ver.settled, eligible, p)
        del pairs
        n_settled, ver.settled = int(ver.settled.sum()), ver.settled[:0]
        seg.samples = None
        sver = verify_story_pairs(t, sets, figs, spairs, ver, edges, p)
        del spairs
        # rewrites in other words: pairs that share their rare figures (facts.py)
        st = stories(
            t,
            sets,
            figs,
            sver.edges,
            old,
            p,
            lambda sc: verify_fact_pairs(t, sets, figs, fact_candidates(t, figs[2], eligible, sc, p), p),
        )
        fver = st.rewrites
    finally:
        store.close()
        fig_store.close()
    timer.lap("story")

    lsh = np.concatenate([old.docs["lsh"].to_numpy(dtype=bool), ex.lsh_new])
    if write_state:  # written in row slices before the other outputs are built; nothing if not wanted
        write_state_table(work_dir / "docs.parquet", t, lsh, cols, st)
    rows = input_rows(t, inp["doc_id"].to_numpy(dtype=object), new.new_pos)
    assignments = assignments_frame(t, cols, st, rows)
    duplicates = duplicates_frame(t, cols, st, p.threshold, p.story_containment)
    timer.lap("output")

    new_in = rows >= t.n_old
    meth = assignments["dup_method"].to_numpy()
    state_bytes = (
        int(t.N) * (8 * 6 + 1 + 1)  # numeric columns
        + int(sum(len(x) for x in t.doc_id.tolist()))
        + 32 * int(t.N)  # doc_id + content hash text
        + int(t.n_new) * p.bands * 8  # band keys of this run's docs
        + seg.peak_batch_bytes * max(1, p.workers) * 2
        + len(edges) * 24
    )
    stats = {
        "exact_dups": int(np.sum((meth == "exact") & new_in)),
        "near_dups": int(np.sum((meth == "near") & new_in)),
        "clusters_touched": len(cols.touched),
        "clusters_total": int(pd.Series(cols.cluster_id).dropna().nunique()),
        "lsh_docs": lsh_st.docs,
        **lsh_st.as_stats(),
        "exact_edges": len(ex.edges),
        "candidate_pairs": ver.candidates,
        "verified_pairs": ver.candidates - ver.rejected,
        "copy_figures_disagree": copy_disagree,
        "rejected_pairs": ver.rejected,
        "rejected_by_size": ver.rejected_by_size,
        "split_from_chain": int(a.split.sum()),
        "cluster_rounds": a.rounds,
        "left_unclustered_after_round_cap": a.pending_left,
        "bridges_ignored": a.bridges,
        "story_candidate_pairs": sver.candidates,
        # LSH pairs the copy level intersected and found short of a story's shared text (not
        # story candidates since round 11; before, they were counted in story_candidate_pairs)
        "story_settled_by_copy": n_settled,
        "story_boilerplate_samples": n_boiler,
        "story_verified_pairs": sver.verified,
        # story candidates whose bound on shared shingles missed the thresholds: not read (shared_bound)
        "story_rejected_by_bound": sver.rejected_by_bound,
        "story_figures_disagree": sver.figures_disagree,
        # the rewrite rule (facts.py): pairs passing its figure test, those short of shared text,
        # and the links it made
        "rewrite_candidates": fver.candidates,
        "rewrite_too_little_text": fver.too_little_text,
        "rewrite_figures_disagree": fver.figures_disagree,
        "rewrite_links": len(fver.edges),
        "rewrite_links_by_names": fver.by_names,  # of them, pairs that passed by the names test only
        "story_split_from_chain": int(st.assignment.split.sum()),
        "story_split_rounds": st.assignment.rounds,  # vectorised rounds (+1 when finished node by node)
        "stories_touched": len(st.touched),
        "story_members_new": int(
            np.sum(
                assignments["story_id"].to_numpy(dtype=object)[new_in]
                != assignments["doc_id"].to_numpy(dtype=object)[new_in]
            )
        ),
        "peak_state_bytes_est": int(state_bytes),
    }
    return (assignments, duplicates), stats
