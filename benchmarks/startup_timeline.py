"""Where a one-file `factsieve run` spends its wall time: each process of the command's tree
(the supervisor and the run, the temporary Prefect server, the GX checker, pool workers), when it
was alive, when it was busy and how much CPU it used, with the run's own stage laps on the same
clock. Whole processes, sampled from outside with psutil (every ``--interval`` s); nothing in the
run is instrumented.

    .venv/bin/python benchmarks/startup_timeline.py ONE_FILE_FOLDER [--src DIR] [--home H] [--runs 3]
    .venv/bin/python benchmarks/startup_timeline.py - --server-only [--src DIR] [--home H] [--runs 3]

``--src DIR`` runs the code of a snapshot (``git archive REV | tar -x -C DIR``) with this
checkout's interpreter, as the round-5 comparison in docs/BENCHMARKS.md does. Prints one block per
run: the processes (start, end, busy spans, CPU-s) and the stage laps from the runs table.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]


def role(proc_cmdline: list[str], root_pid: int, pid: int, parent: int | None) -> str:
    line = " ".join(proc_cmdline)
    if pid == root_pid:
        return "command (supervisor)"
    if "server_process.py" in line or "uvicorn" in line:
        return "temporary server"
    if "gx_process" in line:
        return "GX checker"
    if "forkserver" in line or "multiprocessing" in line:
        return "pool"
    if parent == root_pid:
        return "run (supervised child)"
    return line[:60]


def _server_port(cmdline: list[str]) -> int | None:
    if "--port" in cmdline:
        return int(cmdline[cmdline.index("--port") + 1])
    return None


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=0.5) as r:
            return r.status == 200
    except OSError:
        return False


def sample_run(cmd: list[str], env: dict, cwd: Path, interval: float) -> dict:
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    root = psutil.Process(proc.pid)
    seen: dict[int, dict] = {}
    server_ready = None
    while proc.poll() is None:
        now = time.monotonic() - t0
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for p in tree:
            try:
                with p.oneshot():
                    ct = p.cpu_times()
                    cpu = ct.user + ct.system
                    if p.pid not in seen:
                        ppid = p.ppid()
                        seen[p.pid] = {
                            "role": role(p.cmdline(), proc.pid, p.pid, ppid),
                            "cmdline": p.cmdline(),
                            "start": now,
                            "samples": [],
                        }
            except psutil.Error:
                continue
            rec = seen[p.pid]
            rec["samples"].append((now, cpu))
            rec["end"] = now
            if server_ready is None and rec["role"] == "temporary server":
                port = _server_port(rec["cmdline"])
                if port and _healthy(port):
                    server_ready = now
        time.sleep(interval)
    out, err = proc.communicate()
    wall = time.monotonic() - t0
    try:
        summary = json.loads(out)
    except ValueError:
        summary = {"error": err.decode()[-2000:]}
    return {"wall": wall, "procs": seen, "server_ready": server_ready, "summary": summary}


def busy_spans(samples: list[tuple[float, float]], threshold: float = 0.3) -> list[tuple[float, float]]:
    """Intervals where the process used more than ``threshold`` of a core."""
    spans: list[list[float]] = []
    for (t1, c1), (t2, c2) in zip(samples, samples[1:], strict=False):
        busy = (c2 - c1) / max(t2 - t1, 1e-6) > threshold
        if busy and spans and abs(spans[-1][1] - t1) < 1e-9:
            spans[-1][1] = t2
        elif busy:
            spans.append([t1, t2])
    return [(a, b) for a, b in spans if b - a >= 0.1]


def report(res: dict) -> str:
    lines = [
        f"wall {res['wall']:.2f} s; temporary server healthy at {res['server_ready'] or float('nan'):.2f} s"
    ]
    total = 0.0
    for rec in res["procs"].values():
        cpu = rec["samples"][-1][1] if rec["samples"] else 0.0
        total += cpu
        spans = ", ".join(f"{a:.1f}-{b:.1f}" for a, b in busy_spans(rec["samples"]))
        lines.append(
            f"  {rec['role']:<24} alive {rec['start']:.2f}-{rec['end']:.2f}  cpu {cpu:.2f}  busy {spans or '-'}"
        )
    lines.append(f"  all processes cpu {total:.2f}")
    secs = res["summary"].get("seconds")
    if secs:
        # Laps are consecutive from the command's start (its process's start time, which psutil
        # knows to a clock tick or so): each stage's span on about the same clock as the processes.
        at, spans = 0.0, []
        for name, s in secs.items():
            spans.append(f"{name} {at:.2f}-{at + s:.2f}")
            at += s
        lines.append(f"  stages: {'; '.join(spans)}")
    elif "error" in res["summary"]:
        lines.append(f"  error: {res['summary']['error']}")
    return "\n".join(lines)


SERVER_ONLY = """
import os, sys, time
import psutil
from flows import server
t = time.monotonic()
s = server.TemporaryServer.start()
s.wait()
wall = time.monotonic() - t
cpu = psutil.Process(s.proc.pid).cpu_times()
skipped = "migration check skipped" in s.log_tail()
s.stop()
print(f"server healthy after {wall:.2f} s, {cpu.user + cpu.system:.2f} CPU-s; migration check skipped: {skipped}")
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", help="the one-file folder")
    ap.add_argument("--src", default=str(ROOT), help="code to run (a snapshot folder; default this checkout)")
    ap.add_argument("--home", default=None, help="PREFECT_HOME (default: a fresh temporary one)")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--interval", type=float, default=0.05)
    ap.add_argument(
        "--server-only",
        action="store_true",
        help="only start the temporary server (flows.server) and time it to healthy: wall and its CPU",
    )
    args = ap.parse_args(argv)
    src = Path(args.src).resolve()
    home = args.home or tempfile.mkdtemp(prefix="prefect-home-")
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=home, PYTHONPATH=str(src), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    for _ in range(args.runs):
        if args.server_only:
            subprocess.run([sys.executable, "-c", SERVER_ONLY], env=env, cwd=src, check=True)
            continue
        with tempfile.TemporaryDirectory() as out:
            cmd = [
                sys.executable,
                "-m",
                "flows.cli",
                "run",
                str(Path(args.raw).resolve()),
                "--out",
                out,
                "--json",
            ]
            print(report(sample_run(cmd, env, src, args.interval)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
