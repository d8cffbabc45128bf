"""Featurise phase: per-document content digest, sorted unique word-shingle set and LSH band keys,
per batch (on workers with prepare(), or inside deduplicate), as compact picklable Features."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from factsieve.dedup import minhash as mh
from factsieve.dedup.inputs import prepare_input
from factsieve.dedup.params import DedupParams


@dataclass
class Features:
    """Dedup features of a batch of documents (see prepare()). Only numpy arrays, a small tuple and an
    optional file name, so it pickles compactly between processes: ~4 bytes per distinct word 5-gram +
    ~225 bytes per doc, or only the ~225 bytes once the shingles are spilled to a file (spill())."""

    doc_id: np.ndarray  # (n,) UTF-8 bytes "S<width>" (object array of str in features from before)
    digest: np.ndarray  # uint8 (n, 16): xxh3_128 of the normalised word sequence (exact key)
    n_words: np.ndarray  # uint32 (n,) (int64 in features from before)
    shingles: np.ndarray | None  # uint32: each doc's sorted unique word-shingle hashes, concatenated;
    # None when they were spilled to shingles_file
    shingle_offsets: np.ndarray  # uint32 or int64 (n + 1,): doc i owns shingles[off[i]:off[i + 1]]
    band_keys: np.ndarray  # uint64 (n, bands): LSH band keys of the MinHash signature
    params: tuple  # sorted DedupParams.result_params() items the features were computed with
    shingles_file: str | None = None  # raw uint32 file holding `shingles` (see spill())
    # each doc's figure slots, filled slots and figures (minhash.figure_sets; ~30 values per news
    # article, so they stay in memory when spilled); None in features from before figures: none known
    figures: np.ndarray | None = None
    figure_offsets: np.ndarray | None = None
    figure_slots: np.ndarray | None = None  # uint32 (n,): how many of each doc's values are slots
    # uint32 (n,): how many of each doc's values (the last) are figures; None in features from before
    # round 15 (their documents have no figures for the rewrite rule, facts.py)
    figure_values: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.doc_id)

    @property
    def n_shingles(self) -> int:
        return int(self.shingle_offsets[-1])

    def load_shingles(self) -> np.ndarray:
        """The shingles, read back from shingles_file if they were spilled."""
        if self.shingles is not None:
            return self.shingles
        return np.fromfile(self.shingles_file, dtype=np.uint32, count=self.n_shingles)

    def doc_ids(self) -> np.ndarray:
        """doc_id as an object array of str."""
        return _decode_ids(self.doc_id)

    def spill(self, directory: str | os.PathLike) -> Features:
        """The same features with the shingle sets moved to a new file in `directory` (a staging
        directory the caller owns and deletes after deduplicate; it must stay readable until then).
        Keeps ~225 bytes per document in memory instead of ~4 bytes per distinct word 5-gram on top;
        deduplicate() copies the file into its state segment without reading it into memory."""
        if self.shingles is None:
            return self
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix="features-", suffix=".shingles.u32", dir=directory)
        with os.fdopen(fd, "wb") as fh:
            np.ascontiguousarray(self.shingles, dtype=np.uint32).tofile(fh)
        return replace(self, shingles=None, shingles_file=str(name))

    def figure_parts(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(figures, int64 offsets, int64 slots per doc, int64 figure values per doc); empty for
        features from before figures."""
        n = len(self)
        if self.figures is None or self.figure_offsets is None or self.figure_slots is None:
            z = np.zeros(n, dtype=np.int64)
            return np.zeros(0, dtype=np.uint32), np.zeros(n + 1, dtype=np.int64), z, z
        values = np.zeros(n, dtype=np.int64) if self.figure_values is None else self.figure_values
        return (
            self.figures,
            self.figure_offsets.astype(np.int64),
            self.figure_slots.astype(np.int64),
            values.astype(np.int64),
        )

    def take(self, rows: np.ndarray) -> Features:
        sh, sh_off = _take_sets(self.load_shingles(), self.shingle_offsets, rows)
        fg, fg_off, fg_slots, fg_values = self.figure_parts()
        fg, fg_off = _take_sets(fg, fg_off, rows)
        return Features(
            self.doc_id[rows],
            self.digest[rows],
            self.n_words[rows],
            sh,
            sh_off,
            self.band_keys[rows],
            self.params,
            figures=fg,
            figure_offsets=fg_off,
            figure_slots=fg_slots[rows].astype(np.uint32),
            figure_values=fg_values[rows].astype(np.uint32),
        )


