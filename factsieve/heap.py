"""Give the C heap's free memory back to the operating system between a run's stages.

glibc keeps memory that Python, pandas and numpy freed in its heaps (and in one arena per thread
that allocated: Prefect's tasks run on threads) for reuse by ``malloc``. It returns only the top of
a heap on its own, so a stage that freed hundreds of MB in the middle of one leaves the process's
resident size where it was, and the next stage's allocations, some too large to reuse those holes,
stack on top. ``malloc_trim(0)`` releases every free page of every arena (madvise), keeping the
allocations. Measured at 220k documents: the flow process's peak 849 -> 651 MB for scoring, 807 ->
757 MB for deduplication (docs/BENCHMARKS.md, "1M memory at publish"). Elsewhere (musl, macOS)
there is no such call and nothing is done.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools


@functools.cache
def _malloc_trim():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None)
        fn = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    fn.argtypes, fn.restype = [ctypes.c_size_t], ctypes.c_int
    return fn


def trim() -> bool:
    """Return the C heap's free pages to the operating system; whether anything was released
    (False also where the C library has no ``malloc_trim``)."""
    fn = _malloc_trim()
    return bool(fn(0)) if fn is not None else False
