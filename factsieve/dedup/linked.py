"""The split rule on verified links (the story level's): every member is still placed with a canonical
it is verified against (no chaining), but "verified" is read from the links already verified instead
of being measured again, so placing a component costs a lookup per link, not an exact intersection
of every pending member with every canonical of its component.

Why: story links chain documents that share sentences into large components (at 400k documents of
the news benchmark profile one component needed more than 1,000 rounds of the measuring rule, and
that rule's intersections were 145 of 184 CPU-s; docs/BENCHMARKS.md "Story split rule at 1M").

The rule (same as cluster.assign apart from what counts as verified): a member and a canonical are
verified alike when their contents (content hashes) are the same, or a link of this run joins two
documents with those contents, or an earlier run placed a document with one content under a canonical
with the other (`earlier`). Similarity is a function of the content, so one verified pair of contents
stands for every pair of documents holding them. Round 0 offers a component linked to an earlier run
to its target's canonical; then, per component in the canonical rule's order, the best-ranked
unplaced member becomes a canonical and takes every unplaced member verified alike with it. What the
measuring rule would also find and this one does not: a member that verifies against a canonical with
no candidate pair between them (measured in docs/BENCHMARKS.md: at the margin).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from factsieve.dedup.cluster import Assignment, placement_start
from factsieve.dedup.table import DocTable, Edges

# rounds of the vectorised greedy before the rest is placed one node at a time (same result). A round
# decides every node whose better-ranked neighbours are decided; chains ranked in order need one round
# per node, which would cost a pass over all links each, so the remainder goes node by node instead.
VECTOR_ROUNDS = 32


def _member(values: np.ndarray, sorted_unique: np.ndarray) -> np.ndarray:
    if len(sorted_unique) == 0:
        return np.zeros(len(values), dtype=bool)
    pos = np.minimum(np.searchsorted(sorted_unique, values), len(sorted_unique) - 1)
    return sorted_unique[pos] == values


def lexicographic_heads(rank: np.ndarray, u: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, int]:
    """The greedy split over an undirected graph on nodes 0..n-1 (links u-v), nodes taken in rank order
    (distinct integers, smaller = better): a node whose better-ranked neighbours include a head joins
    the best-ranked such head, otherwise it is a head itself. Returns (head of every node, rounds).

    Computed in rounds, all at once: a node is decided once every better-ranked neighbour before its
    first head is decided (members are skipped, they neither take nor block anyone). The best-ranked
    undecided node is always decidable, so every round decides at least one node; after VECTOR_ROUNDS
    the rest is placed node by node in rank order, which gives the same result."""
    n = len(rank)
    head = np.full(n, -1, dtype=np.int64)
    hi = np.where(rank[u] < rank[v], u, v)  # the better-ranked end of each link
    lo = np.where(rank[u] < rank[v], v, u)
    keep = hi != lo
    hi, lo = hi[keep], lo[keep]
    order = np.lexsort((rank[hi], lo))  # per node, its better neighbours best first
    hi, lo = hi[order], lo[order]
    todo = np.ones(n, dtype=bool)
    rounds = 0
    while todo.any():
        live = todo[lo] & ((head[hi] < 0) | (head[hi] == hi))
        hi, lo = hi[live], lo[live]
        if rounds == VECTOR_ROUNDS:
            _heads_in_order(rank, hi, lo, head, todo)
            return head, rounds + 1
        rounds += 1
        first = np.flatnonzero(np.r_[True, lo[1:] != lo[:-1]]) if len(lo) else np.zeros(0, dtype=np.int64)
        f_hi, f_lo = hi[first], lo[first]
        joins = head[f_hi] == f_hi  # its best live better neighbour was a head before this round
        free = todo.copy()
        free[lo] = False  # every better neighbour is a member (or there is none): a head
        head[f_lo[joins]] = f_hi[joins]
        heads = np.flatnonzero(free)
        head[heads] = heads
        todo[f_lo[joins]] = False
        todo[heads] = False
    return head, rounds


def _heads_in_order(
    rank: np.ndarray, hi: np.ndarray, lo: np.ndarray, head: np.ndarray, todo: np.ndarray
) -> None:
    """The undecided nodes one at a time in rank order (hi, lo: live links sorted by lo, then rank of hi)."""
    nodes = np.flatnonzero(todo)
    nodes = nodes[np.argsort(rank[nodes], kind="stable")]
    start = np.searchsorted(lo, nodes, side="left").tolist()
    end = np.searchsorted(lo, nodes, side="right").tolist()
    h = head.tolist()
    better = hi.tolist()
    for x, s, e in zip(nodes.tolist(), start, end, strict=True):
        h[x] = next((y for y in better[s:e] if h[y] == y), x)
    head[:] = h


def _group_links(
    g_code: np.ndarray, g_comp: np.ndarray, keys: np.ndarray, n_codes: int
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of groups (one content within one component) whose contents are verified alike."""
    present = np.unique(g_code)
    c1, c2 = keys // n_codes, keys % n_codes
    sel = (c1 != c2) & _member(c1, present) & _member(c2, present)
    g = pd.DataFrame({"code": g_code, "comp": g_comp, "g": np.arange(len(g_code))})
    m = pd.DataFrame({"code": c1[sel], "c2": c2[sel]}).merge(g, on="code")
    m = m.merge(g.rename(columns={"code": "c2", "g": "g2"}), on=["c2", "comp"])
    return m["g"].to_numpy(dtype=np.int64), m["g2"].to_numpy(dtype=np.int64)


