"""Great Expectations in a process of its own, started when a command begins.

Importing GX costs ~3.5 CPU-s here, as much as the whole rest of a one-file run. On a thread of
the CLI's process it shares the GIL with the CLI's own imports (Prefect, pandas, the flow), so it
overlapped only the CLI's waits for a temporary Prefect server; with a server already running
there is nothing to wait for and the import ran on the critical path. A process of its own
imports GX on the other core while the CLI imports Prefect and runs the batch stage; when the
flow reaches its checks it sends the frames over and gets the outcome back. The checks are
``checks.run_checks``, unchanged: the same expectations, stored results, Data Docs and outcome.

Only a command that runs one flow in its process starts one (``prestart``: `factsieve run`,
with any task runner: the flow calls its check task directly, so the task runs in the flow's
process even when a process or Dask runner maps the batches elsewhere). Everything else (tests,
a served deployment, a run the warm runner forked with GX imported) finds no checker and runs
the checks in its own process.

Failure is an outcome, never a hang: a checker that dies (or cannot start) gives a failed
critical GX result naming its exit code and the end of its output, as a GX error in-process
does. The checker reads its request from a pipe: when the command ends or is killed before
asking, the pipe closes and the checker exits (it is in the command's process group too, which
flows.supervise kills).
"""

from __future__ import annotations

import contextlib
import importlib.machinery
import importlib.util
import os
import pickle
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from factsieve import subprocesses

if TYPE_CHECKING:
    import pandas as pd

    from factsieve.output.checks import GxOutcome
    from factsieve.params import GxBounds

NICENESS = 5
# The package root the checker must import factsieve from: the same code as this process.
_ROOT = str(Path(__file__).resolve().parents[2])


@dataclass
class Checker:
    """The checker process, the pipe to it and the temporary file holding its output."""

    proc: subprocess.Popen
    log: IO[bytes]
    output_tail: str = ""  # the end of its output, kept when it is stopped

    @classmethod
    def start(cls) -> Checker:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_ROOT, env.get("PYTHONPATH")) if p)
        env.setdefault("GX_ANALYTICS_ENABLED", "false")
        log = tempfile.TemporaryFile()  # gone when closed or when this process ends
        proc = subprocess.Popen(
            [sys.executable, "-m", __name__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            env=env,
        )
        return cls(proc, log)

    def check(
        self,
        frames: dict[str, pd.DataFrame],
        out: Path,
        run_id: str,
        bounds: GxBounds,
        kept_documents: int = 0,
    ) -> GxOutcome:
        """Send the frames, wait for the outcome; a dead checker is a failed outcome."""
        try:
            assert self.proc.stdin is not None and self.proc.stdout is not None
            pickle.dump(
                (frames, Path(out), run_id, bounds, kept_documents),
                self.proc.stdin,
                protocol=pickle.HIGHEST_PROTOCOL,
            )
            self.proc.stdin.close()
            kind, value = pickle.load(self.proc.stdout)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError):
            kind, value = "died", None
        finally:
            self.close(grace=5.0)
        if kind == "ok":
            return value
        if kind == "died":
            tail = self.output_tail
            why = f"the GX checker process ended with code {self.proc.returncode} before it answered"
            value = f"{why}; its output ends: {tail}" if tail else why
        from factsieve.output.checks import failed_outcome

        return failed_outcome(value, Path(out) / "reports")

    def close(self, grace: float = 0.0) -> None:
        """Stop the checker (after ``grace`` seconds to end by itself) and wait for it; keep the
        end of its output."""
        subprocesses.stop(self.proc, grace)
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None and not pipe.closed:
                pipe.close()
        if not self.log.closed:
            self.output_tail = subprocesses.tail(self.log, 2000)
            self.log.close()


_warm: Checker | None = None
_lock = threading.Lock()


def prestart() -> None:
    """Start the checker process for this process's next ``run_checks`` (once)."""
    global _warm
    with _lock:
        if _warm is None:
            _warm = Checker.start()


