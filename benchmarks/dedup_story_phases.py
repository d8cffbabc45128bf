"""Where the dedup story phase's time goes, in process CPU seconds of one deduplicate call:
story_pairs (sample candidates), verify_story_pairs (exact verification) and, inside it, the
shingle-set intersections, and stories (split rule + rehome). The stage's own timings_s only give
the whole "story" lap, in wall time, which a loaded 2-core VM inflates 2-3x.

    .venv/bin/python benchmarks/dedup_story_phases.py 220000 --dup-rate 0.03   # news profile
    .venv/bin/python benchmarks/dedup_story_phases.py 220000                   # stress profile

The real functions run unchanged; they are only wrapped with a CPU timer (process_time counts
every thread of the process), so the output is the stage's own."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import scaled_corpus  # noqa: E402
from benchmarks.dedup_bench import frame  # noqa: E402
from factsieve.dedup import DedupParams, deduplicate, run, verify  # noqa: E402

cpu: dict[str, float] = {}
counts: dict[str, int] = {"story_intersected_pairs": 0}
_in_story_verify = [False]


def timed(name: str, fn: Callable) -> Callable:
    def wrapped(*a, **k):
        c = time.process_time()
        try:
            return fn(*a, **k)
        finally:
            cpu[name] = cpu.get(name, 0.0) + time.process_time() - c

    return wrapped


def _wrap() -> None:
    """run.py calls these through its module globals, ShingleSets.intersections through the class."""
    run.story_pairs = timed("story_pairs", run.story_pairs)
    run.stories = timed("stories", run.stories)
    verify_story = timed("verify_story_pairs", run.verify_story_pairs)

    def verify_story_marked(*a, **k):
        _in_story_verify[0] = True
        try:
            return verify_story(*a, **k)
        finally:
            _in_story_verify[0] = False

    run.verify_story_pairs = verify_story_marked
    intersections = verify.ShingleSets.intersections
    story_intersections = timed("story_intersections", intersections)

    def intersections_split(self, ga, gb, *a, **k):
        if not _in_story_verify[0]:  # the copy level's verification and rehome/stories
            return intersections(self, ga, gb, *a, **k)
        counts["story_intersected_pairs"] += len(ga)
        return story_intersections(self, ga, gb, *a, **k)

    verify.ShingleSets.intersections = intersections_split


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, help="documents of the scaled corpus")
    ap.add_argument("--dup-rate", type=float, default=None, help="the 'news' profile (0.03)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    df = frame(scaled_corpus(args.n, args.seed, args.dup_rate))
    _wrap()
    c, t = time.process_time(), time.perf_counter()
    res = deduplicate(df, DedupParams())
    s = res.stats
    out = {
        "docs": args.n,
        "profile": "stress" if args.dup_rate is None else f"news dup_rate={args.dup_rate}",
        "cpu_s": round(time.process_time() - c, 2),
        "wall_s": round(time.perf_counter() - t, 2),
        "timings_s": s["timings_s"],
        "story_cpu_s": {k: round(v, 2) for k, v in cpu.items()},
        **counts,
        **{
            k: s.get(k)
            for k in (
                "candidate_pairs",
                "story_candidate_pairs",
                "story_settled_by_copy",
                "story_verified_pairs",
            )
        },
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
