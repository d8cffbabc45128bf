"""How the rewrite rule finds its pairs (factsieve/dedup/facts.py, round 17): pairs are made from the
specific facts alone, then each pair sharing >= MIN_SPECIFIC of them gets its exact counts of every
rare fact (pair_counts). Two things make that equal to pairing on every rare fact: no pair sharing
fewer specific facts can pass either test, and the exact counts are the intersections of the two
documents' facts."""

from __future__ import annotations

import itertools

import numpy as np

from factsieve.dedup.facts import MIN_SPECIFIC, RareFacts, fact_test, pair_counts


def test_no_pair_passes_either_test_with_fewer_specific_facts_than_min_specific():
    """The pairing skips every pair sharing < MIN_SPECIFIC specific facts: if a test ever accepted
    one (a threshold changed in one place only), that pair would be lost silently."""
    rows = []
    for shared, names, spec in itertools.product(range(13), repeat=3):
        if names > shared or spec > shared:
            continue
        for fig_spec in range(max(0, spec - names), min(spec, shared - names) + 1):
            for small in (shared, shared + 1, shared + 3, shared + 10):
                rows.append((shared, names, spec, fig_spec, small))
    shared, names, spec, fig_spec, small = (np.array(c, dtype=np.int64) for c in zip(*rows, strict=True))
    # document a (even rows' partner) holds `small` rare facts, as many figures as it shares and the
    # rest names; document b holds 20 more of each: a is the one holding fewer
    n_fig = np.concatenate([shared - names, shared - names + 20])
    n_name = np.concatenate([small - (shared - names), small - (shared - names) + 20])
    pa = np.arange(len(rows))
    ok, by_names = fact_test(shared, names, spec, fig_spec, n_fig, n_name, pa, pa + len(rows))
    assert ok.any() and by_names.any()  # both tests pass somewhere in the grid
    assert (spec[ok] >= MIN_SPECIFIC).all()


def _documents(rng: np.random.Generator, n: int) -> list[np.ndarray]:
    """Sorted rare-fact keys of n documents, as rare_figures writes them: bit 0 a name, bit 1
    specific. Documents of one 'story' draw from one pool, so pairs share 0 to ~30 facts."""
    pools = [np.unique(rng.integers(0, 1 << 30, 60, dtype=np.uint32) << np.uint32(2)) for _ in range(6)]
    docs = []
    for i in range(n):
        pool = pools[i % len(pools)]
        keys = rng.choice(pool, size=int(rng.integers(0, 40)), replace=False)
        keys |= (keys >> np.uint32(5)) & np.uint32(3)  # the tag bits depend on the key only
        docs.append(np.unique(keys))
    return docs


def test_pair_counts_are_the_intersections_of_both_documents_facts():
    rng = np.random.default_rng(17)
    docs = _documents(rng, 120)
    off = np.zeros(len(docs) + 1, dtype=np.int64)
    np.cumsum([len(d) for d in docs], out=off[1:])
    facts = np.concatenate(docs)
    n_name = np.array([int((d & 1).sum()) for d in docs])
    rf = RareFacts(facts[:0], np.zeros(0, dtype=np.int64), facts, off, off[1:] - off[:-1] - n_name, n_name)
    pa, pb = np.array(list(itertools.combinations(range(len(docs)), 2))).T
    # a small chunk makes many chunks: the counts must not depend on where they are cut
    for chunk in (1 << 22, 97):
        shared, names, spec, fig_spec = pair_counts(rf, pa, pb, chunk=chunk)
        for i in range(0, len(pa), 37):
            both = np.intersect1d(docs[pa[i]], docs[pb[i]])
            assert shared[i] == len(both)
            assert names[i] == int((both & 1).sum())
            assert spec[i] == int(((both >> 1) & 1).sum())
            assert fig_spec[i] == int(((both & 3) == 2).sum())
    assert shared.max() >= 10 and (shared == 0).any()  # the sample holds both kinds of pair
