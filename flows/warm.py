"""The warm runner: a process `factsieve server` keeps that has already imported everything a run
needs, and forks each `factsieve run` from there.

Why: with a Prefect server already running, a one-file run spent ~6 CPU-s importing (Prefect,
pandas/pyarrow/pandera, the flow module, Great Expectations) before and beside ~2-3 s of actual
work. The runner pays the imports once; a run forked from it starts with them done.

The forkserver pattern: the runner imports modules but starts no Python threads, no Prefect
client and no worker pool of its own, and is single-threaded when it forks (numpy's BLAS and
pyarrow's jemalloc keep native helper threads; both libraries reset them in a forked child, as
for the batch pool's fork server). Each child is a fresh `factsieve run`: the ordinary
``flows.cli.main``, supervised as always (its flow in a process group of its own), against the
running server's API: a real Prefect flow run in that server's UI, the same tables, Great
Expectations results and report as a cold run. GX runs in the child's own process: it is
already imported, so no checker process is started.

Protocol (``SOCK_SEQPACKET`` on ``$PREFECT_HOME/factsieve-warm/runner.sock``; the folder is 0700
and the runner serves only its own user, checked with SO_PEERCRED):

1. The client (`factsieve run`, before any heavy import) sends one JSON message (argv, cwd,
   environment, the fingerprint of its code and virtualenv, the API it would use, its own start
   time) with its stdin/stdout/stderr file descriptors attached (SCM_RIGHTS).
2. The runner answers ``{"refused": why}`` (a different code revision or venv, a different
   Prefect setting, an API that does not answer) and the client runs as before, in its own
   process (the refusal is logged, see ``_fell_back``) - or forks the run and answers
   ``{"pid": N}``.
3. The client forwards SIGINT/SIGTERM/SIGHUP to that pid (the run's supervisor: the same
   stopped-by-SIG... exit codes as a cold run); the runner sends ``{"status": wait status}`` when
   the child ends, and the client exits the same way. A client that goes away (killed with
   SIGKILL) closes its end: the runner sends the child SIGTERM, which stops the run and its
   processes as a SIGTERM to a cold run would.

``FACTSIEVE_NO_WARM=1`` or ``factsieve run --cold`` never asks the runner.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import select
import signal
import socket
import struct
import sys
import time
from pathlib import Path

from flows import server
from flows.environment import PROJECT_ROOT, set_prefect_defaults
from flows.supervise import relay_exit

STATE_DIR = "factsieve-warm"
SOCKET_NAME = "runner.sock"
RECORD_NAME = "runner.json"
FALLBACK_LOG = "fallbacks.log"
_MAX_MESSAGE = 1 << 20
_FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
# Read by Prefect and GX when they are imported: the runner imported them under its own
# environment, so a client whose values differ must run cold to get its own.
_IMPORT_TIME_PREFIXES = ("PREFECT_", "GX_")


def state_dir() -> Path:
    return server.prefect_home() / STATE_DIR


def fingerprint() -> str:
    """The code and virtualenv a process runs: the interpreter, the site-packages folder (its
    mtime changes when a package is installed or removed) and every source file of this
    project's packages (path, size, mtime). A runner serves only clients with its own."""
    import sysconfig

    h = hashlib.sha256()
    purelib = sysconfig.get_paths()["purelib"]
    with contextlib.suppress(OSError):
        h.update(f"{sys.executable}\0{sys.version}\0{purelib}\0{os.stat(purelib).st_mtime_ns}\n".encode())
    for package in ("factsieve", "flows", "schemas"):
        for path in sorted((PROJECT_ROOT / package).rglob("*.py")):
            st = path.stat()
            h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _import_time_env(env: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if k.startswith(_IMPORT_TIME_PREFIXES) and k != "PREFECT_API_URL"}


# ---------------------------------------------------------------------------------------------
# The client: `factsieve run`, standard library only (it runs before the heavy imports).


