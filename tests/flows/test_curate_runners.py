"""Other task runners and input locations produce the same tables as the default run."""

from __future__ import annotations

import json

import fsspec
import pandas as pd
import pytest

from tests.conftest import RAW

pytestmark = pytest.mark.slow

SAME = {
    "documents": [
        "doc_id",
        "record_key",
        "text",
        "quality_score",
        "quality_flags",
        "canonical_doc_id",
        "dup_cluster_id",
    ],
    "sentences": ["doc_id", "sent_index", "start", "end", "label", "deciding_cue", "source"],
    "duplicates": ["cluster_id", "doc_id", "canonical_doc_id", "similarity", "method"],
    "rejects": ["record_key", "reason", "detail"],
}


def _assert_same(reference: dict[str, pd.DataFrame], out):
    for name, cols in SAME.items():
        got = pd.read_parquet(out / name)[cols].reset_index(drop=True)
        pd.testing.assert_frame_equal(reference[name][cols].reset_index(drop=True), got, obj=name)


@pytest.mark.parametrize("runner", ["process", "dask"])
def test_parallel_runners_match_the_default(sample_run, tmp_path, runner):
    from factsieve.config import RunConfig
    from factsieve.output import gx_process
    from flows.curate import curate, task_runner_for

    _, reference, _ = sample_run
    # small batches so the files really spread over the workers
    flow = curate.with_options(task_runner=task_runner_for(runner, n_workers=2))
    # As `factsieve run` does with any runner: the flow calls its check task directly, so the
    # checks run in this process and take the checker started here (GX imported ahead).
    gx_process.prestart()
    checker = gx_process._warm
    try:
        summary = flow(raw=str(RAW), out=str(tmp_path), config=RunConfig(batch_files=2), use_pool=False)
        taken = gx_process._warm is None
    finally:
        gx_process.discard()
    assert summary["status"] == "succeeded"
    assert taken and checker.proc.returncode == 0  # the flow's checks took it; it answered and ended
    assert summary["gx_status"] in ("passed", "warning")
    _assert_same(reference, tmp_path)


def test_worker_pool_and_split_jsonl_match_whole_files_inline(prefect_harness, tmp_path):
    """Large JSONL files cut into parts, batches on two worker processes: same tables as
    reading every file whole in the flow's own process. The pooled run takes the pool
    started ahead of it (as `factsieve run` does)."""
    import shutil

    from factsieve.batch import workers
    from factsieve.config import RunConfig
    from flows.curate import curate
    from tests.ingest.test_read import _wire_feed

    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "feeds" / "wire-big.jsonl").write_bytes(_wire_feed(600).encode())
    inline = curate(raw=str(raw), out=str(tmp_path / "inline"), config=RunConfig(workers=1))
    workers.prestart(2)
    warm = workers._warm[1]
    try:
        pooled = curate(
            raw=str(raw), out=str(tmp_path / "pooled"), config=RunConfig(batch_bytes=4_000, workers=2)
        )
        assert workers._warm is None  # the flow took the prestarted pool ...
        with pytest.raises(RuntimeError):  # ... and shut it down at the end of the batch stage
            warm.submit(int)
    finally:
        workers.discard_warm()
    assert inline["status"] == pooled["status"] == "succeeded"
    assert inline["documents"] > 600 and inline["rejects"] > 30
    runs = pd.read_parquet(tmp_path / "pooled" / "runs")
    assert json.loads(runs["stage_counts"][0])["ingest"]["batches"] > 10
    reference = {name: pd.read_parquet(tmp_path / "inline" / name) for name in SAME}
    _assert_same(reference, tmp_path / "pooled")


def test_fsspec_url_input(sample_run, tmp_path):
    from flows.curate import curate

    _, reference, _ = sample_run
    # the memory filesystem is process-global: a folder of its own keeps other tests' files out
    fs = fsspec.filesystem("memory")
    root = f"/bucket-{tmp_path.name}/raw"
    for path in sorted(p for p in RAW.rglob("*") if p.is_file()):
        fs.pipe(f"{root}/{path.relative_to(RAW).as_posix()}", path.read_bytes())
    summary = curate(raw=f"memory://{root}", out=str(tmp_path))
    assert summary["documents"] == len(reference["documents"])
    docs = pd.read_parquet(tmp_path / "documents")
    assert docs["source_uri"].str.match(rf"memory://+{root.lstrip('/')}/").all()
    fs.rm(root, recursive=True)
    _assert_same(reference, tmp_path)


def test_transient_read_error_is_retried(sample_run, tmp_path, monkeypatch):
    import errno

    from factsieve.ingest.sources import InputFile
    from flows.curate import curate

    _, reference, _ = sample_run
    real = InputFile.read_bytes
    failures = {"left": 1}

    def flaky(self):
        if self.name == "2024-03-12-el-salvador-talks.txt" and failures["left"]:
            failures["left"] -= 1
            raise OSError(errno.EIO, "Input/output error (simulated)")
        return real(self)

    monkeypatch.setattr(InputFile, "read_bytes", flaky)
    summary = curate(raw=str(RAW), out=str(tmp_path))
    assert failures["left"] == 0
    assert summary["status"] == "succeeded" and summary["rejects"] == len(reference["rejects"])
    _assert_same(reference, tmp_path)


def test_vanished_file_is_a_read_error_reject(tmp_path):
    from factsieve.ingest import read as ingest
    from factsieve.ingest.sources import InputFile

    res = ingest.read_input(InputFile(str(tmp_path / "gone.txt"), 10, 0.0, rel="gone.txt"))
    assert [r.reason for r in res.rejects] == [ingest.READ_ERROR]
