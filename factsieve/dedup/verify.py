"""Verify phase: exact set similarity of candidate pairs, read from the shingle segments in chunks
(no Python loop per pair; see docs/DEDUP.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from factsieve.dedup import minhash as mh
from factsieve.dedup.state import ShingleStore
from factsieve.dedup.table import DocTable, Edges

# pairs whose sides hold fewer shingles than this in all are intersected by the numpy merge
_SPARSE_FROM = 4_000_000


class ShingleSets:
    """The sorted unique shingle sets of the table's documents, read on demand from the segments."""

    def __init__(self, store: ShingleStore, t: DocTable, seg_sorted: np.ndarray) -> None:
        self.store, self.seg, self.off, self.len = store, t.seg, t.sh_off, t.sh_len
        self.seg_sorted = seg_sorted  # bool per segment: sets stored sorted and unique

    @classmethod
    def figures(cls, store: ShingleStore, t: DocTable) -> tuple[ShingleSets, ShingleSets, ShingleSets]:
        """The documents' figure slots, filled slots and figures (minhash.figure_sets; stored sorted
        and unique) from the figures files."""
        stored_sorted = np.ones(len(store.fds), dtype=bool)
        slots, filled, values = (cls(store, t, stored_sorted) for _ in range(3))
        slots.off, slots.len = t.fg_off, t.fg_slots
        filled.off, filled.len = t.fg_off + t.fg_slots, t.fg_len - t.fg_slots - t.fg_values
        values.off, values.len = t.fg_off + t.fg_len - t.fg_values, t.fg_values
        return slots, filled, values

    def gather(self, gidx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Sorted unique shingle sets of the given docs (repeats allowed), concatenated, and sizes."""
        lens = self.len[gidx]
        dst_off = np.zeros(len(gidx) + 1, dtype=np.int64)
        np.cumsum(lens, out=dst_off[1:])
        segs = self.seg[gidx]
        useg = np.unique(segs)
        if len(useg) == 1:  # usual case: one segment, no destination index needed
            out = self.store.read(int(useg[0]), self.off[gidx], lens)
        else:
            out = np.empty(int(dst_off[-1]), dtype=np.uint32)
            for s in useg.tolist():
                m = segs == s
                out[mh.ranges(dst_off[:-1][m], lens[m])] = self.store.read(s, self.off[gidx[m]], lens[m])
        if not self.seg_sorted[segs].all():  # segments written before sets were stored sorted
            doc = np.repeat(np.arange(len(gidx), dtype=np.uint64), lens)
            key = np.unique((doc << np.uint64(32)) | out.astype(np.uint64))
            lens = np.bincount((key >> np.uint64(32)).astype(np.int64), minlength=len(gidx))
            out = (key & np.uint64(0xFFFFFFFF)).astype(np.uint32)
        return out, lens

    def intersections(
        self, ga: np.ndarray, gb: np.ndarray, chunk: int = 1_000_000
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(|A & B|, |A|, |B|) of many (ga[i], gb[i]) pairs, in chunks of about `chunk` shingles of
        the pairs' sides. Large work goes to sparse_intersections (each document read once per
        chunk, compiled merges); a little stays with the numpy merge, which needs no scipy import
        (~0.12 CPU-s, a tenth of the 22k stage, where verification is ~0.03 s). Same counts."""
        inter = np.zeros(len(ga), dtype=np.int64)
        la = np.zeros(len(ga), dtype=np.int64)
        lb = np.zeros(len(ga), dtype=np.int64)
        if len(ga) == 0:
            return inter, la, lb
        cost = np.cumsum(self.len[ga] + self.len[gb])
        # the same chunk for both: 4M-shingle chunks (each document read once for more pairs) measured
        # 5.8 against 4.5 CPU-s of intersections at 220k news, and +15 MB peak RSS
        sparse = int(cost[-1]) >= _SPARSE_FROM
        s = 0
        while s < len(ga):
            e = max(int(np.searchsorted(cost, (cost[s - 1] if s else 0) + chunk, side="right")), s + 1)
            if sparse:
                inter[s:e], la[s:e], lb[s:e] = self.sparse_intersections(ga[s:e], gb[s:e])
            else:
                a_sets, la[s:e] = self.gather(ga[s:e])
                b_sets, lb[s:e] = self.gather(gb[s:e])
                inter[s:e] = mh.pair_intersections(a_sets, la[s:e], b_sets, lb[s:e])
                del a_sets, b_sets
            s = e
        return inter, la, lb

    def sparse_intersections(
        self, ga: np.ndarray, gb: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(|A & B|, |A|, |B|) of pairs: every distinct document of the pairs is read once (a
        document is in many candidate pairs: reading its set once per pair was ~45% of verification
        at 1M), as one row of a CSR matrix whose column indices are its sorted shingle values; the
        rows of the pairs' two sides are selected and multiplied elementwise, and each product row
        holds one entry per shared value. scipy's selection and sorted-row merge are compiled; the
        numpy merge (pair_intersections) builds pair-keyed copies of both sides and sorts them."""
        from scipy import sparse as sp  # noqa: PLC0415 - only for large work (see intersections)

        docs, pos = np.unique(np.concatenate([ga, gb]), return_inverse=True)
        values, lens = self.gather(docs)
        indptr = np.zeros(len(docs) + 1, dtype=np.int64)
        np.cumsum(lens, out=indptr[1:])
        rows = sp.csr_matrix(
            (np.ones(len(values), dtype=np.int8), values.astype(np.int64), indptr), shape=(len(docs), 1 << 32)
        )
        del values
        # rows sorted and unique (gather), so scipy merges each pair's two rows in linear time, and a
        # product entry exists only where both sides hold the value
        side_a, side_b = rows[pos[: len(ga)]], rows[pos[len(ga) :]]
        del rows
        shared = side_a.multiply(side_b).tocsr()
        return np.diff(shared.indptr), lens[pos[: len(ga)]], lens[pos[len(ga) :]]

    def jaccard_pairs(self, ga: np.ndarray, gb: np.ndarray) -> np.ndarray:
        """Exact Jaccard of many (ga[i], gb[i]) pairs (0 when either set is empty)."""
        inter, la, lb = self.intersections(ga, gb)
        return jaccard(inter, la, lb)


def jaccard(inter: np.ndarray, la: np.ndarray, lb: np.ndarray) -> np.ndarray:
    ok = (la > 0) & (lb > 0)
    return np.where(ok, inter / np.maximum(la + lb - inter, 1), 0.0)


def containment(inter: np.ndarray, la: np.ndarray, lb: np.ndarray) -> np.ndarray:
    """Shared shingles / shingles of the shorter text (0 when either set is empty)."""
    ok = (la > 0) & (lb > 0)
    return np.where(ok, inter / np.maximum(np.minimum(la, lb), 1), 0.0)


@dataclass
class Verified:
    edges: Edges
    candidates: int
    rejected: int
    rejected_by_size: int
    # the pairs whose shingles were intersected (sorted codes) and what that found, int32: the story
    # level reuses them instead of reading the same sets again. Only pairs that can be story links
    # (story_text) are kept: a template's millions of candidates are mostly not (round 11)
    checked: np.ndarray
    inter: np.ndarray
    la: np.ndarray
    lb: np.ndarray
    # per candidate pair: intersected here and no story link by its text (the story level skips it)
    settled: np.ndarray


# candidate pairs verified at a time: each pass makes ~10 arrays of 8 B per pair (sides, sizes,
# similarities, masks); over all candidates at once those were ~1 GB of transients for a template's
# 13.6M candidates at 300k records (docs/BENCHMARKS.md "Dedup, round 11"). Only the compact result
# (20 B per pair checked) is kept; the result does not depend on the chunks.
PAIR_CHUNK = 1 << 20


StoryText = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]  # (inter, la, lb) -> bool


def verify_pairs(
    pairs: np.ndarray, N: int, sets: ShingleSets, threshold: float, story_text: StoryText
) -> Verified:
    """Edges of the candidate pair codes (a*N + b) whose exact Jaccard is >= threshold, verified
    PAIR_CHUNK pairs at a time. story_text(inter, la, lb): whether a pair's shared text can make a
    story link (what the story level may reuse; the rest are settled)."""
    parts = [
        _verify_chunk(pairs[lo : lo + PAIR_CHUNK], N, sets, threshold, story_text)
        for lo in range(0, len(pairs), PAIR_CHUNK)
    ]
    if not parts:
        parts = [_verify_chunk(pairs, N, sets, threshold, story_text)]
    return Verified(
        Edges.concat([v.edges for v in parts]),
        sum(v.candidates for v in parts),
        sum(v.rejected for v in parts),
        sum(v.rejected_by_size for v in parts),
        *(
            np.concatenate([getattr(v, k) for v in parts])
            for k in ("checked", "inter", "la", "lb", "settled")
        ),
    )


def _verify_chunk(
    pairs: np.ndarray, N: int, sets: ShingleSets, threshold: float, story_text: StoryText
) -> Verified:
    pa_, pb_ = pairs // N, pairs % N
    # J(A, B) <= min(|A|, |B|) / max(|A|, |B|): pairs whose set sizes alone rule the threshold out are
    # rejected without reading their shingles (sizes are exact for sorted segments only)
    la, lb = sets.len[pa_], sets.len[pb_]
    exact_size = sets.seg_sorted[sets.seg[pa_]] & sets.seg_sorted[sets.seg[pb_]]
    hopeless = exact_size & (np.minimum(la, lb) < threshold * np.maximum(la, lb))
    sims = np.zeros(len(pairs), dtype=np.float64)
    check = np.flatnonzero(~hopeless)
    inter, la, lb = sets.intersections(pa_[check], pb_[check])
    sims[check] = jaccard(inter, la, lb)
    ok = sims >= threshold
    text = story_text(inter, la, lb)
    settled = np.zeros(len(pairs), dtype=bool)
    settled[check[~text]] = True
    keep = check[text]
    # pb_ is the larger index, always new
    return Verified(
        Edges(pb_[ok], pa_[ok], sims[ok]),
        len(pairs),
        int((~ok).sum()),
        int(hopeless.sum()),
        pairs[keep],
        inter[text].astype(np.int32),
        la[text].astype(np.int32),
        lb[text].astype(np.int32),
        settled,
    )
