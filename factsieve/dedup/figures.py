"""The templated-text rule (docs/DEDUP.md "Templated texts"): two records of one template share its
words but fill its figure slots differently; a copy or rewrite of one text keeps its figures. Both
levels use it: a verified copy edge (Jaccard >= threshold) and a story link also need agreeing
figures. A figure slot is the pair of words around a figure, the filled slot that pair with the
figure (minhash.figure_sets; stored per segment, read only for the pairs that need the rule)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from factsieve.dedup.params import DedupParams
from factsieve.dedup.table import Edges
from factsieve.dedup.verify import ShingleSets

Figures = tuple[ShingleSets, ShingleSets, ShingleSets]  # slots, filled slots, figures (ShingleSets.figures)


def figures_agree(figs: Figures, ga: np.ndarray, gb: np.ndarray, p: DedupParams) -> np.ndarray:
    """The rule per pair: when two documents share >= story_min_figures figure slots, at least
    story_figure_share of those must hold the same figure. Two issues of a template fill the shared
    slots differently; a rewrite keeps its figures, and a passage from elsewhere (a new lead) brings
    slots the other lacks, which do not count. Only the small figure sets of pairs that can need the
    rule are read."""
    slots, filled = figs[0], figs[1]
    ok = np.ones(len(ga), dtype=bool)
    need = np.flatnonzero(np.minimum(slots.len[ga], slots.len[gb]) >= p.story_min_figures)
    if len(need):
        shared = slots.intersections(ga[need], gb[need])[0]
        need, shared = need[shared >= p.story_min_figures], shared[shared >= p.story_min_figures]
        same = filled.intersections(ga[need], gb[need])[0]
        ok[need] = same >= p.story_figure_share * shared
    return ok


def agreeing_edges(figs: Figures, edges: Edges, p: DedupParams) -> tuple[Edges, int]:
    """The copy edges whose figures agree, and how many did not (two issues of a template with few
    figures in long prose -- a Fed repo notice on two days -- reach Jaccard 0.7 by their words)."""
    ok = figures_agree(figs, edges.a, edges.b, p)
    return Edges(edges.a[ok], edges.b[ok], edges.sim[ok]), int((~ok).sum())


def copy_similarity(
    sets: ShingleSets, figs: Figures, p: DedupParams
) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
    """The copy level's measure for the split rule: exact Jaccard, 0 where the figures disagree (so
    a member is never placed with a canonical whose figures it does not share)."""

    def measure(ga: np.ndarray, gb: np.ndarray) -> np.ndarray:
        return np.where(figures_agree(figs, ga, gb, p), sets.jaccard_pairs(ga, gb), 0.0)

    return measure
