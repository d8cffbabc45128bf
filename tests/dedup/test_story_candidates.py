"""Story candidates (docs/DEDUP.md "Story candidates: the sample bound"): the sample bound rejects a
pair whose shared samples say it cannot reach the story thresholds and keeps a text sharing half of
itself; the copy level is untouched by it; verification read through the sparse kernel gives the
same counts as the numpy merge."""

from __future__ import annotations

from fractions import Fraction
from math import comb
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from factsieve.dedup import DedupParams, deduplicate, story
from factsieve.dedup import minhash as mh
from factsieve.dedup import verify as verify_mod
from factsieve.dedup.sample_bound import SAMPLE_RISK, document_bound, min_shared_samples
from factsieve.dedup.state import ShingleStore, load_state
from tests.dedup.test_run import BRIEFS, OTHER_STORY, STORY, frame
from tests.dedup.test_story import BOILERPLATE, NEW_LEAD, RELEASE, text


def _tail(S: int, I0: int, m: int, x: int) -> Fraction:
    """P(X <= x), X ~ hypergeometric(S, I0, m), in exact rational arithmetic."""
    return sum((Fraction(comb(I0, k) * comb(S - I0, m - k), comb(S, m)) for k in range(x + 1)), Fraction(0))


@pytest.mark.parametrize(
    ("S", "m"), [(40, 5), (60, 4), (80, 10), (120, 15), (300, 37), (700, 90), (2000, 260)]
)
def test_min_shared_samples_is_the_hypergeometric_quantile_at_the_story_thresholds(S, m):
    """Rejecting x < q gives up at most SAMPLE_RISK of the pairs exactly at the thresholds, and q is the
    largest such bound (one more would give up more)."""
    p = DedupParams()
    I0 = min(S, max(p.story_min_shared, -(-S // 2)))
    q = int(min_shared_samples(np.array([S]), np.array([I0]), np.array([m]))[0])
    risk = Fraction(SAMPLE_RISK).limit_denominator(10**9)
    if q > 0:
        assert _tail(S, I0, m, q - 1) <= risk
    assert _tail(S, I0, m, q) > risk


def test_a_pair_sharing_more_shingles_is_rejected_less_often():
    """The bound is taken at the thresholds because the tail falls as the shared count grows: a pair
    above them is given up less often than one at them."""
    S, m = 200, 25
    q = int(min_shared_samples(np.array([S]), np.array([100]), np.array([m]))[0])
    assert _tail(S, 100, m, q - 1) > _tail(S, 130, m, q - 1) > _tail(S, 180, m, q - 1)


def _counted(shared: int, sh_len: tuple[int, int], samples: tuple[int, int]) -> np.ndarray:
    """story._counted for one pair (documents 0 and 1) sharing `shared` samples."""
    N, p = 2, DedupParams()
    codes = np.full(shared, 0 * N + 1, dtype=np.int64)
    n_samples, sh = np.array(samples, dtype=np.int64), np.array(sh_len)
    bound = document_bound(sh, n_samples, p.story_containment, p.story_min_shared)
    no_boilerplate = np.zeros(N, dtype=np.int64)
    return story._counted(codes, n_samples, story._Bound(sh, bound, no_boilerplate, 0), N, p)


def test_the_bound_rejects_a_long_pair_the_quarter_rule_keeps():
    """400 shingles and 50 samples in the shorter text, 13 of them shared: a quarter of its samples (the
    rule before the bound) but a pair sharing 200 shingles shares fewer than 13 samples with probability
    ~1e-5 - containment near a quarter, not a half. Sharing 20 samples it stays a candidate."""
    assert len(_counted(13, (400, 900), (50, 110))) == 0
    assert len(_counted(20, (400, 900), (50, 110))) == 1


def test_a_text_sharing_half_of_itself_stays_a_candidate_and_a_story():
    """A truncation of the release to its first half, joined to as much text of another report, shares
    ~50% of its 5-grams with the release (Jaccard far below the copy level's LSH): found through the
    samples, it passes the bound and is a story member."""
    half = text(RELEASE[:3])
    other = text([STORY, OTHER_STORY])
    words = other.split()[: len(half.split())]
    rewrite = half + "\n\n" + " ".join(words)
    r = deduplicate(frame([("release", text(RELEASE)), ("rewrite", rewrite), ("other", text([OTHER_STORY]))]))
    row = r.duplicates.set_index(["level", "doc_id"]).loc[("story", "rewrite")]
    assert 0.45 <= row["containment"] <= 0.6
    assert row["similarity"] < 0.5
    assert r.assignments.set_index("doc_id").loc["rewrite", "story_id"] == "release"


def _docs() -> list[tuple[str, str]]:
    rows = [("release", text(RELEASE)), ("other", OTHER_STORY + " " + BRIEFS[0]), ("story", STORY)]
    rows += [(f"trunc{k}", text(RELEASE[:k])) for k in range(2, 6)]
    rows += [(f"tail{k}", text(RELEASE[k:])) for k in range(1, 4)]
    rows += [("relead", text([NEW_LEAD, *RELEASE[:4]])), ("boiler", text([OTHER_STORY, BOILERPLATE]))]
    rows += [(f"brief{i}", b) for i, b in enumerate(BRIEFS)]
    return rows


def _result(monkeypatch, sparse_from: int, rows, state_in=None, state_out=None):
    monkeypatch.setattr(verify_mod, "_SPARSE_FROM", sparse_from)
    return deduplicate(frame(rows), state_in=state_in, state_out=state_out)


def test_sparse_intersections_give_the_same_outputs_as_the_numpy_merge(tmp_path, monkeypatch):
    """Every intersection of a run (copy verification, story candidates, split rule, rows) through the
    sparse kernel or the numpy merge: the same assignments, duplicates and counts, also when the sets
    come from two segments (a state and this run) and chunks are small."""
    rows = _docs()
    first, second = rows[::2], rows[1::2]
    out = {}
    for name, sparse_from in (("numpy", 1 << 62), ("sparse", 0)):
        _result(monkeypatch, sparse_from, first, state_out=tmp_path / f"{name}1")
        monkeypatch.setattr(verify_mod.ShingleSets.intersections, "__defaults__", (64,))
        out[name] = _result(monkeypatch, sparse_from, second, tmp_path / f"{name}1", tmp_path / f"{name}2")
        monkeypatch.undo()
    a, b = out["numpy"], out["sparse"]
    pd.testing.assert_frame_equal(a.assignments, b.assignments)
    pd.testing.assert_frame_equal(a.duplicates, b.duplicates)
    for key in ("candidate_pairs", "verified_pairs", "story_candidate_pairs", "story_verified_pairs"):
        assert a.stats[key] == b.stats[key]
    # this run's truncations and tails joined the earlier run's story
    assert (b.assignments["story_id"] == "relead").sum() >= 3


def sets_of_two_runs(tmp_path, rows) -> tuple[ShingleStore, verify_mod.ShingleSets, int]:
    """The rows deduplicated in two runs (every other row first: two segments) and the shingle sets
    of the resulting state as the verification reads them; the caller closes the store."""
    deduplicate(frame(rows[::2]), state_out=tmp_path / "s1")
    deduplicate(frame(rows[1::2]), state_in=tmp_path / "s1", state_out=tmp_path / "s")
    old = load_state(tmp_path / "s", DedupParams())
    t = SimpleNamespace(**{c: old.docs[c].to_numpy(dtype=np.int64) for c in ("seg", "sh_off", "sh_len")})
    assert len(old.segments) == 2
    store = ShingleStore()
    for i in range(len(old.segments)):
        store.add(old.segment_file(i, ".shingles.u32"))
    return store, verify_mod.ShingleSets(store, t, np.ones(len(old.segments), dtype=bool)), len(old.docs)


def test_sparse_and_numpy_intersections_agree_pair_by_pair(tmp_path):
    """The kernel alone, on the shingle sets of real-looking text in a state: every pair's counts equal,
    repeats and both orders included."""
    store, sets, n = sets_of_two_runs(tmp_path, _docs())
    try:
        rng = np.random.default_rng(3)
        ga, gb = rng.integers(0, n, 400), rng.integers(0, n, 400)
        a_sets, la = sets.gather(ga)
        b_sets, lb = sets.gather(gb)
        ref = mh.pair_intersections(a_sets, la, b_sets, lb)
        inter, la2, lb2 = sets.sparse_intersections(ga, gb)
    finally:
        store.close()
    assert (inter == ref).all() and (la2 == la).all() and (lb2 == lb).all()
    assert (ref > 0).sum() > 20 and (ref == np.minimum(la, lb)).sum() > 5


def test_boilerplate_samples_the_pair_may_share_count_towards_the_bound():
    """A 42-shingle brief wholly inside a longer text shares all its 6 samples, but 4 of them are held by
    more than story_max_key_docs documents and are not counted as shared (the 220k news profile lost
    four such story members before this): those the pair may share count towards the bound, and the
    pair stays a candidate; without them it would not."""
    p, N = DedupParams(), 2
    sh, n_samples = np.array([42, 300]), np.array([6, 40])
    bound = document_bound(sh, n_samples, p.story_containment, p.story_min_shared)
    assert bound[0] > 2
    codes = np.full(2, 1, dtype=np.int64)  # two shared samples counted
    capped = np.array([4, 9])
    assert (
        len(story._counted(codes.copy(), n_samples - capped, story._Bound(sh, bound, capped, 0), N, p)) == 1
    )
    none = np.zeros(N, dtype=np.int64)
    assert len(story._counted(codes.copy(), n_samples - capped, story._Bound(sh, bound, none, 0), N, p)) == 0


def test_the_copy_level_does_not_depend_on_the_bound(monkeypatch):
    """The bound only thins the story level's sample pairs: with it switched off (every document's bound
    0) the copy columns and copy rows are the same, and the bound never adds a candidate."""
    rows = _docs() + [(f"copy-{d}", t.upper()) for d, t in _docs()[:4]]
    on = deduplicate(frame(rows))
    monkeypatch.setattr(story, "document_bound", lambda sh_len, *_: np.zeros(len(sh_len), dtype=np.int64))
    off = deduplicate(frame(rows))
    copy_cols = [
        "doc_id",
        "dup_cluster_id",
        "canonical_doc_id",
        "is_canonical",
        "dup_method",
        "dup_similarity",
    ]
    pd.testing.assert_frame_equal(on.assignments[copy_cols], off.assignments[copy_cols])
    copies = [r.duplicates[r.duplicates["level"] == "copy"].reset_index(drop=True) for r in (on, off)]
    pd.testing.assert_frame_equal(*copies)
    assert len(copies[0]) > 0
    assert on.stats["story_candidate_pairs"] <= off.stats["story_candidate_pairs"]


@pytest.mark.parametrize("n_old", [0, 3, 9])
def test_member_pairs_are_every_bucket_pair_with_a_new_document(n_old):
    """lsh.member_pairs, which builds its codes in place: for buckets of documents sharing a key (an
    earlier run's documents below n_old), every pair (a, b) of a bucket with b new,
    paired with the bucket's first lim members, coded a*N + b, each once; int32 document indices give int64 codes that do not overflow."""
    from factsieve.dedup.lsh import bucket_members, member_pairs

    N = 3_000_000_000 // 2_000  # a*N + b exceeds int32 for the larger indices below
    keys = np.array([5, 5, 5, 5, 8, 8, 9, 11, 11, 11], dtype=np.uint64)
    idx = np.array([1, 4, 10, 1_400_000, 2, 7, 3, 0, 8, 1_499_999], dtype=np.int32)
    for lim in (1, 2, 64):
        pos, cnt, start = bucket_members(keys, lim)
        got = member_pairs(idx, pos, cnt, start, n_old, N)
        first = {k: int(np.flatnonzero(keys == k)[0]) for k in keys.tolist()}
        want = [
            int(idx[j]) * N + int(idx[i])
            for i in range(len(keys))
            if idx[i] >= n_old
            for j in range(first[int(keys[i])], min(i, first[int(keys[i])] + lim))
        ]
        assert got.dtype == np.int64
        assert sorted(got.tolist()) == sorted(want)
        assert len(got) == len(set(got.tolist()))
