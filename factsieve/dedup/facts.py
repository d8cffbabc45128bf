"""The rewrite rule of the story level (docs/DEDUP.md "Rewrites by outlets (round 15)").

An outlet that rewrites a press release in its own words -- a paraphrase, a brief, a translation, a
piece merged with background -- keeps the release's *figures* (amounts, percentages, dates, ages,
phone and incident numbers) and its quotes, but few of its word 5-grams: the text rule (containment
>= 0.5 of the shorter text) cannot see it. What two write-ups of one release share is the set of
facts, and figures are the facts a text can be matched on in any wording (compared by their digits:
"6.2p" is "6.2 pence"; minhash.figure_sets). So a second kind of story link, between two documents:

* the one with fewer figures shares >= FIGURE_SHARE of its *rare* figures with the other, and at
  least MIN_FIGURES: a rewrite does not invent figures, while another event of the same company, the
  next issue of a template or a follow-up a week later brings its own (a new amount, a new date);
* a figure is rare when at most story_max_key_docs documents hold it (the containment samples'
  boilerplate bar): "2024" or "30" in a large corpus say nothing about which story a text tells;
* >= MIN_SPECIFIC of the shared figures are *specific*: held by at most SPECIFIC_STORIES stories of
  the text links. A release's figures are held by its text story (the release, its reposts) and by
  each rewrite standing alone; a figure every weekly market report recaps, or the background of a
  follow-up, is held by many stories. Counted in stories, not documents, so that a release reposted
  fifty times is no less specific than one reposted once. Reading 40 pairs the rule linked on BBC +
  Reuters without it, 11 were another story (follow-ups, next issues, two reports of one event);
* the two texts share >= MIN_SHARED_TEXT word 5-grams (one 9-word phrase: a quote, a name with its
  title): documents that only hold the same numbers (a price list, a data feed) are not rewrites;
* where the two share most of the shorter text (containment >= story_containment: one template),
  the templated-text rule must hold too (figures.figures_agree). It is not asked of the others: it
  compares the figures held in the same slot (the words around a figure), and a rewrite words its
  slots its own way ("to 6.2p from 5.5p" against "improved to 17.8% from 15.2%" share "to # from"),
  so it broke most rewrite links while the figure test already asks the figures to agree.

Candidates come from the figures themselves (pairs sharing a rare figure, counted), so the rule needs
no shared text to find a pair: a 90-word brief shares 7-25 5-grams with its source, often no
containment sample. The counts made while pairing are the exact numbers of rare and specific
figures a pair shares, so the figure test needs no read; only the pairs that pass it have their
shingle sets read. The links place only documents the text links left alone (attach_rewrites).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from factsieve.dedup import minhash as mh
from factsieve.dedup.figures import Figures, figures_agree
from factsieve.dedup.inputs import rank_key
from factsieve.dedup.linked import lexicographic_heads
from factsieve.dedup.lsh import bucket_members, member_pairs, unique_inplace
from factsieve.dedup.params import DedupParams
from factsieve.dedup.table import DocTable, Edges
from factsieve.dedup.verify import ShingleSets, containment

SPECIFIC_STORIES = 5  # a release, its text story and up to four rewrites standing alone
MIN_SPECIFIC = 3  # specific figures shared (specific facts, on the names path)
MIN_FIGURES = 5  # rare figures shared: fewer is what two reports of one company share by chance
FIGURE_SHARE = 0.8  # of the rare figures of the document holding fewer (story_figure_share's value)
MIN_SHARED_TEXT = 5  # word 5-grams shared (one 9-word phrase): the same text, not only the same numbers
# the names path (round 16): a text with few figures is matched on its facts, figures and name words
MIN_FACTS = 6  # rare facts shared (figures and names)
MIN_NAMES = 4  # of them name words: the names are the evidence on this path
NEW_FIGURES = 1  # rare figures of the document holding fewer facts that the other lacks, at most
SPECIFIC_SHARE = 0.5  # of the facts a pair shares on the names path, the specific ones at least
MIN_QUOTES = 1  # sampled 5-grams of a quote of >= 8 words shared (quotes.py): the same quoted speech
QUOTE_TAG = 2  # the low two bits of a quote sample's key (figures 0, names 1: minhash._facts)
_PAIR_CHUNK = 1 << 22  # pair codes made at a time (the sample candidates' bound, story._PAIR_CHUNK)


@dataclass
class FactEdges:
    edges: Edges  # links by the rewrite rule, sim = containment of the 5-gram sets
    candidates: int = 0  # pairs sharing a rare figure and enough of them (the figure test passed)
    too_little_text: int = 0  # of those, pairs sharing fewer than MIN_SHARED_TEXT 5-grams
    figures_disagree: int = 0  # of those, one template (containment >= 0.5) with other figures
    by_names: int = 0  # of the links, those whose pair passed by the names test only (few figures)


@dataclass
class RareFacts:
    """The rare facts of the documents the rewrite rule reads (rare_figures), twice: key-major for
    pairing, document-major for the exact counts of a candidate pair (pair_counts). A key's bit 1
    (free: quote samples, tag 10, are not facts here) is set when the fact is specific, so a
    fact's key alone says whether it is a name (bit 0) and specific (bit 1)."""

    keys: np.ndarray  # uint32, sorted, with the specific bit; only the specific facts
    idx: np.ndarray  # int64 document of each (ascending within a key)
    doc_facts: np.ndarray  # uint32 every rare fact, document-major (sorted within a document)
    doc_off: np.ndarray  # int64 (N + 1,) document i's facts are doc_facts[doc_off[i]:doc_off[i + 1]]
    n_fig: np.ndarray  # int64 per document: rare figures
    n_name: np.ndarray  # int64 per document: rare name words


