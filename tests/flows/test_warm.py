"""The warm runner `factsieve server` keeps (flows/warm.py): real processes, a real Prefect server.

A run through it must be the run a cold `factsieve run` is (same tables, same GX outcome, a
flow run in the server's database), stop the same way on a signal, leave nothing behind when its
client is killed, and fall back to a cold run whenever the runner cannot serve it.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import psutil
import pytest

from flows import warm
from tests.conftest import RAW, REPO, factsieve
from tests.flows.test_cli_signals import _corpus

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="SCM_RIGHTS, pidfd and process groups: Linux"),
]

TABLES = ("documents", "sentences", "duplicates", "rejects", "runs")
# What differs between any two runs of the same input: the run's id, clock and output folder.
PER_RUN = {
    "run_id",
    "ingested_at",
    "started_at",
    "finished_at",
    "parameters",
    "stage_seconds",
    "command_seconds",
}
PER_RUN |= {"stage_counts"}  # per stage laps: the warm run has no checker-process lap


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`factsieve server` (a Prefect server and the warm runner) in a Prefect home of its own;
    yields (env for runs, the runner's record)."""
    home = tmp_path_factory.mktemp("prefect-home")
    env = {k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "FACTSIEVE_NO_WARM")}
    env["PREFECT_HOME"] = str(home)
    started = factsieve("server", "--port", "0", env=env)
    try:
        assert started.returncode == 0, started.stderr[-2000:]
        record = json.loads((home / warm.STATE_DIR / warm.RECORD_NAME).read_text(encoding="utf-8"))
        assert "warm runner" in started.stdout
        yield env, record
    finally:
        factsieve("server", "--stop", env=env)
    assert (
        not psutil.pid_exists(record["pid"]) or psutil.Process(record["pid"]).status() == psutil.STATUS_ZOMBIE
    )


def _content(out: Path) -> dict[str, int]:
    """A content hash per table, without the columns that differ between any two runs."""
    hashes = {}
    for name in TABLES:
        (part,) = (out / name).glob("part-*.parquet")
        frame = pd.read_parquet(part)
        frame = frame.drop(columns=[c for c in frame.columns if c in PER_RUN]).astype(str)
        hashes[name] = int(pd.util.hash_pandas_object(frame, index=False).sum())
    return hashes


def test_a_warm_run_writes_what_a_cold_run_writes(served, tmp_path):
    env, record = served
    warm_run = factsieve("run", str(RAW / "news"), "--out", str(tmp_path / "warm"), "--json", env=env)
    cold_run = factsieve(
        "run", str(RAW / "news"), "--out", str(tmp_path / "cold"), "--json", "--cold", env=env
    )
    assert warm_run.returncode == 0 and cold_run.returncode == 0, (
        warm_run.stderr[-2000:],
        cold_run.stderr[-2000:],
    )
    w, c = json.loads(warm_run.stdout), json.loads(cold_run.stdout)
    assert (w["started_by"], c["started_by"]) == ("warm runner", "this command")
    assert _content(tmp_path / "warm") == _content(tmp_path / "cold")
    assert (w["gx_status"], w["gx_failures"]) == (c["gx_status"], c["gx_failures"])
    assert Path(w["report"]).is_file() and Path(w["gx_docs"]).is_file()
    # A real flow run in the server's database, as the UI shows it.
    import httpx

    runs = httpx.post(f"{record['api_url']}/flow_runs/filter", json={}, timeout=30).json()
    assert sum(r["state_type"] == "COMPLETED" for r in runs) >= 2, runs
    log = (Path(env["PREFECT_HOME"]) / warm.STATE_DIR / "runner.log").read_text(encoding="utf-8")
    assert f"--out {tmp_path / 'warm'}" in log and f"--out {tmp_path / 'cold'}" not in log


