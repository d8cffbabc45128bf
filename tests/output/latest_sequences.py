"""Random, seeded sequences of changes to a raw folder, each followed by a real run, and the
invariants the latest view must keep checked after every run (docs/OPERATIONS.md, "What the
latest view guarantees").

Shared by tests/output/test_latest_random.py (a few fixed seeds in CI) and
benchmarks/latest_soak.py (many seeds, for a soak). A sequence is deterministic for its seed: the
same operations on the same files, so a failing seed is replayed exactly. The parts: the starting
folder (latest_raw_folder), the operations (latest_operations), the invariants and the comparison
with a from-scratch run (latest_checks).
"""

from __future__ import annotations

import random
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from factsieve.ingest.sources import _RACY_NS
from tests.output.latest_checks import check_live, compare, view
from tests.output.latest_operations import KEEPING_SIZE_AND_MTIME, OPERATIONS, Folder, random_step
from tests.output.latest_raw_folder import build_raw

Run = Callable[[Path, Path], dict]


@dataclass
class Outcome:
    seed: int
    steps: list[list[str]]
    failures: list[str]
    runs: int
    # documents whose copy canonical or story differed from the from-scratch run's (legitimately,
    # by arrival order; summed over the steps): how often the arrival rule was what held
    other_canonical: int = 0
    # groups a from-scratch run joined around a later-arriving canonical (latest_checks.
    # merged_by_a_later_canonical), each with the step it was seen at
    merged_groups: list[str] = field(default_factory=list)


def run_sequence(
    seed: int, work: Path, repo_raw: Path, run: Run, steps: int | None = None, newer: bool = True
) -> Outcome:
    """Build the folder, run, then 3-6 random steps (at most ``steps``), each followed by a run
    into the same output and a from-scratch run into a new one; the invariants after every run.
    Stops at the first step with failures (later steps would only repeat them). ``newer``: the
    folder has the newer readers' inputs and the steps draw also from the changes that keep size and
    mtime (latest_operations.KEEPING_SIZE_AND_MTIME); without, a seed replays as it did before them."""
    rng = random.Random(seed)
    raw, out = work / "raw", work / "out"
    build_raw(repo_raw, raw, newer_formats=newer)
    # The first run then trusts every file's ctime (a younger one is hashed next run anyway,
    # sources._RACY_NS), so the steps test the stat identity itself, not that fallback.
    time.sleep(_RACY_NS / 1e9 + 0.1)
    operations = KEEPING_SIZE_AND_MTIME if newer else OPERATIONS
    folder = Folder(raw, rng)
    run(raw, out)
    t = view(out)
    arrival = dict.fromkeys(t["documents"]["doc_id"], 0)
    ever = set(arrival)
    log: list[list[str]] = []
    failures = check_live(raw, out, t, ever)
    runs, other, merged = 1, 0, []
    n_steps = rng.randint(3, 6)  # drawn always: a seed cut short (steps) starts as it does in full
    for k in range(1, 1 + min(n_steps, steps or n_steps)):
        if failures:
            break
        log.append(random_step(folder, operations))
        run(raw, out)
        fresh = work / f"fresh-{k}"
        run(raw, fresh)
        runs += 2
        t = view(out)
        live = list(t["documents"]["doc_id"])
        arrival = {d: arrival.get(d, k) for d in live}  # a document that left and came back arrives again
        ever |= set(live)
        scratch = view(fresh)
        notes: list[str] = []
        failures = [
            f"step {k}: {m}" for m in check_live(raw, out, t, ever) + compare(t, scratch, arrival, notes)
        ]
        merged += [f"step {k}: {m}" for m in notes]
        a, b = (v["documents"].set_index("doc_id")[["canonical_doc_id", "story_id"]] for v in (t, scratch))
        if a.index.equals(b.index):
            other += int((a != b).any(axis=1).sum())
        shutil.rmtree(fresh)
    return Outcome(seed, log, failures, runs, other, merged)
