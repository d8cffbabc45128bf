"""Run a command so that killing it leaves none of its processes behind.

`factsieve run` starts processes of its own: Prefect's temporary API server (uvicorn), the
batch pool's fork server and its workers. Killed with SIGTERM, Python exits without running
``finally`` blocks or atexit handlers, and killed with SIGKILL it runs nothing at all; either way
those processes were left running (6 of 15 kills in the issue that asked for this).

So ``supervised`` forks: the child runs the command in a process group of its own (every
process it starts joins that group), the parent only waits.

- SIGINT, SIGTERM or SIGHUP to the parent (Ctrl-C reaches it: it stays in the terminal's
  foreground group) are passed to the child, which unwinds: the worker processes are
  terminated at once (``factsieve.batch.workers.terminate_all``), ``finally`` blocks and atexit
  handlers stop the API server. If the child has not ended ``GRACE_SECONDS`` later, or after a
  second signal, the parent kills the group.
- When the child has ended, the parent kills whatever is left of the group.
- SIGKILL to the parent: the child gets SIGTERM from the kernel (PR_SET_PDEATHSIG) and unwinds
  as above; as its last act it kills the rest of its group itself.

Exit status: the child's (130 after Ctrl-C, 143 after SIGTERM: it handles them); when the
child was killed by a signal it does not handle (SIGKILL), the parent ends by the same signal.
Linux only (prctl, /proc); elsewhere, or with FACTSIEVE_NO_SUPERVISOR=1, the command runs in
this process.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

GRACE_SECONDS = 15.0
_FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
_PR_SET_PDEATHSIG = 1


class Interrupted(BaseException):
    """The run was asked to stop by a signal. A BaseException, like KeyboardInterrupt, so the
    ``except Exception`` of library code does not swallow it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


_received: list[int] = []  # the signals the child was asked to stop by, in order


def interrupted_by() -> int | None:
    """The first signal that asked this (child) process to stop, or None.

    The handler terminates the worker processes before it raises ``Interrupted`` in the main
    thread; a task thread can see its worker die and fail first, and that failure can reach the
    command before ``Interrupted`` does. The command asks here so that it still reports the
    stop, not the failure the stop caused."""
    return _received[0] if _received else None


def _die_with_parent(parent: int) -> None:
    """Ask the kernel for SIGTERM when the parent dies (for a thread of the parent's: it is
    single-threaded when it forks us, so its main thread is the one that counts)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl: no signal will come
        os.kill(os.getpid(), signal.SIGTERM)


def group_members(pgid: int) -> list[int]:
    """Process ids in process group ``pgid`` (from /proc; empty where there is none)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended while we looked
        if len(fields) > 2 and int(fields[2]) == pgid:
            members.append(int(stat.parent.name))
    return members


def _kill_group_but_me() -> None:
    me = os.getpid()
    for pid in group_members(os.getpgrp()):
        if pid != me:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def _child(parent: int, body: Callable[[], int], on_interrupt: Callable[[], None]) -> int:
    os.setpgid(0, 0)
    _die_with_parent(parent)

    def interrupted(signum: int, _frame: object) -> None:
        _received.append(signum)
        on_interrupt()
        raise Interrupted(signum)

    for sig in _FORWARDED:
        signal.signal(sig, interrupted)
    # Registered first, so it runs last: after Prefect's handler has stopped its server. Only
    # when orphaned: with the parent alive, the parent cleans up (and needs our exit code).
    atexit.register(lambda: os.getppid() != parent and _kill_group_but_me())
    return body()


def _kill_group(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def supervised(body: Callable[[], int], on_interrupt: Callable[[], None] = lambda: None) -> int:
    """``body()`` in a child process in its own process group (see the module docstring);
    ``on_interrupt`` runs in the child, in the signal handler, before it unwinds."""
    if sys.platform != "linux" or os.environ.get("FACTSIEVE_NO_SUPERVISOR") == "1":
        return body()
    parent = os.getpid()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        return _child(parent, body, on_interrupt)
    try:
        os.setpgid(pid, pid)  # also here, so killpg works even before the child ran setpgid
    except (PermissionError, ProcessLookupError):
        pass
    deadline: list[float] = []

    def forward(signum: int, _frame: object) -> None:
        if deadline:  # a second signal: no more waiting
            _kill_group(pid, signal.SIGKILL)
            return
        deadline.append(time.monotonic() + GRACE_SECONDS)
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass

        def escalate() -> None:
            time.sleep(GRACE_SECONDS)
            _kill_group(pid, signal.SIGKILL)

        threading.Thread(target=escalate, daemon=True).start()

    for sig in _FORWARDED:
        signal.signal(sig, forward)
    _, status = os.waitpid(pid, 0)  # retried on EINTR (PEP 475)
    for sig in _FORWARDED:
        signal.signal(sig, signal.SIG_DFL)
    _kill_group(pid, signal.SIGKILL)  # whatever the child left behind
    return relay_exit(status)


def relay_exit(status: int) -> int:
    """Exit as the child did (a ``waitpid`` status): its code, or — killed by a signal it did not
    handle (SIGKILL, a crash) — by the same signal, so whoever started us sees what the run itself
    would have shown. Used here and by the warm runner's client."""
    code = os.waitstatus_to_exitcode(status)
    if code < 0:
        sys.stdout.flush()
        sys.stderr.flush()
        if -code not in (signal.SIGKILL, signal.SIGSTOP):  # those two cannot be handled, nor reset
            signal.signal(-code, signal.SIG_DFL)
        os.kill(os.getpid(), -code)
        return 128 - code  # the signal is ignored or blocked here
    return code
