"""The story verification's shared-shingle bound (factsieve/dedup/shared_bound.py) against another
tree's, on the same candidates in one process: process CPU of building the bitmaps, of bounding
every candidate, and of intersecting the pairs that pass, alternated old/new.

    .venv/bin/python benchmarks/dedup_bound_levels.py MAIN/factsieve/dedup/shared_bound.py 220000 --repeat 3

MAIN: another tree (e.g. `git archive main | tar -x -C MAIN`) whose SharedBound has the round-12
interface (build, upper, sizes). The run deduplicates the news profile (dup rate 0.03) and, at the
first chunk of story candidates, times both bounds on them while the shingle store is open."""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import scaled_corpus  # noqa: E402
from benchmarks.dedup_bench import frame  # noqa: E402
from factsieve.dedup import DedupParams, deduplicate, shared_bound, story  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("old", type=Path, help="the other tree's shared_bound.py")
    ap.add_argument("n", type=int)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    spec = importlib.util.spec_from_file_location("old_shared_bound", args.old)
    old = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = old  # its dataclasses look their module up while it is executed
    spec.loader.exec_module(old)
    p = DedupParams()
    seen: dict = {}
    build, passing = shared_bound.SharedBound.build.__func__, shared_bound.SharedBound.passing

    def build_seen(cls, sets, docs, n):
        seen.update(sets=sets, docs=docs, n=n)
        return build(cls, sets, docs, n)

    def compare(self, ga, gb, test):
        if not seen.get("done"):
            seen["done"] = True
            _compare(old, seen["sets"], seen["docs"], seen["n"], ga, gb, p, args.repeat)
        return passing(self, ga, gb, test)

    story.SharedBound.build = classmethod(build_seen)
    story.SharedBound.passing = compare
    deduplicate(frame(scaled_corpus(args.n, 0, 0.03)), p)


def _compare(old, sets, docs, n, ga, gb, p, repeat) -> None:
    print(f"candidate documents {len(docs)}, candidates bounded {len(ga)}")
    kept = {}
    for _ in range(repeat):
        for name, module in (("old", old), ("new", shared_bound)):
            c0 = time.process_time()
            b = module.SharedBound.build(sets, docs, n)
            c1 = time.process_time()
            la, lb = b.sizes(ga), b.sizes(gb)
            if not hasattr(b, "passing"):  # round 12's one level
                keep = np.flatnonzero(story.story_text(b.upper(ga, gb), la, lb, p))
            else:
                keep = b.passing(
                    ga, gb, lambda upper, i, la=la, lb=lb: story.story_text(upper, la[i], lb[i], p)
                )
            c2 = time.process_time()
            sets.intersections(ga[keep], gb[keep])
            c3 = time.process_time()
            print(
                f"{name}: build {c1 - c0:.3f} bound {c2 - c1:.3f} intersections {c3 - c2:.3f} "
                f"(pairs {len(keep)}) = {c3 - c0:.3f} CPU-s",
                flush=True,
            )
            kept[name] = (keep, [lv.bits for lv in getattr(b, "levels", [])])
            del b
    same_bits = [np.array_equal(x, y) for x, y in zip(kept["old"][1], kept["new"][1], strict=False)]
    print(f"same pairs kept: {np.array_equal(kept['old'][0], kept['new'][0])}; same bitmaps: {same_bits}")


if __name__ == "__main__":
    main()
