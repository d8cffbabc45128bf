"""The story level's shared-shingle bound (factsieve/dedup/shared_bound.py, docs/DEDUP.md "Stories"):
it never counts fewer shingles than two documents share, so the candidates it rejects could not be
story links, and a run gives the same stories with it as without it while reading fewer pairs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from factsieve.dedup import deduplicate, shared_bound
from factsieve.dedup import minhash as mh
from factsieve.dedup.shared_bound import SharedBound
from tests.dedup.test_run import BRIEFS, OTHER_STORY, STORY, frame
from tests.dedup.test_story import BOILERPLATE, NEW_LEAD, RELEASE, text
from tests.dedup.test_story_candidates import sets_of_two_runs

# Short reports that reuse one sentence of the release each: the news profile's typical story
# candidate (a sentence or two in common, far from half of either text).
REUSED = [
    "Shares in the utility rose 3 percent in early trading after the announcement. " + RELEASE[2],
    "Opposition councillors asked for the tender documents to be made public. " + RELEASE[4],
    RELEASE[3]
    + " The mayor is due to meet the operator's chief executive next week to discuss the timetable.",
]


def _rows() -> list[tuple[str, str]]:
    rows = [("release", text(RELEASE)), ("other", OTHER_STORY + " " + BRIEFS[0]), ("story", STORY)]
    rows += [(f"trunc{k}", text(RELEASE[:k])) for k in range(2, 6)]
    rows += [(f"tail{k}", text(RELEASE[k:])) for k in range(1, 4)]
    rows += [("relead", text([NEW_LEAD, *RELEASE[:4]])), ("boiler", text([OTHER_STORY, BOILERPLATE]))]
    rows += [(f"reused{i}", r + " " + BRIEFS[i + 1]) for i, r in enumerate(REUSED)]
    rows += [(f"brief{i}", b) for i, b in enumerate(BRIEFS)]
    return rows


def test_the_bound_is_never_below_the_exact_intersection(tmp_path, monkeypatch):
    """Every pair of documents of two segments (both orders, a document with itself): the bound is at
    least the shared shingles, exactly the set's size for a document with itself, and well below
    the shorter text for documents that share nothing. With a 64-bucket bitmap (many shingles per
    bucket: the spare term carries the bound) it still holds."""
    store, sets, n = sets_of_two_runs(tmp_path, _rows())
    try:
        ga, gb = (x.ravel() for x in np.meshgrid(np.arange(n), np.arange(n)))
        a_sets, la = sets.gather(ga)
        b_sets, lb = sets.gather(gb)
        exact = mh.pair_intersections(a_sets, la, b_sets, lb)
        for bits in (shared_bound.BITS, (6, 8)):
            monkeypatch.setattr(shared_bound, "BITS", bits)
            bound = SharedBound.build(sets, np.arange(n), n)
            assert len(bound.levels) == len(bits)
            assert (bound.sizes(ga) == la).all()
            self_pair = ga == gb
            docs, dl = sets.gather(np.arange(n))
            owner = np.repeat(np.arange(n), dl)
            for b, level in zip(bits, bound.levels, strict=True):
                # each document's bitmap marks exactly the buckets its shingles fall in
                buckets = [set((docs[owner == d] >> np.uint32(32 - b)).tolist()) for d in range(n)]
                marked = [
                    {w * 64 + i for w in range(1 << (b - 6)) for i in range(64) if int(row[w]) >> i & 1}
                    for row in level.bits
                ]
                assert marked == buckets
            for level in bound.levels:  # each level alone is a bound
                upper = level.upper(bound.row[ga], bound.row[gb])
                assert (upper >= exact).all()
                assert (upper[self_pair] == la[self_pair]).all()
            # tried in turn, the levels reject no pair that shares what its bound is tested against
            passed = bound.passing(ga, gb, lambda upper, i: upper >= exact[i])
            assert len(passed) == len(ga)
        monkeypatch.undo()
        bound = SharedBound.build(sets, np.arange(n), n)
        unrelated = (exact == 0) & (np.minimum(la, lb) >= 40)
        assert unrelated.sum() > 20
        upper = bound.levels[-1].upper(bound.row[ga], bound.row[gb])
        assert (upper[unrelated] < np.minimum(la, lb)[unrelated] // 2).mean() > 0.9
    finally:
        store.close()


def test_stories_are_the_same_with_the_bound_and_without_it(tmp_path, monkeypatch):
    """Rewrites, truncations, reports reusing a sentence and unrelated texts, in one run and through a
    state: with the bound some candidates are not read, and every output row is the same as when
    every candidate is intersected (the bound switched off: as large as the shorter set)."""
    rows = _rows()
    out = {}
    for name in ("on", "off"):
        if name == "off":
            monkeypatch.setattr(SharedBound, "passing", lambda self, ga, gb, test: np.arange(len(ga)))
        deduplicate(frame(rows[::3]), state_out=tmp_path / f"{name}1")
        out[name] = (
            deduplicate(frame(rows)),
            deduplicate(
                frame(rows[1::3] + rows[2::3]), state_in=tmp_path / f"{name}1", state_out=tmp_path / name
            ),
        )
    for on, off in zip(out["on"], out["off"], strict=True):
        pd.testing.assert_frame_equal(on.assignments, off.assignments)
        pd.testing.assert_frame_equal(on.duplicates, off.duplicates)
        for key in ("story_candidate_pairs", "story_verified_pairs", "story_figures_disagree"):
            assert on.stats[key] == off.stats[key]
        assert off.stats["story_rejected_by_bound"] == 0
        assert on.stats["story_rejected_by_bound"] > 0
    whole = out["on"][0].assignments.set_index("doc_id")["story_id"]
    assert (whole[[f"trunc{k}" for k in range(2, 6)]] == whole["release"]).all()
    assert (whole[[f"reused{i}" for i in range(3)]] != whole["release"]).all()