def _fell_back(reason: str) -> None:
    """A run that found a runner but could not use it runs cold; say why in the runner's folder
    (a user sees the same run either way, so nothing on the terminal)."""
    with contextlib.suppress(OSError):
        line = f"{time.strftime('%Y-%m-%dT%H:%M:%S')} pid {os.getpid()}: ran cold: {reason}\n"
        with open(state_dir() / FALLBACK_LOG, "a", encoding="utf-8") as log:
            log.write(line)


def _process_started() -> float:
    import psutil

    return psutil.Process().create_time()


def _wanted_api_url() -> str | None:
    """The API this run would use: PREFECT_API_URL, else the recorded server's (not probed here:
    the runner probes it before it forks)."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    rec = server._read_record()
    return rec["url"] if rec else None


def run_warm(argv: list[str]) -> int | None:
    """Run ``factsieve ARGV`` on the warm runner; its exit code, or None to run cold here."""
    if os.environ.get("FACTSIEVE_NO_WARM") == "1":
        return None
    set_prefect_defaults()  # first: PREFECT_HOME's default (the project's .prefect) says where to look
    path = state_dir() / SOCKET_NAME
    if not path.exists():
        return None
    request = {
        "argv": argv,
        "cwd": os.getcwd(),
        "env": dict(os.environ),
        "fingerprint": fingerprint(),
        "api_url": _wanted_api_url(),
        "started": _process_started(),
    }
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    try:
        conn.connect(str(path))
        socket.send_fds(conn, [json.dumps(request).encode()], [0, 1, 2])
        reply = json.loads(conn.recv(_MAX_MESSAGE) or b"{}")
    except (OSError, ValueError) as exc:  # a stale socket, a runner that died or answered nonsense
        conn.close()
        _fell_back(f"{type(exc).__name__}: {exc}")
        return None
    if "pid" not in reply:
        conn.close()
        _fell_back(reply.get("refused", f"unexpected answer {reply!r}"))
        return None
    return _follow(conn, int(reply["pid"]))


def _follow(conn: socket.socket, pid: int) -> int:
    """Wait for the forked run's status, forwarding stop signals to it."""

    def forward(signum: int, _frame: object) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signum)

    for sig in _FORWARDED:
        signal.signal(sig, forward)
    try:
        message = conn.recv(_MAX_MESSAGE)  # retried after a forwarded signal (PEP 475)
        status = json.loads(message)["status"] if message else None
    except (OSError, ValueError, KeyError):
        status = None
    finally:
        conn.close()
    if status is None:
        print(
            f"factsieve: error: the warm runner ended before the run did (see its log under {state_dir()})",
            file=sys.stderr,
        )
        return 1
    return relay_exit(int(status))


# ---------------------------------------------------------------------------------------------
# The runner.


# What a `factsieve run` imports only when first used, in the run's own process: Prefect's flow and
# task engines (and FastAPI's encoder, which serialises the flow's parameters), pandera's backends
# and strategies (its first validation), pyarrow.dataset (publish). Found by listing sys.modules
# after a run forked from a runner without them (~0.7 s of imports per run). A cold run on a
# temporary server imports them while the server starts (flows.cli).
FLOW_FIRST_USE = (
    "prefect.engine",
    "prefect.flow_engine",
    "prefect.task_engine",
    "prefect.utilities.visualization",
    "fastapi.encoders",
    "anyio._backends._asyncio",
    "opentelemetry.metrics",
    "opentelemetry._logs",
    "pandera.backends.pandas.register",
    "pandera.backends.pandas.builtin_checks",
    "pandera.accessors.pandas_accessor",
    "pandera.api.geopandas.model",
    "pandera.strategies.pandas_strategies",
    "pyarrow.dataset",
    "pandas.core.methods.to_dict",
    "multiprocessing.synchronize",
    "sortedcontainers",
    "pydantic.color",
)

# What a `factsieve run` imports: the CLI's own imports, GX's (in the checker process on a cold
# run) and what GX imports on first use (Data Docs), then the flow's first-use modules.
PRELOAD = (
    "great_expectations",
    "factsieve.output.checks",
    "flows.cli",
    "flows.curate",
    "great_expectations.render.renderer.site_builder",
    "jinja2.ext",
    *FLOW_FIRST_USE,
)


