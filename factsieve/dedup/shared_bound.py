"""An exact upper bound on the shingles two documents share, from a small bitmap per document, so
that the story level verifies only candidates that can still be links (docs/DEDUP.md "Stories").

Each document's shingles are put in 2**BITS buckets by the top bits of their hash (the containment
samples use the low bits: independent of these), and its bitmap marks the occupied buckets. A shingle
both documents hold sits in a bucket occupied in both, and a bucket holding c_A of A's shingles and
c_B of B's holds at most min(c_A, c_B) shared ones, which is at most 1 + (c_A - 1) and 1 + (c_B - 1).
Summed over the buckets occupied in both:

    |A & B| <= popcount(bits_A & bits_B) + min(spare_A, spare_B),  spare = |set| - popcount(bits)

(spare: the shingles that share a bucket with another of the same document). The bound only ever
over-counts, so a pair whose bound already misses the story thresholds misses them exactly: no
recall is given up. On the 220k news profile (story candidates: pairs of short texts sharing one
reused sentence, median 19 shared 5-grams against 40 needed) 1,024 bits reject 73% of them, 2,048
bits 91.5%, 4,096 bits 96.2% (docs/BENCHMARKS.md "Dedup, rounds 12 and 13"). The bound is tried at
1,024 bits on every candidate, then at 4,096 on the 27% left: a pair's bitmaps are read for a
half of round 12's bytes first, and half as many pairs are intersected.

The bitmaps are built once per run from one pass over the candidates' shingle sets (sorted by
segment offset: a few long reads), where the exact intersections read a document again in every
chunk of pairs that holds one of its pairs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from factsieve.dedup.verify import ShingleSets

# Two bitmaps per document (640 B, held while the story level verifies), tried in turn: every pair
# meets the coarse one (1,024 buckets, 128 B per document: half the bytes per pair of round 12's
# 2,048) and only its survivors the fine one (4,096 buckets, 512 B: half the pairs left to intersect
# of 2,048). Each is an exact upper bound on its own, so a pair either rejects misses the
# thresholds exactly (docs/BENCHMARKS.md "Dedup, round 13").
BITS = (10, 12)
_BLOCK = 1024  # documents whose bitmaps are built at a time (4 MB of booleans at 4,096 buckets: in cache)
_PAIRS = (
    4096  # pairs bounded at a time (two 2 MB row buffers at 4,096 buckets: in cache; 2x less CPU than 32 MB)
)


@dataclass
class _Level:
    bits: np.ndarray  # (rows, 2**b / 64) uint64 occupancy bitmaps
    spare: np.ndarray  # int32 per row: |set| - occupied buckets

    def upper(self, ra: np.ndarray, rb: np.ndarray) -> np.ndarray:
        """The bound of each (ra[i], rb[i]) pair of rows."""
        out = np.minimum(self.spare[ra], self.spare[rb]).astype(np.int64)
        words = self.bits.shape[1]
        # row buffers reused across the slices (np.take into them: no 16-32 MB allocation per slice)
        buf_a = np.empty((min(len(ra), _PAIRS), words), dtype=np.uint64)
        buf_b = np.empty_like(buf_a)
        for lo in range(0, len(ra), _PAIRS):
            k = min(_PAIRS, len(ra) - lo)
            a, b = buf_a[:k], buf_b[:k]
            np.take(self.bits, ra[lo : lo + k], axis=0, out=a)
            np.take(self.bits, rb[lo : lo + k], axis=0, out=b)
            np.bitwise_and(a, b, out=a)
            out[lo : lo + k] += np.bitwise_count(a).sum(axis=1, dtype=np.int64)
        return out


@dataclass
class SharedBound:
    row: np.ndarray  # int32 per global idx: the document's row in the levels (-1: not built)
    size: np.ndarray  # int32 per row: |set| as read (exact also for segments stored unsorted)
    levels: list[_Level]  # coarse to fine (BITS)

    @classmethod
    def build(cls, sets: ShingleSets, docs: np.ndarray, n: int) -> SharedBound:
        """Bitmaps of the documents docs (sorted unique global idx) of a table of n documents."""
        row = np.full(n, -1, dtype=np.int32)
        row[docs] = np.arange(len(docs), dtype=np.int32)
        fine = max(BITS)
        bits = [np.empty((len(docs), (1 << b) // 64), dtype=np.uint64) for b in BITS]
        size = np.empty(len(docs), dtype=np.int32)
        occupied = np.empty(min(len(docs), _BLOCK) << fine, dtype=bool)
        for lo in range(0, len(docs), _BLOCK):
            values, lens = sets.gather(docs[lo : lo + _BLOCK])
            k = len(lens)
            occ = occupied[: k << fine]
            occ[:] = False
            occ[
                (np.repeat(np.arange(k, dtype=np.int64) << fine, lens)) + (values >> np.uint32(32 - fine))
            ] = True
            for b, out in zip(BITS, bits, strict=True):
                # a coarse bucket is 2**(fine - b) adjacent fine ones (the top b bits of the hash): their
                # booleans read as one unsigned integer are nonzero when any is set (a reduction with
                # any() over those small groups cost 4.2 s of building at 220k news, this ~0.1)
                group = occ.view(f"u{1 << (fine - b)}").reshape(k, 1 << b)
                out[lo : lo + k] = np.packbits(group != 0, axis=1, bitorder="little").view(np.uint64)
            size[lo : lo + k] = lens
        levels = [_Level(x, size - np.bitwise_count(x).sum(axis=1, dtype=np.int32)) for x in bits]
        return cls(row, size, levels)

    def sizes(self, g: np.ndarray) -> np.ndarray:
        return self.size[self.row[g]].astype(np.int64)

    def passing(
        self, ga: np.ndarray, gb: np.ndarray, test: Callable[[np.ndarray, np.ndarray], np.ndarray]
    ) -> np.ndarray:
        """Indices of the pairs whose bound passes test(upper, i) (i: the pairs' indices; test only
        rises with upper) at every level: coarse first, the finer levels on its survivors only."""
        keep = np.arange(len(ga))
        ra, rb = self.row[ga], self.row[gb]
        for level in self.levels:
            keep = keep[test(level.upper(ra[keep], rb[keep]), keep)]
        return keep
