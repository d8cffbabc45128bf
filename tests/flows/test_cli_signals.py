"""A `factsieve run` killed mid-way leaves no process of its own behind (flows.supervise).

Each test starts the real CLI on a corpus it writes, waits until the run's Prefect API server
and batch workers are up, kills the CLI, and then looks for any process still carrying the
test's marker in its environment (every process the run starts inherits it).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import REPO

STORY = (
    "The city council approved the new transport budget on {day}, officials said. "
    "Mayor Ana Ruiz told reporters the plan would add {n} buses by next year. "
    "Critics say the money would likely be better spent on repairing roads. "
    "According to the finance office, the budget rose {n} percent compared with last year.\n"
)


def _corpus(raw: Path, files: int = 200) -> None:
    raw.mkdir()
    for i in range(files):
        body = "".join(STORY.format(day=("Monday", "Friday")[j % 2], n=i * 7 + j) for j in range(60))
        (raw / f"story-{i:04d}.txt").write_text(f"Council budget story {i}\n{body}", encoding="utf-8")


def _marked(marker: str) -> list[tuple[int, str]]:
    """(pid, command line) of live processes whose environment holds the marker."""
    found = []
    for env in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker.encode() not in env.read_bytes():
                continue
            stat = (env.parent / "stat").read_text()
            if stat.rsplit(")", 1)[1].split()[0] == "Z":
                continue  # a zombie has ended; only its parent has not collected it yet
            cmd = (env.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        found.append((int(env.parent.name), cmd))
    return found


@pytest.fixture(scope="module")
def own_prefect_home(tmp_path_factory) -> Path:
    """A Prefect home of these tests' own: a `factsieve server` a developer keeps running for the
    checkout (recorded under its .prefect/) would otherwise serve the run, and there would be no
    temporary server whose clean-up these tests check."""
    return tmp_path_factory.mktemp("prefect-home")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="process groups and /proc: Linux")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_killed_run_leaves_no_process_behind(tmp_path, sig, own_prefect_home):
    raw, out = tmp_path / "raw", tmp_path / "out"
    _corpus(raw, files=400)  # large enough that a fast machine is still mid-run at the kill
    config = tmp_path / "small-batches.toml"
    config.write_text("batch_bytes = 262144\n", encoding="utf-8")  # many batches: a pool of workers
    marker = f"FACTSIEVE_TEST_MARK={uuid.uuid4().hex}"
    key, value = marker.split("=")
    env = {**os.environ, "PREFECT_HOME": str(own_prefect_home), key: value}
    env.pop("PREFECT_API_URL", None)
    # Files, not pipes: a leftover process would hold a pipe open and hang the test instead of failing it.
    err_path = tmp_path / "stderr.txt"
    with err_path.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "flows.cli", "run", str(raw), "--out", str(out), "--config", str(config)],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    try:
        deadline = time.monotonic() + 240
        # Up: the API server, the fork server and a worker (forked from it: the same command line).
        while time.monotonic() < deadline and proc.poll() is None:
            cmds = [c for _, c in _marked(marker)]
            if any("server_process.py" in c for c in cmds) and sum("forkserver" in c for c in cmds) >= 2:
                break
            time.sleep(0.5)
        assert proc.poll() is None, "the run ended before it could be killed; make the corpus larger"
        time.sleep(1)  # mid-way: batches are running
        proc.send_signal(sig)
        proc.wait(timeout=60)
        stderr = err_path.read_text(encoding="utf-8", errors="replace")
        gone = time.monotonic() + 30
        while _marked(marker) and time.monotonic() < gone:
            time.sleep(0.5)
        assert _marked(marker) == []
        if sig != signal.SIGKILL:
            assert proc.returncode == 128 + sig, stderr[-3000:]
            assert "Traceback" not in stderr
            assert f"stopped by {signal.Signals(sig).name}" in stderr.strip().splitlines()[-1]
        assert not (out / "runs").exists() or not list((out / "runs").glob("*.parquet"))
    finally:
        for pid, _ in _marked(marker):
            os.kill(pid, signal.SIGKILL)


def _mount_tmpfs(path: Path, options: str) -> bool:
    path.mkdir()
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True)
    return res.returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="tmpfs mounts: Linux")
@pytest.mark.parametrize(("options", "reason"), [("size=300k", "No space left"), ("ro,size=1m", "Read-only")])
def test_unwritable_output_is_exit_6_in_one_line(tmp_path, options, reason):
    """A full disk or a read-only output folder: one line and exit 6, no traceback, no retries."""
    raw, mnt = tmp_path / "raw", tmp_path / "mnt"
    _corpus(raw, files=20)
    if not _mount_tmpfs(mnt, options):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        res = subprocess.run(
            [sys.executable, "-m", "flows.cli", "run", str(raw), "--out", str(mnt / "out")],
            cwd=REPO,
            env={**os.environ, "PREFECT_HOME": str(REPO / ".prefect")},
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        subprocess.run(["umount", str(mnt)], check=False)
    assert res.returncode == 6, res.stderr[-2000:]
    assert "Traceback" not in res.stderr
    last = res.stderr.strip().splitlines()[-1]
    assert last.startswith("factsieve: error: cannot write output") and reason in last


@pytest.mark.skipif(sys.platform != "linux", reason="the supervisor forks: Linux")
def test_a_failure_caused_by_the_stop_is_reported_as_the_stop():
    """The child's handler stops the workers before it raises; a task that fails because its
    worker died can surface first. `interrupted_by` lets the command report the stop."""
    script = (
        "import os, signal, sys\n"
        "from flows.supervise import Interrupted, interrupted_by, supervised\n"
        "def body():\n"
        "    try:\n"
        "        try:\n"
        "            os.kill(os.getpid(), signal.SIGTERM)\n"
        "            signal.pause()\n"
        "        except Interrupted as exc:\n"
        "            raise RuntimeError('worker pool broken') from exc  # what a task thread saw\n"
        "    except RuntimeError:\n"
        "        return 128 + interrupted_by() if interrupted_by() else 1\n"
        "    return 0\n"
        "sys.exit(supervised(body))\n"
    )
    res = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert res.returncode == 128 + signal.SIGTERM, res.stderr
