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
recall is given up. On the 220k news profile 91.5% of the story candidates (pairs of short texts
sharing one reused sentence, median 19 shared 5-grams against 40 needed) are rejected this way at
2,048 bits; 1,024 bits reject 73%, 4,096 bits 96% (docs/BENCHMARKS.md "Dedup, round 12").

The bitmaps are built once per run from one pass over the candidates' shingle sets (sorted by
segment offset: a few long reads), where the exact intersections read a document again in every
chunk of pairs that holds one of its pairs."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from factsieve.dedup.verify import ShingleSets

BITS = 11  # 2,048 buckets: 256 B per candidate document, held while the story level verifies
_WORDS = (1 << BITS) // 64
_BLOCK = 4096  # documents whose bitmaps are built at a time (8 MB of booleans)
_PAIRS = 1 << 16  # pairs bounded at a time (three 16 MB temporaries of bitmap rows)


@dataclass
class SharedBound:
    row: np.ndarray  # int32 per global idx: the document's row below (-1: not built)
    bits: np.ndarray  # (rows, _WORDS) uint64 occupancy bitmaps
    size: np.ndarray  # int32 per row: |set| as read (exact also for segments stored unsorted)
    spare: np.ndarray  # int32 per row: |set| - occupied buckets

    @classmethod
    def build(cls, sets: ShingleSets, docs: np.ndarray, n: int) -> SharedBound:
        """Bitmaps of the documents docs (sorted unique global idx) of a table of n documents."""
        row = np.full(n, -1, dtype=np.int32)
        row[docs] = np.arange(len(docs), dtype=np.int32)
        bits = np.empty((len(docs), _WORDS), dtype=np.uint64)
        size = np.empty(len(docs), dtype=np.int32)
        shift = np.uint32(32 - BITS)
        for lo in range(0, len(docs), _BLOCK):
            values, lens = sets.gather(docs[lo : lo + _BLOCK])
            k = len(lens)
            occupied = np.zeros(k << BITS, dtype=bool)
            owner = np.repeat(np.arange(k, dtype=np.int64) << BITS, lens)
            occupied[owner + (values >> shift)] = True
            bits[lo : lo + k] = np.packbits(occupied.reshape(k, 1 << BITS), axis=1, bitorder="little").view(
                np.uint64
            )
            size[lo : lo + k] = lens
        spare = size - np.bitwise_count(bits).sum(axis=1, dtype=np.int32)
        return cls(row, bits, size, spare)

    def sizes(self, g: np.ndarray) -> np.ndarray:
        return self.size[self.row[g]].astype(np.int64)

    def upper(self, ga: np.ndarray, gb: np.ndarray) -> np.ndarray:
        """An upper bound on |A & B| of each (ga[i], gb[i]) pair (both built)."""
        ra, rb = self.row[ga], self.row[gb]
        out = np.minimum(self.spare[ra], self.spare[rb]).astype(np.int64)
        for lo in range(0, len(ra), _PAIRS):
            both = self.bits[ra[lo : lo + _PAIRS]] & self.bits[rb[lo : lo + _PAIRS]]
            out[lo : lo + _PAIRS] += np.bitwise_count(both).sum(axis=1, dtype=np.int64)
        return out
