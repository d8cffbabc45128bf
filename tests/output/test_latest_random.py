"""Random sequences of edits, deletions, renames, moves, swaps, gzips, truncations, breakages,
restores, touches and copies, a real flow run after each step, and the latest view checked after
every run against a from-scratch run over the same folder (tests/output/latest_sequences.py has the
operations and the invariants; benchmarks/latest_soak.py runs many seeds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RAW
from tests.output import latest_sequences

pytestmark = pytest.mark.slow

# Fixed seeds: each is a different mix of the operations (the soak found no seed needed here to
# fail before the fixes; each regression has a test of its own below).
SEEDS = [3, 11, 2024]


def run_flow(raw: Path, out: Path) -> dict:
    from flows.curate import curate

    summary = curate(raw=str(raw), out=str(out))
    assert summary["status"] in ("succeeded", "unchanged"), summary
    return summary


@pytest.mark.parametrize("seed", SEEDS)
def test_random_sequence_keeps_the_latest_view_equal_to_a_from_scratch_run(prefect_harness, tmp_path, seed):
    outcome = latest_sequences.run_sequence(seed, tmp_path, RAW, run_flow)
    assert not outcome.failures, "\n".join([f"seed {seed}", *map(str, outcome.steps), *outcome.failures])
    assert outcome.runs >= 7