_SPECIFIC_BIT = np.uint32(2)
_HIGH = np.uint64(32)
_LOW32 = np.uint64(0xFFFFFFFF)


def rare_figures(
    t: DocTable, values: ShingleSets, eligible: np.ndarray, sc: np.ndarray, p: DedupParams
) -> RareFacts:
    """The rare facts (figures and name words: a name's key has its low bit 1, minhash._facts) of
    eligible documents with at least MIN_FIGURES facts: held by <= story_max_key_docs of them;
    specific when held by <= SPECIFIC_STORIES stories (sc: story canonical of every document,
    from the text links). Reads the facts of every such document (~10 figures and ~20 names, 120 B,
    a news document). Both orders come from sorting (key, document) codes as uint64: numpy sorts
    them ~10x faster than a lexsort or an argsort of the same pairs."""
    docs = np.flatnonzero(eligible & (t.fg_values >= MIN_FIGURES))
    keys, lens = values.gather(docs)
    idx = np.repeat(docs, lens)
    fact = (keys & 3) != QUOTE_TAG  # quote samples are read per pair (shared_quotes), not paired on
    code = (keys[fact].astype(np.uint64) << _HIGH) | idx[fact].astype(np.uint64)
    del keys, idx, fact
    code.sort()
    keys = (code >> _HIGH).astype(np.uint32)
    idx = (code & _LOW32).astype(np.int64)
    del code
    if len(keys):
        start = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        size = np.diff(np.r_[start, len(keys)])
        rare = np.repeat(size <= p.story_max_key_docs, size)
        keys, idx, few = keys[rare], idx[rare], np.repeat(size <= SPECIFIC_STORIES, size)[rare]
        # held by <= SPECIFIC_STORIES documents is held by as few stories: the stories are counted
        # for the facts held by more documents only. Their (key, story) codes sorted keep each
        # key's run where it was (keys are sorted), so a run's distinct codes are its stories
        spec = few.copy()
        more = np.flatnonzero(~few)
        if len(more):
            ks = (keys[more].astype(np.uint64) << _HIGH) | sc[idx[more]].astype(np.uint64)
            ks.sort()
            run = np.flatnonzero(np.r_[True, keys[more][1:] != keys[more][:-1]])
            distinct = np.r_[True, ks[1:] != ks[:-1]]
            n_stories = np.add.reduceat(distinct.astype(np.int64), run)
            spec[more] = np.repeat(n_stories <= SPECIFIC_STORIES, np.diff(np.r_[run, len(more)]))
        keys[spec] |= _SPECIFIC_BIT
    else:
        spec = np.zeros(0, dtype=bool)
    d = (idx.astype(np.uint64) << _HIGH) | keys.astype(np.uint64)
    d.sort()
    doc_off = np.zeros(t.N + 1, dtype=np.int64)
    np.cumsum(np.bincount(idx, minlength=t.N), out=doc_off[1:])
    name = (keys & 1).astype(bool)
    n_name = np.bincount(idx[name], minlength=t.N)
    n_fig = np.diff(doc_off) - n_name
    return RareFacts(keys[spec], idx[spec], (d & _LOW32).astype(np.uint32), doc_off, n_fig, n_name)


