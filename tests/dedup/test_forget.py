"""The dedup state forgets documents that are no longer live (removed inputs, replaced versions)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from factsieve.dedup import cluster_id_for, deduplicate, forget, live_roles
from tests.dedup.test_run import EXTRA_PARAGRAPH, OTHER_STORY, STORY, _tree_digest, frame, row


def _roles(state: Path) -> pd.DataFrame:
    return live_roles(state).set_index("doc_id")


def test_a_new_version_is_not_a_duplicate_of_the_forgotten_old_one(tmp_path: Path):
    s1 = tmp_path / "s1"
    deduplicate(frame([("story-v1", STORY), ("other", OTHER_STORY)]), state_out=s1)
    edited = frame([("story-v2", STORY + " " + EXTRA_PARAGRAPH)])
    # without forgetting, the edit is a near-duplicate of its own old version
    assert row(deduplicate(edited, state_in=s1), "story-v2")["dup_method"] == "near"

    s1f = tmp_path / "s1f"
    before = _tree_digest(s1)
    assert forget(s1, ["story-v1"], s1f) == 1
    assert _tree_digest(s1) == before  # state_in untouched
    r = deduplicate(edited, state_in=s1f, state_out=tmp_path / "s2")
    v2 = row(r, "story-v2")
    assert v2["is_canonical"] and pd.isna(v2["dup_cluster_id"]) and r.duplicates.empty
    assert set(_roles(tmp_path / "s2").index) == {"other", "story-v2"}


def test_a_renamed_file_is_not_an_exact_duplicate_of_its_old_name(tmp_path: Path):
    s1, s1f = tmp_path / "s1", tmp_path / "s1f"
    deduplicate(frame([("old-name", STORY)]), state_out=s1)
    forget(s1, ["old-name"], s1f)
    r = deduplicate(frame([("new-name", STORY)]), state_in=s1f)
    assert row(r, "new-name")["is_canonical"] and pd.isna(row(r, "new-name")["dup_method"])


def test_a_forgotten_canonical_is_succeeded_by_the_best_live_member(tmp_path: Path):
    s1, s1f = tmp_path / "s1", tmp_path / "s1f"
    docs = frame(
        [
            ("a", STORY),
            ("b", "Budget news\n" + STORY),
            ("c", STORY + " " + EXTRA_PARAGRAPH),
            ("d", OTHER_STORY),
        ],
        quality=[0.9, 0.6, 0.5, 0.5],
    )
    r1 = deduplicate(docs, state_out=s1)
    assert row(r1, "b")["canonical_doc_id"] == "a" and row(r1, "c")["canonical_doc_id"] == "a"
    forget(s1, ["a"], s1f)
    roles = _roles(s1f)
    assert "a" not in roles.index and len(roles) == 3
    assert roles.loc["b", "is_canonical"] and roles.loc["b", "dup_cluster_id"] == cluster_id_for("b")
    assert roles.loc["c", "canonical_doc_id"] == "b" and roles.loc["c", "dup_method"] == "near"
    assert 0.7 <= roles.loc["c", "dup_similarity"] < 1.0
    assert pd.isna(roles.loc["d", "dup_cluster_id"])


def test_an_exact_copy_whose_representative_is_forgotten_is_still_found_by_later_documents(tmp_path: Path):
    # Only one document per content hash is banded (LSH and story candidates); its exact copies are
    # linked to it. Found by the latest-view soak: the banded one's file was swapped away, then an
    # edited version of the copy arrived and was judged unique, where a run from scratch found
    # it a near duplicate of the copy.
    s1, s2, s2f = tmp_path / "s1", tmp_path / "s2", tmp_path / "s2f"
    deduplicate(frame([("a", STORY), ("other", OTHER_STORY)]), state_out=s1)
    r2 = deduplicate(frame([("b", STORY)]), state_in=s1, state_out=s2)
    assert row(r2, "b")["dup_method"] == "exact"
    forget(s2, ["a"], s2f)
    edited = frame([("c", STORY + " " + EXTRA_PARAGRAPH)])
    c = row(deduplicate(edited, state_in=s2f), "c")
    scratch = row(deduplicate(frame([("b", STORY), ("c", STORY + " " + EXTRA_PARAGRAPH)])), "c")
    assert (scratch["dup_method"], scratch["canonical_doc_id"]) == ("near", "b")
    assert (c["dup_method"], c["canonical_doc_id"]) == ("near", "b")
    assert c["story_id"] == scratch["story_id"] == "b"


def test_a_cluster_left_with_one_live_member_is_no_cluster(tmp_path: Path):
    s1, s1f = tmp_path / "s1", tmp_path / "s1f"
    deduplicate(frame([("a", STORY), ("b", "Budget news\n" + STORY)], quality=[0.9, 0.5]), state_out=s1)
    forget(s1, ["b"], s1f)
    roles = _roles(s1f)
    assert list(roles.index) == ["a"]
    assert roles.loc["a", "is_canonical"] and pd.isna(roles.loc["a", "dup_cluster_id"])


def test_a_forgotten_document_that_comes_back_is_new_again(tmp_path: Path):
    # e.g. an edit that is reverted, or a deleted file restored: twice, so ids stay unique in the state
    state = tmp_path / "s0"
    deduplicate(frame([("a", STORY), ("d", OTHER_STORY)]), state_out=state)
    for i in range(2):
        gone = tmp_path / f"f{i}"
        forget(state, ["a"], gone)
        state = tmp_path / f"s{i + 1}"
        r = deduplicate(frame([("a", STORY)]), state_in=gone, state_out=state)
        assert r.stats["docs_known"] == 0 and row(r, "a")["is_canonical"]
    assert sorted(_roles(state).index) == ["a", "d"]


def test_forget_needs_a_state_and_a_new_output(tmp_path: Path):
    with pytest.raises(ValueError, match="no dedup state"):
        forget(tmp_path / "missing", ["a"], tmp_path / "out")
    s1 = tmp_path / "s1"
    deduplicate(frame([("a", STORY)]), state_out=s1)
    with pytest.raises(FileExistsError):
        forget(s1, ["a"], s1)
