"""Incremental reruns, one run at a time, and crash safety under SIGKILL."""

from __future__ import annotations

import os
import shutil
import time

import pandas as pd
import pytest

from factsieve.output import publish
from tests.conftest import RAW, run_cli

pytestmark = pytest.mark.slow

# Columns that legitimately differ between two runs over the same input.
RUN_SPECIFIC = {"run_id", "ingested_at", "started_at", "finished_at", "source_uri"}


def _tables(out) -> dict[str, pd.DataFrame]:
    frames = {}
    for name in ("documents", "sentences", "duplicates", "rejects"):
        df = pd.read_parquet(out / name)
        frames[name] = df[[c for c in df.columns if c not in RUN_SPECIFIC]]
    return frames


def _assert_same_tables(a, b):
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


@pytest.fixture
def raw_copy(tmp_path):
    dst = tmp_path / "raw"
    shutil.copytree(RAW, dst)
    return dst


def test_rerun_adds_nothing_new_file_is_processed_changed_file_is_a_new_version(
    prefect_harness, raw_copy, tmp_path
):
    from flows.curate import curate

    out = tmp_path / "out"
    first = curate(raw=str(raw_copy), out=str(out))
    assert first["status"] == "succeeded" and first["new_files"] == 10

    again = curate(raw=str(raw_copy), out=str(out))
    assert again["status"] == "unchanged" and again["unchanged_files"] == 10
    assert len(pd.read_parquet(out / "runs")) == 1

    # touching a file without changing it is not a change
    os.utime(raw_copy / "news" / "2024-05-02-rail-contract-vote.txt", (time.time() + 5, time.time() + 5))
    assert curate(raw=str(raw_copy), out=str(out))["status"] == "unchanged"

    (raw_copy / "news" / "2024-06-01-new.txt").write_text(
        "Coffee council raises harvest forecast\nThe Salvadoran Coffee Council raised its harvest forecast to 720,000 "
        "bags on Saturday, citing better rainfall, council director Ana María Velasco said.\n",
        encoding="utf-8",
    )
    changed = raw_copy / "seo" / "harris-visit-explained.txt"
    first_line, rest = changed.read_text(encoding="utf-8").split("\n", 1)
    changed.write_text(
        f"{first_line}\nThis article was corrected on June 2 to fix the name of a minister.\n{rest}",
        encoding="utf-8",
    )
    third = curate(raw=str(raw_copy), out=str(out))
    assert (third["new_files"], third["changed_files"], third["unchanged_files"]) == (1, 1, 9)
    assert third["documents"] == 2
    docs = pd.read_parquet(out / "documents")
    runs = pd.read_parquet(out / "runs")
    assert len(runs) == 2
    seo = docs[docs["source_uri"].str.endswith("harris-visit-explained.txt")].sort_values("run_id")
    assert len(seo) == 2 and seo["doc_id"].nunique() == 2  # the old version stays, the new one is added
    # the latest version of a source is the row with the newest run_id
    assert "corrected on June 2" in seo.iloc[-1]["text"]


def test_a_rerun_whose_only_new_file_is_rejected_succeeds_with_the_reject(
    prefect_harness, raw_copy, tmp_path
):
    """A scraper drops one broken file into RAW between scheduled runs: the run records it as a
    reject and succeeds (the latest view keeps every earlier document); it does not fail the
    schedule. The checks still say the run kept no document, as a warning."""
    from flows.curate import curate

    out = tmp_path / "out"
    assert curate(raw=str(raw_copy), out=str(out))["status"] == "succeeded"
    (raw_copy / "news" / "2024-06-02-truncated.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"
    )
    second = curate(raw=str(raw_copy), out=str(out))
    assert (second["status"], second["documents"], second["rejects"]) == ("succeeded", 0, 1)
    rejects = pd.read_parquet(out / "rejects")
    assert rejects["source_uri"].str.endswith("2024-06-02-truncated.txt").sum() == 1
    gx = pd.read_parquet(out / "runs").sort_values("run_id").iloc[-1]["gx_status"]
    assert gx == "warning"
    assert len(pd.read_parquet(out / "latest" / "documents")) > 0


def test_second_run_on_the_same_output_refuses_while_one_holds_the_lock(prefect_harness, tmp_path):
    from flows.curate import curate

    out = tmp_path / "out"
    with publish.output_lock(out), pytest.raises(publish.OutputLocked, match="another factsieve run"):
        curate(raw=str(RAW), out=str(out))
    assert not (out / "documents").exists()
    # the lock is free again once its holder is gone
    assert curate(raw=str(RAW), out=str(out))["status"] == "succeeded"


@pytest.fixture(scope="module")
def reference_tables(prefect_harness, tmp_path_factory):
    """An uninterrupted run over raw/ (doc ids depend on paths within RAW, not on where RAW is)."""
    from flows.curate import curate

    out = tmp_path_factory.mktemp("reference")
    curate(raw=str(RAW), out=str(out))
    return _tables(out)


