"""heap.trim gives freed C-heap memory back to the operating system."""

from __future__ import annotations

import os

import pytest

from factsieve import heap

PAGE = os.sysconf("SC_PAGE_SIZE")


def _rss() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * PAGE


def test_trim_returns_the_holes_a_freed_stage_left_in_the_heap():
    if heap._malloc_trim() is None:
        pytest.skip("the C library has no malloc_trim (not glibc)")
    heap.trim()
    # 256 MB of 4 kB buffers (above pymalloc's small objects: from malloc), one in 64 kept alive,
    # as a stage's frames freed around the few objects that outlive it
    blocks = [bytearray(b"x" * 4096) for _ in range(65_536)]
    kept = blocks[::64]
    base = _rss()
    del blocks
    freed = _rss()
    assert heap.trim() is True
    trimmed = _rss()
    # free() alone cannot return the holes between the kept blocks; trim can
    assert freed - trimmed > 150 * 2**20, (base, freed, trimmed)
    assert all(len(b) == 4096 and b[:1] == b"x" for b in kept)  # what was kept is intact
