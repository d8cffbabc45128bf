"""The sample bound of the story candidates: how many containment samples a pair must share before
its shingle sets are read, so that a pair at the story thresholds is given up with probability at
most SAMPLE_RISK (docs/DEDUP.md "Story candidates: the sample bound").

A document's containment samples are the shingles whose hash has its low sample_bits bits zero, so
over the hash function each shingle is a sample independently; given the m samples of the shorter
text (S shingles), which of its shingles they are is a uniformly random m-subset. If the pair shares
I shingles, the shared samples X then follow the hypergeometric law H(S, I, m), whose lower tail
P(X <= x) falls as I grows. A story link needs I >= I0 = max(story_min_shared,
ceil(story_containment * S)); rejecting every x with P(X <= x | I0) <= SAMPLE_RISK therefore gives up
at most SAMPLE_RISK of the pairs exactly at the thresholds, and less of every pair above them."""

from __future__ import annotations

import numpy as np

# at most 1 in 1,000 pairs exactly at the story thresholds lost to sampling. 1e-2 rejected 3 and 8
# true links more at 220k (news / stress profile); 1e-3 none (docs/BENCHMARKS.md, round 8)
SAMPLE_RISK = 1e-3


def _log_choose(lf: np.ndarray, n: np.ndarray, k: np.ndarray) -> np.ndarray:
    return lf[n] - lf[k] - lf[n - k]


def document_bound(
    sh_len: np.ndarray, samples: np.ndarray, containment: float, min_shared: int
) -> np.ndarray:
    """Per document: the fewest samples a pair must share when this document is its shorter text
    (the bound depends on the shorter text alone: its shingles S and samples m)."""
    S = np.maximum(np.asarray(sh_len, dtype=np.int64), 0)
    I0 = np.minimum(np.maximum(min_shared, np.ceil(containment * S - 1e-9)).astype(np.int64), S)
    return min_shared_samples(S, I0, np.minimum(samples, S))


def min_shared_samples(S: np.ndarray, I0: np.ndarray, m: np.ndarray, risk: float = SAMPLE_RISK) -> np.ndarray:
    """Per entry: the fewest shared samples kept, i.e. 1 + the largest x with P(X <= x) <= risk for
    X ~ H(S, I0, m) (0 when even x = 0 is likelier than that). Computed once per distinct (S, I0, m);
    exact (log-factorials, no approximation of the tail)."""
    S, I0, m = (np.asarray(v, dtype=np.int64) for v in (S, I0, m))
    out = np.zeros(len(S), dtype=np.int64)
    if len(S) == 0:
        return out
    # one int64 key per triple (each < 2^21 shingles in practice; else the slower unique of rows)
    if int(S.max()) < 1 << 21:
        key, inv = np.unique((S << 42) | (I0 << 21) | m, return_inverse=True)
        mask = np.int64((1 << 21) - 1)
        us, uk, un = key >> 42, (key >> 21) & mask, key & mask
    else:
        u, inv = np.unique(np.stack([S, I0, m]), axis=1, return_inverse=True)
        us, uk, un = u
    lf = np.concatenate([[0.0], np.cumsum(np.log(np.arange(1, int(us.max()) + 1)))])
    x = np.maximum(0, un - (us - uk))  # the smallest possible shared count
    cdf = np.zeros(len(us))
    q = x.copy()
    live = np.ones(len(us), dtype=bool)
    total = _log_choose(lf, us, un)
    while live.any():
        i = np.flatnonzero(live)
        xi = x[i]
        ok = xi <= np.minimum(uk[i], un[i])
        j, xj = i[ok], xi[ok]  # P(X = x) = C(I0, x) C(S - I0, m - x) / C(S, m)
        cdf[j] += np.exp(_log_choose(lf, uk[j], xj) + _log_choose(lf, us[j] - uk[j], un[j] - xj) - total[j])
        within = ok & (cdf[i] <= risk)
        q[i[within]] = xi[within] + 1
        live[i[~within]] = False
        x[i] += 1
    return q[inv.ravel()]
