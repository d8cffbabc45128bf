"""A CPU-time budget for one piece of work on one thread: one hostile record must not stall a run.

Caps and linear algorithms bound what each stage does with a record (factsieve.batch.limits); this
is the guard behind them, for a stage nobody has found a bad input for yet (round 10 found one: a
page of 1,000,000 ``<p>`` elements kept trafilatura's jusText fallback busy for more than 6
CPU-minutes, quadratic in the paragraphs). ``with cpu_budget(seconds):`` raises ``OverBudget``
in the working thread once that thread has used ``seconds`` of CPU time inside the block.

How: one watchdog thread per process reads each watched thread's CPU clock
(``pthread_getcpuclockid``) and, past the budget, sets an asynchronous exception on that thread
(``PyThreadState_SetAsyncExc``). CPU time, not wall time, so a loaded machine (seven helpers on
two cores) does not turn a normal record into a timeout; a thread, not a signal, so it works the
same in the pool's workers and in the flow's own task threads (``--workers 1``). The exception
is raised at the thread's next Python bytecode: a single C call that never returns to Python
(one regular-expression match, one lxml parse) is not interrupted — those are bounded by the
caps instead. Linux/POSIX only; where the CPU clock is missing the budget is not enforced.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

# How often the watchdog looks (wall seconds): a record over budget runs at most this much longer.
_TICK = 0.25


class OverBudget(BaseException):
    """The work used more CPU time than its budget. A BaseException, so that a stage's own
    ``except Exception`` (a reader turning a parse error into a reject) cannot swallow it."""


@dataclass
class _Watch:
    clock: int
    deadline: float
    fired: bool = False


_lock = threading.Lock()
_watched: dict[int, _Watch] = {}  # thread ident -> its budget
_watchdog_pid = 0  # the process whose watchdog is running (a forked worker starts its own)


def _raise_in(ident: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(exc) if exc else None)


def _watchdog() -> None:
    while True:
        time.sleep(_TICK)
        with _lock:
            for ident, w in _watched.items():
                try:
                    over = not w.fired and time.clock_gettime(w.clock) > w.deadline
                except OSError:  # the thread is gone
                    continue
                if over:
                    w.fired = True
                    _raise_in(ident, OverBudget)


def _ensure_watchdog() -> None:
    global _watchdog_pid
    if _watchdog_pid != os.getpid():
        _watchdog_pid = os.getpid()
        threading.Thread(target=_watchdog, name="factsieve-cpu-budget", daemon=True).start()


@contextlib.contextmanager
def cpu_budget(seconds: float) -> Iterator[None]:
    """Raise ``OverBudget`` in this thread once it has used ``seconds`` of CPU time in the block."""
    ident = threading.get_ident()
    try:
        clock = time.pthread_getcpuclockid(ident)
        start = time.clock_gettime(clock)
    except (AttributeError, OSError):  # no per-thread CPU clock here: not enforced
        yield
        return
    with _lock:
        _ensure_watchdog()
        _watched[ident] = _Watch(clock, start + seconds)
    try:
        yield
    finally:
        with _lock:
            w = _watched.pop(ident)
            if w.fired:
                # Fired as the block ended: take back an exception not raised yet, so that it
                # cannot surface later in code that has nothing to do with this budget.
                _raise_in(ident, None)


def seconds_for(chars: int, base: float, per_mb: float) -> float:
    """The budget of work on ``chars`` characters: ``base`` CPU-s plus ``per_mb`` per million."""
    return base + per_mb * chars / 1_000_000
