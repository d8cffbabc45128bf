"""Exact and near-duplicate detection: flag, never drop.

Pipeline (see docs/DEDUP.md for the reasoning and the measurements behind the defaults):
  features (content hash, sorted shingle sets, LSH band keys; batched, or precomputed per batch on
  workers with prepare()) -> exact groups by content hash -> banded LSH candidates (one representative
  per content hash, docs with >= min_words words only; pairs generated with numpy, no loop per
  bucket) -> batched verification by exact Jaccard of the shingle sets -> connected components ->
  canonical per component, every member verified against the canonical itself (no chaining).

Canonical rule: best quality_score (missing = worst), then earliest published_at (missing = latest),
then smallest doc_id. Cross-run rule: documents from earlier runs keep their role; a new document that
duplicates an old one joins the old cluster (its canonical stays canonical, its cluster_id stays), old
clusters are never merged with each other, and an old unclustered document that gains duplicates
becomes the canonical of a new cluster.

No chaining: a member is reported in a cluster only if its own Jaccard to the cluster's canonical is
>= threshold. Within a component of verified edges, the best-ranked document becomes canonical and
takes every member at >= threshold to it; the best-ranked of the rest becomes the next canonical, and
so on (a component linked to an old cluster first offers its members to that cluster's canonical).

cluster_id = "dup-" + xxh3_64 hex of the canonical's doc_id: stable across runs because the canonical
of a cluster never changes once published.
"""

from __future__ import annotations

import binascii
import json
import os
import resource
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import xxhash

from factsieve import minhash as mh
from factsieve.params import DedupParams

STATE_FORMAT = 1
_NO_DATE = np.iinfo(np.int64).max


@dataclass
class DedupResult:
    assignments: pd.DataFrame
    duplicates: pd.DataFrame
    stats: dict = field(default_factory=dict)


def cluster_id_for(canonical_doc_id: str) -> str:
    return "dup-" + xxhash.xxh3_64_hexdigest(canonical_doc_id.encode())


# ----------------------------------------------------------------------------------------------------
# state on disk
#   meta.json                 format, params, segment list
#   docs.parquet              one row per document ever seen (global index = row number)
#   seg-NNNNN.shingles.u32    shingle hashes of the segment's docs, concatenated (raw uint32)
#   seg-NNNNN.bands.u64       (n_docs_in_segment, bands) uint64 LSH keys (raw)
# Segments are immutable: a later state_out hard-links (or copies) them and adds one new segment, so
# old signatures are never recomputed and state_in is never modified.

_DOC_COLS = [
    "doc_id",
    "content_hash",
    "n_words",
    "lsh",
    "quality_score",
    "published_at",
    "cluster_id",
    "canonical_doc_id",
    "is_canonical",
    "dup_method",
    "dup_similarity",
    "seg",
    "sh_off",
    "sh_len",
]


class _ShingleStore:
    """Shingle segment files, read with pread for the documents verification needs. (Memory-mapping
    them made every cached page of the file count in RSS: the kernel maps ~64 KB around each fault,
    so random reads of a few thousand documents mapped the whole segment.)"""

    _GAP = 1024  # uint32 values: documents closer than this are read with one call

    def __init__(self) -> None:
        self.fds: list[int] = []

    def add(self, path: Path) -> None:
        self.fds.append(os.open(path, os.O_RDONLY))

    def close(self) -> None:
        for fd in self.fds:
            os.close(fd)
        self.fds = []

    def __del__(self) -> None:  # an exception left _run early
        self.close()

    def read(self, seg: int, offs: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """Concatenation of values [offs[i], offs[i] + lens[i]) of segment seg (repeats allowed):
        documents sorted by offset, nearby ones merged into one read, one pread per run."""
        offs = np.asarray(offs, dtype=np.int64)
        lens = np.asarray(lens, dtype=np.int64)
        n = len(offs)
        if n == 0 or int(lens.sum()) == 0:
            return np.zeros(0, dtype=np.uint32)
        order = np.argsort(offs, kind="stable")
        so = offs[order]
        se = so + lens[order]
        reach = np.maximum.accumulate(se)
        first = np.ones(n, dtype=bool)
        first[1:] = so[1:] > reach[:-1] + self._GAP
        starts = np.flatnonzero(first)
        r_lo = so[starts]
        r_len = np.maximum.reduceat(se, starts) - r_lo
        r_buf = np.zeros(len(starts) + 1, dtype=np.int64)
        np.cumsum(r_len, out=r_buf[1:])
        buf = np.empty(int(r_buf[-1]), dtype=np.uint32)
        mv = memoryview(buf).cast("B")
        fd = self.fds[seg]
        for lo, b0, b1 in zip(
            (4 * r_lo).tolist(), (4 * r_buf[:-1]).tolist(), (4 * r_buf[1:]).tolist(), strict=True
        ):
            while b0 < b1:
                k = os.preadv(fd, [mv[b0:b1]], lo)
                if k <= 0:
                    raise ValueError("dedup state: a shingle segment file is shorter than its offsets")
                b0, lo = b0 + k, lo + k
        run = np.cumsum(first) - 1
        pos = np.empty(n, dtype=np.int64)
        pos[order] = r_buf[run] + (so - r_lo[run])
        return buf[mh.ranges(pos, lens)]


def _link_or_copy(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _load_state(state_in: Path | None, params: DedupParams) -> tuple[pd.DataFrame, dict, list[str]]:
    if state_in is None or not (Path(state_in) / "meta.json").exists():
        return _empty_docs(), {}, []
    state_in = Path(state_in)
    meta = json.loads((state_in / "meta.json").read_text())
    if meta.get("format") != STATE_FORMAT:
        raise ValueError(f"{state_in}: unsupported dedup state format {meta.get('format')!r}")
    if meta["params"] != params.result_params():
        raise ValueError(
            f"{state_in}: dedup state was built with params {meta['params']}, "
            f"not {params.result_params()}; start a fresh state to change them"
        )
    docs = pd.read_parquet(state_in / "docs.parquet")
    return docs, meta, list(meta["segments"])


def _empty_docs() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": pd.Series([], dtype=object),
            "content_hash": pd.Series([], dtype=object),
            "n_words": pd.Series([], dtype=np.int64),
            "lsh": pd.Series([], dtype=bool),
            "quality_score": pd.Series([], dtype=np.float64),
            "published_at": pd.Series([], dtype="datetime64[ns, UTC]"),
            "cluster_id": pd.Series([], dtype=object),
            "canonical_doc_id": pd.Series([], dtype=object),
            "is_canonical": pd.Series([], dtype=bool),
            "dup_method": pd.Series([], dtype=object),
            "dup_similarity": pd.Series([], dtype=np.float64),
            "seg": pd.Series([], dtype=np.int32),
            "sh_off": pd.Series([], dtype=np.int64),
            "sh_len": pd.Series([], dtype=np.int64),
        }
    )


