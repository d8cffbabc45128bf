"""LSH phase: banded MinHash candidates. Per band, the keys of new representatives are sorted together
with the old keys that match one of them; bucket pairs come out of one vectorised step per band."""

from __future__ import annotations

import numpy as np

from factsieve.dedup import minhash as mh
from factsieve.dedup.state import OldState, band_column


def lsh_candidates(
    old: OldState,
    band_parts: list[tuple[np.ndarray, np.ndarray]],
    lsh_new: np.ndarray,
    bands: int,
    max_bucket_pairs: int,
) -> tuple[np.ndarray, int]:
    """(sorted unique candidate pair codes a*N + b with a < b and b new, number of new LSH docs)."""
    n_old, n_new = len(old), len(lsh_new)
    N = n_old + n_new
    rep_new = np.flatnonzero(lsh_new)
    od = old.docs
    old_lsh = np.flatnonzero(od["lsh"].to_numpy(dtype=bool)) if n_old else np.zeros(0, dtype=np.int64)
    old_bk = []
    if len(old_lsh) and len(rep_new):
        segs = od["seg"].to_numpy(dtype=np.int64)
        for s_i in range(len(old.segments)):
            rows = np.flatnonzero(segs == s_i)
            if len(rows):
                arr = np.memmap(old.segment_file(s_i, ".bands.u64"), dtype=np.uint64, mode="r").reshape(
                    -1, bands
                )
                old_bk.append((np.intersect1d(rows, old_lsh), arr, int(rows[0])))
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
        pair_codes.append(bucket_pairs(keys[order], idx[order], max_bucket_pairs, n_old, N))
        del kn, keys, idx, order
        if sum(len(x) for x in pair_codes) > 8_000_000:  # a pair recurs in many bands: compact
            pair_codes = [unique_inplace(pair_codes)]
    return unique_inplace(pair_codes), len(rep_new)


def bucket_pairs(keys: np.ndarray, idx: np.ndarray, lim: int, n_old: int, N: int) -> np.ndarray:
    """Candidate pair codes (a*N + b, a < b) of one band: keys sorted, idx ascending within equal keys.
    The member at position i of a bucket pairs with positions 0..min(i, lim)-1, so a bucket of s docs
    costs at most s*lim pairs (templated text cannot explode)."""
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
    a = idx[mh.ranges(start, cnt)]
    keep = b >= n_old  # at least one new document (b is the larger index)
    return a[keep].astype(np.int64) * N + b[keep]


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