def fact_candidates(
    t: DocTable, values: ShingleSets, eligible: np.ndarray, sc: np.ndarray, p: DedupParams
) -> tuple[np.ndarray, np.ndarray]:
    """Pair codes (a*N + b, a < b, b new) that pass the figure test -- >= MIN_FIGURES rare figures
    shared, >= FIGURE_SHARE of the smaller document's rare figures, >= MIN_SPECIFIC of them specific
    -- or the names test (names_test), and those of them that passed by the names test only.
    Both tests ask for >= MIN_SPECIFIC specific facts shared, so the pairs are made from the specific
    facts alone (a pair once per specific fact it shares: counting its codes is the exact number);
    a name held by 6-64 documents across many stories (a minister, a club) made most of the pairs
    and never decides one. The pairs sharing >= MIN_SPECIFIC get their exact counts of every rare
    fact shared (pair_counts). sc: story canonical of every document by the text links."""
    rf = rare_figures(t, values, eligible, sc, p)
    pos, cnt, start = bucket_members(rf.keys, p.story_max_key_docs)
    b = rf.idx[pos]
    new = b >= t.n_old
    pos, cnt, start, b = pos[new], cnt[new], start[new], b[new]
    # every pair of a document b in one chunk, so the counts do not depend on the chunks
    per_doc = np.cumsum(np.bincount(b, weights=cnt, minlength=t.N))
    cuts = np.arange(1, int(per_doc[-1]) // _PAIR_CHUNK + 1) * _PAIR_CHUNK if len(per_doc) else []
    bounds = np.unique(np.r_[0, np.searchsorted(per_doc, cuts, side="right"), t.N])
    out, named = [], []
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
        sel = np.flatnonzero((b >= lo) & (b < hi))
        codes = member_pairs(rf.idx, pos[sel], cnt[sel], start[sel], t.n_old, t.N)
        if not len(codes):
            continue
        codes.sort()
        first = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
        spec = np.diff(np.r_[first, len(codes)])
        pair = codes[first[spec >= MIN_SPECIFIC]]
        del codes
        pa, pb = np.divmod(pair, t.N)
        shared, names, spec, fig_spec = pair_counts(rf, pa, pb)
        ok, by_names = fact_test(shared, names, spec, fig_spec, rf.n_fig, rf.n_name, pa, pb)
        out.append(pair[ok])
        named.append(pair[by_names])
    return unique_inplace(out), unique_inplace(named)


def pair_counts(
    rf: RareFacts, pa: np.ndarray, pb: np.ndarray, chunk: int = 1 << 22
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per pair: the rare facts both documents hold, of them names, specific, specific figures.
    Both documents' facts are laid out under the pair's number and sorted: a fact the two share is
    two equal codes side by side (pairs in chunks of about `chunk` facts)."""
    n = len(pa)
    shared, names, spec, fig_spec = (np.zeros(n, dtype=np.int64) for _ in range(4))
    la = rf.doc_off[pa + 1] - rf.doc_off[pa]
    lb = rf.doc_off[pb + 1] - rf.doc_off[pb]
    per = np.cumsum(la + lb)
    bounds = (
        np.unique(np.r_[0, np.searchsorted(per, np.arange(1, int(per[-1]) // chunk + 1) * chunk), n])
        if n
        else []
    )
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
        i = np.arange(lo, hi, dtype=np.uint64)
        side = np.concatenate([rf.doc_off[pa[lo:hi]], rf.doc_off[pb[lo:hi]]])
        ln = np.concatenate([la[lo:hi], lb[lo:hi]])
        code = np.repeat(np.concatenate([i, i]), ln) << _HIGH
        code |= rf.doc_facts[mh.ranges(side, ln)].astype(np.uint64)
        code.sort()
        both = code[1:][code[1:] == code[:-1]]  # a fact twice in one pair: held by both
        k = (both & np.uint64(3)).astype(np.int64)
        at = (both >> _HIGH).astype(np.int64)
        shared[lo:hi] = np.bincount(at, minlength=hi)[lo:]
        names[lo:hi] = np.bincount(at, weights=k & 1, minlength=hi)[lo:].astype(np.int64)
        spec[lo:hi] = np.bincount(at, weights=k >> 1, minlength=hi)[lo:].astype(np.int64)
        fig_spec[lo:hi] = np.bincount(at, weights=(k == 2), minlength=hi)[lo:].astype(np.int64)
    return shared, names, spec, fig_spec


def fact_test(
    shared: np.ndarray,
    names: np.ndarray,
    spec: np.ndarray,
    fig_spec: np.ndarray,
    n_fig: np.ndarray,
    n_name: np.ndarray,
    pa: np.ndarray,
    pb: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Per pair (pa, pb index n_fig / n_name, each document's rare figures and names): the rare facts
    it shares, how many are names, specific, specific figures -> (passes the figure test or the
    names test, passes by the names test only). Linking (fact_candidates) and forget use it."""
    figs = shared - names
    ok = (figs >= MIN_FIGURES) & (figs >= FIGURE_SHARE * np.minimum(n_fig[pa], n_fig[pb]))
    ok &= fig_spec >= MIN_SPECIFIC
    by_names = ~ok & names_test(shared, names, spec, n_fig, n_name, pa, pb)
    return ok | by_names, by_names


def names_test(
    shared: np.ndarray,
    names: np.ndarray,
    spec: np.ndarray,
    n_fig: np.ndarray,
    n_name: np.ndarray,
    pa: np.ndarray,
    pb: np.ndarray,
) -> np.ndarray:
    """The facts test for texts with few figures (docs/DEDUP.md "Rewrites with few figures"): the
    document holding fewer rare facts (figures and name words) shares >= FIGURE_SHARE of them and
    >= MIN_FACTS with the other, >= MIN_NAMES of them names and >= MIN_SPECIFIC specific (held by
    <= SPECIFIC_STORIES stories), and brings at most NEW_FIGURES rare figures the other lacks. A
    brief, a paraphrase or a translation keeps the people, places and bodies of its source and
    invents no figure; the same template's next issue names others; another event of the same
    company, or a follow-up a week later, shares the names but brings its own figures (a new date,
    a new count) or its own words: verify_fact_pairs asks a pair of this test for a shared phrase
    and a shared quote of >= 8 words (quotes.py) -- on BBC + Reuters names and a phrase alone linked
    mostly the next report of a running story (a reply a day later, a rival bid)."""
    facts_a, facts_b = n_fig[pa] + n_name[pa], n_fig[pb] + n_name[pb]
    small = np.where(facts_a <= facts_b, pa, pb)
    ok = (shared >= MIN_FACTS) & (shared >= FIGURE_SHARE * np.minimum(facts_a, facts_b))
    ok &= (names >= MIN_NAMES) & (spec >= MIN_SPECIFIC) & (spec >= SPECIFIC_SHARE * shared)
    return ok & (n_fig[small] - (shared - names) <= NEW_FIGURES)


def verify_fact_pairs(
    t: DocTable, sets: ShingleSets, figs: Figures, pairs: tuple[np.ndarray, np.ndarray], p: DedupParams
) -> FactEdges:
    """The rewrite links among pairs that passed the figure test: enough shared text, and agreeing
    figure slots where the two share most of the shorter text (one template). pairs: the
    candidates and those of them that passed by the names test only (fact_candidates)."""
    pairs, named = pairs
    pa, pb = np.divmod(pairs, t.N)
    inter, la, lb = sets.intersections(pa, pb)
    c = containment(inter, la, lb)
    ok = inter >= MIN_SHARED_TEXT
    by_names = np.flatnonzero(ok & np.isin(pairs, named))
    ok[by_names] = shared_quotes(figs[2], pa[by_names], pb[by_names]) >= MIN_QUOTES
    template = np.flatnonzero(ok & (c >= p.story_containment))
    agree = figures_agree(figs, pa[template], pb[template], p)
    ok[template[~agree]] = False
    return FactEdges(
        Edges(pb[ok], pa[ok], c[ok]),
        len(pairs),
        int((inter < MIN_SHARED_TEXT).sum()),
        int((~agree).sum()),
        int(np.isin(pairs[ok], named).sum()),
    )


def shared_quotes(values: ShingleSets, pa: np.ndarray, pb: np.ndarray) -> np.ndarray:
    """Quote samples (key tag QUOTE_TAG) each pair shares: the facts of both read (the few pairs
    of the names path), intersected per pair."""
    out = np.zeros(len(pa), dtype=np.int64)
    if not len(pa):
        return out
    ka, la = values.gather(pa)
    kb, lb = values.gather(pb)
    oa, ob = np.r_[0, np.cumsum(la)], np.r_[0, np.cumsum(lb)]
    for i in range(len(pa)):  # a few hundred pairs at 22k documents: a loop of small sorted sets
        qa = ka[oa[i] : oa[i + 1]]
        qb = kb[ob[i] : ob[i + 1]]
        qa, qb = qa[(qa & 3) == QUOTE_TAG], qb[(qb & 3) == QUOTE_TAG]
        out[i] = len(np.intersect1d(qa, qb, assume_unique=True))
    return out


def attach_rewrites(t: DocTable, sc: np.ndarray, links: Edges) -> np.ndarray:
    """Story canonical of every document (sc, from the text links) with the rewrite links added.
    A rewrite link only ever places a document that the text links left alone in its story; it
    never moves a member or merges two stories, so every story the text rule forms stays as it is.
    Why a second step and not one more kind of link in the split rule: the split rule's canonical
    is the best-ranked member (quality first), and a 90-word brief often ranks above its release,
    heads the story and leaves every rewrite it shares too few figures with on its own.

    1. a document alone in its story that has rewrite links to story canonicals (of a story with
       other members, or of an earlier run) joins the one it shares the most of its text with
       (containment), then the best-ranked: it is verified against that canonical (no chaining);
    2. the documents still alone are placed among themselves by the split rule over their rewrite
       links (the best-ranked heads a story, every alone document linked to it joins).
    This run's documents only: an earlier run's documents keep their story."""
    if len(links) == 0:
        return sc
    g = np.arange(t.N)
    size = np.bincount(sc, minlength=t.N)
    alone = (sc == g) & (size == 1) & (g >= t.n_old)
    head = (sc == g) & ~alone
    u = np.concatenate([links.a, links.b])
    v = np.concatenate([links.b, links.a])
    c = np.concatenate([links.sim, links.sim])
    nodes = np.unique(np.concatenate([u, v]))
    rank = np.zeros(t.N, dtype=np.int64)
    rank[nodes[rank_key(t.quality[nodes], t.published[nodes], t.doc_id[nodes])]] = np.arange(len(nodes))
    out = sc.copy()
    sel = alone[u] & head[v]
    if sel.any():
        uu, vv, cc = u[sel], v[sel], c[sel]
        order = np.lexsort((rank[vv], -cc, uu))
        first = order[np.r_[True, uu[order][1:] != uu[order][:-1]]]
        out[uu[first]] = vv[first]
        alone[uu[first]] = False
    sel = alone[u] & alone[v]
    if sel.any():
        rest = np.unique(u[sel])
        heads, _ = lexicographic_heads(
            rank[rest], np.searchsorted(rest, u[sel]), np.searchsorted(rest, v[sel])
        )
        out[rest] = rest[heads]
    return out
