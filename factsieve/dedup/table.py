"""The run's global document table: old documents (rows of the state, in state order) then this run's
new documents (in doc_id order), as parallel numpy arrays. Global index = position in these arrays."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from factsieve.dedup.inputs import NO_DATE, ns, obj
from factsieve.dedup.state import NewSegment, OldState, digests_from_hex


@dataclass
class DocTable:
    n_old: int
    n_new: int
    doc_id: np.ndarray  # object array of str
    digest: np.ndarray  # uint8 (N, 16) content digests
    code: np.ndarray  # int64 exact-group code: equal code <=> equal digest
    n_words: np.ndarray  # int64
    quality: np.ndarray  # float64, NaN = missing
    published: np.ndarray  # int64 ns, NO_DATE = missing (ranks last)
    seg: np.ndarray  # int64 segment number of the shingle set
    sh_off: np.ndarray  # int64 offset in the segment file
    sh_len: np.ndarray  # int64 shingle set size
    fg_off: np.ndarray  # int64 offset of the figure set in the segment's figures file
    fg_slots: np.ndarray  # int64 figure slots (the filled slots follow them in the file)
    fg_len: np.ndarray  # int64 slots + filled slots + figures (0 for documents from before figures)
    fg_values: np.ndarray  # int64 figures, the last fg_values of the set (0 before round 15)
    old_cluster: np.ndarray  # object (n_old,): cluster_id or None
    old_canon: np.ndarray  # object (n_old,): canonical_doc_id
    old_story: np.ndarray  # object (n_old,): story_id (the story canonical's doc_id)

    @property
    def N(self) -> int:
        return self.n_old + self.n_new

    @property
    def new_global(self) -> np.ndarray:
        """Global indices of the new documents."""
        return np.arange(self.n_new, dtype=np.int64) + self.n_old


def build_table(old: OldState, new: pd.DataFrame, seg: NewSegment) -> DocTable:
    """Old rows first, then new rows. Content hashes are kept as 16-byte digests and group codes
    instead of 32-char str objects (~90 bytes per doc); hex text is made only for the outputs."""
    od = old.docs
    n_old, n_new = len(od), len(new)
    dig = np.concatenate([digests_from_hex(od["content_hash"]), seg.digest]) if n_old else seg.digest
    pub = np.concatenate([ns(od["published_at"]), new["published_ns"].to_numpy(dtype=np.int64)])
    return DocTable(
        n_old=n_old,
        n_new=n_new,
        doc_id=np.concatenate([od["doc_id"].to_numpy(dtype=object), new["doc_id"].to_numpy(dtype=object)]),
        digest=dig,
        code=digest_codes(dig),
        n_words=np.concatenate([od["n_words"].to_numpy(dtype=np.int64), seg.n_words]),
        quality=np.concatenate(
            [od["quality_score"].to_numpy(dtype=np.float64), new["quality_score"].to_numpy()]
        ),
        published=np.where(pub == np.iinfo(np.int64).min, NO_DATE, pub),  # NaT = latest
        seg=np.concatenate(
            [od["seg"].to_numpy(dtype=np.int64), np.full(n_new, len(old.segments), dtype=np.int64)]
        ),
        sh_off=np.concatenate([od["sh_off"].to_numpy(dtype=np.int64), seg.sh_off]),
        sh_len=np.concatenate([od["sh_len"].to_numpy(dtype=np.int64), seg.sh_len]),
        fg_off=np.concatenate([od["fg_off"].to_numpy(dtype=np.int64), seg.fg_off]),
        fg_slots=np.concatenate([od["fg_slots"].to_numpy(dtype=np.int64), seg.fg_slots]),
        fg_len=np.concatenate([od["fg_len"].to_numpy(dtype=np.int64), seg.fg_len]),
        fg_values=np.concatenate([od["fg_values"].to_numpy(dtype=np.int64), seg.fg_values]),
        old_cluster=obj(od["cluster_id"]),
        old_canon=obj(od["canonical_doc_id"]),
        old_story=obj(od["story_id"]),
    )


def digest_codes(dig: np.ndarray) -> np.ndarray:
    """Group codes of (n, 16) digests, equal codes <=> equal digests: factorize the first 8 bytes and
    check the other 8 agree within every group (a 64-bit collision between different digests falls
    back to factorizing the whole 16 bytes)."""
    dig = np.ascontiguousarray(dig, dtype=np.uint8)
    if len(dig) == 0:
        return np.zeros(0, dtype=np.int64)
    v = dig.view(np.uint64)
    codes, uniq = pd.factorize(v[:, 0])
    first = np.empty(len(uniq), dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)
    if not np.array_equal(v[:, 1], v[first[codes], 1]):
        codes, _ = pd.factorize(dig.view("S16").ravel().astype(object))  # fixed width: exact
    return codes.astype(np.int64, copy=False)


@dataclass
class Edges:
    """Verified links: a is always a new document's global index, b the other end; sim its Jaccard."""

    a: np.ndarray
    b: np.ndarray
    sim: np.ndarray

    @staticmethod
    def concat(parts: list[Edges]) -> Edges:
        return Edges(*(np.concatenate([getattr(e, k) for e in parts]) for k in ("a", "b", "sim")))

    def __len__(self) -> int:
        return len(self.a)
