"""The latest view after a run that edits, deletes, renames and touches inputs (issue #15).

Every run goes through the real CLI (a subprocess); the latest view it leaves is compared with a
from-scratch run over the same final inputs, and with itself after a SIGKILL at points of the
commit protocol followed by a rerun.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest

from factsieve.ingest import manifest
from factsieve.output import latest, publish
from tests.conftest import RAW, run_cli
from tests.test_analysts_doc import BLOCKS

pytestmark = pytest.mark.slow

TABLES = ("documents", "sentences", "duplicates", "rejects")
KEYS = {
    "documents": ["doc_id"],
    "sentences": ["doc_id", "sent_index"],
    "duplicates": ["level", "cluster_id", "doc_id"],
    "rejects": ["source_uri", "record_key"],
}
# Differ between two runs over the same inputs; is_new says which run ingested a cluster member.
RUN_SPECIFIC = {"run_id", "ingested_at", "is_new"}

EDITED = "seo/harris-visit-explained.txt"
DELETED = "syndicated/wire-copy-el-salvador-talks.txt"  # the canonical copy of an exact-duplicate pair
ITS_DUPLICATE = "news/2024-03-12-el-salvador-talks.txt"
RENAMED = ("news/2024-05-02-rail-contract-vote.txt", "news/2024-05-02-rail-vote-renamed.txt")
TOUCHED = "legacy/council-budget-cp1252.txt"
FEED = "feeds/wire-2024-04.jsonl"
EDITED_RECORD = "wire-0415-remittances"


def change_inputs(raw: Path) -> None:
    """Edit a document, delete one, rename one, touch one, edit one JSONL record."""
    p = raw / EDITED
    first, rest = p.read_text(encoding="utf-8").split("\n", 1)
    p.write_text(
        f"{first}\nThis article was corrected on June 2 to fix the name of a minister.\n{rest}", "utf-8"
    )
    (raw / DELETED).unlink()
    os.rename(raw / RENAMED[0], raw / RENAMED[1])
    later = time.time() + 30
    os.utime(raw / TOUCHED, (later, later))
    lines = []
    for line in (raw / FEED).read_text(encoding="utf-8").split("\n"):
        try:
            rec = json.loads(line)
        except ValueError:
            rec = None
        if isinstance(rec, dict) and rec.get("id") == EDITED_RECORD:
            rec["text"] += "\nThe central bank revised the March figure up by $4 million on Monday."
            line = json.dumps(rec, ensure_ascii=False)
        lines.append(line)
    (raw / FEED).write_text("\n".join(lines), encoding="utf-8")


def latest_tables(out: Path) -> dict[str, pd.DataFrame]:
    return view_tables(out / "latest")


def view_tables(view: Path) -> dict[str, pd.DataFrame]:
    frames = {}
    for name in TABLES:
        df = pd.read_parquet(view / name)
        df = df[[c for c in df.columns if c not in RUN_SPECIFIC]]
        frames[name] = df.sort_values(KEYS[name], kind="stable", ignore_index=True)
    return frames


def assert_same(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


@pytest.fixture(scope="module")
def sequence(prefect_harness, tmp_path_factory):
    """raw/ run once, then changed; the first run's output kept for the crash tests."""
    base = tmp_path_factory.mktemp("latest-seq")
    raw, first = base / "raw", base / "first"
    shutil.copytree(RAW, raw)
    res = run_cli(raw, first)
    assert res.returncode == 0, res.stderr[-2000:]
    before = {
        name: pd.read_parquet(first / "latest" / name) for name in ("documents", "sentences", "rejects")
    }
    change_inputs(raw)
    second = base / "second"
    shutil.copytree(first, second, symlinks=True)
    res = run_cli(raw, second)
    assert res.returncode == 0, res.stderr[-2000:]
    fresh = base / "fresh"
    res = run_cli(raw, fresh)
    assert res.returncode == 0, res.stderr[-2000:]
    return {"raw": raw, "first": first, "second": second, "fresh": fresh, "before": before}


