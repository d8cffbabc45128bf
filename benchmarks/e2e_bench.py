"""End-to-end benchmark: the whole curate flow on the real corpora and on scaled corpora.

For each size the corpus is written once as JSONL files (``--docs-per-file`` records each) to a scratch
folder outside the tracked tree (default ``benchmarks/.work``, git-ignored), then

    factsieve run <corpus folder> --out <fresh scratch out> --runner <thread|process> --json

runs in a subprocess (``--reprocess`` is not needed: every repeat gets a new, empty output folder).
Measured per run:

* wall time of the whole process, and the flow's own per-stage seconds from the runs table
  (``runs.stage_seconds``); "flow" = sum of stages, "fixed" = wall - flow (interpreter and Prefect
  imports, Prefect's temporary API server start-up and shut-down, flow/task-run bookkeeping).
* peak RSS: ``main`` is the exact high-water mark of the factsieve process (``wait4`` rusage),
  ``tree`` the highest sampled sum of RSS over the process and all its descendants (Prefect's temporary
  server, process-pool workers), sampled every ``--sample`` seconds.
* docs/s and MB/s over the flow time (fixed start-up excluded) and over the wall time. MB = UTF-8 bytes of
  the documents' ``text`` fields (the corpus size quoted everywhere: BBC + Reuters = 21 MB).

``--startup`` also runs the flow on a one-document folder: its wall time is Prefect's fixed cost.

    .venv/bin/python benchmarks/e2e_bench.py --sizes real --runners thread process --repeats 3 --startup
    .venv/bin/python benchmarks/e2e_bench.py --sizes 220000 --runners process
    .venv/bin/python benchmarks/e2e_bench.py --sizes 1000000 --runners process --timeout 3600
    ... --update-docs   # replace the table between the e2e markers in docs/BENCHMARKS.md

Every finished run is appended as one JSON line to ``<work>/results.jsonl``, so results of separate
invocations can be combined (``--report-only``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.corpus import base_corpus, scaled_corpus  # noqa: E402
from flows.environment import set_prefect_defaults  # noqa: E402

BEGIN = "<!-- e2e:begin -->"
END = "<!-- e2e:end -->"
STAGES = (
    "discover",
    "ingest_clean_segment_classify",
    "dedup",
    "score",
    "validate",
    "gx",
    "publish",
    "report",
)


# ------------------------------------------------------------------------------------------------ corpus


def _record(d: dict) -> dict:
    pub = d.get("published")
    return {
        "id": d["id"],
        "title": d["title"],
        "text": d["text"],
        "published": pub.isoformat() if pub is not None else None,
        "source": d["source"],
    }


def write_corpus(size: str, work: Path, docs_per_file: int, seed: int = 0) -> tuple[Path, dict]:
    """Write the corpus of ``size`` ("real" or a document count) as JSONL once; reuse it afterwards."""
    folder = work / f"corpus-{size}-{docs_per_file}"
    meta_path = folder / ".meta.json"  # hidden: discovery skips it
    if meta_path.is_file():
        return folder, json.loads(meta_path.read_text())
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    docs = iter(base_corpus()) if size == "real" else scaled_corpus(int(size), seed)
    n = text_bytes = file_bytes = 0
    part = 0
    fh = None
    t0 = time.perf_counter()
    for d in docs:
        if n % docs_per_file == 0:
            if fh:
                fh.close()
            fh = open(folder / f"part-{part:05d}.jsonl", "w", encoding="utf-8")
            part += 1
        line = json.dumps(_record(d), ensure_ascii=False) + "\n"
        fh.write(line)
        n += 1
        text_bytes += len(d["text"].encode("utf-8"))
        file_bytes += len(line.encode("utf-8"))
    if fh:
        fh.close()
    if n == 0:
        shutil.rmtree(folder)
        raise SystemExit("corpora not found: set FACTSIEVE_SHARED or put them in ../shared/data/corpora")
    meta = {
        "size": size,
        "docs": n,
        "files": part,
        "text_bytes": text_bytes,
        "file_bytes": file_bytes,
        "seconds_to_write": round(time.perf_counter() - t0, 1),
    }
    meta_path.write_text(json.dumps(meta))
    return folder, meta


def write_tiny(work: Path) -> Path:
    folder = work / "corpus-tiny"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "one.jsonl").write_text(
        json.dumps(
            {
                "id": "tiny-1",
                "text": "The council approved the budget on Tuesday. Officials said the vote was 7 to 2.",
            }
        )
        + "\n"
    )
    return folder


# ------------------------------------------------------------------------------------------------ running


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def _role(pid: int, cli: int) -> str:
    """What a process of the run is, from its command line and parent: the flow's process (the
    CLI's forked child), the batch pool's fork server and its workers, Prefect's server, GX's checker."""
    try:
        p = psutil.Process(pid)
        cmd = " ".join(p.cmdline())
        parent = p.ppid()
        parent_cmd = " ".join(psutil.Process(parent).cmdline())
    except psutil.Error:
        return "gone"
    if parent == cli:
        return "flow"
    if "forkserver" in parent_cmd:
        return "worker"  # forked by the fork server: its command line is the server's
    if "forkserver" in cmd:
        return "forkserver"
    if "resource_tracker" in cmd:
        return "tracker"
    if "uvicorn" in cmd or "server" in cmd:
        return "server"
    if "gx" in cmd or "spawn" in cmd:
        return "gx/spawn"
    return cmd[:60]


def run_flow(
    corpus: Path,
    out: Path,
    runner: str,
    workers: int | None,
    timeout: float,
    sample: float,
    env: dict,
    cpu_every: float = 0.0,
) -> dict:
    cmd = [str(REPO / ".venv" / "bin" / "factsieve"), "run", str(corpus), "--out", str(out), "--json"]
    # "inline": the thread runner without worker processes (the batch stage on one core).
    cmd += ["--runner", "thread" if runner == "inline" else runner]
    if runner == "inline":
        cmd += ["--workers", "1"]
    elif workers:
        cmd += ["--workers", str(workers)]
    log = out.parent / (out.name + ".log")
    t0 = time.perf_counter()
    with open(log, "wb") as err, open(out.parent / (out.name + ".json"), "wb") as so:
        proc = subprocess.Popen(cmd, stdout=so, stderr=err, env=env, cwd=str(REPO))
        ps = psutil.Process(proc.pid)
        peak_tree = 0
        main_cpu = 0.0
        tree_cpu: dict[int, float] = {}  # last sampled CPU-s of each descendant
        flow_cpu: dict[int, float] = {}
        timeline: list[tuple[float, int]] = []
        # CPU-s of every process of the run, every --cpu-every s: which process works in which stage.
        cpu_timeline: list[tuple[float, dict[int, float]]] = []
        roles: dict[int, str] = {}
        status = None
        while True:
            pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            now = time.perf_counter() - t0
            rss = _tree_rss(ps)
            peak_tree = max(peak_tree, rss)
            try:  # the factsieve process's own CPU (no child's): the flow process's share
                main_cpu = sum(ps.cpu_times()[:2])
                for p in ps.children(recursive=True):
                    tree_cpu[p.pid] = sum(p.cpu_times()[:2])
                # The CLI forks the flow's process off (flows/supervise.py): its direct child.
                for p in ps.children():
                    flow_cpu[p.pid] = sum(p.cpu_times()[:2])
            except psutil.Error:
                pass
            if cpu_every and (not cpu_timeline or now - cpu_timeline[-1][0] >= cpu_every):
                cpu_timeline.append((round(now, 2), {ps.pid: main_cpu, **tree_cpu}))
                for pid in tree_cpu.keys() - roles.keys():
                    roles[pid] = _role(pid, ps.pid)
            if not timeline or now - timeline[-1][0] >= 5:
                timeline.append((round(now, 1), rss))
            if now > timeout:
                for p in [ps, *ps.children(recursive=True)]:
                    try:
                        p.kill()
                    except psutil.Error:
                        pass
                pid, status, ru = os.wait4(proc.pid, 0)
                proc.returncode = -9
                return {"ok": False, "error": f"timeout after {timeout:.0f} s", "wall": now}
            time.sleep(sample)
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    res = {
        "ok": proc.returncode == 0,
        "rc": proc.returncode,
        "wall": wall,
        "peak_tree_mb": peak_tree / 2**20,
        "peak_main_mb": ru.ru_maxrss / 1024,  # kB on Linux
        # CPU-s (last sample, up to --sample s short) of the factsieve process alone, and of it with
        # every descendant it waited for (worker processes, the fork server, Prefect's server).
        "cpu_main_s": main_cpu,
        "cpu_total_s": ru.ru_utime + ru.ru_stime,
        "cpu_tree_s": main_cpu + sum(tree_cpu.values()),
        # the flow's own process (without its workers, fork server or Prefect's server)
        "cpu_flow_s": main_cpu + max(flow_cpu.values(), default=0.0),
        "rss_timeline_mb": [(t, round(r / 2**20)) for t, r in timeline],
    }
    if cpu_every:
        roles[ps.pid] = "cli"
        res["cpu_timeline"] = [(t, {str(k): round(v, 2) for k, v in c.items()}) for t, c in cpu_timeline]
        res["cpu_roles"] = {str(k): v for k, v in roles.items()}
    if not res["ok"]:
        res["error"] = log.read_text(errors="replace")[-2000:]
        return res
    import pyarrow.parquet as pq

    summary = json.loads((out.parent / (out.name + ".json")).read_text())
    # The summary's seconds include publish and report, which happen after the runs row is written;
    # the runs row's stage_seconds (checked here to agree) stops at gx.
    res["stage_seconds"] = summary["seconds"]
    # The flow process's RSS high-water mark after each stage (worker processes not included).
    res["stage_peak_rss_mb"] = summary.get("peak_rss_mb", {})
    row = pq.read_table(out / "runs").to_pylist()[-1]
    res["runs_stage_seconds"] = json.loads(row["stage_seconds"])
    res["documents"] = row["documents"]
    res["sentences"] = row["sentences"]
    res["rejects"] = row["rejects"]
    res["gx_status"] = row["gx_status"]
    # The flow's stages: "startup" (process start to flow start) is the fixed cost, not the flow.
    res["flow"] = sum(v for k, v in res["stage_seconds"].items() if k != "startup")
    res["fixed"] = wall - res["flow"]
    return res


# ------------------------------------------------------------------------------------------------ report


def _fmt_mb(x: float) -> str:
    return f"{x:,.0f}"


def table(results: list[dict], startup: list[float]) -> str:
    lines = []
    if startup:
        lines.append(
            f"Fixed cost (flow on a 1-document folder, whole process incl. interpreter, imports and Prefect's "
            f"temporary server): best {min(startup):.1f} s, median {statistics.median(startup):.1f} s "
            f"over {len(startup)} runs."
        )
        lines.append("")
    lines.append(
        "| corpus | docs | MB | runner | runs | wall s (best / spread) | flow s (best / spread) | fixed s | "
        "docs/s (flow) | MB/s (flow) | MB/s (wall) | peak RSS tree MB | peak RSS main MB |"
    )
    lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    groups: dict[tuple, list[dict]] = {}
    for r in results:
        runner = r["runner"] + (" +server" if r.get("shared_server") else "")
        groups.setdefault((r["size"], runner), []).append(r)
    for (size, runner), rs in groups.items():
        ok = [r for r in rs if r["ok"]]
        meta = rs[0]["meta"]
        mb = meta["text_bytes"] / 1e6
        name = "BBC+Reuters" if size == "real" else f"scaled {int(size):,}"
        if not ok:
            lines.append(
                f"| {name} | {meta['docs']:,} | {mb:.0f} | {runner} | {len(rs)} | failed: "
                f"{rs[-1].get('error', '')[:60]} | | | | | | | |"
            )
            continue
        walls = [r["wall"] for r in ok]
        flows = [r["flow"] for r in ok]
        best = min(ok, key=lambda r: r["flow"])
        lines.append(
            f"| {name} | {meta['docs']:,} | {mb:.0f} | {runner} | {len(ok)} | "
            f"{min(walls):.1f} / {max(walls) - min(walls):.1f} | {min(flows):.1f} / {max(flows) - min(flows):.1f} | "
            f"{best['fixed']:.1f} | {meta['docs'] / best['flow']:,.0f} | {mb / best['flow']:.2f} | "
            f"{mb / min(walls):.2f} | {_fmt_mb(max(r['peak_tree_mb'] for r in ok))} | "
            f"{_fmt_mb(max(r['peak_main_mb'] for r in ok))} |"
        )
    lines.append("")
    lines.append("Per-stage seconds of the best run (runs.stage_seconds):")
    lines.append("")
    lines.append("| corpus | runner | " + " | ".join(STAGES) + " |")
    lines.append("|---|---|" + "---|" * len(STAGES))
    for (size, runner), rs in groups.items():
        ok = [r for r in rs if r["ok"]]
        if not ok:
            continue
        best = min(ok, key=lambda r: r["flow"])
        name = "BBC+Reuters" if size == "real" else f"scaled {int(size):,}"
        lines.append(
            f"| {name} | {runner} | "
            + " | ".join(f"{best['stage_seconds'].get(s, 0):.1f}" for s in STAGES)
            + " |"
        )
    with_rss = [(k, rs) for k, rs in groups.items() if any(r.get("stage_peak_rss_mb") for r in rs if r["ok"])]
    if with_rss:
        lines.append("")
        lines.append(
            "Flow process's peak RSS (MB) after each stage, best run (high-water mark: a stage that does"
        )
        lines.append("not raise it repeats the previous value):")
        lines.append("")
        lines.append("| corpus | runner | " + " | ".join(STAGES) + " |")
        lines.append("|---|---|" + "---|" * len(STAGES))
        for (size, runner), rs in with_rss:
            best = min((r for r in rs if r["ok"]), key=lambda r: r["flow"])
            name = "BBC+Reuters" if size == "real" else f"scaled {int(size):,}"
            peaks = best.get("stage_peak_rss_mb", {})
            lines.append(
                f"| {name} | {runner} | " + " | ".join(f"{peaks.get(s, 0):,}" for s in STAGES) + " |"
            )
    return "\n".join(lines)


def update_docs(md: str) -> None:
    path = REPO / "docs" / "BENCHMARKS.md"
    text = path.read_text()
    block = f"{BEGIN}\n{md}\n{END}"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n## End to end\n\n" + block + "\n"
    path.write_text(text)


# ------------------------------------------------------------------------------------------------ main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--sizes", nargs="+", default=["real"], help='"real" (BBC+Reuters) and/or document counts'
    )
    ap.add_argument(
        "--runners",
        nargs="+",
        default=["thread"],
        choices=["thread", "inline", "process"],
        help="thread: the default (batch work on a pool of worker processes); inline: thread with "
        "--workers 1; process: Prefect's process pool",
    )
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--docs-per-file", type=int, default=10_000)
    ap.add_argument("--work", type=Path, default=REPO / "benchmarks" / ".work")
    ap.add_argument("--timeout", type=float, default=3600)
    ap.add_argument("--sample", type=float, default=0.2, help="RSS sampling interval, seconds")
    ap.add_argument(
        "--cpu-every",
        type=float,
        default=0.0,
        help="also record every process's CPU-s every this many seconds (cpu_timeline in results.jsonl)",
    )
    ap.add_argument("--startup", action="store_true", help="also time the flow on a one-document folder")
    ap.add_argument("--keep-output", action="store_true")
    ap.add_argument("--update-docs", action="store_true")
    ap.add_argument("--report-only", action="store_true", help="print the table from <work>/results.jsonl")
    ap.add_argument("--tag", default="", help="label stored with each result (e.g. before/after)")
    ap.add_argument(
        "--shared-server",
        action="store_true",
        help="start one Prefect API server here and pass PREFECT_API_URL to every run: without it each "
        "run starts a temporary server, and with --runners process every pool worker starts its own too",
    )
    args = ap.parse_args(argv)

    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    results_path = work / "results.jsonl"
    env = dict(os.environ)
    # A Prefect home of its own: no interference with tests or other runs sharing .prefect/.
    set_prefect_defaults(env, home=work / "prefect-home")

    results: list[dict] = []
    startup: list[float] = []
    server = None
    if args.shared_server and not args.report_only and "PREFECT_API_URL" not in os.environ:
        os.environ.update({k: env[k] for k in env if k.startswith("PREFECT_") or k == "DO_NOT_TRACK"})
        from prefect.server.api.server import SubprocessASGIServer

        t0 = time.perf_counter()
        server = SubprocessASGIServer()
        server.start(timeout=180)
        env["PREFECT_API_URL"] = server.api_url
        print(
            f"# shared Prefect server {server.api_url} started in {time.perf_counter() - t0:.1f} s",
            file=sys.stderr,
            flush=True,
        )
    if args.report_only:
        for line in results_path.read_text().splitlines():
            r = json.loads(line)
            if args.tag and r.get("tag") != args.tag:
                continue
            (startup.append(r["wall"]) if r["size"] == "tiny" else results.append(r))
    else:
        runs_dir = work / "runs"
        runs_dir.mkdir(exist_ok=True)
        if args.startup:
            tiny = write_tiny(work)
            for i in range(args.repeats):
                out = runs_dir / f"tiny-{datetime.now():%H%M%S}-{i}"
                r = run_flow(tiny, out, "thread", None, args.timeout, args.sample, env)
                print(f"# tiny run {i}: wall {r['wall']:.1f} s ok={r['ok']}", file=sys.stderr, flush=True)
                if r["ok"]:
                    startup.append(r["wall"])
                    with results_path.open("a") as fh:
                        fh.write(json.dumps({"size": "tiny", "tag": args.tag, **r}) + "\n")
                if not args.keep_output:
                    shutil.rmtree(out, ignore_errors=True)
        for size in args.sizes:
            corpus, meta = write_corpus(size, work, args.docs_per_file)
            print(f"# corpus {size}: {meta}", file=sys.stderr, flush=True)
            for runner in args.runners:
                for i in range(args.repeats):
                    out = runs_dir / f"{size}-{runner}-{datetime.now():%H%M%S}-{i}"
                    r = run_flow(
                        corpus, out, runner, args.workers, args.timeout, args.sample, env, args.cpu_every
                    )
                    r.update(
                        size=size,
                        runner=runner,
                        meta=meta,
                        tag=args.tag,
                        repeat=i,
                        shared_server=server is not None,
                    )
                    brief = {
                        k: (round(v, 1) if isinstance(v, float) else v)
                        for k, v in r.items()
                        if k not in ("rss_timeline_mb", "cpu_timeline", "cpu_roles", "meta", "error")
                    }
                    print(f"# {size} {runner} #{i}: {brief}", file=sys.stderr, flush=True)
                    if not r["ok"]:
                        print(r.get("error", ""), file=sys.stderr)
                    with results_path.open("a") as fh:
                        fh.write(json.dumps(r) + "\n")
                    results.append(r)
                    if not args.keep_output:
                        shutil.rmtree(out, ignore_errors=True)
    if server is not None:
        server.stop()
    md = table(results, startup)
    print(md)
    if args.update_docs:
        update_docs(md)
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
