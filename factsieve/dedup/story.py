"""Story level: documents that share a source text (copies plus rewrites, truncations and extensions).

Candidates come from two sources: the copy level's LSH pairs, and pairs of documents sharing
containment samples (shingles whose hash has its low bits zero: a shared text yields the same samples
in both documents whatever their lengths, which banded MinHash tuned for Jaccard cannot promise).
Samples shared by more than story_max_key_docs documents are boilerplate and give no candidates.
Every candidate is verified exactly: containment (shared / shingles of the shorter text) >=
story_containment AND at least story_min_shared shared shingles AND, when they share enough figure
slots, the same figures in most of them (templated texts differ there; figures_agree), or a
copy-level edge.

Stories use the copy level's split rule on the verified links (linked.assign_linked): the story's
canonical is the best-ranked member (same rule as copies), every member has a verified story link
with it (no chaining: a near copy of an article that was appended to another text is not in that
other text's story), and an earlier run's stories keep their canonical and id (story_id = the story
canonical's doc_id; a document alone in its story has its own doc_id). Unlike the copy level, a
member is not measured against canonicals it has no link with: story components chain documents
that share sentences, and measuring every member against every canonical of a large one was the
cost of the story level at 1M documents (docs/DEDUP.md "Stories"). A member with links into two stories (a document
holding two texts) then joins the one whose canonical it shares clearly more with (rehome)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from factsieve.dedup.cluster import Assignment
from factsieve.dedup.facts import FactEdges, attach_rewrites
from factsieve.dedup.figures import Figures, figures_agree
from factsieve.dedup.inputs import rank_key
from factsieve.dedup.linked import assign_linked
from factsieve.dedup.lsh import bucket_members, member_pairs, unique_inplace
from factsieve.dedup.params import DedupParams
from factsieve.dedup.sample_bound import document_bound
from factsieve.dedup.shared_bound import SharedBound
from factsieve.dedup.state import OldState
from factsieve.dedup.table import DocTable, Edges
from factsieve.dedup.verify import PAIR_CHUNK, ShingleSets, Verified, containment, jaccard

_CHUNK = 1 << 22  # old sample entries examined at a time
# sample pairs (before counting) generated at a time. The pairs of one sample key grow with the square
# of the documents sharing it (~45 variants of a story at 1M stress: 77M pair codes, +2.8 GB of
# transients when made at once; docs/BENCHMARKS.md, "Dedup memory at 1M")
_PAIR_CHUNK = 1 << 22
# a sample candidate shares at least 1/SAMPLE_SHARE of the smaller document's samples. Containment
# >= 0.5 expects half. Tighter bounds were measured and not kept: 1/3 verifies 31% fewer sample
# pairs at 22k (same links, same syndication recall) but loses 25 of 48,357 links (13 story members)
# on the 220k stress profile; 1/3.5 still loses 8 (docs/BENCHMARKS.md, "Story candidates")
SAMPLE_SHARE = 4


def _old_samples(
    old: OldState, new_keys: np.ndarray, eligible: np.ndarray, total: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(key, global idx) of old documents' samples whose key is one of new_keys (sorted unique).
    total (per global idx) gets every old document's number of samples, whatever their keys."""
    keys, idx = [], []
    seg = old.docs["seg"].to_numpy(dtype=np.int64)
    for s_i in range(len(old.segments)):
        path = old.segment_file(s_i, ".samples.u64")
        rows = np.flatnonzero(seg == s_i)
        if not len(rows) or not path.exists() or len(new_keys) == 0:  # a segment from before stories
            continue
        if path.stat().st_size == 0:  # its documents were all too short to sample (np.memmap refuses)
            continue
        arr = np.memmap(path, dtype=np.uint64, mode="r")
        for lo in range(0, len(arr), _CHUNK):
            part = np.asarray(arr[lo : lo + _CHUNK])
            k = (part >> np.uint64(32)).astype(np.uint32)
            total += np.bincount(
                (part & np.uint64(0xFFFFFFFF)).astype(np.int64) + int(rows[0]), minlength=len(total)
            )
            hit = _member(k, new_keys)
            g = (part[hit] & np.uint64(0xFFFFFFFF)).astype(np.int64) + int(rows[0])
            ok = eligible[g]
            keys.append(k[hit][ok])
            idx.append(g[ok])
    if not keys:
        return np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int64)
    return np.concatenate(keys), np.concatenate(idx)


