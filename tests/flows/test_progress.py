"""Progress of `factsieve run` and the whole command's wall time in the runs table and the report:
real subprocesses, real Prefect, real files."""

from __future__ import annotations

import io
import json
import os
import re

import pandas as pd
import pytest

from flows import progress
from tests.conftest import RAW, REPO, factsieve

BATCH_LINE = re.compile(
    r"^factsieve: ingest-clean-segment-classify: (\d+)/(\d+) batches, (\d+)/(\d+) files, "
    r"([\d,]+) records, ([\d,]+) docs/s, ETA (\S+)$"
)


@pytest.fixture
def harness_env(prefect_harness):
    from prefect.settings import PREFECT_API_URL

    return {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "PREFECT_HOME": str(REPO / ".prefect")}


@pytest.fixture
def four_files_a_batch(tmp_path):
    cfg = tmp_path / "small-batches.toml"
    cfg.write_text("batch_files = 4\n", encoding="utf-8")
    return cfg


@pytest.mark.slow
def test_plain_progress_lines_follow_the_batches_and_the_run_records_its_command_time(
    tmp_path, harness_env, four_files_a_batch
):
    out = tmp_path / "out"
    res = factsieve(
        "run", str(RAW), "--out", str(out), "--config", str(four_files_a_batch), "--workers", "1",
        "--progress-seconds", "0", env=harness_env,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr[-2000:]
    lines = [m for m in map(BATCH_LINE.match, res.stderr.splitlines()) if m]
    # raw/ holds 10 files: batches of 4, 4 and 2, one line as each is staged, counts only growing
    assert [(int(m[1]), int(m[2]), int(m[3]), int(m[4])) for m in lines] == [
        (1, 3, 4, 10),
        (2, 3, 8, 10),
        (3, 3, 10, 10),
    ]
    records = [int(m[5].replace(",", "")) for m in lines]
    assert records == sorted(records) and records[0] > 0
    assert lines[-1][7] == "0:00:00"
    assert "factsieve: stage gx done in" in res.stderr
    assert res.stdout.startswith("run ") and " succeeded" in res.stdout.splitlines()[0]

    runs = pd.read_parquet(out / "runs").iloc[0]
    stages = json.loads(runs["stage_seconds"])
    flow_seconds = sum(v for k, v in stages.items() if k != "startup")
    # interpreter + imports + Prefect before the flow: more than nothing, and part of the total
    assert stages["startup"] > 0.2
    assert runs["command_seconds"] >= stages["startup"] + flow_seconds - 0.01
    report = (out / "reports" / f"run-{runs['run_id']}.html").read_text(encoding="utf-8")
    assert (
        f"wall time {runs['command_seconds']:.1f} s (start-up {stages['startup']:.1f} s included)" in report
    )


@pytest.mark.slow
def test_quiet_prints_only_the_summary(tmp_path, harness_env, four_files_a_batch):
    res = factsieve(
        "run", str(RAW), "--out", str(tmp_path / "out"), "--config", str(four_files_a_batch),
        "--workers", "1", "--progress-seconds", "0", "--quiet", env=harness_env,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr[-2000:]
    assert "factsieve:" not in res.stderr
    assert res.stdout.startswith("run ") and "documents" in res.stdout


def test_lines_are_throttled_to_the_interval():
    stream = io.StringIO()
    sink = progress.LogLines(stream, interval=3600)
    sink.begin_batches(batches=3, files=10, total_bytes=30_000)
    for i in range(3):
        sink.batch_done(
            files_done=3 * i + 3, records=100 * (i + 1), documents=90 * (i + 1), bytes_done=10_000 * (i + 1)
        )
    sink.stage_done("dedup", 0.4)
    assert stream.getvalue() == ""  # a run shorter than the interval prints nothing extra
    assert sink.batches_done == 3 and sink.eta_seconds() == 0