def test_second_run_records_removals_and_replacements(sequence):
    out, raw = sequence["second"], sequence["raw"]
    runs = pd.read_parquet(out / "runs").sort_values("run_id", ignore_index=True)
    assert len(runs) == 2
    second = runs.iloc[1]
    # deleted file + old name of the renamed one; the edited file + the edited JSONL record
    assert (second["removed_files"], second["removed_documents"], second["replaced_documents"]) == (2, 2, 2)
    stage = json.loads(second["stage_counts"])["discover"]
    assert (stage["new"], stage["changed"], stage["unchanged"], stage["removed"]) == (1, 2, 6, 2)
    # tombstones: the manifest no longer lists the removed inputs as live; history is not deleted
    live = manifest.load(out, publish.committed_run_ids(out))
    assert str(raw / DELETED) not in live and str(raw / RENAMED[0]) not in live
    assert live[str(raw / TOUCHED)].run_id == runs.iloc[0]["run_id"]  # touched: not reprocessed
    history = pd.read_parquet(out / "documents")
    assert history["source_uri"].str.endswith(DELETED).sum() == 1
    changes = pd.read_parquet(out / "_state" / "changes").set_index("source_uri")
    assert changes.loc[str(raw / EDITED), "change"] == "replaced"
    assert changes.loc[str(raw / DELETED), "change"] == "removed"
    assert changes.loc[str(raw / RENAMED[0]), "change"] == "removed"
    assert changes.loc[str(raw / FEED), "record_key"] == EDITED_RECORD
    page = (out / "reports" / "latest.html").read_text(encoding="utf-8")
    section = page.split('id="changes"', 1)[1].split("</section>", 1)[0]
    assert "2 live documents removed" in section and "2 replaced" in section and str(raw / DELETED) in section


def test_latest_view_holds_exactly_the_live_records(sequence):
    out, raw = sequence["second"], sequence["raw"]
    t = latest_tables(out)
    docs, sents, dups, rejects = t["documents"], t["sentences"], t["duplicates"], t["rejects"]
    # one live row per record, no doc_id twice; every input record is a document or a reject
    assert docs["doc_id"].is_unique and not docs.duplicated(["source_uri", "record_key"]).any()
    assert not rejects.duplicated(["source_uri", "record_key"]).any()
    files = sorted(str(p) for p in raw.rglob("*") if p.is_file())
    assert set(docs["source_uri"]) | set(rejects["source_uri"]) == set(files)
    fresh_runs = pd.read_parquet(sequence["fresh"] / "runs")
    assert len(docs) + len(rejects) == int(fresh_runs["input_records"].iloc[0])
    # joins hold
    assert sents["doc_id"].isin(docs["doc_id"]).all()
    assert docs.loc[docs["sentence_count"] > 0, "doc_id"].isin(sents["doc_id"]).all()
    assert docs["canonical_doc_id"].isin(docs["doc_id"]).all()
    clustered = docs[docs["dup_cluster_id"].notna()]
    copies = dups[dups["level"] == "copy"]
    assert set(clustered["dup_cluster_id"]) == set(copies["cluster_id"])
    assert (
        set(copies["doc_id"]) == set(clustered["doc_id"])
        and dups["canonical_doc_id"].isin(docs["doc_id"]).all()
    )
    # stories: every live document names a live story canonical; stories of 2+ live documents are
    # exactly the story rows, and a copy cluster never spans two stories here
    assert docs["story_id"].isin(docs["doc_id"]).all()
    sizes = docs["story_id"].value_counts()
    stories = dups[dups["level"] == "story"]
    assert set(stories["cluster_id"]) == set(sizes.index[sizes > 1])
    assert set(stories["doc_id"]) == set(docs.loc[docs["story_id"].map(sizes) > 1, "doc_id"])
    assert (clustered.groupby("dup_cluster_id")["story_id"].nunique() == 1).all()
    flagged = docs["quality_flags"].map(lambda f: "duplicate" in list(f))
    assert (flagged == ~docs["is_canonical"]).all()


def test_no_document_is_a_duplicate_of_its_own_old_version_or_old_name(sequence):
    out, raw = sequence["second"], sequence["raw"]
    docs = latest_tables(out)["documents"].set_index("source_uri")
    for rel in (EDITED, RENAMED[1]):
        row = docs.loc[str(raw / rel)]
        assert row["is_canonical"] and pd.isna(row["dup_cluster_id"]), rel
    feed = docs.loc[[str(raw / FEED)]].set_index("record_key")
    assert feed.loc[EDITED_RECORD, "is_canonical"] and pd.isna(feed.loc[EDITED_RECORD, "dup_method"])
    # the deleted file was the canonical copy of an exact pair: its survivor is unique now
    survivor = docs.loc[str(raw / ITS_DUPLICATE)]
    assert survivor["is_canonical"] and pd.isna(survivor["dup_cluster_id"])
    # unchanged records of the edited JSONL file keep their doc_ids, each live once
    old_feed = sequence["before"]["documents"]
    old_feed = old_feed[old_feed["source_uri"] == str(raw / FEED)].set_index("record_key")
    for key in set(old_feed.index) - {EDITED_RECORD}:
        assert feed.loc[key, "doc_id"] == old_feed.loc[key, "doc_id"]
    assert feed.loc[EDITED_RECORD, "doc_id"] != old_feed.loc[EDITED_RECORD, "doc_id"]


