"""Cluster phase: connected components of the verified edges, split so that every member is verified
against its canonical itself (no chaining), then the cluster columns of every document in the state.

A component linked to old documents targets the old cluster of its strongest link (old clusters are
never merged). Round 0 offers its members to that cluster's canonical; then repeatedly the best-ranked
unassigned member becomes a canonical and takes every unassigned member of its component with
similarity >= threshold to it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from factsieve.dedup.inputs import obj, rank_key
from factsieve.dedup.params import cluster_id_for
from factsieve.dedup.table import DocTable, Edges

MAX_ROUNDS = 1000


@dataclass
class Assignment:
    """Per new document: the global index of its canonical (-1 = none) and its similarity to it."""

    canon: np.ndarray
    sim: np.ndarray
    split: np.ndarray  # bool: failed against a canonical at least once (chained)
    rounds: int = 0
    pending_left: int = 0
    bridges: int = 0


@dataclass
class ClusterColumns:
    """Cluster fields of every document in the state (old rows first), and the clusters touched."""

    cluster_id: np.ndarray
    canonical: np.ndarray
    is_canonical: np.ndarray
    method: np.ndarray
    similarity: np.ndarray
    touched: set[str] = field(default_factory=set)


def old_targets(
    t: DocTable, comp: np.ndarray, links: Edges, old_cluster: np.ndarray, old_canon: np.ndarray
) -> tuple[np.ndarray, int]:
    """Per component label: global index of the old canonical it targets (-1: none), and the number
    of links to other old clusters that were ignored (bridges)."""
    target = np.full(t.n_new, -1, dtype=np.int64)
    if len(links) == 0:
        return target, 0
    o = links.b
    has_cl = pd.notna(old_cluster[o])
    tcanon = np.where(has_cl, old_canon[o], t.doc_id[o])
    tkey = np.where(has_cl, old_cluster[o], "solo:" + t.doc_id[o].astype(str))
    df = pd.DataFrame({"comp": comp[links.a - t.n_old], "sim": links.sim, "tcanon": tcanon, "tkey": tkey})
    bridges = int((df.groupby("comp")["tkey"].nunique() - 1).sum())
    best = df.sort_values(["comp", "sim", "tcanon"], ascending=[True, False, True]).drop_duplicates("comp")
    target[best["comp"].to_numpy()] = pd.Index(t.doc_id[: t.n_old]).get_indexer(best["tcanon"].to_numpy())
    return target, bridges


def placement_start(
    t: DocTable, edges: Edges, old_cluster: np.ndarray | None = None, old_canon: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, np.ndarray]:
    """What every split rule starts from: the component label and component size of each new
    document (over new-new edges), the old canonical each component targets (-1: none), the bridges
    ignored, and every document's position in the canonical rule's order (global index -> rank)."""
    old_cluster = t.old_cluster if old_cluster is None else old_cluster
    old_canon = t.old_canon if old_canon is None else old_canon
    nn = edges.b >= t.n_old
    comp = components(t.n_new, edges.a[nn] - t.n_old, edges.b[nn] - t.n_old)
    comp_size = np.bincount(comp, minlength=t.n_new)
    lk = ~nn
    target, bridges = old_targets(
        t, comp, Edges(edges.a[lk], edges.b[lk], edges.sim[lk]), old_cluster, old_canon
    )
    pos = np.empty(t.N, dtype=np.int64)
    pos[rank_key(t.quality, t.published, t.doc_id)] = np.arange(t.N)
    return comp, comp_size, target, bridges, pos


def assign(
    t: DocTable,
    edges: Edges,
    threshold: float,
    similarity: Callable[[np.ndarray, np.ndarray], np.ndarray],
    old_cluster: np.ndarray | None = None,
    old_canon: np.ndarray | None = None,
) -> Assignment:
    """The split rule over the components of `edges`; similarity(ga, gb) is the exact measure the
    edges were verified with (same content hash counts as 1.0 without reading shingles). Old
    documents belong to old_cluster / old_canon (default: the copy level's)."""
    n_old, n_new = t.n_old, t.n_new
    comp, comp_size, target, bridges, pos = placement_start(t, edges, old_cluster, old_canon)
    assigned = np.full(n_new, -1, dtype=np.int64)  # global idx of the member's canonical
    msim = np.full(n_new, np.nan)
    pending = (comp_size[comp] >= 2) | (target[comp] >= 0)
    split = np.zeros(n_new, dtype=bool)
    rnd = 0
    while pending.any() and rnd < MAX_ROUNDS:
        um = np.flatnonzero(pending)
        if rnd == 0:
            um = um[target[comp[um]] >= 0]
            canon_of_comp = target
        else:
            order = np.lexsort((pos[um + n_old], comp[um]))
            firsts = um[order][np.r_[True, comp[um[order]][1:] != comp[um[order]][:-1]]]
            canon_of_comp = np.full(n_new, -1, dtype=np.int64)
            canon_of_comp[comp[firsts]] = firsts + n_old
            assigned[firsts] = firsts + n_old
            msim[firsts] = 1.0
            pending[firsts] = False
            um = um[~np.isin(um, firsts)]
        if len(um):
            c = canon_of_comp[comp[um]]
            same = t.code[um + n_old] == t.code[c]
            sim = np.ones(len(um))
            sim[~same] = similarity(um[~same] + n_old, c[~same])
            ok = sim >= threshold
            assigned[um[ok]] = c[ok]
            msim[um[ok]] = sim[ok]
            pending[um[ok]] = False
            split[um[~ok]] = True
        rnd += 1
    # pending only after MAX_ROUNDS on a pathological component
    return Assignment(assigned, msim, split, rnd, int(pending.sum()), bridges)


def copy_columns(t: DocTable, old_docs: pd.DataFrame, a: Assignment) -> ClusterColumns:
    """Cluster fields of all documents: old rows keep theirs; new members join their canonical's
    cluster (an old one keeps its cluster_id; a new canonical, or an old unclustered doc that gains
    duplicates, gets cluster_id_for(its doc_id))."""
    n_old, n_new = t.n_old, t.n_new
    cl_id = np.concatenate([t.old_cluster, np.full(n_new, None, dtype=object)])
    canon = np.concatenate([t.old_canon, t.doc_id[n_old:]])
    is_can = np.concatenate([old_docs["is_canonical"].to_numpy(dtype=bool), np.ones(n_new, dtype=bool)])
    method = np.concatenate([obj(old_docs["dup_method"]), np.full(n_new, None, dtype=object)])
    simil = np.concatenate([old_docs["dup_similarity"].to_numpy(dtype=np.float64), np.full(n_new, np.nan)])
    mem = np.flatnonzero((a.canon >= 0) & (a.canon != t.new_global))  # new non-canonical members
    touched: set[str] = set()
    if len(mem):
        cg = a.canon[mem]
        cid_of = {}
        for h in np.unique(cg).tolist():
            if h < n_old and t.old_cluster[h] is not None:
                cid_of[h] = t.old_cluster[h]
            else:  # a new canonical, or an old unclustered doc that gains duplicates
                cid_of[h] = cluster_id_for(t.doc_id[h])
                cl_id[h], canon[h], is_can[h], method[h], simil[h] = cid_of[h], t.doc_id[h], True, None, 1.0
        touched = set(cid_of.values())
        g = mem + n_old
        cl_id[g] = np.array([cid_of[h] for h in cg.tolist()], dtype=object)
        canon[g] = t.doc_id[cg]
        is_can[g] = False
        same = t.code[g] == t.code[cg]
        method[g] = np.where(same, "exact", "near").astype(object)
        simil[g] = np.where(same, 1.0, np.round(a.sim[mem], 6))
    return ClusterColumns(cl_id, canon, is_can, method, simil, touched)


def components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Connected components of an undirected graph on 0..n-1 (label = a member index): min-label
    hooking plus pointer jumping, vectorised; a few passes for the small components dedup produces."""
    lab = np.arange(n, dtype=np.int64)
    if len(a) == 0:
        return lab
    while True:
        m = np.minimum(lab[a], lab[b])
        new = lab.copy()
        for x in (a, b, lab[a], lab[b]):
            np.minimum.at(new, x, m)
        while True:
            nxt = new[new]
            if np.array_equal(nxt, new):
                break
            new = nxt
        if np.array_equal(new, lab):
            return lab
        lab = new
