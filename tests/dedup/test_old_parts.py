"""History written by schema 1.1 (before story_id existed) still loads into the latest view: a lost view
is rebuilt from it, and a later run builds on it. The old-layout parts and dedup state are real files,
written here from a real flow run the way 1.1 wrote them (no story_id column, 1.1.0 in the Parquet
metadata; a dedup state without story columns, story params or samples files)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import schemas
from factsieve.output import latest, publish
from factsieve.params import STORY_PARAMS
from tests.dedup.test_story import NEW_LEAD, OTHER_STORY, RELEASE, text

pytestmark = pytest.mark.slow

V11 = "1.1.0"


def to_schema_11(part: Path) -> None:
    """Rewrite a documents history part as schema 1.1 wrote it: no story_id, 1.1.0 in its metadata."""
    t = pq.read_table(part)
    t = t.drop_columns(["story_id"])
    meta = dict(t.schema.metadata or {})
    meta[b"factsieve.schema_version"] = V11.encode()
    pq.write_table(t.replace_schema_metadata(meta), part)


def to_state_before_stories(state: Path) -> None:
    docs = pd.read_parquet(state / "docs.parquet")
    docs = docs.drop(
        columns=["story_id", "story_jaccard", "story_containment", "fg_off", "fg_slots", "fg_len"]
    )
    docs.to_parquet(state / "docs.parquet")
    meta = json.loads((state / "meta.json").read_text())
    meta["params"] = {
        k: v
        for k, v in meta["params"].items()
        if k not in STORY_PARAMS and k not in ("story_min_figures", "story_figure_share")
    }
    (state / "meta.json").write_text(json.dumps(meta))
    for f in [*state.glob("*.samples.u64"), *state.glob("*.figures.u32")]:
        f.unlink()


def by_file(docs: pd.DataFrame) -> pd.DataFrame:
    return docs.set_index(docs["source_uri"].str.rsplit("/", n=1).str[-1])


def test_history_parts_of_schema_11_load_into_the_latest_view_and_later_runs(prefect_harness, tmp_path):
    from flows.curate import curate

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    copy = text(RELEASE).replace("on Monday", "on Monday,")  # same normalised text: an exact copy
    (raw / "grid-battery.txt").write_text("Grid operator approves Harwick battery\n\n" + text(RELEASE))
    (raw / "grid-battery-wire.txt").write_text("Grid operator approves Harwick battery\n\n" + copy)
    (raw / "floods.txt").write_text("Floods in the south\n\n" + OTHER_STORY)
    curate(raw=str(raw), out=str(out))
    first = by_file(pd.read_parquet(out / "latest" / "documents"))

    # what schema 1.1 left: parts without story_id, a dedup state from before stories
    (run1,) = publish.committed_run_ids(out)
    to_schema_11(out / "documents" / publish.part_name(run1))
    assert "story_id" not in pq.read_schema(out / "documents" / publish.part_name(run1)).names
    to_state_before_stories(publish.latest_dedup_state(out))

    # the view is lost and rebuilt from that history
    (out / "latest").unlink()
    shutil.rmtree(out / "_state" / "latest")
    assert latest.ensure(out) == "rebuilt"
    view = out / "latest" / "documents"
    for f in view.glob("*.parquet"):  # every file of the view has the current layout
        assert pq.read_schema(f).remove_metadata().equals(schemas.arrow_schema("documents").remove_metadata())
    rebuilt = by_file(pd.read_parquet(view))
    # a copy cluster is its story (the state upgrade); a document alone is its own story
    canon = first.loc["grid-battery.txt", "canonical_doc_id"]
    assert (rebuilt.loc[["grid-battery.txt", "grid-battery-wire.txt"], "story_id"] == canon).all()
    assert rebuilt.loc["floods.txt", "story_id"] == rebuilt.loc["floods.txt", "doc_id"]
    cols = [c for c in first.columns if c not in ("story_id", "ingested_at", "run_id")]
    pd.testing.assert_frame_equal(rebuilt[cols].sort_index(), first[cols].sort_index())

    # a later run builds its view on it: a rewrite joins the old story
    (raw / "harwick-rewrite.txt").write_text(
        "Harwick to host biggest battery\n\n" + text([NEW_LEAD, *RELEASE[:4]])
    )
    curate(raw=str(raw), out=str(out))
    docs = by_file(pd.read_parquet(out / "latest" / "documents"))
    assert len(docs) == 4 and docs["story_id"].notna().all()
    assert docs.loc["harwick-rewrite.txt", "story_id"] == canon
    assert docs.loc["floods.txt", "story_id"] == docs.loc["floods.txt", "doc_id"]
    dups = pd.read_parquet(out / "latest" / "duplicates")
    story = dups[dups["level"] == "story"].set_index("doc_id")
    assert set(story["cluster_id"]) == {canon} and len(story) == 3
    assert story.loc[docs.loc["harwick-rewrite.txt", "doc_id"], "method"] == "contained"
    # and the view as of the first run is still rebuilt from the 1.1 part
    latest.materialize(out, tmp_path / "as-of", as_of=run1)
    then = by_file(pd.read_parquet(tmp_path / "as-of" / "documents"))
    assert set(then.index) == {"grid-battery.txt", "grid-battery-wire.txt", "floods.txt"}
    assert then.loc["floods.txt", "story_id"] == then.loc["floods.txt", "doc_id"]
