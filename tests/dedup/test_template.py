"""One template repeated many times (a scraper's saved error page with a changing reference number, an
auto-generated market brief): LSH candidates stay bounded per document (large buckets pair their
members with a few anchors only), what that gives up is counted, and the clusters are still right:
the near copies form one copy cluster and one story led by the best-ranked document, a template
whose figures change forms no cluster, and a template record arriving in a later run joins the
earlier run's cluster and story."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from factsieve.dedup import DedupParams, deduplicate, lsh
from factsieve.dedup.lsh import ANCHORS, LshStats, anchor_pairs, bucket_pairs
from tests.dedup.template_texts import ERROR_PAGE, briefs, error_pages, template_records
from tests.dedup.test_run import frame


def quality(n: int, seed: int) -> list[float]:
    """Distinct scores in no relation to doc_id order: the best-ranked document sits mid-bucket."""
    return np.random.default_rng(seed).permutation(n).astype(float).tolist()


def test_one_error_page_saved_thousands_of_times_costs_a_few_candidates_per_document():
    n = 3000
    rows = error_pages(n)
    q = quality(n, 1)
    r = deduplicate(frame(rows, quality=q))
    s, a = r.stats, r.assignments.set_index("doc_id")
    best = rows[int(np.argmax(q))][0]
    # every page is a near copy of every other (one reference number differs): one cluster and one
    # story, both led by the best-ranked page, every member verified against it
    assert (a["canonical_doc_id"] == best).all() and (a["story_id"] == best).all()
    members = a.drop(index=best)
    assert (members["dup_method"] == "near").all() and (members["dup_similarity"] >= 0.7).all()
    # bounded: the pages share one bucket in most bands; without anchors each paired with 64 of them
    assert s["lsh_large_buckets"] >= 10 and s["lsh_large_bucket_members"] >= 10 * n
    assert s["candidate_pairs"] <= 2 * ANCHORS * n
    assert s["lsh_pairs_not_made"] > 1_000 * n  # counted, not silent
    # the story level's samples are all held by every page: boilerplate, no pairs made from them
    assert s["story_boilerplate_samples"] >= n and s["story_candidate_pairs"] <= 2 * ANCHORS * n


def test_a_template_whose_figures_change_forms_no_cluster_and_stays_bounded():
    n = 3000
    rows = briefs(n)
    # one brief syndicated with a credit line: a near copy inside the template's large buckets
    rows.append(("brief-copy", rows[1234][1] + " Reporting by Jane Doe in London; editing by Tom Hale."))
    r = deduplicate(frame(rows))
    s, a = r.stats, r.assignments.set_index("doc_id")
    # the briefs share the template's words, not their figures: not copies of each other
    assert s["near_dups"] == 1 and a.loc["brief-copy", "canonical_doc_id"] == "brief-01234"
    assert a["dup_cluster_id"].notna().sum() == 2
    assert a["story_id"].value_counts().max() <= 12  # the templated-texts guard
    assert s["lsh_large_bucket_members"] > 0
    # buckets of up to max_bucket_pairs + 1 briefs (those sharing a figure's 5-grams) are still paired
    # in full: 41 candidates a brief measured (121 with every bucket paired with its first 64)
    assert s["candidate_pairs"] <= 50 * n
    assert s["verified_pairs"] == 1


def test_a_template_record_arriving_in_a_later_run_joins_the_earlier_cluster_and_story(tmp_path: Path):
    first = error_pages(2000)
    q = quality(2000, 2)
    r1 = deduplicate(frame(first, quality=q), state_out=tmp_path / "s1")
    best = first[int(np.argmax(q))][0]
    cid = r1.assignments.set_index("doc_id").loc[best, "dup_cluster_id"]
    later = [*error_pages(300, start=2000), ("other", ERROR_PAGE.replace("sorry", "glad").upper()[:40])]
    # the later records rank above every earlier one: an earlier run's group keeps its canonical
    r2 = deduplicate(frame(later, quality=[10_000.0] * 301), state_in=tmp_path / "s1")
    a = r2.assignments.set_index("doc_id").drop(index="other")
    assert (a["dup_cluster_id"] == cid).all() and (a["canonical_doc_id"] == best).all()
    assert (a["story_id"] == best).all()
    assert r2.stats["lsh_large_bucket_members"] > 0
    assert r2.stats["candidate_pairs"] <= 2 * ANCHORS * 300


def test_large_buckets_pair_members_with_their_anchors_only():
    n_old, N = 3, 103
    idx = np.arange(N)  # one bucket of all 103 documents, 3 of them from an earlier run
    keys = np.zeros(N, dtype=np.uint64)
    prio = np.arange(N)[::-1].copy()  # anchors: the last documents by index come first
    st = LshStats()
    codes = anchor_pairs(keys, idx, prio, n_old, N, st)
    a, b = codes // N, codes % N
    anchors = set(range(N - ANCHORS, N))
    assert all(x in anchors or y in anchors for x, y in zip(a, b, strict=True))
    assert len(codes) == len(set(codes.tolist())) == ANCHORS * (N - ANCHORS) + ANCHORS * (ANCHORS - 1) // 2
    assert (a < b).all() and (b >= n_old).all()
    assert st.large_buckets == 1 and st.large_bucket_members == N
    assert st.pairs_not_made == N * (N - 1) // 2 - (ANCHORS * (N - ANCHORS) + ANCHORS * (ANCHORS - 1) // 2)


def test_buckets_today_paired_in_full_are_still_paired_in_full():
    # max_bucket_pairs + 1 documents: every member pairs with every earlier one (the rule before)
    n = 65
    keys = np.zeros(n, dtype=np.uint64)
    assert not lsh._large_members(keys, 64 + 1).any()
    assert lsh._large_members(np.zeros(n + 1, dtype=np.uint64), 64 + 1).all()
    codes = bucket_pairs(keys, np.arange(n), 64, 0, n)
    assert len(codes) == n * (n - 1) // 2


def test_records_of_one_market_brief_template_share_no_story_but_a_rewrite_still_does():
    # 5,000 briefs of eight companies, five figures drawn per brief: any two share the template's
    # words (containment ~0.6-0.7) and, by chance, a date or a market value -- never a source text
    rows = template_records("market", 5000)
    src_id, src = rows[321]
    # a rewrite of one brief: a new lead, the brief with its figures, the last clause cut
    lead = (
        "Trading was thin across the board ahead of the holiday weekend, dealers said, and most "
        "investors waited for the central bank's decision on interest rates due next week. "
    )
    rewrite = lead + src[: src.index(", when the board")] + "."
    rows.append(("rewrite", rewrite))
    a = deduplicate(frame(rows)).assignments.set_index("doc_id")
    assert a.loc["rewrite", "story_id"] == a.loc[src_id, "story_id"]
    assert pd.isna(a.loc["rewrite", "dup_cluster_id"])  # a story, not a copy
    others = a.drop(index=["rewrite", src_id])
    assert (others["story_id"] == others.index).all()  # no false story among the records
    # the case is real: the rule before (half of the shared figure slots alike) grouped records
    # that agree on two small figures (a date and a market value, say) into stories
    old = deduplicate(frame(rows), DedupParams(story_figure_share=0.5)).assignments
    old = old[~old["doc_id"].isin(["rewrite", src_id])]
    assert (old["story_id"] != old["doc_id"]).sum() >= 3


def test_football_weather_and_price_templates_form_no_story():
    for kind in ("football", "weather", "prices"):
        a = deduplicate(frame(template_records(kind, 1500))).assignments
        assert (a["story_id"] == a["doc_id"]).all(), kind
        assert a["dup_cluster_id"].isna().all(), kind


def test_candidates_verified_a_few_pairs_at_a_time_give_the_same_result(tmp_path: Path, monkeypatch):
    """Copy and story verification run PAIR_CHUNK candidate pairs at a time (memory: a template's
    millions of candidates); with chunks of 7 pairs the edges, links, stories and stats are those of
    one chunk, also in a second run against the state. And the pairs the copy level settles for the
    story level change nothing when verified again."""
    from factsieve.dedup import story, verify

    rows = template_records("market", 600)
    src_id, src = rows[17]
    first = [*rows[:400], ("copy", src + " Reporting by the markets desk."), *error_pages(150)]
    lead = "Dealers said trading was thin ahead of the holiday weekend and the central bank decision. "
    second = [
        *rows[400:],
        ("rewrite", lead + src[: src.index(", when the board")] + "."),
        *error_pages(80, 150),
    ]
    a1 = deduplicate(frame(first), state_out=tmp_path / "s1").assignments.set_index("doc_id")
    runs = []
    for name, chunk in (("whole", verify.PAIR_CHUNK), ("chunked", 7)):
        monkeypatch.setattr(verify, "PAIR_CHUNK", chunk)
        monkeypatch.setattr(story, "PAIR_CHUNK", chunk)
        runs.append(deduplicate(frame(second), state_in=tmp_path / "s1", state_out=tmp_path / name))
    whole, chunked = runs
    for k in ("candidate_pairs", "verified_pairs", "story_candidate_pairs", "story_verified_pairs"):
        assert whole.stats[k] == chunked.stats[k] > 0, k
    assert whole.stats["story_figures_disagree"] == chunked.stats["story_figures_disagree"]
    pd.testing.assert_frame_equal(whole.assignments, chunked.assignments)
    pd.testing.assert_frame_equal(whole.duplicates, chunked.duplicates)
    # the LSH pairs the copy level settled (intersected, short of a story's shared text) are not
    # story candidates; made candidates again, they change no link
    from factsieve.dedup import run

    assert whole.stats["story_settled_by_copy"] > 0
    monkeypatch.setattr(run, "story_text", lambda inter, la, lb, p: np.ones(len(inter), dtype=bool))
    again = deduplicate(frame(second), state_in=tmp_path / "s1", state_out=tmp_path / "again")
    assert again.stats["story_settled_by_copy"] == 0
    assert again.stats["story_candidate_pairs"] > whole.stats["story_candidate_pairs"]
    assert again.stats["story_verified_pairs"] == whole.stats["story_verified_pairs"]
    pd.testing.assert_frame_equal(whole.assignments, again.assignments)
    pd.testing.assert_frame_equal(whole.duplicates, again.duplicates)
    a = whole.assignments.set_index("doc_id")
    assert a.loc["rewrite", "story_id"] == a1.loc[src_id, "story_id"]
    assert a.loc["err-00200", "dup_cluster_id"] == a1.loc["err-00000", "dup_cluster_id"]


# a daily money-market notice: long fixed prose, the day's figures in a few slots
REPO = (
    "The Federal Reserve entered the government securities market to arrange {amt} billion dollars of "
    "customer repurchase agreements, a Fed spokesman said. Dealers said federal funds were trading at "
    "{rate} percent when the Fed began its temporary and indirect supply of reserves to the banking "
    "system. Most dealers had expected the Fed to add reserves today, since the banks' need for funds "
    "has grown ahead of the quarter end, and they said the operation was in line with what the market "
    "had forecast. The Fed last added reserves in this way earlier in the week, when it arranged "
    "{prev} billion dollars of customer agreements. Economists said the pattern of the operations "
    "so far this month suggested no change in the central bank's policy on interest rates."
)
REPO_DAYS = [
    REPO.format(amt="1.5", rate="6.25", prev="2.0"),
    REPO.format(amt="2.5", rate="6.19", prev="1.5"),
    REPO.format(amt="1.75", rate="6.31", prev="2.5"),
]


def test_two_days_of_a_notice_with_few_figures_in_long_prose_are_not_copies(tmp_path: Path):
    rows = [(f"repo-{i}", t) for i, t in enumerate(REPO_DAYS)]
    rows.append(("repo-0-resent", REPO_DAYS[0] + " Reporting by the money markets desk."))
    r = deduplicate(frame(rows))
    a = r.assignments.set_index("doc_id")
    # the re-sent notice is a copy of its own day, not of the other days
    assert a.loc["repo-0-resent", "canonical_doc_id"] == "repo-0"
    assert a.loc[["repo-1", "repo-2"], "dup_cluster_id"].isna().all()
    assert (a.loc[["repo-1", "repo-2"], "story_id"] == ["repo-1", "repo-2"]).all()
    assert r.stats["copy_figures_disagree"] >= 1
    # by their words alone the days are near copies (Jaccard >= 0.7): the figures tell them apart
    off = deduplicate(frame(rows), DedupParams(story_figure_share=0.0)).assignments.set_index("doc_id")
    assert off["dup_cluster_id"].nunique() == 1 and off["dup_cluster_id"].notna().all()
    # the next day arriving in a later run: its figures are compared with the state's
    deduplicate(frame(rows[:1]), state_out=tmp_path / "s1")
    later = deduplicate(frame(rows[1:]), state_in=tmp_path / "s1").assignments.set_index("doc_id")
    assert later.loc["repo-0-resent", "canonical_doc_id"] == "repo-0"
    assert later.loc[["repo-1", "repo-2"], "dup_cluster_id"].isna().all()
