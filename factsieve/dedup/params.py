"""Parameters and result type of deduplication, and the cluster id rule."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import pandas as pd
import xxhash


@dataclass(frozen=True)
class DedupParams:
    shingle_size: int = 5  # words per shingle
    num_perm: int = 64  # MinHash permutations (only bands*rows of them are used for LSH)
    bands: int = 21
    rows: int = 3  # P(candidate) = 1-(1-J^3)^21: 0.994 at J=0.6, 0.9998 at J=0.7
    threshold: float = 0.7  # exact Jaccard of shingle sets needed to call a pair near-duplicate
    min_words: int = 20  # below this many normalised words: exact match only
    seed: int = 1
    batch_size: int = 2048  # docs per featurization batch (memory bound, not a result parameter)
    workers: int = 1  # featurization threads; 2 measured slower on this 2-core VM (docs/BENCHMARKS.md)
    max_bucket_pairs: int = 64  # an LSH bucket larger than this pairs each member with its first 64 only
    # story level (docs/DEDUP.md "Stories"): documents sharing a source text
    story_containment: float = 0.5  # shared shingles / shingles of the shorter text
    story_min_shared: int = (
        40  # shared word 5-grams (~44 words): a shared boilerplate paragraph is not a story
    )
    sample_bits: int = 3  # a shingle is a containment sample when its low sample_bits bits are 0 (1 in 8)
    story_min_samples: int = 2  # shared samples a pair needs to be a containment candidate
    story_max_key_docs: int = 64  # a sample shared by more documents is boilerplate: not a candidate source

    def validate(self) -> None:
        if self.shingle_size < 1:
            raise ValueError("shingle_size must be >= 1")
        if self.bands < 1 or self.rows < 1 or self.bands * self.rows > self.num_perm:
            raise ValueError(f"need bands*rows <= num_perm, got {self.bands}*{self.rows} > {self.num_perm}")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        if self.min_words < self.shingle_size:
            raise ValueError("min_words must be >= shingle_size")
        if not 0.0 < self.story_containment <= 1.0:
            raise ValueError("story_containment must be in (0, 1]")
        if self.story_min_shared < 1 or self.story_min_samples < 1 or not 0 <= self.sample_bits <= 16:
            raise ValueError("story_min_shared and story_min_samples must be >= 1, sample_bits in 0..16")

    def result_params(self) -> dict:
        """Parameters that change results; a state directory is only valid for the same values."""
        d = asdict(self)
        for k in ("batch_size", "workers"):
            d.pop(k)
        return d

    def key(self) -> tuple:
        """Hashable form of result_params(), stored in Features to check they match."""
        return tuple(sorted(self.result_params().items()))


@dataclass
class DedupResult:
    assignments: pd.DataFrame
    duplicates: pd.DataFrame
    stats: dict = field(default_factory=dict)


def cluster_id_for(canonical_doc_id: str) -> str:
    return "dup-" + xxhash.xxh3_64_hexdigest(canonical_doc_id.encode())


STORY_PARAMS = (
    "story_containment",
    "story_min_shared",
    "sample_bits",
    "story_min_samples",
    "story_max_key_docs",
)