def assign_linked(
    t: DocTable,
    edges: Edges,
    earlier: tuple[np.ndarray, np.ndarray],
    old_cluster: np.ndarray,
    old_canon: np.ndarray,
) -> Assignment:
    """The split rule over the components of `edges` with verification read from the links (module
    docstring). earlier: (document, canonical) global index pairs an earlier run verified. A member
    placed by a link gets sim NaN (the caller measures what it reports); same content counts 1.0."""
    n_old, n_new = t.n_old, t.n_new
    comp, comp_size, target, bridges, pos = placement_start(t, edges, old_cluster, old_canon)
    n_codes = int(t.code.max()) + 1 if t.N else 1
    ca = t.code[np.concatenate([edges.a, earlier[0]])]
    cb = t.code[np.concatenate([edges.b, earlier[1]])]
    keys = np.unique(np.minimum(ca, cb) * n_codes + np.maximum(ca, cb))

    assigned = np.full(n_new, -1, dtype=np.int64)
    msim = np.full(n_new, np.nan)
    split = np.zeros(n_new, dtype=bool)
    pending = (comp_size[comp] >= 2) | (target[comp] >= 0)
    um = np.flatnonzero(pending & (target[comp] >= 0))  # round 0: the earlier run's canonical
    if len(um):
        c = target[comp[um]]
        cm, cc = t.code[um + n_old], t.code[c]
        same = cm == cc
        ok = same | _member(np.minimum(cm, cc) * n_codes + np.maximum(cm, cc), keys)
        assigned[um[ok]] = c[ok]
        msim[um[ok & same]] = 1.0
        pending[um[ok]] = False
        split[um[~ok]] = True  # offered to the earlier canonical and not verified with it
    r = np.flatnonzero(pending)
    rounds = 1 if len(um) else 0
    if len(r):
        code_r = t.code[r + n_old]
        uniq, gid = np.unique(comp[r] * n_codes + code_r, return_inverse=True)
        by_rank = np.argsort(pos[r + n_old], kind="stable")
        first = np.unique(gid[by_rank], return_index=True)[1]
        g_best = r[by_rank[first]]  # best-ranked document of each group (new index)
        gu, gv = _group_links(uniq % n_codes, uniq // n_codes, keys, n_codes)
        head, k = lexicographic_heads(pos[g_best + n_old], gu, gv)
        rounds += k
        canon = g_best[head[gid]]
        assigned[r] = canon + n_old
        msim[r[code_r == t.code[canon + n_old]]] = 1.0
        # a member failed against a canonical unless it joined its component's first one (components
        # with an earlier target: every member here already failed in round 0)
        comp_first = np.full(n_new, -1, dtype=np.int64)
        labels, at = np.unique(comp[r[by_rank]], return_index=True)
        comp_first[labels] = r[by_rank[at]]
        split[r] |= canon != comp_first[comp[r]]
    return Assignment(assigned, msim, split, rounds, 0, bridges)
