"""Worker processes for the CPU-bound batch stage.

The flow's tasks run on threads (cheap, they share the flow's Prefect client), but the
batch stage is pure Python and a thread pool runs it on one core at a time (the GIL).
So each batch task hands its work to a pool of plain worker processes, one per core:

- ``forkserver``: workers are forked from a small server process that imported the domain
  modules once. Nothing is forked from the flow's own process (whose threads, e.g.
  Prefect's event loop and API server, must not be copied mid-operation), and no worker
  pays the imports again.
- Workers import no Prefect and never talk to the API: Prefect's ProcessPoolTaskRunner
  starts a Prefect client per worker (~10 s of imports each, measured here).

A task finds the pool by the id the flow registered it under; in a process where that id
is unknown (the process or Dask task runners run tasks elsewhere) the work runs inline.

Starting the pool costs ~2-3 s here (the fork server imports pandas, pyarrow, pandera and
the domain modules). ``prestart`` begins that in the background before the flow starts,
while the CLI's process imports Prefect and starts its temporary API server on the other
core; the flow's ``batch_pool`` then takes the warm pool instead of starting one.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import secrets
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")

# Imported once by the fork server; every worker starts with them loaded.
PRELOAD = ["factsieve.batch._worker_init"]

_pools: dict[str, Executor] = {}
_lock = threading.Lock()
# A pool started ahead of the flow by ``prestart``: (number of workers, executor).
_warm: tuple[int, ProcessPoolExecutor] | None = None


def default_workers() -> int:
    return os.cpu_count() or 1


# os.environ is changed only while the fork server is spawned, under this lock.
_env_lock = threading.Lock()


def _start_fork_server() -> None:
    """Start the fork server (if it is not running) so that its preload imports the modules this
    process would import, not the ones in the current directory.

    Python 3.11's fork server ignores the ``sys_path`` it is handed and imports PRELOAD with the
    path of ``python -c``: the current directory first. Run from a folder holding another
    ``factsieve`` (a second checkout; a revision's snapshot compared through PYTHONPATH), every
    worker ran that folder's code, not this process's. So the server is spawned with
    PYTHONSAFEPATH (no current directory) and this process's own import path as PYTHONPATH.

    The environment, not an argument: 3.11's ``ForkServer.ensure_running`` spawns the server with
    ``util.spawnv_passfds``, which passes no environment (the child gets os.environ), and takes no
    options; the only other way is a copy of ensure_running writing the module's private state.
    CPython fixed the ignored ``sys_path`` in 3.12 and 3.13 (gh-117378, late 2024): there the
    server imports with the path it is handed and this change of os.environ becomes unnecessary.
    """
    from multiprocessing import forkserver

    path = os.pathsep.join(entry or os.getcwd() for entry in sys.path)
    with _env_lock:
        saved = {name: os.environ.get(name) for name in ("PYTHONSAFEPATH", "PYTHONPATH")}
        os.environ.update(PYTHONSAFEPATH="1", PYTHONPATH=path)
        try:
            forkserver.ensure_running()
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def _executor(workers: int) -> ProcessPoolExecutor:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    _start_fork_server()
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx)


def _occupy(seconds: float) -> int:
    """A warm-up task: keeps its worker busy briefly so each warm-up submit starts a new worker."""
    time.sleep(seconds)
    return os.getpid()


def prestart(workers: int) -> None:
    """Start a pool of ``workers`` processes in the background for the next ``batch_pool(workers)``.

    Returns at once: the fork server's imports and the workers' start run on a thread
    (the submits that start them block) and in the new processes. A pool nobody takes is
    closed by ``discard_warm`` (or at interpreter exit).
    """
    global _warm
    if workers <= 1:
        return
    with _lock:
        if _warm is not None:
            return
        executor = _executor(workers)
        _warm = (workers, executor)

    threading.Thread(
        target=_warm_up, args=(executor, workers), name="factsieve-pool-prestart", daemon=True
    ).start()


def _warm_up(executor: ProcessPoolExecutor, workers: int) -> None:
    """Start the warm pool's workers (the body of the prestart thread)."""
    global _warm
    try:
        for _ in range(workers):
            executor.submit(_occupy, 0.2)
    except RuntimeError:  # shut down before it started (discard_warm): nothing to warm
        pass
    except (EOFError, OSError):
        # The fork server died while a worker was being forked: Ctrl-C during the run's
        # start-up (terminate_all kills it) or a preload that failed. Left uncaught this
        # printed a thread traceback under the CLI's one-line "stopped by SIGINT". The pool
        # is unusable, so no flow may take it: batch_pool then starts a fresh one.
        with _lock:
            if _warm is not None and _warm[1] is executor:
                _warm = None
        with contextlib.suppress(Exception):
            executor.shutdown(wait=False, cancel_futures=True)


def discard_warm() -> None:
    """Shut down a prestarted pool that no flow took."""
    global _warm
    with _lock:
        warm, _warm = _warm, None
    if warm is not None:
        warm[1].shutdown(wait=True, cancel_futures=True)


def terminate_all() -> None:
    """Terminate every worker process of this process's pools and their fork server now, without
    waiting for running work: a run that was interrupted (flows.supervise) must not wait for
    a batch to finish. Tasks waiting on a result get BrokenProcessPool and unwind."""
    # No _lock: this runs in a signal handler, maybe while this very thread holds it.
    warm = _warm
    executors = list(_pools.values()) + ([warm[1]] if warm is not None else [])
    for executor in executors:
        for proc in list((getattr(executor, "_processes", None) or {}).values()):
            proc.terminate()
    from multiprocessing import forkserver

    server_pid = getattr(forkserver._forkserver, "_forkserver_pid", None)
    if server_pid:
        with contextlib.suppress(ProcessLookupError):
            os.kill(server_pid, signal.SIGTERM)


def _take_warm(workers: int) -> ProcessPoolExecutor | None:
    global _warm
    with _lock:
        warm = _warm
        if warm is None or warm[0] != workers:
            return None
        _warm = None
    return warm[1]


@contextlib.contextmanager
def batch_pool(workers: int) -> Iterator[str | None]:
    """A pool of ``workers`` processes for the duration of the block; yields its id.

    With ``workers <= 1`` there is no pool (id None): the work runs inline. A pool of the
    same size started by ``prestart`` is used instead of a new one.
    """
    if workers <= 1:
        yield None
        return
    pool_id = secrets.token_hex(8)
    with _take_warm(workers) or _executor(workers) as executor:
        with _lock:
            _pools[pool_id] = executor
        try:
            yield pool_id
        finally:
            with _lock:
                _pools.pop(pool_id, None)


def run(pool_id: str | None, fn: Callable[..., T], *args, **kwargs) -> T:
    """``fn(*args, **kwargs)`` on a worker of pool ``pool_id``, or inline without one."""
    with _lock:
        executor = _pools.get(pool_id) if pool_id else None
    if executor is None:
        return fn(*args, **kwargs)
    return executor.submit(fn, *args, **kwargs).result()
