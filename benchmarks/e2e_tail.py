"""Where the flow's own process spends its time: one real `factsieve run` with the flow's serial pieces timed.

Runs the CLI in this process (``flows.cli.main``), as ``flow_memory.py`` does, with the functions the
flow process calls wrapped: each call's wall seconds and the CPU-s of the thread that made it
(``time.thread_time``: the flow's tasks run on threads; the batch stage's work on worker processes is
not in it). Nested calls are counted in their callers too (``finish_documents`` holds its chunks'
``conform``, ``to_arrow`` and ``score_from_stats``). The batch stage's pieces in this process are
the results' collection (``as_staged``, ``RunAssembler.add``) and the joining of the parts
(``close_batches``); everything after it is serial: while it runs the worker processes are gone.

    .venv/bin/python benchmarks/e2e_bench.py --sizes 220000 --repeats 0   # writes the corpus
    .venv/bin/python benchmarks/e2e_tail.py benchmarks/.work/corpus-220000-10000 --json /tmp/tail.json

Prints one row per wrapped function: calls, wall s, thread CPU-s, and the CPU-s the process's garbage
collector ran during its calls (any thread: with nested calls and the encoding threads, an indication).
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

_totals: dict[str, list[float]] = {}
_lock = threading.Lock()
_gc_seconds = [0.0]  # CPU-s of this process in the cyclic garbage collector (gc.callbacks)
_gc_start: dict[int, float] = {}


def _gc_clock(phase: str, info: dict) -> None:
    # The collector runs in the thread that triggered it, with the GIL held: its thread's CPU clock.
    if phase == "start":
        _gc_start[threading.get_ident()] = time.thread_time()
    else:
        _gc_seconds[0] += time.thread_time() - _gc_start.pop(threading.get_ident(), time.thread_time())


def _wrap(owner, attr: str, label: str | None = None) -> None:
    fn = getattr(owner, attr)
    name = label or attr

    @functools.wraps(fn)
    def timed(*a, **k):
        w0, c0, g0 = time.perf_counter(), time.thread_time(), _gc_seconds[0]
        try:
            return fn(*a, **k)
        finally:
            w, c = time.perf_counter() - w0, time.thread_time() - c0
            with _lock:
                row = _totals.setdefault(name, [0, 0.0, 0.0, 0.0])
                row[0] += 1
                row[1] += w
                row[2] += c
                row[3] += _gc_seconds[0] - g0  # the process's collector during the call (any thread)

    setattr(owner, attr, timed)


def install() -> None:
    import factsieve.dedup as dedup_pkg
    import flows.curate as curate
    from factsieve import heap
    from factsieve.batch import staged
    from factsieve.ingest import manifest
    from factsieve.output import assemble, gx_process, latest, publish, stitch, tables
    from factsieve.output import report as run_report

    for owner, attr in (
        (curate, "discover"),
        (curate, "split_parts"),
        (curate, "split_gzip_parts"),
        (manifest, "load"),
        (manifest, "plan"),
        (manifest, "table"),
        (staged, "as_staged"),
        (assemble.RunAssembler, "add"),
        (assemble.RunAssembler, "close_batches"),
        (stitch, "stitch"),
        (assemble.RunAssembler, "light_documents"),
        (assemble.RunAssembler, "stats"),
        (assemble.RunAssembler, "spill"),
        (assemble.RunAssembler, "rejects_frame"),
        (curate, "dedup_input"),
        (dedup_pkg, "deduplicate"),
        (assemble.RunAssembler, "finish_documents"),
        (assemble, "_chunks"),
        (assemble, "score_from_stats"),  # main before round 12: scores in the flow's process
        (assemble, "quality_flags"),  # since round 12: only the flags, the rest scored by the workers
        (tables, "conform"),
        (tables, "to_arrow"),
        (publish.StagedTable, "write"),
        (publish.StagedTable, "close"),
        (latest, "live_documents"),
        (latest, "written_keys"),
        (latest, "changes"),
        (latest, "changes_table"),
        (latest, "live_count"),
        (assemble.RunAssembler, "sentence_sample"),
        (gx_process, "run_checks"),
        (publish, "publish"),
        (dedup_pkg, "live_roles"),
        (latest, "build"),
        (run_report, "build_report"),
        (curate, "publish_artifacts"),
        (heap, "trim"),
    ):
        if hasattr(owner, attr):  # one revision's names or another's: the tool times both
            _wrap(owner, attr, f"{owner.__name__.rsplit('.', 1)[-1]}.{attr}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--out", type=Path, default=None, help="output folder (default: a fresh scratch one)")
    ap.add_argument("--json", type=Path, required=True, help="where the flow's process writes its totals")
    ap.add_argument("--keep-output", action="store_true")
    args = ap.parse_args(argv)
    out = args.out or REPO / "benchmarks" / ".work" / "runs" / f"tail-{time.strftime('%H%M%S')}"
    args.json.unlink(missing_ok=True)
    install()
    import gc

    gc.callbacks.append(_gc_clock)
    from flows.cli import main as cli_main

    pid = os.getpid()
    t0 = time.perf_counter()
    rc = cli_main(["run", str(args.corpus), "--out", str(out), "--quiet"])
    if os.getpid() != pid:  # the CLI's forked flow process: it holds the totals
        args.json.write_text(
            json.dumps(
                {
                    "wall": time.perf_counter() - t0,
                    "process_cpu": time.process_time(),  # the forked process's own, since the fork
                    "gc_cpu": round(_gc_seconds[0], 3),
                    "calls": {k: [int(v[0]), *(round(x, 3) for x in v[1:])] for k, v in _totals.items()},
                }
            )
        )
        return rc
    if not args.keep_output:
        shutil.rmtree(out, ignore_errors=True)
    res = json.loads(args.json.read_text())
    print(
        f"command wall {res['wall']:.1f} s; flow process CPU {res['process_cpu']:.1f} s (all its threads), "
        f"of which {res['gc_cpu']:.2f} in the garbage collector"
    )
    print(f"{'function':40s} {'calls':>6s} {'wall s':>8s} {'CPU-s':>8s} {'GC CPU-s':>9s}")
    for name, (n, w, c, g) in res["calls"].items():
        print(f"{name:40s} {n:6d} {w:8.2f} {c:8.2f} {g:9.2f}")
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
