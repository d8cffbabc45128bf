"""The Prefect API a `factsieve run` talks to: a running server when there is one, else a
temporary one started at the very beginning of the command.

Why not Prefect's own temporary server: Prefect starts it from inside the first flow call,
after this process has imported Prefect, the flow and pandas, and it first imports the whole
server application *in this process* (``prefect.server.api.server``, ~3 CPU-s here) only to
build a command line; the server subprocess then imports it again. Starting the same
subprocess here, before any heavy import, lets it import and migrate its database on the
other core while this process imports the flow. The subprocess runs flows/server_process.py:
Prefect's app as Prefect runs it, without the migration check on a database factsieve has
already seen at head.

A long-lived server (``factsieve server``) is ``prefect server start`` in its own session,
its URL and process id recorded in ``$PREFECT_HOME/factsieve-server.json``; later runs find it
there and skip the temporary server (and its start-up) altogether. The flow runs are the
same real Prefect flow runs, visible in that server's UI.

Nothing here imports Prefect: the whole point is to run before it is imported.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from factsieve import subprocesses

RECORD_NAME = "factsieve-server.json"
DEFAULT_PORT = 4200
SERVER_SCRIPT = Path(__file__).with_name("server_process.py")


class ServerError(RuntimeError):
    """The Prefect server could not be started, found or stopped."""


def prefect_home() -> Path:
    return Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect")


def record_path() -> Path:
    return prefect_home() / RECORD_NAME


def healthy(api_url: str, timeout: float = 1.0) -> bool:
    """True when ``api_url`` answers its health check."""
    import urllib.error
    import urllib.request  # here: ~0.1 s of imports (http, email) a run with PREFECT_API_URL skips

    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _alive(pid: int) -> bool:
    """A running process (a zombie nobody reaped yet, e.g. under a container's PID 1, is not)."""
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _read_record() -> dict | None:
    try:
        rec = json.loads(record_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return rec if isinstance(rec, dict) and {"url", "pid"} <= rec.keys() else None


def recorded_server() -> str | None:
    """The API URL of the server ``factsieve server`` started, if it is still up and healthy."""
    rec = _read_record()
    if rec is None or not _alive(int(rec["pid"])):
        return None
    return rec["url"] if healthy(rec["url"]) else None


def _free_port(preferred: int | None = None) -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        try:
            sock.bind(("127.0.0.1", preferred or 0))
        except OSError:
            sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(api_url: str, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServerError(f"the Prefect server exited with code {proc.returncode} before it answered")
        if healthy(api_url, timeout=2.0):
            return
        time.sleep(0.05)
    raise ServerError(f"the Prefect server did not answer on {api_url} within {timeout:.0f} s")


def _startup_timeout() -> float:
    return float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180"))


@dataclass
class TemporaryServer:
    """Prefect's temporary API server (same command and settings as Prefect's own), started
    early; ``wait`` blocks until it answers, ``stop`` ends it.

    Its output goes to an unnamed temporary file, not to the run's stderr: stopped while its
    background services are still starting (a run interrupted early, a short run), Prefect's
    server logs a shutdown traceback ("Reactive triggers not started") that says nothing about
    the run, and a user would take it for a crash. The file's tail is shown when the server fails
    to start, which is when it matters."""

    api_url: str
    proc: subprocess.Popen
    log: IO[bytes] | None = None

    @classmethod
    def start(cls) -> TemporaryServer:
        import importlib.util

        if importlib.util.find_spec("prefect") is None:  # found without importing it
            raise ServerError("prefect is not installed")
        port = _free_port()
        env = {
            **os.environ,
            "PREFECT_UI_ENABLED": "0",
            "PREFECT__SERVER_EPHEMERAL": "1",
            "PREFECT__SERVER_FINAL": "1",
        }
        env.pop("PREFECT_API_URL", None)
        log = tempfile.TemporaryFile()  # gone when closed or when this process ends
        # Prefect's app under uvicorn, as Prefect starts it, from a script of ours that skips the
        # migration check on a database already at head (flows/server_process.py).
        proc = subprocess.Popen(
            [sys.executable, str(SERVER_SCRIPT), "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        return cls(f"http://127.0.0.1:{port}/api", proc, log)

    def log_tail(self, limit: int = 4000) -> str:
        """The last ``limit`` bytes the server wrote, decoded for a message."""
        return "" if self.log is None else subprocesses.tail(self.log, limit)

    def wait(self, timeout: float | None = None) -> None:
        try:
            _wait_healthy(self.api_url, self.proc, timeout or _startup_timeout())
        except ServerError as exc:
            tail = self.log_tail()
            raise ServerError(f"{exc}; its output ends:\n{tail}" if tail else str(exc)) from exc

    def stop(self) -> None:
        subprocesses.stop(self.proc)
        if self.log is not None:
            self.log.close()
            self.log = None


class RunningServer:
    """A server that was up before the run: nothing to wait for."""

    def wait(self, timeout: float | None = None) -> None:
        pass


@contextlib.contextmanager
def api_for_run() -> Iterator[TemporaryServer | RunningServer]:
    """Export a PREFECT_API_URL for this process and its workers for the duration of the block.

    PREFECT_API_URL already set: used as is. Else the server ``factsieve server`` recorded, when
    it is healthy. Else a temporary server, started now and stopped when this process exits;
    the caller ``wait``s for what is yielded at the last moment (a temporary server's start-up
    overlaps whatever the caller does in between).
    """
    if os.environ.get("PREFECT_API_URL"):
        yield RunningServer()
        return
    url = recorded_server()
    if url:
        os.environ["PREFECT_API_URL"] = url
        try:
            yield RunningServer()
        finally:
            os.environ.pop("PREFECT_API_URL", None)
        return
    server = TemporaryServer.start()
    # Stopped at exit, not at the end of the block: Prefect's own exit handlers still send the
    # run's last logs and events to it (stopped earlier, a failed run ended with "All connection
    # attempts failed" on stderr). Registered before Prefect is imported, so it runs after them.
    atexit.register(server.stop)
    os.environ["PREFECT_API_URL"] = server.api_url
    yield server


def start_background(port: int | None = None, timeout: float | None = None) -> dict:
    """Start ``prefect server start`` in its own session (it outlives this command), wait until
    it answers and record its URL and pid. Returns the record; an already running recorded
    server is returned as is."""
    rec = _read_record()
    if rec is not None and _alive(int(rec["pid"])) and healthy(rec["url"]):
        return {**rec, "already_running": True}
    port = _free_port(DEFAULT_PORT if port is None else port)
    home = prefect_home()
    home.mkdir(parents=True, exist_ok=True)
    log = home / "factsieve-server.log"
    with open(log, "ab") as log_file:
        proc = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # not killed with this command's process group
            env={k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"},
        )
    url = f"http://127.0.0.1:{port}/api"
    try:
        _wait_healthy(url, proc, timeout or _startup_timeout())
    except ServerError as exc:
        _kill_group(proc.pid)
        raise ServerError(f"{exc} (log: {log})") from exc
    rec = {"url": url, "pid": proc.pid, "log": str(log), "started_at": time.time()}
    tmp = record_path().with_suffix(".tmp")
    tmp.write_text(json.dumps(rec), encoding="utf-8")
    tmp.replace(record_path())  # readers never see a half-written record
    return rec


def _kill_group(pid: int, timeout: float = 15.0) -> None:
    """SIGTERM the server's session (it is the group leader: ``prefect server start`` and the
    uvicorn it runs), SIGKILL if it is still there after ``timeout``."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _alive(pid):
        with contextlib.suppress(ChildProcessError):
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def stop_background() -> dict | None:
    """Stop the recorded server and remove its record. Returns the record, None if there was none."""
    rec = _read_record()
    if rec is None:
        return None
    pid = int(rec["pid"])
    # Only a process that is still the server we started (pid reuse): a session leader of its own.
    with contextlib.suppress(ProcessLookupError):
        if _alive(pid) and os.getpgid(pid) == pid:
            _kill_group(pid)
    record_path().unlink(missing_ok=True)
    return rec
