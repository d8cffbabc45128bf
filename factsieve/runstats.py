"""Run bookkeeping without Prefect: per-stage stats and the runs row built from them.

Each stage keeps a ``StageStats`` (wall seconds, the flow process's peak RSS, what it counted),
as datatrove's pipeline steps keep theirs; ``RunStats`` holds a run's stages and totals and
builds its row of the runs table in one place. The flow only records into it; the dedup step
and the benchmarks can time themselves with the same ``Stopwatch``.
"""

from __future__ import annotations

import platform
import resource
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pandas as pd

import schemas
from factsieve import __version__
from factsieve.output.tables import json_cell

# Libraries whose versions each runs row records (read from their metadata: importing
# great_expectations alone takes seconds).
VERSIONED = ("prefect", "pandas", "pyarrow", "pandera", "great-expectations", "trafilatura", "numpy")
# The stage_counts key of a stage's counts, where it is not the stage's name: the first runs
# tables wrote the batch stage's counts as "ingest", and old and new rows should read alike.
COUNTS_KEY = {"ingest_clean_segment_classify": "ingest"}


def peak_rss_mb() -> float:
    """This process's resident-memory high-water mark so far, in MB (worker processes not
    included). Linux reports ru_maxrss in KiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


@dataclass(slots=True)
class StageStats:
    seconds: float = 0.0  # summed over the stage's laps
    laps: int = 0
    peak_rss_mb: float = 0.0  # when the stage last ended
    counts: dict[str, Any] | None = None  # None: the stage has no entry in stage_counts


class Stopwatch:
    """Stages timed by laps: a stage runs from the previous lap (or the start) unless told
    otherwise; a stage lapped twice sums its seconds."""

    def __init__(self) -> None:
        self.stages: dict[str, StageStats] = {}
        self._mark = time.perf_counter()

    def stage(self, name: str) -> StageStats:
        return self.stages.setdefault(name, StageStats())

    def lap(self, name: str, since: float | None = None) -> float:
        """Charge the time from the last lap (or from ``since``, a time.perf_counter() value)
        to stage ``name``; return now, the start of the next stage."""
        now = time.perf_counter()
        s = self.stage(name)
        s.seconds += now - (self._mark if since is None else since)
        s.laps += 1
        s.peak_rss_mb = peak_rss_mb()
        self._mark = now
        return now

    def rounded(self, digits: int = 3) -> dict[str, float]:
        """Seconds per timed stage, in lap order."""
        return {k: round(s.seconds, digits) for k, s in self.stages.items() if s.laps}

    def peaks_mb(self) -> dict[str, int]:
        return {k: round(s.peak_rss_mb) for k, s in self.stages.items() if s.laps}


def versions() -> dict[str, str]:
    from importlib.metadata import version

    return {
        "factsieve": __version__,
        "python": platform.python_version(),
        **{v: version(v) for v in VERSIONED},
    }


class RunStats(Stopwatch):
    """One run's bookkeeping: its stages, its totals and its outcome; ``runs_row`` is the
    run's row of the runs table as it stands."""

    def __init__(self, run_id: str, started: datetime, raw: str, parameters: dict[str, Any]) -> None:
        super().__init__()
        self.run_id, self.started, self.raw, self.parameters = run_id, started, raw, parameters
        # input_files, input_records, documents, rejects, sentences, exact/near_duplicates,
        # removed_files, removed/replaced_documents: the runs table's count columns
        self.totals: dict[str, int] = {}
        self.labels: dict[str, int] = {}  # sentences per label
        self.labels_changed_by_model: int | None = None  # None: no model was used
        self.reject_reasons: dict[str, int] = {}
        self.status = "succeeded"
        self.gx_status = "skipped"
        self.gx_detail = "[]"

    def stage_counts(self) -> dict[str, Any]:
        counts: dict[str, Any] = {
            COUNTS_KEY.get(name, name): s.counts for name, s in self.stages.items() if s.counts is not None
        }
        counts["labels"] = self.labels
        if self.labels_changed_by_model is not None:
            counts["labels_changed_by_model"] = self.labels_changed_by_model
        counts["reject_reasons"] = self.reject_reasons
        return counts

    def record_gx(self, status: str, detail_json: str) -> None:
        """Great Expectations' outcome; a failed check fails the run."""
        self.gx_status, self.gx_detail = status, detail_json
        if status == "failed":
            self.status = "failed"

    def runs_row(self) -> dict[str, Any]:
        """The runs table's row (finished_at: now). Built again after each change, never patched."""
        return {
            "run_id": self.run_id,
            "status": self.status,
            "started_at": pd.Timestamp(self.started),
            "finished_at": pd.Timestamp(datetime.now(UTC)),
            "raw": self.raw,
            "parameters": json_cell(self.parameters),
            **{
                k: self.totals[k]
                for k in (
                    "input_files",
                    "input_records",
                    "documents",
                    "rejects",
                    "sentences",
                    "exact_duplicates",
                    "near_duplicates",
                    "removed_files",
                    "removed_documents",
                    "replaced_documents",
                )
            },
            "stage_seconds": json_cell(self.rounded()),
            "stage_counts": json_cell(self.stage_counts()),
            "versions": json_cell(versions()),
            "validation": "passed",
            "gx_status": self.gx_status,
            "gx_detail": self.gx_detail,
            "schema_version": schemas.SCHEMA_VERSION,
        }