def preload_in_background() -> None:
    """Import GX on a thread of this process, unless a checker process will run the checks."""
    if _warm is None:
        from factsieve.output import checks

        checks.preload_in_background()


def _take() -> Checker | None:
    global _warm
    with _lock:
        checker, _warm = _warm, None
    return checker


def discard() -> None:
    """Stop a prestarted checker nobody used (a run with nothing new, a failed run)."""
    checker = _take()
    if checker is not None:
        checker.close()


def terminate() -> None:
    """Signal-handler safe (no lock): end the checker now; the interrupted run unwinds."""
    checker = _warm
    if checker is not None and checker.proc.poll() is None:
        checker.proc.terminate()


def run_checks(
    frames: dict[str, pd.DataFrame], out: Path, run_id: str, bounds: GxBounds, kept_documents: int = 0
) -> GxOutcome:
    """``checks.run_checks`` on the prestarted checker process, or in this process without one."""
    checker = _take()
    if checker is None:
        from factsieve.output import checks

        return checks.run_checks(frames, out, run_id, bounds, kept_documents)
    return checker.check(frames, out, run_id, bounds, kept_documents)


# Packages GX imports at its top level for expectations factsieve never uses (distribution tests,
# KL-divergence charts): ~1/3 of GX's import, measured with `python -X importtime`. In the
# checker they load when first used, not when GX is imported.
LAZY_PACKAGES = ("scipy", "altair")


class _LazyFinder:
    """A meta path finder that wraps the pure-Python modules of ``packages`` in
    ``importlib.util.LazyLoader``: a module's body runs at its first attribute access. Extension
    modules load as usual (LazyLoader cannot defer their initialisation). Only in the checker:
    it is single-threaded, and LazyLoader is not thread-safe before Python 3.12.

    Not sqlalchemy: its package initialisation iterates a registry that lazily loaded modules
    change under it (RuntimeError at import)."""

    def __init__(self, packages: tuple[str, ...]) -> None:
        self.packages = packages

    def find_spec(self, name: str, path: object, target: object = None) -> object:
        if name.partition(".")[0] not in self.packages:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                if isinstance(
                    spec.loader,
                    importlib.machinery.SourceFileLoader | importlib.machinery.SourcelessFileLoader,
                ):
                    spec.loader = importlib.util.LazyLoader(spec.loader)
                return spec
        return None


def _serve() -> int:
    """The checker's side: import GX at once, then answer the one request on stdin."""
    # Below the run's own processes: the import should fill idle CPU, not slow what the run waits
    # for first (a temporary Prefect server's start, the worker pool's, the CLI's own imports).
    # Measured: started at normal priority it lengthened a 22k run's start-up (4 processes on 2 cores).
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    # The protocol owns the original stdout; anything GX prints goes to the log with stderr.
    reply = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    sys.meta_path.insert(0, _LazyFinder(LAZY_PACKAGES))
    import great_expectations  # noqa: F401 - the point of this process: imported while the flow runs

    from factsieve.output import checks

    try:
        frames, out, run_id, bounds, kept_documents = pickle.load(sys.stdin.buffer)
    except EOFError:  # the command ended without asking (nothing new, an error, a signal)
        return 0
    try:
        answer = ("ok", checks.run_checks(frames, out, run_id, bounds, kept_documents))
    except Exception as exc:  # noqa: BLE001 - run_checks already catches GX errors; this is the rest
        answer = ("error", f"GX checks could not run: {type(exc).__name__}: {str(exc)[:300]}")
    pickle.dump(answer, reply, protocol=pickle.HIGHEST_PROTOCOL)
    reply.close()
    return 0


if __name__ == "__main__":
    code = _serve()
    sys.stderr.flush()
    # Without the interpreter's teardown: freeing GX's thousands of modules takes 1-2 s, for nothing.
    os._exit(code)