# ----------------------------------------------------------------------------------------------------
# input


def _prepare_input(
    docs: pd.DataFrame, who: str = "deduplicate", need_text: bool = True
) -> tuple[pd.DataFrame, pa.Array | None, pd.Index]:
    """(frame of doc_id [object array of str], quality_score, published_ns; the texts as Arrow or
    None; an object Index of the doc_ids). The doc_id str objects are made once (or are the caller's
    own when it passes an object column of str) and shared by everything downstream."""
    missing = ({"doc_id", "text"} if need_text else {"doc_id"}) - set(docs.columns)
    if missing:
        raise ValueError(f"{who}: docs is missing column(s) {sorted(missing)}")
    if docs["doc_id"].isna().any():
        raise ValueError(f"{who}: doc_id must not be null")
    col = docs["doc_id"]
    if col.dtype == object and pd.api.types.infer_dtype(col, skipna=False) == "string":
        ids = col.to_numpy(dtype=object)  # already str: no copy of the strings
    else:
        ids = col.astype(str).to_numpy(dtype=object)
    index = pd.Index(ids, dtype=object, copy=False)
    if not index.is_unique:
        dup = index[index.duplicated()]
        raise ValueError(f"{who}: doc_id must be unique, repeated: {sorted(set(dup))[:5]}")
    q = (
        pd.to_numeric(docs["quality_score"], errors="coerce").astype(np.float64)
        if "quality_score" in docs
        else pd.Series(np.nan, index=docs.index)
    )
    p = (
        pd.to_datetime(docs["published_at"], utc=True, errors="coerce")
        if "published_at" in docs
        else pd.Series(pd.NaT, index=docs.index, dtype="datetime64[ns, UTC]")
    )
    frame = pd.DataFrame(
        {
            "doc_id": pd.Series(ids, dtype=object, copy=False),
            "quality_score": q.to_numpy(),
            "published_ns": _ns(p),
        }
    )
    if not need_text:  # features were computed elsewhere: the text is not needed (nor read)
        return frame, None, index
    text = docs["text"]
    if not isinstance(text.dtype, pd.StringDtype):
        text = text.astype("str")  # non-strings become their str(), missing stays missing (= empty)
    text_pa = pa.array(text)  # zero-copy for Arrow-backed string columns
    if text_pa.type != pa.large_string():
        text_pa = text_pa.cast(pa.large_string())
    return frame, text_pa, index


def _obj(s: pd.Series) -> np.ndarray:
    """Object array with None (not NaN) for missing values."""
    a = np.array(s.to_numpy(dtype=object), dtype=object, copy=True)
    a[pd.isna(a)] = None
    return a


def _ns(s: pd.Series) -> np.ndarray:
    """UTC datetimes as int64 nanoseconds, NaT = int64 min."""
    s = pd.to_datetime(s, utc=True)
    return s.dt.tz_convert(None).to_numpy(dtype="datetime64[ns]").view(np.int64)


def _rank_key(quality: np.ndarray, published_ns: np.ndarray, doc_id: np.ndarray) -> np.ndarray:
    """Order of canonical preference (0 = best): quality desc (NaN worst), published asc (NaT last),
    doc_id asc."""
    q = np.where(np.isnan(quality), np.inf, -quality)
    return np.lexsort((_str_order_rank(doc_id), published_ns, q))


def _str_order(a: np.ndarray) -> np.ndarray:
    """Stable argsort of an object array of str by code point (Arrow's sort: several times faster
    than numpy on object strings, and no fixed-width copy of every id)."""
    return pc.sort_indices(pa.array(a, type=pa.large_string())).to_numpy()


def _str_order_rank(a: np.ndarray) -> np.ndarray:
    r = np.empty(len(a), dtype=np.int64)
    r[_str_order(a)] = np.arange(len(a))
    return r


# ----------------------------------------------------------------------------------------------------
# features: computable per batch on workers, consumed by the single global dedup step


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

    def take(self, rows: np.ndarray) -> Features:
        off = self.shingle_offsets.astype(np.int64)
        lens = np.diff(off)[rows]
        new_off = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lens, out=new_off[1:])
        return Features(
            self.doc_id[rows],
            self.digest[rows],
            self.n_words[rows],
            self.load_shingles()[mh.ranges(off[:-1][rows], lens)],
            _small_offsets(new_off),
            self.band_keys[rows],
            self.params,
        )


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


