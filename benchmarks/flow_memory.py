"""What the flow process holds, stage by stage: a memory probe around one real `factsieve run`.

Runs the CLI in this process (``flows.cli.main``) with a few functions of the flow wrapped, and
writes one JSON line per mark to ``--log``:

* ``peak_mb``: the highest resident set size sampled (every 10 ms, /proc/self/statm) since the
  previous mark, and ``arrow_mb`` the bytes Arrow's memory pool held at that moment;
  ``rss_mb`` / ``arrow_now_mb``: the same at the mark itself;
* at each stage's end (the flow's ``lap``): ``alive``, the size of every large local of the flow
  function (pandas frames deep, Arrow tables, the dedup result, the run assembler's lists) — what
  the next stage starts with.

Marks: every stage end, every phase of deduplicate (its Stopwatch laps), and before/after the pieces of the dedup, score and publish stages that
allocate (finish_documents, the GX check, the dedup roles read for the latest view, the latest
view's build, the publish step itself).

    .venv/bin/python benchmarks/e2e_bench.py --sizes 220000 --runners thread --repeats 0   # writes the corpus
    .venv/bin/python benchmarks/flow_memory.py benchmarks/.work/corpus-220000-10000 --log /tmp/mem.jsonl

A development probe: the numbers in docs/BENCHMARKS.md ("1M memory at publish") come from it.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PAGE = os.sysconf("SC_PAGE_SIZE")
MB = 2**20


class Sampler:
    """Resident memory sampled on a thread of the process it was started in (the CLI forks the
    flow's process: the sampler starts there, at the first mark)."""

    def __init__(self, log: Path, interval: float = 0.01):
        self.log = log
        self.interval = interval
        self.pid = None
        self.lock = threading.Lock()
        self.peak = 0
        self.arrow_at_peak = 0
        self.t0 = time.perf_counter()

    def _rss(self) -> int:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * PAGE

    def _loop(self) -> None:
        import pyarrow as pa

        while True:
            rss = self._rss()
            with self.lock:
                if rss > self.peak:
                    self.peak, self.arrow_at_peak = rss, pa.total_allocated_bytes()
            time.sleep(self.interval)

    def mark(self, name: str, alive: dict | None = None) -> None:
        import pyarrow as pa

        if self.pid != os.getpid():
            self.pid = os.getpid()
            threading.Thread(target=self._loop, daemon=True).start()
        rss = self._rss()
        with self.lock:
            peak, arrow = max(self.peak, rss), self.arrow_at_peak
            self.peak, self.arrow_at_peak = rss, pa.total_allocated_bytes()
        row = {
            "mark": name,
            "t": round(time.perf_counter() - self.t0, 2),
            "peak_mb": round(peak / MB),
            "arrow_mb": round(arrow / MB),
            "rss_mb": round(rss / MB),
            "arrow_now_mb": round(pa.total_allocated_bytes() / MB),
        }
        if alive is not None:
            row["alive"] = alive
        with open(self.log, "a") as fh:
            fh.write(json.dumps(row) + "\n")


def _size(obj, seen: set[int]) -> int:
    """Bytes held by a frame, table, the dedup result, the assembler or a dict/list of those."""
    import pandas as pd
    import pyarrow as pa

    from factsieve.dedup import DedupResult
    from factsieve.output.assemble import RunAssembler

    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    if isinstance(obj, pd.DataFrame):
        return int(obj.memory_usage(deep=True, index=True).sum())
    if isinstance(obj, pa.Table | pa.RecordBatch | pa.Array | pa.ChunkedArray):
        return int(obj.nbytes)
    if isinstance(obj, DedupResult):
        return _size(obj.assignments, seen) + _size(obj.duplicates, seen)
    if isinstance(obj, RunAssembler):
        return sum(_size(v, seen) for v in (obj._light, obj._stats, obj._rejects, obj.features))
    if isinstance(obj, dict):
        return sum(_size(v, seen) for v in obj.values())
    if isinstance(obj, list | tuple):
        return sum(_size(v, seen) for v in obj)
    if hasattr(obj, "nbytes_total"):
        return int(obj.nbytes_total())
    return 0


def _alive(frame) -> dict[str, int]:
    seen: set[int] = set()
    out = {}
    for name, value in frame.f_locals.items():
        try:
            n = _size(value, seen)
        except Exception:  # a local the probe does not know how to size
            continue
        if n >= MB:
            out[name] = round(n / MB)
    return out


def install(sampler: Sampler) -> None:
    import factsieve.dedup as dedup_pkg
    from factsieve.output import assemble, gx_process, latest, publish
    from factsieve.runstats import Stopwatch

    lap = Stopwatch.lap

    def lap_marked(self, name, since=None):
        now = lap(self, name, since)
        if type(self).__name__ == "RunStats":
            # stats.lap <- the flow's lap() closure <- the flow function
            sampler.mark(f"end:{name}", _alive(sys._getframe(2)))
        else:  # deduplicate's own timer: its phases
            sampler.mark(f"dedup:{name}")
        return now

    Stopwatch.lap = lap_marked

    def wrap(owner, attr: str) -> None:
        fn = getattr(owner, attr)

        @functools.wraps(fn)
        def marked(*a, **k):
            sampler.mark(f"before:{attr}")
            try:
                return fn(*a, **k)
            finally:
                sampler.mark(f"after:{attr}")

        setattr(owner, attr, marked)

    wrap(dedup_pkg, "deduplicate")
    wrap(assemble.RunAssembler, "finish_documents")
    wrap(assemble.RunAssembler, "sentence_sample")
    wrap(gx_process, "run_checks")
    wrap(dedup_pkg, "live_roles")
    wrap(latest, "build")
    wrap(publish, "publish")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--out", type=Path, default=None, help="output folder (default: a fresh scratch one)")
    ap.add_argument("--log", type=Path, required=True)
    ap.add_argument("--keep-output", action="store_true")
    args = ap.parse_args(argv)
    out = args.out or REPO / "benchmarks" / ".work" / "runs" / f"memory-{time.strftime('%H%M%S')}"
    args.log.unlink(missing_ok=True)
    sampler = Sampler(args.log)
    install(sampler)
    from flows.cli import main as cli_main

    pid = os.getpid()
    rc = cli_main(["run", str(args.corpus), "--out", str(out), "--quiet"])
    if os.getpid() != pid:  # the CLI's forked flow process, returning: the parent reports
        return rc
    if not args.keep_output:
        shutil.rmtree(out, ignore_errors=True)
    for line in args.log.read_text().splitlines():
        print(line)
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
