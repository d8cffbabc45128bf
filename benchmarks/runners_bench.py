"""Scale-out, side by side: the default runner against a Dask LocalCluster on the same corpus.

    .venv/bin/python benchmarks/runners_bench.py                     # 220k docs, 2 pairs, 2 workers
    .venv/bin/python benchmarks/runners_bench.py --pairs 3 --sizes real
    .venv/bin/python benchmarks/runners_bench.py --report-only       # the table from results-runners.jsonl

Each run is the whole command, as a user types it, in a fresh output folder:

    factsieve run <corpus> --out <out> --json --runner thread --workers 2   (the default: threads + a
                                                                             pool of 2 worker processes)
    factsieve run <corpus> --out <out> --json --runner dask --workers 2     (a Dask LocalCluster of 2
                                                                             single-threaded worker processes)

The runners alternate A B B A A B ... so drift in the machine's load falls on both. Measured per run,
over the whole process tree (the CLI, its supervised child, Prefect's temporary server, the worker
pool or the Dask scheduler, nannies and workers):

* wall seconds of the command;
* CPU seconds (user + sys) of every process of the tree: this script makes itself the tree's child
  subreaper (``PR_SET_CHILD_SUBREAPER``), so processes orphaned on the way are re-parented to it,
  and it reaps them all; the figure is the growth of its RUSAGE_CHILDREN;
* peak RSS: the highest sampled sum of RSS over all its descendants (every ``--sample`` s);
* MB/s: UTF-8 MB of the documents' text (``benchmarks.e2e_bench.write_corpus``) over the wall time.

The two runners must produce the same counts (documents, sentences, rejects): checked per pair.
The corpus (``e2e_bench.write_corpus``: ``benchmarks/.work/corpus-<size>-10000``) is built once.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.e2e_bench import write_corpus  # noqa: E402
from flows.environment import set_prefect_defaults  # noqa: E402

RUNNERS = ("thread", "dask")
PR_SET_CHILD_SUBREAPER = 36


def _become_subreaper() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER) failed")


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _tree_rss() -> int:
    total = 0
    for p in psutil.Process().children(recursive=True):
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def _reap_all(deadline: float) -> None:
    """Wait for every descendant left (re-parented here): their CPU counts only once reaped."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            if time.monotonic() > deadline:
                for p in psutil.Process().children(recursive=True):
                    p.kill()
            time.sleep(0.05)


def run_once(corpus: Path, out: Path, runner: str, workers: int, sample: float, env: dict) -> dict:
    cmd = [str(REPO / ".venv" / "bin" / "factsieve"), "run", str(corpus), "--out", str(out), "--json"]
    cmd += ["--runner", runner, "--workers", str(workers)]
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    peak = 0
    with (
        open(out.parent / (out.name + ".json"), "wb") as so,
        open(out.parent / (out.name + ".log"), "wb") as se,
    ):
        proc = subprocess.Popen(cmd, stdout=so, stderr=se, env=env, cwd=str(REPO))
        while proc.poll() is None:
            peak = max(peak, _tree_rss())
            time.sleep(sample)
    wall = time.perf_counter() - t0
    _reap_all(time.monotonic() + 60)
    cpu = _children_cpu() - cpu0
    res = {"runner": runner, "workers": workers, "rc": proc.returncode, "wall": wall, "cpu": cpu}
    res["peak_tree_mb"] = peak / 2**20
    if proc.returncode != 0:
        res["error"] = (out.parent / (out.name + ".log")).read_text(errors="replace")[-1500:]
        return res
    summary = json.loads((out.parent / (out.name + ".json")).read_text())
    res.update({k: summary[k] for k in ("documents", "sentences", "rejects")})
    res["batch_seconds"] = summary["seconds"].get("ingest_clean_segment_classify")
    return res


def table(results: list[dict], text_mb: float) -> str:
    lines = [
        "| runner | runs | wall s (median; each) | CPU s user+sys (median) | peak RSS tree MB (max) | "
        "MB/s wall (median) | batch stage s (median) |",
        "|---|---|---|---|---|---|---|",
    ]
    med: dict[str, dict] = {}
    for runner in RUNNERS:
        ok = [r for r in results if r["runner"] == runner and r["rc"] == 0]
        if not ok:
            continue
        m = {k: statistics.median(r[k] for r in ok) for k in ("wall", "cpu", "batch_seconds")}
        med[runner] = m
        each = ", ".join(f"{r['wall']:.0f}" for r in ok)
        lines.append(
            f"| {runner} | {len(ok)} | {m['wall']:.1f} ({each}) | {m['cpu']:.0f} | "
            f"{max(r['peak_tree_mb'] for r in ok):,.0f} | {text_mb / m['wall']:.2f} | {m['batch_seconds']:.1f} |"
        )
    if len(med) == 2:
        a, b = med["dask"], med["thread"]
        lines.append("")
        lines.append(
            f"dask / thread: wall {a['wall'] / b['wall']:.2f}x, CPU {a['cpu'] / b['cpu']:.2f}x, "
            f"batch stage {a['batch_seconds'] / b['batch_seconds']:.2f}x (medians)."
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="220000", help='"real" (BBC+Reuters) or a document count')
    ap.add_argument("--pairs", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sample", type=float, default=0.2, help="RSS sampling interval, seconds")
    ap.add_argument("--work", type=Path, default=REPO / "benchmarks" / ".work")
    ap.add_argument("--report-only", action="store_true")
    args = ap.parse_args(argv)

    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    results_path = work / "results-runners.jsonl"
    corpus, meta = write_corpus(args.sizes, work, 10_000)
    text_mb = meta["text_bytes"] / 1e6
    if args.report_only:
        results = [json.loads(x) for x in results_path.read_text().splitlines()]
        print(table([r for r in results if r.get("size") == args.sizes], text_mb))
        return 0
    _become_subreaper()
    env = dict(os.environ)
    set_prefect_defaults(env, home=work / "prefect-home")
    print(f"# corpus {args.sizes}: {meta}", file=sys.stderr, flush=True)
    results = []
    order = [RUNNERS if i % 2 == 0 else RUNNERS[::-1] for i in range(args.pairs)]
    for i, pair in enumerate(order):
        for runner in pair:
            out = work / "runs" / f"runners-{args.sizes}-{runner}-{datetime.now():%H%M%S}"
            out.parent.mkdir(parents=True, exist_ok=True)
            r = run_once(corpus, out, runner, args.workers, args.sample, env)
            r.update(size=args.sizes, pair=i, at=datetime.now().isoformat(timespec="seconds"))
            print(
                f"# {json.dumps({k: v for k, v in r.items() if k != 'error'})}", file=sys.stderr, flush=True
            )
            if r["rc"] != 0:
                print(r["error"], file=sys.stderr)
            with results_path.open("a") as fh:
                fh.write(json.dumps(r) + "\n")
            results.append(r)
            subprocess.run(["rm", "-rf", str(out)], check=False)
        got = {(r["documents"], r["sentences"], r["rejects"]) for r in results[-2:] if r["rc"] == 0}
        if len(got) > 1:
            print(f"# pair {i}: the runners disagree: {got}", file=sys.stderr)
            return 1
    print(table(results, text_mb))
    return 0 if all(r["rc"] == 0 for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