def _preload() -> None:
    """Everything a `factsieve run` imports, imported once, here."""
    import importlib

    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    for module in PRELOAD:
        with contextlib.suppress(ImportError):  # an optional one missing costs the run its import
            importlib.import_module(module)


def _refusal(
    conn: socket.socket, request: dict, own_fingerprint: str, own_env: dict[str, str], api_url: str
) -> str | None:
    """Why this runner must not serve ``request``, or None."""
    uid = struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))[1]
    if uid != os.getuid():
        return f"the client's user {uid} is not the runner's"
    if request.get("fingerprint") != own_fingerprint:
        return "the runner serves a different code revision or virtualenv"
    if request.get("api_url") != api_url:
        return f"the run would use {request.get('api_url')}, the runner {api_url}"
    theirs, ours = _import_time_env(request.get("env", {})), _import_time_env(own_env)
    if theirs != ours:
        differ = sorted(k for k in theirs.keys() | ours.keys() if theirs.get(k) != ours.get(k))
        return f"the client's settings differ from the runner's: {', '.join(differ)}"
    if not server.healthy(api_url):
        return f"the Prefect API {api_url} does not answer"
    return None


def _run_child(request: dict, fds: list[int], api_url: str) -> None:
    """In the forked child: become the client's `factsieve run` and exit with its code."""
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        if fd > 2:
            os.close(fd)
    for sig in _FORWARDED:
        signal.signal(sig, signal.SIG_DFL)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    os.environ["PREFECT_API_URL"] = api_url
    from flows import cli

    sys.argv = ["factsieve", *request["argv"]]
    cli.finish(cli.main(request["argv"], warm_started=float(request["started"])))


class _Runner:
    def __init__(self, api_url: str) -> None:
        self.api_url = api_url
        self.fingerprint = fingerprint()
        self.env = dict(os.environ)  # as Prefect and GX saw it when imported
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.children: dict[int, tuple[int, socket.socket]] = {}  # pidfd -> (pid, conn)
        self.watched: dict[int, int] = {}  # conn fd -> pidfd, while the client is connected

    def bind(self) -> Path:
        folder = state_dir()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.chmod(0o700)  # a folder made earlier with a laxer umask
        path = folder / SOCKET_NAME
        path.unlink(missing_ok=True)
        self.listener.bind(str(path))
        self.listener.listen(16)
        record = {
            "pid": os.getpid(),
            "api_url": self.api_url,
            "socket": str(path),
            "fingerprint": self.fingerprint,
        }
        tmp = folder / f"{RECORD_NAME}.tmp"
        tmp.write_text(json.dumps(record), encoding="utf-8")
        tmp.replace(folder / RECORD_NAME)
        return path

    def serve_forever(self) -> None:
        while True:
            ready, _, _ = select.select([self.listener, *self.children, *self.watched], [], [])
            for fd in ready:
                if fd is self.listener:
                    self._accept()
                elif fd in self.children:
                    self._reap(fd)
                elif fd in self.watched:
                    self._hung_up(fd)

    def _accept(self) -> None:
        conn, _ = self.listener.accept()
        fds: list[int] = []
        try:
            message, fds, _, _ = socket.recv_fds(conn, _MAX_MESSAGE, 3)
            request = json.loads(message)
            why = "expected stdin, stdout and stderr" if len(fds) != 3 else None
            why = why or _refusal(conn, request, self.fingerprint, self.env, self.api_url)
            if why:
                conn.send(json.dumps({"refused": why}).encode())
                raise ConnectionAbortedError(why)
            pid = os.fork()
            if pid == 0:
                self._in_child()
                try:
                    _run_child(request, fds, self.api_url)  # ends the process
                finally:
                    os._exit(1)  # whatever happened, the child never returns to the runner's loop
            conn.send(json.dumps({"pid": pid}).encode())
        except (OSError, ValueError, KeyError, TypeError) as exc:
            print(
                f"warm runner: request not served: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True
            )
            conn.close()
            return
        finally:
            for fd in fds:
                os.close(fd)
        pidfd = os.pidfd_open(pid)
        self.children[pidfd] = (pid, conn)
        self.watched[conn.fileno()] = pidfd
        print(f"warm runner: run {pid}: factsieve {' '.join(request['argv'])}", file=sys.stderr, flush=True)

    def _in_child(self) -> None:
        """The forked child keeps none of the runner's sockets."""
        self.listener.close()
        for pidfd, (_, conn) in self.children.items():
            os.close(pidfd)
            conn.close()

    def _reap(self, pidfd: int) -> None:
        pid, conn = self.children.pop(pidfd)
        self.watched.pop(conn.fileno(), None)
        _, status = os.waitpid(pid, 0)
        with contextlib.suppress(OSError):  # the client is gone: nobody to tell
            conn.send(json.dumps({"status": status}).encode())
        conn.close()
        os.close(pidfd)
        print(
            f"warm runner: run {pid} ended: exit {os.waitstatus_to_exitcode(status)}",
            file=sys.stderr,
            flush=True,
        )

    def _hung_up(self, conn_fd: int) -> None:
        """The client closed its end before the run ended (it was killed): stop the run."""
        pidfd = self.watched.pop(conn_fd)
        pid, _ = self.children[pidfd]
        print(f"warm runner: run {pid}: its client went away; SIGTERM", file=sys.stderr, flush=True)
        with contextlib.suppress(ProcessLookupError):
            signal.pidfd_send_signal(pidfd, signal.SIGTERM)