def _member(values: np.ndarray, sorted_unique: np.ndarray) -> np.ndarray:
    """values in sorted_unique (np.isin by binary search: no hash table, no sort of values)."""
    pos = np.searchsorted(sorted_unique, values)
    pos[pos == len(sorted_unique)] = 0
    return sorted_unique[pos] == values


def _runs(sorted_values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(start, length) of the runs of equal values of a sorted array."""
    if len(sorted_values) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    start = np.flatnonzero(np.r_[True, sorted_values[1:] != sorted_values[:-1]])
    return start, np.diff(np.r_[start, len(sorted_values)])


def sample_candidates(
    t: DocTable, old: OldState, samples: np.ndarray, eligible: np.ndarray, p: DedupParams
) -> tuple[np.ndarray, int]:
    """Pair codes (a*N + b, a < b, b new) of eligible documents sharing >= story_min_samples samples,
    at least 1/SAMPLE_SHARE of the smaller one's samples (containment >= 0.5 expects half; a
    looser bound so sampling noise costs no recall, tested on the syndication benchmark), and as many
    as the sample bound asks of a pair that can reach the story thresholds (sample_bound); and how
    many samples of this run's documents were boilerplate (held by more than story_max_key_docs
    documents: no pairs made from them, so a sample costs at most story_max_key_docs - 1 pairs)."""
    n_old, N = t.n_old, t.N
    ng = (samples & np.uint64(0xFFFFFFFF)).astype(np.int64) + n_old
    # every document's own number of samples, boilerplate included: the sample bound's m
    total = np.bincount(ng, minlength=N)
    ok = eligible[ng]
    nk = (samples[ok] >> np.uint64(32)).astype(np.uint32)  # sorted: samples are key << 32 | row
    ng = ng[ok]
    if len(nk) == 0:
        return np.zeros(0, dtype=np.int64), 0
    start, size = _runs(nk)
    # a key already in too many new documents is boilerplate whatever the old side holds
    keep = np.repeat(size <= p.story_max_key_docs, size)
    capped = np.bincount(ng[~keep], minlength=N)  # boilerplate samples per document (sample bound)
    nk, ng = nk[keep], ng[keep]
    if n_old:
        ok_, og = _old_samples(old, nk[_runs(nk)[0]], eligible, total)
        keys, idx = np.concatenate([ok_, nk]), np.concatenate([og, ng])
        order = np.lexsort((idx, keys))
        keys, idx = keys[order], idx[order]
        start, size = _runs(keys)
        keep = np.repeat(size <= p.story_max_key_docs, size)
        capped += np.bincount(idx[~keep], minlength=N)
        keys, idx = keys[keep], idx[keep]
    else:  # already sorted by (key, idx)
        keys, idx = nk, ng
    n_boiler = int(capped[n_old:].sum())
    n_samples = np.bincount(idx, minlength=N)
    # int32 per document: these live through the pair loop (8 B/doc less each than int64)
    need = document_bound(t.sh_len, total, p.story_containment, p.story_min_shared).astype(np.int32)
    bound = _Bound(t.sh_len, need, capped.astype(np.int32), n_old)
    del total, capped, need
    pos, cnt, start = bucket_members(keys, p.story_max_key_docs)
    b = idx[pos]
    new = b >= n_old  # a pair needs a new document, and b is the larger index
    pos, cnt, start, b = pos[new], cnt[new], start[new], b[new]
    del new
    # pairs counted per range of b: every pair of a document b is made, counted and filtered in one
    # chunk, so the result does not depend on the ranges, and only one chunk's pairs exist at a time
    per_doc = np.cumsum(np.bincount(b, weights=cnt, minlength=N))
    cuts = np.arange(1, int(per_doc[-1]) // _PAIR_CHUNK + 1) * _PAIR_CHUNK if len(per_doc) else []
    bounds = np.unique(np.r_[0, np.searchsorted(per_doc, cuts, side="right"), N])
    # each member's range as 2 bytes (b's 8 dropped): one narrow compare per range instead of two
    # over b (48 ranges at 1M news, each a pass over every member)
    dtype = np.uint16 if len(bounds) <= 1 << 16 else np.int32
    in_range = np.repeat(np.arange(len(bounds) - 1, dtype=dtype), np.diff(bounds))[b]
    del b, per_doc
    out = []
    for r in range(len(bounds) - 1):
        sel = np.flatnonzero(in_range == r)
        codes = member_pairs(idx, pos[sel], cnt[sel], start[sel], n_old, N)
        out.append(_counted(codes, n_samples, bound, N, p))
    return unique_inplace(out), n_boiler


@dataclass
class _Bound:
    """What the sample bound needs per document (global idx): shingles, the bound when it is a pair's
    shorter text, and its samples dropped as boilerplate (known in full for this run's documents;
    for an earlier run's only those whose key a new document holds)."""

    sh_len: np.ndarray
    bound: np.ndarray
    capped: np.ndarray
    n_old: int

    def passes(self, a: np.ndarray, b: np.ndarray, shared: np.ndarray) -> np.ndarray:
        """Shared samples plus the boilerplate samples the pair may share (not counted in `shared`;
        at most either side's: b's is known in full, a's too when it is new) reach the bound."""
        boiler = np.where(a >= self.n_old, np.minimum(self.capped[a], self.capped[b]), self.capped[b])
        return shared + boiler >= self.bound[np.where(self.sh_len[a] <= self.sh_len[b], a, b)]


def _counted(codes: np.ndarray, n_samples: np.ndarray, bound: _Bound, N: int, p: DedupParams) -> np.ndarray:
    """The unique pair codes (one per shared sample in codes) sharing >= story_min_samples samples,
    at least 1/SAMPLE_SHARE of the smaller document's samples, and enough for the sample bound."""
    codes.sort()
    start, shared = _runs(codes)
    # most pairs share a single sample: the cheap test first, the pair's documents only for the rest
    enough = shared >= p.story_min_samples
    codes, shared = codes[start[enough]], shared[enough]
    a, b = np.divmod(codes, N)
    keep = SAMPLE_SHARE * shared >= np.minimum(n_samples[a], n_samples[b])
    codes, shared, a, b = codes[keep], shared[keep], a[keep], b[keep]
    return codes[bound.passes(a, b, shared)]


@dataclass
class StoryEdges:
    edges: Edges  # verified story links (copy edges included), sim = containment
    candidates: int = 0
    verified: int = 0
    figures_disagree: int = 0  # pairs with enough shared text whose figures differ (templated texts)
    rejected_by_bound: int = 0  # pairs not read: their shared-shingle bound misses the thresholds


def story_text(inter: np.ndarray, la: np.ndarray, lb: np.ndarray, p: DedupParams) -> np.ndarray:
    """Enough shared text for a story link: containment >= story_containment and >= story_min_shared
    shared shingles (a link also needs agreeing figures, or is a copy edge)."""
    return (containment(inter, la, lb) >= p.story_containment) & (inter >= p.story_min_shared)


def story_linked(
    inter: np.ndarray, la: np.ndarray, lb: np.ndarray, agree: np.ndarray, p: DedupParams
) -> np.ndarray:
    """A story link: enough shared text, or a copy by Jaccard, with agreeing figures (a copy edge
    needs them too since round 11: figures.py)."""
    return (story_text(inter, la, lb, p) | (jaccard(inter, la, lb) >= p.threshold)) & agree


def verify_story_pairs(
    t: DocTable,
    sets: ShingleSets,
    figs: Figures,
    pairs: np.ndarray,
    copy: Verified,
    copy_edges: Edges,
    p: DedupParams,
) -> StoryEdges:
    """Exact containment of the candidates, PAIR_CHUNK pairs at a time (the transients are ~10
    arrays of 8 B per pair; the links found do not depend on the chunks). Candidates whose
    shared_bound already misses the story thresholds are rejected without reading their sets."""
    bound = SharedBound.build(sets, _candidate_docs(t, pairs, p), t.N)
    parts = [
        _verify_story_chunk(t, sets, figs, bound, pairs[lo : lo + PAIR_CHUNK], copy, p)
        for lo in range(0, len(pairs), PAIR_CHUNK)
    ]
    return StoryEdges(
        Edges.concat([copy_edges, *(e for e, _, _ in parts)]),
        len(pairs),
        sum(len(e) for e, _, _ in parts),
        sum(d for _, d, _ in parts),
        sum(r for _, _, r in parts),
    )


def _long_enough(t: DocTable, pairs: np.ndarray, p: DedupParams) -> np.ndarray:
    """The pairs whose sets are both large enough to share story_min_shared shingles."""
    return pairs[np.minimum(t.sh_len[pairs // t.N], t.sh_len[pairs % t.N]) >= p.story_min_shared]


def _candidate_docs(t: DocTable, pairs: np.ndarray, p: DedupParams) -> np.ndarray:
    """Sorted global idx of the documents in candidates that may be read (a mask filled per chunk:
    a unique() over all pair sides at once would hold 16 B per candidate, 0.27 GB at 1M news)."""
    seen = np.zeros(t.N, dtype=bool)
    for lo in range(0, len(pairs), PAIR_CHUNK):
        chunk = _long_enough(t, pairs[lo : lo + PAIR_CHUNK], p)
        seen[chunk // t.N] = True
        seen[chunk % t.N] = True
    return np.flatnonzero(seen)


def _verify_story_chunk(
    t: DocTable,
    sets: ShingleSets,
    figs: Figures,
    bound: SharedBound,
    pairs: np.ndarray,
    copy: Verified,
    p: DedupParams,
) -> tuple[Edges, int, int]:
    """The story links among pairs, how many had enough shared text but disagreeing figures, and
    how many the shared bound rejected. Pairs too short to share story_min_shared shingles are
    dropped without reading them, and pairs the copy level already intersected are not read again."""
    N = t.N
    pairs = _long_enough(t, pairs, p)
    pa_, pb_ = pairs // N, pairs % N
    inter = np.zeros(len(pairs), dtype=np.int64)
    la = np.zeros(len(pairs), dtype=np.int64)
    lb = np.zeros(len(pairs), dtype=np.int64)
    known = np.zeros(len(pairs), dtype=bool)
    if len(copy.checked):
        pos = np.minimum(np.searchsorted(copy.checked, pairs), len(copy.checked) - 1)
        known = copy.checked[pos] == pairs
        inter[known], la[known], lb[known] = copy.inter[pos[known]], copy.la[pos[known]], copy.lb[pos[known]]
    todo = np.flatnonzero(~known)
    # story_text only rises with the shared count, so a pair failing it at the bound fails it exactly;
    # such a pair stays at inter 0, which fails it too (the same links, read from fewer pairs)
    ga, gb = pa_[todo], pb_[todo]
    la_, lb_ = bound.sizes(ga), bound.sizes(gb)
    can = bound.passing(ga, gb, lambda upper, i: story_text(upper, la_[i], lb_[i], p))
    rejected = int(len(todo) - len(can))
    todo = todo[can]
    inter[todo], la[todo], lb[todo] = sets.intersections(pa_[todo], pb_[todo])
    c = containment(inter, la, lb)
    cand = np.flatnonzero(story_text(inter, la, lb, p))
    agree = figures_agree(figs, pa_[cand], pb_[cand], p)
    ok = np.zeros(len(pairs), dtype=bool)
    ok[cand] = agree
    return Edges(pb_[ok], pa_[ok], c[ok]), int((~agree).sum()), rejected


def rehome(
    t: DocTable, sets: ShingleSets, figs: Figures, edges: Edges, sc: np.ndarray, p: DedupParams
) -> np.ndarray:
    """The policy for a document holding two source texts (an article with another appended, a lead
    taken from another text): it has story links into two stories but one story_id, and joins the
    story whose canonical it shares the most 5-grams with (verified exactly, like every link). It
    moves only when another story's canonical shares at least story_min_shared more 5-grams than
    its current one (a passage of that size is what makes a story link at all); otherwise it stays
    in the story the split rule chose. The split rule alone put it in whichever story's canonical ranked
    first, however little of the document that story holds.

    Movers are this run's story members; targets are the story canonicals (alone or not, of this run
    or earlier ones) of their linked neighbours. A canonical never moves, so every member is still
    verified against its own canonical (no chaining), a story of an earlier run keeps its canonical
    and id, and a mover does not take the canonical role of the story it joins (a document holding
    two texts is the one that should not head a story). sc: story canonical (global idx) of every
    document, updated."""
    g = np.arange(t.N)
    movable = (g >= t.n_old) & (sc != g)
    target = sc == g
    m = np.concatenate([edges.a, edges.b])  # each link seen from both ends: (document, neighbour)
    h = sc[np.concatenate([edges.b, edges.a])]
    keep = movable[m] & target[h] & (h != sc[m])
    if not keep.any():
        return sc
    m, h = m[keep], h[keep]
    # every alternative and the current canonical of the documents that have an alternative
    cur = np.unique(m)
    cur = cur[sc[cur] != cur]
    codes = np.unique(np.concatenate([m * t.N + h, cur * t.N + sc[cur]]))
    m, h = codes // t.N, codes % t.N
    inter, la, lb = sets.intersections(m, h)
    same = t.code[m] == t.code[h]
    linked = same | story_linked(inter, la, lb, figures_agree(figs, m, h, p), p)
    # a move needs story_min_shared more shared 5-grams than the current story: a second text is at
    # least that much (the same bar as a story link); a few 5-grams either way are not
    score = np.where(linked, inter + np.where(h == sc[m], p.story_min_shared, 0), -1)
    heads = np.unique(h)
    rank = np.empty(t.N, dtype=np.int64)
    rank[heads] = np.argsort(rank_key(t.quality[heads], t.published[heads], t.doc_id[heads]))
    # per document: highest score first; on a tie it stays, else the better-ranked canonical
    order = np.lexsort((rank[h], h != sc[m], -score, m))
    first = order[np.r_[True, m[order][1:] != m[order][:-1]]]
    best = first[score[first] >= 0]
    out = sc.copy()
    out[m[best]] = h[best]
    return out


@dataclass
class StoryColumns:
    story_id: np.ndarray  # object (N,)
    jaccard: np.ndarray  # float64 (N,): to the story canonical; NaN when alone
    containment: np.ndarray
    touched: set[str] = field(default_factory=set)
    assignment: Assignment | None = None
    rewrites: FactEdges | None = None


def stories(
    t: DocTable,
    sets: ShingleSets,
    figs: Figures,
    edges: Edges,
    old: OldState,
    p: DedupParams,
    rewrites: Callable[[np.ndarray], FactEdges] | None = None,
) -> StoryColumns:
    """Story fields of every document from the verified story edges (copy edges included): the
    split rule of the copy level with containment, earlier runs' stories as the old clusters; then
    the documents left alone join a story by the rewrite rule's links (facts.attach_rewrites)."""
    n_old = t.n_old
    sc = np.empty(t.N, dtype=np.int64)  # story canonical (global idx) of every document
    sc[:n_old] = pd.Index(t.doc_id).get_indexer(t.old_story) if n_old else sc[:0]
    # an earlier run's story memberships are verified pairs too (a new copy of an old member is
    # verified against the old member's canonical by them)
    g_old = np.flatnonzero((sc[:n_old] >= 0) & (sc[:n_old] != np.arange(n_old)))
    a = assign_linked(t, edges, (g_old, sc[g_old]), t.old_story, t.old_story)
    sc[n_old:] = np.where(a.canon >= 0, a.canon, t.new_global)
    sc = rehome(t, sets, figs, edges, sc, p)
    fact = None
    if rewrites is not None:  # the rewrite rule's links, given the stories of the text links
        fact = rewrites(sc)
        sc = attach_rewrites(t, sc, fact.edges)
    jac = np.concatenate([old.docs["story_jaccard"].to_numpy(dtype=np.float64), np.full(t.n_new, np.nan)])
    con = np.concatenate([old.docs["story_containment"].to_numpy(dtype=np.float64), np.full(t.n_new, np.nan)])
    g = np.flatnonzero(sc[n_old:] != t.new_global) + n_old  # new docs in another document's story
    touched: set[str] = set()
    if len(g):
        inter, la, lb = sets.intersections(g, sc[g])
        same = t.code[g] == t.code[sc[g]]
        jac[g] = np.where(same, 1.0, np.round(jaccard(inter, la, lb), 6))
        con[g] = np.where(same, 1.0, np.round(containment(inter, la, lb), 6))
        canon = np.unique(sc[g])
        jac[canon] = 1.0
        con[canon] = 1.0
        touched = set(t.doc_id[canon].tolist())
    return StoryColumns(t.doc_id[sc], jac, con, touched, a, fact)


def story_pairs(
    t: DocTable,
    old: OldState,
    samples: np.ndarray,
    lsh_pairs: np.ndarray,
    settled: np.ndarray,
    eligible: np.ndarray,
    p: DedupParams,
) -> tuple[np.ndarray, int]:
    """All story candidates: sample pairs plus the copy level's LSH candidates (whatever their
    Jaccard), less the pairs the copy level intersected and found short of a story's shared text
    (settled, per LSH pair: their links cannot change, and a template's millions of LSH pairs are
    mostly such); and the boilerplate samples of this run's documents (sample_candidates)."""
    codes, n_boiler = sample_candidates(t, old, samples, eligible, p)
    if len(lsh_pairs) and len(codes):
        pos = np.minimum(np.searchsorted(lsh_pairs, codes), len(lsh_pairs) - 1)
        codes = codes[~((lsh_pairs[pos] == codes) & settled[pos])]
    return unique_inplace([codes, lsh_pairs[~settled]]), n_boiler
