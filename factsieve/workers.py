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
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import secrets
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")

# Imported once by the fork server; every worker starts with them loaded.
PRELOAD = ["factsieve.pipeline", "factsieve.dedup", "factsieve.tables", "factsieve.ingest"]

_pools: dict[str, Executor] = {}
_lock = threading.Lock()


def default_workers() -> int:
    return os.cpu_count() or 1


@contextlib.contextmanager
def batch_pool(workers: int) -> Iterator[str | None]:
    """A pool of ``workers`` processes for the duration of the block; yields its id.

    With ``workers <= 1`` there is no pool (id None): the work runs inline.
    """
    if workers <= 1:
        yield None
        return
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    pool_id = secrets.token_hex(8)
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as executor:
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