def test_latest_view_equals_a_from_scratch_run_over_the_same_inputs(sequence):
    assert_same(latest_tables(sequence["second"]), latest_tables(sequence["fresh"]))


def test_readers_see_the_same_rows_and_a_lost_view_is_rebuilt_from_history(sequence, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(sequence["second"], out, symlinks=True)
    expected = latest_tables(out)
    for name in TABLES:
        n = len(expected[name])
        assert (
            duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/latest/{name}/*.parquet')").fetchall()[0][0]
            == n
        )
        assert pl.scan_parquet(f"{out}/latest/{name}/*.parquet").select(pl.len()).collect().item() == n
    # history is unchanged by the view: one part per run per table
    assert len(list((out / "documents").glob("*.parquet"))) == 2
    # lost: the link and every version
    (out / "latest").unlink()
    shutil.rmtree(out / "_state" / "latest")
    res = run_cli(sequence["raw"], out)
    assert res.returncode == 0 and "nothing new" in res.stdout, res.stdout + res.stderr[-2000:]
    assert_same(expected, latest_tables(out))
    assert latest.current_dir(out).name == publish.committed_run_ids(out)[-1]
    # as of the first run: the first run's live rows, from the history
    first_run = publish.committed_run_ids(out)[0]
    latest.materialize(out, tmp_path / "as-of", as_of=first_run)
    docs = pd.read_parquet(tmp_path / "as-of" / "documents")
    pd.testing.assert_frame_equal(
        docs.sort_values("doc_id", ignore_index=True),
        sequence["before"]["documents"].sort_values("doc_id", ignore_index=True),
    )


def test_the_view_does_not_depend_on_how_history_parts_are_cut_into_row_groups(sequence, tmp_path):
    # The build reads a history part a row group at a time (a million-document first run is one
    # part of 16+ row groups): live rows, changed roles and clusters found in any row group count.
    cut = tmp_path / "cut"
    shutil.copytree(sequence["second"], cut, symlinks=True)
    for table in ("documents", "sentences", "rejects"):
        for part in (cut / table).glob("*.parquet"):
            pq.write_table(pq.read_table(part), part, row_group_size=2)
    # the first run's ten documents: five row groups
    assert max(pq.ParquetFile(p).num_row_groups for p in (cut / "documents").glob("*.parquet")) == 5

    latest.materialize(sequence["second"], tmp_path / "whole-view")
    stats = latest.materialize(cut, tmp_path / "cut-view")

    assert_same(view_tables(tmp_path / "cut-view"), view_tables(tmp_path / "whole-view"))
    assert_same(view_tables(tmp_path / "cut-view"), latest_tables(sequence["fresh"]))
    # the first run's part lost rows (and one kept document changed role): rewritten, not linked
    assert stats.files_rewritten > 0 and stats.rows["duplicates"] > 0


@pytest.mark.parametrize("point", ["staged", "latest-built", "before-commit", "committed"])
def test_sigkill_during_the_changing_run_then_rerun_gives_the_same_latest_view(sequence, tmp_path, point):
    out = tmp_path / "out"
    shutil.copytree(sequence["first"], out, symlinks=True)
    res = run_cli(sequence["raw"], out, crash_at=point)
    assert res.returncode == -9, res.stderr[-2000:]
    # readers still see a consistent view: the first run's, or (killed after the commit) the
    # first run's until the next run swaps the link
    assert_same(latest_tables(out), latest_tables(sequence["first"]))
    res = run_cli(sequence["raw"], out)
    assert res.returncode == 0, res.stderr[-2000:]
    assert_same(latest_tables(out), latest_tables(sequence["second"]))
    assert len(pd.read_parquet(out / "runs")) == 2
    assert not any((out / "_staging").iterdir())
    kept = sorted(p.name for p in (out / "_state" / "latest").iterdir())
    assert kept == publish.committed_run_ids(out)[-2:]
    assert pq.ParquetDataset(out / "latest" / "documents").read().num_rows == len(
        latest_tables(out)["documents"]
    )


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_analysts_examples_run_against_the_latest_view_after_the_changes(sequence, code):
    exec(compile(code, "ANALYSTS.md", "exec"), {"OUT": str(sequence["second"])})