def _params_key(params: DedupParams) -> tuple:
    return tuple(sorted(params.result_params().items()))


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
        _params_key(p),
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
            _params_key(p),
        )
    if len(parts) == 1:
        return parts[0]
    lens = np.concatenate([np.diff(f.shingle_offsets.astype(np.int64)) for f in parts])
    off = np.zeros(len(lens) + 1, dtype=np.int64)
    np.cumsum(lens, out=off[1:])
    return Features(
        np.concatenate([f.doc_id for f in parts]),
        np.concatenate([f.digest for f in parts]),
        np.concatenate([f.n_words for f in parts]),
        np.concatenate([f.load_shingles() for f in parts]),
        _small_offsets(off),
        np.concatenate([f.band_keys for f in parts]),
        parts[0].params,
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
    inp, text_pa, _ = _prepare_input(docs, "prepare")
    ids = inp["doc_id"].to_numpy(dtype=object)
    parts = [_featurize(text_pa[s:e], ids[s:e], params) for s, e in _batches(len(inp), params.batch_size)]
    f = _concat_features(parts, params)
    f = replace(f, doc_id=_encode_ids(f.doc_id))
    return f.spill(spill_dir) if spill_dir is not None else f


# ----------------------------------------------------------------------------------------------------


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _batches(n: int, size: int) -> Iterator[tuple[int, int]]:
    for s in range(0, n, size):
        yield s, min(n, s + size)


def _components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Connected components of an undirected graph on 0..n-1 (label = a member index): min-label
    hooking plus pointer jumping, vectorised; a few passes for the small components dedup produces."""
    lab = np.arange(n, dtype=np.int64)
    if len(a) == 0:
        return lab
    while True:
        m = np.minimum(lab[a], lab[b])
        new = lab.copy()
        for x in (a, b, lab[a], lab[b]):
            np.minimum.at(new, x, m)
        while True:
            nxt = new[new]
            if np.array_equal(nxt, new):
                break
            new = nxt
        if np.array_equal(new, lab):
            return lab
        lab = new


def _bucket_pairs(keys: np.ndarray, idx: np.ndarray, lim: int, n_old: int, N: int) -> np.ndarray:
    """Candidate pair codes (a*N + b, a < b) of one band: keys sorted, idx ascending within equal keys.
    The member at position i of a bucket pairs with positions 0..min(i, lim)-1, so a bucket of s docs
    costs at most s*lim pairs (templated text cannot explode)."""
    n = len(keys)
    if n < 2:
        return np.zeros(0, dtype=np.int64)
    first = np.ones(n, dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    bstart = np.flatnonzero(first)
    bid = np.cumsum(first) - 1
    partners = np.minimum(np.arange(n) - bstart[bid], lim)
    el = np.flatnonzero(partners > 0)
    if len(el) == 0:
        return np.zeros(0, dtype=np.int64)
    cnt = partners[el]
    b = idx[np.repeat(el, cnt)]
    a = idx[mh.ranges(bstart[bid[el]], cnt)]
    keep = b >= n_old  # at least one new document (b is the larger index)
    return a[keep].astype(np.int64) * N + b[keep]


def deduplicate(
    docs: pd.DataFrame,
    params: DedupParams = DedupParams(),  # noqa: B008 - frozen dataclass, safe as a default
    state_in: Path | None = None,
    state_out: Path | None = None,
    features: Sequence[Features] | None = None,
) -> DedupResult:
    """Flag exact and near duplicates in docs (plus everything in state_in); see module docstring.

    features: the prepare() results of docs, in any batching and order, covering exactly docs'
    doc_ids; when given, nothing is re-featurized (documents already in state_in are skipped as usual)
    and docs needs no text column (doc_id, plus quality_score/published_at for the canonical rule)."""
    params.validate()
    t_start = time.perf_counter()
    timings: dict[str, float] = {}
    stats: dict = {}

    def lap(name: str, t0: float) -> float:
        t1 = time.perf_counter()
        timings[name] = round(timings.get(name, 0.0) + t1 - t0, 4)

        return t1

    if state_out is not None:
        state_out = Path(state_out)
        if state_in is not None and Path(state_in).resolve() == state_out.resolve():
            raise ValueError("deduplicate: state_out must be a new directory, not state_in")
        if state_out.exists() and any(state_out.iterdir()):
            raise FileExistsError(f"deduplicate: state_out {state_out} exists and is not empty")

    t = time.perf_counter()
    inp, text_pa, index = _prepare_input(docs, need_text=features is None)
    ids = inp["doc_id"].to_numpy(dtype=object)
    feats = None
    if features is not None:
        # the parts are used one at a time and never concatenated (that copy was the largest
        # transient of the global step): here only each part's positions in docs are kept
        parts = list(features)
        if any(f.params != _params_key(params) for f in parts):
            raise ValueError("deduplicate: features were prepared with different DedupParams")
        seen = np.zeros(len(inp), dtype=bool)
        part_pos, total = [], 0
        for f in parts:
            pos = index.get_indexer(f.doc_ids())
            if (pos < 0).any():
                raise ValueError("deduplicate: features must cover exactly the doc_ids of docs, once each")
            seen[pos] = True
            total += len(pos)
            part_pos.append(pos)
        if total != len(inp) or int(seen.sum()) != total:
            raise ValueError("deduplicate: features must cover exactly the doc_ids of docs, once each")
        del seen
        feats = (parts, part_pos)
    old, meta, old_segments = _load_state(state_in, params)
    n_old = len(old)
    # documents already in the state are not reprocessed (idempotent re-runs); only their rows are returned
    known = inp["doc_id"].isin(set(old["doc_id"])) if n_old else pd.Series(False, index=inp.index)
    # new docs are processed in doc_id order so results do not depend on input row order
    new_pos = np.flatnonzero(~known.to_numpy())
    new_pos = new_pos[_str_order(ids[new_pos])]
    del index, ids
    new = inp.iloc[new_pos].reset_index(drop=True)
    texts, text_to_new = None, None
    if feats is not None:
        text_to_new = np.full(len(inp), -1, dtype=np.int64)  # input row -> new-doc position (-1: known)
        text_to_new[new_pos] = np.arange(len(new_pos))
    elif len(new_pos) == len(inp):
        # featurize in input order (zero-copy slices) and place each row by its doc_id rank: gathering
        # all texts into doc_id order first would copy every byte once more
        texts, text_to_new = text_pa, np.empty(len(new_pos), dtype=np.int64)
        text_to_new[new_pos] = np.arange(len(new_pos))
    else:
        texts = text_pa.take(pa.array(new_pos, type=pa.int64()))
        text_to_new = np.arange(len(new_pos))
    del text_pa
    n_new = len(new)
    t = lap("load", t)

    tmpdir = None
    seg_no = len(old_segments)
    seg_name = f"seg-{seg_no:05d}"
    sorted_segments = list(meta.get("sorted_segments", []))
    if state_out is not None:
        state_out.mkdir(parents=True, exist_ok=True)
        work_dir = state_out
    else:
        tmpdir = tempfile.TemporaryDirectory(prefix="factsieve-dedup-")
        work_dir = Path(tmpdir.name)
    try:
        result = _run(
            inp=inp,
            new=new,
            texts=texts,
            text_to_new=text_to_new,
            feats=feats,
            old=old,
            old_segments=old_segments,
            sorted_segs=set(sorted_segments),
            state_in=state_in,
            work_dir=work_dir,
            seg_name=seg_name,
            params=params,
            stats=stats,
            lap=lap,
            t=t,
            new_pos=new_pos,
            write_state=state_out is not None,
        )
        if state_out is not None:
            t = time.perf_counter()
            for s in old_segments:
                for ext in (".shingles.u32", ".bands.u64"):
                    _link_or_copy(Path(state_in) / (s + ext), state_out / (s + ext))
            (state_out / "meta.json").write_text(
                json.dumps(
                    {
                        "format": STATE_FORMAT,
                        "params": params.result_params(),
                        "segments": old_segments + [seg_name],
                        # segments whose per-doc shingles are stored sorted and unique (older ones
                        # hold them in text order and are made unique when read)
                        "sorted_segments": sorted_segments + [seg_name],
                        "n_docs": result["n_state"],
                        "runs": int(meta.get("runs", 0)) + 1,
                    },
                    indent=1,
                )
            )
            lap("write_state", t)
    finally:
        if tmpdir is not None:
            tmpdir.cleanup()

    stats.update(
        {
            "docs": int(len(inp)),
            "docs_new": int(n_new),
            "docs_known": int(known.sum()),
            "docs_in_state": int(n_old + n_new),
            "features_precomputed": feats is not None,
            "timings_s": timings,
            "total_s": round(time.perf_counter() - t_start, 4),
            "peak_rss_mb": round(_rss_mb(), 1),
        }
    )
    return DedupResult(result["assignments"], result["duplicates"], stats)


def _feature_batches(
    texts, text_to_new, feats, new_ids, p: DedupParams
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


def _digests_from_hex(hexes: pd.Series) -> np.ndarray:
    """(n, 16) uint8 digests of 32-char hex content hashes (as stored in the state)."""
    raw = "".join(hexes.astype(str).tolist())
    if len(raw) != 32 * len(hexes):
        raise ValueError("dedup state: content_hash values must be 32 hex characters")
    return np.frombuffer(binascii.unhexlify(raw), dtype=np.uint8).reshape(len(hexes), 16)


def _digest_codes(dig: np.ndarray) -> np.ndarray:
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


def _hex_array(dig: np.ndarray) -> pa.Array:
    """Arrow string array of the lower-case hex of (n, 16) digests (= xxh3_128_hexdigest), built from
    one buffer: no Python str per document."""
    n = len(dig)
    data = binascii.hexlify(np.ascontiguousarray(dig, dtype=np.uint8).tobytes())
    if 32 * n < 2**31:
        off = np.arange(0, 32 * n + 1, 32, dtype=np.int32)
        return pa.StringArray.from_buffers(n, pa.py_buffer(off), pa.py_buffer(data))
    off = np.arange(0, 32 * n + 1, 32, dtype=np.int64)
    return pa.LargeStringArray.from_buffers(n, pa.py_buffer(off), pa.py_buffer(data))


def _unique_inplace(parts: list[np.ndarray]) -> np.ndarray:
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


def _write_state(path: Path, cols: dict[str, np.ndarray], rows_per_slice: int = 1 << 17) -> None:
    """docs.parquet, written slice by slice (the whole state as one DataFrame plus its Arrow copy was
    the largest output transient). Every slice gets the dtypes a single DataFrame of all rows would
    infer (an object column is str unless it holds no string at all), so the file reads back the same."""
    n = len(cols["doc_id"])
    as_str = {
        k: v.dtype == object and pd.api.types.infer_dtype(v, skipna=True) == "string"
        for k, v in cols.items()
        if k not in ("content_hash",)
    }

    def frame(s: int, e: int) -> pd.DataFrame:
        out = {}
        for k, v in cols.items():
            if k == "content_hash":  # (an empty object column of no rows, as pandas infers it)
                out[k] = pd.array(_hex_array(v[s:e]), dtype="str") if n else np.zeros(0, dtype=object)
            elif k == "published_at":
                out[k] = pd.to_datetime(v[s:e].view("datetime64[ns]"), utc=True)
            elif k == "seg":
                out[k] = v[s:e].astype(np.int32)
            elif as_str[k]:
                out[k] = pd.array(v[s:e], dtype="str")
            else:
                out[k] = v[s:e]
        return pd.DataFrame(out)

    if n == 0:
        frame(0, 0).to_parquet(path, index=False)
        return
    writer = None
    try:
        for s in range(0, n, rows_per_slice):
            table = pa.Table.from_pandas(frame(s, min(n, s + rows_per_slice)), preserve_index=False)
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema)
            writer.write_table(table)
            del table
    finally:
        if writer is not None:
            writer.close()


def _pwrite_all(fd: int, arr: np.ndarray, pos: int) -> None:
    mv = memoryview(arr).cast("B")
    while len(mv):
        k = os.pwrite(fd, mv, pos)
        mv, pos = mv[k:], pos + k


def _copy_file_into(fd: int, src: str, nbytes: int, pos: int) -> None:
    """Copy the first nbytes of file src to fd at pos, in the kernel where possible."""
    with open(src, "rb") as fh:
        done = 0
        while done < nbytes:
            try:
                k = os.copy_file_range(fh.fileno(), fd, nbytes - done, done, pos + done)
            except (AttributeError, OSError):
                k = -1
            if k <= 0:  # unsupported here (or a short file: caught below)
                fh.seek(done)
                chunk = fh.read(min(1 << 23, nbytes - done))
                if not chunk:
                    raise ValueError(f"deduplicate: features file {src} is shorter than its offsets say")
                _pwrite_all(fd, np.frombuffer(chunk, dtype=np.uint8), pos + done)
                k = len(chunk)
            done += k


def _write_band_file(path: Path, parts: list[tuple[np.ndarray, np.ndarray]], n: int, bands: int) -> None:
    """Write the (n, bands) uint64 band keys of new docs, row = new position, from the per-batch parts
    in chunks of rows (no full (n, bands) copy in memory)."""
    srt = []
    for idx, _ in parts:
        o = np.argsort(idx, kind="stable")
        srt.append((o, idx[o]))
    chunk = 1 << 15
    with open(path, "wb") as fh:
        for s in range(0, n, chunk):
            e = min(n, s + chunk)
            buf = np.zeros((e - s, bands), dtype=np.uint64)
            for (o, si), (_, bk) in zip(srt, parts, strict=True):
                lo, hi = np.searchsorted(si, [s, e])
                if hi > lo:
                    buf[si[lo:hi] - s] = bk[o[lo:hi]]
            buf.tofile(fh)


def _band_column(parts: list[tuple[np.ndarray, np.ndarray]], n: int, band: int) -> np.ndarray:
    col = np.zeros(n, dtype=np.uint64)
    for idx, bk in parts:
        col[idx] = bk[:, band]
    return col


def _run(
    *,
    inp,
    new,
    texts,
    text_to_new,
    feats,
    old,
    old_segments,
    sorted_segs,
    state_in,
    work_dir,
    seg_name,
    params,
    stats,
    lap,
    t,
    new_pos,
    write_state,
):
    p = params
    n_old, n_new = len(old), len(new)
    N = n_old + n_new
    new_ids = new["doc_id"].to_numpy(dtype=object)

    # ---- features of new docs, shingle sets written to the segment file as each batch arrives (a
    # spilled part is copied file to file, never read into memory). Band keys stay in their parts
    # (168 bytes per new doc, held by the caller anyway for precomputed features); LSH gathers one
    # band at a time and the segment's bands file is written in row chunks.
    sh_path = work_dir / (seg_name + ".shingles.u32")
    bk_path = work_dir / (seg_name + ".bands.u64")
    n_words = np.zeros(n_new, dtype=np.int64)
    sh_len = np.zeros(n_new, dtype=np.int64)
    sh_off = np.zeros(n_new, dtype=np.int64)
    digest = np.zeros((n_new, 16), dtype=np.uint8)
    bk_parts: list[tuple[np.ndarray, np.ndarray]] = []  # (new positions, (m, bands) band keys)
    file_pos = 0
    peak_batch = 0
    fd = os.open(sh_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        for idx, f in _feature_batches(texts, text_to_new, feats, new_ids, p):
            off = f.shingle_offsets.astype(np.int64)
            n_words[idx] = f.n_words
            sh_len[idx] = np.diff(off)
            sh_off[idx] = file_pos + off[:-1]
            digest[idx] = f.digest
            bk_parts.append((np.asarray(idx, dtype=np.int64), f.band_keys))
            n_sh = int(off[-1])
            if f.shingles is None:
                _copy_file_into(fd, f.shingles_file, 4 * n_sh, 4 * file_pos)
            else:
                _pwrite_all(fd, np.ascontiguousarray(f.shingles[:n_sh], dtype=np.uint32), 4 * file_pos)
            file_pos += n_sh
            peak_batch = max(peak_batch, 4 * n_sh + f.band_keys.nbytes)
            del f
    finally:
        os.close(fd)
    _write_band_file(bk_path, bk_parts, n_new, p.bands)  # (n_docs, bands) row-major, the state format
    t = lap("featurize" if feats is None else "spill_features", t)

    store = _ShingleStore()
    for s in old_segments:
        store.add(Path(state_in) / (s + ".shingles.u32"))
    store.add(sh_path)
    seg_sorted = np.array([s in sorted_segs for s in old_segments] + [True])
    cur_seg = len(old_segments)

    # global arrays (old rows first, then new rows in doc_id order)
    g_id = np.concatenate([old["doc_id"].to_numpy(dtype=object), new_ids])
    # content hashes as 16-byte digests and exact-group codes (equal code <=> equal hash) instead of
    # 32-char str objects (~90 bytes per doc); hex text is made only for the outputs
    g_dig = np.concatenate([_digests_from_hex(old["content_hash"]), digest]) if n_old else digest
    del digest
    g_code = _digest_codes(g_dig)
    g_words = np.concatenate([old["n_words"].to_numpy(dtype=np.int64), n_words])
    g_q = np.concatenate([old["quality_score"].to_numpy(dtype=np.float64), new["quality_score"].to_numpy()])
    old_pub = _ns(old["published_at"])
    new_pub = new["published_ns"].to_numpy(dtype=np.int64)
    g_pub = np.concatenate([old_pub, new_pub])
    g_pub = np.where(g_pub == np.iinfo(np.int64).min, _NO_DATE, g_pub)  # NaT = latest
    g_seg = np.concatenate([old["seg"].to_numpy(dtype=np.int64), np.full(n_new, cur_seg, dtype=np.int64)])
    g_off = np.concatenate([old["sh_off"].to_numpy(dtype=np.int64), sh_off])
    g_len = np.concatenate([old["sh_len"].to_numpy(dtype=np.int64), sh_len])
    old_cluster = _obj(old["cluster_id"])
    old_canon = _obj(old["canonical_doc_id"])

    def gather(gidx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Sorted unique shingle sets of the given docs (repeats allowed), concatenated, and sizes."""
        lens = g_len[gidx]
        dst_off = np.zeros(len(gidx) + 1, dtype=np.int64)
        np.cumsum(lens, out=dst_off[1:])
        segs = g_seg[gidx]
        useg = np.unique(segs)
        if len(useg) == 1:  # usual case: one segment, no destination index needed
            out = store.read(int(useg[0]), g_off[gidx], lens)
        else:
            out = np.empty(int(dst_off[-1]), dtype=np.uint32)
            for s in useg.tolist():
                m = segs == s
                out[mh.ranges(dst_off[:-1][m], lens[m])] = store.read(s, g_off[gidx[m]], lens[m])
        if not seg_sorted[segs].all():  # segments written before sets were stored sorted
            doc = np.repeat(np.arange(len(gidx), dtype=np.uint64), lens)
            key = np.unique((doc << np.uint64(32)) | out.astype(np.uint64))
            lens = np.bincount((key >> np.uint64(32)).astype(np.int64), minlength=len(gidx))
            out = (key & np.uint64(0xFFFFFFFF)).astype(np.uint32)
        return out, lens

    def jaccard_pairs(ga: np.ndarray, gb: np.ndarray, chunk: int = 1_000_000) -> np.ndarray:
        """Exact Jaccard of many (ga[i], gb[i]) pairs, in chunks of about `chunk` shingles."""
        out = np.zeros(len(ga), dtype=np.float64)
        if len(ga) == 0:
            return out
        cost = np.cumsum(g_len[ga] + g_len[gb])
        s = 0
        while s < len(ga):
            e = max(int(np.searchsorted(cost, (cost[s - 1] if s else 0) + chunk, side="right")), s + 1)
            a_sets, al = gather(ga[s:e])
            b_sets, bl = gather(gb[s:e])
            inter = mh.pair_intersections(a_sets, al, b_sets, bl)
            union = al + bl - inter
            ok = (al > 0) & (bl > 0)
            out[s:e] = np.where(ok, inter / np.maximum(union, 1), 0.0)
            del a_sets, b_sets
            s = e
        return out

    # ---- exact groups: anchor = an old doc with the same hash (its canonical first) if any, else
    # the first new doc; only anchors go on to LSH
    nonempty = n_words > 0  # empty text: never a duplicate of anything
    codes = g_code[n_old:]
    anchor_of_code = np.full(int(g_code.max()) + 1 if N else 0, -1, dtype=np.int64)
    ne = np.flatnonzero(nonempty)
    uc, fi = np.unique(codes[ne], return_index=True)
    anchor_of_code[uc] = ne[fi] + n_old
    if n_old and n_new:
        present = np.zeros(len(anchor_of_code), dtype=bool)
        present[codes] = True
        oc = g_code[:n_old]
        cand = np.flatnonzero(present[oc] & (old["n_words"].to_numpy() > 0))
        if len(cand):
            df = pd.DataFrame(
                {"h": oc[cand], "can": old["is_canonical"].to_numpy(dtype=bool)[cand], "i": cand}
            )
            df = df.sort_values(["can", "i"], ascending=[False, True]).drop_duplicates("h")
            anchor_of_code[df["h"].to_numpy()] = df["i"].to_numpy()
    g_new = np.arange(n_new, dtype=np.int64) + n_old
    anchor = np.where(nonempty, anchor_of_code[codes], -1)
    is_rep = nonempty & (anchor == g_new)
    ex = np.flatnonzero(nonempty & ~is_rep)
    e_a = [g_new[ex]]  # edges: (new global idx, other global idx, similarity)
    e_b = [anchor[ex]]
    e_s = [np.ones(len(ex))]
    n_exact_edges = len(ex)
    lsh_new = is_rep & (n_words >= p.min_words) & (sh_len > 0)
    t = lap("exact", t)

    # ---- LSH candidates: per band, sort the keys of new representatives together with the old keys
    # that share a value with one of them; bucket pairs are generated without a Python loop
    rep_new = np.flatnonzero(lsh_new)
    old_lsh = np.flatnonzero(old["lsh"].to_numpy(dtype=bool)) if n_old else np.zeros(0, dtype=np.int64)
    old_bk = []
    if len(old_lsh) and len(rep_new):
        segs = old["seg"].to_numpy(dtype=np.int64)
        for s_i in range(len(old_segments)):
            rows = np.flatnonzero(segs == s_i)
            if len(rows):
                arr = np.memmap(
                    Path(state_in) / (old_segments[s_i] + ".bands.u64"), dtype=np.uint64, mode="r"
                ).reshape(-1, p.bands)
                old_bk.append((np.intersect1d(rows, old_lsh), arr, int(rows[0])))
    pair_codes = []
    for band in range(p.bands if len(rep_new) else 0):
        kn = _band_column(bk_parts, n_new, band)[rep_new]
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
        pair_codes.append(_bucket_pairs(keys[order], idx[order], p.max_bucket_pairs, n_old, N))
        del kn, keys, idx, order
        if sum(len(x) for x in pair_codes) > 8_000_000:  # a pair recurs in many bands: compact
            pair_codes = [_unique_inplace(pair_codes)]
    pairs = _unique_inplace(pair_codes)
    del bk_parts
    t = lap("lsh", t)

    # ---- verification: exact Jaccard of the shingle sets, batched
    pa_, pb_ = pairs // N, pairs % N
    # J(A, B) <= min(|A|, |B|) / max(|A|, |B|): pairs whose set sizes alone rule the threshold out are
    # rejected without reading their shingles (sizes are exact for sorted segments only)
    la, lb = g_len[pa_], g_len[pb_]
    exact_size = seg_sorted[g_seg[pa_]] & seg_sorted[g_seg[pb_]]
    hopeless = exact_size & (np.minimum(la, lb) < p.threshold * np.maximum(la, lb))
    sims = np.zeros(len(pairs), dtype=np.float64)
    check = np.flatnonzero(~hopeless)
    sims[check] = jaccard_pairs(pa_[check], pb_[check])
    del la, lb, exact_size
    verified = sims >= p.threshold
    n_candidates, n_rejected = len(pairs), int((~verified).sum())
    e_a.append(pb_[verified])  # pb_ is the larger index, always new
    e_b.append(pa_[verified])
    e_s.append(sims[verified])
    e_a, e_b, e_s = np.concatenate(e_a), np.concatenate(e_b), np.concatenate(e_s)
    del pairs, pa_, pb_, sims
    t = lap("verify", t)

    # ---- clustering. Connected components of the verified new<->new edges; a component linked to
    # old documents targets the old cluster of its strongest link (old clusters are never merged).
    # Then members are checked against the canonical itself (no chaining): round 0 against the old
    # target's canonical, then repeatedly the best-ranked unassigned member becomes a canonical and
    # takes every unassigned member of its component with Jaccard >= threshold to it.
    nn = e_b >= n_old
    comp = _components(n_new, e_a[nn] - n_old, e_b[nn] - n_old)
    comp_size = np.bincount(comp, minlength=n_new)
    lk = ~nn
    n_bridges = 0
    target = np.full(n_new, -1, dtype=np.int64)  # per component label: global idx of the old canonical
    if lk.any():
        o = e_b[lk]
        has_cl = pd.notna(old_cluster[o])
        tcanon = np.where(has_cl, old_canon[o], g_id[o])
        tkey = np.where(has_cl, old_cluster[o], "solo:" + g_id[o].astype(str))
        links = pd.DataFrame({"comp": comp[e_a[lk] - n_old], "sim": e_s[lk], "tcanon": tcanon, "tkey": tkey})
        n_bridges = int((links.groupby("comp")["tkey"].nunique() - 1).sum())
        best = links.sort_values(["comp", "sim", "tcanon"], ascending=[True, False, True]).drop_duplicates(
            "comp"
        )
        old_index = pd.Index(g_id[:n_old])
        target[best["comp"].to_numpy()] = old_index.get_indexer(best["tcanon"].to_numpy())

    g_rank = _rank_key(g_q, g_pub, g_id)
    pos = np.empty(N, dtype=np.int64)
    pos[g_rank] = np.arange(N)

    assigned = np.full(n_new, -1, dtype=np.int64)  # global idx of the member's canonical
    msim = np.full(n_new, np.nan)
    pending = (comp_size[comp] >= 2) | (target[comp] >= 0)
    split = np.zeros(n_new, dtype=bool)  # failed against a canonical at least once (chained)
    rnd = 0
    while pending.any() and rnd < 1000:
        um = np.flatnonzero(pending)
        if rnd == 0:
            um = um[target[comp[um]] >= 0]
            canon_of_comp = target
        else:
            order = np.lexsort((pos[um + n_old], comp[um]))
            firsts = um[order][np.r_[True, comp[um[order]][1:] != comp[um[order]][:-1]]]
            canon_of_comp = np.full(n_new, -1, dtype=np.int64)
            canon_of_comp[comp[firsts]] = firsts + n_old
            assigned[firsts] = firsts + n_old
            msim[firsts] = 1.0
            pending[firsts] = False
            um = um[~np.isin(um, firsts)]
        if len(um):
            c = canon_of_comp[comp[um]]
            same = g_code[um + n_old] == g_code[c]
            sim = np.ones(len(um))
            sim[~same] = jaccard_pairs(um[~same] + n_old, c[~same])
            ok = sim >= p.threshold
            assigned[um[ok]] = c[ok]
            msim[um[ok]] = sim[ok]
            pending[um[ok]] = False
            split[um[~ok]] = True
        rnd += 1
    pending_left = int(pending.sum())  # only after 1,000 rounds on a pathological component

    cl_id = np.concatenate([old_cluster, np.full(n_new, None, dtype=object)])
    canon = np.concatenate([old_canon, new_ids])
    is_can = np.concatenate([old["is_canonical"].to_numpy(dtype=bool), np.ones(n_new, dtype=bool)])
    method = np.concatenate([_obj(old["dup_method"]), np.full(n_new, None, dtype=object)])
    simil = np.concatenate([old["dup_similarity"].to_numpy(dtype=np.float64), np.full(n_new, np.nan)])
    mem = np.flatnonzero((assigned >= 0) & (assigned != g_new))  # new non-canonical members
    touched: set[str] = set()
    if len(mem):
        cg = assigned[mem]
        heads = np.unique(cg)
        cid_of = {}
        for h in heads.tolist():
            if h < n_old and old_cluster[h] is not None:
                cid_of[h] = old_cluster[h]
            else:  # a new canonical, or an old unclustered doc that gains duplicates
                cid_of[h] = cluster_id_for(g_id[h])
                cl_id[h], canon[h], is_can[h], method[h], simil[h] = cid_of[h], g_id[h], True, None, 1.0
        touched = set(cid_of.values())
        g = mem + n_old
        cl_id[g] = np.array([cid_of[h] for h in cg.tolist()], dtype=object)
        canon[g] = g_id[cg]
        is_can[g] = False
        method[g] = np.where(g_code[g] == g_code[cg], "exact", "near").astype(object)
        simil[g] = np.where(g_code[g] == g_code[cg], 1.0, np.round(msim[mem], 6))
    store.close()
    t = lap("cluster", t)

    # ---- outputs
    g_lsh = np.concatenate([old["lsh"].to_numpy(dtype=bool), lsh_new])
    if write_state:  # written in row slices before the other outputs are built; nothing if not wanted
        _write_state(
            work_dir / "docs.parquet",
            {
                "doc_id": g_id,
                "content_hash": g_dig,
                "n_words": g_words,
                "lsh": g_lsh,
                "quality_score": g_q,
                "published_at": np.where(g_pub == _NO_DATE, np.iinfo(np.int64).min, g_pub),
                "cluster_id": cl_id,
                "canonical_doc_id": canon,
                "is_canonical": is_can,
                "dup_method": method,
                "dup_similarity": simil,
                "seg": g_seg,
                "sh_off": g_off,
                "sh_len": g_len,
            },
        )
    # global row of every input row: new docs by their doc_id rank, known docs by lookup in the state
    rows = np.empty(len(inp), dtype=np.int64)
    rows[new_pos] = np.arange(n_new) + n_old
    if n_new < len(inp):
        known_pos = np.setdiff1d(np.arange(len(inp)), new_pos, assume_unique=True)
        rows[known_pos] = pd.Index(g_id[:n_old]).get_indexer(inp["doc_id"].to_numpy(dtype=object)[known_pos])
    assignments = pd.DataFrame(
        {
            "doc_id": pd.array(g_id[rows], dtype="str"),
            "content_hash": pd.array(_hex_array(g_dig[rows]), dtype="str"),
            "dup_cluster_id": cl_id[rows],
            "canonical_doc_id": pd.array(canon[rows], dtype="str"),
            "is_canonical": is_can[rows],
            "dup_method": method[rows],
            "dup_similarity": simil[rows],
        }
    )
    if touched:
        mem_rows = np.flatnonzero(pd.Series(cl_id).isin(touched).to_numpy())
    else:
        mem_rows = np.zeros(0, dtype=np.int64)
    mem_rows = mem_rows[
        np.lexsort((g_id[mem_rows].astype(str), ~is_can[mem_rows], cl_id[mem_rows].astype(str)))
    ]
    duplicates = pd.DataFrame(
        {
            "cluster_id": pd.array(cl_id[mem_rows], dtype="str"),
            "doc_id": pd.array(g_id[mem_rows], dtype="str"),
            "canonical_doc_id": pd.array(canon[mem_rows], dtype="str"),
            "similarity": simil[mem_rows].astype(np.float64),
            "method": np.where(is_can[mem_rows], "canonical", method[mem_rows]).astype(object),
            "is_new": mem_rows >= n_old,
        }
    )
    new_mask_in = rows >= n_old
    meth_in = assignments["dup_method"].to_numpy()
    lap("output", t)

    state_bytes = (
        int(N) * (8 * 6 + 1 + 1)  # numeric columns
        + int(sum(len(x) for x in g_id.tolist()))
        + 32 * int(N)  # doc_id + content hash text
        + int(n_new) * p.bands * 8  # band keys of this run's docs
        + peak_batch * max(1, p.workers) * 2
        + len(e_a) * 24
    )
    stats.update(
        {
            "exact_dups": int(np.sum((meth_in == "exact") & new_mask_in)),
            "near_dups": int(np.sum((meth_in == "near") & new_mask_in)),
            "clusters_touched": len(touched),
            "clusters_total": int(pd.Series(cl_id).dropna().nunique()),
            "lsh_docs": int(len(rep_new)),
            "exact_edges": int(n_exact_edges),
            "candidate_pairs": int(n_candidates),
            "verified_pairs": int(n_candidates - n_rejected),
            "rejected_pairs": int(n_rejected),
            "rejected_by_size": int(hopeless.sum()),
            "split_from_chain": int(split.sum()),
            "cluster_rounds": int(rnd),
            "left_unclustered_after_round_cap": pending_left,
            "bridges_ignored": int(n_bridges),
            "peak_state_bytes_est": int(state_bytes),
        }
    )
    return {"assignments": assignments, "duplicates": duplicates, "n_state": int(N)}


# ----------------------------------------------------------------------------------------------------
# forgetting: documents removed from the inputs or replaced by a new version

FORGOTTEN_PREFIX = "forgotten:"


def forget(
    state_in: Path, doc_ids: Iterable[str], state_out: Path, params: DedupParams = DedupParams()
) -> int:  # noqa: B008
    """A copy of the dedup state in which ``doc_ids`` no longer exist: a later deduplicate() never
    matches a document against them, and a document with one of their ids is new again.

    Incremental runs call this with the documents that are no longer live (their input was removed,
    or replaced by a new version) so duplicates are judged among live documents only: an edited
    document is not a near-duplicate of its own old version, a renamed file not an exact duplicate of
    its old name. The rows stay (segment offsets index them; history is not rewritten) under the id
    "forgotten:<row>:<doc_id>", unmatchable (no words, no LSH keys). Clusters that lose members are
    re-formed among their live members: one live member left is no cluster; a forgotten canonical is
    succeeded by the best-ranked live member (the canonical rule), and the other members stay only if
    their own Jaccard to it reaches the threshold (no chaining) — the rest become unique.

    state_in is never modified; segments are hard-linked into state_out. Returns how many rows
    were forgotten.
    """
    params.validate()
    state_in, state_out = Path(state_in), Path(state_out)
    if state_out.exists() and any(state_out.iterdir()):
        raise FileExistsError(f"forget: state_out {state_out} exists and is not empty")
    docs, meta, segments = _load_state(state_in, params)
    if not meta:
        raise ValueError(f"forget: {state_in} holds no dedup state")
    state_out.mkdir(parents=True, exist_ok=True)
    for s in segments:
        for ext in (".shingles.u32", ".bands.u64"):
            _link_or_copy(state_in / (s + ext), state_out / (s + ext))
    (state_out / "meta.json").write_text(json.dumps(meta, indent=1))
    gone = docs["doc_id"].isin(set(doc_ids)).to_numpy()
    if not gone.any():
        _link_or_copy(state_in / "docs.parquet", state_out / "docs.parquet")
        return 0
    ids = docs["doc_id"].to_numpy(dtype=object).copy()
    gone_ids = set(ids[gone].tolist())
    rows = np.flatnonzero(gone)
    # the roles as plain arrays, updated in place and written back once (a .loc assignment per row
    # on the whole state frame cost ~10 ms each: 55 s for 3,000 forgotten documents at 220k)
    cl = _obj(docs["cluster_id"])
    canon = _obj(docs["canonical_doc_id"])
    is_can = docs["is_canonical"].to_numpy(dtype=bool).copy()
    method = _obj(docs["dup_method"])
    simil = docs["dup_similarity"].to_numpy(dtype=np.float64).copy()
    affected = set(cl[gone][pd.notna(cl[gone])].tolist())
    ids[rows] = [f"{FORGOTTEN_PREFIX}{r}:{ids[r]}" for r in rows.tolist()]

    def make_unique(r) -> None:  # the state's form of a document in no cluster
        cl[r], canon[r], is_can[r], method[r], simil[r] = None, ids[r], True, None, np.nan

    make_unique(rows)
    store = _ShingleStore()
    sorted_segs = set(meta.get("sorted_segments", []))
    chash = docs["content_hash"].to_numpy(dtype=object)
    seg, off, ln = (docs[c].to_numpy(dtype=np.int64) for c in ("seg", "sh_off", "sh_len"))

    def shingles(r: int) -> np.ndarray:
        vals = store.read(int(seg[r]), off[r : r + 1], ln[r : r + 1])
        return vals if segments[seg[r]] in sorted_segs else np.unique(vals)

    try:
        for s in segments:
            store.add(state_in / (s + ".shingles.u32"))
        # live members of the affected clusters, grouped once (not one scan of the state per cluster)
        rows_in = np.flatnonzero(pd.Series(cl).isin(affected).to_numpy())
        by_cluster = pd.Series(rows_in).groupby(cl[rows_in]).agg(list).to_dict() if len(rows_in) else {}
        pub = _ns(docs["published_at"])
        pub = np.where(pub == np.iinfo(np.int64).min, _NO_DATE, pub)
        quality = docs["quality_score"].to_numpy(dtype=np.float64)
        for cid in sorted(affected):
            members = np.array(sorted(by_cluster.get(cid, [])), dtype=np.int64)
            if len(members) <= 1:
                make_unique(members)
                continue
            if canon[members[0]] not in gone_ids:
                continue  # its canonical is live: every live member was verified against it
            order = _rank_key(quality[members], pub[members], ids[members])
            head = int(members[order[0]])
            head_set = shingles(head)
            new_cid = cluster_id_for(str(ids[head]))
            kept = []
            for r in members[order[1:]].tolist():
                if chash[r] == chash[head]:
                    kept.append((r, "exact", 1.0))
                    continue
                other = shingles(r)
                inter = len(np.intersect1d(head_set, other, assume_unique=True))
                union = len(head_set) + len(other) - inter
                sim = inter / union if union else 0.0
                if len(head_set) and len(other) and sim >= params.threshold:
                    kept.append((r, "near", round(sim, 6)))
                else:
                    make_unique(r)
            if not kept:
                make_unique(head)
                continue
            cl[head], canon[head], is_can[head], method[head], simil[head] = (
                new_cid,
                ids[head],
                True,
                None,
                1.0,
            )
            for r, how, sim in kept:
                cl[r], canon[r], is_can[r], method[r], simil[r] = new_cid, ids[head], False, how, sim
    finally:
        store.close()
    docs["doc_id"] = pd.array(ids, dtype="str")
    docs.loc[gone, "lsh"] = False
    docs.loc[gone, "n_words"] = 0
    for col, arr in (("cluster_id", cl), ("canonical_doc_id", canon), ("dup_method", method)):
        docs[col] = pd.Series(arr, index=docs.index, dtype=docs[col].dtype)
    docs["is_canonical"] = is_can
    docs["dup_similarity"] = simil
    docs.to_parquet(state_out / "docs.parquet", index=False)
    return len(rows)


def live_roles(state: Path) -> pd.DataFrame:
    """doc_id and duplicate role (documents' dup columns) of every live document in a dedup state."""
    cols = ["doc_id", "cluster_id", "canonical_doc_id", "is_canonical", "dup_method", "dup_similarity"]
    t = pq.read_table(Path(state) / "docs.parquet", columns=cols)
    t = t.filter(pc.invert(pc.starts_with(t["doc_id"], FORGOTTEN_PREFIX)))
    return t.rename_columns(["doc_id", "dup_cluster_id", *cols[2:]]).to_pandas()
