"""The story level's split rule on verified links (factsieve/dedup/linked.py): the same placement as
the measuring rule given the same verified pairs, no round cap, chained components placed in one
pass, exact copies and an earlier run's members verified through their links; the copy level keeps
the measuring rule (its output unchanged)."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

from factsieve.dedup import cluster, deduplicate, linked, run
from tests.dedup.test_run import OTHER_STORY, STORY, frame
from tests.dedup.test_story import NEW_LEAD, RELEASE, text

WORDS = sorted(set(re.findall(r"[a-z']+", " ".join([STORY, OTHER_STORY, NEW_LEAD, *RELEASE]).lower())))


def paragraphs(n: int, seed: int = 3, words: int = 45) -> list[str]:
    """n paragraphs of news vocabulary with no 5-gram in common (a live blog's distinct updates)."""
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "." for _ in range(n)]


def rolling(n_docs: int, width: int) -> list[tuple[str, str]]:
    """A rolling story: document i holds updates i .. i+width-1, so neighbours share (width-1)/width
    of their text and documents further apart share less (a chain, not one story)."""
    par = paragraphs(n_docs + width)
    return [(f"d{i:03d}", text(par[i : i + width])) for i in range(n_docs)]


def reference_heads(rank: np.ndarray, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """The measuring rule's rounds, written plainly, with "verified" = a link: the best-ranked unplaced
    node of a component heads and takes every unplaced node linked to it (a linked node is in the same
    component, and components do not interact, so one pass in rank order is the rounds)."""
    n = len(rank)
    nb = [set() for _ in range(n)]
    for a, b in zip(u.tolist(), v.tolist(), strict=True):
        if a != b:
            nb[a].add(b)
            nb[b].add(a)
    head = [-1] * n
    for x in sorted(range(n), key=lambda i: rank[i]):
        if head[x] < 0:
            head[x] = x
            for y in nb[x]:
                if head[y] < 0:
                    head[y] = x
    return np.array(head)


@pytest.mark.parametrize("vector_rounds", [0, 2, 32, 10_000])
def test_lexicographic_heads_is_the_round_rule_on_links(vector_rounds, monkeypatch):
    monkeypatch.setattr(linked, "VECTOR_ROUNDS", vector_rounds)
    rng = np.random.default_rng(11)
    for n, m in [(1, 0), (2, 1), (30, 40), (200, 150), (200, 600), (500, 2_000)]:
        u, v = rng.integers(0, n, m), rng.integers(0, n, m)
        rank = rng.permutation(n)
        head, _ = linked.lexicographic_heads(rank, u, v)
        assert np.array_equal(head, reference_heads(rank, u, v)), (n, m)
    # a path ranked in order: one node decided per vectorised round, so the rest goes node by node
    n = 300
    u, v = np.arange(n - 1), np.arange(1, n)
    head, rounds = linked.lexicographic_heads(np.arange(n), u, v)
    assert np.array_equal(head, np.arange(n) - np.arange(n) % 2)
    assert rounds == min(vector_rounds, n) + (vector_rounds < n)


def test_a_rolling_story_that_needed_a_round_per_canonical_is_placed_without_a_cap(monkeypatch):
    # 60 documents, each sharing 2/3 of its text with the next one: one chained component. The
    # measuring rule made one canonical per round (30 rounds, each intersecting every unplaced member
    # with the new canonical); with its cap at 3 it would have left most of them unplaced
    monkeypatch.setattr(cluster, "MAX_ROUNDS", 3)
    rows = rolling(60, 3)
    quality = list(np.linspace(0.9, 0.1, len(rows)))  # ranked along the chain: the worst case
    outs = []
    for vector_rounds in (0, 32, 10_000):
        monkeypatch.setattr(linked, "VECTOR_ROUNDS", vector_rounds)
        outs.append(deduplicate(frame(rows, quality=quality)))
    r = outs[0]
    story = r.assignments.set_index("doc_id")["story_id"]
    # updates 0-2 head, 1-3 joins it; 2-4 is linked only to a member, so it heads the next story ...
    assert story.to_dict() == {d: f"d{i - i % 2:03d}" for i, (d, _) in enumerate(rows)}
    assert r.stats["story_split_from_chain"] == 58  # all but d000 and d001 failed against d000
    st = r.duplicates[(r.duplicates["level"] == "story") & (r.duplicates["method"] != "canonical")]
    assert len(st) == 30 and (st["containment"] >= 0.6).all()  # every member verified to its canonical
    for other in outs[1:]:  # node by node, vectorised then node by node, vectorised only: the same
        assert other.assignments.equals(r.assignments) and other.duplicates.equals(r.duplicates)
    assert r.stats["left_unclustered_after_round_cap"] == 0
    # 60 rounds to place the chain one node per round, so the node-by-node finish placed the rest
    assert [o.stats["story_split_rounds"] for o in outs] == [1, 33, 60]


def test_exact_copies_of_a_member_are_verified_through_its_link(tmp_path):
    # "trunc-copy" has the same content as "trunc": only "trunc" takes part in the candidate search,
    # so the link to the release is trunc's; one verified pair of contents stands for both documents
    rows = [("release", text(RELEASE)), ("trunc", text(RELEASE[:3])), ("trunc-copy", text(RELEASE[:3]))]
    r = deduplicate(frame(rows, quality=[0.9, 0.5, 0.5]))
    assert (r.assignments["story_id"] == "release").all()
    # across runs: a new copy of an earlier member joins the earlier story through that membership
    deduplicate(frame(rows[:2], quality=[0.9, 0.5]), state_out=tmp_path / "s1")
    r2 = deduplicate(frame([rows[2]], quality=[0.99]), state_in=tmp_path / "s1")
    a = r2.assignments.set_index("doc_id")
    assert a.loc["trunc-copy", "story_id"] == "release"
    st = r2.duplicates[r2.duplicates["level"] == "story"].set_index("doc_id")
    assert (
        st.loc["trunc-copy", "containment"] == 1.0 and st.loc["trunc-copy", "canonical_doc_id"] == "release"
    )


def _drop_pair(monkeypatch, name: str, ids: list[str], x: str, y: str) -> None:
    """Wrap run.<name> (a candidate source returning pair codes a * N + b) to drop the pair x-y of a
    first run (global index = position in doc_id order)."""
    inner = getattr(run, name)
    order = sorted(ids)
    i, j = sorted((order.index(x), order.index(y)))
    code = i * len(ids) + j

    def without(*args, **kwargs):
        out = inner(*args, **kwargs)
        if isinstance(out, tuple):
            return (out[0][out[0] != code], *out[1:])
        return out[out != code]

    monkeypatch.setattr(run, name, without)


def test_a_member_with_no_link_to_its_canonical_is_not_measured_against_it(monkeypatch):
    # "mid" is wholly contained in both "release" (canonical) and "long" (its member). Without a
    # candidate pair mid-release, the story level does not measure them: mid's only link goes to a
    # member, so it heads a story of its own (the measuring rule would have put it with the release;
    # how often that happens on real data: docs/BENCHMARKS.md "Story split rule at 1M")
    rows = [("release", text(RELEASE)), ("long", text(RELEASE[:5])), ("mid", text(RELEASE[1:4]))]
    full = deduplicate(frame(rows, quality=[0.9, 0.5, 0.1])).assignments.set_index("doc_id")
    assert (full["story_id"] == "release").all()
    _drop_pair(monkeypatch, "story_pairs", [d for d, _ in rows], "mid", "release")
    r = deduplicate(frame(rows, quality=[0.9, 0.5, 0.1]))
    story = r.assignments.set_index("doc_id")["story_id"].to_dict()
    assert story == {"release": "release", "long": "release", "mid": "mid"}
    assert (r.duplicates["containment"].dropna() >= 0.5).all()


def test_the_copy_level_still_measures_members_against_their_canonical(monkeypatch):
    # the copy level keeps the measuring rule, so its output is what it was: "c2" is a near copy of
    # "c0" (Jaccard >= 0.7) with their LSH candidate pair removed; it still joins c0's cluster, while
    # the story level (links only) takes it through the story candidates, which still hold the pair
    par = paragraphs(12)
    rows = [(f"c{k}", text(par[:10] + par[10 : 10 + k])) for k in range(3)]
    _drop_pair(monkeypatch, "lsh_candidates", [d for d, _ in rows], "c2", "c0")
    r = deduplicate(frame(rows, quality=[0.9, 0.5, 0.1]))
    a = r.assignments.set_index("doc_id")
    assert (a["canonical_doc_id"] == "c0").all() and (a["story_id"] == "c0").all()
    assert a.loc["c2", "dup_similarity"] >= 0.7


def test_the_copy_levels_round_cap_leaves_members_unflagged_and_counted(monkeypatch):
    # a copy chain c0 ~ c1 ~ c2 ~ c3 (each a paragraph further on): round 1 places c1 with c0; c2 and
    # c3 are not within 0.7 of c0 and need round 2. With the cap at two rounds (the first offers
    # components to an earlier run's clusters) they stay unflagged
    par = paragraphs(13)
    rows = [(f"c{k}", text(par[k : k + 10])) for k in range(4)]
    q = [0.9, 0.7, 0.5, 0.3]
    a = deduplicate(frame(rows, quality=q)).assignments.set_index("doc_id")
    assert a["canonical_doc_id"].to_dict() == {"c0": "c0", "c1": "c0", "c2": "c2", "c3": "c2"}
    monkeypatch.setattr(cluster, "MAX_ROUNDS", 2)
    r = deduplicate(frame(rows, quality=q))
    a = r.assignments.set_index("doc_id")
    assert a.loc["c1", "canonical_doc_id"] == "c0"
    assert a.loc[["c2", "c3"], "dup_cluster_id"].isna().all()
    assert r.stats["left_unclustered_after_round_cap"] == 2
