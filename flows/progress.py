"""Live progress of a run, reported by the flow as work completes.

The flow reports what it has finished (a batch staged, a stage done) to ``current()``; the
command line decides how that is shown before it calls the flow (``showing``):

- on a terminal, a rich progress bar: stage, batches and files done of total, records, docs/s
  and ETA (from bytes done: batches are cut by bytes, so bytes predict the rest best);
- otherwise (a log file, cron, CI), one plain line at most every ``interval`` seconds, so a
  long run is not silent and a short one prints nothing extra;
- ``--quiet``, or a flow run outside the command line (a deployment): nothing.

Counts are totals so far as the flow saw them, never estimated ahead of the work.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator
from typing import TextIO

BATCH_STAGE = "ingest-clean-segment-classify"


def _eta(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


class RunProgress:
    """Keeps the counts; shows nothing (``--quiet`` and flow runs outside the CLI)."""

    def __init__(self) -> None:
        self.batches = self.files = self.total_bytes = 0
        self.batches_done = self.files_done = self.records = self.documents = self.bytes_done = 0
        self.started = time.monotonic()

    def begin_batches(self, batches: int, files: int, total_bytes: int) -> None:
        self.batches, self.files, self.total_bytes = batches, files, total_bytes
        self.started = time.monotonic()
        self.show_batches()

    def batch_done(self, files_done: int, records: int, documents: int, bytes_done: int) -> None:
        """Totals after one more batch was staged."""
        self.batches_done += 1
        self.files_done, self.records, self.documents, self.bytes_done = (
            files_done,
            records,
            documents,
            bytes_done,
        )
        self.show_batches()

    def stage_done(self, stage: str, seconds: float) -> None:
        """A stage of the flow finished (the names of ``runs.stage_seconds``)."""

    def show_batches(self) -> None:
        pass

    def close(self) -> None:
        pass

    def docs_per_second(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.documents / elapsed if elapsed > 0 else 0.0

    def eta_seconds(self) -> float | None:
        if not self.bytes_done or not self.total_bytes:
            return None
        elapsed = time.monotonic() - self.started
        return elapsed * max(self.total_bytes - self.bytes_done, 0) / self.bytes_done

    def batch_line(self) -> str:
        return (
            f"{BATCH_STAGE}: {self.batches_done}/{self.batches} batches, {self.files_done}/{self.files} files, "
            f"{self.records:,} records, {self.docs_per_second():,.0f} docs/s, ETA {_eta(self.eta_seconds())}"
        )


class LogLines(RunProgress):
    """Plain lines on ``stream`` at most every ``interval`` seconds (not a terminal)."""

    def __init__(self, stream: TextIO, interval: float = 10.0) -> None:
        super().__init__()
        self.stream, self.interval = stream, interval
        self._last = time.monotonic()

    def _due(self) -> bool:
        now = time.monotonic()
        if now - self._last < self.interval:
            return False
        self._last = now
        return True

    def _print(self, text: str) -> None:
        print(f"factsieve: {text}", file=self.stream, flush=True)

    def show_batches(self) -> None:
        if self.batches_done and self._due():
            self._print(self.batch_line())

    def stage_done(self, stage: str, seconds: float) -> None:
        if stage != "ingest_clean_segment_classify" and self._due():
            self._print(f"stage {stage} done in {seconds:.1f} s")


class RichBar(RunProgress):
    """A live bar on a terminal (rich, which Prefect already depends on). It is removed when
    the run ends: the summary the command prints says the rest."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(bar_width=20),  # room for the counts on an 80-column terminal
            TextColumn("{task.fields[detail]}"),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(file=stream),
            transient=True,
        )
        self._task = self._bar.add_task("starting", total=None, detail="")
        self._bar.start()

    def show_batches(self) -> None:
        self._bar.update(
            self._task,
            description="ingest → classify",
            total=self.total_bytes or None,
            completed=self.bytes_done,
            detail=f"{self.batches_done}/{self.batches} batches, {self.files_done}/{self.files} files, "
            f"{self.records:,} rec, {self.docs_per_second():,.0f} docs/s",
        )

    def stage_done(self, stage: str, seconds: float) -> None:
        if stage != "ingest_clean_segment_classify":
            self._bar.update(self._task, description=f"{stage} done ({seconds:.1f} s)")

    def close(self) -> None:
        self._bar.stop()


_current: RunProgress | None = None


def current() -> RunProgress:
    """The sink the flow reports to: the command line's, else a silent one per call."""
    return _current or RunProgress()


def choose(quiet: bool, interval: float, stream: TextIO | None = None) -> RunProgress:
    stream = stream or sys.stderr
    if quiet:
        return RunProgress()
    if stream.isatty():
        return RichBar(stream)
    return LogLines(stream, interval)


@contextlib.contextmanager
def showing(sink: RunProgress) -> Iterator[RunProgress]:
    """Make ``sink`` the flow's progress sink for the duration of the block."""
    global _current
    previous, _current = _current, sink
    try:
        yield sink
    finally:
        _current = previous
        sink.close()