def test_a_runner_that_cannot_serve_falls_back_to_a_cold_run(served, tmp_path):
    """A stale socket (nobody listening) and a refusal (a Prefect setting that differs from the
    runner's) both give an ordinary cold run, and a line saying why in fallbacks.log."""
    env, _ = served
    folder = Path(env["PREFECT_HOME"]) / warm.STATE_DIR
    refused = factsieve("run", str(RAW / "news"), "--out", str(tmp_path / "a"), "--json",
                        env={**env, "PREFECT_LOGGING_LEVEL": "ERROR"})  # fmt: skip
    assert refused.returncode == 0, refused.stderr[-2000:]
    assert json.loads(refused.stdout)["started_by"] == "this command"
    assert "PREFECT_LOGGING_LEVEL" in (folder / warm.FALLBACK_LOG).read_text(encoding="utf-8")

    stale_home = tmp_path / "stale-home"
    (stale_home / warm.STATE_DIR).mkdir(parents=True)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    stale.bind(str(stale_home / warm.STATE_DIR / warm.SOCKET_NAME))
    stale.close()  # the file stays, nobody listens: a runner that died
    res = factsieve("run", str(RAW / "news"), "--out", str(tmp_path / "b"), "--json",
                    env={**env, "PREFECT_HOME": str(stale_home)})  # fmt: skip
    assert res.returncode == 0, res.stderr[-2000:]
    assert json.loads(res.stdout)["started_by"] == "this command"
    assert "ConnectionRefusedError" in (stale_home / warm.STATE_DIR / warm.FALLBACK_LOG).read_text(
        encoding="utf-8"
    )


def _start_big_run(env: dict, tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    raw = tmp_path / "raw"
    _corpus(raw, files=400)
    config = tmp_path / "small-batches.toml"
    config.write_text("batch_bytes = 262144\n", encoding="utf-8")  # many batches: a pool of workers
    err = tmp_path / "stderr.txt"
    with err.open("w") as err_file:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "flows.cli",
                "run",
                str(raw),
                "--out",
                str(tmp_path / "out"),
                "--config",
                str(config),
            ],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err_file,
        )
    return proc, err


def _run_processes(runner_pid: int, timeout: float = 120) -> list[psutil.Process]:
    """The warm run's processes (the runner's descendants) once its batch workers are up."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        procs = psutil.Process(runner_pid).children(recursive=True)
        if sum("forkserver" in " ".join(p.cmdline()) for p in procs if p.is_running()) >= 2:
            return procs
        time.sleep(0.3)
    raise AssertionError("the warm run's workers did not start")


def _all_gone(procs: list[psutil.Process], timeout: float = 40) -> list[psutil.Process]:
    _, alive = psutil.wait_procs(procs, timeout=timeout)
    return [p for p in alive if not _ended(p)]


def _ended(p: psutil.Process) -> bool:
    """Gone, or a zombie its parent has not reaped yet (psutil raises ZombieProcess, a NoSuchProcess,
    for some calls on a zombie under load)."""
    try:
        return p.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_a_stopped_client_stops_its_warm_run(served, tmp_path, sig):
    """SIGINT to the client reaches the run: exit 130 and the one-line message, as a cold run.
    SIGKILL to the client: the runner sees it go and stops the run. Either way, no process of
    the run is left and nothing is published."""
    env, record = served
    proc, err = _start_big_run(env, tmp_path)
    try:
        procs = _run_processes(record["pid"])
        time.sleep(1)  # mid-way: batches are running
        proc.send_signal(sig)
        proc.wait(timeout=60)
        assert _all_gone(procs) == []
        stderr = err.read_text(encoding="utf-8", errors="replace")
        if sig == signal.SIGINT:
            assert proc.returncode == 130, stderr[-3000:]
            assert "Traceback" not in stderr
            assert "stopped by SIGINT" in stderr.strip().splitlines()[-1]
        else:
            log = (Path(env["PREFECT_HOME"]) / warm.STATE_DIR / "runner.log").read_text(encoding="utf-8")
            assert "its client went away; SIGTERM" in log
        runs = tmp_path / "out" / "runs"
        assert not runs.exists() or not list(runs.glob("*.parquet"))
        assert psutil.Process(record["pid"]).is_running()  # the runner serves the next run
    finally:
        for p in psutil.Process(record["pid"]).children(recursive=True):
            with contextlib.suppress(psutil.NoSuchProcess):
                p.kill()
