"""Run bookkeeping: stage timings, counts and the runs row built from them (no Prefect)."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime

import pandas as pd
import pytest

from factsieve.output import tables
from factsieve.runstats import RunStats, Stopwatch


def test_stopwatch_sums_repeated_stages_and_times_from_the_last_lap():
    w = Stopwatch()
    time.sleep(0.02)
    w.lap("read")
    time.sleep(0.01)
    w.lap("write")
    w.lap("read", since=time.perf_counter() - 0.05)  # a stage timed from a given start
    s = w.rounded(4)
    assert list(s) == ["read", "write"]
    assert s["read"] >= 0.07 - 1e-3 and 0.01 - 1e-3 <= s["write"] < s["read"]
    assert w.stages["read"].laps == 2 and all(v > 0 for v in w.peaks_mb().values())


def _stats(model: bool) -> RunStats:
    stats = RunStats("20240301T000000Z-cccccc", datetime(2024, 3, 1, tzinfo=UTC), "raw", {"raw": "raw"})
    stats.lap("discover")
    stats.stage("discover").counts = {"files": 3, "new": 3, "changed": 0, "unchanged": 0}
    stats.lap("ingest_clean_segment_classify")
    stats.stage("ingest_clean_segment_classify").counts = {"files": 3, "records": 4, "documents": 3}
    stats.totals = {
        "input_files": 3,
        "input_records": 4,
        "documents": 3,
        "rejects": 1,
        "sentences": 12,
        "exact_duplicates": 1,
        "near_duplicates": 0,
        "removed_files": 0,
        "removed_documents": 0,
        "replaced_documents": 0,
    }
    stats.labels = {"reported": 9, "speculative": 3}
    stats.reject_reasons = {"empty": 1}
    stats.labels_changed_by_model = 2 if model else None
    return stats


def test_runs_row_is_a_valid_runs_row_with_counts_under_their_historical_keys():
    row = tables.conform(pd.DataFrame([_stats(model=False).runs_row()]), "runs")
    r = row.iloc[0]
    assert (r["status"], r["gx_status"], r["gx_detail"], r["validation"]) == (
        "succeeded",
        "skipped",
        "[]",
        "passed",
    )
    assert (r["documents"], r["rejects"], r["sentences"], r["exact_duplicates"]) == (3, 1, 12, 1)
    counts = json.loads(r["stage_counts"])
    # the batch stage's counts keep the key the first runs tables used
    assert set(counts) == {"discover", "ingest", "labels", "reject_reasons"}
    assert counts["ingest"]["records"] == 4 and counts["labels"] == {"reported": 9, "speculative": 3}
    assert set(json.loads(r["stage_seconds"])) == {"discover", "ingest_clean_segment_classify"}
    assert json.loads(r["parameters"]) == {"raw": "raw"} and "pandas" in json.loads(r["versions"])


@pytest.mark.parametrize(("status", "run_status"), [("passed", "succeeded"), ("failed", "failed")])
def test_gx_outcome_is_in_the_row_built_after_it(status, run_status):
    stats = _stats(model=True)
    before = stats.runs_row()
    stats.record_gx(status, '[{"success": false}]')
    stats.lap("gx")
    after = stats.runs_row()
    assert before["gx_status"] == "skipped" and before["status"] == "succeeded"
    assert (after["gx_status"], after["status"], after["gx_detail"]) == (
        status,
        run_status,
        '[{"success": false}]',
    )
    assert "gx" in json.loads(after["stage_seconds"]) and "gx" not in json.loads(before["stage_seconds"])
    assert json.loads(after["stage_counts"])["labels_changed_by_model"] == 2
