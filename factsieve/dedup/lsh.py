"""LSH phase: banded MinHash candidates. Per band, the keys of new representatives are sorted together
with the old keys that match one of them; bucket pairs come out of one vectorised step per band.

A bucket that today's rule could not pair in full (more than max_bucket_pairs + 1 documents: one
template repeated many times, a scraper's saved error page with a changing number) is a *large
bucket*: each member pairs only with its bucket's first ANCHORS documents in anchor order (an earlier
run's story heads and copy canonicals first, then earlier runs' other documents, then this run's, each
by the canonical rule). So a document costs at most ANCHORS candidates per band there, whatever the
bucket's size, and the document its component will be led by (the best-ranked) is the one it is
verified against. What that gives up is counted (LshStats), never silent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from factsieve.dedup import minhash as mh
from factsieve.dedup.inputs import rank_key
from factsieve.dedup.state import OldState, band_column
from factsieve.dedup.table import DocTable

# partners of a member of a large bucket, per band. A member verified against the best-ranked
# documents of its bucket joins their component (copy level) and their story (the story level's
# links must reach the canonical itself). Each anchor adds links that every later step carries: one
# template 300,000 times measured 2.8 / 3.9 / 7.5 distinct candidates and 1.5 / 1.8 / 2.5 kB per
# document with 1 / 2 / 4 anchors (docs/BENCHMARKS.md "Dedup, round 10"); two, so that a member
# that is no near copy of the best-ranked document still meets another
ANCHORS = 2
_COMPACT = 8_000_000  # pair codes held before the bands' codes are made unique (a pair recurs in many)


@dataclass
class LshStats:
    """What large buckets gave up: buckets (counted once per band), their members, and the pairs of
    their members that were not made (all pairs of a bucket minus those with the anchors)."""

    docs: int = 0  # new LSH representatives
    large_buckets: int = 0
    large_bucket_members: int = 0
    pairs_not_made: int = 0

    def as_stats(self) -> dict[str, int]:
        return {
            "lsh_large_buckets": self.large_buckets,
            "lsh_large_bucket_members": self.large_bucket_members,
            "lsh_pairs_not_made": self.pairs_not_made,
        }


def lsh_candidates(
    old: OldState,
    band_parts: list[tuple[np.ndarray, np.ndarray]],
    lsh_new: np.ndarray,
    bands: int,
    max_bucket_pairs: int,
    anchor_order: Callable[[], np.ndarray],
) -> tuple[np.ndarray, LshStats]:
    """(sorted unique candidate pair codes a*N + b with a < b and b new, what large buckets gave up).
    anchor_order() gives every document's place among anchors (global idx -> int, smaller first); it
    is called only when a large bucket exists."""
    n_old, n_new = len(old), len(lsh_new)
    N = n_old + n_new
    rep_new = np.flatnonzero(lsh_new)
    stats = LshStats(docs=len(rep_new))
    old_bk = _old_bands(old, bands) if n_old and len(rep_new) else []
    prio = None
    pair_codes = []
    for band in range(bands if len(rep_new) else 0):
        kn = band_column(band_parts, n_new, band)[rep_new]
        key_parts, idx_parts = [], []
        for sel, arr, start in old_bk:  # old rows first: idx stays ascending within a bucket
            ko = np.asarray(arr[sel - start, band])
            hit = np.isin(ko, kn)
            if hit.any():
                key_parts.append(ko[hit])
                idx_parts.append(sel[hit])
        key_parts.append(kn)
        idx_parts.append(rep_new + n_old)
        keys = np.concatenate(key_parts)
        idx = np.concatenate(idx_parts)
        order = np.argsort(keys, kind="stable")
        keys, idx = keys[order], idx[order]
        del kn, order
        large = _large_members(keys, max_bucket_pairs + 1)
        if large.any():
            prio = anchor_order() if prio is None else prio
            pair_codes.append(anchor_pairs(keys[large], idx[large], prio, n_old, N, stats))
            keys, idx = keys[~large], idx[~large]
        pair_codes.append(bucket_pairs(keys, idx, max_bucket_pairs, n_old, N))
        del keys, idx, large
        if sum(len(x) for x in pair_codes) > _COMPACT:  # a pair recurs in many bands: compact
            pair_codes = [unique_inplace(pair_codes)]
    return unique_inplace(pair_codes), stats


def anchor_order(t: DocTable) -> np.ndarray:
    """Every document's place among a large bucket's anchors (smaller first): an earlier run's
    documents before this run's (a template record arriving later joins the earlier run's group),
    among them those leading their copy cluster and their story (or alone) first, then those leading
    one of the two; within each, the canonical rule's order (the best-ranked new document is the one a
    new group will be led by)."""
    lead = np.full(t.N, 3, dtype=np.int64)
    own = t.doc_id[: t.n_old]
    lead[: t.n_old] = 2 - (t.old_canon == own).astype(np.int64) - (t.old_story == own).astype(np.int64)
    order = np.lexsort((np.argsort(rank_key(t.quality, t.published, t.doc_id)), lead))
    prio = np.empty(t.N, dtype=np.int64)
    prio[order] = np.arange(t.N)
    return prio


def _old_bands(old: OldState, bands: int) -> list[tuple[np.ndarray, np.ndarray, int]]:
    """Per segment: the old LSH rows in it, its band keys (memory map), its first row."""
    od = old.docs
    old_lsh = np.flatnonzero(od["lsh"].to_numpy(dtype=bool))
    out = []
    if not len(old_lsh):
        return out
    segs = od["seg"].to_numpy(dtype=np.int64)
    for s_i in range(len(old.segments)):
        rows = np.flatnonzero(segs == s_i)
        if len(rows):
            arr = np.memmap(old.segment_file(s_i, ".bands.u64"), dtype=np.uint64, mode="r").reshape(-1, bands)
            out.append((np.intersect1d(rows, old_lsh), arr, int(rows[0])))
    return out


def _large_members(keys: np.ndarray, size: int) -> np.ndarray:
    """Bool per entry of sorted keys: its bucket has more than `size` members."""
    if len(keys) <= size:
        return np.zeros(len(keys), dtype=bool)
    start = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    counts = np.diff(np.r_[start, len(keys)])
    return np.repeat(counts > size, counts)


def anchor_pairs(
    keys: np.ndarray, idx: np.ndarray, prio: np.ndarray, n_old: int, N: int, stats: LshStats
) -> np.ndarray:
    """Pair codes of large buckets (keys sorted): each member with the bucket's first ANCHORS
    documents in anchor order (the anchors among themselves too), at least one side new."""
    order = np.lexsort((prio[idx], keys))
    keys, idx = keys[order], idx[order]
    first = np.r_[True, keys[1:] != keys[:-1]]
    bstart = np.flatnonzero(first)
    size = np.diff(np.r_[bstart, len(keys)])
    at = np.arange(len(keys)) - np.repeat(bstart, size)  # position within the bucket
    cnt = np.minimum(at, ANCHORS)
    stats.large_buckets += len(bstart)
    stats.large_bucket_members += len(keys)
    stats.pairs_not_made += int((size * (size - 1) // 2).sum() - cnt.sum())
    pos = np.flatnonzero(cnt > 0)
    b = idx[np.repeat(pos, cnt[pos])]
    a = idx[mh.ranges(np.repeat(bstart, size)[pos], cnt[pos])]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    keep = hi >= n_old  # at least one new document
    return lo[keep].astype(np.int64) * N + hi[keep]


def bucket_pairs(keys: np.ndarray, idx: np.ndarray, lim: int, n_old: int, N: int) -> np.ndarray:
    """Candidate pair codes (a*N + b, a < b) of one band: keys sorted, idx ascending within equal keys.
    The member at position i of a bucket pairs with positions 0..min(i, lim)-1 (large buckets are
    taken out before, so every bucket here is paired in full)."""
    pos, cnt, first = bucket_members(keys, lim)
    return member_pairs(idx, pos, cnt, first, n_old, N)


def bucket_members(keys: np.ndarray, lim: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(position, partner count, bucket start) of every member of a sorted key array that has
    partners: the member at position i pairs with positions start..start+count-1 (count <= lim)."""
    n = len(keys)
    if n < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    first = np.ones(n, dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    bstart = np.flatnonzero(first)
    bid = np.cumsum(first) - 1
    del first
    partners = np.minimum(np.arange(n) - bstart[bid], lim)
    pos = np.flatnonzero(partners > 0)
    return pos, partners[pos], bstart[bid[pos]]


def member_pairs(
    idx: np.ndarray, pos: np.ndarray, cnt: np.ndarray, start: np.ndarray, n_old: int, N: int
) -> np.ndarray:
    """Pair codes (a*N + b) of the members at pos (bucket_members), b = idx[pos], at least one new."""
    b = idx[np.repeat(pos, cnt)]
    # the codes are built in place in the one int64 array of a (the story level makes ~100M of them
    # at 1M news: every extra temporary was a pass over 0.8 GB)
    code = idx[mh.ranges(start, cnt)].astype(np.int64, copy=False)
    if n_old and not (b >= n_old).all():  # at least one new document (b is the larger index)
        keep = b >= n_old
        code, b = code[keep], b[keep]
    code *= N
    code += b
    return code


def unique_inplace(parts: list[np.ndarray]) -> np.ndarray:
    """Sorted unique values of the concatenated parts (np.unique without its extra sorted copy)."""
    if not parts:
        return np.zeros(0, dtype=np.int64)
    a = np.concatenate(parts)
    parts.clear()
    a.sort()
    if len(a) < 2:
        return a
    keep = np.empty(len(a), dtype=bool)
    keep[0] = True
    np.not_equal(a[1:], a[:-1], out=keep[1:])
    return a[keep]