def serve(api_url: str) -> int:
    """The runner's main: import, listen, fork runs until SIGTERM."""
    set_prefect_defaults()
    os.environ["PREFECT_API_URL"] = api_url  # Prefect reads its settings when imported
    runner = _Runner(api_url)
    _preload()
    path = runner.bind()
    print(f"warm runner {os.getpid()} ready on {path} for {api_url}", file=sys.stderr, flush=True)
    runner.serve_forever()
    return 0


# ---------------------------------------------------------------------------------------------
# Started and stopped by `factsieve server`.


def _read_record() -> dict | None:
    try:
        rec = json.loads((state_dir() / RECORD_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return rec if isinstance(rec, dict) and {"pid", "api_url"} <= rec.keys() else None


def start(api_url: str, timeout: float = 180.0) -> dict:
    """Start a runner for ``api_url`` in its own session (unless one for it and for this code
    is running) and wait until it listens. Returns its record."""
    import subprocess

    rec = _read_record()
    if (
        rec
        and rec["api_url"] == api_url
        and rec.get("fingerprint") == fingerprint()
        and server._alive(int(rec["pid"]))
    ):
        return rec
    stop()  # none, a dead one, or one for another server or an older revision of the code
    folder = state_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    env = dict(os.environ)
    # The runner imports this checkout's code, as the gx checker does.
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH")) if p)
    with open(folder / "runner.log", "ab") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "flows.warm", api_url],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # outlives `factsieve server`; runs in flight are its group
            env=env,
            cwd=folder,
        )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        rec = _read_record()
        if rec and rec["pid"] == proc.pid:
            return rec
        if proc.poll() is not None:
            raise server.ServerError(
                f"the warm runner exited with code {proc.returncode} (log: {folder / 'runner.log'})"
            )
        time.sleep(0.1)
    server._kill_group(proc.pid)
    raise server.ServerError(f"the warm runner was not ready within {timeout:.0f} s")


def stop() -> dict | None:
    """Stop the recorded runner (and runs in flight, as stopping their server would) and remove
    its socket and record."""
    rec = _read_record()
    folder = state_dir()
    if rec is not None:
        pid = int(rec["pid"])
        with contextlib.suppress(ProcessLookupError):
            if server._alive(pid) and os.getpgid(pid) == pid:
                server._kill_group(pid)
    for name in (SOCKET_NAME, RECORD_NAME):
        (folder / name).unlink(missing_ok=True)
    return rec


if __name__ == "__main__":
    sys.exit(serve(sys.argv[1]))
