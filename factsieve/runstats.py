"""Run bookkeeping without Prefect: how long each stage took and how much memory the process held.

Importable by the flow, the batch workers and the dedup step alike; nothing here imports a stage.
"""

from __future__ import annotations

import resource
import time


def peak_rss_mb() -> float:
    """This process's resident-memory high-water mark so far, in MB (worker processes not
    included). Linux reports ru_maxrss in KiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


class Stopwatch:
    """Wall seconds per named step (summed when a step repeats) and the peak RSS when each
    step last ended. A step runs from the previous lap (or the start) unless told otherwise."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.peak_rss_mb: dict[str, float] = {}
        self._mark = time.perf_counter()

    def lap(self, step: str, since: float | None = None) -> float:
        """Charge the time from the last lap (or from ``since``, a time.perf_counter() value)
        to ``step``; return now, the start of the next step."""
        now = time.perf_counter()
        self.seconds[step] = self.seconds.get(step, 0.0) + now - (self._mark if since is None else since)
        self.peak_rss_mb[step] = peak_rss_mb()
        self._mark = now
        return now

    def rounded(self, digits: int = 3) -> dict[str, float]:
        return {k: round(v, digits) for k, v in self.seconds.items()}
