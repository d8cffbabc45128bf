"""Story level: copies plus rewrites, truncations and extensions of one text share a story_id, with
the evidence (Jaccard, containment, method) in the duplicates table; templated texts and a shared
boilerplate paragraph do not make a story; a story spans runs (also through two real flow runs)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from factsieve.dedup import DedupParams, deduplicate
from tests.dedup.test_run import BRIEFS, OTHER_STORY, STORY, frame

# A press release as syndicated by several sites (paragraphs separated by blank lines).
RELEASE = [
    "The regional grid operator said on Monday it had approved plans for a 400-megawatt battery storage "
    "plant next to the decommissioned coal station at Harwick, the largest project of its kind in the "
    "country so far and a key part of the operator's plan to balance growing wind and solar output.",
    "Construction is expected to begin in the spring and to take about two years, the operator said in a "
    "statement. The site already has a high-voltage connection to the national network, which cut the "
    "expected cost of the project by roughly a fifth compared with a greenfield location.",
    "The batteries will be able to supply power for up to four hours at full output, enough to cover the "
    "evening peak in demand for around three hundred thousand homes when the wind drops after sunset.",
    "Local officials welcomed the decision, saying the project would create about one hundred and fifty "
    "construction jobs and twenty permanent positions, and would bring new business to a town that lost "
    "its largest employer when the coal station closed six years ago.",
    "Environmental groups were more cautious. They said the operator should publish its assessment of the "
    "fire risks and explain how the batteries would be recycled at the end of their working life, which "
    "is usually put at fifteen to twenty years.",
    "The operator plans to hold two public meetings in Harwick next month and expects to award the main "
    "construction contract before the end of the year, after a tender that drew bids from six companies.",
]
NEW_LEAD = (
    "Harwick is set to host the country's biggest battery, in a project that local leaders hope will "
    "revive a town hit hard by the end of coal mining in the valley, our correspondent reports."
)
BOILERPLATE = (
    "About the agency: the agency is an independent news service founded in 1998 that covers energy, "
    "transport and industry across the region. For corrections write to the desk. All rights reserved."
)


def text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def test_truncation_new_lead_and_extension_share_a_story_but_are_not_copies():
    full = text(RELEASE)
    rows = [
        ("release", full),
        ("truncated", text(RELEASE[:3])),  # ~half the release: Jaccard ~0.45, contained wholly
        ("relead", text([NEW_LEAD, *RELEASE[:4]])),  # new lead, tail dropped
        ("extended", text([*RELEASE, STORY, OTHER_STORY])),  # two more articles appended
        ("copy", full.replace("on Monday", "on Monday,")),  # same normalised text: exact copy
        ("other", OTHER_STORY + " " + BRIEFS[0]),
    ]
    r = deduplicate(frame(rows, quality=[0.9, 0.5, 0.5, 0.5, 0.5, 0.5]))
    a = r.assignments.set_index("doc_id")
    assert (a.loc[["release", "truncated", "relead", "extended", "copy"], "story_id"] == "release").all()
    assert a.loc["other", "story_id"] == "other"  # alone: its own doc_id
    # copy level unchanged: only the exact copy is a duplicate of the release
    assert a.loc["copy", "dup_method"] == "exact" and a["dup_method"].notna().sum() == 1
    st = r.duplicates[r.duplicates["level"] == "story"].set_index("doc_id")
    assert st.loc["release", "method"] == "canonical"
    assert st.loc["copy", "method"] == "exact"
    for d in ("truncated", "relead", "extended"):
        assert st.loc[d, "method"] == "contained"
        assert st.loc[d, "similarity"] < 0.7 <= st.loc[d, "containment"]
    assert st.loc["truncated", "containment"] == 1.0
    assert set(st["canonical_doc_id"]) == {"release"}
    cp = r.duplicates[r.duplicates["level"] == "copy"]
    assert set(cp["doc_id"]) == {"release", "copy"} and (cp["containment"] == 1.0).all()


def test_shared_boilerplate_paragraph_and_templated_briefs_are_not_a_story():
    rows = [
        ("a", text([RELEASE[0], BOILERPLATE])),
        ("b", text([OTHER_STORY, BOILERPLATE])),
        *[(f"brief{i}", b) for i, b in enumerate(BRIEFS)],
    ]
    r = deduplicate(frame(rows))
    a = r.assignments
    assert (a["story_id"] == a["doc_id"]).all()
    assert r.duplicates.empty


def test_too_little_shared_text_is_not_a_story_however_high_the_containment():
    short = RELEASE[2]  # ~35 words, wholly contained in the release: under story_min_shared
    r = deduplicate(frame([("release", text(RELEASE)), ("short", short)]))
    assert (r.assignments["story_id"] == r.assignments["doc_id"]).all()
    r = deduplicate(frame([("release", text(RELEASE)), ("short", short)]), DedupParams(story_min_shared=20))
    assert r.assignments.set_index("doc_id").loc["short", "story_id"] == "release"


def test_a_rewrite_arriving_in_a_later_run_joins_the_earlier_story(tmp_path):
    p = DedupParams()
    r1 = deduplicate(
        frame([("release", text(RELEASE)), ("other", OTHER_STORY)]), p, state_out=tmp_path / "s1"
    )
    assert r1.duplicates.empty
    r2 = deduplicate(
        frame(
            [("relead", text([NEW_LEAD, *RELEASE[:4]])), ("trunc", text(RELEASE[:3]))], quality=[0.99, 0.9]
        ),
        p,
        state_in=tmp_path / "s1",
        state_out=tmp_path / "s2",
    )
    a = r2.assignments.set_index("doc_id")
    # the earlier document stays the story canonical even though the new ones score higher
    assert (a["story_id"] == "release").all()
    st = r2.duplicates[r2.duplicates["level"] == "story"].set_index("doc_id")
    assert st.loc["release", "method"] == "canonical" and not st.loc["release", "is_new"]
    assert st.loc[["relead", "trunc"], "is_new"].all()
    # idempotent: re-running a known document returns its row
    r3 = deduplicate(frame([("trunc", text(RELEASE[:3]))]), p, state_in=tmp_path / "s2")
    assert r3.assignments["story_id"].tolist() == ["release"]


@pytest.mark.slow
def test_story_spans_two_real_flow_runs(prefect_harness, tmp_path):
    from flows.curate import curate

    out = tmp_path / "out"
    day1, day2 = tmp_path / "day1", tmp_path / "day2"
    day1.mkdir()
    day2.mkdir()
    (day1 / "grid-battery.txt").write_text("Grid operator approves Harwick battery\n\n" + text(RELEASE))
    (day1 / "floods.txt").write_text("Floods in the south\n\n" + OTHER_STORY)
    curate(raw=str(day1), out=str(out))
    (day2 / "harwick-rewrite.txt").write_text(
        "Harwick to host biggest battery\n\n" + text([NEW_LEAD, *RELEASE[:4]])
    )
    curate(raw=str(day2), out=str(out))
    docs = pd.read_parquet(out / "documents")
    by_file = docs.set_index(docs["source_uri"].str.rsplit("/", n=1).str[-1])
    release_id = by_file.loc["grid-battery.txt", "doc_id"]
    assert by_file.loc["harwick-rewrite.txt", "story_id"] == release_id
    assert pd.isna(by_file.loc["harwick-rewrite.txt", "dup_cluster_id"])  # a rewrite, not a copy
    assert by_file.loc["floods.txt", "story_id"] == by_file.loc["floods.txt", "doc_id"]
    dups = pd.read_parquet(out / "duplicates")
    st = dups[dups["level"] == "story"].set_index("doc_id")
    assert st.loc[by_file.loc["harwick-rewrite.txt", "doc_id"], "method"] == "contained"
    assert st.loc[release_id, "method"] == "canonical"


@pytest.mark.parametrize("best", ["x", "y"])
def test_no_chaining_through_a_text_that_holds_two_articles(best):
    # "xy" is x with a long article y appended: a near copy of y (Jaccard >= 0.7) and a story member
    # of x (x is wholly contained). x and y share nothing, so they must not share a story, whichever
    # ranks first; every story member is verified against its own story canonical. xy shares more
    # 5-grams with y than with x, so it is in y's story even when x ranks first.
    x = text(RELEASE[:2])
    y = text([STORY, OTHER_STORY, NEW_LEAD])
    q = {"x": [0.9, 0.5, 0.1], "y": [0.1, 0.5, 0.9]}[best]
    r = deduplicate(frame([("x", x), ("xy", text([x, y])), ("y", y)], quality=q))
    a = r.assignments.set_index("doc_id")
    assert a.loc["x", "story_id"] != a.loc["y", "story_id"]
    assert a.loc["xy", "dup_cluster_id"] == a.loc["y", "dup_cluster_id"]  # copy level: xy ~ y
    assert a.loc["xy", "story_id"] == "y"
    st = r.duplicates[r.duplicates["level"] == "story"]
    assert (st["containment"] >= 0.5).all()


# "council" (~120 words) with the whole release (~320 words) appended: it holds two source texts
COUNCIL_THEN_RELEASE = text([STORY, *RELEASE])


def test_a_document_holding_two_texts_joins_the_story_it_shares_most_with():
    rows = [
        ("a-council", STORY),
        ("a-council-cut", STORY[: STORY.index(" The mayor")]),
        ("b-release", text(RELEASE)),
        ("b-release-cut", text(RELEASE[:3])),
        ("c-both", COUNCIL_THEN_RELEASE),
    ]
    # the council story ranks first, so the split rule alone put c-both there (containment 1.0 to
    # both texts); it shares ~310 5-grams with the release and ~115 with the council report
    r = deduplicate(frame(rows, quality=[0.9, 0.5, 0.8, 0.5, 0.5]))
    a = r.assignments.set_index("doc_id")["story_id"].to_dict()
    assert a == {
        "a-council": "a-council",
        "a-council-cut": "a-council",
        "b-release": "b-release",
        "b-release-cut": "b-release",
        "c-both": "b-release",
    }
    st = r.duplicates[r.duplicates["level"] == "story"].set_index("doc_id")
    assert st.loc["c-both", "method"] == "contained" and st.loc["c-both", "containment"] == 1.0
    assert st.loc["c-both", "canonical_doc_id"] == "b-release"
    # one story_id, one story row per document (no second row towards the council story)
    assert st.index.is_unique
    # holding more of the council report than of the release, it is in the council story
    r = deduplicate(
        frame([*rows[:4], ("c-both", text([*RELEASE[:1], STORY]))], quality=[0.9, 0.5, 0.8, 0.5, 0.5])
    )
    assert r.assignments.set_index("doc_id").loc["c-both", "story_id"] == "a-council"


def test_a_document_holding_two_texts_joins_the_larger_story_across_runs(tmp_path):
    p = DedupParams()
    old = [("a-council", STORY), ("b-release", text(RELEASE)), ("b-release-cut", text(RELEASE[:3]))]
    deduplicate(frame(old, quality=[0.9, 0.8, 0.5]), p, state_out=tmp_path / "s1")
    # both old stories hold a text it contains wholly (a tie on containment, which alone picked
    # the smaller doc_id, "a-council"): it joins the release's story, whose canonical stays
    r2 = deduplicate(
        frame([("c-both", COUNCIL_THEN_RELEASE)], quality=[0.99]),
        p,
        state_in=tmp_path / "s1",
        state_out=tmp_path / "s2",
    )
    assert r2.assignments["story_id"].tolist() == ["b-release"]
    st = r2.duplicates[r2.duplicates["level"] == "story"].set_index("doc_id")
    assert set(st.index) == {"b-release", "b-release-cut", "c-both"}
    assert st.loc["b-release", "method"] == "canonical" and not st.loc["b-release", "is_new"]
    # a third run: a truncation of the council report still joins its (old) story, and the
    # two-text document keeps its story when its rows are asked for again
    r3 = deduplicate(
        frame([("a-council-cut", STORY[: STORY.index(" The mayor")]), ("c-both", COUNCIL_THEN_RELEASE)]),
        p,
        state_in=tmp_path / "s2",
    )
    assert r3.assignments.set_index("doc_id")["story_id"].to_dict() == {
        "a-council-cut": "a-council",
        "c-both": "b-release",
    }


def test_forgetting_a_story_canonical_reforms_the_story_among_live_members(tmp_path):
    from factsieve.dedup import forget, live_roles

    rows = [
        ("release", text(RELEASE)),
        ("relead", text([NEW_LEAD, *RELEASE[:4]])),
        ("head", text(RELEASE[:3])),  # inside relead too
        ("tail", text(RELEASE[3:])),  # shares text with the release only
    ]
    r = deduplicate(frame(rows, quality=[0.9, 0.6, 0.5, 0.5]), state_out=tmp_path / "s1")
    assert (r.assignments["story_id"] == "release").all()
    assert forget(tmp_path / "s1", ["release"], tmp_path / "s2") == 1
    roles = live_roles(tmp_path / "s2").set_index("doc_id")
    assert "release" not in roles.index
    # relead succeeds (best-ranked live member); head is verified against it; tail shares nothing
    assert roles.loc["relead", "story_id"] == "relead" and roles.loc["relead", "story_method"] == "canonical"
    assert roles.loc["head", "story_id"] == "relead" and roles.loc["head", "story_method"] == "contained"
    assert roles.loc["head", "story_containment"] == 1.0
    assert roles.loc["tail", "story_id"] == "tail" and pd.isna(roles.loc["tail", "story_containment"])
    # a later rewrite of the release joins the re-formed story, never the forgotten document
    r3 = deduplicate(
        frame([("again", text([*RELEASE[:3], BOILERPLATE]))]),
        state_in=tmp_path / "s2",
        state_out=tmp_path / "s3",
    )
    assert r3.assignments["story_id"].tolist() == ["relead"]


def test_a_state_written_before_stories_is_upgraded_on_load(tmp_path):
    import json

    from factsieve.params import STORY_PARAMS

    s1 = tmp_path / "s1"
    copy = text(RELEASE).replace("Monday", "Monday morning")
    deduplicate(frame([("release", text(RELEASE)), ("copy", copy), ("other", OTHER_STORY)]), state_out=s1)
    # make it look like the format before stories: no story columns, params, or samples files
    docs = pd.read_parquet(s1 / "docs.parquet")
    docs.drop(columns=["story_id", "story_jaccard", "story_containment"]).to_parquet(s1 / "docs.parquet")
    meta = json.loads((s1 / "meta.json").read_text())
    meta["params"] = {k: v for k, v in meta["params"].items() if k not in STORY_PARAMS}
    (s1 / "meta.json").write_text(json.dumps(meta))
    for f in s1.glob("*.samples.u64"):
        f.unlink()
    r = deduplicate(frame([("trunc", text(RELEASE[:3]))]), state_in=s1, state_out=tmp_path / "s2")
    # the copy cluster became a story; the truncation still finds it (through the LSH pairs)
    st = r.duplicates[r.duplicates["level"] == "story"].set_index("doc_id")
    # (same quality, no dates: the smaller doc_id, "copy", is the canonical of both levels)
    assert set(st.index) == {"release", "copy", "trunc"} and (st["canonical_doc_id"] == "copy").all()
    assert st.loc["release", "method"] == "near" and 0.7 <= st.loc["release", "containment"] <= 1.0
    assert st.loc["trunc", "method"] == "contained"


# A weekly statistics report (the shape of Reuters' power-output and money-supply notes): fixed wording,
# new figures every week. Hand-written, not taken from the evaluation corpora.
WEEKLY = (
    "Electric utilities in the region generated a net {0} billion kilowatt-hours of electricity in the "
    "week ended {1}, up {2} pct from {3} billion a year earlier, the Power Institute said in its weekly "
    "report. In the 52 weeks to {1} output totalled {4} billion kilowatt-hours, up {5} pct from the "
    "previous year. The institute said industrial demand accounted for {6} pct of the total and "
    "residential demand for most of the rest. Utilities in the northern zone produced {7} billion "
    "kilowatt-hours against {8} billion in the same week of last year, while the southern zone "
    "produced {9} billion against {10} billion. The institute publishes its next report on Wednesday."
    " Figures for the latest week are preliminary and may be revised when member companies file their "
    "final returns, the institute said, adding that the comparison with last year is not adjusted for "
    "the weather or for the number of working days."
)
WEEK_1 = WEEKLY.format(
    "50.08", "February 21", "2.4", "48.91", "2,574.3", "1.1", "38.6", "21.7", "20.9", "28.4", "28.0"
)
WEEK_2 = WEEKLY.format(
    "47.47", "March 7", "0.9", "47.05", "2,576.8", "1.3", "37.2", "19.8", "20.1", "27.7", "26.9"
)


def test_two_issues_of_a_weekly_template_with_different_figures_are_not_a_story():
    rows = [("week1", WEEK_1), ("week2", WEEK_2)]
    r = deduplicate(frame(rows))
    assert (r.assignments["story_id"] == r.assignments["doc_id"]).all()
    assert r.stats["story_figures_disagree"] == 1
    # the text alone would make them a story: the figure rule is what keeps them apart
    r = deduplicate(frame(rows), DedupParams(story_figure_share=0.0))
    assert r.assignments.set_index("doc_id").loc["week2", "story_id"] == "week1"


def test_a_truncated_rewrite_with_the_same_figures_is_a_story():
    cut = WEEK_1[: WEEK_1.index(" Utilities in the northern")]  # the first three sentences
    relead = "Power output rose again last week as cold weather lifted demand. " + cut
    r = deduplicate(frame([("week1", WEEK_1), ("cut", cut), ("relead", relead), ("week2", WEEK_2)]))
    a = r.assignments.set_index("doc_id")
    assert a.loc[["week1", "cut", "relead"], "story_id"].nunique() == 1  # one story
    assert a.loc["week2", "story_id"] == "week2"


def test_figures_keep_templates_apart_across_runs_and_after_forgetting(tmp_path):
    from factsieve.dedup import forget

    p = DedupParams()
    deduplicate(frame([("week1", WEEK_1), ("cut", WEEK_1[:600])]), p, state_out=tmp_path / "s1")
    r = deduplicate(frame([("week2", WEEK_2)]), p, state_in=tmp_path / "s1", state_out=tmp_path / "s2")
    assert r.assignments["story_id"].tolist() == ["week2"]  # figures read back from the state
    # forgetting week1 re-forms its story around "cut"; week2 does not join it
    forget(tmp_path / "s2", ["week1"], tmp_path / "s3", p)
    r = deduplicate(frame([("cut", WEEK_1[:600]), ("week2", WEEK_2)]), p, state_in=tmp_path / "s3")
    assert r.assignments.set_index("doc_id")["story_id"].to_dict() == {"cut": "cut", "week2": "week2"}


def test_story_candidates_made_one_document_at_a_time_are_the_same(tmp_path, monkeypatch):
    """Sample pairs are made and counted per range of documents to bound memory (story._PAIR_CHUNK);
    with one document per range the candidates, links and stories are those of one range, in a
    second run too (old documents' samples read from the state)."""
    from factsieve.dedup import story

    first = [("release", text(RELEASE)), ("other", OTHER_STORY + " " + BRIEFS[0])]
    second = [
        ("truncated", text(RELEASE[:3])),
        ("relead", text([NEW_LEAD, *RELEASE[:4]])),
        ("tail", text(RELEASE[2:])),
        ("extended", text([*RELEASE[1:], STORY])),
        ("other2", text([OTHER_STORY, BOILERPLATE])),
    ]
    deduplicate(frame(first), state_out=tmp_path / "s1")
    runs = []
    for name, chunk in (("whole", story._PAIR_CHUNK), ("per_doc", 1)):
        monkeypatch.setattr(story, "_PAIR_CHUNK", chunk)
        r = deduplicate(frame(second), state_in=tmp_path / "s1", state_out=tmp_path / name)
        runs.append(r)
    whole, per_doc = runs
    assert whole.stats["story_candidate_pairs"] == per_doc.stats["story_candidate_pairs"] > 0
    assert whole.stats["story_verified_pairs"] == per_doc.stats["story_verified_pairs"] > 0
    pd.testing.assert_frame_equal(whole.assignments, per_doc.assignments)
    pd.testing.assert_frame_equal(whole.duplicates, per_doc.duplicates)
    a = whole.assignments.set_index("doc_id")
    assert (a.loc[["truncated", "relead", "tail", "extended"], "story_id"] == "release").all()


def test_a_later_run_with_samples_after_a_run_whose_documents_had_none(tmp_path):
    # A first run of short briefs too short to sample writes an empty samples file for its segment;
    # a later run whose articles do sample must read past it, not fail (np.memmap of an empty file).
    p = DedupParams()
    r1 = deduplicate(
        frame([("b1", "Markets closed higher on Friday."), ("b2", "Rain is due in the north tonight.")]),
        p,
        state_out=tmp_path / "s1",
    )
    assert r1.duplicates.empty
    r2 = deduplicate(
        frame([("release", text(RELEASE)), ("trunc", text(RELEASE[:3]))]),
        p,
        state_in=tmp_path / "s1",
        state_out=tmp_path / "s2",
    )
    a = r2.assignments.set_index("doc_id")
    assert a.loc["trunc", "story_id"] == "release"


def test_a_state_written_under_other_figure_rule_values_loads_and_keeps_its_stories(tmp_path):
    # round 11 raised story_figure_share (0.5 -> 0.8): the figure rule only decides new links, so a
    # state written under the old value loads, and its stories stay as they were made
    old = DedupParams(story_figure_share=0.5)
    cut = WEEK_1[: WEEK_1.index(" Utilities in the northern")]
    r1 = deduplicate(frame([("week1", WEEK_1), ("cut", cut)]), old, state_out=tmp_path / "s1")
    assert r1.assignments["story_id"].nunique() == 1
    r = deduplicate(frame([("week2", WEEK_2)]), state_in=tmp_path / "s1", state_out=tmp_path / "s2")
    assert r.assignments["story_id"].tolist() == ["week2"]
    meta = json.loads((tmp_path / "s2" / "meta.json").read_text())
    assert meta["params"]["story_figure_share"] == DedupParams().story_figure_share
    r = deduplicate(frame([("week1", WEEK_1), ("cut", cut)]), state_in=tmp_path / "s2")
    assert r.assignments["story_id"].tolist() == r1.assignments["story_id"].tolist()
    # any other result param still needs a fresh state
    with pytest.raises(ValueError, match="start a fresh state"):
        deduplicate(frame([("week2", WEEK_2)]), DedupParams(story_min_shared=30), state_in=tmp_path / "s1")
