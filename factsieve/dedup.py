"""Exact and near-duplicate detection: flag, never drop.

Pipeline (see docs/DEDUP.md for the reasoning and the measurements behind the defaults):
  featurize (batched, 2 threads) -> exact groups by content hash -> banded LSH candidates (one
  representative per content hash, docs with >= min_words words only) -> verification by exact
  Jaccard of the word-shingle sets -> union-find over verified edges -> canonical per cluster.

Canonical rule: best quality_score (missing = worst), then earliest published_at (missing = latest),
then smallest doc_id. Cross-run rule: documents from earlier runs keep their role; a new document that
duplicates an old one joins the old cluster (its canonical stays canonical, its cluster_id stays), old
clusters are never merged with each other, and an old unclustered document that gains duplicates
becomes the canonical of a new cluster.

cluster_id = "dup-" + xxh3_64 hex of the canonical's doc_id: stable across runs because the canonical
of a cluster never changes once published.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import xxhash

from factsieve import minhash as mh

STATE_FORMAT = 1
_NO_DATE = np.iinfo(np.int64).max


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

    def validate(self) -> None:
        if self.shingle_size < 1:
            raise ValueError("shingle_size must be >= 1")
        if self.bands < 1 or self.rows < 1 or self.bands * self.rows > self.num_perm:
            raise ValueError(f"need bands*rows <= num_perm, got {self.bands}*{self.rows} > {self.num_perm}")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        if self.min_words < self.shingle_size:
            raise ValueError("min_words must be >= shingle_size")

    def result_params(self) -> dict:
        """Parameters that change results; a state directory is only valid for the same values."""
        d = asdict(self)
        for k in ("batch_size", "workers"):
            d.pop(k)
        return d


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
    def __init__(self) -> None:
        self.segs: list[np.ndarray] = []

    def add(self, path: Path) -> None:
        size = path.stat().st_size
        self.segs.append(np.memmap(path, dtype=np.uint32, mode="r") if size else np.zeros(0, dtype=np.uint32))


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


def _prepare_input(docs: pd.DataFrame) -> tuple[pd.DataFrame, pa.Array]:
    missing = {"doc_id", "text"} - set(docs.columns)
    if missing:
        raise ValueError(f"deduplicate: docs is missing column(s) {sorted(missing)}")
    if docs["doc_id"].isna().any():
        raise ValueError("deduplicate: doc_id must not be null")
    ids = docs["doc_id"].astype(str)
    dup = ids[ids.duplicated()]
    if len(dup):
        raise ValueError(f"deduplicate: doc_id must be unique, repeated: {sorted(set(dup))[:5]}")
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
    text = docs["text"]
    if not isinstance(text.dtype, pd.StringDtype):
        text = text.astype("str")  # non-strings become their str(), missing stays missing (= empty)
    text_pa = pa.array(text)  # zero-copy for Arrow-backed string columns
    if text_pa.type != pa.large_string():
        text_pa = text_pa.cast(pa.large_string())
    frame = pd.DataFrame(
        {
            "doc_id": ids.to_numpy(dtype=object),
            "quality_score": q.to_numpy(),
            "published_ns": _ns(p),
        }
    )
    return frame, text_pa


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
    return np.lexsort((doc_id.astype(str), published_ns, q))


# ----------------------------------------------------------------------------------------------------
# union-find


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        p = self.parent
        while p[x] != x:
            p[x] = p[p[x]]
            x = p[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                ra, rb = rb, ra
            self.parent[ra] = rb


# ----------------------------------------------------------------------------------------------------


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _batches(n: int, size: int) -> Iterator[tuple[int, int]]:
    for s in range(0, n, size):
        yield s, min(n, s + size)


def deduplicate(
    docs: pd.DataFrame,
    params: DedupParams = DedupParams(),  # noqa: B008 - frozen dataclass, safe as a default
    state_in: Path | None = None,
    state_out: Path | None = None,
) -> DedupResult:
    """Flag exact and near duplicates in docs (plus everything in state_in); see module docstring."""
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
    inp, text_pa = _prepare_input(docs)
    old, meta, old_segments = _load_state(state_in, params)
    n_old = len(old)
    # documents already in the state are not reprocessed (idempotent re-runs); only their rows are returned
    known = inp["doc_id"].isin(set(old["doc_id"])) if n_old else pd.Series(False, index=inp.index)
    # new docs are processed in doc_id order so results do not depend on input row order
    new_pos = np.flatnonzero(~known.to_numpy())
    new_pos = new_pos[np.argsort(inp["doc_id"].to_numpy()[new_pos].astype(str), kind="stable")]
    new = inp.iloc[new_pos].reset_index(drop=True)
    texts = text_pa.take(pa.array(new_pos, type=pa.int64()))
    del text_pa
    n_new = len(new)
    t = lap("load", t)

    tmpdir = None
    seg_no = len(old_segments)
    seg_name = f"seg-{seg_no:05d}"
    if state_out is not None:
        state_out.mkdir(parents=True, exist_ok=True)
        work_dir = state_out
    else:
        tmpdir = tempfile.TemporaryDirectory(prefix="factsieve-dedup-")
        work_dir = Path(tmpdir.name)
    try:
        result = _run(
            inp, new, texts, old, old_segments, state_in, work_dir, seg_name, params, timings, stats, lap, t
        )
        if state_out is not None:
            t = time.perf_counter()
            for s in old_segments:
                for ext in (".shingles.u32", ".bands.u64"):
                    _link_or_copy(Path(state_in) / (s + ext), state_out / (s + ext))
            result["state"].to_parquet(state_out / "docs.parquet", index=False)
            (state_out / "meta.json").write_text(
                json.dumps(
                    {
                        "format": STATE_FORMAT,
                        "params": params.result_params(),
                        "segments": old_segments + [seg_name],
                        "n_docs": int(len(result["state"])),
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
            "timings_s": timings,
            "total_s": round(time.perf_counter() - t_start, 4),
            "peak_rss_mb": round(_rss_mb(), 1),
        }
    )
    return DedupResult(result["assignments"], result["duplicates"], stats)


def _run(inp, new, texts, old, old_segments, state_in, work_dir, seg_name, params, timings, stats, lap, t):
    p = params
    n_old, n_new = len(old), len(new)
    N = n_old + n_new

    # ---- featurize new docs in batches on a small thread pool, spilling shingles and band keys to the
    # segment files so memory stays bounded by the batch size
    sh_path = work_dir / (seg_name + ".shingles.u32")
    bk_path = work_dir / (seg_name + ".bands.u64")
    n_words = np.zeros(n_new, dtype=np.int64)
    sh_len = np.zeros(n_new, dtype=np.int64)
    chash: list[str] = [""] * n_new

    def feat(span: tuple[int, int]):
        s, e = span
        f = mh.featurize(texts[s:e], p.shingle_size, p.num_perm, p.seed)
        return s, e, f, mh.band_keys(f.signatures, p.bands, p.rows, p.seed)

    peak_batch = 0
    with open(sh_path, "wb") as fsh, open(bk_path, "wb") as fbk:
        spans = list(_batches(n_new, p.batch_size))
        with ThreadPoolExecutor(max_workers=max(1, p.workers)) as ex:
            window = max(1, p.workers) * 2
            futs = [ex.submit(feat, sp) for sp in spans[:window]]
            nxt = window
            while futs:
                s, e, f, bk = futs.pop(0).result()
                if nxt < len(spans):
                    futs.append(ex.submit(feat, spans[nxt]))
                    nxt += 1
                n_words[s:e] = f.n_words
                sh_len[s:e] = np.diff(f.shingle_offsets)
                chash[s:e] = f.content_hash
                fsh.write(f.shingles.tobytes())
                fbk.write(np.ascontiguousarray(bk).tobytes())
                peak_batch = max(peak_batch, f.shingles.nbytes + f.signatures.nbytes + bk.nbytes)
    t = lap("featurize", t)

    store = _ShingleStore()
    for s in old_segments:
        store.add(Path(state_in) / (s + ".shingles.u32"))
    store.add(sh_path)
    cur_seg = len(old_segments)
    sh_off = np.zeros(n_new, dtype=np.int64)
    if n_new:
        np.cumsum(sh_len[:-1], out=sh_off[1:])

    # global arrays (old rows first, then new rows in doc_id order)
    g_id = np.concatenate([old["doc_id"].to_numpy(dtype=object), new["doc_id"].to_numpy(dtype=object)])
    g_hash = np.concatenate([old["content_hash"].to_numpy(dtype=object), np.array(chash, dtype=object)])
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

    set_cache: dict[int, np.ndarray] = {}

    def sset(i: int) -> np.ndarray:
        a = set_cache.get(i)
        if a is None:
            seg = store.segs[g_seg[i]]
            a = mh.shingle_set(np.asarray(seg[g_off[i] : g_off[i] + g_len[i]]))
            if len(set_cache) > 200_000:
                set_cache.clear()
            set_cache[i] = a
        return a

    # ---- exact groups: anchor = an old doc with the same hash if any, else the first new doc
    edges: list[tuple[int, int, float]] = []  # (new global idx, other global idx, similarity)
    anchor: dict[str, int] = {}
    if n_old and n_new:
        new_hashes = set(chash)
        m = old["content_hash"].isin(new_hashes).to_numpy() & (old["n_words"].to_numpy() > 0)
        for i in np.flatnonzero(m):
            h = g_hash[i]
            cur = anchor.get(h)
            # prefer the old canonical of the group, else the first old doc
            if cur is None or (bool(old["is_canonical"].iat[i]) and not bool(old["is_canonical"].iat[cur])):
                anchor[h] = int(i)
    lsh_new = np.zeros(n_new, dtype=bool)
    n_exact_edges = 0
    for j in range(n_new):
        g = n_old + j
        if n_words[j] == 0:
            continue  # empty text: never a duplicate of anything
        h = chash[j]
        a = anchor.get(h)
        if a is None:
            anchor[h] = g
            lsh_new[j] = n_words[j] >= p.min_words and sh_len[j] > 0
        else:
            edges.append((g, a, 1.0))
            n_exact_edges += 1
    t = lap("exact", t)

    # ---- LSH candidates: per band, sort keys of new representatives together with the old keys that
    # share a value with one of them
    bk_new = np.fromfile(bk_path, dtype=np.uint64).reshape(n_new, p.bands) if n_new else None
    rep_new = np.flatnonzero(lsh_new)
    old_lsh = np.flatnonzero(old["lsh"].to_numpy(dtype=bool)) if n_old else np.zeros(0, dtype=np.int64)
    old_bk = []
    if len(old_lsh) and len(rep_new):
        seg_start: dict[int, int] = {}
        segs = old["seg"].to_numpy(dtype=np.int64)
        for s_i in range(len(old_segments)):
            rows = np.flatnonzero(segs == s_i)
            seg_start[s_i] = int(rows[0]) if len(rows) else 0
            if len(rows):
                arr = np.memmap(
                    Path(state_in) / (old_segments[s_i] + ".bands.u64"), dtype=np.uint64, mode="r"
                ).reshape(-1, p.bands)
                sel = np.intersect1d(rows, old_lsh)
                old_bk.append((sel, arr, seg_start[s_i]))
    pair_codes = []
    for band in range(p.bands if len(rep_new) else 0):
        kn = bk_new[rep_new, band]
        idx_parts = [rep_new + n_old]
        key_parts = [kn]
        for sel, arr, start in old_bk:
            ko = np.asarray(arr[sel - start, band])
            hit = np.isin(ko, kn)
            if hit.any():
                key_parts.append(ko[hit])
                idx_parts.append(sel[hit])
        keys = np.concatenate(key_parts)
        idx = np.concatenate(idx_parts)
        order = np.lexsort((idx, keys))
        keys, idx = keys[order], idx[order]
        brk = np.flatnonzero(keys[1:] != keys[:-1]) + 1
        starts = np.concatenate([[0], brk])
        ends = np.concatenate([brk, [len(keys)]])
        big = np.flatnonzero(ends - starts >= 2)
        for b_i in big:
            mem = idx[starts[b_i] : ends[b_i]]
            if mem[-1] < n_old:
                continue  # old-only bucket (cannot happen after the isin filter, kept for safety)
            lim = min(len(mem), p.max_bucket_pairs)
            ii, jj = np.triu_indices(len(mem), k=1)
            keep = ii < lim
            a_, b_ = mem[ii[keep]], mem[jj[keep]]
            keep2 = b_ >= n_old  # at least one new (b is the larger index)
            pair_codes.append(a_[keep2].astype(np.int64) * N + b_[keep2])
    pairs = np.unique(np.concatenate(pair_codes)) if pair_codes else np.zeros(0, dtype=np.int64)
    t = lap("lsh", t)

    # ---- verification: exact Jaccard of the shingle sets
    n_rejected = 0
    for code in pairs.tolist():
        a_, b_ = divmod(code, N)
        sim = mh.jaccard(sset(a_), sset(b_))
        if sim >= p.threshold:
            edges.append((b_, a_, sim))
        else:
            n_rejected += 1
    t = lap("verify", t)

    # ---- clustering: union-find over new<->new edges; each new component attaches to the old cluster
    # of its strongest link to an old doc (old clusters are never merged)
    uf = _UnionFind(n_new)
    old_links: dict[int, list[tuple[float, str, int]]] = defaultdict(list)
    for g, o, _sim in edges:
        if o >= n_old:
            uf.union(g - n_old, o - n_old)
    for g, o, sim in edges:
        if o < n_old:
            old_links[g - n_old].append((sim, o))
    comps: dict[int, list[int]] = defaultdict(list)
    for j in range(n_new):
        comps[uf.find(j)].append(j)

    rank = _rank_key(g_q, g_pub, g_id)
    pos = np.empty(N, dtype=np.int64)
    pos[rank] = np.arange(N)

    cl_id = np.concatenate([old_cluster, np.full(n_new, None, dtype=object)])
    canon = np.concatenate([old_canon, new["doc_id"].to_numpy(dtype=object)])
    is_can = np.concatenate([old["is_canonical"].to_numpy(dtype=bool), np.ones(n_new, dtype=bool)])
    method = np.concatenate([_obj(old["dup_method"]), np.full(n_new, None, dtype=object)])
    simil = np.concatenate([old["dup_similarity"].to_numpy(dtype=np.float64), np.full(n_new, np.nan)])
    canon_idx_of: dict[str, int] = {}
    touched: set[str] = set()
    n_bridges = 0
    id_to_g: dict[str, int] = {}

    def gidx(doc_id: str) -> int:
        if not id_to_g:
            id_to_g.update({d: i for i, d in enumerate(g_id.tolist())})
        return id_to_g[doc_id]

    for members in comps.values():
        links = [lk for j in members for lk in old_links.get(j, [])]
        if links:
            targets = {}
            for sim, o in links:
                key = old_cluster[o] if old_cluster[o] is not None else ("solo", o)
                targets[key] = max(targets.get(key, 0.0), sim)
            n_bridges += len(targets) - 1
            # strongest link wins; ties -> smaller doc_id of the old canonical
            best = min(
                links,
                key=lambda lk: (-lk[0], old_canon[lk[1]] if old_cluster[lk[1]] is not None else g_id[lk[1]]),
            )
            o = best[1]
            if old_cluster[o] is not None:
                cid, c_g = old_cluster[o], gidx(old_canon[o])
            else:
                c_g = o
                cid = cluster_id_for(g_id[o])
                cl_id[o], canon[o], is_can[o], method[o], simil[o] = cid, g_id[o], True, None, 1.0
        elif len(members) >= 2:
            c_g = min((n_old + j for j in members), key=lambda g: pos[g])
            cid = cluster_id_for(g_id[c_g])
            cl_id[c_g], canon[c_g], is_can[c_g], method[c_g], simil[c_g] = cid, g_id[c_g], True, None, 1.0
        else:
            continue
        touched.add(cid)
        canon_idx_of[cid] = c_g
        for j in members:
            g = n_old + j
            if g == c_g:
                continue
            cl_id[g], canon[g], is_can[g] = cid, g_id[c_g], False
            if g_hash[g] == g_hash[c_g]:
                method[g], simil[g] = "exact", 1.0
            else:
                method[g], simil[g] = "near", round(mh.jaccard(sset(g), sset(c_g)), 6)
    t = lap("cluster", t)

    # ---- outputs
    g_lsh = np.concatenate([old["lsh"].to_numpy(dtype=bool), lsh_new])
    state = pd.DataFrame(
        {
            "doc_id": g_id,
            "content_hash": g_hash,
            "n_words": g_words,
            "lsh": g_lsh,
            "quality_score": g_q,
            "published_at": pd.to_datetime(
                np.where(g_pub == _NO_DATE, np.iinfo(np.int64).min, g_pub).view("datetime64[ns]"), utc=True
            ),
            "cluster_id": cl_id,
            "canonical_doc_id": canon,
            "is_canonical": is_can,
            "dup_method": method,
            "dup_similarity": simil,
            "seg": g_seg.astype(np.int32),
            "sh_off": g_off,
            "sh_len": g_len,
        }
    )
    by_id = pd.Series(np.arange(N), index=g_id)
    rows = by_id.loc[inp["doc_id"].to_numpy()].to_numpy()
    assignments = pd.DataFrame(
        {
            "doc_id": pd.array(g_id[rows], dtype="str"),
            "content_hash": pd.array(g_hash[rows], dtype="str"),
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
    new_mask_in = (
        ~inp["doc_id"].isin(set(g_id[:n_old].tolist())).to_numpy() if n_old else np.ones(len(inp), bool)
    )
    meth_in = assignments["dup_method"].to_numpy()
    lap("output", t)

    state_bytes = (
        int(N) * (8 * 6 + 1 + 1)  # numeric columns
        + int(sum(len(x) for x in g_id.tolist()))
        + 32 * int(N)  # doc_id + content hash text
        + int(n_new) * p.bands * 8  # band keys read back for this run
        + peak_batch * max(1, p.workers) * 2
        + len(pairs) * 8
    )
    stats.update(
        {
            "exact_dups": int(np.sum((meth_in == "exact") & new_mask_in)),
            "near_dups": int(np.sum((meth_in == "near") & new_mask_in)),
            "clusters_touched": len(touched),
            "clusters_total": int(pd.Series(cl_id).dropna().nunique()),
            "lsh_docs": int(len(rep_new)),
            "exact_edges": n_exact_edges,
            "candidate_pairs": int(len(pairs)),
            "verified_pairs": int(len(pairs) - n_rejected),
            "rejected_pairs": int(n_rejected),
            "bridges_ignored": int(n_bridges),
            "peak_state_bytes_est": int(state_bytes),
        }
    )
    return {"assignments": assignments, "duplicates": duplicates, "state": state}
