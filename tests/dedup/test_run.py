"""Exact and near-duplicate detection on hand-written news text (no shared corpora needed)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from factsieve.dedup import DedupParams, cluster_id_for, deduplicate
from factsieve.dedup import minhash as mh

STORY = (
    "The city council voted on Tuesday to approve a new budget that raises spending on public transport by "
    "twelve percent, after a heated debate that ran late into the evening. Supporters said the extra money "
    "would pay for more frequent buses on the northern routes and for repairs to the tram depot, which has "
    "been closed since the floods last spring. Opponents argued that the plan relied on optimistic forecasts "
    "of parking revenue and warned that property taxes could rise next year if the income did not arrive. "
    "The mayor, who had pushed for the increase since her election, said the vote showed that residents "
    "wanted reliable services. A final reading is scheduled for next month, when the council will also "
    "consider a proposal to extend the night bus network to the airport."
)
EXTRA_PARAGRAPH = (
    "Union representatives welcomed the decision but said drivers had not yet been consulted on the new "
    "timetables, and asked for talks before the changes take effect."
)
OTHER_STORY = (
    "Heavy rain caused flooding across the southern valleys overnight, cutting power to thousands of homes "
    "and forcing the closure of two main roads. Emergency crews rescued a family from a car trapped by rising "
    "water near the old bridge, and the regional weather office issued a warning for further storms on "
    "Friday. Farmers said the downpour came too late to save much of this year's harvest, which had already "
    "suffered from a long dry summer. Officials urged people to avoid travel unless it was essential and to "
    "check on elderly neighbours."
)
BRIEFS = [
    "Shr 11 cts vs 13 cts Net 1,234,000 vs 987,000 Revs 12.3 mln vs 11.1 mln Nine mths Shr 34 cts vs 30 cts "
    "Net 3,456,000 vs 2,990,000 Revs 36.5 mln vs 33.2 mln",
    "Shr 21 cts vs 19 cts Net 2,104,000 vs 1,887,000 Revs 22.8 mln vs 20.4 mln Nine mths Shr 61 cts vs 55 cts "
    "Net 6,120,000 vs 5,470,000 Revs 66.1 mln vs 60.9 mln",
    "Shr loss four cts vs profit 17 cts Net loss 410,000 vs profit 1,702,000 Revs 8.1 mln vs 9.6 mln Nine mths "
    "Shr profit 12 cts vs 48 cts Net 1,230,000 vs 4,810,000 Revs 25.7 mln vs 28.3 mln",
    "Shr 88 cts vs 72 cts Net 9,870,000 vs 8,020,000 Revs 101.5 mln vs 93.4 mln Nine mths Shr 2.41 dlrs vs "
    "2.05 dlrs Net 27,100,000 vs 22,900,000 Revs 298.7 mln vs 270.1 mln",
]
DIVIDENDS = [
    f"Qtly div {c} cts vs {p} cts prior Pay April {d} Record March {r} Reuter"
    for c, p, d, r in [(10, 9, 15, 31), (12, 12, 1, 16), (25, 22, 30, 13), (8, 8, 10, 20)]
]


def frame(rows: list[tuple[str, str]], quality=None, published=None) -> pd.DataFrame:
    n = len(rows)
    return pd.DataFrame(
        {
            "doc_id": [r[0] for r in rows],
            "text": [r[1] for r in rows],
            "quality_score": quality if quality is not None else [0.5] * n,
            "published_at": pd.to_datetime(published if published is not None else [None] * n, utc=True),
        }
    )


def row(result, doc_id: str) -> pd.Series:
    a = result.assignments
    return a[a["doc_id"] == doc_id].iloc[0]


# ---------------------------------------------------------------------------------------------- minhash


def test_normalisation_ignores_case_whitespace_and_punctuation_but_keeps_digits():
    a = "The Mayor said:  “We won’t stop.”\n\nRevenue rose to 1,234 mln dlrs."
    b = "the mayor said we wont stop -- revenue rose to 1234 mln dlrs"
    assert (
        mh.normalize_text(a)
        == mh.normalize_text(b)
        == ("the mayor said we wont stop revenue rose to 1234 mln dlrs")
    )
    assert mh.normalize_text("Shr 11 cts vs 13 cts") != mh.normalize_text("Shr 12 cts vs 19 cts")


def test_content_hash_equal_for_whitespace_only_difference():
    wh, nw = mh.word_hashes([STORY, STORY.replace(" ", "  \n"), STORY + "!"])
    h = mh.content_hashes(wh, nw)
    assert h[0] == h[1] == h[2]
    wh2, nw2 = mh.word_hashes([STORY.replace("twelve", "eleven")])
    assert mh.content_hashes(wh2, nw2)[0] != h[0]


def test_shingles_count_and_no_crossing_of_document_boundaries():
    texts = ["one two three four five six seven", "alpha beta gamma", "", "one two three four five six seven"]
    wh, nw = mh.word_hashes(texts)
    assert nw.tolist() == [7, 3, 0, 7]
    # a text that starts with a deleted byte (apostrophe) does not glue onto the previous text's last word
    wh_a, nw_a = mh.word_hashes(["ends with word", "'tis the season"])
    assert nw_a.tolist() == [3, 3]
    assert mh.word_hashes(["word"])[0][0] == wh_a[2] and mh.word_hashes(["tis"])[0][0] == wh_a[3]
    sh, off = mh.shingles(wh, nw, 5, seed=1)
    assert np.diff(off).tolist() == [3, 1, 0, 3]  # 7-5+1; a short doc gets one shingle; empty none
    assert sh[off[0] : off[1]].tolist() == sh[off[3] : off[4]].tolist()
    # the same doc alone gives the same shingles as inside a batch
    wh1, nw1 = mh.word_hashes([texts[0]])
    sh1, _ = mh.shingles(wh1, nw1, 5, seed=1)
    assert sh1.tolist() == sh[off[0] : off[1]].tolist()
    # word order matters inside a shingle
    wh2, nw2 = mh.word_hashes(["two one three four five"])
    assert mh.shingles(wh2, nw2, 5, seed=1)[0][0] != sh[0]


def test_jaccard_matches_python_sets():
    rng = np.random.default_rng(0)
    a = rng.integers(0, 1000, 300).astype(np.uint32)
    b = rng.integers(0, 1000, 400).astype(np.uint32)
    expect = len(set(a.tolist()) & set(b.tolist())) / len(set(a.tolist()) | set(b.tolist()))
    assert mh.jaccard(mh.shingle_set(a), mh.shingle_set(b)) == pytest.approx(expect)
    assert mh.jaccard(mh.shingle_set(a), mh.shingle_set(a)) == 1.0
    assert mh.jaccard(mh.shingle_set(a), np.zeros(0, np.uint32)) == 0.0


def test_signatures_estimate_jaccard_and_do_not_depend_on_batch():
    texts = [STORY, STORY + " " + EXTRA_PARAGRAPH, OTHER_STORY]
    f = mh.featurize(texts, 5, 256, seed=3)
    sets = [mh.shingle_set(f.shingles[f.shingle_offsets[i] : f.shingle_offsets[i + 1]]) for i in range(3)]
    true = mh.jaccard(sets[0], sets[1])
    est = float(np.mean(f.signatures[0] == f.signatures[1]))
    assert 0.6 < true < 0.95
    assert abs(est - true) < 0.1
    assert float(np.mean(f.signatures[0] == f.signatures[2])) < 0.05
    alone = mh.featurize([texts[1]], 5, 256, seed=3)
    assert np.array_equal(alone.signatures[0], f.signatures[1])
    other_seed = mh.featurize([texts[1]], 5, 256, seed=4)
    assert not np.array_equal(other_seed.signatures[0], f.signatures[1])


def test_band_keys_change_only_for_the_changed_band():
    sig = np.arange(64, dtype=np.uint32).reshape(1, 64).repeat(2, axis=0)
    sig[1, 9] += 1  # inside band 2 when rows=4
    keys = mh.band_keys(sig, bands=16, rows=4, seed=1)
    same = keys[0] == keys[1]
    assert same.sum() == 15 and not same[2]
    # identical row values in different bands still give different keys (band index is mixed in)
    flat = np.zeros((1, 8), dtype=np.uint32)
    k = mh.band_keys(flat, bands=2, rows=4, seed=1)
    assert k[0, 0] != k[0, 1]
    with pytest.raises(ValueError):
        mh.band_keys(sig, bands=20, rows=4, seed=1)


# ------------------------------------------------------------------------------------------------ dedup


def test_republished_story_with_new_headline_and_footer_is_a_near_duplicate():
    docs = frame(
        [
            ("orig", "Council backs transport budget\n\n" + STORY),
            (
                "syndicated",
                "BUDGET PASSES AFTER LATE-NIGHT DEBATE\n" + STORY + "\nCopyright 2024 Metro Wire.",
            ),
            ("extended", "Council approves budget\n" + STORY + "\n" + EXTRA_PARAGRAPH),
            ("other", OTHER_STORY),
        ],
        quality=[0.6, 0.9, 0.6, 0.9],
    )
    r = deduplicate(docs)
    assert len(r.assignments) == 4  # flagged, not dropped
    assert r.assignments["doc_id"].tolist() == ["orig", "syndicated", "extended", "other"]
    syn = row(r, "syndicated")
    assert syn["is_canonical"] and syn["canonical_doc_id"] == "syndicated"  # best quality wins
    for d in ("orig", "extended"):
        x = row(r, d)
        assert not x["is_canonical"]
        assert x["canonical_doc_id"] == "syndicated"
        assert x["dup_method"] == "near"
        assert 0.7 <= x["dup_similarity"] < 1.0
        assert x["dup_cluster_id"] == cluster_id_for("syndicated")
    other = row(r, "other")
    assert other["is_canonical"] and pd.isna(other["dup_cluster_id"]) and pd.isna(other["dup_method"])
    assert np.isnan(other["dup_similarity"])
    dup = r.duplicates[r.duplicates["level"] == "copy"]
    assert sorted(dup["doc_id"]) == ["extended", "orig", "syndicated"]
    assert dup.set_index("doc_id").loc["syndicated", "method"] == "canonical"
    assert dup["is_new"].all()
    assert r.stats["near_dups"] == 2 and r.stats["verified_pairs"] >= 2


def test_exact_duplicates_differing_in_whitespace_and_punctuation():
    docs = frame(
        [
            ("a", STORY),
            ("b", STORY.replace(". ", ".\n\n").replace(",", " ,")),
            ("c", STORY.upper()),
        ],
        published=["2024-03-02", "2024-03-01", None],
    )
    r = deduplicate(docs)
    # same quality -> earliest published wins; missing date counts as latest
    assert row(r, "b")["is_canonical"]
    for d in ("a", "c"):
        x = row(r, d)
        assert x["dup_method"] == "exact" and x["dup_similarity"] == 1.0 and x["canonical_doc_id"] == "b"
    assert r.assignments["content_hash"].nunique() == 1
    assert r.stats["exact_dups"] == 2


def test_canonical_tie_breaks_on_doc_id_and_missing_quality_is_worst():
    docs = frame([("z", STORY), ("y", STORY), ("x", STORY)], quality=[0.5, 0.5, np.nan])
    r = deduplicate(docs)
    assert row(r, "y")["is_canonical"] and row(r, "z")["canonical_doc_id"] == "y"


def test_templated_earnings_briefs_from_different_companies_are_not_duplicates():
    rows = [(f"brief{i}", t) for i, t in enumerate(BRIEFS)] + [
        (f"div{i}", t) for i, t in enumerate(DIVIDENDS)
    ]
    r = deduplicate(frame(rows))
    assert r.assignments["dup_cluster_id"].isna().all()
    assert r.assignments["is_canonical"].all()
    # a naive digit-to-0 normaliser would have made the dividend notices identical
    zeroed = {re.sub(r"\d+", "0", mh.normalize_text(t)) for t in DIVIDENDS}
    assert len(zeroed) == 1
    # but a re-sent copy of one brief is found
    r2 = deduplicate(frame(rows + [("brief0-resent", BRIEFS[0].replace(" vs ", "  vs  "))]))
    assert row(r2, "brief0-resent")["canonical_doc_id"] == "brief0"
    assert row(r2, "brief0-resent")["dup_method"] == "exact"


def test_short_documents_match_exactly_only():
    p = DedupParams(min_words=20)
    docs = frame(
        [
            ("s1", "Shares of Acme rose 3 pct in early trading on Monday."),
            ("s2", "Shares of Acme rose 4 pct in early trading on Monday."),
            ("s3", "shares of acme rose 3 pct in early trading on monday"),
            ("s4", "Shares of Acme rose 3 pct in early trading on Monday, dealers said."),
        ]
    )
    r = deduplicate(docs, p)
    assert row(r, "s3")["canonical_doc_id"] == "s1" and row(r, "s3")["dup_method"] == "exact"
    assert pd.isna(row(r, "s2")["dup_cluster_id"])
    assert pd.isna(row(r, "s4")["dup_cluster_id"])  # near but short -> not matched
    assert r.stats["lsh_docs"] == 0


def test_empty_texts_are_never_duplicates():
    r = deduplicate(frame([("e1", ""), ("e2", "  \n "), ("e3", None)]))
    assert r.assignments["dup_cluster_id"].isna().all()


def test_verification_rejects_lsh_candidates_below_threshold():
    # many tiny bands make nearly every pair of related stories a candidate; exact Jaccard decides
    half = STORY[: len(STORY) // 2]
    p = DedupParams(num_perm=64, bands=64, rows=1, threshold=0.9)
    docs = frame([("a", STORY), ("b", half + " " + OTHER_STORY), ("c", STORY + " " + EXTRA_PARAGRAPH)])
    r = deduplicate(docs, p)
    assert r.stats["candidate_pairs"] >= 2
    assert r.stats["rejected_pairs"] >= 2
    assert r.assignments["dup_cluster_id"].isna().all()
    r2 = deduplicate(docs, DedupParams(num_perm=64, bands=64, rows=1, threshold=0.7))
    assert row(r2, "c")["canonical_doc_id"] == "a"
    assert pd.isna(row(r2, "b")["dup_cluster_id"])


def test_output_is_deterministic_and_independent_of_row_order():
    rows = [
        ("n1", "Headline one\n" + STORY),
        ("n2", STORY + " Reuters"),
        ("n3", OTHER_STORY),
        ("n4", OTHER_STORY.replace("Friday", "Saturday") + " More to follow."),
        ("n5", BRIEFS[0]),
        ("n6", STORY),
    ]
    a = deduplicate(frame(rows)).assignments.sort_values("doc_id").reset_index(drop=True)
    b = deduplicate(frame(rows[::-1])).assignments.sort_values("doc_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)
    assert a["dup_cluster_id"].notna().sum() == 5


def _tree_digest(d: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(d.iterdir())}


def test_incremental_run_matches_old_documents_and_keeps_old_canonical(tmp_path: Path):
    first = frame(
        [("old-story", STORY), ("old-other", OTHER_STORY), ("old-copy", "Budget news\n" + STORY)],
        quality=[0.4, 0.5, 0.3],
    )
    s1 = tmp_path / "s1"
    r1 = deduplicate(first, state_out=s1)
    assert row(r1, "old-story")["is_canonical"]
    cid = row(r1, "old-copy")["dup_cluster_id"]
    before = _tree_digest(s1)

    # a better-quality republication arrives later; plus a duplicate of a previously unique doc
    second = frame(
        [
            ("new-story", "TRANSPORT BUDGET APPROVED\n" + STORY + " (c) Wire 2024"),
            ("new-other", OTHER_STORY + " " + "Reporting by our correspondent."),
            ("new-unrelated", BRIEFS[1]),
        ],
        quality=[0.99, 0.99, 0.5],
    )
    s2 = tmp_path / "s2"
    r2 = deduplicate(second, state_in=s1, state_out=s2)
    assert _tree_digest(s1) == before  # state_in untouched
    ns = row(r2, "new-story")
    assert ns["canonical_doc_id"] == "old-story" and not ns["is_canonical"]
    assert ns["dup_cluster_id"] == cid and ns["dup_method"] == "near"
    no = row(r2, "new-other")
    assert no["canonical_doc_id"] == "old-other" and no["dup_cluster_id"] == cluster_id_for("old-other")
    assert pd.isna(row(r2, "new-unrelated")["dup_cluster_id"])
    dup = r2.duplicates[r2.duplicates["level"] == "copy"].set_index("doc_id")
    assert dup.loc["old-story", "method"] == "canonical" and not dup.loc["old-story", "is_new"]
    assert dup.loc["old-copy", "cluster_id"] == cid and not dup.loc["old-copy", "is_new"]
    assert dup.loc["new-story", "is_new"]
    assert dup.loc["old-other", "method"] == "canonical"

    # a third run sees both earlier runs, and re-sending an old doc does not change anything
    s3 = tmp_path / "s3"
    r3 = deduplicate(
        frame([("third", STORY + " Updated at noon."), ("old-story", STORY)]), state_in=s2, state_out=s3
    )
    assert row(r3, "third")["canonical_doc_id"] == "old-story"
    assert row(r3, "old-story")["is_canonical"] and r3.stats["docs_known"] == 1


def test_state_guards(tmp_path: Path):
    s1 = tmp_path / "s1"
    deduplicate(frame([("a", STORY)]), state_out=s1)
    with pytest.raises(ValueError, match="params"):
        deduplicate(frame([("b", STORY)]), DedupParams(threshold=0.9), state_in=s1)
    with pytest.raises(FileExistsError):
        deduplicate(frame([("b", STORY)]), state_in=None, state_out=s1)
    # a missing state_in directory is a fresh start
    r = deduplicate(frame([("b", STORY)]), state_in=tmp_path / "nope")
    assert r.assignments["is_canonical"].all()


def test_bad_input_is_a_clear_error():
    with pytest.raises(ValueError, match="unique"):
        deduplicate(frame([("a", STORY), ("a", OTHER_STORY)]))
    with pytest.raises(ValueError, match="missing"):
        deduplicate(pd.DataFrame({"doc_id": ["a"]}))
    with pytest.raises(ValueError, match="bands"):
        deduplicate(frame([("a", STORY)]), DedupParams(num_perm=64, bands=32, rows=4))


# ------------------------------------------------------------------------------ features from workers


def _corpus_rows() -> list[tuple[str, str]]:
    rows = [
        ("a-orig", "Council backs transport budget\n\n" + STORY),
        ("a-syn", "BUDGET PASSES AFTER LATE-NIGHT DEBATE\n" + STORY + "\nCopyright 2024 Metro Wire."),
        ("a-ext", "Council approves budget\n" + STORY + "\n" + EXTRA_PARAGRAPH),
        ("a-copy", STORY.upper()),
        ("b-orig", OTHER_STORY),
        ("b-edit", OTHER_STORY.replace("Friday", "Saturday") + " More to follow."),
        ("empty", ""),
    ]
    rows += [(f"brief{i}", t) for i, t in enumerate(BRIEFS)] + [
        (f"div{i}", t) for i, t in enumerate(DIVIDENDS)
    ]
    return rows


def test_features_prepared_in_batches_give_the_same_result(tmp_path: Path):
    import pickle

    from factsieve.dedup import prepare

    docs = frame(_corpus_rows(), quality=[0.5 + 0.01 * i for i in range(len(_corpus_rows()))])
    plain = deduplicate(docs)
    # three "worker" batches in a different order from docs, shipped through pickle like a process pool
    shuffled = docs.sample(frac=1.0, random_state=3)
    feats = [pickle.loads(pickle.dumps(prepare(shuffled.iloc[i::3]))) for i in range(3)]
    pre = deduplicate(docs, features=feats)
    assert pre.stats["features_precomputed"] and "featurize" not in pre.stats["timings_s"]
    pd.testing.assert_frame_equal(plain.assignments, pre.assignments)
    pd.testing.assert_frame_equal(plain.duplicates, pre.duplicates)
    assert plain.assignments["dup_cluster_id"].notna().sum() >= 6
    # with features, the global step needs no text at all
    no_text = deduplicate(docs.drop(columns="text"), features=feats)
    pd.testing.assert_frame_equal(plain.assignments, no_text.assignments)
    with pytest.raises(ValueError, match="missing"):
        deduplicate(docs.drop(columns="text"))

    # incremental: second run with precomputed features, including a doc already in the state
    s1, s2a, s2b = tmp_path / "s1", tmp_path / "s2a", tmp_path / "s2b"
    deduplicate(docs.iloc[:6], state_out=s1)
    second = pd.concat([docs.iloc[6:], docs.iloc[[0]]])
    r_plain = deduplicate(second, state_in=s1, state_out=s2a)
    r_pre = deduplicate(
        second, state_in=s1, state_out=s2b, features=[prepare(second.iloc[:5]), prepare(second.iloc[5:])]
    )
    pd.testing.assert_frame_equal(r_plain.assignments, r_pre.assignments)
    pd.testing.assert_frame_equal(r_plain.duplicates, r_pre.duplicates)


def test_features_must_match_docs_and_params():
    from factsieve.dedup import prepare

    docs = frame(_corpus_rows())
    with pytest.raises(ValueError, match="cover exactly"):
        deduplicate(docs, features=[prepare(docs.iloc[:-1])])
    with pytest.raises(ValueError, match="cover exactly"):
        deduplicate(docs.iloc[:-1], features=[prepare(docs)])
    with pytest.raises(ValueError, match="cover exactly"):
        deduplicate(docs, features=[prepare(docs), prepare(docs.iloc[:1])])
    with pytest.raises(ValueError, match="different DedupParams"):
        deduplicate(docs, features=[prepare(docs, DedupParams(threshold=0.8))])
    # batch_size/workers do not change features
    r = deduplicate(docs, DedupParams(batch_size=3), features=[prepare(docs)])
    assert r.assignments["dup_cluster_id"].notna().any()


def test_members_reached_only_through_a_chain_are_split_from_the_canonical():
    # c0 -> c1 -> c2 -> c3: each step rewrites a different 20-word passage, so neighbours are near
    # duplicates (J ~ 0.8) but c2 and c3 are not near duplicates of c0 (J ~ 0.66, 0.54)
    words = (STORY + " " + OTHER_STORY).split()
    versions = [list(words)]
    for step in range(1, 4):
        w = list(versions[-1])
        w[step * 55 : step * 55 + 20] = [f"changed{step}x{i}" for i in range(20)]
        versions.append(w)
    rows = [(f"c{i}", " ".join(w)) for i, w in enumerate(versions)]
    r = deduplicate(frame(rows, quality=[0.9, 0.5, 0.5, 0.5]))
    sets = [mh.shingle_set(mh.shingles(*mh.word_hashes([t]), 5, seed=1)[0]) for _, t in rows]
    assert mh.jaccard(sets[0], sets[1]) >= 0.7 > mh.jaccard(sets[0], sets[2])
    assert min(mh.jaccard(sets[i], sets[i + 1]) for i in range(3)) >= 0.7
    dup = r.duplicates[(r.duplicates["method"] != "canonical") & (r.duplicates["level"] == "copy")]
    assert len(dup) >= 1
    assert (dup["similarity"] >= 0.7).all()  # every reported pair is verified against its canonical
    by_id = {d: t for d, t in rows}
    for m, c in zip(dup["doc_id"], dup["canonical_doc_id"], strict=True):
        s = [mh.shingle_set(mh.shingles(*mh.word_hashes([by_id[x]]), 5, seed=1)[0]) for x in (m, c)]
        assert mh.jaccard(*s) >= 0.7
    assert row(r, "c0")["is_canonical"] and row(r, "c1")["canonical_doc_id"] == "c0"
    assert row(r, "c3")["canonical_doc_id"] != "c0"
    assert r.stats["split_from_chain"] >= 1


def test_state_segments_without_sorted_sets_are_still_read(tmp_path: Path):
    # states written before shingle sets were stored sorted list no "sorted_segments"; their shingles
    # are made unique when read, so verification gives the same answer
    import json

    s1, s2, s3 = tmp_path / "s1", tmp_path / "s2", tmp_path / "s3"
    deduplicate(frame([("old", STORY), ("old-other", OTHER_STORY)]), state_out=s1)
    meta = json.loads((s1 / "meta.json").read_text())
    del meta["sorted_segments"]
    (s1 / "meta.json").write_text(json.dumps(meta))
    new = frame([("new", "Transport budget\n" + STORY + " " + EXTRA_PARAGRAPH)])
    r = deduplicate(new, state_in=s1, state_out=s2)
    assert row(r, "new")["canonical_doc_id"] == "old"
    assert json.loads((s2 / "meta.json").read_text())["sorted_segments"] == ["seg-00001"]
    fresh = deduplicate(pd.concat([frame([("old", STORY)]), new]))
    assert row(r, "new")["dup_similarity"] == row(fresh, "old")["dup_similarity"] < 1.0
    deduplicate(frame([("third", STORY + " Updated.")]), state_in=s2, state_out=s3)


# ------------------------------------------------------------------------------ memory-lean features


def test_spilled_features_give_the_same_result_and_pickle_small(tmp_path: Path):
    import pickle

    from factsieve.dedup import prepare

    docs = frame(_corpus_rows(), quality=[0.5 + 0.01 * i for i in range(len(_corpus_rows()))])
    plain = deduplicate(docs)
    mem = [prepare(docs.iloc[i::2]) for i in range(2)]
    assert mem[0].doc_id.dtype.kind == "S" and mem[0].n_words.dtype == np.uint32
    assert mem[0].shingle_offsets.dtype == np.uint32
    spilled = [prepare(docs.iloc[0::2], spill_dir=tmp_path / "stage"), mem[1].spill(tmp_path / "stage")]
    assert spilled[0].shingles is None and Path(spilled[0].shingles_file).exists()
    np.testing.assert_array_equal(spilled[1].load_shingles(), mem[1].shingles)
    assert len(pickle.dumps(spilled[1])) < len(pickle.dumps(mem[1])) - 3 * mem[1].shingles.nbytes // 4
    shipped = [pickle.loads(pickle.dumps(f)) for f in spilled]
    for feats in (mem, shipped, [mem[0], shipped[1]]):
        r = deduplicate(docs.drop(columns="text"), features=feats)
        pd.testing.assert_frame_equal(plain.assignments, r.assignments)
        pd.testing.assert_frame_equal(plain.duplicates, r.duplicates)
    # take() reads spilled shingles back
    t = shipped[0].take(np.array([2, 0]))
    np.testing.assert_array_equal(t.load_shingles(), mem[0].take(np.array([2, 0])).shingles)
    # incremental run with spilled features that include a document already in the state
    s1, s2a, s2b = tmp_path / "s1", tmp_path / "s2a", tmp_path / "s2b"
    deduplicate(docs.iloc[:6], state_out=s1)
    second = pd.concat([docs.iloc[6:], docs.iloc[[0]]])
    r_plain = deduplicate(second, state_in=s1, state_out=s2a)
    r_sp = deduplicate(
        second,
        state_in=s1,
        state_out=s2b,
        features=[prepare(second.iloc[:5], spill_dir=tmp_path / "st2"), prepare(second.iloc[5:])],
    )
    pd.testing.assert_frame_equal(r_plain.assignments, r_sp.assignments)
    pd.testing.assert_frame_equal(r_plain.duplicates, r_sp.duplicates)
    for name in ("seg-00001.shingles.u32", "seg-00001.bands.u64"):
        assert (s2a / name).read_bytes() == (s2b / name).read_bytes()


def test_doc_ids_that_fixed_width_bytes_cannot_hold_stay_objects():
    from factsieve.dedup.features import _decode_ids, _encode_ids

    for ids in (["a\x00", "b"], ["", "x"], ["a", "b", "c", "x" * 200], ["\ud800", "a"]):
        enc = _encode_ids(np.array(ids, dtype=object))
        assert enc.dtype == object and list(_decode_ids(enc)) == ids
    ids = ["é-1", "ab", "0123456789abcdef"]
    enc = _encode_ids(np.array(ids, dtype=object))
    assert enc.dtype.kind == "S" and list(_decode_ids(enc)) == ids


def test_digest_codes_are_exact_even_when_the_first_8_bytes_collide():
    from factsieve.dedup.state import hex_array as _hex_array
    from factsieve.dedup.table import digest_codes as _digest_codes

    rng = np.random.default_rng(5)
    d = rng.integers(0, 256, size=(6, 16), dtype=np.uint8)
    d[3] = d[1]
    d[4, :8] = d[0, :8]  # same first half, different second half
    d[5, 8:] = 0  # trailing zero bytes
    c = _digest_codes(d)
    for i in range(6):
        for j in range(6):
            assert (c[i] == c[j]) == bool((d[i] == d[j]).all())
    assert _hex_array(d).to_pylist() == [bytes(r).hex() for r in d]


def test_ranges_pair_intersections_and_segment_reads_match_naive(tmp_path: Path):
    from factsieve.dedup.state import ShingleStore as _ShingleStore

    rng = np.random.default_rng(7)
    vals = rng.integers(0, 2**32, size=5000, dtype=np.uint64).astype(np.uint32)
    path = tmp_path / "seg.u32"
    vals.tofile(path)
    store = _ShingleStore()
    store.add(path)
    for i in range(200):
        k = int(rng.integers(0, 8))
        # short sets are gathered through an index array, long ones (mean >= 128) copied as slices
        lens = rng.integers(0, 60 if i % 2 else 200, k)
        starts = rng.integers(0, 5000 - 200, k)
        naive = [np.arange(s, s + n) for s, n in zip(starts, lens, strict=True)]
        exp = np.concatenate(naive) if k else np.zeros(0, dtype=np.int64)
        np.testing.assert_array_equal(mh.ranges(starts, lens), exp)
        np.testing.assert_array_equal(store.read(0, starts, lens), vals[exp])
        a = [np.unique(rng.integers(0, 30, int(rng.integers(0, 9)))).astype(np.uint32) for _ in range(k)]
        b = [np.unique(rng.integers(0, 30, int(rng.integers(0, 9)))).astype(np.uint32) for _ in range(k)]
        if k:
            got = mh.pair_intersections(
                np.concatenate(a), [len(x) for x in a], np.concatenate(b), [len(x) for x in b]
            )
            assert got.tolist() == [len(set(x.tolist()) & set(y.tolist())) for x, y in zip(a, b, strict=True)]
    store.close()