def _take_sets(values: np.ndarray, offsets: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The concatenated per-document sets of the given rows, and their offsets."""
    off = offsets.astype(np.int64)
    lens = np.diff(off)[rows]
    new_off = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lens, out=new_off[1:])
    return values[mh.ranges(off[:-1][rows], lens)], _small_offsets(new_off)


def _concat_sets(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    lens = np.concatenate([np.diff(o.astype(np.int64)) for _, o in parts])
    off = np.zeros(len(lens) + 1, dtype=np.int64)
    np.cumsum(lens, out=off[1:])
    return np.concatenate([v for v, _ in parts]), _small_offsets(off)


def _encode_ids(ids: np.ndarray) -> np.ndarray:
    """doc_ids as fixed-width UTF-8 bytes (32 bytes for a 32-hex id instead of a ~90-byte str object +
    pointer); an object array when that is not exact (NUL characters, which "S" would strip) or would
    waste space (very uneven lengths)."""
    ids = np.asarray(ids, dtype=object)
    try:
        enc = [x.encode("utf-8") for x in ids.tolist()]
    except (AttributeError, UnicodeEncodeError):  # not str, or lone surrogates
        return ids
    if not enc:
        return ids
    lens = np.fromiter(map(len, enc), dtype=np.int64, count=len(enc))
    width = int(lens.max())
    if int(lens.min()) == 0 or width > 2 * float(lens.mean()) + 16 or any(b"\x00" in x for x in enc):
        return ids
    return np.array(enc, dtype=f"S{width}")


def _decode_ids(ids: np.ndarray) -> np.ndarray:
    if ids.dtype == object:
        return ids
    return np.char.decode(ids, "utf-8").astype(object)


def _small_offsets(off: np.ndarray) -> np.ndarray:
    """Shingle offsets as uint32 when they fit (a batch has far fewer than 2^32 shingles), else int64."""
    return off.astype(np.uint32) if len(off) and int(off[-1]) < 2**32 else off.astype(np.int64)


def _featurize(texts: pa.Array, doc_ids: np.ndarray, p: DedupParams) -> Features:
    f = mh.featurize(texts, p.shingle_size, p.num_perm, p.seed)
    bk = mh.band_keys(f.signatures, p.bands, p.rows, p.seed)
    return Features(
        np.asarray(doc_ids, dtype=object),
        f.digests,
        f.n_words.astype(np.uint32),
        f.shingles,
        _small_offsets(f.shingle_offsets),
        bk,
        p.key(),
        figures=f.figures,
        figure_offsets=_small_offsets(f.figure_offsets),
        figure_slots=f.figure_slots.astype(np.uint32),
        figure_values=f.figure_values.astype(np.uint32),
    )


def _concat_features(parts: list[Features], p: DedupParams) -> Features:
    """One Features of a prepare() call's sub-batches (worker side; deduplicate never concatenates)."""
    if not parts:
        return Features(
            np.zeros(0, dtype=object),
            np.zeros((0, 16), dtype=np.uint8),
            np.zeros(0, dtype=np.uint32),
            np.zeros(0, dtype=np.uint32),
            np.zeros(1, dtype=np.uint32),
            np.zeros((0, p.bands), dtype=np.uint64),
            p.key(),
        )
    if len(parts) == 1:
        return parts[0]
    sh, sh_off = _concat_sets([(f.load_shingles(), f.shingle_offsets) for f in parts])
    figs = [f.figure_parts() for f in parts]
    fg, fg_off = _concat_sets([(v, o) for v, o, _, _ in figs])
    return Features(
        np.concatenate([f.doc_id for f in parts]),
        np.concatenate([f.digest for f in parts]),
        np.concatenate([f.n_words for f in parts]),
        sh,
        sh_off,
        np.concatenate([f.band_keys for f in parts]),
        parts[0].params,
        figures=fg,
        figure_offsets=fg_off,
        figure_slots=np.concatenate([s for _, _, s, _ in figs]).astype(np.uint32),
        figure_values=np.concatenate([v for _, _, _, v in figs]).astype(np.uint32),
    )


def prepare(
    docs: pd.DataFrame,
    params: DedupParams = DedupParams(),  # noqa: B008 - frozen dataclass, safe as a default
    spill_dir: str | os.PathLike | None = None,
) -> Features:
    """Per-document dedup features (content hash, shingle sets, LSH band keys) of docs (columns
    doc_id, text). Meant to run on the worker that produced the batch; pass the results of all
    batches to deduplicate(..., features=[...]) so the global step only buckets, verifies and
    clusters. The same params must be used in both calls.

    spill_dir: write the shingle sets to a new file there (Features.spill) so that only ~225 bytes
    per document stay in memory (and travel between processes); the directory must be readable by
    the process calling deduplicate and be kept until it returns."""
    params.validate()
    inp, text_pa, _ = prepare_input(docs, "prepare")
    ids = inp["doc_id"].to_numpy(dtype=object)
    parts = [_featurize(text_pa[s:e], ids[s:e], params) for s, e in _batches(len(inp), params.batch_size)]
    f = _concat_features(parts, params)
    f = replace(f, doc_id=_encode_ids(f.doc_id))
    return f.spill(spill_dir) if spill_dir is not None else f


def _batches(n: int, size: int) -> Iterator[tuple[int, int]]:
    for s in range(0, n, size):
        yield s, min(n, s + size)


def feature_batches(
    texts: pa.Array | None,
    text_to_new: np.ndarray,
    feats: tuple[list[Features], list[np.ndarray]] | None,
    new_ids: np.ndarray,
    p: DedupParams,
) -> Iterator[tuple[np.ndarray, Features]]:
    """(new-doc positions, their Features) per batch: computed here (a small thread pool) or taken
    from the precomputed parts one at a time (text_to_new then maps input rows to new positions)."""
    n_new = len(new_ids)
    if feats is not None:
        for f, pos in zip(*feats, strict=True):
            dest = text_to_new[pos]
            keep = np.flatnonzero(dest >= 0)  # the others are already in the state
            if len(keep) == len(dest):
                yield dest, f
            elif len(keep):
                yield dest[keep], f.take(keep)
        return
    spans = list(_batches(n_new, p.batch_size))

    def job(span: tuple[int, int]) -> Features:
        s, e = span
        return _featurize(texts[s:e], new_ids[text_to_new[s:e]], p)

    with ThreadPoolExecutor(max_workers=max(1, p.workers)) as ex:
        window = max(1, p.workers) * 2
        futs = [ex.submit(job, sp) for sp in spans[:window]]
        nxt = window
        k = 0
        while futs:
            f = futs.pop(0).result()
            if nxt < len(spans):
                futs.append(ex.submit(job, spans[nxt]))
                nxt += 1
            s, e = spans[k]
            k += 1
            yield text_to_new[s:e], f