@pytest.mark.parametrize(
    "point",
    ["batch-staged", "processed", "staged", "published-documents", "published-rejects", "before-commit"],
)
def test_sigkill_at_any_point_then_rerun_equals_uninterrupted_run(
    reference_tables, raw_copy, tmp_path, point
):
    from flows.curate import curate

    out = tmp_path / "out"
    res = run_cli(raw_copy, out, crash_at=point)
    assert res.returncode == -9, res.stderr[-2000:]
    # readers see no committed run, whatever the crash left behind
    assert publish.committed_run_ids(out) == []
    for name in ("documents", "sentences", "duplicates", "rejects", "runs"):
        assert publish.read_table(out, name).num_rows == 0

    summary = curate(raw=str(raw_copy), out=str(out))
    assert summary["status"] == "succeeded" and summary["new_files"] == 10
    assert not any((out / "_staging").iterdir())
    _assert_same_tables(reference_tables, _tables(out))
    assert len(pd.read_parquet(out / "runs")) == 1


def test_later_run_finds_duplicates_among_earlier_runs_documents(prefect_harness, raw_copy, tmp_path):
    from flows.curate import curate

    out = tmp_path / "out"
    curate(raw=str(raw_copy), out=str(out))
    first_docs = pd.read_parquet(out / "documents")
    article = first_docs[first_docs["source_uri"].str.endswith("port-expansion-acajutla.html")].iloc[0]

    # a later feed republishes the port story with a new headline and sign-off
    body = article["text"].split("\n", 1)[1]
    (raw_copy / "later").mkdir()
    (raw_copy / "later" / "port-story-again.txt").write_text(
        "Acajutla expansion: works begin in June\n"
        + body
        + "\nReporting by the regional desk; editing by staff.\n",
        encoding="utf-8",
    )
    second = curate(raw=str(raw_copy), out=str(out))
    assert second["new_files"] == 1 and second["near_duplicates"] == 1
    docs = pd.read_parquet(out / "documents")
    new = docs[docs["source_uri"].str.endswith("port-story-again.txt")].iloc[0]
    assert not new["is_canonical"] and new["dup_method"] == "near"
    # the earlier run's copy stays canonical; the new document joins its cluster
    old_canonical = first_docs[first_docs["dup_cluster_id"] == article["dup_cluster_id"]]
    old_canonical = old_canonical[old_canonical["is_canonical"]].iloc[0]
    assert new["canonical_doc_id"] == old_canonical["doc_id"]
    assert new["dup_cluster_id"] == article["dup_cluster_id"]
    dups = pd.read_parquet(out / "duplicates")
    latest = dups[dups["run_id"] == docs["run_id"].max()]
    assert set(latest["doc_id"]) >= {new["doc_id"], old_canonical["doc_id"]}
    assert not latest.loc[latest["doc_id"] == old_canonical["doc_id"], "is_new"].iloc[0]


def test_a_file_rejected_as_unsupported_is_read_once_a_release_adds_its_reader(
    prefect_harness, raw_copy, tmp_path, monkeypatch
):
    """An unchanged file whose live row is an unsupported_format reject is read again when a reader
    takes its name: before, the old reject stayed in the latest view until --reprocess (.json, .gz,
    .csv and feeds each got their reader in a later release; for .csv and .json the settings
    fingerprint happened to change with it, for an HTML-like format such as a feed it does not)."""
    from factsieve.config import RunConfig
    from factsieve.ingest import read
    from flows.curate import curate

    page = raw_copy / "web" / "port-expansion-acajutla.html"
    (raw_copy / "misc" / "minutes.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00")  # no reader, ever
    out, cfg = tmp_path / "out", RunConfig(workers=1)  # one process: the patched reader table holds
    with monkeypatch.context() as m:
        m.delitem(read.FORMATS, ".html")  # a release before HTML was read
        # ... and before a page under a name no reader takes was read by its content (round 8)
        m.setattr(read, "corpus_format", lambda head: None)
        assert curate(raw=str(raw_copy), out=str(out), config=cfg)["status"] == "succeeded"
    rejects = pd.read_parquet(out / "latest" / "rejects")
    assert rejects.loc[rejects["source_uri"] == str(page), "reason"].tolist() == ["unsupported_format"]

    again = curate(raw=str(raw_copy), out=str(out), config=cfg)
    assert (again["changed_files"], again["unchanged_files"]) == (1, 10)  # the .docx is not read again
    rejects = pd.read_parquet(out / "latest" / "rejects")
    docs = pd.read_parquet(out / "latest" / "documents")
    assert str(page) not in set(rejects["source_uri"])
    assert docs.loc[docs["source_uri"] == str(page), "title"].str.startswith("Acajutla port").tolist() == [
        True
    ]
    assert curate(raw=str(raw_copy), out=str(out), config=cfg)["status"] == "unchanged"
